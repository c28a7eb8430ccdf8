// What every chart on a page follows, watched from the moment the first
// chart is connected: the pixel ratio (browser zoom, a window moved to
// another screen), printing, the page's web fonts, and the page's own
// theme switch (a class, style or data-theme on <html> or <body>).

import { forgetWidths } from 'indicator-charts-glue';
import { watchFonts } from './house-style.js';
import { moduleLoaded } from './module.js';

let watching = false;

/**
 * Starts watching (once per page); `redrawAll` schedules every chart's
 * drawing, `rethemeAll` that of each chart whose page theme changed.
 */
export function watchPage(charts, redrawAll, rethemeAll) {
  if (watching) return;
  watching = true;
  watchPixelRatio(redrawAll);

  const switches = new MutationObserver(rethemeAll);
  for (const node of [document.documentElement, document.body]) {
    if (node) switches.observe(node, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  }

  // Print at print resolution: redraw at 3× or more before the page is laid
  // out for paper, and back after.
  addEventListener('beforeprint', () => {
    if (!moduleLoaded()) return; // the static fallback, if any, prints instead
    for (const chart of charts) chart.drawNow(Math.max(3, devicePixelRatio));
  });
  addEventListener('afterprint', redrawAll);

  // A web font that finishes loading changes text widths: measure again.
  watchFonts(() => {
    if (!moduleLoaded()) return;
    forgetWidths();
    redrawAll();
  });
}

// devicePixelRatio changes with browser zoom and when a window moves to
// another screen; a media query on the current ratio says when.
function watchPixelRatio(redrawAll) {
  const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  query.addEventListener(
    'change',
    () => {
      redrawAll();
      watchPixelRatio(redrawAll);
    },
    { once: true },
  );
}
