//! Charts of the figures cited by two analyses of US–Vietnam relations
//! (2015–16), compiled into a WebAssembly module that draws on a `<canvas>`.
//!
//! - `model`: the figures, compiled in from `data/indicators.toml`.
//! - `charts`: layout and painting, generic over plotters' `DrawingBackend`.
//! - `describe`: each chart in words (alt text, data table, tooltips).
//! - `format`, `theme`: numbers by language, colours by theme.
//! - `surface`: SVG and bitmap renders (native); `web`: the canvas (WASM).

pub mod charts;
pub mod describe;
pub mod format;
pub mod model;
pub mod settings;
mod suggest;
pub mod surface;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;

// The data-file checker runs in the build script; compiled here too so its
// tests run. It includes `model/kinds.rs` and `suggest.rs` by path, on
// purpose: the build script cannot use this crate.
#[cfg(test)]
#[allow(dead_code, unused_imports, clippy::duplicate_mod)]
mod data_file;
