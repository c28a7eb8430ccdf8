// embed.html?indicator=ID[&theme=dark|auto][&locale=fr][&aspect-ratio=16/9]
//
// One chart at full width, for platforms that only allow iframes. The
// element is made here with its attributes already set, so it never draws
// (or complains) without them; its static picture shows until the module
// draws. The page posts its height to the parent whenever it changes, as
// { type: 'indicator-chart:height', indicator, height }; embed-resize.js
// sets the iframe's height from it. Without it the iframe keeps the height
// its embed code gives. The element's events are relayed to the parent
// too (see `relayEvents`).

import { EVENTS } from 'indicator-charts-surface';

const params = new URLSearchParams(location.search);
const indicator = (params.get('indicator') ?? '').trim();
const titles = JSON.parse(document.getElementById('chart-titles').textContent);
const title = Object.hasOwn(titles, indicator) ? titles[indicator] : null;

const chart = document.createElement('indicator-chart');
chart.id = 'chart';
chart.setAttribute('indicator', indicator);
for (const name of ['theme', 'locale', 'aspect-ratio']) {
  const value = params.get(name);
  if (value !== null) chart.setAttribute(name, value);
}
if (title) {
  // The build's picture of the chart, until (or unless) the canvas replaces it.
  const picture = document.createElement('img');
  picture.src = `charts/${indicator}.svg`;
  picture.alt = title;
  picture.className = 'picture';
  chart.append(picture);
  document.title = `${title} · US–Vietnam relations in figures`;
  document.getElementById('heading').textContent = title;
}
document.querySelector('main').prepend(chart);
// Light unless the embed code asks for `dark`, or `auto` (the reader's setting).
document.documentElement.dataset.theme = params.get('theme') ?? 'light';
document.getElementById('more').href = `index.html#${encodeURIComponent(indicator)}`;

let posted = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === posted || window.parent === window) return;
  posted = height;
  window.parent.postMessage({ type: 'indicator-chart:height', indicator, height }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);

/**
 * Posts each of the element's events to the parent page, as
 * { type: <the event's name>, indicator, detail }: the same names and
 * details as the script embed's events, for pages that embed by iframe.
 * A detail holds only strings and numbers, so it crosses as it is.
 */
function relayEvents(element) {
  if (window.parent === window) return;
  for (const type of Object.values(EVENTS)) {
    element.addEventListener(type, (event) => {
      window.parent.postMessage({ type, indicator, detail: event.detail }, '*');
    });
  }
}
relayEvents(chart);
