// A reader sees the chart's static picture until the canvas takes its place,
// and nothing on the page moves when it does: the layout-shift entries the
// browser records add up to 0, on index.html and in an article that embeds a
// chart with the picture "Copy embed code" gives.
import { test, expect } from '@playwright/test';
import { copiedEmbedCode, hostServer } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;

/** Starts recording layout shifts before the page's own scripts run. */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.__shifts.push({
            value: entry.value,
            sources: entry.sources.map((s) => s.node?.nodeName ?? '?'),
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts so far, once the charts are drawn and two frames have passed. */
async function shiftsAfterDrawing(page) {
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0);
  return page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    return window.__shifts;
  });
}

test('index.html: the canvases replace the pictures with no layout shift', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await recordShifts(page);
  await page.goto(`${CHARTS}index.html`);
  const shifts = await shiftsAfterDrawing(page);
  const drawn = await page.locator('indicator-chart[data-state="drawn"]').count();
  expect(drawn).toBeGreaterThan(0);
  expect(shifts).toEqual([]);
});

test('an embed with its picture: the canvas replaces it with no layout shift', async ({ browser, page }) => {
  const code = await copiedEmbedCode(browser, CHARTS, 'trade-balance-2015');
  const host = await hostServer({
    '/article.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<style>article { max-width: 700px; margin: 0 auto; font: 18px/1.5 Georgia, serif }</style></head>
<body><article><h1>An article</h1><p>Before the chart.</p>${code}<p>After the chart, a paragraph that must not move.</p></article></body></html>`,
    },
  });
  try {
    await page.setViewportSize({ width: 1024, height: 900 });
    await recordShifts(page);
    await page.goto(`${host.url}article.html`);
    await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    expect(await shiftsAfterDrawing(page)).toEqual([]);
  } finally {
    await host.close();
  }
});
