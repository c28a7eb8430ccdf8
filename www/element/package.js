// The npm package's class entry, `indicator-charts/element` (element.js
// there): the element's class and the module's setting, without defining
// the element. Its exports are the package's API (src/package/surface.rs).

export { IndicatorChart } from './element.js';
export { setModuleUrl } from './module.js';
