// Every chart survives the ways readers keep or strip a page without our
// script: a browser's saved copy (single-file MHTML, and the DOM as the
// browser serialises it) opened offline, a reader view (Mozilla's
// Readability, as Firefox and Safari use), and the sanitisers feed readers
// and CMS comment fields apply (DOMPurify, sanitize-html).
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import sanitizeHtml from 'sanitize-html';
import { articlePage, copiedEmbedCode, drawAll, hostServer } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const DIST = process.env.DIST_DIR;
const ID = 'gdp-growth-average';

/** A browser context that reaches no network: only file: addresses load. */
async function offline(browser) {
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  return context;
}

/** Each chart's picture in `page`: its alt text, and whether it shows, loaded. */
function pictures(page) {
  return page.locator('indicator-chart').evaluateAll((charts) =>
    charts.map((chart) => {
      const img = chart.querySelector('img');
      const box = img?.getBoundingClientRect();
      return {
        id: chart.getAttribute('indicator'),
        alt: img?.alt ?? '',
        // Loaded, of a chart's size, and where the chart would be (nothing blank above it).
        shown:
          !!img &&
          img.complete &&
          img.naturalWidth > 0 &&
          box.height > 100 &&
          box.width > 200 &&
          box.top - chart.getBoundingClientRect().top < 20,
        // A saved canvas is blank: it must not take the chart's place beside the picture.
        canvas: [...(chart.shadowRoot?.querySelectorAll('canvas') ?? [])].some(
          (c) => c.getBoundingClientRect().height > 0,
        ),
      };
    }),
  );
}

/** The alt text of each chart's picture on the live page, drawn. */
async function livePage(page, path) {
  await page.goto(path);
  const count = await drawAll(page);
  const alts = await page.locator('indicator-chart img').evaluateAll((imgs) => imgs.map((img) => img.alt));
  expect(alts, 'one picture with alt text per chart').toHaveLength(count);
  for (const alt of alts) expect(alt.trim()).not.toBe('');
  return alts;
}

test('the viewer page saved as one file (MHTML) shows every chart offline', async ({ page, browser }) => {
  const alts = await livePage(page, 'index.html');
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  const file = join(mkdtempSync(join(tmpdir(), 'saved-')), 'index.mhtml');
  writeFileSync(file, data);

  const context = await offline(browser);
  const saved = await context.newPage();
  await saved.setViewportSize({ width: 1000, height: 900 });
  await saved.goto(pathToFileURL(file).href);
  const found = await pictures(saved);
  expect(found.map((p) => p.alt)).toEqual(alts);
  for (const picture of found) {
    expect(picture.shown, `${picture.id}'s picture shows`).toBe(true);
    expect(picture.canvas, `${picture.id}: no blank canvas`).toBe(false);
  }
  await saved.locator('indicator-chart').first().scrollIntoViewIfNeeded();
  await saved.screenshot({ path: '../target/e2e/saved-viewer-offline.png' });
  await context.close();
});

test('a chart page and the iframe page saved as MHTML show their chart offline', async ({ page, browser }) => {
  for (const path of [`charts/${ID}.html`, `embed.html?indicator=${ID}`]) {
    await livePage(page, path);
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
    const file = join(mkdtempSync(join(tmpdir(), 'saved-')), 'page.mhtml');
    writeFileSync(file, data);
    const context = await offline(browser);
    const saved = await context.newPage();
    await saved.goto(pathToFileURL(file).href);
    const found = await pictures(saved);
    expect(found, path).toHaveLength(1);
    expect(found[0].shown, `${path}: the picture shows`).toBe(true);
    expect(found[0].canvas, `${path}: no blank canvas`).toBe(false);
    await context.close();
  }
});

test('the viewer page saved as HTML (the DOM serialised) shows every chart offline', async ({ page, browser }) => {
  const alts = await livePage(page, 'index.html');
  // As "Save page as… complete" does: the document's HTML, its files beside it.
  const dir = mkdtempSync(join(tmpdir(), 'saved-'));
  cpSync(join(DIST, 'charts'), join(dir, 'charts'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), await page.content());
  const context = await offline(browser);
  const saved = await context.newPage();
  await saved.goto(pathToFileURL(join(dir, 'index.html')).href);
  const found = await pictures(saved);
  expect(found.map((p) => p.alt)).toEqual(alts);
  for (const picture of found) expect(picture.shown, `${picture.id}'s picture shows`).toBe(true);
  await context.close();
});

/** The pictures (img with alt) Readability keeps of `html`. */
function readerPictures(html, url) {
  const article = new Readability(new JSDOM(html, { url }).window.document).parse();
  expect(article, 'Readability finds an article').toBeTruthy();
  const content = new JSDOM(article.content).window.document;
  return [...content.querySelectorAll('img')].map((img) => img.getAttribute('alt') ?? '');
}

test('a reader view keeps a picture with alt text of every chart', async ({ page, browser }) => {
  for (const path of ['index.html', `charts/${ID}.html`]) {
    const alts = await livePage(page, path);
    const kept = readerPictures(await page.content(), page.url());
    for (const alt of alts) expect(kept, `${path}: Readability keeps "${alt}"`).toContain(alt);
  }

  const code = await copiedEmbedCode(browser, CHARTS, ID);
  const host = await hostServer({
    '/article.html': {
      body: articlePage({
        charts: [],
        body: `<p>${'Words of the article around the chart. '.repeat(30)}</p>\n${code}\n<p>${'More words after it. '.repeat(30)}</p>`,
      }),
    },
  });
  try {
    const alts = await livePage(page, `${host.url}article.html`);
    expect(alts).toHaveLength(1);
    expect(readerPictures(await page.content(), page.url())).toContain(alts[0]);
  } finally {
    await host.close();
  }
});

test("the sanitisers of feeds and comment fields keep the copied code's picture or link", async ({ browser }) => {
  const code = await copiedEmbedCode(browser, CHARTS, ID);
  const page = new URL(`charts/${ID}.html`, CHARTS).href;

  const DOMPurify = createDOMPurify(new JSDOM('').window);
  const purified = new JSDOM(DOMPurify.sanitize(code)).window.document;
  const link = purified.querySelector(`a[href="${page}"]`);
  expect(link, 'DOMPurify keeps the link to the chart page').toBeTruthy();
  const img = link.querySelector('img');
  expect(img?.getAttribute('alt'), 'and the picture, with its alt text').toBeTruthy();
  expect(new URL(img.getAttribute('src')).origin).toBe(new URL(CHARTS).origin);

  // sanitize-html allows no <img> at all by default: the link to the chart
  // stays, with the chart's title for its words.
  const sanitized = new JSDOM(sanitizeHtml(code)).window.document;
  const kept = sanitized.querySelector(`a[href="${page}"]`);
  expect(kept, 'sanitize-html keeps the link to the chart page').toBeTruthy();
  expect(kept.textContent.trim(), 'and gives it the chart title as its words').toMatch(/\w{4,}.* \(chart\)$/);
  // In the page, the title takes no room and is read by no screen reader.
  const words = purified.querySelector(`a[href="${page}"] span`);
  expect(words?.getAttribute('aria-hidden')).toBe('true');
  expect(words?.getAttribute('style')).toContain('position:absolute');
});
