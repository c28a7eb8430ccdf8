// The actions of the viewer page and of each chart's page: copy the embed
// code (script or iframe), copy a chart's citation (APA or BibTeX, as the
// page shows it), download a chart as PNG or SVG, and keep a linked chart
// (index.html#ID) in view once the charts above it have drawn and changed
// height. The embed code itself comes from embed-code.js.

import { embedCode } from './embed-code.js';

// Without a base URL from the build, the site's root is where this script
// is (chart pages live one folder down, in charts/).
const base =
  document.querySelector('meta[name="indicator-charts-base"]')?.content || new URL('.', import.meta.url).href;
const url = (path) => new URL(path, base).href;
const integrity = document.querySelector('meta[name="indicator-charts-integrity"]')?.content;
const moduleFile = document.querySelector('meta[name="indicator-charts-module"]')?.content;
const site = { url, integrity, moduleFile };

/** What `embedCode` needs of the chart's picture, read from the page. */
function pictureOf(element) {
  const link = element.querySelector(':scope > a');
  const image = link.querySelector('img');
  return {
    linkStyle: link.getAttribute('style') ?? '',
    imageStyle: image.getAttribute('style') ?? '',
    alt: image.alt,
    width: image.getAttribute('width'),
    height: image.getAttribute('height'),
  };
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin, or permission refused): copy
    // through a selected, off-screen text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// The buttons need this script: shown only when it runs. Their room is kept
// from the start (page.css), so showing them moves nothing.
document.documentElement.classList.add('scripted');

document.addEventListener('click', async (event) => {
  // Buttons act; download links (data-action or not) say what they gave.
  const target = event.target.closest('[data-action], a[download]');
  const actions = target?.closest('.actions');
  if (!actions) return;
  const id = actions.dataset.chart;
  const status = actions.querySelector('.status');
  const element = document.querySelector(`indicator-chart[indicator="${CSS.escape(id)}"]`);
  const say = (text) => {
    status.textContent = text;
    setTimeout(() => {
      if (status.textContent === text) status.textContent = '';
    }, 4000);
  };
  switch (target.dataset.action ?? 'download') {
    case 'copy-script':
    case 'copy-iframe': {
      const kind = target.dataset.action === 'copy-script' ? 'script' : 'iframe';
      const { chart: chartId, title, iframeHeight } = actions.dataset;
      const chart = { id: chartId, title, iframeHeight, picture: kind === 'script' ? pictureOf(element) : null };
      say(
        (await copy(embedCode(kind, chart, site)))
          ? `${kind === 'script' ? 'Embed code' : 'Iframe code'} copied.`
          : 'Could not copy; select the code by hand.',
      );
      break;
    }
    case 'copy-apa':
    case 'copy-bibtex': {
      const kind = target.dataset.action.slice('copy-'.length);
      const citation = document.getElementById(`${id}-${kind}`)?.textContent.trim() ?? '';
      say(
        (await copy(citation))
          ? `${kind === 'apa' ? 'Citation' : 'BibTeX'} copied.`
          : 'Could not copy; select the citation by hand.',
      );
      break;
    }
    case 'png':
      try {
        save(await element.toBlob(), `${id}.png`);
        say(`${id}.png downloaded.`);
      } catch (e) {
        say(e.message);
      }
      break;
    case 'svg': {
      say(`${id}.svg downloaded.`);
      // The SVG the page was built with is inside the element (its static fallback).
      const svg = element?.querySelector('svg');
      if (!svg) return; // follow the link
      event.preventDefault();
      save(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `${id}.svg`);
      break;
    }
    case 'download':
      say(`${target.getAttribute('download')} downloaded.`);
      break;
  }
});

document.addEventListener('indicator-charts-ready', () => {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
});
