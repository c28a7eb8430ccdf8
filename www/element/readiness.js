// When charts draw: each when it comes near the viewport, and the page's
// `performance.mark('charts-ready')` (with an `indicator-charts-ready`
// event) once every chart visible on load has drawn or shown its error.
//
// Charts connected in one task are checked for visibility together in a
// microtask: one layout for all of them, and the first drawings start
// without waiting a frame for the IntersectionObserver's first report.

const MARGIN = 200;

const awaitingFirstEntry = new Set();
const visibleOnLoad = new Set();
let readyMarked = false;

function checkReady() {
  if (readyMarked || awaitingFirstEntry.size > 0 || visibleOnLoad.size > 0) return;
  readyMarked = true;
  performance.mark('charts-ready');
  document.dispatchEvent(new CustomEvent('indicator-charts-ready'));
}

/** Notes that `chart` is visible on load, unless it has already settled. */
function firstSeen(chart, visible) {
  if (!readyMarked && awaitingFirstEntry.delete(chart) && visible && !chart.settled) visibleOnLoad.add(chart);
}

const intersection = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      firstSeen(entry.target, entry.isIntersecting);
      entry.target.setVisible(entry.isIntersecting);
    }
    checkReady();
  },
  { rootMargin: `${MARGIN}px 0px` },
);

let connected = [];
function checkConnected() {
  const batch = connected;
  connected = [];
  const boxes = batch.map((chart) => chart.getBoundingClientRect());
  batch.forEach((chart, i) => {
    const box = boxes[i];
    const near = box.bottom >= -MARGIN && box.top <= innerHeight + MARGIN && box.width > 0;
    if (!near || !chart.isConnected) return;
    firstSeen(chart, true);
    chart.setVisible(true);
  });
}

/** Starts watching a connected chart. */
export function watch(chart) {
  if (!readyMarked) awaitingFirstEntry.add(chart);
  intersection.observe(chart);
  if (connected.push(chart) === 1) queueMicrotask(checkConnected);
}

/** Stops watching a disconnected chart. */
export function unwatch(chart) {
  awaitingFirstEntry.delete(chart);
  visibleOnLoad.delete(chart);
  intersection.unobserve(chart);
  checkReady();
}

/** A chart has drawn, or shown its error. */
export function settled(chart) {
  if (visibleOnLoad.delete(chart)) checkReady();
}
