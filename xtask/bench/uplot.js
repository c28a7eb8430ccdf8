// The four benchmark charts with uPlot 1.6: title, axis labels (unit and
// period), value labels drawn in a hook, and the source below each chart.
/* global uPlot */
const BLUE = '#0064a0';
const VERMILLION = '#b84a00';
// As wide as the column (600 px at most), as on a phone.
const WIDTH = Math.min(600, document.querySelector('main').clientWidth - 32);
const HEIGHT = 300;

function valueLabels(format) {
  return (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.font = `bold ${Math.round(14 * devicePixelRatio)}px Arial, "Liberation Sans", Helvetica, sans-serif`;
    ctx.fillStyle = '#1a1a1a';
    ctx.textAlign = 'center';
    const [xs, ys] = u.data;
    for (let i = 0; i < xs.length; i++) {
      const x = u.valToPos(xs[i], 'x', true);
      const y = u.valToPos(ys[i], 'y', true);
      ctx.textBaseline = ys[i] < 0 ? 'top' : 'bottom';
      ctx.fillText(format(ys[i]), x, y + (ys[i] < 0 ? 6 : -6) * devicePixelRatio);
    }
    ctx.restore();
  };
}

let pending = 0;
function ready() {
  if (--pending === 0) performance.mark('charts-ready');
}

function chart(id, { title, unit, xs, ys, color, range, bars = true, format, xLabels }) {
  pending++;
  return new uPlot(
    {
      title,
      width: WIDTH,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [xs[0] - 1, xs[xs.length - 1] + 1] }, y: { range } },
      axes: [
        { values: (u, splits) => splits.map((v) => xLabels[v] ?? ''), splits: () => xs },
        { label: unit, values: (u, splits) => splits.map((v) => format(v)) },
      ],
      series: [
        {},
        {
          stroke: color,
          fill: bars ? color : undefined,
          width: bars ? 0 : 3,
          points: { show: !bars, size: 9, fill: color },
          paths: bars ? uPlot.paths.bars({ size: [0.5, 120] }) : undefined,
        },
      ],
      hooks: { draw: [valueLabels(format)], ready: [ready] },
    },
    [xs, ys],
    document.getElementById(id),
  );
}

const charts = [
  chart('favourability', {
    title: 'Vietnamese with a favourable view of the US',
    unit: 'Per cent, 2015',
    xs: [0, 1],
    ys: [80, 88],
    xLabels: { 0: 'Vietnamese', 1: 'Under 30' },
    color: BLUE,
    range: [0, 100],
    format: (v) => `${v}%`,
  }),
  chart('gdp', {
    title: 'Vietnam’s average GDP growth',
    unit: 'Average growth rate, per cent, 2000–2015',
    xs: [2000, 2015],
    ys: [6.15, 6.15],
    xLabels: { 2000: '2000', 2015: '2015' },
    color: BLUE,
    range: [0, 8],
    bars: false,
    format: (v) => `${v}%`,
  }),
  chart('military', {
    title: 'Rise in Vietnam’s military spending: +113%',
    unit: 'Index, 2004 = 100, 2004–2013',
    xs: [0, 1],
    ys: [100, 213],
    xLabels: { 0: '2004', 1: '2013' },
    color: BLUE,
    range: [0, 250],
    format: (v) => `${v}`,
  }),
  chart('trade', {
    title: 'Vietnam’s trade balance',
    unit: 'US$ billion, 2015',
    xs: [0],
    ys: [-3.54],
    xLabels: { 0: '2015' },
    color: VERMILLION,
    range: [-5, 2],
    format: (v) => (v < 0 ? `\u2212${Math.abs(v)}` : `${v}`),
  }),
];
window.__redraw = () => {
  for (const u of charts) u.batch(() => u.redraw(false));
};
