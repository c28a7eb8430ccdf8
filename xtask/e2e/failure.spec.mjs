// When the module cannot be loaded, a reader keeps the chart's static
// picture and gets one short line they understand; the console gets the
// technical cause, one message per page, for whoever looks after the site.
// Three causes: the network, a Content-Security-Policy, and a module that is
// not the one the script was built with.
import { test, expect } from '@playwright/test';
import { copiedEmbedCode, hostServer } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const READER_LINE = 'The interactive chart could not be loaded. Reload the page to try again.';

/** Loads an article embedding one chart; returns the element's state and our console errors. */
async function loadFailing(browser, page, { headers, route, chartsUrl } = {}) {
  let code = await copiedEmbedCode(browser, CHARTS, 'gdp-growth-average');
  if (chartsUrl) code = code.replaceAll(CHARTS, chartsUrl);
  const host = await hostServer({
    '/article.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>
<body><article><h1>An article</h1>${code}<p>After the chart.</p></article></body></html>`,
      headers,
    },
  });
  const ours = [];
  page.on('console', (m) => m.type() === 'error' && m.text().startsWith('<indicator-chart') && ours.push(m.text()));
  if (route) await page.route('**/*.wasm', route);
  try {
    await page.goto(`${host.url}article.html`);
    const chart = page.locator('indicator-chart');
    await expect(chart).toHaveAttribute('data-state', 'error');
    await expect(chart.locator('.error')).toHaveText(READER_LINE);
    // The picture stays, with its link to the chart's page.
    const picture = chart.locator('img');
    await expect(picture).toBeVisible();
    expect(await picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.waitForTimeout(300);
    return ours;
  } finally {
    await host.close();
  }
}

test('the network fails: the picture stays, a line for the reader, the cause in the console', async ({
  browser,
  page,
}) => {
  const errors = await loadFailing(browser, page, { route: (route) => route.abort('failed') });
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('could not be fetched');
  expect(errors[0]).toContain('the network did not answer');
});

test("the page's Content-Security-Policy blocks the module: said so, with the directive to change", async ({
  browser,
  page,
}) => {
  const charts = new URL(CHARTS).origin;
  const policy = `default-src 'self'; script-src 'self' ${charts} 'wasm-unsafe-eval'; img-src ${charts}; connect-src 'self'`;
  const errors = await loadFailing(browser, page, { headers: { 'content-security-policy': policy } });
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('Content-Security-Policy (connect-src) does not allow it');
});

test('a module from another build: its bytes do not match the hash, and the console says so', async ({
  browser,
  page,
}) => {
  const errors = await loadFailing(browser, page, {
    route: async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff; // one byte off
      await route.fulfill({ response, body });
    },
  });
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('do not match the hash this script was built with');
});

test('the chart host sends no CORS header with the module: the console says which header to send', async ({
  browser,
  page,
}) => {
  // A chart host that allows the script to other sites, but not the module.
  const charts = await hostServer(
    {},
    {
      files: process.env.DIST_DIR,
      fileHeaders: (path) => (path.endsWith('.js') ? { 'access-control-allow-origin': '*' } : {}),
    },
  );
  try {
    const errors = await loadFailing(browser, page, { chartsUrl: charts.url });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('The chart host must send Access-Control-Allow-Origin');
  } finally {
    await charts.close();
  }
});
