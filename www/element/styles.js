// The element's own stylesheet, in its shadow root: the article's CSS
// cannot reach in, ours cannot leak out. A constructable stylesheet, which
// applies under a strict `style-src 'self'` policy where a <style> element
// or a style attribute would be refused. Colours and the typeface come
// from src/theme.rs through the build's generated theme module; after each
// drawing the element sets the palette it drew with (house style included)
// on `.frame`, so tooltips, tables and messages match the chart.

import { LIGHT, DARK, FONT_FAMILY, TABLE_LINE_ROOM } from 'indicator-charts-theme';
import { STYLE } from 'indicator-charts-surface';

// A saved copy of the page keeps no constructed stylesheet (see _build):
// `.drawing` (the canvas's box, marked hidden for saved copies only) and
// `.replaced` (the picture, once the canvas shows) work only here.
// The data table's closed summary line takes a fixed room (its line and the
// padding under it), which the page's pictures keep under the chart (the
// build's TABLE_LINE_ROOM), so that nothing moves when it appears.
const SUMMARY_MARGIN = 6;
const SUMMARY_LINE = TABLE_LINE_ROOM - SUMMARY_MARGIN;
export const SUMMARY_ROOM = TABLE_LINE_ROOM;

const CSS = `
:host { display: block !important; }
:host([hidden]) { display: none !important; }
.frame {
  all: initial; display: block; position: relative; box-sizing: border-box;
  ${LIGHT}
  font: 14px/1.4 var(${STYLE.fontFamily}, ${FONT_FAMILY});
  color: var(--ic-text); background: var(--ic-background); direction: ltr; text-align: left;
}
.frame.dark { ${DARK} }
.frame.transparent { background: transparent; }
.placeholder { display: block; min-height: 150px; box-sizing: border-box; }
.ruler { position: absolute; top: 0; left: 0; width: 100%; height: 0; visibility: hidden; pointer-events: none; }
canvas { display: block; outline: none; touch-action: manipulation; }
canvas:focus-visible { outline: 2px solid var(--ic-primary); outline-offset: 2px; }
[hidden] { display: none !important; }
.drawing[hidden] { display: contents !important; }
.replaced { display: none !important; }
.focus {
  position: absolute; pointer-events: none; box-sizing: border-box;
  border: 2px solid var(--ic-primary); border-radius: 3px; box-shadow: 0 0 0 2px var(--ic-background);
}
.error {
  display: block; margin: 0; padding: 12px 14px; border-left: 4px solid var(--ic-secondary);
  background: var(--ic-error-background); color: var(--ic-text); font: inherit;
}
.tooltip {
  position: absolute; z-index: 1; max-width: min(340px, 90%); box-sizing: border-box;
  padding: 10px 12px; border-radius: 4px; pointer-events: none;
  background: var(--ic-text); color: var(--ic-background); font-size: 13px;
  box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
.tooltip strong { display: block; }
.tooltip .value { display: block; font-size: 16px; font-weight: bold; margin: 2px 0 6px; }
.tooltip q { display: block; font-style: italic; quotes: '\\201C' '\\201D'; }
.tooltip small { display: block; margin-top: 6px; font-size: 12px; }
details { display: block; margin: 0; padding: 0 12px ${SUMMARY_MARGIN}px; font-size: 13px; }
summary { cursor: pointer; color: var(--ic-primary); padding: 0; height: ${SUMMARY_LINE}px; line-height: ${SUMMARY_LINE}px; width: max-content; }
summary:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
table { border-collapse: collapse; margin: 6px 0; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--ic-grid); vertical-align: top; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

let sheet = null;

/** The shared stylesheet, made on first use. */
export function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
