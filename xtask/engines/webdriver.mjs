// A small W3C WebDriver client (plain HTTP, Node's fetch) and, where the
// browser offers it, a WebDriver BiDi connection (over `ws`) for console
// messages. It is all the engines suite needs: one client drives
// ChromeDriver, geckodriver and WebKitWebDriver alike, with no browser
// downloads and nothing outside the npm registry.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import WebSocket from 'ws';

/** A port no one listens on now (the OS picks it; the driver binds it next). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a driver process (`command` with `args`), in a process group of
 * its own so that stopping it also stops what it started (xvfb-run starts
 * Xvfb and the driver); resolves once it answers /status on `port`.
 */
export async function startDriver({ name, command, args, port, env }) {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  child.on('error', (error) => (exited = error.message));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null)
      throw new Error(`${name} (${command}) exited (${exited}) before it answered on port ${port}:\n${stderr}`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop(child);
      throw new Error(`${name} (${command}) did not answer on port ${port} within 30 s:\n${stderr}`);
    }
    await sleep(100);
  }
  return { url, stop: () => stop(child), stderr: () => stderr };
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** A WebDriver session: the commands the suite uses, each failing with the driver's words. */
export class Session {
  static async create(driverUrl, capabilities) {
    const response = await request('POST', `${driverUrl}/session`, { capabilities: { alwaysMatch: capabilities } });
    return new Session(`${driverUrl}/session/${response.sessionId}`, response.capabilities);
  }

  constructor(url, capabilities) {
    this.url = url;
    this.capabilities = capabilities;
  }

  command(method, path, body) {
    return request(method, `${this.url}${path}`, body);
  }

  navigate(url) {
    return this.command('POST', '/url', { url });
  }

  /** Runs `fn` (a function, serialised) in the page with `args`; returns its JSON result. */
  execute(fn, ...args) {
    return this.command('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Like execute, for an async `fn` (its promise is awaited). */
  executeAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
    return this.command('POST', '/execute/async', { script, args }).then((result) => {
      if (result?.error) throw new Error(`script failed in the page: ${result.error}`);
      return result?.value;
    });
  }

  /** Presses and releases each key, as a keyboard does, on the focused element. */
  async pressKeys(...keys) {
    const actions = keys.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  setTimeouts(timeouts) {
    return this.command('POST', '/timeouts', timeouts);
  }

  setWindowSize(width, height) {
    return this.command('POST', '/window/rect', { width, height });
  }

  async quit() {
    await this.bidi?.close();
    await this.command('DELETE', '').catch(() => {});
  }

  /**
   * Opens the session's WebDriver BiDi socket (the `webSocketUrl` the
   * driver returned) and subscribes to log entries; `onEntry` gets each.
   */
  async listenToLog(onEntry) {
    const address = this.capabilities.webSocketUrl;
    if (typeof address !== 'string')
      throw new Error('the driver offered no WebDriver BiDi socket (capability webSocketUrl)');
    this.bidi = await Bidi.connect(address);
    this.bidi.on('log.entryAdded', onEntry);
    await this.bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  }
}

async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${url}: the driver answered ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  if (!response.ok || json.value?.error) {
    const { error, message } = json.value ?? {};
    throw new Error(
      `${method} ${url.replace(/\/session\/[^/]+/, '/session/…')}: ${error ?? response.status}: ${message}`,
    );
  }
  return json.value;
}

/** A WebDriver BiDi connection: commands with ids, and event handlers by method. */
class Bidi {
  static connect(address) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(address);
      socket.once('open', () => resolve(new Bidi(socket)));
      socket.once('error', (error) => reject(new Error(`WebDriver BiDi socket ${address}: ${error.message}`)));
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.next = 1;
    this.pending = new Map();
    this.handlers = new Map();
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.id !== undefined && this.pending.has(message.id)) {
        const { resolve, reject, method } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'error') reject(new Error(`BiDi ${method}: ${message.error}: ${message.message}`));
        else resolve(message.result);
      } else if (message.type === 'event') {
        this.handlers.get(message.method)?.(message.params);
      }
    });
  }

  on(method, handler) {
    this.handlers.set(method, handler);
  }

  send(method, params) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close() {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', resolve);
      this.socket.close();
      setTimeout(resolve, 1000);
    });
  }
}
