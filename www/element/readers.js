// What a chart offers readers besides its picture: a tooltip for the figure
// under the pointer or keyboard focus (its value, the sentence it comes
// from and its source, from the module), a focus ring, and the data table.
// The page is told when a reader moves to a figure and leaves it (the
// `value` and `leave` events).

/** A new element with an optional class. */
export function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Tooltips and keyboard focus for one chart's canvas. */
export class Readers {
  constructor({ frame, canvas, focus, tooltip, live, view, emit }) {
    Object.assign(this, { frame, canvas, focus, tooltip, live, view, emit });
    this.focusIndex = -1;
    this.pointerIndex = -1;
    this.shown = -1; // the figure whose tooltip shows
    this.pressedAt = -Infinity;
    canvas.addEventListener('pointermove', (e) => this.point(e));
    canvas.addEventListener('pointerdown', (e) => {
      this.pressedAt = e.timeStamp;
      this.point(e);
    });
    canvas.addEventListener('pointerleave', (e) => {
      // A finger leaves after every tap: its tooltip stays until the next
      // tap, or until the canvas loses focus.
      if (e.pointerType === 'touch') return;
      this.pointerIndex = -1;
      if (this.focusIndex < 0) this.hide();
    });
    // Tabbing in opens the first figure. A click or tap focuses the canvas
    // too (after its pointerdown, and for a tap after its pointerup): the
    // figure it hit shows then, not the first.
    canvas.addEventListener('focus', (e) => {
      if (e.timeStamp - this.pressedAt > 1000) this.focusOn(Math.max(0, this.focusIndex));
    });
    canvas.addEventListener('blur', () => {
      this.focusIndex = -1;
      focus.hidden = true;
      this.hide();
    });
    canvas.addEventListener('keydown', (e) => this.key(e));
  }

  /** After a redraw: the focus ring follows its figure to its new place. */
  refresh() {
    if (this.focusIndex >= 0) this.focusOn(this.focusIndex);
  }

  point(event) {
    const view = this.view();
    if (!view) return;
    const rect = this.canvas.getBoundingClientRect();
    const [x, y] = [event.clientX - rect.left, event.clientY - rect.top];
    const index = view.hit(x, y);
    if (index === undefined) {
      this.pointerIndex = -1;
      if (this.focusIndex < 0) this.hide();
      return;
    }
    if (
      event.type === 'pointerdown' &&
      event.pointerType !== 'mouse' &&
      index === this.pointerIndex &&
      !this.tooltip.hidden
    ) {
      this.pointerIndex = -1; // a second tap on the same mark closes it
      this.hide();
      return;
    }
    this.pointerIndex = index;
    this.show(index, x, y, event.pointerType || 'mouse');
  }

  key(event) {
    const count = this.view()?.hotspots ?? 0;
    if (count === 0) return;
    if (event.key in MOVES) {
      this.focusOn((Math.max(0, this.focusIndex) + MOVES[event.key] + count) % count);
    } else if (event.key === 'Home') {
      this.focusOn(0);
    } else if (event.key === 'End') {
      this.focusOn(count - 1);
    } else if (event.key === 'Escape') {
      this.hide();
      this.focus.hidden = true;
      return;
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.focusOn(Math.max(0, this.focusIndex));
    } else {
      return;
    }
    event.preventDefault();
  }

  focusOn(index) {
    const view = this.view();
    if (!view || index >= view.hotspots) return;
    this.focusIndex = index;
    const [left, top, right, bottom] = view.hotspotBox(index);
    const pad = 3;
    Object.assign(this.focus.style, {
      left: `${left - pad}px`,
      top: `${top - pad}px`,
      width: `${right - left + 2 * pad}px`,
      height: `${bottom - top + 2 * pad}px`,
    });
    this.focus.hidden = false;
    this.show(index, right, top + (bottom - top) / 2, 'keyboard');
  }

  show(index, x, y, input) {
    const { heading, value, quote, source, label, number, asWritten } = this.view().tooltip(index);
    const tip = this.tooltip;
    const parts = [
      ['strong', heading],
      ['span', value, 'value'],
      ['q', quote],
      ['small', source],
    ];
    tip.replaceChildren(
      ...parts.map(([tag, text, className]) => {
        const node = el(tag, className);
        node.textContent = text;
        return node;
      }),
    );
    tip.hidden = false;
    this.canvas.setAttribute('aria-describedby', tip.id);
    this.live.textContent = `${heading}: ${value}`;
    // Beside the point, kept inside the chart.
    const frame = this.frame.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = tip;
    tip.style.left = `${Math.min(Math.max(0, x + 12), Math.max(0, frame.width - width))}px`;
    tip.style.top = `${y + 12 + height <= frame.height ? y + 12 : Math.max(0, y - height - 12)}px`;
    if (index !== this.shown) {
      this.shown = index;
      this.emit('value', { index, label, value: number ?? null, text: value, asWritten, input });
    }
  }

  hide() {
    this.tooltip.hidden = true;
    this.canvas.removeAttribute('aria-describedby');
    if (this.shown >= 0) {
      const index = this.shown;
      this.shown = -1;
      this.emit('leave', { index });
    }
  }
}

/** The chart's data as a table in `details`, from the module's words. */
export function fillTable(details, data) {
  details.querySelector('table')?.remove();
  const table = el('table');
  const caption = el('caption');
  caption.textContent = data.caption;
  const row = (cells, tag) => {
    const tr = el('tr');
    for (const text of cells) {
      const cell = el(tag);
      if (tag === 'th') cell.scope = 'col';
      cell.textContent = text;
      tr.append(cell);
    }
    return tr;
  };
  const head = el('thead');
  head.append(row(data.headers, 'th'));
  const body = el('tbody');
  body.append(...data.rows.map((cells) => row(cells, 'td')));
  table.append(caption, head, body);
  details.append(table);
  details.hidden = false;
}
