// Cite this chart: each chart page and each chart of the viewer page shows
// an APA 7 citation and a BibTeX entry to copy, and links its CSL-JSON. A
// real citation library (citation-js, with its CSL and BibTeX plugins)
// parses the CSL-JSON and the BibTeX and renders APA from each: both must
// be what the page shows. The chart page's Highwire tags name the chart,
// and the article and source it cites. And wherever a source is shown at
// length, the reader sees the entry of the text's list of references it
// resolves to.
import { test, expect } from '@playwright/test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';

const CHARTS = process.env.CHARTS_URL;

/** APA, as text, from any input citation-js reads. */
function apa(input) {
  return new Cite(input).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
}

/** Every chart's id on the index, from the data the build wrote (a duration with a span is drawn on the timeline). */
async function chartIds(request) {
  const data = await (await request.get('data/indicators.json')).json();
  return [...data.indicators.filter((i) => !i.span), data.timeline].map(({ id }) => id);
}

/** What the page shows for the chart `id`: its APA text, its BibTeX, and its CSL-JSON link. */
function shown(page, id) {
  return page.evaluate((id) => {
    const card = document.getElementById(id);
    return {
      apa: document.getElementById(`${id}-apa`).textContent.trim(),
      bibtex: document.getElementById(`${id}-bibtex`).textContent,
      csl: new URL(card.querySelector('.cite a[download$=".csl.json"]').getAttribute('href'), location.href).href,
    };
  }, id);
}

test('every chart page, and the viewer page, offer a citation that citation-js reads back as the APA shown', async ({
  browser,
  request,
}) => {
  // As a crawler or a reader without scripts sees the pages.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const ids = await chartIds(request);
  await page.goto('index.html');
  const onIndex = new Map();
  for (const id of ids) onIndex.set(id, await shown(page, id));
  for (const id of ids) {
    const address = `${CHARTS}charts/${id}.html`;
    await page.goto(address);
    const { apa: text, bibtex, csl } = await shown(page, id);
    // The chart, the site, the article and the figure's own source.
    expect(text, id).toContain('US–Vietnam relations in figures');
    expect(text, id).toMatch(/B\. Liu|Foreign Affairs/);
    expect(text, id).toMatch(/citing|cites no source|sources each cites/);
    expect(text, id).toContain(address);
    // The viewer page cites each chart as its own page does.
    expect(onIndex.get(id).apa, `${id} on index.html`).toBe(text);
    expect(onIndex.get(id).bibtex, `${id} on index.html`).toBe(bibtex);

    const item = await (await request.get(csl)).json();
    expect(item, id).toHaveLength(1);
    expect(item[0].URL, id).toBe(address);
    expect(apa(item), `${id}: APA from the CSL-JSON`).toBe(text);
    expect(apa(bibtex), `${id}: APA from the BibTeX`).toBe(text);

    // The Highwire tags Zotero reads: the chart, and what it cites.
    const meta = await page.evaluate(() =>
      [...document.querySelectorAll('meta[name^="citation_"]')].map((m) => [m.name, m.content]),
    );
    expect(meta, id).toContainEqual(['citation_title', item[0].title]);
    expect(meta, id).toContainEqual(['citation_fulltext_html_url', address]);
    const references = meta.filter(([name]) => name === 'citation_reference').map(([, content]) => content);
    expect(
      references.some((r) => /Foreign Affairs|US-Vietnamese Reconciliation/.test(r)),
      id,
    ).toBe(true);
  }
  await context.close();
});

test('the copy buttons copy the citation the page shows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('index.html');
  const card = page.locator('#gdp-growth-average');
  await card.locator('.cite summary').click();
  await card.getByRole('button', { name: 'Copy APA' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await shown(page, 'gdp-growth-average')).apa);
  await expect(card.locator('.cite .status')).toHaveText('Citation copied.');
  await card.getByRole('button', { name: 'Copy BibTeX' }).click();
  const entry = await page.evaluate(() => navigator.clipboard.readText());
  expect(entry).toMatch(/^@misc\{us-vietnam-figures-gdp-growth-average,/);
  expect(apa(entry)).toBe(copied);
});

test('a source shown at length names the entry of the text’s references it resolves to', async ({ page, request }) => {
  const data = await (await request.get('data/indicators.json')).json();
  const liu = data.references.lists.find((list) => list.text === 'liu-2016');
  const gdp = data.indicators.find((i) => i.id === 'gdp-growth-average');
  // The download carries the entry, verbatim.
  expect(gdp.reference.entry).toBe(liu.entries.find((e) => e.entry.startsWith('Trading economics')).entry);
  expect(gdp.reference.note).toContain('2000–2016');

  await page.goto('charts/gdp-growth-average.html');
  await expect(page.locator('.reference')).toContainText(gdp.reference.entry);
  await page.goto('charts/china-sea-claim-area.html');
  await expect(page.locator('.reference')).toContainText('no list of references');

  const csv = await (await request.get('data/indicators.csv')).text();
  expect(csv.split('\n')[0]).toContain('reference_entry');
  expect(csv).toContain('Trading economics: Vietnam GDP growth rate, 2000-2016. (2016). Retrieved from');
});
