// Lighthouse (npm, pinned in xtask/bench/package-lock.json) in its mobile
// defaults — a 412 px wide phone, simulated slow 4G and a 4× slower CPU — on
// our pages and the peers', the way a reader's phone meets them: the four
// charts as "Copy embed code" pastes them into an article, the same four
// as bare elements, uPlot's four, index.html, a chart's page and
// embed.html. Each page is audited ROUNDS times, interleaved, and the
// median of each figure is printed, with our pages' Speed Index and Time
// to Interactive as ratios of uPlot's. It asserts nothing: `cargo xtask
// bench` is a measurement.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { writeFileSync } from 'node:fs';

const BASE = process.env.BENCH_URL;
const OUT = process.env.BENCH_LIGHTHOUSE_OUT;
const ROUNDS = Number(process.env.BENCH_LIGHTHOUSE_ROUNDS ?? 3);
const PAGES = {
  'pasted (ours)': 'ours.html',
  'bare (ours)': 'ours-bare.html',
  uPlot: 'uplot.html',
  'index.html': 'index.html',
  'chart page': 'charts/gdp-growth-average.html',
  'embed.html': 'embed.html?indicator=gdp-growth-average',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** One Lighthouse run: the scores and the figures we quote. */
async function audit(path) {
  const { lhr } = await lighthouse(BASE + path, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  const numeric = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const failing = Object.entries(lhr.audits)
    .filter(([, a]) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
    .filter(([id]) => !['max-potential-fid'].includes(id))
    .map(([id, a]) => `${id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return {
    ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)])),
    cls: numeric('cumulative-layout-shift'),
    speedIndex: numeric('speed-index'),
    interactive: numeric('interactive'),
    bytes: numeric('total-byte-weight'),
    failing,
    version: lhr.lighthouseVersion,
  };
}

const runs = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
const names = Object.keys(PAGES);
for (let round = 0; round < ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) runs[name].push(await audit(PAGES[name]));
  process.stdout.write('.');
}
process.stdout.write('\n');
await chrome.kill();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const range = (values, show) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? show(low) : `${show(median(values))} (${show(low)}–${show(high)})`;
};
const COLUMNS = [
  ['performance', 'performance', (v) => `${v}`],
  ['accessibility', 'accessibility', (v) => `${v}`],
  ['best-practices', 'best practices', (v) => `${v}`],
  ['seo', 'SEO', (v) => `${v}`],
  ['cls', 'CLS', (v) => v.toFixed(3)],
  ['speedIndex', 'Speed Index', (v) => `${Math.round(v)} ms`],
  ['interactive', 'Time to Interactive', (v) => `${Math.round(v)} ms`],
  ['bytes', 'bytes', (v) => `${Math.round(v / 1024)} KB`],
];
console.log(
  `\nLighthouse ${runs.uPlot[0].version} mobile defaults (412 px, simulated slow 4G, 4× CPU slowdown), median of ${ROUNDS} rounds (range)`,
);
console.log(`| page | ${COLUMNS.map(([, label]) => label).join(' | ')} |`);
console.log(`|---|${COLUMNS.map(() => '---').join('|')}|`);
const summary = {};
for (const name of names) {
  summary[name] = Object.fromEntries(COLUMNS.map(([key]) => [key, median(runs[name].map((r) => r[key]))]));
  console.log(
    `| ${name} | ${COLUMNS.map(([key, , show]) =>
      range(
        runs[name].map((r) => r[key]),
        show,
      ),
    ).join(' | ')} |`,
  );
}
for (const name of names) {
  const failing = [...new Set(runs[name].flatMap((r) => r.failing))];
  if (failing.length) console.log(`  ${name}: audits below full marks: ${failing.join(', ')}`);
}
for (const mine of ['pasted (ours)', 'bare (ours)']) {
  for (const [key, label] of [
    ['speedIndex', 'Speed Index'],
    ['interactive', 'Time to Interactive'],
  ]) {
    // Paired by round: both pages audited in the same round.
    const ratios = runs[mine].map((r, i) => r[key] / runs.uPlot[i][key]);
    summary[`${mine} / uPlot ${key}`] = median(ratios);
    console.log(
      `  ${label}, ${mine} / uPlot: ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  }
}
writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), rounds: ROUNDS, summary, runs }, null, 2) + '\n');
console.log(`\nLighthouse results written to ${OUT}`);
