//! Surfaces other than the browser's canvas: SVG (export and the static
//! fallback image) and bitmaps (golden tests), both measuring text with the
//! committed font through `measured`. Native only; the browser's surface is
//! in `crate::web`.

#[cfg(not(target_arch = "wasm32"))]
pub mod measured;

#[cfg(not(target_arch = "wasm32"))]
pub mod bitmap;
#[cfg(not(target_arch = "wasm32"))]
pub mod fonts;
#[cfg(not(target_arch = "wasm32"))]
pub mod svg;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod golden;
