// Plain TypeScript that uses the element as the package declares it: the
// tag in createElement and querySelector, its properties and method, each
// event's detail (on the element and, since they bubble, on the document),
// and the module setting. `tsc --noEmit --strict` must accept it.
import { IndicatorChart, setModuleUrl } from 'indicator-charts/element';
import type { IndicatorChartDrawnDetail } from 'indicator-charts';

setModuleUrl(new URL('/charts/indicator-charts.wasm', location.href), 'sha384-…');
if (!customElements.get('indicator-chart')) customElements.define('indicator-chart', IndicatorChart);

const chart = document.createElement('indicator-chart');
chart.indicator = 'trade-balance-2015';
chart.theme = 'dark';
chart.locale = 'fr';
chart.aspectRatio = '16/9';
document.body.append(chart);

const sizes: IndicatorChartDrawnDetail[] = [];
chart.addEventListener('indicator-chart-drawn', (event) => sizes.push(event.detail));
chart.addEventListener('indicator-chart-error', (event) => console.warn(event.detail.message, event.detail.cause));
document.addEventListener('indicator-chart-value', (event) => {
  const { id, index, label, value, text, asWritten, input } = event.detail;
  const number: number | null = value;
  console.log(id, index, label, number, text, asWritten, input === 'keyboard');
});
document.querySelector('indicator-chart')?.addEventListener('indicator-chart-leave', (event) => {
  const index: number = event.detail.index;
  console.log(event.detail.id, index);
});

export async function download(): Promise<Blob> {
  const title: string = chart.chartTitle;
  console.log(title);
  return chart.toBlob();
}
