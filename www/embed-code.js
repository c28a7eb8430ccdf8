// The embed code an editor pastes, in one place: the viewer page's and
// offline.html's "Copy embed code" buttons (page.js) and the README's
// example (xtask/readme-embed.mjs, run by `cargo xtask integrity`) all come
// from `embedCode`, so the README shows what the button copies.

/** Text for an HTML attribute value in double quotes (or element content). */
export const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The code for one chart. `kind` is 'script' or 'iframe'; `chart` has the
 * chart's `id`, `title`, `iframeHeight` and `picture` (see `pictureCode`);
 * `site` has `url(path)`, the absolute address of a file of the site, and
 * this build's script `integrity` and `moduleFile` (either may be absent).
 *
 * The script embed carries the chart's static picture, linked to the
 * chart's page, inside the element: the element replaces it once drawn,
 * and where scripts are stripped, blocked or fail, the picture stays.
 * Pasted once per chart, the script and preload lines repeat: a browser
 * runs a module script once per page and fetches a preloaded file once,
 * so the repeats do nothing.
 */
export function embedCode(kind, { id, title, iframeHeight, picture }, { url, integrity, moduleFile }) {
  if (kind === 'iframe') {
    return `<iframe src="${url(`embed.html?indicator=${encodeURIComponent(id)}`)}" title="${attribute(title)}" width="100%" height="${iframeHeight}" style="border:0" loading="lazy"></iframe>\n<script src="${url('embed-resize.js')}" crossorigin="anonymous" async></script>`;
  }
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
    `  ${pictureCode(id, title, picture, url)}`,
    '</indicator-chart>',
  ].join('\n');
}

/**
 * The chart's picture as the page shows it (its box, which follows the
 * container's width, and its responsive image: see src/site/pictures.rs),
 * with addresses another site can use. `picture` has the link's and the
 * image's `style` attributes (`linkStyle`, `imageStyle`) and the image's
 * `alt`, `width` and `height`.
 *
 * The link also holds the chart's title, hidden by its inline style and
 * from screen readers (the picture's alt text names the chart): where a
 * sanitiser drops images and styles, as sanitize-html's defaults do, the
 * link keeps words a reader can follow.
 */
function pictureCode(id, title, { linkStyle, imageStyle, alt, width, height }, url) {
  const hidden = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
  return (
    `<a href="${url(`charts/${id}.html`)}" style="${attribute(linkStyle)}">` +
    `<img src="${url(`charts/${id}.picture.svg`)}" alt="${attribute(alt)}" width="${width}" height="${height}" style="${attribute(imageStyle)}">` +
    `<span style="${hidden}" aria-hidden="true">${attribute(title)} (chart)</span></a>`
  );
}
