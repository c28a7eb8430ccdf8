// Embeds on another site, the offline bundle, and the static fallback.
import { test, expect } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostServer, articlePage, chartsReady, drawAll, drawnPixels, watchConsole, chartIds } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const DIST = process.env.DIST_DIR;

let host;
test.beforeAll(async () => {
  host = await hostServer({
    '/article.html': {
      body: articlePage({
        charts: ['gdp-growth-average', 'us-favourability', 'trade-balance-2015'],
        body: `<h2>By iframe</h2>
<iframe id="frame" src="${CHARTS}embed.html?indicator=military-spending-rise" title="Rise in military spending" width="100%" height="150" style="border:0"></iframe>
<script src="${CHARTS}embed-resize.js" crossorigin="anonymous" async></script>`,
      }),
    },
  });
});
test.afterAll(() => host.close());

test('an article on another origin embeds three charts by script and one by iframe', async ({ page, context }) => {
  // A cookie for the charts' host: an embed must never send it.
  await context.addCookies([{ name: 'session', value: 'secret', url: CHARTS }]);
  const requests = [];
  // What the article itself asks of the charts' host (the iframe is a page of that host).
  page.on('request', (request) => {
    if (
      request.url().startsWith(CHARTS) &&
      request.frame() === page.mainFrame() &&
      request.resourceType() !== 'document'
    )
      requests.push(request);
  });
  const console = watchConsole(page);
  await page.goto(`${host.url}article.html`);
  expect(new URL(page.url()).origin).not.toBe(new URL(CHARTS).origin);

  for (const chart of await page.locator('indicator-chart').all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart)).toBeGreaterThan(3000);
  }

  // The iframe: drawn, and resized by the snippet to its content's height.
  const iframe = page.locator('#frame');
  await iframe.scrollIntoViewIfNeeded();
  const frame = page.frame({ url: /embed\.html/ });
  const inner = frame.locator('indicator-chart');
  await expect(inner).toHaveAttribute('data-state', 'drawn');
  expect(await drawnPixels(inner)).toBeGreaterThan(3000);
  const contentHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect
    .poll(async () =>
      Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - (await contentHeight())),
    )
    .toBeLessThanOrEqual(1);
  expect(await contentHeight()).toBeGreaterThan(300);

  // One module for the page: the .wasm is fetched once by the article (and once by the iframe's own page).
  expect(requests.filter((r) => r.url().endsWith('.wasm'))).toHaveLength(1);
  expect(requests.filter((r) => r.url().endsWith('indicator-chart.js'))).toHaveLength(1);
  for (const request of requests) {
    expect((await request.allHeaders()).cookie, request.url()).toBeUndefined();
  }
  console.assertClean();
});

test('offline.html draws every chart from file:// with the network blocked', async ({ browser, request }) => {
  const ids = await chartIds(request);
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await context.setOffline(true);
  const page = await context.newPage();
  const network = [];
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) network.push(r.url());
  });
  const console = watchConsole(page);
  await page.goto(pathToFileURL(join(DIST, 'offline.html')).href);
  await chartsReady(page);
  expect(await drawAll(page)).toBe(ids.length);
  for (const id of ids) {
    const chart = page.locator(`indicator-chart[indicator="${id}"]`);
    await expect(chart, id).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart), id).toBeGreaterThan(3000);
  }
  expect(network).toEqual([]);
  console.assertClean();
  await context.close();
});

test('index.html without JavaScript shows every chart as its picture', async ({ browser, request }) => {
  const ids = await chartIds(request);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${CHARTS}index.html`);
  for (const id of ids) {
    const picture = page.locator(`indicator-chart[indicator="${id}"] img`);
    await picture.scrollIntoViewIfNeeded();
    await expect(picture, id).toBeVisible();
    await expect.poll(() => picture.evaluate((img) => img.complete && img.naturalWidth > 0), id).toBe(true);
    const box = await picture.boundingBox();
    expect(box.height, id).toBeGreaterThan(150);
    await expect(picture, id).toHaveAttribute('alt', /\w{4,}.*(Sources?:|Stated by)/);
  }
  await context.close();
});

test('a saved copy of index.html degrades to the SVGs, never to empty boxes', async ({ browser, page }) => {
  // What "Save page as" writes is the page's DOM: shadow roots and canvases are not in it.
  await page.goto(`${CHARTS}index.html`);
  await chartsReady(page);
  const ids = await chartIds(page.request);
  await drawAll(page);
  const saved = join(mkdtempSync(join(tmpdir(), 'saved-')), 'index.html');
  writeFileSync(saved, await page.content());

  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  const copy = await context.newPage();
  await copy.goto(pathToFileURL(saved).href);
  await copy.waitForTimeout(500);
  // Each chart's picture (issue 23: an <img> in a box of the chart's size)
  // holds its box; pictures.spec.mjs saves the files beside it and checks
  // that each shows.
  for (const id of ids) {
    const picture = copy.locator(`indicator-chart[indicator="${id}"] img`);
    await picture.scrollIntoViewIfNeeded();
    await expect(picture, id).toBeVisible();
    await expect(picture, id).toHaveAttribute('alt', /\w/);
    expect((await picture.boundingBox()).height, id).toBeGreaterThan(150);
  }
  await context.close();
});

for (const path of ['index.html', 'embed.html?indicator=timeline', 'offline.html']) {
  test(`${path} marks charts-ready and redraws synchronously on __redraw()`, async ({ page }) => {
    const url = path === 'offline.html' ? pathToFileURL(join(DIST, path)).href : `${CHARTS}${path}`;
    await page.goto(url);
    await chartsReady(page);
    const chart = page.locator('indicator-chart').first();
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    const result = await page.evaluate(() => {
      const canvas = document.querySelector('indicator-chart').shadowRoot.querySelector('canvas');
      const context = canvas.getContext('2d');
      context.clearRect(0, 0, canvas.width, canvas.height);
      const cleared = context.getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0);
      window.__redraw();
      // No await between the call and the read: the redraw is synchronous.
      const drawn = context.getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0);
      return { cleared, drawn, marks: performance.getEntriesByName('charts-ready').length };
    });
    expect(result).toEqual({ cleared: false, drawn: true, marks: 1 });
  });
}
