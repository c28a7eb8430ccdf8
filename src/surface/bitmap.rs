//! Bitmap renders (RGB) through plotters' bitmap backend, with text drawn
//! by ab_glyph from the committed fonts: the same pixels on every machine,
//! for golden tests that a person can look at.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::fonts::{BOLD, LiberationMetrics, REGULAR, height_per_em};
use super::measured::Measured;
use crate::charts::{ChartError, FAMILY, Options, Scene, Typeface, layout, paint};
use crate::model::Chart;

/// ab_glyph sizes text by its ascent-to-descent height; plotters places the
/// baseline half a size below the anchor, about 0.29 em higher than a
/// canvas does with `textBaseline = "top"`.
const TOP_OFFSET_EM: f64 = 0.29;

fn typeface() -> Typeface {
    Typeface {
        family: FAMILY,
        size_factor: height_per_em(),
    }
}

fn register_fonts() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // The committed files are valid fonts; a failure here is a broken checkout.
        let ok = register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok();
        assert!(
            ok,
            "the committed Liberation Sans files could not be registered"
        );
    });
}

/// The bitmap backend on `pixels`, measuring and placing text as a canvas does.
fn backend(pixels: &mut [u8], size: (u32, u32)) -> Measured<BitMapBackend<'_>, LiberationMetrics> {
    Measured::new(
        BitMapBackend::with_buffer(pixels, size),
        LiberationMetrics,
        typeface().size_factor,
        TOP_OFFSET_EM,
    )
}

/// An RGB image of `chart`: (width, height, pixels).
pub fn render(chart: Chart, options: &Options) -> Result<(u32, u32, Vec<u8>), ChartError> {
    register_fonts();
    let typeface = typeface();
    let scene: Scene = {
        let mut scratch = vec![0u8; 3];
        layout(
            &backend(&mut scratch, (1, 1)).into_drawing_area(),
            chart,
            options,
            typeface,
        )?
    };
    let (width, height) = (scene.width, scene.height);
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    paint(
        &backend(&mut pixels, (width, height)).into_drawing_area(),
        &scene,
        typeface,
    )?;
    Ok((width, height, pixels))
}
