// A chart takes the page's theme, not the reader's system setting: a light
// article shows a light chart and a dark article a dark one, whether the
// reader's system is set to light or to dark. `theme` still wins, and the
// iframe embed is light unless its code asks for `dark` or `auto`.

import { test, expect } from '@playwright/test';

const CHARTS = process.env.CHARTS_URL;
const CHART = 'gdp-growth-average';

/** An article of the publisher's, served from the charts' host. */
function article(background, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script type="module" src="indicator-chart.js"></script></head>
<body style="margin:0;padding:20px;background:${background};color:${background === '#fff' ? '#111' : '#eee'}">
<p>A paragraph of the article.</p>${body}<p>Another paragraph.</p></body></html>`;
}

async function open(page, colorScheme, path, html) {
  await page.emulateMedia({ colorScheme });
  if (html) {
    await page.route(`${CHARTS}${path}`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  }
  await page.goto(`${CHARTS}${path}`);
}

/** The drawn chart's theme and the luminance (0–1) of its canvas's corner pixel. */
async function drawn(frame) {
  await frame.waitForSelector('indicator-chart[data-state="drawn"]');
  return frame.evaluate(() => {
    const element = document.querySelector('indicator-chart');
    const canvas = element.shadowRoot.querySelector('canvas');
    const [r, g, b] = canvas.getContext('2d').getImageData(2, 2, 1, 1).data;
    return { theme: element.dataset.theme, luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
  });
}

for (const reader of ['light', 'dark']) {
  for (const [pageTheme, background] of [
    ['light', '#fff'],
    ['dark', '#14161a'],
  ]) {
    test(`the element on a ${pageTheme} article, reader's system ${reader}: a ${pageTheme} chart`, async ({ page }) => {
      await open(
        page,
        reader,
        `article-${pageTheme}.html`,
        article(background, `<indicator-chart indicator="${CHART}"></indicator-chart>`),
      );
      const { theme, luminance } = await drawn(page);
      expect(theme).toBe(pageTheme);
      if (pageTheme === 'light') expect(luminance).toBeGreaterThan(0.8);
      else expect(luminance).toBeLessThan(0.25);
    });

    test(`the iframe on a ${pageTheme} article, reader's system ${reader}: light unless asked`, async ({ page }) => {
      const iframe = (query) =>
        `<iframe src="embed.html?indicator=${CHART}${query}" width="100%" height="500" style="border:0"></iframe>`;
      await open(
        page,
        reader,
        `iframes-${pageTheme}.html`,
        article(background, iframe('') + iframe('&theme=dark') + iframe('&theme=auto')),
      );
      const frames = page.frames().filter((frame) => frame.url().includes('embed.html'));
      expect(frames).toHaveLength(3);
      const [plain, dark, auto] = await Promise.all(frames.map(drawn));
      expect(plain.theme).toBe('light');
      expect(plain.luminance).toBeGreaterThan(0.8);
      expect(dark.theme).toBe('dark');
      expect(dark.luminance).toBeLessThan(0.25);
      expect(auto.theme).toBe(reader);
    });
  }
}

test('theme="dark" and theme="light" win over the page', async ({ page }) => {
  await open(
    page,
    'light',
    'article-forced.html',
    article('#fff', `<indicator-chart indicator="${CHART}" theme="dark"></indicator-chart>`),
  );
  const forced = await drawn(page);
  expect(forced.theme).toBe('dark');
  expect(forced.luminance).toBeLessThan(0.25);

  await open(
    page,
    'dark',
    'article-forced-light.html',
    article('#14161a', `<indicator-chart indicator="${CHART}" theme="light"></indicator-chart>`),
  );
  const light = await drawn(page);
  expect(light.theme).toBe('light');
  expect(light.luminance).toBeGreaterThan(0.8);
});

test('a page with no background follows its color-scheme; a page that switches its theme is followed', async ({
  page,
}) => {
  const html = `<!doctype html><html lang="en" style="color-scheme: dark"><head><meta charset="utf-8"><title>Article</title>
<script type="module" src="indicator-chart.js"></script></head>
<body><indicator-chart indicator="${CHART}"></indicator-chart></body></html>`;
  await open(page, 'light', 'article-scheme.html', html);
  expect((await drawn(page)).theme).toBe('dark');
  // The page's own switch: a class on <html> that paints a light background.
  await page.evaluate(() => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<style>.light { color-scheme: light; background: #fafafa; }</style>',
    );
    document.documentElement.style.colorScheme = '';
    document.documentElement.classList.add('light');
  });
  await expect(page.locator('indicator-chart')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => (await drawn(page)).luminance).toBeGreaterThan(0.8);
});
