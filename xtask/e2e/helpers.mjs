// Shared by the end-to-end tests: console watching, waiting for charts,
// and reading a chart's canvas pixels from inside its shadow root.
import { expect } from '@playwright/test';

/** Collects console errors and uncaught exceptions; `assertClean()` fails on any. */
export function watchConsole(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { problems, assertClean: () => expect(problems, 'console errors').toEqual([]) };
}

/** Resolves when performance.mark('charts-ready') has been set. */
export async function chartsReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('charts-ready').length > 0);
}

/** Scrolls every chart into view so each draws, and waits until all have. */
export async function drawAll(page, selector = 'indicator-chart') {
  const charts = page.locator(selector);
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect(charts.nth(i)).toHaveAttribute('data-state', /drawn|error/);
  }
  return count;
}

/** Pixels of a chart's canvas that differ from its top-left (background) pixel. */
export function drawnPixels(chart) {
  return chart.evaluate((element) => {
    const canvas = element.shadowRoot?.querySelector('canvas');
    if (!canvas || canvas.hidden || canvas.width === 0) return 0;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
    }
    return drawn;
  });
}

/** Canvas pixels per CSS pixel of a chart: the resolution it was last drawn at. */
export function canvasPixelRatio(chart) {
  return chart.evaluate((element) => {
    const canvas = element.shadowRoot.querySelector('canvas');
    return canvas.width / canvas.getBoundingClientRect().width;
  });
}

/** The ids of every chart the index draws, from the data the build wrote. */
export async function chartIds(request) {
  const data = await (await request.get('data/indicators.json')).json();
  // A duration with a span is drawn on the timeline, and listed there.
  return [...data.indicators.filter((i) => !i.span).map((i) => i.id), data.timeline.id];
}

/**
 * A second origin for host pages (an article on another site): a tiny HTTP
 * server on another port. `pages` maps a path to { body, headers, delay }:
 * `delay` milliseconds before it answers (a slow web font, say). With
 * `files`, the files of that folder are served too, with the headers
 * `fileHeaders(path)` gives.
 */
export async function hostServer(pages, { files, fileHeaders = () => ({}) } = {}) {
  const http = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { join, normalize, extname } = await import('node:path');
  const types = {
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
    '.css': 'text/css',
    '.html': 'text/html; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
    '.csv': 'text/csv',
  };
  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    const page = pages[path];
    // Optionally the charts' own files too, for pages that must load them from their own origin.
    if (!page && files && !path.includes('..')) {
      try {
        const body = await readFile(join(files, normalize(path)));
        response.writeHead(200, {
          'content-type': types[extname(path)] ?? 'application/octet-stream',
          ...fileHeaders(path),
        });
        response.end(body);
        return;
      } catch {
        // fall through to 404
      }
    }
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    if (page.delay) await new Promise((resolve) => setTimeout(resolve, page.delay));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(page.headers ?? {}) });
    response.end(page.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A host page embedding charts by script, with optional extra head markup. */
export function articlePage({
  charts,
  head = '',
  body = '',
  chartsUrl = process.env.CHARTS_URL,
  lang = 'en',
  strict = false,
}) {
  const elements = charts
    .map((c) => (typeof c === 'string' ? `<indicator-chart indicator="${c}"></indicator-chart>` : c.html))
    .join('\n<p>Paragraph between charts.</p>\n');
  // A page under a strict CSP may have no inline style at all.
  const style = strict ? '' : '<style>article { max-width: 640px }</style>';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>Article</title>${style}${head}
<script type="module" src="${chartsUrl}indicator-chart.js"></script></head>
<body><article><h1>An article</h1>${elements}${body}</article></body></html>`;
}

/** A digest of a chart's canvas pixels and its size, for comparing renders. */
export function canvasDigest(chart) {
  return chart.evaluate(async (element) => {
    const canvas = element.shadowRoot.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const digest = await crypto.subtle.digest('SHA-256', data);
    return `${canvas.width}x${canvas.height}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  });
}

/** The script embed code "Copy embed code" on the index page served at `base` gives for `id`. */
export async function copiedEmbedCode(browser, base, id) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${base}index.html#${id}`);
  await page.locator(`#${id}`).getByRole('button', { name: 'Copy embed code' }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  return code;
}
