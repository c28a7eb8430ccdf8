// A real WordPress (Debian's package, started by xtask/src/wordpress.rs):
// an editor pastes a chart's address, or the copied embed code, into a
// post, and a reader opens the post in Chromium. What runs is WordPress's
// own oEmbed discovery, its filters (wp_filter_oembed_result, kses) and its
// wp-embed.js, not a copy of their rules.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { copiedEmbedCode, drawnPixels, watchConsole } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const WORDPRESS = process.env.WORDPRESS_URL;
const POST = fileURLToPath(new URL('../wordpress/post.php', import.meta.url));
const ID = 'gdp-growth-average';

test.skip(!WORDPRESS, 'WORDPRESS_URL is not set: run through `cargo xtask test`, which starts WordPress');

/** Publishes a post as `user` ("admin" or "author"); its address. */
function publish(user, title, content) {
  return execFileSync('php', [POST, user, title], {
    input: content,
    encoding: 'utf8',
    env: { ...process.env, WP_TEST_HOST: process.env.WORDPRESS_HOST },
  }).trim();
}

/** The chart's frame in a post: drawn, shown, and as tall as its page. */
async function expectEmbedded(page) {
  const iframe = page.locator('iframe.wp-embedded-content');
  await expect(iframe).toHaveCount(1);
  // WordPress keeps the frame sandboxed, with the secret it speaks with.
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  await iframe.scrollIntoViewIfNeeded();
  // wp-embed.js shows the frame (and hides the blockquote) on our first 'height'.
  await expect(iframe).toBeVisible();
  await expect(page.locator('blockquote.wp-embedded-content')).toBeHidden();
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  expect(frame, 'the embed frame').toBeTruthy();
  const chart = frame.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  expect(await drawnPixels(chart)).toBeGreaterThan(3000);
  const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  // WordPress clamps the height to 200–1000 px.
  await expect
    .poll(async () => {
      const wanted = Math.min(1000, Math.max(200, await content()));
      return Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - wanted);
    })
    .toBeLessThanOrEqual(1);
  expect(await content()).toBeGreaterThan(300);
  return { iframe, frame };
}

test('a chart address pasted into a post draws the chart, sized to it, and its link opens', async ({ page }) => {
  const address = `${CHARTS}charts/${ID}.html`;
  expect(new URL(address).port, 'WordPress fetches oEmbed from port 8080').toBe('8080');
  const post = publish(
    'admin',
    'Pasted address',
    `<p>Growth, in one chart:</p>\n\n${address}\n\n<p>After the chart.</p>`,
  );
  const console = watchConsole(page);
  for (const width of [1000, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(post);
    const { iframe, frame } = await expectEmbedded(page);
    const box = await iframe.boundingBox();
    expect(box.width, 'the frame fits the column').toBeLessThanOrEqual(width);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await page.screenshot({ path: `../target/e2e/wordpress-address-${width}.png`, fullPage: true });
  }
  // The sandbox follows no link: the frame asks WordPress to ('link').
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  await frame.locator('#more').click();
  await expect(page).toHaveURL(`${CHARTS}index.html#${ID}`);
  console.assertClean();
});

test('an author pasting the address gets the chart too', async ({ page }) => {
  const post = publish('author', 'Pasted by an author', `${CHARTS}charts/us-favourability.html`);
  const console = watchConsole(page);
  await page.goto(post);
  await expectEmbedded(page);
  console.assertClean();
});

test('a chart taller than WordPress allows scrolls in a 1000 px frame', async ({ page }) => {
  const post = publish('admin', 'The timeline', `${CHARTS}charts/timeline.html`);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(post);
  const { iframe, frame } = await expectEmbedded(page);
  expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBe(1000);
  const { scrollable, overflow } = await frame.evaluate(() => ({
    scrollable: document.scrollingElement.scrollHeight > innerHeight,
    overflow: getComputedStyle(document.documentElement).overflowY,
  }));
  expect(scrollable, 'the chart is taller than its frame').toBe(true);
  expect(overflow, 'and the frame scrolls').not.toBe('hidden');
});

test('the copied embed code: drawn for an administrator, its picture for an author', async ({ page, browser }) => {
  const code = await copiedEmbedCode(browser, CHARTS, ID);
  const console = watchConsole(page);

  await page.goto(publish('admin', 'Embed code by an administrator', code));
  const chart = page.locator('indicator-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  expect(await drawnPixels(chart)).toBeGreaterThan(3000);

  // WordPress strips an author's script: the linked picture stays.
  await page.goto(publish('author', 'Embed code by an author', code));
  expect(await page.locator('script[src$="indicator-chart.js"]').count()).toBe(0);
  const picture = page.locator(`a[href$="charts/${ID}.html"] img`);
  await picture.scrollIntoViewIfNeeded();
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect((await picture.boundingBox()).height).toBeGreaterThan(200);
  expect(await picture.getAttribute('alt')).toBeTruthy();
  console.assertClean();
});
