// Readers first: no axe-core violation in either theme, keyboard and pointer
// tooltips, numbers in the page's language, print resolution.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { hostServer, articlePage, canvasPixelRatio, chartsReady, drawAll } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = {
  'index.html': `${CHARTS}index.html`,
  'embed.html': `${CHARTS}embed.html?indicator=us-favourability`,
  'offline.html': pathToFileURL(join(process.env.DIST_DIR, 'offline.html')).href,
};

for (const [name, url] of Object.entries(PAGES)) {
  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violation on ${name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await chartsReady(page);
      await drawAll(page);
      // Open every data table, so that it is checked too.
      await page.evaluate(() => {
        for (const chart of document.querySelectorAll('indicator-chart'))
          chart.shadowRoot.querySelector('details').open = true;
      });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join('; ')}`,
        );
      });
      expect(violations).toEqual([]);
    });
  }
}

test('a keyboard reader tabs to a chart, opens a tooltip and reads it; Escape closes it', async ({ page }) => {
  await page.goto(`${CHARTS}index.html`);
  await chartsReady(page);
  // Tab until focus is in the first chart.
  let inChart = false;
  for (let i = 0; i < 80 && !inChart; i++) {
    await page.keyboard.press('Tab');
    inChart = await page.evaluate(
      () =>
        document.activeElement?.tagName === 'INDICATOR-CHART' &&
        document.activeElement.shadowRoot.activeElement?.tagName === 'CANVAS',
    );
  }
  expect(inChart, 'Tab reaches a chart').toBe(true);
  const chart = page.locator('indicator-chart:focus');
  await expect(chart).toHaveAttribute('indicator', 'us-favourability');
  const tooltip = chart.locator('.tooltip');
  const focusRing = chart.locator('.focus');
  await expect(tooltip).toBeVisible();
  await expect(focusRing).toBeVisible();
  await expect(tooltip).toContainText('Vietnamese');
  await expect(tooltip).toContainText('80%');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip).toContainText('Under 30');
  await expect(tooltip).toContainText('88%');
  await expect(tooltip).toContainText('among those under 30 years old, it was 88 percent');
  await expect(tooltip).toContainText('Source: Pew Research Center');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  // The data table is the next stop, and opens from the keyboard.
  await page.keyboard.press('Tab');
  const summary = chart.locator('summary');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chart.locator('table')).toBeVisible();
  await expect(chart.locator('table')).toContainText('88%');
});

test('hovering or tapping a bar shows its value and sentence', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 700, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${CHARTS}embed.html?indicator=trade-balance-2015`);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const canvas = chart.locator('canvas');
  const box = await chart.evaluate((element) => {
    const canvas = element.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height };
  });
  // The bar is last, after the three years of surplus, below the zero line.
  const bar = { x: box.x + box.width * 0.85, y: box.y + box.height * 0.5 };
  await page.mouse.move(bar.x, bar.y);
  const tooltip = chart.locator('.tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('\u2212US$3.54 billion');
  await expect(tooltip).toContainText('trade deficit of US$3.54 billion');
  await page.mouse.move(box.x + 2, box.y + 2);
  await expect(tooltip).toBeHidden();
  await canvas.tap({ position: { x: bar.x - box.x, y: bar.y - box.y } });
  await expect(tooltip).toBeVisible();
  await context.close();
});

test('a French page shows 6,15 %, and an attribute fixes the locale per embed', async ({ page }) => {
  const host = await hostServer({
    '/fr.html': {
      body: articlePage({
        lang: 'fr',
        charts: [
          'gdp-growth-average',
          { html: '<indicator-chart id="english" indicator="gdp-growth-average" locale="en"></indicator-chart>' },
        ],
      }),
    },
  });
  try {
    await page.goto(`${host.url}fr.html`);
    const french = page.locator('indicator-chart').first();
    await expect(french).toHaveAttribute('data-state', 'drawn');
    const label = (chart) => chart.evaluate((e) => e.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
    expect(await label(french)).toContain('6,15\u202f%');
    await french.evaluate((e) => {
      e.shadowRoot.querySelector('details').open = true;
    });
    await expect(french.locator('table')).toContainText('6,15\u202f%');
    const english = page.locator('#english');
    await english.scrollIntoViewIfNeeded();
    await expect(english).toHaveAttribute('data-state', 'drawn');
    expect(await label(english)).toContain('6.15%');
  } finally {
    await host.close();
  }
});

test('charts are redrawn at print resolution before printing, and back after', async ({ page }) => {
  await page.goto(`${CHARTS}embed.html?indicator=us-favourability`);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const ratio = () => canvasPixelRatio(chart);
  expect(await ratio()).toBeCloseTo(1, 2);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  expect(await ratio()).toBeCloseTo(3, 2);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(ratio).toBeCloseTo(1, 2);
});
