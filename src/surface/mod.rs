//! Surfaces other than the browser's canvas, native only: SVG (downloads and
//! the static picture pages show before the module draws) and bitmaps
//! (golden tests, share cards), both measuring text with the committed
//! Liberation Sans. The browser's surface is `crate::web`.

pub mod bitmap;
pub mod fonts;
pub mod glyphs;
pub mod svg;

#[cfg(test)]
mod golden;
