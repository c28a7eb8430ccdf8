// The four benchmark charts with Chart.js 4 (full bundle): title, subtitle
// (unit and period), axis labels, value labels and the source.
/* global Chart */
const BLUE = '#0064a0';
const VERMILLION = '#b84a00';
const GREY = '#757575';

// Value labels at the end of each bar (Chart.js has none built in).
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = 'bold 14px Arial, "Liberation Sans", Helvetica, sans-serif';
    ctx.fillStyle = '#1a1a1a';
    chart.getDatasetMeta(0).data.forEach((element, index) => {
      const { x, y } = element.tooltipPosition();
      const text = options.format(chart.data.datasets[0].data[index]);
      const horizontal = chart.options.indexAxis === 'y';
      ctx.textAlign = horizontal ? 'left' : 'center';
      ctx.textBaseline = horizontal ? 'middle' : chart.data.datasets[0].data[index] < 0 ? 'top' : 'bottom';
      ctx.fillText(text, horizontal ? x + 6 : x, horizontal ? y : y + (ctx.textBaseline === 'top' ? 6 : -6));
    });
    ctx.restore();
  },
};

function chart(
  id,
  { type = 'bar', title, subtitle, source, labels, data, colors, format, indexAxis = 'x', y = {}, x = {} },
) {
  return new Chart(document.getElementById(id), {
    type,
    data: {
      labels,
      datasets: [
        { data, backgroundColor: colors, borderColor: colors, borderWidth: type === 'line' ? 3 : 0, pointRadius: 5 },
      ],
    },
    plugins: [valueLabels],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis,
      plugins: {
        legend: { display: false },
        title: { display: true, text: title, align: 'start', font: { size: 17, weight: 'bold' }, color: '#1a1a1a' },
        subtitle: { display: true, text: [subtitle, source], align: 'start', position: 'bottom', color: '#5c5c5c' },
        valueLabels: { format },
        tooltip: { enabled: true },
      },
      scales: { x, y },
    },
  });
}

const charts = [
  chart('favourability', {
    title: 'Vietnamese with a favourable view of the US',
    subtitle: 'Per cent, 2015',
    source: 'Source: Pew Research Center, “Global Indicators Database”, 2015 · Bojian Liu, Feb. 29, 2016',
    labels: ['Vietnamese', 'Under 30'],
    data: [80, 88],
    colors: [BLUE, BLUE],
    format: (v) => `${v}%`,
    indexAxis: 'y',
    x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
  }),
  chart('gdp', {
    type: 'line',
    title: 'Vietnam’s average GDP growth',
    subtitle: 'Average growth rate, per cent, 2000–2015',
    source: 'Source: Trading Economics, 2016 · Bojian Liu, Feb. 29, 2016',
    labels: ['2000', '2015'],
    data: [6.15, 6.15],
    colors: BLUE,
    format: (v) => `${v}%`,
    y: { min: 0, max: 8, ticks: { callback: (v) => `${v}%` } },
  }),
  chart('military', {
    title: 'Rise in Vietnam’s military spending: +113%',
    subtitle: 'Index, 2004 = 100, 2004–2013',
    source: 'Source: Hiebert & Nguyen, 2015 · Bojian Liu, Feb. 29, 2016',
    labels: ['2004', '2013'],
    data: [100, 213],
    colors: [GREY, BLUE],
    format: (v) => `${v}`,
    y: { min: 0, max: 250 },
  }),
  chart('trade', {
    title: 'Vietnam’s trade balance',
    subtitle: 'US$ billion, 2015',
    source: 'Source: Vietnam Customs Statistics, 2016 · Bojian Liu, Feb. 29, 2016',
    labels: ['2015'],
    data: [-3.54],
    colors: [VERMILLION],
    format: (v) => `\u2212US$${Math.abs(v)} bn`,
    y: { min: -5, max: 2 },
  }),
];
performance.mark('charts-ready');
window.__redraw = () => {
  for (const c of charts) c.draw();
};
