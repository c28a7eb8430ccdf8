// The theme a chart takes by default (`theme` absent or "auto"): the page's,
// not the reader's system setting. A light article read in dark mode must
// not show a dark box between its white paragraphs, nor a dark article a
// light one. The page says what it is by the colour behind the chart (the
// nearest ancestor, across shadow roots, that paints a background) or, if
// nothing paints one, by its `color-scheme` (what the browser paints then).

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/** Whether the page behind `element` is dark. */
export function pageIsDark(element) {
  for (let node = element; node; node = node.parentNode ?? null) {
    if (node instanceof ShadowRoot) node = node.host;
    if (!(node instanceof Element)) continue;
    const rgba = rgbaOf(getComputedStyle(node).backgroundColor);
    // A translucent background lets what is behind it decide.
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.179;
  }
  const scheme = getComputedStyle(element).colorScheme.split(/\s+/);
  if (!scheme.includes('dark')) return false;
  return !scheme.includes('light') || darkQuery.matches;
}

/** [r, g, b (0–255), alpha (0–1)] of a computed colour, or null. */
function rgbaOf(colour) {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(colour);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  // Other notations (oklch(), color(), lab()): let a canvas convert them.
  const context = (rgbaOf.canvas ??= new OffscreenCanvas(1, 1)).getContext('2d');
  if (!context) return null;
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** WCAG relative luminance; below 0.179 white text contrasts more than black. */
function luminance([r, g, b]) {
  const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
