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
//
// Inside WordPress (the address pasted into a post, found through our
// oEmbed file) the frame also speaks WordPress's embed protocol, as its
// wp-embed.js expects (see `wordPress`). There the frame is sandboxed
// (`sandbox="allow-scripts"`): its origin is opaque, so every script and
// fetch here is cross-origin (`_headers` gives them CORS), and nothing here
// may touch storage or cookies, which throw in such a frame.

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

/**
 * WordPress's embed protocol (wp-includes/js/wp-embed.js): the host page
 * appends `#?secret=…` to the frame's address and sends
 * { message: 'ready', secret }; the frame answers with
 * { message: 'height', value, secret } (WordPress then shows the frame,
 * hides the blockquote it showed meanwhile, and sets the frame's height,
 * between 200 and 1000 px) and asks it to follow links with
 * { message: 'link', value, secret }, which a sandboxed frame cannot.
 * Null outside WordPress: no secret, or not a word of letters and digits
 * (wp-embed.js ignores any other).
 */
function wordPress() {
  const secret = new URLSearchParams(location.hash.replace(/^#\??/, '')).get('secret');
  if (!secret || !/^[a-zA-Z0-9]+$/.test(secret) || window.parent === window) return null;
  const post = (message, value) => window.parent.postMessage({ message, value, secret }, '*');
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.message === 'ready' && event.data.secret === secret) {
      postHeight(true);
    }
  });
  // WordPress follows only links to the frame's own host; others are left to
  // the sandbox (which opens none).
  addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    const to = new URL(link.href, location.href);
    if (to.host !== location.host || !/^https?:$/.test(to.protocol)) return;
    event.preventDefault();
    post('link', to.href);
  });
  return { postHeight: (height) => post('height', height) };
}

let posted = 0;
function postHeight(again = false) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if ((height === posted && !again) || window.parent === window) return;
  posted = height;
  window.parent.postMessage({ type: 'indicator-chart:height', indicator, height }, '*');
  wp?.postHeight(height);
}
const wp = wordPress();
// embed-resize.js asks again when it arrives after the frame has posted.
addEventListener('message', (event) => {
  if (event.source === window.parent && event.data?.type === 'indicator-chart:measure') postHeight(true);
});
new ResizeObserver(() => postHeight()).observe(document.documentElement);
// Chromium does not render a cross-origin frame no one can see, so no
// ResizeObserver runs there; WordPress shows its frame only once it has a
// height. Measuring forces the layout: at these moments too.
postHeight();
addEventListener('load', () => postHeight());
addEventListener('resize', () => postHeight());
for (const type of [EVENTS.drawn, EVENTS.error]) chart.addEventListener(type, () => postHeight());

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
