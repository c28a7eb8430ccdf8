//! Bitmap renders (RGB) through plotters' bitmap backend, with text drawn
//! by ab_glyph from the committed fonts: the same pixels on every machine,
//! for golden tests a person can look at and for share cards. Images are
//! written and read as PNG here (the `png` crate), so that the build's
//! cards and the tests' references are encoded one way.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::fonts::{BOLD, LiberationMetrics, REGULAR, height_per_em};
use super::glyphs;
use crate::layout::{Align, Mark, MeasureText};
use crate::layout::{ChartError, Options, Scene, layout};
use crate::model::Chart;
use crate::paint::{TextPlacement, paint};
use crate::theme::{FONT_FAMILY, Rgb};

/// An RGB image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

impl Image {
    /// An image of one colour.
    pub fn filled(width: u32, height: u32, color: Rgb) -> Image {
        let pixels = width as usize * height as usize;
        Image {
            width,
            height,
            rgb: [color.0, color.1, color.2].repeat(pixels),
        }
    }

    /// Copies `other` onto this image with its top left at (`x`, `y`);
    /// what falls outside is left out.
    pub fn place(&mut self, other: &Image, x: u32, y: u32) {
        let columns = other.width.min(self.width.saturating_sub(x)) as usize;
        for row in 0..other.height.min(self.height.saturating_sub(y)) {
            let from = row as usize * other.width as usize * 3;
            let to = ((y + row) as usize * self.width as usize + x as usize) * 3;
            self.rgb[to..to + columns * 3].copy_from_slice(&other.rgb[from..from + columns * 3]);
        }
    }

    /// The image as a PNG file: 8-bit RGB, no ancillary chunks (no time,
    /// no text), so the same pixels always give the same bytes.
    pub fn to_png(&self) -> Result<Vec<u8>, png::EncodingError> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.rgb)?;
        writer.finish()?;
        Ok(bytes)
    }

    /// An 8-bit RGB PNG file's pixels; other PNGs are refused, with what
    /// they are.
    pub fn from_png(bytes: &[u8]) -> Result<Image, String> {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
        let size = reader
            .output_buffer_size()
            .ok_or("the image is too large to decode")?;
        let mut rgb = vec![0; size];
        let info = reader.next_frame(&mut rgb).map_err(|e| e.to_string())?;
        if info.color_type != png::ColorType::Rgb || info.bit_depth != png::BitDepth::Eight {
            return Err(format!(
                "a {:?} PNG of {:?}-bit samples; expected 8-bit RGB",
                info.color_type, info.bit_depth
            ));
        }
        rgb.truncate(info.buffer_size());
        Ok(Image {
            width: info.width,
            height: info.height,
            rgb,
        })
    }
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
        let ok = register_font(FONT_FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FONT_FAMILY, FontStyle::Bold, BOLD).is_ok();
        assert!(
            ok,
            "the committed Liberation Sans files could not be registered"
        );
    });
}

/// Paints `scene` into a new image of its size: its shapes through
/// plotters, then its text with `glyphs` (plotters' bitmap text misplaced
/// glyphs). Text goes last: a scene sets nothing over its text.
pub fn paint_scene(scene: &Scene) -> Result<Image, ChartError> {
    register_fonts();
    let (width, height) = (scene.width, scene.height);
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    let (texts, shapes): (Vec<Mark>, Vec<Mark>) = scene
        .marks
        .iter()
        .cloned()
        .partition(|mark| matches!(mark, Mark::Text { .. }));
    let shapes = Scene {
        marks: shapes,
        ..scene.clone()
    };
    paint(
        &mut BitMapBackend::with_buffer(&mut rgb, (width, height)),
        &shapes,
        placement(),
    )?;
    let mut target = glyphs::Target {
        rgb: &mut rgb,
        width,
        height,
    };
    for mark in &texts {
        if let Mark::Text {
            x,
            y,
            text,
            role,
            color,
            align,
        } = mark
        {
            let (size, bold) = role.spec();
            let em = size * scene.pixel_ratio;
            let measured = LiberationMetrics.width(text, em, bold);
            let left = match align {
                Align::Left => f64::from(*x),
                Align::Center => f64::from(*x) - measured / 2.0,
                Align::Right => f64::from(*x) - measured,
            };
            let line = glyphs::Line {
                text,
                x: left as f32,
                top: *y as f32,
                em: em as f32,
                bold,
                color: *color,
            };
            glyphs::draw(&mut target, &line);
        }
    }
    Ok(Image { width, height, rgb })
}

/// An image of `chart`, laid out with the committed font's metrics.
pub fn render(chart: Chart, options: &Options) -> Result<Image, ChartError> {
    paint_scene(&layout(chart, options, &LiberationMetrics)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_placed_at_its_offset_and_clipped_at_the_edges() {
        let mut canvas = Image::filled(4, 3, Rgb(1, 1, 1));
        canvas.place(&Image::filled(3, 2, Rgb(9, 9, 9)), 2, 2);
        let rows: Vec<Vec<u8>> = canvas
            .rgb
            .chunks(4 * 3)
            .map(|row| row.chunks(3).map(|p| p[0]).collect())
            .collect();
        assert_eq!(rows, [[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 9, 9]]);
    }

    #[test]
    fn png_round_trips_and_refuses_what_it_cannot_read() {
        let mut image = Image::filled(3, 2, Rgb(10, 20, 30));
        image.rgb[0] = 200;
        let bytes = image.to_png().expect("encodes");
        assert_eq!(Image::from_png(&bytes), Ok(image));
        assert!(Image::from_png(b"not a png").is_err());
    }
}
