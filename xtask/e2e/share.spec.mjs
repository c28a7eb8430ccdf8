// Sharing a chart: each chart's own page (charts/ID.html) with its Open
// Graph and Twitter card metadata and share card (a 1200×630 PNG), its
// oEmbed JSON, whose iframe draws the chart on another site, and the index
// page's permalink to it. The test build has a base URL (the server's).
import { test, expect, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './playwright.config.mjs';
import { hostServer, chartsReady, drawAll, drawnPixels, watchConsole } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;

/** Every chart's id and title, from the data the build wrote. */
async function charts(request) {
  const data = await (await request.get('data/indicators.json')).json();
  return [...data.indicators, data.timeline].map(({ id, title }) => ({ id, title }));
}

/** The chart page's metadata, read as a crawler does: without scripts. */
function metadata(page) {
  return page.evaluate(() => {
    const meta = (key) =>
      document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
    const link = (selector) => document.querySelector(selector)?.getAttribute('href') ?? null;
    return {
      title: meta('og:title'),
      description: meta('og:description'),
      pageDescription: meta('description'),
      type: meta('og:type'),
      url: meta('og:url'),
      image: meta('og:image'),
      imageType: meta('og:image:type'),
      imageWidth: meta('og:image:width'),
      imageHeight: meta('og:image:height'),
      imageAlt: meta('og:image:alt'),
      twitterCard: meta('twitter:card'),
      canonical: link('link[rel="canonical"]'),
      oembed: link('link[rel="alternate"][type="application/json+oembed"]'),
      oembedTitle: document.querySelector('link[type="application/json+oembed"]')?.title ?? null,
      // The static picture's description is the chart's alt text.
      altText: document.querySelector('indicator-chart img')?.alt || null,
    };
  });
}

/** Decodes a PNG in the browser: its size and the pixels unlike its top-left one. */
function decodePng(page, url) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const bitmap = await createImageBitmap(await response.blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
    }
    return { type: response.headers.get('content-type'), width: bitmap.width, height: bitmap.height, drawn };
  }, url);
}

test('every chart page carries valid Open Graph and Twitter card metadata, and a 1200×630 card', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const { id, title } of await charts(request)) {
    const address = `${CHARTS}charts/${id}.html`;
    const response = await page.goto(address);
    expect(response.status(), id).toBe(200);
    const meta = await metadata(page);
    expect(meta.title, id).toBe(title);
    expect(meta.altText, id).toMatch(/\w{4,}.*(Source|Stated by)/);
    expect(meta.description, `${id}: og:description is the alt text`).toBe(meta.altText);
    expect(meta.pageDescription, id).toBe(meta.altText);
    expect(meta.imageAlt, id).toBe(meta.altText);
    expect(meta.type, id).toBe('website');
    expect(meta.twitterCard, id).toBe('summary_large_image');
    // Absolute addresses on the build's base URL: Open Graph requires them.
    expect(meta.canonical, id).toBe(address);
    expect(meta.url, id).toBe(address);
    expect(meta.image, id).toBe(`${CHARTS}charts/${id}.png`);
    expect(new URL(meta.image).href, id).toBe(meta.image);
    expect([meta.imageType, meta.imageWidth, meta.imageHeight], id).toEqual(['image/png', '1200', '630']);
    expect(meta.oembed, id).toBe(`${CHARTS}charts/${id}.oembed.json`);
    expect(meta.oembedTitle, id).toBe(title);

    const card = await decodePng(page, meta.image);
    expect(card.type, id).toBe('image/png');
    expect([card.width, card.height], id).toEqual([1200, 630]);
    expect(card.drawn, `${id}: the card is not blank`).toBeGreaterThan(10_000);
  }
  await context.close();
});

test('every oEmbed file parses, and its iframe draws the chart on another site', async ({ page, request }) => {
  const all = await charts(request);
  const responses = [];
  for (const { id, title } of all) {
    const response = await request.get(`charts/${id}.oembed.json`);
    expect(response.headers()['content-type'], id).toContain('application/json');
    const oembed = await response.json();
    expect(oembed, id).toMatchObject({
      type: 'rich',
      version: '1.0',
      title,
      provider_name: 'US–Vietnam relations in figures',
      provider_url: CHARTS,
      thumbnail_url: `${CHARTS}charts/${id}.png`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(Number.isInteger(oembed.width) && Number.isInteger(oembed.height), id).toBe(true);
    expect(oembed.html, id).toContain(`src="${CHARTS}embed.html?indicator=${id}"`);
    // The column's width, at the height the chart has at `width`; no border (WordPress keeps only frameborder).
    expect(oembed.html, id).toContain(`width="100%" height="${oembed.height}" frameborder="0"`);
    // A link to the chart first, which WordPress shows until the frame runs.
    expect(oembed.html, id).toMatch(/^<blockquote[^>]*><a href="[^"]*">[^<]+<\/a><\/blockquote>\n<iframe /);
    expect(oembed.html, id).toContain(`<a href="${CHARTS}charts/${id}.html">`);
    responses.push({ id, html: oembed.html });
  }

  // What a CMS does with the responses: their HTML, as given, in an article.
  const host = await hostServer({
    '/article.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
${responses.map(({ id, html }) => `<section data-chart="${id}"><h2>${id}</h2>\n${html}</section>`).join('\n')}
</body></html>`,
    },
  });
  try {
    const console = watchConsole(page);
    await page.goto(`${host.url}article.html`);
    expect(new URL(page.url()).origin).not.toBe(new URL(CHARTS).origin);
    for (const { id } of responses) {
      const iframe = page.locator(`section[data-chart="${id}"] iframe`);
      await iframe.scrollIntoViewIfNeeded();
      const chart = page.frameLocator(`section[data-chart="${id}"] iframe`).locator('indicator-chart');
      await expect(chart, id).toHaveAttribute('data-state', 'drawn');
      expect(await drawnPixels(chart), id).toBeGreaterThan(3000);
    }
    console.assertClean();
  } finally {
    await host.close();
  }
});

test('a reader who follows the link sees the chart, its quote, source and data table, and all the figures', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto(`${CHARTS}charts/trade-balance-2015.html`);
  await chartsReady(page);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveCount(1);
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  expect(await drawnPixels(chart)).toBeGreaterThan(3000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vietnam’s trade balance');
  await expect(page.locator('.quote')).toContainText('3.54 billion');
  await expect(page.locator('.citation')).toContainText('Source:');
  // The element's data table, from the module.
  await chart.evaluate((e) => (e.shadowRoot.querySelector('details').open = true));
  await expect(chart.locator('table tbody tr').first()).toBeVisible();
  await expect(chart.locator('table')).toContainText('3.54');
  // All the figures: the index page, at this chart.
  await page.getByRole('link', { name: 'All the figures, with their sources' }).click();
  await expect(page).toHaveURL(`${CHARTS}index.html#trade-balance-2015`);
  console.assertClean();
});

test('a chart page without scripts shows the picture and the data table', async ({ request }) => {
  // A browser with scripting off, as a reader's can be: <noscript> is then
  // shown (Playwright's javaScriptEnabled: false stops scripts but still
  // parses <noscript> as if they ran).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'],
  });
  const page = await browser.newPage();
  await page.goto(`${CHARTS}charts/timeline.html`);
  const picture = page.locator('indicator-chart img');
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect((await picture.boundingBox()).height).toBeGreaterThan(300);
  await page.getByText('Data table', { exact: true }).click();
  const events = (await (await request.get('data/indicators.json')).json()).timeline.events.length;
  await expect(page.locator('indicator-chart .data-table tbody tr')).toHaveCount(events);
  await expect(page.locator('indicator-chart .data-table tbody tr').first()).toBeVisible();
  await expect(page.locator('.quotes summary')).toHaveText('The sentence behind each date');
  await browser.close();
});

test('the index page links each chart to its own page, and the page offers embed code for the site', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${CHARTS}index.html`);
  const link = page.locator('#us-favourability').getByRole('link', { name: 'Link to this chart' });
  await expect(link).toHaveAttribute('href', 'charts/us-favourability.html');
  await link.click();
  await expect(page).toHaveURL(`${CHARTS}charts/us-favourability.html`);
  await page.getByRole('button', { name: 'Copy iframe code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain(`src="${CHARTS}embed.html?indicator=us-favourability"`);
});

test('without a base URL in the page, embed code still points at the site root, not charts/', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The page as a build without --base-url writes it: no base URL for page.js.
  await page.route('**/charts/us-favourability.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta name="indicator-charts-base"[^>]*>/, '');
    await route.fulfill({ response, body });
  });
  await page.goto(`${CHARTS}charts/us-favourability.html`);
  expect(await page.locator('meta[name="indicator-charts-base"]').count()).toBe(0);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain(`src="${CHARTS}indicator-chart.js"`);
});

test('every chart page is drawn with no console error', async ({ page, request }) => {
  const console = watchConsole(page);
  for (const { id } of await charts(request)) {
    await page.goto(`${CHARTS}charts/${id}.html`);
    await chartsReady(page);
    expect(await drawAll(page), id).toBe(1);
    expect(await drawnPixels(page.locator('indicator-chart')), id).toBeGreaterThan(3000);
  }
  console.assertClean();
});
