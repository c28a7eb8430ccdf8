// The embed script, indicator-chart.js: defines <indicator-chart> (see
// element.js) and wires the page-wide events every chart follows — the
// pixel ratio, printing, the page's fonts — plus two hooks for tests and
// benchmarks: window.__redraw() repaints every drawn chart synchronously,
// window.__indicatorChartsMemory() gives the module's memory in bytes, and
// window.__indicatorChartsRegistry() what the page holds.

import { forgetWidths } from 'indicator-charts-glue';
import { IndicatorChart, charts, liveViews, redrawAll } from './element.js';
import { watchFonts } from './house-style.js';
import { loadModule, moduleLoaded } from './module.js';
import { FONT_FAMILY } from 'indicator-charts-theme';

// devicePixelRatio changes with browser zoom and when a window moves to
// another screen; a media query on the current ratio says when.
function watchPixelRatio() {
  const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  query.addEventListener(
    'change',
    () => {
      redrawAll();
      watchPixelRatio();
    },
    { once: true },
  );
}
watchPixelRatio();

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

/** Repaints every drawn chart synchronously (for benchmarks). */
window.__redraw = () => {
  for (const chart of charts) chart.redrawNow();
};

/** What the page holds (for tests): connected charts, and module views. */
window.__indicatorChartsRegistry = () => ({ connected: charts.size, views: liveViews() });

// Start fetching and compiling the module now, while the page lays out, and
// meanwhile let the browser load the default fonts for canvas text, which
// takes it tens of milliseconds the first time.
loadModule().catch(() => {}); // each chart reports a failure itself
{
  const context = document.createElement('canvas').getContext('2d');
  for (const weight of ['normal', 'bold']) {
    context.font = `${weight} 14px ${FONT_FAMILY}`;
    context.measureText('Vietnam 2015');
  }
}

if (!customElements.get('indicator-chart')) customElements.define('indicator-chart', IndicatorChart);

export { IndicatorChart, loadModule };
