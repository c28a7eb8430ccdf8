// The WASM module, loaded once for every chart on the page: fetched with
// the hash the build put in this script (so the script's own integrity hash
// vouches for the module), or decoded from the offline bundle, where a
// browser refuses to fetch from file://.
//
// When it cannot be loaded, `ModuleError` says why in words for a reader
// (`readerMessage`) and, after a look at what failed, for the page's
// developer (`detail`, logged to the console).

import init from 'indicator-charts-glue';

// Set by the build: the module's file name, which carries a hash of its
// bytes (so that it can be cached for a year), and its integrity hash.
export const MODULE_URL = new URL(__WASM_FILE__, import.meta.url);
const INTEGRITY = __WASM_INTEGRITY__;

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

/** Starts loading the module (once); resolves with its exports. */
export function loadModule() {
  if (!ready) {
    const inline = document.getElementById('indicator-charts-wasm')?.textContent.trim();
    const source = inline ? decodeBase64(inline) : fetchModule();
    ready = init({ module_or_path: source }).then(
      (exports) => {
        loaded = true;
        // For tests and benchmarks: the module's memory, in bytes.
        globalThis.__indicatorChartsMemory = () => exports.memory.buffer.byteLength;
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
    const response = await fetch(MODULE_URL, { integrity: INTEGRITY });
    if (!response.ok) throw new ModuleError(`${MODULE_URL} answered ${response.status} ${response.statusText}.`);
    return response;
  } catch (error) {
    if (error instanceof ModuleError) throw error;
    throw new ModuleError(await diagnose(error));
  }
}

/** Why the module's fetch failed, as far as the page can tell. */
async function diagnose(error) {
  const what = `The chart module ${MODULE_URL} could not be fetched (${error?.message ?? error})`;
  // A policy violation is reported in a task of its own, after the fetch fails.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const blocked = violations.find(
    (v) => v.blockedURI && (MODULE_URL.href.startsWith(v.blockedURI) || v.blockedURI === MODULE_URL.origin),
  );
  if (blocked) {
    return `${what}: the page's Content-Security-Policy (${blocked.effectiveDirective}) does not allow it. Allow the charts' origin in connect-src, and 'wasm-unsafe-eval' in script-src.`;
  }
  try {
    // The same request without the hash: if it succeeds, the bytes are not
    // the ones this script was built with.
    const response = await fetch(MODULE_URL, { cache: 'no-store' });
    if (response.ok) {
      return `${what}: its bytes do not match the hash this script was built with (${INTEGRITY}). The module and indicator-chart.js come from different builds; deploy both from the same build.`;
    }
  } catch {
    // Fall through: not readable at all.
  }
  try {
    // An opaque request reaches a server that sends no CORS headers.
    await fetch(MODULE_URL, { mode: 'no-cors', cache: 'no-store' });
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
