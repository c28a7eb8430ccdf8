// The README's React example, word for word (a test checks it), built and
// type-checked with the app.
import { useState } from 'react';
import 'indicator-charts';
import type { IndicatorChartValueDetail } from 'indicator-charts';

export function Favourability() {
  const [figure, setFigure] = useState<IndicatorChartValueDetail | null>(null);
  return (
    <figure>
      <indicator-chart
        indicator="us-favourability"
        aspect-ratio="16/9"
        onindicator-chart-value={(event) => setFigure(event.detail)}
        onindicator-chart-leave={() => setFigure(null)}
      />
      <figcaption>{figure ? `${figure.label}: ${figure.text} (“${figure.asWritten}”)` : 'Point at a bar.'}</figcaption>
    </figure>
  );
}
