// The WASM module, loaded once for every chart on the page: fetched from
// beside this script, or from where the page said with `setModuleUrl`, or
// decoded from the offline bundle, where a browser refuses to fetch from
// file://.
//
// The build names the file beside the script and says whether to check it
// (`__WASM_FILE__`, `__WASM_INTEGRITY__`): the site's script carries the
// module's hash, so the script's own integrity hash vouches for both; the
// npm package finds `./indicator-charts.wasm` in the form bundlers emit and
// rewrite, and checks nothing (the bundler copies the bytes npm verified,
// and an integrity check would keep the browser from compiling the module
// while it downloads).
//
// When it cannot be loaded, `ModuleError` says why in words for a reader
// (`readerMessage`) and, after a look at what failed, for the page's
// developer (`detail`, logged to the console).

import init from 'indicator-charts-glue';

let moduleUrl = new URL(__WASM_FILE__, import.meta.url);
let integrity = __WASM_INTEGRITY__;
/** What fetched bytes that do not match `integrity` did not match. */
let pinned = () =>
  `the hash this script was built with (${integrity}). The module and indicator-chart.js come from different builds; deploy both from the same build.`;

export class ModuleError extends Error {
  constructor(detail) {
    super(detail);
    this.detail = detail;
    this.readerMessage = 'The interactive chart could not be loaded. Reload the page to try again.';
  }
}

let ready = null;
let loaded = false;

/** Whether the module has loaded (synchronously usable). */
export const moduleLoaded = () => loaded;

/**
 * Fetch the module from `url` (checked against `hash`, if given) instead of
 * beside this script: a copy on another host. Only before it starts loading.
 */
export function setModuleUrl(url, hash = '') {
  if (ready) {
    throw new Error(
      `setModuleUrl("${url}") came after the chart module had started loading from ${moduleUrl}; call it before the first chart is drawn.`,
    );
  }
  moduleUrl = new URL(url, document.baseURI);
  integrity = hash;
  pinned = () => `the hash given to setModuleUrl (${integrity}).`;
}

/** Starts loading the module (once); resolves with its exports. */
export function loadModule() {
  if (!ready) {
    const inline = document.getElementById('indicator-charts-wasm')?.textContent.trim();
    const source = inline ? decodeBase64(inline) : fetchModule();
    ready = init({ module_or_path: source }).then(
      (exports) => {
        loaded = true;
        return exports;
      },
      async (error) => {
        throw error instanceof ModuleError
          ? error
          : new ModuleError(`The chart module could not be started: ${error?.message ?? error}`);
      },
    );
  }
  return ready;
}

// Policy violations seen while fetching, to tell a blocked request from a
// failed one.
const violations = [];
addEventListener('securitypolicyviolation', (event) => violations.push(event));

async function fetchModule() {
  try {
    const response = await fetch(moduleUrl, { integrity });
    if (!response.ok) throw new ModuleError(`${moduleUrl} answered ${response.status} ${response.statusText}.`);
    return response;
  } catch (error) {
    if (error instanceof ModuleError) throw error;
    throw new ModuleError(await diagnose(error));
  }
}

/** Why the module's fetch failed, as far as the page can tell. */
async function diagnose(error) {
  const what = `The chart module ${moduleUrl} could not be fetched (${error?.message ?? error})`;
  // A policy violation is reported in a task of its own, after the fetch fails.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const blocked = violations.find(
    (v) => v.blockedURI && (moduleUrl.href.startsWith(v.blockedURI) || v.blockedURI === moduleUrl.origin),
  );
  if (blocked) {
    return `${what}: the page's Content-Security-Policy (${blocked.effectiveDirective}) does not allow it. Allow the charts' origin in connect-src, and 'wasm-unsafe-eval' in script-src.`;
  }
  try {
    // The same request without the hash: if it succeeds, the bytes are not
    // the ones this script was built with.
    const response = await fetch(moduleUrl, { cache: 'no-store' });
    if (response.ok) {
      return `${what}: its bytes do not match ${pinned()}`;
    }
  } catch {
    // Fall through: not readable at all.
  }
  try {
    // An opaque request reaches a server that sends no CORS headers.
    await fetch(moduleUrl, { mode: 'no-cors', cache: 'no-store' });
    return `${what}: the chart host does not allow this page to read it. The chart host must send Access-Control-Allow-Origin (see the README's hosting section).`;
  } catch {
    return `${what}: the network did not answer. Check the connection, or that the chart host is up.`;
  }
}

function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
