// Must fail to type-check: the value event's detail has `asWritten`, not `asWriten`.
import 'indicator-charts';

document.addEventListener('indicator-chart-value', (event) => console.log(event.detail.asWriten));
