// <indicator-chart indicator="gdp-growth-average"></indicator-chart>
//
// The custom element that puts a chart on any page. It draws when it comes
// near the viewport, redraws when its width, the pixel ratio, the theme or
// the page's fonts change, and keeps its DOM in a shadow root. Layout,
// drawing, text measurement, the words of tooltips, tables and alt text,
// and every error message come from the WASM module (src/web/); this file
// is the DOM around it.
//
// Attributes: indicator (required), theme (light | dark | auto), locale
// (fr, vi-VN, …; default: the page's lang), aspect-ratio (16/9, 1.5;
// default: as tall as the content needs). House style: see house-style.js.
//
// State, for the page's CSS and for tests: data-state="drawn" or "error",
// and data-theme="light" or "dark" (the theme resolved, for per-theme
// house styles).

import { ChartView } from 'indicator-charts-glue';
import { fontGeneration, fontsLoaded, readHouseStyle } from './house-style.js';
import { loadModule, moduleLoaded } from './module.js';
import { Readers, el, fillTable } from './readers.js';
import { settled, unwatch, watch } from './readiness.js';
import { SUMMARY_ROOM, styles } from './styles.js';
import { BOXES } from 'indicator-charts-theme';

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/** Every connected chart, for page-wide redraws. */
export const charts = new Set();

/** How many module views are alive (each holds its scene in the module). */
let views = 0;
export const liveViews = () => views;

/** Logs each distinct message once per page. */
const said = new Set();
function sayOnce(kind, message) {
  if (said.has(message)) return;
  said.add(message);
  console[kind](message);
}

let uid = 0;

export class IndicatorChart extends HTMLElement {
  static observedAttributes = ['indicator', 'theme', 'locale', 'aspect-ratio'];

  constructor() {
    super();
    this._id = `indicator-chart-${++uid}`;
    this._view = null;
    this._drawn = null; // what the last drawing returned
    this._visible = false;
    this._width = 0;
    this._ratio = 0;
    this._pending = false; // a drawing is scheduled
    this._needsDraw = true; // something changed since the last drawing
    this.settled = false; // drawn, or showing an error
  }

  connectedCallback() {
    if (!this.shadowRoot) this._build();
    charts.add(this);
    watch(this);
    observeSize(this);
  }

  disconnectedCallback() {
    charts.delete(this);
    unwatch(this);
    resize.unobserve(this);
    this._release();
    this._needsDraw = true; // its view is gone: draw afresh if it comes back
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'indicator') {
      this._release();
      this._sizeBox();
    }
    this.schedule();
  }

  /**
   * The chart's box, by the rule the build fitted to its heights (BOXES: a
   * CSS length of the width, see src/site/boxes.rs), as the page's picture
   * holds it: on the placeholder, which holds it until the chart is drawn
   * where the page gave no picture, and on the ruler, an invisible box that
   * measures it at any width (see `_boxHeight`). Pure CSS, so that it holds
   * from the first frame the element is painted in.
   */
  _sizeBox() {
    if (!this._ruler) return;
    const id = this.getAttribute('indicator') ?? '';
    const rule = Object.hasOwn(BOXES, id) ? BOXES[id] : '';
    this._ruler.style.paddingTop = rule;
    this._placeholder.style.paddingTop = rule && `calc(${rule} + ${SUMMARY_ROOM}px)`;
  }

  /** The chart's title, once drawn ('' before). */
  get chartTitle() {
    return this._drawn?.title ?? '';
  }

  /** The chart as a PNG, at the pixel ratio it is shown at. */
  toBlob() {
    return new Promise((resolve, reject) => {
      if (this._canvas.hidden) return reject(new Error('The chart has not been drawn.'));
      this._canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded.'))),
        'image/png',
      );
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
    const ruler = el('div', 'ruler');
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
    frame.append(ruler, canvas, focus, placeholder, slot, error, tooltip, live, details);
    root.append(frame);
    Object.assign(this, {
      _frame: frame,
      _canvas: canvas,
      _placeholder: placeholder,
      _ruler: ruler,
      _slot: slot,
      _error: error,
      _details: details,
    });
    // A placeholder only where the page gave no fallback (such as a static picture).
    const syncPlaceholder = () => {
      placeholder.hidden = slot.hidden || slot.assignedNodes().some((n) => n.nodeType === 1 || n.textContent.trim());
    };
    slot.addEventListener('slotchange', syncPlaceholder);
    syncPlaceholder();
    this._sizeBox();
    this._readers = new Readers({ frame, canvas, focus, tooltip, live, view: () => this._target });
  }

  /** Called when the chart comes near the viewport, or leaves it. */
  setVisible(visible) {
    this._visible = visible;
    if (visible && this._needsDraw) this.schedule();
  }

  resized(width) {
    const ratio = window.devicePixelRatio || 1;
    if (Math.abs(width - this._width) < 0.5 && ratio === this._ratio) return;
    this._width = width;
    this._ratio = ratio;
    this.schedule();
  }

  /**
   * Marks the chart as out of date and draws it when it is visible: the
   * first drawing as soon as the module (and any web font) is ready,
   * redraws once per frame, since resizes come in storms.
   */
  schedule() {
    this._needsDraw = true;
    if (this._pending || !this._visible || !this.isConnected) return;
    this._pending = true;
    // An element written without an indicator may get one from a script
    // later in the page: decide once the document is parsed.
    const parsed =
      document.readyState === 'loading' && !this.hasAttribute('indicator')
        ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
        : null;
    // The first drawing runs in a task of its own, not in the microtask of
    // whatever settled these promises last: that can be an Intersection- or
    // ResizeObserver callback, and a drawing there changes the element's
    // height while the browser is gathering resize observations. WebKit then
    // reported "ResizeObserver loop completed with undelivered
    // notifications" as an uncaught error, on about one embed.html load in
    // twenty (the module cached, so the promises settled at once).
    Promise.all([loadModule(), parsed, fontsLoaded(this._fontFamily())]).then(
      () => drawSoon(this, { nextFrame: !!this._drawn }),
      (error) => {
        this._pending = false;
        this._failToLoad(error);
      },
    );
  }

  _fontFamily() {
    return getComputedStyle(this).getPropertyValue('--indicator-chart-font-family').trim();
  }

  _release() {
    if (this._view) {
      this._view.free();
      views--;
    }
    this._view = null;
    this._target = null;
  }

  /** Draws synchronously at `pixelRatio`; the module must be loaded. */
  drawNow(pixelRatio = window.devicePixelRatio || 1) {
    this._resolveTheme();
    this._draw(this._plan(pixelRatio));
  }

  /**
   * A drawing is three steps, so that many charts drawn together (a page's
   * first screen, a theme change) cost one style and layout pass, not one
   * each: the theme each resolves to is written first (a page's per-theme
   * house style depends on it), then everything the drawings need is read
   * from the page, then the charts are drawn and shown. See `drawSoon`.
   */
  _resolveTheme() {
    const theme = (this.getAttribute('theme') ?? '').trim();
    const dark = theme === 'dark' || ((theme === '' || theme === 'auto') && darkQuery.matches);
    if (this.dataset.theme !== (dark ? 'dark' : 'light')) this.dataset.theme = dark ? 'dark' : 'light';
  }

  /** What a drawing needs from the page: read, nothing written. */
  _plan(pixelRatio = window.devicePixelRatio || 1) {
    if (!this.isConnected || !this.shadowRoot || !moduleLoaded()) return null;
    const { style, problems } = readHouseStyle(this);
    const width = Math.max(1, this._frame.clientWidth || this._width || 600);
    return {
      problems,
      width,
      request: {
        width,
        pixelRatio,
        theme: this.getAttribute('theme') ?? '',
        prefersDark: darkQuery.matches,
        locale: this.getAttribute('locale') ?? undefined,
        pageLocale: this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en',
        aspectRatio: this.getAttribute('aspect-ratio') ?? '',
        minHeight: this._boxHeight(width),
        fontGeneration: fontGeneration(),
        style,
      },
    };
  }

  /** Draws what `_plan` read, and shows it. */
  _draw(plan) {
    this._pending = false;
    if (!plan || !this.isConnected) return;
    this._needsDraw = false;
    for (const problem of plan.problems) sayOnce('warn', `<indicator-chart>: ${problem}`);
    try {
      if (!this._view) {
        this._view = new ChartView(this._canvas, this.getAttribute('indicator') ?? '');
        views++;
      }
      const drawn = this._view.draw(plan.request);
      for (const warning of drawn.warnings) sayOnce('warn', `<indicator-chart>: ${warning}`);
      this._show(this._view, drawn, plan.width, plan.request.style.transparent);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        // A trap in the module is a bug of ours, not the page's: the reader
        // keeps the picture, and the console says what to report.
        sayOnce('error', `<indicator-chart>: the chart module failed (${e.message}). This is a bug; please report it.`);
        this._showError('This chart could not be drawn.');
        // Not freed: after a trap the module's memory cannot be trusted.
        this._view = null;
        this._target = null;
      } else {
        this._fail(e?.message ?? String(e));
      }
    }
    this._settle();
  }

  /**
   * The height the canvas takes at `width`: the chart's box, which the page's
   * picture (or, without one, the placeholder) holds until the chart is
   * drawn, less the room of the data table's summary line, which appears
   * with the canvas. While the picture shows, its own height, to the
   * fraction of a pixel (it may come from another build); otherwise the
   * ruler's, the same rule. The layout fills it, so nothing below moves.
   */
  _boxHeight(width) {
    if (this._reserved && this._reserved.width !== width) this._reserved = null;
    if (!this._reserved && !this._slot.hidden && this._placeholder.hidden) {
      const picture = this._frame.getBoundingClientRect().height;
      this._reserved = { width, height: picture - SUMMARY_ROOM };
    }
    return this._reserved?.height ?? this._ruler.getBoundingClientRect().height;
  }

  _show(view, drawn, width, transparent) {
    const canvas = this._canvas;
    canvas.style.width = `${width}px`;
    // The height of the box it fills, to the fraction of a pixel the canvas's
    // whole device pixels cannot give: nothing below moves.
    const box = this._boxHeight(width);
    canvas.style.height = `${Math.abs(drawn.height - box) < 1 ? box : drawn.height}px`;
    canvas.setAttribute('aria-label', drawn.altText);
    const frame = this._frame;
    frame.classList.toggle('dark', drawn.dark);
    frame.classList.toggle('transparent', !!transparent);
    for (const [name, value] of Object.entries(drawn.colors)) {
      frame.style.setProperty(`--ic-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
    }
    canvas.hidden = false;
    this._slot.hidden = true;
    this._placeholder.hidden = true;
    this._error.hidden = true;
    // The table's numbers follow the locale, as the alt text's do.
    if (this._drawn?.altText !== drawn.altText) fillTable(this._details, view.table());
    this._drawn = drawn;
    this._target = {
      hotspots: drawn.hotspots,
      hit: (x, y) => view.hit(x, y),
      hotspotBox: (i) => view.hotspotBox(i),
      tooltip: (i) => view.tooltip(i),
    };
    this.dataset.state = 'drawn';
    this._readers.refresh();
  }

  /** Repaints the last drawing (for window.__redraw). */
  redrawNow() {
    if (this._view && this._drawn) this._view.redraw();
  }

  _settle() {
    this.settled = true;
    settled(this);
  }

  /** The module could not load: the reader gets a line, the console the detail. */
  _failToLoad(error) {
    sayOnce('error', `<indicator-chart>: ${error?.detail ?? error?.message ?? error}`);
    this._showError(error?.readerMessage ?? 'The interactive chart could not be loaded.');
    this._settle();
  }

  /** A mistake in the element's attributes: one message in its box and in the console. */
  _fail(message) {
    if (this._error.hidden || this._error.textContent !== message) {
      console.error(`<indicator-chart indicator="${this.getAttribute('indicator') ?? ''}">: ${message}`);
    }
    this._showError(message);
    this._release();
  }

  _showError(message) {
    const error = this._error;
    error.textContent = message;
    error.hidden = false;
    this.dataset.state = 'error';
    this._canvas.hidden = true;
    this._details.hidden = true;
    this._slot.hidden = false;
    this._placeholder.hidden = true;
  }
}

// Observing the device-pixel box reports a change of pixel ratio as well as
// of width (browser zoom, a window moved to another screen, an emulator).
const resize = new ResizeObserver((entries) => {
  for (const entry of entries) entry.target.resized(entry.contentRect.width);
});
function observeSize(element) {
  try {
    resize.observe(element, { box: 'device-pixel-content-box' });
  } catch {
    resize.observe(element);
  }
}

// Charts due to be drawn, drawn together: see `_resolveTheme`. First
// drawings go in a task of their own (every chart whose module and fonts
// became ready by then is in it; see `schedule` for why not a microtask),
// redraws in the next frame (resizes come in storms).
const due = new Set();
let flushQueued = false;
function drawSoon(chart, { nextFrame }) {
  due.add(chart);
  if (flushQueued) return;
  flushQueued = true;
  const flush = () => {
    flushQueued = false;
    const batch = [...due];
    due.clear();
    for (const chart of batch) chart._resolveTheme();
    const plans = batch.map((chart) => chart._plan());
    batch.forEach((chart, i) => chart._draw(plans[i]));
  };
  if (nextFrame) requestAnimationFrame(flush);
  else setTimeout(flush);
}

/** Schedules a drawing of every chart (theme, pixel ratio or fonts changed). */
export function redrawAll() {
  for (const chart of charts) chart.schedule();
}

darkQuery.addEventListener('change', redrawAll);
