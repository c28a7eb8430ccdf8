// The npm package in the apps web developers build: a Vite app and a React
// 19 app, installed from the packed tarball into WORK_DIR and built there
// by `vite build` (see xtask/src/package_tests.rs), each served from its
// own origin; and the Vite app on Vite's dev server.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostServer, drawnPixels, watchConsole } from '../e2e/helpers.mjs';

const WORK = process.env.WORK_DIR;
const APPS = join(WORK, 'dist');
const CHARTS = process.env.CHARTS_URL;
const DIST = process.env.DIST_DIR;

/** Serves a built app; `requests` collects every URL the pages ask for. */
async function serve(app) {
  return hostServer({}, { files: join(APPS, app) });
}

test('a Vite app draws the chart from the module it emitted, with no console error', async ({ page }) => {
  const app = await serve('vite-app');
  try {
    const wasm = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(request.url()));
    const console = watchConsole(page);
    await page.goto(`${app.url}index.html`);
    const chart = page.locator('indicator-chart');
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart)).toBeGreaterThan(3000);
    // Vite emitted the module under a hashed name beside the script, and the element found it there.
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(new RegExp(`^${app.url}assets/indicator-charts-[\\w-]+\\.wasm$`));
    console.assertClean();
  } finally {
    await app.close();
  }
});

test('a page can take the module from another host, checked against its hash', async ({ page }) => {
  const app = await serve('vite-app');
  try {
    const integrity = JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8'));
    const [file, hash] = Object.entries(integrity).find(([name]) => name.endsWith('.wasm'));
    const elsewhere = `${CHARTS}${file}`;
    const wasm = [];
    page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(request.url()));
    const console = watchConsole(page);
    const query = new URLSearchParams({ module: elsewhere, integrity: hash });
    await page.goto(`${app.url}index.html?${query}`);
    await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    expect(wasm).toEqual([elsewhere]);
    console.assertClean();

    // The wrong hash: the chart says it could not load, the console why.
    const wrong = watchConsole(page);
    query.set('integrity', `sha384-${'A'.repeat(64)}`);
    await page.goto(`${app.url}index.html?${query}`);
    const chart = page.locator('indicator-chart');
    await expect(chart).toHaveAttribute('data-state', 'error');
    await expect(chart.locator('.error')).toContainText('could not be loaded');
    expect(wrong.problems.join('\n')).toContain('do not match the hash given to setModuleUrl');
  } finally {
    await app.close();
  }
});

test('a React 19 app renders the element with attributes and sees its events', async ({ browser }) => {
  const app = await serve('react-app');
  const context = await browser.newContext({ hasTouch: true });
  const page = await context.newPage();
  try {
    const console = watchConsole(page);
    await page.goto(`${app.url}index.html`);
    const chart = page.locator('indicator-chart').first();
    const log = page.locator('#log');
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    // React set `indicator` and `theme` as properties (they reflect), `aspect-ratio` as an attribute.
    await expect(chart).toHaveAttribute('indicator', 'us-favourability');
    await expect(chart).toHaveAttribute('aspect-ratio', '16/9');
    await expect(chart).toHaveAttribute('data-theme', 'light');
    await expect(log).toContainText(/drawn us-favourability: Vietnamese with a favourable view of the US \(\d+×\d+\)/);

    // Keyboard: the first figure, then the next; Escape leaves it.
    await page.keyboard.press('Tab');
    await expect(log).toContainText('value 0 by keyboard');
    await expect(page.locator('#value')).toHaveText('Vietnamese: 80% = 80 (the text says “80 percent”)');
    await page.keyboard.press('ArrowRight');
    await expect(log).toContainText('value 1 by keyboard');
    await expect(page.locator('#value')).toHaveText('Under 30: 88% = 88 (the text says “88 percent”)');
    const bar = await chart.evaluate((element) => {
      const ring = element.shadowRoot.querySelector('.focus').getBoundingClientRect();
      return { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
    });
    await page.keyboard.press('Escape');
    await expect(log).toContainText('leave 1');

    // A property React sets: the theme, which redraws the chart.
    const drawn = await log.locator('li', { hasText: 'drawn' }).count();
    await page.getByRole('button').click();
    await expect(chart).toHaveAttribute('data-theme', 'dark');
    await expect(log.locator('li', { hasText: 'drawn' })).toHaveCount(drawn + 1);

    // Pointer: onto the second bar and off the chart.
    await page.mouse.move(bar.x, bar.y);
    await expect(log.locator('li').last()).toHaveText('value 1 by mouse');
    await page.mouse.move(1, 1);
    await expect(log.locator('li').last()).toHaveText('leave 1');

    // Touch: a tap shows it, a second tap on the same bar closes it.
    await page.touchscreen.tap(bar.x, bar.y);
    await expect(log.locator('li').last()).toHaveText('value 1 by touch');
    await page.touchscreen.tap(bar.x, bar.y);
    await expect(log.locator('li').last()).toHaveText('leave 1');

    // The README's example: its caption follows the figure a reader is on.
    const example = page.locator('figure');
    await expect(example.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
    await expect(example.locator('figcaption')).toHaveText('Point at a bar.');
    await example.locator('canvas').focus();
    await expect(example.locator('figcaption')).toHaveText('Vietnamese: 80% (“80 percent”)');
    console.assertClean();
  } finally {
    await context.close();
    await app.close();
  }
});

let server = null;
// Stopped even when the test times out.
test.afterEach(() => server?.kill());

test("on Vite's dev server, which pre-bundles dependencies, the chart draws with no setting", async ({ page }) => {
  server = spawn(join(WORK, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: join(WORK, 'vite-app'),
    // Plain output, to read its address from (Playwright sets FORCE_COLOR, which wins over NO_COLOR).
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'FORCE_COLOR')),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk) => {
        output += chunk;
        const found = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (found) resolve(found[0]);
      });
      server.on('exit', (code) => reject(new Error(`vite exited (${code}) before serving:\n${output}`)));
    });
    const console = watchConsole(page);
    await page.goto(`${url}index.html`);
    const chart = page.locator('indicator-chart');
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    expect(await drawnPixels(chart)).toBeGreaterThan(3000);
    console.assertClean();
  } finally {
    server.kill();
    server = null;
  }
});
