// The embed script, indicator-chart.js: defines <indicator-chart> (see
// element.js and define.js), starts loading the module at once, plus
// three hooks for tests and benchmarks: window.__redraw() repaints every
// drawn chart synchronously, window.__indicatorChartsMemory() gives the
// module's memory in bytes, and window.__indicatorChartsRegistry() what
// the page holds.

import { IndicatorChart, charts, liveViews } from './element.js';
import './define.js';
import { loadModule } from './module.js';
import { FONT_FAMILY } from 'indicator-charts-theme';

/** Repaints every drawn chart synchronously (for benchmarks). */
window.__redraw = () => {
  for (const chart of charts) chart.redrawNow();
};

/** What the page holds (for tests): connected charts, and module views. */
window.__indicatorChartsRegistry = () => ({ connected: charts.size, views: liveViews() });

// Start fetching and compiling the module now, while the page lays out, and
// meanwhile let the browser load the default fonts for canvas text, which
// takes it tens of milliseconds the first time.
loadModule().then(
  // For tests and benchmarks: the module's memory, in bytes.
  (exports) => (globalThis.__indicatorChartsMemory = () => exports.memory.buffer.byteLength),
  () => {}, // each chart reports a failure itself
);
{
  const context = document.createElement('canvas').getContext('2d');
  for (const weight of ['normal', 'bold']) {
    context.font = `${weight} 14px ${FONT_FAMILY}`;
    context.measureText('Vietnam 2015');
  }
}

export { IndicatorChart, loadModule };
