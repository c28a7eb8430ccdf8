// The benchmark `cargo xtask bench` runs: our four charts, Chart.js's and
// uPlot's, loaded in one headless Chromium, alternating the pages round by
// round after a warm-up. For each page load it measures
//   - the gzip -9 bytes of every resource the page loads (HTML excluded),
//   - time from navigation start to performance.mark('charts-ready'),
//   - one full redraw of all four charts: window.__redraw(), then a pixel
//     read back from each canvas so the raster is done, not just queued,
//   - JS heap (after a forced GC) plus WASM linear memory;
// and, for a page of 100 embedded charts, main-thread time to the first
// screen and the longest task while scrolling through it. Then, where
// readers are, the time to charts-ready over an emulated slow 4G and cable
// connection (the site served compressed, as the README tells hosts; the
// browser cache off), in interleaved rounds.
//
// It prints medians, min–max and paired ratios, and writes JSON. It never
// fails the build: it is a measurement.
import { chromium } from 'playwright-core';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../e2e/playwright.config.mjs';

const BASE = process.env.BENCH_URL;
const OUT = process.env.BENCH_OUT;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;
// Redraws are timed in batches: the browser's clock has a 0.1 ms grain.
const REDRAW_BATCHES = 15;
const REDRAWS_PER_BATCH = 10;
// "ours" is the code "Copy embed code" gives, pictures included; "ours, bare"
// the same without the static pictures inside the elements, to show what
// they cost (they are what readers see until the module arrives).
const PAGES = { ours: 'ours.html', 'ours, bare': 'ours-bare.html', 'Chart.js': 'chartjs.html', uPlot: 'uplot.html' };
// Chrome DevTools' presets, in bytes per second.
const NETWORKS = {
  'slow 4G': { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cable: { latency: 28, downloadThroughput: 5e6 / 8, uploadThroughput: 1e6 / 8 },
};
const NETWORK_ROUNDS = Math.max(5, Number(process.env.BENCH_NETWORK_ROUNDS ?? 5));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

const chromiumVersion = browser.version();

// Our page is an article with the code "Copy embed code" gives for each of
// the four charts pasted into it, as an editor would make it.
const OURS = ['us-favourability', 'gdp-growth-average', 'military-spending-rise', 'trade-balance-2015'];
{
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${BASE}index.html`);
  const codes = [];
  for (const id of OURS) {
    await page.locator(`#${id}`).getByRole('button', { name: 'Copy embed code' }).click();
    codes.push(await page.evaluate(() => navigator.clipboard.readText()));
  }
  await context.close();
  const article = (codes) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Benchmark: four charts of US–Vietnam relations in figures, as Copy embed code pastes them.">
<title>Bench: indicator-charts (WASM)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="bench.css">
</head>
<body>
<main>
${codes.join('\n')}
</main>
</body>
</html>
`;
  writeFileSync(`${process.env.BENCH_SITE}/ours.html`, article(codes));
  const bare = codes.map((code) => code.replace(/<!--[\s\S]*?-->\s*/, '').replace(/<a [\s\S]*?<\/a>\s*/, ''));
  writeFileSync(`${process.env.BENCH_SITE}/ours-bare.html`, article(bare));
}
const sizeCache = new Map();
/** A resource's size raw, at gzip -9 and at Brotli 11. */
async function compressedBytes(url) {
  if (!sizeCache.has(url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    sizeCache.set(url, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(url);
}

async function measure(name) {
  // A fresh context each time: nothing cached from the previous load.
  const context = await browser.newContext({ viewport: { width: 800, height: 1400 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const loaded = new Set();
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'document') loaded.add(request.url());
  });
  await page.goto(BASE + PAGES[name]);
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0, null, { timeout: 30_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('charts-ready')[0].startTime);
  await page.waitForTimeout(100);
  const redraws = await page.evaluate(
    ([batches, perBatch]) => {
      const canvases = [...document.querySelectorAll('canvas, indicator-chart')].map((e) =>
        e.shadowRoot ? e.shadowRoot.querySelector('canvas') : e,
      );
      const times = [];
      for (let batch = 0; batch < batches; batch++) {
        const start = performance.now();
        for (let i = 0; i < perBatch; i++) {
          window.__redraw();
          // Read a pixel back so the raster is done, not just queued.
          for (const canvas of canvases) canvas.getContext('2d').getImageData(0, 0, 1, 1);
        }
        times.push((performance.now() - start) / perBatch);
      }
      return times;
    },
    [REDRAW_BATCHES, REDRAWS_PER_BATCH],
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => (window.__indicatorChartsMemory ? window.__indicatorChartsMemory() : 0));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const url of loaded) {
    const size = await compressedBytes(url);
    raw += size.raw;
    gzip += size.gzip;
    brotli += size.brotli;
  }
  await context.close();
  return {
    ready,
    redraw: median(redraws),
    bytes: gzip,
    brotliBytes: brotli,
    rawBytes: raw,
    memory: heap + wasm,
    jsHeap: heap,
    wasm,
    files: [...loaded].map((u) => u.slice(BASE.length)),
  };
}

async function manyCharts() {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${BASE}many.html`);
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0, null, { timeout: 30_000 });
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const firstScreen = await page.evaluate(() => ({
    ready: performance.getEntriesByName('charts-ready')[0].startTime,
    drawn: document.querySelectorAll('indicator-chart[data-state="drawn"]').length,
    total: document.querySelectorAll('indicator-chart').length,
  }));
  // Scroll to the bottom a screen at a time, a frame between steps, and
  // note the longest main-thread task and frame.
  const scrolling = await page.evaluate(async () => {
    window.__longest = 0;
    let longestFrame = 0;
    let last = performance.now();
    while (window.scrollY + innerHeight < document.documentElement.scrollHeight - 2) {
      window.scrollBy(0, innerHeight / 2);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      longestTask: window.__longest,
      longestFrame,
      drawn: document.querySelectorAll('indicator-chart[data-state="drawn"]').length,
    };
  });
  await context.close();
  return {
    ...firstScreen,
    drawnAtReady: firstScreen.drawn,
    mainThreadMs: (metrics.TaskDuration ?? 0) * 1000,
    scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
    ...scrolling,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const names = Object.keys(PAGES);
const results = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  // Alternate the order round by round, so no page always goes first.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const result = await measure(name);
    if (round >= WARMUP) results[name].push(result);
  }
  process.stdout.write(round < WARMUP ? 'w' : '.');
}
process.stdout.write('\n');
console.log(
  `Chromium ${chromiumVersion}, ${ROUNDS} rounds after ${WARMUP} warm-up, ${REDRAW_BATCHES} batches of ${REDRAWS_PER_BATCH} redraws per load (median batch), 800×1400 viewport at 1×`,
);
const many = await manyCharts();

/** Navigation start → charts-ready for one load of `name` over `conditions`. */
async function readyOver(name, conditions) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1400 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  await page.goto(BASE + PAGES[name], { timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0, null, { timeout: 60_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('charts-ready')[0].startTime);
  await context.close();
  return ready;
}

const networks = {};
for (const [network, conditions] of Object.entries(NETWORKS)) {
  networks[network] = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < NETWORK_ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) networks[network][name].push(await readyOver(name, conditions));
    process.stdout.write('.');
  }
}
process.stdout.write('\n');
await browser.close();

const METRICS = [
  ['bytes', 'gzip bytes loaded (HTML excluded)', (v) => `${(v / 1024).toFixed(1)} KB`],
  ['brotliBytes', 'Brotli bytes loaded (HTML excluded)', (v) => `${(v / 1024).toFixed(1)} KB`],
  ['ready', 'navigation start → charts-ready', (v) => `${v.toFixed(0)} ms`],
  ['redraw', 'redraw of the 4 charts', (v) => `${v.toFixed(2)} ms`],
  ['memory', 'JS heap + WASM memory', (v) => `${(v / 1024 / 1024).toFixed(2)} MB`],
];
// Each of our pages against each peer.
const PAIRS = names
  .filter((n) => n.startsWith('ours'))
  .flatMap((mine) => names.filter((n) => !n.startsWith('ours')).map((peer) => [mine, peer]));
const summary = {};
for (const [key, label, show] of METRICS) {
  summary[key] = { label };
  console.log(`\n${label}`);
  for (const name of names) {
    const values = results[name].map((r) => r[key]);
    summary[key][name] = { median: median(values), min: Math.min(...values), max: Math.max(...values) };
    console.log(
      `  ${name.padEnd(11)} ${show(median(values)).padStart(10)}   (${show(Math.min(...values))} – ${show(Math.max(...values))})`,
    );
  }
  for (const [mine, peer] of PAIRS) {
    // Paired: both pages in the same round.
    const ratios = results[mine].map((r, i) => r[key] / results[peer][i][key]);
    summary[key][`${mine} / ${peer}`] = { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
    console.log(
      `  ${`${mine} / ${peer}`.padEnd(20)} ${median(ratios).toFixed(2).padStart(5)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  }
}
const networkSummary = {};
for (const [network, byPage] of Object.entries(networks)) {
  const { latency, downloadThroughput } = NETWORKS[network];
  console.log(
    `\nnavigation start → charts-ready over ${network} (${latency} ms, ${((downloadThroughput * 8) / 1e6).toFixed(1)} Mbit/s; compressed, cache off; ${NETWORK_ROUNDS} interleaved rounds)`,
  );
  networkSummary[network] = {};
  for (const name of names) {
    const values = byPage[name];
    networkSummary[network][name] = { median: median(values), min: Math.min(...values), max: Math.max(...values) };
    console.log(
      `  ${name.padEnd(11)} ${median(values).toFixed(0).padStart(6)} ms   (${Math.min(...values).toFixed(0)} – ${Math.max(...values).toFixed(0)})`,
    );
  }
  for (const [mine, peer] of PAIRS) {
    const ratios = byPage[mine].map((v, i) => v / byPage[peer][i]);
    networkSummary[network][`${mine} / ${peer}`] = {
      median: median(ratios),
      min: Math.min(...ratios),
      max: Math.max(...ratios),
    };
    console.log(
      `  ${`${mine} / ${peer}`.padEnd(20)} ${median(ratios).toFixed(2).padStart(5)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  }
}

console.log(
  `\n100 embedded charts (many.html): ${many.drawnAtReady} of ${many.total} drawn at charts-ready (${many.ready.toFixed(0)} ms); main-thread time to the first screen ${many.mainThreadMs.toFixed(0)} ms (script ${many.scriptMs.toFixed(0)} ms); scrolling through all: longest task ${many.longestTask.toFixed(0)} ms, longest frame ${many.longestFrame.toFixed(0)} ms, ${many.drawn} charts drawn by the end`,
);
console.log(
  `\nfiles loaded: ${Object.entries(results)
    .map(([n, r]) => `${n}: ${r[0].files.join(', ')}`)
    .join('; ')}`,
);

writeFileSync(
  OUT,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      rounds: ROUNDS,
      redraws: { batches: REDRAW_BATCHES, perBatch: REDRAWS_PER_BATCH },
      chromium: chromiumVersion,
      summary,
      networks: networkSummary,
      many,
      runs: results,
      networkRuns: networks,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nresults written to ${OUT}`);
