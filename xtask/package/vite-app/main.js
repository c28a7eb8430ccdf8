// A Vite app as a web developer writes one: the element's class from the
// package, defined by the app. With `?module=URL` (and `&integrity=HASH`)
// the charts take their module from another host, as a page that serves
// it from a CDN would.
import { IndicatorChart, setModuleUrl } from 'indicator-charts/element';

const params = new URLSearchParams(location.search);
if (params.has('module')) setModuleUrl(params.get('module'), params.get('integrity') ?? undefined);
customElements.define('indicator-chart', IndicatorChart);
