// Must fail to type-check: `indicatr` is not an attribute of the element.
import 'indicator-charts';

export const chart = <indicator-chart indicatr="gdp-growth-average" theme="dark" />;
