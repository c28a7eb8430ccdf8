// The engines suite: the viewer in Chromium, Firefox and WebKit, through
// each engine's own WebDriver (see webdriver.mjs). `cargo xtask test
// --stage engines` runs it against the build the end-to-end stage made.
//
// 1. Smoke, in each engine: index.html draws every chart (each scrolled
//    into view) and reaches `charts-ready`; embed.html?indicator=ID draws
//    its chart; offline.html, copied alone into an empty folder, draws
//    every chart from file://; a chart's canvas, focused, shows its
//    tooltip, and Escape closes it; no console error on any of them.
// 2. Every page of ours (index, embed, offline and each charts/*.html the
//    build wrote), loaded LOADS times (default 10) in each engine: no
//    console error and no uncaught exception on any load.
//
// Console errors: a small capturing script (captureConsole below) runs
// before each page's own and keeps console.error calls, uncaught errors,
// unhandled rejections and failed loads. Chromium and Firefox run it as a
// WebDriver BiDi preload script, and also report their console over BiDi
// (`log.entryAdded`), which alone missed a failed image load and a
// ResizeObserver loop. WebKitWebDriver has no BiDi and no hook to run a
// script before the page's own, so for WebKit the pages are served through
// a proxy that puts the script at the top of each page's <head>, and
// offline.html's copy gets it too. A canary error, raised first in each
// engine, shows that what is raised is seen.
//
// Environment: CHARTS_URL (the served build), DIST_DIR (its folder),
// ENGINES (a comma-separated subset of chromium,firefox,webkit), LOADS, and
// the programs: CHROMIUM, CHROMEDRIVER, CHROMIUM_ARGS (JSON), FIREFOX,
// GECKODRIVER, WEBKIT_DRIVER, MINIBROWSER, XVFB_RUN.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session, freePort, startDriver } from './webdriver.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this suite with \`cargo xtask test --stage engines\``);
  return value;
};

const CHARTS_URL = env('CHARTS_URL');
const DIST_DIR = env('DIST_DIR');
const LOADS = Number(process.env.LOADS ?? 10);
if (!Number.isInteger(LOADS) || LOADS < 1)
  throw new Error(`LOADS=${process.env.LOADS}: give a whole number of loads, 1 or more`);
const WAIT_MS = 30_000;
// Charts drawn on a 1280-pixel-wide window paint far more than this; a
// blank or nearly blank canvas paints less.
const MIN_DRAWN_PIXELS = 3000;

/** How to start each engine's driver and session. */
const ENGINES = {
  chromium: async () => {
    const port = await freePort();
    return {
      driver: { command: env('CHROMEDRIVER'), args: [`--port=${port}`], port },
      capabilities: {
        browserName: 'chrome',
        webSocketUrl: true,
        'goog:chromeOptions': { binary: env('CHROMIUM'), args: JSON.parse(env('CHROMIUM_ARGS')) },
      },
      console: 'bidi',
    };
  },
  firefox: async () => {
    const [port, bidiPort] = [await freePort(), await freePort()];
    return {
      // geckodriver's BiDi port defaults to 9222: another suite running at
      // the same time would collide, so it gets a free one too.
      driver: { command: env('GECKODRIVER'), args: ['--port', `${port}`, '--websocket-port', `${bidiPort}`], port },
      capabilities: {
        browserName: 'firefox',
        webSocketUrl: true,
        'moz:firefoxOptions': {
          binary: env('FIREFOX'),
          args: ['-headless'],
          // Canvas read-back returns real pixels (not noise) only without it.
          prefs: { 'privacy.resistFingerprinting': false },
        },
      },
      console: 'bidi',
    };
  },
  webkit: async () => {
    const port = await freePort();
    return {
      // MiniBrowser has no headless mode: it draws on a virtual X display.
      driver: { command: env('XVFB_RUN'), args: ['-a', env('WEBKIT_DRIVER'), `--port=${port}`], port },
      capabilities: {
        'webkitgtk:browserOptions': { binary: env('MINIBROWSER'), args: ['--automation'] },
      },
      console: 'injected',
    };
  },
};

/**
 * Put at the top of a page's <head> for WebKit (see above): keeps what a
 * console would show as an error in `window.__consoleErrors`.
 */
export function captureConsole() {
  const errors = [];
  window.__consoleErrors = errors;
  const describe = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  const original = console.error;
  console.error = function (...args) {
    errors.push(`console.error: ${args.map(describe).join(' ')}`);
    return original.apply(this, args);
  };
  addEventListener(
    'error',
    (event) => {
      // Capture phase: failed loads of scripts, images and styles as well as uncaught exceptions.
      if (event instanceof ErrorEvent) errors.push(`uncaught: ${describe(event.error ?? event.message)}`);
      else errors.push(`failed to load: <${event.target.localName}> ${event.target.src ?? event.target.href}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${describe(event.reason)}`));
}

const CAPTURE = `<script>(${captureConsole})()</script>`;
const withCapture = (html) => html.replace(/<head[^>]*>/i, (head) => head + CAPTURE);

/** A proxy in front of CHARTS_URL that adds CAPTURE to every HTML page (WebKit only). */
async function capturingProxy() {
  const server = createServer(async (request, response) => {
    try {
      const upstream = await fetch(new URL(request.url.slice(1), CHARTS_URL), { method: request.method });
      const headers = Object.fromEntries(
        [...upstream.headers].filter(([name]) => !['content-encoding', 'content-length'].includes(name)),
      );
      const isHtml = (upstream.headers.get('content-type') ?? '').startsWith('text/html');
      const body = isHtml ? Buffer.from(withCapture(await upstream.text())) : Buffer.from(await upstream.arrayBuffer());
      response.writeHead(upstream.status, headers);
      response.end(body);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`proxy: ${error.message}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// --- in the page -----------------------------------------------------------

/** Resolves once `performance.mark('charts-ready')` is set (the mark itself, not only its event). */
async function whenChartsReady() {
  while (performance.getEntriesByName('charts-ready', 'mark').length === 0)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return true;
}

/** Scrolls each chart into view in turn, waits for it to settle, and says how each ended. */
async function drawEveryChart(timeout) {
  const drawnPixels = (canvas) => {
    if (!canvas || canvas.hidden || canvas.width === 0) return 0;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
    return drawn;
  };
  const results = [];
  for (const chart of document.querySelectorAll('indicator-chart')) {
    chart.scrollIntoView({ block: 'center' });
    const started = performance.now();
    while (!['drawn', 'error'].includes(chart.dataset.state) && performance.now() - started < timeout)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const canvas = chart.shadowRoot?.querySelector('canvas');
    results.push({
      indicator: chart.getAttribute('indicator') ?? '(no indicator)',
      state: chart.dataset.state ?? 'never settled',
      error: chart.shadowRoot?.querySelector('.error:not([hidden])')?.textContent ?? '',
      pixels: drawnPixels(canvas),
    });
  }
  return results;
}

/** Focuses the first chart's canvas (in its shadow root); says which chart. */
function focusFirstCanvas() {
  const chart = document.querySelector('indicator-chart');
  chart.scrollIntoView({ block: 'center' });
  chart.shadowRoot.querySelector('canvas').focus();
  return chart.getAttribute('indicator');
}

/** The first chart's tooltip: shown (not hidden, with a size) and its text. */
function firstTooltip() {
  const tooltip = document.querySelector('indicator-chart').shadowRoot.querySelector('.tooltip');
  const box = tooltip.getBoundingClientRect();
  const shown = !tooltip.hidden && getComputedStyle(tooltip).display !== 'none' && box.width > 0 && box.height > 0;
  return { shown, text: tooltip.textContent };
}

// --- the suite -------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` in the page until `check` accepts its value (true) or WAIT_MS pass (false). */
async function waitFor(session, probe, check) {
  const deadline = Date.now() + WAIT_MS;
  while (!check(await session.execute(probe))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Runs one engine: smoke checks, then the repeated loads. Returns the failures. */
async function runEngine(name, pages, ids, onIndex, proxy) {
  const failures = [];
  const plan = await ENGINES[name]();
  const driver = await startDriver({ name: `${name}'s driver`, ...plan.driver });
  let session;
  try {
    session = await Session.create(driver.url, plan.capabilities);
    await session.setTimeouts({ script: WAIT_MS, pageLoad: WAIT_MS });
    await session.setWindowSize(1280, 900);
    const logged = [];
    if (plan.console === 'bidi') {
      await session.listenToLog((entry) => {
        if (entry.level === 'error')
          logged.push(`${entry.type === 'javascript' ? 'uncaught' : 'console.error'}: ${entry.text}`);
      });
      // The log misses what a page's error handlers see but the log does
      // not carry (a failed image load, a ResizeObserver loop): the
      // capturing script runs too, before each page's own scripts.
      await session.bidi.send('script.addPreloadScript', { functionDeclaration: String(captureConsole) });
    }
    const base = plan.console === 'injected' ? proxy.url : CHARTS_URL;
    const urlOf = (page, load) => (page.file ? page.file[plan.console] : `${base}${page.path(load)}`);

    /**
     * Loads `url`, waits for `charts-ready` where the page has a chart, and
     * runs `then`, which returns what it found wrong. Returns that, the
     * load's console errors, and whether the page got ready at all.
     */
    const load = async (url, then = async () => []) => {
      const before = logged.length;
      await session.navigate(url);
      const problems = [];
      const hasChart = await session.execute(() => document.querySelector('indicator-chart') !== null);
      const notReady =
        hasChart &&
        (await session.executeAsync(whenChartsReady).then(
          () => null,
          (error) => error,
        ));
      if (notReady)
        problems.push(`performance.mark('charts-ready') was not set within ${WAIT_MS / 1000} s (${notReady.message})`);
      else problems.push(...(await then()));
      // A moment for late messages (BiDi events arrive after the page's own work).
      await sleep(100);
      const captured = await session.execute(() => window.__consoleErrors ?? null);
      if (captured === null) problems.push('the console-capturing script did not run in the page');
      // What both the log and the capturing script saw, once.
      problems.push(...new Set([...logged.slice(before), ...(captured ?? [])]));
      return { problems, ready: !notReady };
    };
    const check = async (label, task) => {
      const started = Date.now();
      const problems = await task().catch((error) => [error.message]);
      if (problems.length === 0) {
        console.log(`  ${name}: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } else {
        failures.push(`${name}: ${label}:\n    ${problems.join('\n    ')}`);
        console.log(`  ${name}: FAILED ${label}: ${problems[0].slice(0, 200)}${problems.length > 1 ? ' …' : ''}`);
      }
    };
    /** What is wrong with the charts `drawEveryChart` reported, `expected` of them. */
    const notDrawn = (results, expected) => {
      const wrong = results
        .filter((r) => r.state !== 'drawn' || r.pixels < MIN_DRAWN_PIXELS)
        .map(
          (r) => `chart "${r.indicator}" is ${r.state}${r.error ? ` ("${r.error}")` : ''}, ${r.pixels} pixels drawn`,
        );
      if (results.length !== expected) wrong.push(`${results.length} charts on the page, ${expected} expected`);
      return wrong;
    };
    const drawsAll = (expected) => async () => notDrawn(await session.executeAsync(drawEveryChart, WAIT_MS), expected);

    // 1. Smoke.
    const [index, embed, offline] = pages;
    const smoke = (label, url, then) => check(label, async () => (await load(url, then)).problems);
    // First, that this engine's way of seeing console errors sees them:
    // otherwise every "no console error" below would pass unseeing.
    await check('a console.error and an uncaught exception raised in a page are seen', async () => {
      const canaries = ['canary console.error', 'canary exception'];
      const { problems } = await load(urlOf(index, 0), async () => {
        await session.execute(
          (message, exception) => {
            console.error(message);
            setTimeout(() => {
              throw new Error(exception);
            });
          },
          ...canaries,
        );
        await sleep(200);
        return [];
      });
      return canaries
        .filter((canary) => !problems.some((problem) => problem.includes(canary)))
        .map((canary) => `"${canary}", raised in the page, was not seen: console errors would go unnoticed`);
    });
    await smoke('index.html: every chart drawn, charts-ready, no console error', urlOf(index, 0), drawsAll(onIndex));
    await smoke(`embed.html?indicator=${ids[0]}: drawn, no console error`, urlOf(embed, 0), drawsAll(1));
    await smoke(
      'offline.html alone from file://: every chart drawn, no console error',
      urlOf(offline, 0),
      drawsAll(onIndex),
    );
    await smoke('a focused canvas shows its tooltip; Escape hides it', urlOf(index, 0), async () => {
      const indicator = await session.execute(focusFirstCanvas);
      const shown = await waitFor(session, firstTooltip, (t) => t.shown && t.text.length > 0);
      if (!shown) return [`the tooltip of "${indicator}" did not show when its canvas had focus`];
      await session.pressKeys('\uE00C'); // Escape
      const hidden = await waitFor(session, firstTooltip, (t) => !t.shown);
      return hidden ? [] : [`Escape did not hide the tooltip of "${indicator}"`];
    });

    // 2. Every page, LOADS times.
    for (const page of pages) {
      await check(`${page.name}: ${LOADS} loads, no console error`, async () => {
        const problems = [];
        for (let i = 0; i < LOADS; i++) {
          const url = urlOf(page, i);
          const { problems: found, ready } = await load(url);
          problems.push(...found.map((problem) => `load ${i + 1} (${url}): ${problem}`));
          // A page that never gets ready would cost WAIT_MS a load: once is enough to know.
          if (!ready) break;
        }
        return problems;
      });
    }
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
  } finally {
    await session?.quit();
    driver.stop();
  }
  return failures;
}

async function main() {
  const names = (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').filter(Boolean);
  if (names.length === 0) throw new Error(`ENGINES names no engine; name some of ${Object.keys(ENGINES).join(', ')}`);
  const unknown = names.filter((n) => !(n in ENGINES));
  if (unknown.length > 0)
    throw new Error(`no engine "${unknown.join(', ')}"; the engines are ${Object.keys(ENGINES).join(', ')}`);

  const data = JSON.parse(readFileSync(join(DIST_DIR, 'data/indicators.json'), 'utf8'));
  // Every record has its own page and embed; the index and offline.html
  // draw a duration with a span on the timeline, not as a chart of its own.
  const ids = [...data.indicators.map((i) => i.id), data.timeline.id];
  const onIndex = data.indicators.filter((i) => !i.span).length + 1;

  // offline.html alone in an empty folder, so that it can lean on no file beside it;
  // WebKit's copy carries the capturing script (it cannot be added before the page's scripts otherwise).
  const alone = mkdtempSync(join(tmpdir(), 'offline-alone-'));
  const offline = readFileSync(join(DIST_DIR, 'offline.html'), 'utf8');
  const plain = join(alone, 'bidi');
  const capturing = join(alone, 'injected');
  for (const [dir, html] of [
    [plain, offline],
    [capturing, withCapture(offline)],
  ]) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'offline.html'), html);
  }

  // Each page of ours; embed.html shows a different chart on each load.
  const chartPages = existsSync(join(DIST_DIR, 'charts'))
    ? readdirSync(join(DIST_DIR, 'charts'))
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
  const pages = [
    { name: 'index.html', path: () => 'index.html' },
    { name: 'embed.html', path: (i) => `embed.html?indicator=${encodeURIComponent(ids[i % ids.length])}` },
    {
      name: 'offline.html (file://)',
      file: {
        bidi: pathToFileURL(join(plain, 'offline.html')).href,
        injected: pathToFileURL(join(capturing, 'offline.html')).href,
      },
    },
    ...chartPages.map((f) => ({ name: `charts/${f}`, path: () => `charts/${f}` })),
  ];
  console.log(
    `Engines: ${names.join(', ')}; ${ids.length} charts; pages: ${pages.map((p) => p.name).join(', ')}; ${LOADS} loads each`,
  );

  const proxy = await capturingProxy();
  const failures = [];
  const times = [];
  for (const name of names) {
    const started = Date.now();
    failures.push(...(await runEngine(name, pages, ids, onIndex, proxy)));
    times.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  proxy.close();
  rmSync(alone, { recursive: true, force: true });
  console.log(`Time per engine: ${times.join(', ')}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} engine check(s) failed:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

await main();
