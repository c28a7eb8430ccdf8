// index.html: every indicator charted on canvas by the module, no console error.
import { test, expect } from '@playwright/test';
import { watchConsole, chartsReady, drawAll, drawnPixels, chartIds } from './helpers.mjs';

test('every chart of index.html is drawn on canvas, with no console error', async ({ page, request }) => {
  const console = watchConsole(page);
  await page.goto('index.html');
  await chartsReady(page);
  const ids = await chartIds(request);
  expect(ids.length).toBeGreaterThanOrEqual(8);
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
  for (const id of ['gdp-growth-average', 'military-spending-rise', 'trade-balance-2015', 'us-favourability'])
    expect(ids).toContain(id);
  for (const indicator of data.indicators) {
    expect(indicator.quote.length, indicator.id).toBeGreaterThan(20);
    expect(indicator.source.length, indicator.id).toBeGreaterThan(3);
  }
  const csv = await (await request.get('data/indicators.csv')).text();
  expect(csv.split('\n')[0]).toContain('as_written');
  expect(csv).toContain('6.15 percent');
  // What the charts leave out, and why: in the downloads, not in the module.
  expect(data.texts.every((t) => !('file' in t))).toBe(true);
  expect(data.exclusions.some((e) => e.numbers.some((n) => n.as_written === 'Normalization at fifteen'))).toBe(true);
  const excluded = await (await request.get('data/exclusions.csv')).text();
  expect(excluded.split('\n')[0]).toMatch(/^reason,/);
  expect(excluded).toContain('largest export market');
  const integrity = await (await request.get('integrity.json')).json();
  const module = Object.keys(integrity).find((name) => name.endsWith('.wasm'));
  const wasm = Buffer.from(await (await request.get(module)).body()).toString('latin1');
  expect(wasm).toContain('40-odd years');
  expect(wasm).not.toContain('largest export market');
});

test('the page offers embed code (both forms), PNG, SVG and CSV downloads, and links to one chart', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('index.html#trade-balance-2015');
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0);
  const card = page.locator('#trade-balance-2015');
  await expect(card).toBeInViewport();
  const chart = card.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');

  await card.getByRole('button', { name: 'Copy embed code' }).click();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  expect(script).toMatch(
    /^<link rel="preload" href="http:\/\/127(?:\.\d+){3}:\d+\/indicator-charts\.[0-9a-f]{16}\.wasm" as="fetch" type="application\/wasm" crossorigin="anonymous">\n<script type="module" src="http:\/\/127(?:\.\d+){3}:\d+\/indicator-chart\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"><\/script>\n<indicator-chart indicator="trade-balance-2015">\n/,
  );
  // The static picture inside, linked to the chart's page, with the alt text.
  expect(script).toContain(`<a href="${process.env.CHARTS_URL}`);
  expect(script).toMatch(
    /<img src="http:\/\/127(?:\.\d+){3}:\d+\/charts\/trade-balance-2015\.picture\.svg" alt="[^"]*US\$3\.54\u00a0billion[^"]*" width="\d+" height="\d+"/,
  );
  expect(script).toMatch(/<\/indicator-chart>$/);
  await card.getByRole('button', { name: 'Copy iframe code' }).click();
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  await expect(card.locator(':scope > .actions .status')).toHaveText('Iframe code copied.');
  expect(iframe).toContain('embed.html?indicator=trade-balance-2015');
  expect(iframe).toMatch(/height="\d{3}"/);

  for (const [name, file, type] of [
    ['Download PNG', 'trade-balance-2015.png', /PNG/],
    ['Download SVG', 'trade-balance-2015.svg', /<svg/],
    ['Download data (CSV)', 'trade-balance-2015.csv', /as_written/],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole(name.startsWith('Download PNG') ? 'button' : 'link', { name }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(file);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    expect(bytes.toString('latin1', 0, 400)).toMatch(type);
    // The status says which thing was downloaded, not what was copied before.
    await expect(card.locator(':scope > .actions .status')).toHaveText(`${file} downloaded.`);
  }
  // And clears.
  await expect(card.locator(':scope > .actions .status')).toHaveText('', { timeout: 8000 });
});
