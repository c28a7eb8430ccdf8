// Nothing on a page moves while its charts load and draw, and every canvas
// is drawn at the size it is shown: on every page we publish (index.html, a
// chart's page, embed.html) and on an article with four charts pasted from
// "Copy embed code", at phone to desktop widths, at pixel ratios 1, 2 and
// 2.625, over ten cold loads of each. The first paint already holds each
// chart's final box (the picture's box follows a rule of the width, which
// the canvas follows too: src/site/boxes.rs), so the layout-shift entries
// the browser records add up to 0.
import { test, expect } from '@playwright/test';
import { copiedEmbedCode, hostServer } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const WIDTHS = [360, 390, 412, 768, 1280];
const RATIOS = [1, 2, 2.625];
const LOADS = Number(process.env.LAYOUT_SHIFT_LOADS ?? 10);
// Loads run a few at a time: the boxes must hold whatever order things
// arrive in, and the runs are shorter.
const AT_ONCE = 4;
// The peer pages of the benchmark: the charts an article is likeliest to carry.
const ARTICLE_CHARTS = ['us-favourability', 'gdp-growth-average', 'military-spending-rise', 'trade-balance-2015'];

/** Records layout shifts from before the page's own scripts run. */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = entry.sources.map((s) => {
        const node = s.node;
        return node
          ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${node.className}` : ''}`
          : '?';
      });
      window.__shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * After the charts in view have drawn and two frames have passed: the
 * shifts recorded, and every drawn canvas whose backing store is not its
 * CSS box × devicePixelRatio (±1 px).
 */
function settle() {
  return (async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const blurred = [];
    for (const element of document.querySelectorAll('indicator-chart')) {
      const canvas = element.shadowRoot?.querySelector('canvas');
      if (!canvas || canvas.hidden) continue;
      const box = canvas.getBoundingClientRect();
      const [width, height] = [box.width * devicePixelRatio, box.height * devicePixelRatio];
      if (Math.abs(canvas.width - width) > 1 || Math.abs(canvas.height - height) > 1) {
        blurred.push(
          `${element.getAttribute('indicator')}: ${canvas.width}×${canvas.height} device px shown at ${box.width}×${box.height} CSS px`,
        );
      }
    }
    const drawn = document.querySelectorAll('indicator-chart[data-state="drawn"]').length;
    return { shifts: window.__shifts, blurred, drawn };
  })();
}

/** Loads `url` cold in every width × ratio, LOADS times each; the problems seen. */
async function loadEverywhere(browser, url) {
  const runs = [];
  for (const width of WIDTHS) {
    for (const ratio of RATIOS) {
      for (let load = 1; load <= LOADS; load++) runs.push({ width, ratio, load });
    }
  }
  const problems = [];
  let drawnLoads = 0;
  const next = async () => {
    for (let run = runs.shift(); run; run = runs.shift()) {
      const { width, ratio, load } = run;
      // A new context each time: a cold cache, as a first visit.
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: ratio });
      try {
        const page = await context.newPage();
        await page.addInitScript(recordShifts);
        await page.goto(url);
        await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0);
        // On a phone the first chart can be below the fold, and charts draw
        // as they come into view: bring it in (a script's scroll is no
        // input, so shifts still count), and wait for it to draw.
        await page.evaluate(() => document.querySelector('indicator-chart')?.scrollIntoView());
        await page.waitForFunction(
          () => document.querySelector('indicator-chart')?.getAttribute('data-state') === 'drawn',
          null,
          { timeout: 20_000 },
        );
        const { shifts, blurred, drawn } = await page.evaluate(settle);
        const where = `${width} px at ${ratio}×, load ${load}`;
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        if (total > 0)
          problems.push(
            `${where}: layout shift ${total.toFixed(4)} (${shifts.map((s) => s.sources.join(' ')).join('; ')})`,
          );
        for (const canvas of blurred) problems.push(`${where}: ${canvas}`);
        if (drawn > 0) drawnLoads++;
      } finally {
        await context.close();
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, next));
  return { problems, drawnLoads };
}

async function expectSteady(browser, url) {
  const { problems, drawnLoads } = await loadEverywhere(browser, url);
  expect(drawnLoads, 'loads in which a chart was drawn').toBe(WIDTHS.length * RATIOS.length * LOADS);
  expect(problems).toEqual([]);
}

test.describe.configure({ mode: 'parallel', timeout: 600_000 });

test('index.html holds every chart’s box from the first paint, and draws each sharp', async ({ browser }) => {
  await expectSteady(browser, `${CHARTS}index.html`);
});

test('a chart’s page holds its box from the first paint, and draws it sharp', async ({ browser }) => {
  await expectSteady(browser, `${CHARTS}charts/gdp-growth-average.html`);
});

test('an article with four charts pasted from “Copy embed code” never moves', async ({ browser }) => {
  const codes = [];
  for (const id of ARTICLE_CHARTS) codes.push(await copiedEmbedCode(browser, CHARTS, id));
  const host = await hostServer({
    '/article.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Article</title><style>article { max-width: 680px; margin: 0 auto; padding: 0 16px; font: 18px/1.5 Georgia, serif }</style></head>
<body><article><h1>An article</h1><p>Before the charts.</p>${codes.join('\n<p>A paragraph between charts, which must not move.</p>\n')}<p>After the charts.</p></article></body></html>`,
    },
  });
  try {
    await expectSteady(browser, `${host.url}article.html`);
  } finally {
    await host.close();
  }
});

test('every chart is drawn at its device size at 2× and 3×, on index.html and on its own page', async ({ browser }) => {
  const problems = [];
  for (const ratio of [2, 3]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, deviceScaleFactor: ratio });
    const page = await context.newPage();
    await page.goto(`${CHARTS}index.html`);
    const charts = page.locator('indicator-chart');
    const count = await charts.count();
    for (let i = 0; i < count; i++) {
      await charts.nth(i).scrollIntoViewIfNeeded();
      await expect(charts.nth(i)).toHaveAttribute('data-state', 'drawn');
    }
    const { blurred, drawn } = await page.evaluate(settle);
    expect(drawn).toBe(count);
    problems.push(...blurred.map((b) => `index.html at ${ratio}×: ${b}`));
    for (const id of await page.evaluate(() =>
      [...document.querySelectorAll('indicator-chart')].map((e) => e.getAttribute('indicator')),
    )) {
      await page.goto(`${CHARTS}charts/${id}.html`);
      await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
      problems.push(...(await page.evaluate(settle)).blurred.map((b) => `charts/${id}.html at ${ratio}×: ${b}`));
    }
    await context.close();
  }
  expect(problems).toEqual([]);
});
