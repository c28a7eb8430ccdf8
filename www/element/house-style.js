// A publication's house style, read from five CSS custom properties on the
// element (set on it or on any ancestor, per theme if the page likes). Their
// names come from the surface table (src/package/surface.rs):
//
//   --indicator-chart-font-family   the typeface, as a font-family list
//   --indicator-chart-text          titles, labels, figures
//   --indicator-chart-muted         subtitles, axes, notes, sources
//   --indicator-chart-accent        the main series, and its figures' labels
//   --indicator-chart-background    the chart's background; `transparent`
//                                   lets the page show through
//
// Colours are resolved to sRGB bytes by painting them on a 1×1 canvas, so
// any colour CSS accepts works. The module keeps each readable (and says
// when it had to change one); nothing else of the host's CSS reaches the
// chart.

import { STYLE } from 'indicator-charts-surface';

// The colours, by the name the module's house style gives each, and the typeface.
const { fontFamily: FONT_PROPERTY, ...PROPERTIES } = STYLE;

let probe = null;

/** A CSS colour as [r, g, b, a] (0–255), or null if CSS does not accept it. */
function resolveColor(value) {
  if (!value || !CSS.supports('color', value)) return null;
  if (!probe) probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  return [...probe.getImageData(0, 0, 1, 1).data];
}

/** `top` (with alpha 0–255) over the opaque `bottom`. */
function over([r, g, b, a], bottom) {
  const t = a / 255;
  return [r, g, b].map((c, i) => Math.round(c * t + bottom[i] * (1 - t)));
}

/** The opaque colour behind `element`: the first ancestor background. */
function colorBehind(element) {
  const layers = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    const color = resolveColor(getComputedStyle(node).backgroundColor);
    if (color && color[3] > 0) {
      layers.push(color);
      if (color[3] === 255) break;
    }
  }
  return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255]);
}

/**
 * The house style of `element` as the module's draw request takes it, and
 * problems with it (a value CSS does not accept) for the console.
 */
export function readHouseStyle(element) {
  const computed = getComputedStyle(element);
  const style = {};
  const problems = [];
  for (const [key, property] of Object.entries(PROPERTIES)) {
    const value = computed.getPropertyValue(property).trim();
    if (!value) continue;
    const color = resolveColor(value);
    if (!color) {
      problems.push(`${property}: "${value}" is not a colour; it is ignored.`);
      continue;
    }
    if (key === 'background' && color[3] < 255) {
      // Transparent or translucent: what shows through is the page behind.
      const behind = colorBehind(element);
      style.background = over(color, behind);
      style.transparent = color[3] === 0;
    } else {
      style[key] = color.slice(0, 3);
    }
  }
  const family = computed.getPropertyValue(FONT_PROPERTY).trim();
  if (family) {
    if (CSS.supports('font-family', family)) style.fontFamily = family;
    else problems.push(`${FONT_PROPERTY}: "${family}" is not a font-family list; it is ignored.`);
  }
  return { style, problems };
}

/**
 * Resolves when the fonts `family` names that the page declares (with
 * @font-face) have loaded, in both weights the charts use; at most `wait`
 * milliseconds, after which the chart draws with what it has (and draws
 * again when the fonts arrive: see `watchFonts`).
 */
export function fontsLoaded(family, wait = 3000) {
  if (!family || !document.fonts) return Promise.resolve();
  const loads = ['normal', 'bold'].map((weight) => document.fonts.load(`${weight} 16px ${family}`).catch(() => []));
  return Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, wait))]);
}

let generation = 0;

/** How many times the page's fonts have finished loading: text measured
 * before that is measured again. */
export const fontGeneration = () => generation;

/** Calls `changed` whenever the page's fonts finish loading. */
export function watchFonts(changed) {
  document.fonts?.addEventListener('loadingdone', () => {
    generation++;
    changed();
  });
}
