// Bad input and hostile hosts: clear errors, and nothing else breaks.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { hostServer, articlePage, drawnPixels } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const DIST = process.env.DIST_DIR;

const MISTAKES = [
  [
    '<indicator-chart indicator="gdp-grwth"></indicator-chart>',
    'No indicator "gdp-grwth". Did you mean "gdp-growth-average"?',
  ],
  ['<indicator-chart></indicator-chart>', 'No indicator "".'],
  [
    '<indicator-chart indicator="us-favourability" theme="blu"></indicator-chart>',
    'Unknown theme "blu". Use "light", "dark" or "auto".',
  ],
  [
    '<indicator-chart indicator="us-favourability" aspect-ratio="-1"></indicator-chart>',
    'Aspect ratio "-1" is not usable.',
  ],
  [
    '<indicator-chart indicator="us-favourability" aspect-ratio="1000"></indicator-chart>',
    'Aspect ratio "1000" is not usable.',
  ],
  [
    '<indicator-chart indicator="us-favourability" locale="xx"></indicator-chart>',
    'Unknown locale "xx". Use one of: en, fr, vi',
  ],
];

test('each editor mistake shows its message in its box and logs one console error; the other charts draw', async ({
  page,
}) => {
  const good = ['gdp-growth-average', 'trade-balance-2015'];
  const host = await hostServer({
    '/mistakes.html': { body: articlePage({ charts: [good[0], ...MISTAKES.map(([html]) => ({ html })), good[1]] }) },
  });
  try {
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await page.setViewportSize({ width: 700, height: 4000 });
    await page.goto(`${host.url}mistakes.html`);
    const charts = page.locator('indicator-chart');
    for (const [index, [, message]] of MISTAKES.entries()) {
      const chart = charts.nth(index + 1);
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toHaveAttribute('data-state', 'error');
      const box = chart.locator('.error');
      await expect(box).toBeVisible();
      await expect(box).toContainText(message);
      expect(
        errors.filter((e) => e.includes(message)),
        message,
      ).toHaveLength(1);
    }
    for (const id of good) {
      const chart = page.locator(`indicator-chart[indicator="${id}"]`);
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toHaveAttribute('data-state', 'drawn');
      expect(await drawnPixels(chart)).toBeGreaterThan(3000);
    }
    expect(errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    expect(errors).toHaveLength(MISTAKES.length);
    // Fixing the attribute draws the chart.
    const fixed = charts.nth(1);
    await fixed.evaluate((e) => e.setAttribute('indicator', 'gdp-growth-average'));
    await expect(fixed).toHaveAttribute('data-state', 'drawn');
  } finally {
    await host.close();
  }
});

test('the script embed works under a strict Content-Security-Policy', async ({ page }) => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const host = await hostServer(
    {
      '/strict.html': {
        body: articlePage({ charts: ['us-favourability', 'timeline'], chartsUrl: '/', strict: true }),
        headers: { 'content-security-policy': policy },
      },
    },
    { files: DIST },
  );
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const response = await page.goto(`${host.url}strict.html`);
    expect(response.headers()['content-security-policy']).toBe(policy);
    for (const chart of await page.locator('indicator-chart').all()) {
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toHaveAttribute('data-state', 'drawn');
      expect(await drawnPixels(chart)).toBeGreaterThan(3000);
    }
    // Tooltips and the data table work there too.
    const first = page.locator('indicator-chart').first();
    await first.locator('canvas').focus();
    await expect(first.locator('.tooltip')).toBeVisible();
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await host.close();
  }
});

test('1,000 resize-and-redraw cycles leave memory flat', async ({ page }) => {
  await page.goto(`${CHARTS}embed.html?indicator=timeline`);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__indicatorChartsMemory());
    return { jsHeap: heap.usedSize, wasm };
  };
  const cycles = (count) =>
    page.evaluate(async (count) => {
      const element = document.querySelector('indicator-chart');
      const canvas = element.shadowRoot.querySelector('canvas');
      const widths = [320, 480, 640, 800];
      for (let i = 0; i < count; i++) {
        const width = widths[i % widths.length];
        element.style.width = `${width}px`;
        // Wait for the redraw this resize causes.
        for (let frames = 0; canvas.width !== Math.round(width * devicePixelRatio) && frames < 30; frames++) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        if (canvas.width !== Math.round(width * devicePixelRatio))
          throw new Error(`cycle ${i}: not redrawn at ${width}px`);
      }
    }, count);
  await cycles(100); // warm up: caches filled, memory grown to its working size
  const before = await measure();
  await cycles(1000);
  const after = await measure();
  console.log(
    `memory before 1,000 cycles: JS heap ${before.jsHeap} B, WASM ${before.wasm} B; after: JS heap ${after.jsHeap} B, WASM ${after.wasm} B`,
  );
  expect(after.wasm).toBe(before.wasm);
  expect(after.jsHeap - before.jsHeap).toBeLessThan(512 * 1024);
});

test('removing embeds frees them; an element re-added, or moved, works', async ({ page }) => {
  // Tall enough that all forty charts of a round are near the viewport and draw.
  await page.setViewportSize({ width: 500, height: 16000 });
  await page.goto(`${CHARTS}embed.html?indicator=us-favourability`);
  await expect(page.locator('indicator-chart')).toHaveAttribute('data-state', 'drawn');
  const round = () =>
    page.evaluate(async () => {
      const made = [];
      for (let i = 0; i < 40; i++) {
        const element = document.createElement('indicator-chart');
        element.setAttribute('indicator', i % 2 ? 'us-favourability' : 'trade-balance-2015');
        document.body.prepend(element);
        made.push(element);
      }
      // Wait until every new chart has drawn, then remove them all.
      for (let frames = 0; made.some((e) => e.dataset.state !== 'drawn') && frames < 300; frames++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const drawn = made.filter((e) => e.dataset.state === 'drawn').length;
      for (const element of made) element.remove();
      return { drawn, memory: window.__indicatorChartsMemory() };
    });
  const first = await round();
  expect(first.drawn).toBe(40);
  let last = first;
  for (let i = 0; i < 5; i++) last = await round();
  expect(last.drawn).toBe(40);
  // What 40 charts held was freed: five more rounds needed no more memory.
  expect(last.memory).toBe(first.memory);

  const state = await page.evaluate(async () => {
    const element = document.querySelector('indicator-chart');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    element.remove();
    await frame();
    document.body.append(element); // re-added after removal
    const other = document.createElement('div');
    document.body.append(other);
    other.append(element); // moved: removed and added again in one step
    for (let frames = 0; frames < 60 && element.shadowRoot.querySelector('canvas').hidden; frames++) await frame();
    await frame();
    const canvas = element.shadowRoot.querySelector('canvas');
    return { state: element.dataset.state, hidden: canvas.hidden, width: canvas.width };
  });
  expect(state).toEqual({ state: 'drawn', hidden: false, width: expect.any(Number) });
  expect(state.width).toBeGreaterThan(100);
});

test('the Subresource Integrity hash the README publishes is that of the embed script', async ({ request }) => {
  const body = await (await request.get('indicator-chart.js')).body();
  const hash = `sha384-${createHash('sha384').update(body).digest('base64')}`;
  const readme = readFileSync(join(process.cwd(), '..', 'README.md'), 'utf8');
  expect(readme).toContain(`integrity="${hash}"`);
});
