// <indicator-chart indicator="gdp-growth-average"></indicator-chart>
//
// The custom element that puts a chart on any page. It loads the WASM module
// once for the whole page, draws a chart only when it comes near the
// viewport, redraws when its width or the pixel ratio changes, and keeps its
// styles in a shadow root: the article's CSS cannot reach in, ours cannot
// leak out. Drawing, layout, text measurement, tooltips' words and every
// error message come from the WASM module (src/web/); this file is the DOM
// around it.
//
// Attributes: indicator (required), theme (light | dark | auto),
// locale (fr, vi-VN, ...; default: the page's lang), aspect-ratio (16/9, 1.5;
// default: as tall as the chart's content needs).
//
// State, for the page's CSS and for tests: data-state="drawn" or "error" on
// the element.
//
// Page-level signals: performance.mark('charts-ready') once every chart
// visible on load is drawn (or showing its error), and window.__redraw(),
// which synchronously repaints every drawn chart (for benchmarks).

import init, { ChartView, parseAspectRatio } from 'indicator-charts-glue';

const WASM_URL = new URL('indicator_charts_bg.wasm', import.meta.url);
// Set by the build: the module's hash, checked by fetch, so that the script's
// Subresource Integrity hash vouches for the module as well.
const WASM_INTEGRITY = typeof __WASM_INTEGRITY__ === 'string' ? __WASM_INTEGRITY__ : undefined;

/** One instance of the module for every chart on the page. */
let moduleReady = null;
let moduleLoaded = false;
function loadModule() {
  if (!moduleReady) {
    // The offline bundle inlines the module as base64 in a data block:
    // from file:// a browser refuses to fetch it.
    const inline = document.getElementById('indicator-charts-wasm')?.textContent.trim();
    const source = inline ? decodeBase64(inline) : fetch(WASM_URL, { integrity: WASM_INTEGRITY });
    moduleReady = init({ module_or_path: source }).then((exports) => {
      moduleLoaded = true;
      // For tests and benchmarks: the module's memory, in bytes.
      globalThis.__indicatorChartsMemory = () => exports.memory.buffer.byteLength;
      return exports;
    });
  }
  return moduleReady;
}

function decodeBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Constructable stylesheets apply under a strict `style-src 'self'` policy,
// where a <style> element or a style attribute would be refused.
const STYLES = `
:host { display: block !important; }
:host([hidden]) { display: none !important; }
.frame {
  all: initial; display: block; position: relative; box-sizing: border-box;
  font: 14px/1.4 Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif;
  color: #1a1a1a; background: #fff; direction: ltr; text-align: left;
}
.frame.dark { color: #f0f1f2; background: #16181b; }
.placeholder { display: block; aspect-ratio: 3 / 2; }
canvas { display: block; outline: none; touch-action: manipulation; }
canvas:focus-visible { outline: 2px solid #0064a0; outline-offset: 2px; }
.dark canvas:focus-visible { outline-color: #56b4e9; }
canvas[hidden], .placeholder[hidden], .error[hidden], .tooltip[hidden], .focus[hidden], slot[hidden] { display: none; }
.focus {
  position: absolute; pointer-events: none; box-sizing: border-box;
  border: 2px solid #0064a0; border-radius: 3px; box-shadow: 0 0 0 2px #fff;
}
.dark .focus { border-color: #56b4e9; box-shadow: 0 0 0 2px #16181b; }
.error {
  display: block; margin: 0; padding: 12px 14px; border-left: 4px solid #b84a00;
  background: #fff4ec; color: #1a1a1a; font: 14px/1.4 Arial, 'Liberation Sans', Helvetica, sans-serif;
}
.dark .error { background: #2b211b; color: #f0f1f2; border-color: #f08a4b; }
.tooltip {
  position: absolute; z-index: 1; max-width: min(340px, 90%); box-sizing: border-box;
  padding: 10px 12px; border-radius: 4px; pointer-events: none;
  background: #1a1a1a; color: #fff; font: 13px/1.4 Arial, 'Liberation Sans', Helvetica, sans-serif;
  box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
.dark .tooltip { background: #f0f1f2; color: #111; }
.tooltip strong { display: block; font-size: 13px; }
.tooltip .value { display: block; font-size: 16px; font-weight: bold; margin: 2px 0 6px; }
.tooltip q { display: block; font-style: italic; quotes: '\\201C' '\\201D'; }
.tooltip small { display: block; margin-top: 6px; font-size: 12px; opacity: .85; }
details { display: block; margin: 0 12px 6px; font-size: 13px; }
summary { cursor: pointer; color: #0064a0; padding: 2px 0; width: max-content; }
.dark summary { color: #56b4e9; }
summary:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
table { border-collapse: collapse; margin: 6px 0; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid #ccc; vertical-align: top; }
.dark th, .dark td { border-color: #444; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const charts = new Set();

// Page-level "charts-ready": every chart visible when the page loads has
// drawn (or shown its error).
const awaitingFirstEntry = new Set();
const visibleOnLoad = new Set();
let readyMarked = false;
function checkReady() {
  if (readyMarked || awaitingFirstEntry.size > 0 || visibleOnLoad.size > 0) return;
  readyMarked = true;
  performance.mark('charts-ready');
  document.dispatchEvent(new CustomEvent('indicator-charts-ready'));
}

const intersection = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      const chart = entry.target;
      if (!readyMarked && awaitingFirstEntry.delete(chart) && entry.isIntersecting && !chart._settled) visibleOnLoad.add(chart);
      chart._setVisible(entry.isIntersecting);
    }
    checkReady();
  },
  { rootMargin: '200px 0px' },
);

// Charts connected in this task, checked for visibility together in a
// microtask: one layout for all of them, and the first draws start without
// waiting a frame for the IntersectionObserver's first report.
let connected = [];
function checkConnected() {
  const batch = connected;
  connected = [];
  const margin = 200;
  const boxes = batch.map((chart) => chart.getBoundingClientRect());
  batch.forEach((chart, i) => {
    const box = boxes[i];
    const near = box.bottom >= -margin && box.top <= innerHeight + margin && box.width > 0;
    if (!near || !chart.isConnected) return;
    if (!readyMarked && awaitingFirstEntry.delete(chart) && !chart._settled) visibleOnLoad.add(chart);
    chart._setVisible(true);
  });
}

// Observing the device-pixel box reports a change of pixel ratio as well as
// of width (browser zoom, a window moved to another screen, an emulator).
const resize = new ResizeObserver((entries) => {
  for (const entry of entries) entry.target._resized(entry.contentRect.width);
});
function observeSize(element) {
  try {
    resize.observe(element, { box: 'device-pixel-content-box' });
  } catch {
    resize.observe(element);
  }
}

function redrawAll() {
  for (const chart of charts) chart._schedule();
}
darkQuery.addEventListener('change', redrawAll);

// devicePixelRatio changes with browser zoom and when a window moves to
// another screen; a media query on the current ratio says when.
function watchPixelRatio() {
  const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  query.addEventListener('change', () => { redrawAll(); watchPixelRatio(); }, { once: true });
}
watchPixelRatio();

// Print at print resolution: redraw at 3× or more before the page is laid
// out for paper, and back after.
addEventListener('beforeprint', () => {
  if (!moduleLoaded) return; // the static fallback, if any, prints instead
  for (const chart of charts) chart._drawNow(Math.max(3, devicePixelRatio));
});
addEventListener('afterprint', redrawAll);

let uid = 0;

class IndicatorChart extends HTMLElement {
  static observedAttributes = ['indicator', 'theme', 'locale', 'aspect-ratio'];

  constructor() {
    super();
    this._id = `indicator-chart-${++uid}`;
    this._view = null;
    this._visible = false;
    this._width = 0;
    this._ratio = 0;
    this._frameRequested = false;
    this._drawnOnce = false;
    this._focusIndex = -1;
    this._pointerIndex = -1;
        this._settled = false; // drawn, or showing an error
    this._needsDraw = true; // something changed since the last drawing
  }

  connectedCallback() {
    if (!this.shadowRoot) this._build();
    charts.add(this);
        if (!readyMarked) awaitingFirstEntry.add(this);
    intersection.observe(this);
    observeSize(this);
    if (connected.push(this) === 1) queueMicrotask(checkConnected);
  }

  disconnectedCallback() {
    charts.delete(this);
    awaitingFirstEntry.delete(this);
    visibleOnLoad.delete(this);
    intersection.unobserve(this);
        resize.unobserve(this);
    this._release();
    this._needsDraw = true; // its view is gone: draw afresh if it comes back
    checkReady();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'indicator') this._release();
    this._schedule();
  }

  /** The chart's title, once the module has loaded it ('' before). */
  get chartTitle() {
    return this._view?.title() ?? '';
  }

  /** The chart as a PNG, at the pixel ratio it is shown at. */
  toBlob() {
    return new Promise((resolve, reject) => {
      if (this._canvas.hidden) return reject(new Error('The chart has not been drawn.'));
      this._canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded.'))), 'image/png');
    });
  }

  _build() {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    const frame = el('div', 'frame');
    const canvas = el('canvas');
    canvas.hidden = true;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'img');
    const focus = el('div', 'focus');
    focus.hidden = true;
    const placeholder = el('div', 'placeholder');
    const slot = el('slot');
    const error = el('p', 'error');
    error.hidden = true;
    error.setAttribute('role', 'alert');
    const tooltip = el('div', 'tooltip');
    tooltip.hidden = true;
    tooltip.id = `${this._id}-tooltip`;
    tooltip.setAttribute('role', 'tooltip');
    const live = el('div', 'sr-only');
    live.setAttribute('aria-live', 'polite');
    const details = el('details');
    details.hidden = true;
    const summary = el('summary');
    summary.textContent = 'Data table';
    details.append(summary);
    frame.append(canvas, focus, placeholder, slot, error, tooltip, live, details);
    root.append(frame);
    Object.assign(this, { _frame: frame, _canvas: canvas, _focusBox: focus, _placeholder: placeholder, _slot: slot, _error: error, _tooltip: tooltip, _live: live, _details: details });
    // A placeholder only where the page gave no fallback (such as a static SVG).
    const syncPlaceholder = () => { placeholder.hidden = slot.hidden || slot.assignedNodes().some((n) => n.nodeType === 1 || n.textContent.trim()); };
    slot.addEventListener('slotchange', syncPlaceholder);
    syncPlaceholder();

    canvas.addEventListener('pointermove', (e) => this._point(e));
    canvas.addEventListener('pointerdown', (e) => this._point(e));
    canvas.addEventListener('pointerleave', () => { this._pointerIndex = -1; if (this._focusIndex < 0) this._hideTooltip(); });
    canvas.addEventListener('focus', () => this._focusHotspot(Math.max(0, this._focusIndex)));
    canvas.addEventListener('blur', () => { this._focusIndex = -1; focus.hidden = true; this._hideTooltip(); });
    canvas.addEventListener('keydown', (e) => this._key(e));
  }

    _setVisible(visible) {
    this._visible = visible;
    if (visible && this._needsDraw) this._schedule();
  }

  _resized(width) {
    const ratio = window.devicePixelRatio || 1;
    if (Math.abs(width - this._width) < 0.5 && ratio === this._ratio) return;
    this._width = width;
    this._ratio = ratio;
    this._schedule();
  }

  /** Batches redraws: at most one per element per frame. */
      /** Marks the chart as out of date, and draws it when it is visible. */
  _schedule() {
    this._needsDraw = true;
    if (this._frameRequested || !this._visible || !this.isConnected) return;
    this._frameRequested = true;
    // The first drawing as soon as the module is ready; redraws (resizes
    // come in storms) once per frame.
    const draw = () => { this._frameRequested = false; this._drawNow(); };
    loadModule().then(
      () => (this._drawnOnce ? requestAnimationFrame(draw) : draw()),
      (e) => { this._frameRequested = false; this._fail(`The chart module could not be loaded: ${e?.message ?? e}`); },
    );
  }

  _release() {
    if (this._view) {
      this._view.free();
      this._view = null;
    }
  }

  /** Draws synchronously; the module must be loaded. */
    _drawNow(pixelRatio = window.devicePixelRatio || 1) {
    if (!this.isConnected || !this.shadowRoot) return;
    this._needsDraw = false;
    try {
      if (!this._view) this._view = new ChartView(this._canvas, this.getAttribute('indicator') ?? '');
      const view = this._view;
      view.setTheme(this.getAttribute('theme') ?? 'auto', darkQuery.matches);
      const locale = this.getAttribute('locale');
      if (locale !== null) view.setLocale(locale);
      else view.setPageLocale(this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en');
      const ratio = parseAspectRatio(this.getAttribute('aspect-ratio') ?? '');
      const width = Math.max(1, this._frame.clientWidth || this._width || 600);
      const height = view.draw(width, ratio === undefined ? undefined : width / ratio, pixelRatio);
      const canvas = this._canvas;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      canvas.setAttribute('aria-label', view.altText());
      const dark = view.isDark();
      this._frame.classList.toggle('dark', dark);
      canvas.hidden = false;
      this._slot.hidden = true;
      this._placeholder.hidden = true;
      this._error.hidden = true;
      if (!this._drawnOnce) this._fillTable();
      this._drawnOnce = true;
      this.dataset.state = 'drawn';
      if (this._focusIndex >= 0) this._focusHotspot(this._focusIndex);
    } catch (e) {
      this._fail(e?.message ?? String(e));
    }
    this._done();
  }

  /** Repaints the last drawing (for window.__redraw). */
  _redrawNow() {
    if (this._view && this._drawnOnce) this._view.redraw();
  }

    _done() {
    this._settled = true;
    if (visibleOnLoad.delete(this)) checkReady();
  }

  _fail(message) {
    const error = this._error;
    if (error.hidden || error.textContent !== message) {
      // One console error per problem, with the element, for the editor.
      console.error(`<indicator-chart indicator="${this.getAttribute('indicator') ?? ''}">: ${message}`);
    }
    error.textContent = message;
    error.hidden = false;
    this.dataset.state = 'error';
    this._canvas.hidden = true;
    this._details.hidden = true;
    this._slot.hidden = false;
    this._placeholder.hidden = true;
    this._release();
    this._done();
  }

  _fillTable() {
    const data = this._view.table();
    const details = this._details;
    details.querySelector('table')?.remove();
    const table = el('table');
    const caption = el('caption');
    caption.textContent = data.caption;
    const head = el('tr');
    for (const text of data.headers) {
      const th = el('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const row of data.rows) {
      const tr = el('tr');
      for (const text of row) {
        const td = el('td');
        td.textContent = text;
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(caption, thead, tbody);
    details.append(table);
    details.hidden = false;
  }

  _point(event) {
    if (!this._view) return;
    const rect = this._canvas.getBoundingClientRect();
    const index = this._view.hit(event.clientX - rect.left, event.clientY - rect.top);
    if (index === undefined) {
      this._pointerIndex = -1;
      if (this._focusIndex < 0) this._hideTooltip();
      return;
    }
    if (event.type === 'pointerdown' && event.pointerType !== 'mouse' && index === this._pointerIndex && !this._tooltip.hidden) {
      this._pointerIndex = -1; // a second tap on the same mark closes it
      this._hideTooltip();
      return;
    }
    this._pointerIndex = index;
    this._showTooltip(index, event.clientX - rect.left, event.clientY - rect.top);
  }

  _key(event) {
    const count = this._view?.hotspotCount() ?? 0;
    if (count === 0) return;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) {
      this._focusHotspot((Math.max(0, this._focusIndex) + moves[event.key] + count) % count);
    } else if (event.key === 'Home') {
      this._focusHotspot(0);
    } else if (event.key === 'End') {
      this._focusHotspot(count - 1);
    } else if (event.key === 'Escape') {
      this._hideTooltip();
      this._focusBox.hidden = true;
      return;
    } else if (event.key === 'Enter' || event.key === ' ') {
      this._focusHotspot(Math.max(0, this._focusIndex));
    } else {
      return;
    }
    event.preventDefault();
  }

  _focusHotspot(index) {
    const view = this._view;
    if (!view || index >= view.hotspotCount()) return;
    this._focusIndex = index;
    const [left, top, right, bottom] = view.hotspotBox(index);
    const box = this._focusBox;
    const pad = 3;
    box.style.left = `${left - pad}px`;
    box.style.top = `${top - pad}px`;
    box.style.width = `${right - left + 2 * pad}px`;
    box.style.height = `${bottom - top + 2 * pad}px`;
    box.hidden = false;
    this._showTooltip(index, right, top + (bottom - top) / 2);
  }

  _showTooltip(index, x, y) {
    const { heading, value, quote, source } = this._view.tooltip(index);
    const tip = this._tooltip;
    const parts = [['strong', heading], ['span', value, 'value'], ['q', quote], ['small', source]];
    tip.replaceChildren(...parts.map(([tag, text, cls]) => { const node = el(tag, cls); node.textContent = text; return node; }));
    tip.hidden = false;
    this._canvas.setAttribute('aria-describedby', tip.id);
    this._live.textContent = `${heading}: ${value}`;
    // Beside the point, kept inside the chart.
    const frame = this._frame.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.min(Math.max(0, x + 12), Math.max(0, frame.width - width));
    const top = y + 12 + height <= frame.height ? y + 12 : Math.max(0, y - height - 12);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  _hideTooltip() {
    this._tooltip.hidden = true;
    this._canvas.removeAttribute('aria-describedby');
  }
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

// Start fetching and compiling the module now, while the page lays out,
// and meanwhile let the browser load the charts' fonts for canvas text,
// which takes it tens of milliseconds the first time.
loadModule().catch(() => {});
{
  const context = document.createElement('canvas').getContext('2d');
  for (const weight of ['normal', 'bold']) {
    context.font = `${weight} 14px Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif`;
    context.measureText('Vietnam 2015');
  }
}

/** Repaints every drawn chart synchronously (for benchmarks). */
window.__redraw = () => {
  for (const chart of charts) chart._redrawNow();
};

if (!customElements.get('indicator-chart')) customElements.define('indicator-chart', IndicatorChart);

export { IndicatorChart, loadModule };
