//! Bitmap renders (RGB) through plotters' bitmap backend, with text drawn
//! by ab_glyph from the committed fonts: the same pixels on every machine,
//! for golden tests a person can look at and for share cards.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::fonts::{BOLD, FAMILY, LiberationMetrics, REGULAR, height_per_em};
use crate::layout::{ChartError, Options, Scene, layout};
use crate::model::Chart;
use crate::paint::{TextPlacement, paint};

/// An RGB image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// ab_glyph sizes text by its ascent-to-descent height, and plotters puts
/// the top anchor about 0.29 em higher than a canvas's `textBaseline = "top"`.
fn placement() -> TextPlacement {
    TextPlacement {
        size_factor: height_per_em(),
        top_offset_em: 0.29,
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

/// Paints `scene` into a new image of its size.
pub fn paint_scene(scene: &Scene) -> Result<Image, ChartError> {
    register_fonts();
    let (width, height) = (scene.width, scene.height);
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    paint(
        &mut BitMapBackend::with_buffer(&mut rgb, (width, height)),
        scene,
        placement(),
    )?;
    Ok(Image { width, height, rgb })
}

/// An image of `chart`, laid out with the committed font's metrics.
pub fn render(chart: Chart, options: &Options) -> Result<Image, ChartError> {
    paint_scene(&layout(chart, options, &LiberationMetrics)?)
}
