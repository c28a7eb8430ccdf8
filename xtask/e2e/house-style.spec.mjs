// A publication's house style: five CSS custom properties set the typeface
// and colours of its charts, kept readable; a web font the page declares is
// waited for; nothing else of the host's CSS reaches the chart (see the
// hostile-CSS tests in charts.spec.mjs).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostServer, articlePage, canvasDigest, drawnPixels } from './helpers.mjs';

const CREAM = [0xfb, 0xf6, 0xe9];
const INK = '#2b211b';
const CLARET = [0x8c, 0x1c, 0x2c];
const NEWSPAPER = `
  body { background: rgb(${CREAM}); font: 19px/1.6 'Times New Roman', Georgia, serif; color: ${INK}; }
  article { max-width: 680px; margin: 0 auto; }
  indicator-chart {
    --indicator-chart-font-family: 'Times New Roman', Georgia, serif;
    --indicator-chart-text: ${INK};
    --indicator-chart-muted: #5e5249;
    --indicator-chart-accent: rgb(${CLARET});
    --indicator-chart-background: rgb(${CREAM});
  }`;
// The committed bold face, declared under a name of its own: a web font.
const FONT = readFileSync(join(process.cwd(), '..', 'src/surface/fonts/LiberationSans-Bold.ttf'));

/** Pixels of the chart's canvas exactly of colour `rgb`. */
function pixelsOf(chart, rgb) {
  return chart.evaluate((element, rgb) => {
    const canvas = element.shadowRoot.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) count++;
    }
    return count;
  }, rgb);
}

async function drawn(page, selector = 'indicator-chart') {
  const chart = page.locator(selector).first();
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  return chart;
}

test('a newspaper sets its typeface and colours; the chart is drawn in them (screenshot at DPR 2)', async ({
  browser,
}) => {
  const host = await hostServer({
    '/plain.html': { body: articlePage({ charts: ['us-favourability'] }) },
    '/newspaper.html': {
      body: articlePage({ charts: ['us-favourability', 'trade-balance-2015'], head: `<style>${NEWSPAPER}</style>` }),
    },
  });
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 760, height: 1200 } });
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on(
      'console',
      (m) => ['warning', 'error'].includes(m.type()) && m.text().includes('indicator-chart') && warnings.push(m.text()),
    );
    await page.goto(`${host.url}plain.html`);
    const plain = await canvasDigest(await drawn(page));
    await page.goto(`${host.url}newspaper.html`);
    const chart = await drawn(page);
    expect(await canvasDigest(chart)).not.toEqual(plain);
    // The background is the page's cream, the bars its claret.
    const corner = await chart.evaluate((e) => [
      ...e.shadowRoot.querySelector('canvas').getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3),
    ]);
    expect(corner).toEqual(CREAM);
    expect(await pixelsOf(chart, CLARET)).toBeGreaterThan(2000);
    // The element's own text (tooltips, table) follows the typeface too.
    const font = await chart.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.frame')).fontFamily);
    expect(font).toContain('Times New Roman');
    await page.locator('indicator-chart').nth(1).scrollIntoViewIfNeeded();
    await drawn(page, 'indicator-chart >> nth=1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '../target/e2e/screenshots/house-style-newspaper-2x.png', fullPage: true });
    expect(warnings).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('an accent too faint to read is darkened, with one console warning for the page', async ({ page }) => {
  const GOLD = [0xf2, 0xc1, 0x4e];
  const style = `indicator-chart { --indicator-chart-accent: rgb(${GOLD}); --indicator-chart-background: rgb(${CREAM}); }`;
  const host = await hostServer({
    '/gold.html': {
      body: articlePage({
        charts: ['us-favourability', 'trade-balance-2015', 'gdp-growth-average'],
        head: `<style>${style}</style>`,
      }),
    },
  });
  try {
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.setViewportSize({ width: 700, height: 3000 });
    await page.goto(`${host.url}gold.html`);
    for (const chart of await page.locator('indicator-chart').all()) {
      await expect(chart).toHaveAttribute('data-state', 'drawn');
    }
    expect(warnings).toHaveLength(1);
    const warning = warnings[0];
    expect(warning).toContain('--indicator-chart-accent #f2c14e has a contrast of');
    const drawnAs = warning.match(/drawn as #([0-9a-f]{6})/)[1];
    const adjusted = [0, 2, 4].map((i) => parseInt(drawnAs.slice(i, i + 2), 16));
    const chart = page.locator('indicator-chart').first();
    expect(await pixelsOf(chart, GOLD)).toBe(0);
    expect(await pixelsOf(chart, adjusted)).toBeGreaterThan(2000);
  } finally {
    await host.close();
  }
});

/** The page of a chart set in a web font that the host serves after `delay` ms, or not at all. */
function webFontPages(delay) {
  const face = `@font-face { font-family: 'Late Face'; src: url(/late.ttf) format('truetype'); font-display: swap; }
    indicator-chart { --indicator-chart-font-family: 'Late Face', serif; }`;
  return {
    '/font.html': { body: articlePage({ charts: ['gdp-growth-average'], head: `<style>${face}</style>` }) },
    ...(delay === null ? {} : { '/late.ttf': { body: FONT, headers: { 'content-type': 'font/ttf' }, delay } }),
  };
}

async function finalDigest(browser, delay) {
  const host = await hostServer(webFontPages(delay));
  const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}font.html`);
    const chart = await drawn(page);
    // Let a late font arrive and the chart redraw with it.
    if (delay) await page.waitForTimeout(delay + 1000);
    await page.evaluate(() => document.fonts.ready);
    await expect(chart).toHaveAttribute('data-state', 'drawn');
    return await canvasDigest(chart);
  } finally {
    await context.close();
    await host.close();
  }
}

test('a web font the page declares is waited for, or drawn in when it arrives late', async ({ browser }) => {
  const missing = await finalDigest(browser, null);
  const prompt = await finalDigest(browser, 0);
  expect(prompt).not.toEqual(missing);
  // Arriving within the element's wait: the first drawing is in the font.
  expect(await finalDigest(browser, 1500)).toEqual(prompt);
  // Arriving after it: drawn in a fallback first, then again in the font.
  expect(await finalDigest(browser, 4500)).toEqual(prompt);
});

test('a house style can be set per theme', async ({ page }) => {
  const style = `indicator-chart[data-theme="dark"] { --indicator-chart-background: #101820; }`;
  const host = await hostServer({
    '/themes.html': {
      body: articlePage({
        charts: [{ html: '<indicator-chart indicator="us-favourability" theme="dark"></indicator-chart>' }],
        head: `<style>${style}</style>`,
      }),
    },
  });
  try {
    await page.goto(`${host.url}themes.html`);
    const chart = await drawn(page);
    const corner = await chart.evaluate((e) => [
      ...e.shadowRoot.querySelector('canvas').getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3),
    ]);
    expect(corner).toEqual([0x10, 0x18, 0x20]);
    expect(await drawnPixels(chart)).toBeGreaterThan(3000);
  } finally {
    await host.close();
  }
});
