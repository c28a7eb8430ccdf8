// A React 19 component that renders the chart with attributes and listens
// to each of its events, typed by the package's declarations: this file is
// also the consumer `tsc --noEmit --strict` checks.
import { useRef, useState } from 'react';
import 'indicator-charts';
import type { IndicatorChart, IndicatorChartValueDetail } from 'indicator-charts';
import { Favourability } from './Favourability';

export function App() {
  const chart = useRef<IndicatorChart>(null);
  const [log, setLog] = useState<string[]>([]);
  const [value, setValue] = useState<IndicatorChartValueDetail | null>(null);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const note = (line: string) => setLog((lines) => [...lines, line]);

  return (
    <main style={{ maxWidth: 640, margin: 'auto' }}>
      <h1>Views of the US</h1>
      <indicator-chart
        ref={chart}
        indicator="us-favourability"
        theme={theme}
        locale="en"
        aspect-ratio="16/9"
        onindicator-chart-drawn={(event) => {
          const { id, title, width, height } = event.detail;
          note(`drawn ${id}: ${title} (${Math.round(width)}×${Math.round(height)})`);
        }}
        onindicator-chart-error={(event) =>
          note(`error ${event.detail.id}: ${event.detail.message} (${event.detail.cause})`)
        }
        onindicator-chart-value={(event) => {
          setValue(event.detail);
          note(`value ${event.detail.index} by ${event.detail.input}`);
        }}
        onindicator-chart-leave={(event) => {
          setValue(null);
          note(`leave ${event.detail.index}`);
        }}
      />
      <p id="value">
        {value && `${value.label}: ${value.text} = ${value.value ?? 'an event'} (the text says “${value.asWritten}”)`}
      </p>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
        {chart.current?.chartTitle ? `Switch “${chart.current.chartTitle}” to the other theme` : 'Switch theme'}
      </button>
      <ol id="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <h2>The README's example</h2>
      <Favourability />
    </main>
  );
}
