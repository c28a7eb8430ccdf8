// The element's public surface as the npm package's manifest describes it
// (DIST_DIR/npm/package/custom-elements.json, written from the surface
// table): its attributes and their properties and defaults, its slot and
// parts, and its events, dispatched with the detail their types declare,
// on a page that embeds by script and, relayed by postMessage, on a page
// that embeds by iframe.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlePage, hostServer } from './helpers.mjs';

const CHARTS = process.env.CHARTS_URL;
const manifest = JSON.parse(readFileSync(join(process.env.DIST_DIR, 'npm/package/custom-elements.json'), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.customElement);
const EVENTS = element.events.map((e) => e.name);

/** The detail fields an event's declared type names: `CustomEvent<{ id: string; … }>`. */
function declaredFields(event) {
  const fields = event.type.text.match(/\{(.*)\}/)[1];
  return fields.split(';').map((field) => field.split(':')[0].trim());
}

/** Records every event of the element on the document (they bubble and are composed). */
function recordEvents(page) {
  return page.addInitScript((names) => {
    window.__events = [];
    for (const name of names) {
      document.addEventListener(name, (event) =>
        window.__events.push({ type: event.type, target: event.target.localName, detail: event.detail }),
      );
    }
  }, EVENTS);
}
const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type === type), type);

let host;
test.beforeAll(async () => {
  host = await hostServer({
    '/article.html': {
      body: articlePage({
        charts: [
          'us-favourability',
          { html: '<indicator-chart id="misspelt" indicator="us-favourabilty"></indicator-chart>' },
        ],
      }),
    },
    '/iframe.html': {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script>window.__messages = []; addEventListener('message', (event) => window.__messages.push(event.data));</script></head>
<body><iframe src="${CHARTS}embed.html?indicator=us-favourability" title="Views of the US" width="600" height="500"></iframe></body></html>`,
    },
  });
});
test.afterAll(() => host.close());

test('the attributes, properties, slot and parts are those of the manifest', async ({ page }) => {
  await page.goto(`${CHARTS}embed.html?indicator=gdp-growth-average`);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const found = await chart.evaluate((element, attributes) => {
    const fresh = document.createElement('indicator-chart');
    const root = element.shadowRoot;
    return {
      observed: customElements.get('indicator-chart').observedAttributes,
      // What each property gives when its attribute is absent, and whether setting it writes the attribute.
      properties: attributes.map(({ name, fieldName }) => {
        const absent = fresh[fieldName];
        fresh[fieldName] = 'x';
        return { name, absent, reflected: fresh.getAttribute(name) === 'x' };
      }),
      slots: [...root.querySelectorAll('slot')].map((slot) => slot.name),
      parts: [...root.querySelectorAll('[part]')].map((node) => node.part.value).sort(),
    };
  }, element.attributes);
  expect(found.observed).toEqual(element.attributes.map((a) => a.name));
  expect(found.properties).toEqual(
    element.attributes.map((a) => ({ name: a.name, absent: a.default ?? '', reflected: true })),
  );
  expect(found.slots).toEqual(element.slots.map((s) => s.name));
  expect(found.parts).toEqual(element.cssParts.map((p) => p.name).sort());
});

test('a page that embeds by script hears each event, with the detail its type declares', async ({ page }) => {
  await recordEvents(page);
  await page.goto(`${host.url}article.html`);
  const chart = page.locator('indicator-chart').first();
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  const [drawn] = await events(page, 'indicator-chart-drawn');
  expect(drawn.target).toBe('indicator-chart');
  expect(drawn.detail).toMatchObject({ id: 'us-favourability', title: await chart.evaluate((e) => e.chartTitle) });
  const canvas = await chart.evaluate((e) => e.shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
  expect(drawn.detail.width).toBeCloseTo(canvas.width, 0);
  expect(drawn.detail.height).toBeCloseTo(canvas.height, 0);

  // A mistake in an attribute: the reader's words and the console's.
  const misspelt = page.locator('#misspelt');
  await misspelt.scrollIntoViewIfNeeded();
  await expect(misspelt).toHaveAttribute('data-state', 'error');
  await expect.poll(async () => (await events(page, 'indicator-chart-error')).length).toBe(1);
  const [error] = await events(page, 'indicator-chart-error');
  expect(error.detail.id).toBe('us-favourabilty');
  expect(error.detail.message).toBe(await misspelt.locator('.error').textContent());
  expect(error.detail.cause).toContain('indicator="us-favourabilty"');

  // A keyboard reader on the first figure, then the second; Escape leaves it.
  await chart.scrollIntoViewIfNeeded();
  await chart.locator('canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  const values = await events(page, 'indicator-chart-value');
  expect(values.map((v) => v.detail)).toEqual([
    {
      id: 'us-favourability',
      index: 0,
      label: 'Vietnamese',
      value: 80,
      text: '80%',
      asWritten: '80 percent',
      input: 'keyboard',
    },
    {
      id: 'us-favourability',
      index: 1,
      label: 'Under 30',
      value: 88,
      text: '88%',
      asWritten: '88 percent',
      input: 'keyboard',
    },
  ]);
  expect((await events(page, 'indicator-chart-leave')).map((e) => e.detail)).toEqual([
    { id: 'us-favourability', index: 1 },
  ]);

  // Every detail has exactly the fields the manifest's type for it names.
  const all = await page.evaluate(() => window.__events);
  for (const event of element.events) {
    const seen = all.filter((e) => e.type === event.name);
    expect(seen.length, event.name).toBeGreaterThan(0);
    for (const { detail } of seen) expect(Object.keys(detail).sort(), event.name).toEqual(declaredFields(event).sort());
  }
});

test('a timeline event tells its date as the text writes it, and no number', async ({ page }) => {
  await recordEvents(page);
  await page.goto(`${CHARTS}embed.html?indicator=timeline`);
  const chart = page.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  await chart.locator('canvas').focus();
  const data = await (await page.request.get(`${CHARTS}data/indicators.json`)).json();
  const first = data.timeline.events[0];
  const [value] = await events(page, 'indicator-chart-value');
  expect(value.detail).toMatchObject({ index: 0, label: first.label, value: null, asWritten: first.when });
});

test('an iframe embed relays the same events to its parent page', async ({ page }) => {
  await page.goto(`${host.url}iframe.html`);
  const frame = page.frameLocator('iframe');
  const chart = frame.locator('indicator-chart');
  await expect(chart).toHaveAttribute('data-state', 'drawn');
  await chart.locator('canvas').focus();
  await page.keyboard.press('Escape');
  const relayed = () => page.evaluate(() => window.__messages.filter((m) => m.type !== 'indicator-chart:height'));
  // Every event but the error (the chart draws), in the order they happened.
  const types = async () => [...new Set((await relayed()).map((m) => m.type))];
  await expect.poll(types).toEqual(EVENTS.filter((e) => !e.endsWith('-error')));
  const messages = await relayed();
  expect(messages.every((m) => m.indicator === 'us-favourability' && m.detail.id === 'us-favourability')).toBe(true);
  expect(messages.find((m) => m.type === 'indicator-chart-value').detail).toMatchObject({
    label: 'Vietnamese',
    asWritten: '80 percent',
  });
});
