//! The fonts native renders use, committed to the repository so that SVG
//! layout and golden bitmaps do not depend on the machine's fonts:
//! Liberation Sans 2.1.5 (SIL OFL 1.1, see `fonts/LICENSE-OFL.txt`), which
//! has Arial's metrics, so SVG text laid out with it fits in any browser.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};

use crate::layout::MeasureText;
use crate::theme::FONT_FAMILY;

pub static REGULAR: &[u8] = include_bytes!("fonts/LiberationSans-Regular.ttf");
pub static BOLD: &[u8] = include_bytes!("fonts/LiberationSans-Bold.ttf");

/// The two faces, parsed once.
pub fn faces() -> &'static (FontRef<'static>, FontRef<'static>) {
    static FACES: OnceLock<(FontRef<'static>, FontRef<'static>)> = OnceLock::new();
    FACES.get_or_init(|| {
        let parse = |bytes| {
            FontRef::try_from_slice(bytes).expect("the committed font files are valid TrueType")
        };
        (parse(REGULAR), parse(BOLD))
    })
}

/// Widths from the committed fonts' advance widths and kerning.
#[derive(Debug, Clone, Copy, Default)]
pub struct LiberationMetrics;

impl MeasureText for LiberationMetrics {
    fn family(&self) -> &str {
        FONT_FAMILY
    }

    fn width(&self, text: &str, em: f64, bold: bool) -> f64 {
        let (regular, bold_face) = faces();
        let font = if bold { bold_face } else { regular };
        let units_per_em = f64::from(font.units_per_em().unwrap_or(2048.0));
        let mut units = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let glyph = font.glyph_id(c);
            units += f64::from(font.h_advance_unscaled(glyph));
            if let Some(previous) = previous {
                units += f64::from(font.kern_unscaled(previous, glyph));
            }
            previous = Some(glyph);
        }
        units * em / units_per_em
    }
}

/// Ascent-to-descent height per em: ab_glyph sizes text by this height, so
/// a bitmap's font size is the em size times this.
pub fn height_per_em() -> f64 {
    let (regular, _) = faces();
    f64::from(regular.height_unscaled()) / f64::from(regular.units_per_em().unwrap_or(2048.0))
}
