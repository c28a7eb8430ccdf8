// Charts as a reader sees them: sharp at every pixel ratio, redrawn on
// resize and zoom, untouched by the host page's CSS, themed.
import { test, expect } from '@playwright/test';
import { hostServer, articlePage, canvasDigest, canvasPixelRatio, drawnPixels, watchConsole } from './helpers.mjs';

const HOSTILE_STYLES = {
  'span and letter-spacing': 'span { font-size: 30px !important; padding: 9px } * { letter-spacing: 3px }',
  'all: unset': '* { all: unset } html, body, article, p { display: block }',
  'hidden spans, huge fonts':
    'span { display: none !important } html { font-size: 40px } * { font-size: 3em !important; line-height: 3 !important; font-family: "Comic Sans MS", fantasy !important; word-spacing: 20px }',
  'rtl and transforms':
    'html { direction: rtl; text-transform: uppercase; text-align: right } indicator-chart { font-weight: 100; color: red; }',
};
const CHARTS = [
  'us-favourability',
  'gdp-growth-average',
  'military-spending-rise',
  'trade-balance-2015',
  'communist-party-members',
  'timeline',
];

let host;
test.beforeAll(async () => {
  const pages = { '/plain.html': { body: articlePage({ charts: CHARTS }) } };
  for (const [name, css] of Object.entries(HOSTILE_STYLES)) {
    pages[`/${encodeURIComponent(name)}.html`] = {
      body: articlePage({ charts: CHARTS, head: `<style>${css}</style>` }),
    };
  }
  host = await hostServer(pages);
});
test.afterAll(() => host.close());

async function digests(page, url) {
  await page.goto(url);
  const result = {};
  for (const id of CHARTS) {
    const chart = page.locator(`indicator-chart[indicator="${id}"]`);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    result[id] = await canvasDigest(chart);
  }
  return result;
}

for (const [name] of Object.entries(HOSTILE_STYLES)) {
  test(`a host stylesheet (${name}) changes no pixel of a chart`, async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 900 });
    const plain = await digests(page, `${host.url}plain.html`);
    const hostile = await digests(page, `${host.url}${encodeURIComponent(name)}.html`);
    expect(hostile).toEqual(plain);
  });
}

for (const scale of [1, 2, 3]) {
  test(`the canvas backing store is CSS size × devicePixelRatio ${scale}`, async ({ browser }) => {
    const context = await browser.newContext({ deviceScaleFactor: scale, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${host.url}plain.html`);
    const chart = page.locator('indicator-chart[indicator="gdp-growth-average"]');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    const size = await chart.evaluate((e) => {
      const canvas = e.shadowRoot.querySelector('canvas');
      const box = canvas.getBoundingClientRect();
      return { width: canvas.width, height: canvas.height, cssWidth: box.width, cssHeight: box.height };
    });
    expect(size.width).toBe(Math.round(size.cssWidth * scale));
    expect(Math.abs(size.height - size.cssHeight * scale)).toBeLessThanOrEqual(1);
    await context.close();
  });
}

test('a chart redraws when its container is resized', async ({ page }) => {
  await page.goto(`${host.url}plain.html`);
  const chart = page.locator('indicator-chart[indicator="us-favourability"]');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const width = () => chart.evaluate((e) => e.shadowRoot.querySelector('canvas').width);
  const before = await width();
  await page.locator('article').evaluate((a) => {
    a.style.maxWidth = '360px';
  });
  await expect.poll(width).toBe(360);
  expect(before).toBeGreaterThan(360);
});

test('a chart redraws when the pixel ratio changes (zoom, another screen)', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.goto(`${host.url}plain.html`);
  const chart = page.locator('indicator-chart[indicator="us-favourability"]');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const ratio = () => canvasPixelRatio(chart);
  expect(await ratio()).toBeCloseTo(1, 2);
  const cssWidth = () => chart.evaluate((e) => e.getBoundingClientRect().width);
  const widthBefore = await cssWidth();
  // Chromium re-evaluates media queries for an emulated pixel ratio only with a
  // viewport change; the article's max-width keeps the chart's own width as it was.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 701,
    height: 900,
    deviceScaleFactor: 2,
    mobile: false,
  });
  await expect.poll(ratio).toBeCloseTo(2, 2);
  expect(await cssWidth()).toBe(widthBefore);
});

test("the default theme follows the page, not the reader's setting, and an attribute fixes it", async ({ page }) => {
  // A white page read in dark mode: the chart stays light, as the page is
  // (theme.spec.mjs covers dark pages and the iframe).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${host.url}plain.html`);
  const chart = page.locator('indicator-chart[indicator="us-favourability"]');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const background = () =>
    chart.evaluate((e) => [
      ...e.shadowRoot.querySelector('canvas').getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3),
    ]);
  expect(await background()).toEqual([255, 255, 255]);
  await chart.evaluate((e) => e.setAttribute('theme', 'dark'));
  await expect.poll(background).toEqual([0x16, 0x18, 0x1b]);
  await chart.evaluate((e) => e.setAttribute('theme', 'auto'));
  await expect.poll(background).toEqual([255, 255, 255]);
});

test('charts are drawn at DPR 1, 2 and 3 and at 320 and 1200 px (screenshots for a person)', async ({ browser }) => {
  const console = [];
  for (const scale of [1, 2, 3]) {
    for (const width of [320, 1200]) {
      const context = await browser.newContext({ deviceScaleFactor: scale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const watch = watchConsole(page);
      await page.goto(`${process.env.CHARTS_URL}index.html`);
      for (const id of ['us-favourability', 'trade-balance-2015']) {
        const chart = page.locator(`indicator-chart[indicator="${id}"]`);
        await chart.scrollIntoViewIfNeeded();
        await expect(chart).toHaveAttribute('data-state', 'drawn');
        expect(await drawnPixels(chart)).toBeGreaterThan(1000);
        await chart.screenshot({ path: `../target/e2e/screenshots/${id}-${width}px-${scale}x.png` });
      }
      console.push(...watch.problems);
      await context.close();
    }
  }
  expect(console).toEqual([]);
});
