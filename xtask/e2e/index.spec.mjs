// index.html: every indicator charted on canvas by the module, no console error.
import { test, expect } from '@playwright/test';
import { watchConsole, chartsReady, drawAll, drawnPixels, chartIds } from './helpers.mjs';

test('every chart of index.html is drawn on canvas, with no console error', async ({ page, request }) => {
  const console = watchConsole(page);
  await page.goto('index.html');
  await chartsReady(page);
  const ids = await chartIds(request);
  expect(ids.length).toBeGreaterThanOrEqual(16);
  expect(await drawAll(page)).toBe(ids.length);
  for (const id of ids) {
    const chart = page.locator(`indicator-chart[indicator="${id}"]`);
    await expect(chart, id).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart), `${id} has pixels drawn`).toBeGreaterThan(3000);
    const label = await chart.evaluate((e) => e.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
    expect(label, `${id} has a text alternative`).toMatch(/\w{4,}/);
  }
  console.assertClean();
});

test('the data files hold every figure with its quote and citation', async ({ request }) => {
  const data = await (await request.get('data/indicators.json')).json();
  const ids = data.indicators.map((i) => i.id);
  for (const id of ['gdp-growth-average', 'military-spending-rise', 'trade-balance-2015', 'us-favourability']) expect(ids).toContain(id);
  for (const indicator of data.indicators) {
    expect(indicator.quote.length, indicator.id).toBeGreaterThan(20);
    expect(indicator.source.length, indicator.id).toBeGreaterThan(3);
  }
  const csv = await (await request.get('data/indicators.csv')).text();
  expect(csv.split('\n')[0]).toContain('as_written');
  expect(csv).toContain('6.15 percent');
});
