// The README's script embed example is what "Copy embed code" copies (with
// the README's placeholder host), and offline.html copies the same code.

import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE_CHART, EXAMPLE_HOST, readmeExample } from '../readme-embed.mjs';
import { copiedEmbedCode } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const readme = readFileSync(join(process.cwd(), '..', 'README.md'), 'utf8');

test('the README shows the embed code the button copies (run `cargo xtask integrity` if not)', async ({ browser }) => {
  const copied = await copiedEmbedCode(browser, CHARTS, EXAMPLE_CHART);
  expect(copied).toContain(' integrity="sha384-');
  expect(copied).toContain('<link rel="preload"');
  expect(readmeExample(readme)).toBe(copied.replaceAll(CHARTS, EXAMPLE_HOST));
});

test("offline.html's Copy embed code gives the index page's code", async ({ browser }) => {
  const online = await copiedEmbedCode(browser, CHARTS, EXAMPLE_CHART);
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${pathToFileURL(join(process.env.DIST_DIR, 'offline.html')).href}#${EXAMPLE_CHART}`);
  await page.locator(`#${EXAMPLE_CHART}`).getByRole('button', { name: 'Copy embed code' }).click();
  const offline = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  // The offline page's picture is inlined (a data: URL); the rest is the same.
  const strip = (code) => code.replace(/<indicator-chart[\s\S]*$/, '');
  expect(strip(offline)).toBe(strip(online));
});

test('two pasted copies of the embed code load the script and the module once, and draw both charts', async ({
  page,
}) => {
  const code = await copiedEmbedCode(page.context().browser(), CHARTS, EXAMPLE_CHART);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.setContent(`<!doctype html><main>${code}\n<p>Between.</p>\n${code}</main>`);
  await expect(page.locator('indicator-chart[data-state="drawn"]')).toHaveCount(2);
  expect(requests.filter((path) => path === '/indicator-chart.js')).toHaveLength(1);
  expect(requests.filter((path) => path.endsWith('.wasm'))).toHaveLength(1);
});
