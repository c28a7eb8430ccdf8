//! Charts of the figures cited by two analyses of US–Vietnam relations
//! (2015–16), compiled into a WebAssembly module that draws on a `<canvas>`.
//!
//! Dependencies run one way, top to bottom:
//!
//! - `model`: the figures, baked in from `data/indicators.toml` (schema and
//!   checks in the `indicator-data` crate, `data/`).
//! - `format`, `theme`: numbers by language; colours by theme, with their
//!   contrast checks.
//! - `words`: what a chart says around its figures (subtitle, notes, source).
//! - `describe`: each chart in words (alt text, data table, tooltips).
//! - `layout`: chart + options + text metrics → a scene of marks.
//! - `paint`: a scene onto any plotters backend.
//! - `attributes`: what an embed's attributes may say.
//! - `surface` (native): SVG and bitmap renders; `site` (native): the
//!   pages and downloads of `dist/`; `package` (native): the element's
//!   public surface, and the npm package's metadata, manifest and types;
//!   `web` (WASM): the canvas binding.

pub mod attributes;
pub mod describe;
pub mod format;
pub mod layout;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod package;
pub mod paint;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod surface;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod words;
