// The actions of the viewer page and of each chart's page: copy the embed
// code (script or iframe), copy a chart's citation (APA or BibTeX, as the
// page shows it), download a chart as PNG or SVG, and keep a linked chart
// (index.html#ID) in view once the charts above it have drawn and changed
// height.

// Without a base URL from the build, the site's root is where this script
// is (chart pages live one folder down, in charts/).
const base =
  document.querySelector('meta[name="indicator-charts-base"]')?.content || new URL('.', import.meta.url).href;
const url = (path) => new URL(path, base).href;
const integrity = document.querySelector('meta[name="indicator-charts-integrity"]')?.content;
const moduleFile = document.querySelector('meta[name="indicator-charts-module"]')?.content;

/** Text for an HTML attribute value in double quotes. */
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The code an editor pastes. The script embed carries the chart's static
 * picture, linked to the chart's page, inside the element: the element
 * replaces it once drawn, and where scripts are stripped, blocked or fail,
 * the picture stays.
 */
function embedCode(kind, { chart: id, title, iframeHeight }, element) {
  if (kind === 'script') {
    const sri = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
    // With the script pinned to this build by its hash, the module's current
    // name can be preloaded too: it then downloads alongside the script
    // instead of after it, a round trip sooner.
    const preload =
      integrity && moduleFile
        ? [`<link rel="preload" href="${url(moduleFile)}" as="fetch" type="application/wasm" crossorigin="anonymous">`]
        : [];
    return [
      ...preload,
      `<script type="module" src="${url('indicator-chart.js')}"${sri}></script>`,
      `<indicator-chart indicator="${id}">`,
      '  <!-- A picture of the chart, shown until it is drawn and wherever scripts do not run. If it never',
      '       becomes the interactive chart, the chart host must send Access-Control-Allow-Origin. -->',
      `  ${pictureCode(id, element)}`,
      '</indicator-chart>',
    ].join('\n');
  }
  return `<iframe src="${url(`embed.html?indicator=${encodeURIComponent(id)}`)}" title="${attribute(title)}" width="100%" height="${iframeHeight}" style="border:0" loading="lazy"></iframe>\n<script src="${url('embed-resize.js')}" crossorigin="anonymous" async></script>`;
}

/**
 * The chart's picture as this page shows it (its box, which follows the
 * container's width, and its responsive image: see src/site/pictures.rs),
 * with addresses another site can use.
 */
function pictureCode(id, element) {
  const link = element.querySelector(':scope > a');
  const image = link.querySelector('img');
  const style = (node) => attribute(node.getAttribute('style') ?? '');
  return (
    `<a href="${url(`charts/${id}.html`)}" style="${style(link)}">` +
    `<img src="${url(`charts/${id}.picture.svg`)}" alt="${attribute(image.alt)}" width="${image.getAttribute('width')}" height="${image.getAttribute('height')}" style="${style(image)}"></a>`
  );
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
  const target = event.target.closest('[data-action]');
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
  switch (target.dataset.action) {
    case 'copy-script':
    case 'copy-iframe': {
      const kind = target.dataset.action === 'copy-script' ? 'script' : 'iframe';
      say(
        (await copy(embedCode(kind, actions.dataset, element)))
          ? 'Embed code copied.'
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
      } catch (e) {
        say(e.message);
      }
      break;
    case 'svg': {
      // The SVG the page was built with is inside the element (its static fallback).
      const svg = element?.querySelector('svg');
      if (!svg) return; // follow the link
      event.preventDefault();
      save(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `${id}.svg`);
      break;
    }
  }
});

document.addEventListener('indicator-charts-ready', () => {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) target.scrollIntoView();
});
