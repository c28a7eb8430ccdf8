// Defines <indicator-chart> with the class of element.js (once, whoever
// imports it first). In the npm package this is the main entry,
// `indicator-chart.js`, importing the class entry `./element.js`; the
// site's script bundles it (see index.js).

import { TAG } from 'indicator-charts-surface';
import { IndicatorChart } from './element.js';

if (!customElements.get(TAG)) customElements.define(TAG, IndicatorChart);

export * from './element.js';
