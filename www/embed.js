// embed.html?indicator=ID[&theme=dark][&locale=fr][&aspect-ratio=16/9]
//
// One chart at full width, for platforms that only allow iframes. The page
// posts its height to the parent whenever it changes, as
// { type: 'indicator-chart:height', indicator, height }; the snippet in the
// README (and www/embed-resize.js) sets the iframe's height from it.
// Without the snippet the iframe keeps the height its embed code gives.

const params = new URLSearchParams(location.search);
const chart = document.getElementById('chart');
const indicator = params.get('indicator') ?? '';
chart.setAttribute('indicator', indicator);
for (const name of ['theme', 'locale', 'aspect-ratio']) {
  const value = params.get(name);
  if (value !== null) chart.setAttribute(name, value);
}
if (params.has('theme')) document.documentElement.dataset.theme = params.get('theme');
document.getElementById('more').href = `index.html#${encodeURIComponent(indicator)}`;

// Name the page after its chart once the module has drawn it.
document.addEventListener('indicator-charts-ready', () => {
  if (!chart.chartTitle) return;
  document.title = `${chart.chartTitle} · US–Vietnam relations in figures`;
  document.getElementById('heading').textContent = chart.chartTitle;
});

let posted = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === posted || window.parent === window) return;
  posted = height;
  window.parent.postMessage({ type: 'indicator-chart:height', indicator, height }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);
