// The site as deployed: served only with the headers of its own _headers
// file, embedded from another origin with the code "Copy embed code" gives;
// served with no extra headers; pasted where scripts are stripped; and
// visited again, when the module comes from the cache.
import { test, expect } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copiedEmbedCode, hostServer, watchConsole, drawnPixels } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const PLAIN = process.env.PLAIN_CHARTS_URL;
const DIST = process.env.DIST_DIR;

/** An article on another origin with `code` pasted in its body. */
function article(code) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<style>article { max-width: 640px }</style></head>
<body><article><h1>An article</h1><p>Before the chart.</p>${code}<p>After the chart.</p></article></body></html>`;
}

test('served as _headers says, the copied embed code draws the chart on another origin, with no console error', async ({
  browser,
  page,
}) => {
  const code = await copiedEmbedCode(browser, CHARTS, 'gdp-growth-average');
  const host = await hostServer({ '/article.html': { body: article(code) } });
  try {
    const console = watchConsole(page);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const modules = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && modules.push(r.url()));
    await page.goto(`${host.url}article.html`);
    const chart = page.locator('indicator-chart');
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart)).toBeGreaterThan(3000);
    // Drawn, the picture is no longer shown.
    await expect(chart.locator('img')).toBeHidden();
    // The preloaded module is the one the element uses: fetched once.
    expect(modules).toHaveLength(1);
    await page.waitForTimeout(3500); // Chromium warns of an unused preload after 3 s
    expect(warnings.filter((w) => w.includes('preload'))).toEqual([]);
    console.assertClean();
  } finally {
    await host.close();
  }
});

test('served with no extra headers, the embed shows its picture and the link to the chart page', async ({
  browser,
  page,
}) => {
  // The build knows its address (--base-url): the same code, pointing at a
  // host that serves the same files with no extra headers.
  const code = (await copiedEmbedCode(browser, CHARTS, 'gdp-growth-average')).replaceAll(CHARTS, PLAIN);
  expect(code).toContain(PLAIN);
  const host = await hostServer({ '/article.html': { body: article(code) } });
  try {
    const blocked = [];
    page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
    await page.goto(`${host.url}article.html`);
    const picture = page.locator('indicator-chart img');
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect((await picture.boundingBox()).height).toBeGreaterThan(150);
    await expect(page.locator('indicator-chart a')).toHaveAttribute('href', `${PLAIN}charts/gdp-growth-average.html`);
    // What broke: the module script, refused for want of CORS.
    await expect.poll(() => blocked.join('\n')).toContain('Access-Control-Allow-Origin');
    await page.screenshot({ path: '../target/e2e/screenshots/deploy-no-headers.png' });
  } finally {
    await host.close();
  }
});

test('pasted where scripts are stripped, the embed shows its picture and link, and no error', async ({
  browser,
  page,
}) => {
  const code = await copiedEmbedCode(browser, CHARTS, 'trade-balance-2015');
  const stripped = code.replace(/<script[\s\S]*?<\/script>/g, '');
  expect(stripped).not.toContain('<script');
  const host = await hostServer({ '/article.html': { body: article(stripped) } });
  try {
    const console = watchConsole(page);
    await page.goto(`${host.url}article.html`);
    const picture = page.locator('indicator-chart img');
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(picture).toHaveAttribute('alt', /US\$3\.54\s+billion/);
    await expect(page.locator('indicator-chart a')).toHaveAttribute('href', /charts\/trade-balance-2015\.html$/);
    await page.screenshot({ path: '../target/e2e/screenshots/deploy-scripts-stripped.png' });
    console.assertClean();
  } finally {
    await host.close();
  }
});

test('a second article with a chart loads no module bytes: the module is cached', async ({ browser }) => {
  const first = await copiedEmbedCode(browser, CHARTS, 'us-favourability');
  const second = await copiedEmbedCode(browser, CHARTS, 'military-spending-rise');
  const host = await hostServer({
    '/one.html': { body: article(first) },
    '/two.html': { body: article(second) },
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}one.html`);
    await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    await page.goto(`${host.url}two.html`);
    await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    // Timing-Allow-Origin lets the article read the transfer sizes of the chart host's files.
    const loaded = await page.evaluate(
      (charts) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(charts))
          .map((e) => ({ name: e.name.slice(charts.length), transferred: e.transferSize, size: e.decodedBodySize })),
      CHARTS,
    );
    const module = loaded.find((e) => e.name.endsWith('.wasm'));
    expect(module, JSON.stringify(loaded)).toBeTruthy();
    expect(module.size).toBeGreaterThan(10_000);
    expect(module.transferred).toBe(0);
    const script = loaded.find((e) => e.name === 'indicator-chart.js');
    console.log(`second article: ${loaded.map((e) => `${e.name} ${e.transferred} B`).join(', ')}`);
    expect(script.transferred).toBe(0);
  } finally {
    await context.close();
    await host.close();
  }
});

test('the module is served Brotli-compressed to a browser that accepts it', async () => {
  const integrity = JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8'));
  const module = Object.keys(integrity).find((name) => name.endsWith('.wasm'));
  const response = await new Promise((resolve, reject) => {
    const req = httpRequest(`${CHARTS}${module}`, { headers: { 'Accept-Encoding': 'br' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
  expect(response.headers['content-encoding']).toBe('br');
  expect(response.headers['content-type']).toBe('application/wasm');
  expect(response.headers['cache-control']).toContain('immutable');
  expect(response.headers['access-control-allow-origin']).toBe('*');
  const raw = readFileSync(join(DIST, module));
  expect(response.body.length).toBeLessThan(raw.length * 0.6);
  expect(brotliDecompressSync(response.body).equals(raw)).toBe(true);
});
