//! Surfaces other than the browser's canvas: SVG (export and the static
//! fallback image) and bitmaps (golden tests). Native only; the browser's
//! surface is in `crate::web`. `measured` is shared by all of them.

pub mod measured;

#[cfg(not(target_arch = "wasm32"))]
pub mod bitmap;
#[cfg(not(target_arch = "wasm32"))]
pub mod fonts;
#[cfg(not(target_arch = "wasm32"))]
pub mod svg;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod golden;
