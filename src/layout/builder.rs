//! The toolkit every plot lays out with: CSS-to-device pixel scaling, text
//! measured by whatever surface will show it (through [`MeasureText`]),
//! word wrapping, and the marks and hotspots of the scene being built.

use super::ChartError;
use super::measure::MeasureText;
use super::scene::{Align, Hotspot, Mark, Role, Scene};
use crate::format::Locale;
use crate::model::Datum;
use crate::theme::{Palette, Rgb};

/// A scene being laid out: marks and hotspots in device pixels, with text
/// measured as the surface that will show it measures it.
pub struct SceneBuilder<'m> {
    measure: &'m dyn MeasureText,
    /// Device pixels per CSS pixel.
    pub pixel_ratio: f64,
    pub palette: Palette,
    pub locale: Locale,
    marks: Vec<Mark>,
    hotspots: Vec<Hotspot>,
}

impl<'m> SceneBuilder<'m> {
    pub fn new(
        measure: &'m dyn MeasureText,
        pixel_ratio: f64,
        palette: Palette,
        locale: Locale,
    ) -> Self {
        SceneBuilder {
            measure,
            pixel_ratio,
            palette,
            locale,
            marks: Vec::new(),
            hotspots: Vec::new(),
        }
    }

    /// CSS pixels to whole device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.pixel_ratio).round() as i32
    }

    /// A line's height for `role`, in device pixels.
    pub fn line_height(&self, role: Role) -> i32 {
        self.px(role.line_height())
    }

    /// Width of `text` set in `role`, in whole device pixels (rounded up).
    pub fn measure(&self, text: &str, role: Role) -> Result<i32, ChartError> {
        if text.is_empty() {
            return Ok(0);
        }
        let (size, bold) = role.spec();
        let width = self.measure.width(text, size * self.pixel_ratio, bold);
        if !width.is_finite() || width < 0.0 {
            return Err(ChartError::Measure(format!(
                "the surface gave no usable width for \"{}\"",
                crate::attributes::shorten(text)
            )));
        }
        // `as` saturates: an absurd width becomes i32::MAX, not a panic.
        Ok(width.ceil() as i32)
    }

    /// `text` broken into lines no wider than `max_width` device pixels, at
    /// spaces, each line as long as fits; a word wider than a line is
    /// broken between characters.
    ///
    /// Measuring is what layout spends its time on in a browser (a first
    /// `measureText` of a string costs tens of microseconds), so lines are
    /// found by guessing from the whole text's width and correcting by a
    /// word at a time, not by measuring every growing line: a paragraph
    /// that fits is one measurement, a line of a longer one two or three.
    pub fn wrap(&self, text: &str, role: Role, max_width: i32) -> Result<Vec<String>, ChartError> {
        let max_width = max_width.max(1);
        // ASCII spaces only: a no-break space joins a number to its unit.
        let words: Vec<&str> = text.split_ascii_whitespace().collect();
        let whole = words.join(" ");
        let whole_width = self.measure(&whole, role)?;
        if whole_width <= max_width {
            return Ok(if whole.is_empty() {
                Vec::new()
            } else {
                vec![whole]
            });
        }
        let per_char = f64::from(whole_width) / whole.chars().count().max(1) as f64;
        let joined = |prefix: &str, words: &[&str]| {
            let mut line = prefix.to_string();
            for word in words {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            line
        };
        let mut lines = Vec::new();
        // A broken word's last piece, which the next line starts with.
        let mut prefix = String::new();
        let mut start = 0;
        while start < words.len() {
            let rest = &words[start..];
            let fits = |k: usize| -> Result<bool, ChartError> {
                Ok(self.measure(&joined(&prefix, &rest[..k]), role)? <= max_width)
            };
            // The guess: as many words as the average character width allows.
            let mut chars = prefix.chars().count();
            let mut k = 0;
            while k < rest.len() {
                chars += rest[k].chars().count() + usize::from(chars > 0);
                if chars as f64 * per_char > f64::from(max_width) {
                    break;
                }
                k += 1;
            }
            let mut k = k.max(1);
            if fits(k)? {
                while k < rest.len() && fits(k + 1)? {
                    k += 1;
                }
            } else {
                k -= 1;
                while k > 0 && !fits(k)? {
                    k -= 1;
                }
            }
            if k > 0 {
                lines.push(joined(&prefix, &rest[..k]));
                prefix.clear();
                start += k;
            } else if !prefix.is_empty() {
                lines.push(std::mem::take(&mut prefix));
            } else {
                let mut pieces = self.break_word(rest[0], role, max_width)?;
                prefix = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
                start += 1;
            }
        }
        if !prefix.is_empty() {
            lines.push(prefix);
        }
        Ok(lines)
    }

    /// Pieces of a word that each fit `max_width` (at least one character each).
    fn break_word(
        &self,
        word: &str,
        role: Role,
        max_width: i32,
    ) -> Result<Vec<String>, ChartError> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if piece.chars().count() > 1 && self.measure(&piece, role)? > max_width {
                piece.pop();
                pieces.push(std::mem::replace(&mut piece, c.to_string()));
            }
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
        Ok(pieces)
    }

    /// Sets `text` wrapped to `max_width` from (`x`, `y`); returns the `y`
    /// below the last line.
    pub fn paragraph(
        &mut self,
        x: i32,
        y: i32,
        max_width: i32,
        text: &str,
        role: Role,
        color: Rgb,
    ) -> Result<i32, ChartError> {
        let line_height = self.line_height(role);
        let mut y = y;
        for line in self.wrap(text, role, max_width)? {
            self.text(x, y, line, role, color, Align::Left);
            y += line_height;
        }
        Ok(y)
    }

    /// Lines `paragraph` would set, without setting them.
    pub fn paragraph_height(
        &self,
        max_width: i32,
        text: &str,
        role: Role,
    ) -> Result<i32, ChartError> {
        let lines = self.wrap(text, role, max_width)?.len();
        Ok(lines as i32 * self.line_height(role))
    }

    /// One line of text whose line box starts at `y`.
    pub fn text(
        &mut self,
        x: i32,
        y: i32,
        text: impl Into<String>,
        role: Role,
        color: Rgb,
        align: Align,
    ) {
        // Centre the glyphs' em box in the line box.
        let size = self.px(role.spec().0);
        let y = y + (self.line_height(role) - size) / 2;
        self.marks.push(Mark::Text {
            x,
            y,
            text: text.into(),
            role,
            color,
            align,
        });
    }

    /// A patch of background where `text` will be set (as `text` sets it),
    /// so that gridlines do not run through it.
    pub fn halo(
        &mut self,
        (x, y): (i32, i32),
        text: &str,
        role: Role,
        align: Align,
    ) -> Result<(), ChartError> {
        let width = self.measure(text, role)?;
        let pad = self.px(3.0);
        let x0 = match align {
            Align::Left => x,
            Align::Center => x - width / 2,
            Align::Right => x - width,
        };
        let background = self.palette.background;
        self.rect(
            x0 - pad,
            y,
            x0 + width + pad,
            y + self.line_height(role),
            background,
        );
        Ok(())
    }

    pub fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, color: Rgb) {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        self.marks.push(Mark::Rect {
            x0,
            y0,
            x1,
            y1,
            color,
        });
    }

    /// A rectangle's outline, `width` device pixels thick, inside its bounds.
    pub fn outline(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, width: i32, color: Rgb) {
        self.rect(x0, y0, x1, y0 + width, color);
        self.rect(x0, y1 - width, x1, y1, color);
        self.rect(x0, y0, x0 + width, y1, color);
        self.rect(x1 - width, y0, x1, y1, color);
    }

    /// A horizontal rule one `thickness` (device pixels) thick, starting at `y`.
    pub fn hrule(&mut self, x0: i32, x1: i32, y: i32, thickness: i32, color: Rgb) {
        self.rect(x0, y, x1, y + thickness.max(1), color);
    }

    pub fn circle(&mut self, x: i32, y: i32, radius: i32, color: Rgb) {
        self.marks.push(Mark::Circle {
            x,
            y,
            radius: radius.max(1) as u32,
            color,
        });
    }

    pub fn polygon(&mut self, points: Vec<(i32, i32)>, color: Rgb) {
        self.marks.push(Mark::Polygon { points, color });
    }

    pub fn path(&mut self, points: Vec<(i32, i32)>, width: i32, color: Rgb) {
        self.marks.push(Mark::Path {
            points,
            width: width.max(1) as u32,
            color,
        });
    }

    /// Marks (`x0`, `y0`)–(`x1`, `y1`) as where `datum` can be pointed at.
    pub fn hotspot(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, datum: Datum) {
        self.hotspots.push(Hotspot {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
            datum,
        });
    }

    /// The scene, in paint order: shapes as they were added, then text
    /// grouped by role and colour, so that a canvas changes its font and
    /// colour a few times per chart rather than at every label. Nothing is
    /// meant to cover text, so text last changes no picture.
    pub fn finish(mut self, width: i32, height: i32, fill_background: bool) -> Scene {
        let text_key = |mark: &Mark| match mark {
            Mark::Text { role, color, .. } => Some((*role as u8, color.0, color.1, color.2)),
            _ => None,
        };
        // An insertion sort (stable, as `sort_by_key` is): a scene has tens
        // of marks, and the standard sorts weigh some 3 KB in the module.
        let marks = &mut self.marks;
        for i in 1..marks.len() {
            let mut j = i;
            while j > 0 && text_key(&marks[j - 1]) > text_key(&marks[j]) {
                marks.swap(j - 1, j);
                j -= 1;
            }
        }
        Scene {
            width: width.max(1) as u32,
            height: height.max(1) as u32,
            pixel_ratio: self.pixel_ratio,
            font_family: self.measure.family().to_string(),
            background: fill_background.then_some(self.palette.background),
            marks: self.marks,
            hotspots: self.hotspots,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::layout::measure::FixedWidth;
    use crate::theme::LIGHT;

    /// The plain greedy wrap: add words while the line fits.
    fn greedy(scene: &SceneBuilder<'_>, text: &str, max: i32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_ascii_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if scene.measure(&candidate, Role::Label).expect("measures") <= max {
                line = candidate;
            } else if scene.measure(word, Role::Label).expect("measures") <= max {
                lines.extend((!line.is_empty()).then(|| std::mem::take(&mut line)));
                line = word.to_string();
            } else {
                lines.extend((!line.is_empty()).then(|| std::mem::take(&mut line)));
                let mut pieces = scene.break_word(word, Role::Label, max).expect("breaks");
                line = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
            }
        }
        lines.extend((!line.is_empty()).then_some(line));
        lines
    }

    proptest! {
        /// Guessing and correcting finds the same lines as measuring every
        /// growing line would.
        #[test]
        fn wrapping_by_guesses_gives_the_greedy_lines(
            words in prop::collection::vec("[a-zA-Z]{1,14}", 0..40),
            max in 1..400i32,
            em in 0.3..0.9f64,
        ) {
            let measure = FixedWidth { em };
            let scene = SceneBuilder::new(&measure, 1.0, LIGHT, crate::format::ENGLISH);
            let text = words.join(" ");
            prop_assert_eq!(scene.wrap(&text, Role::Label, max).expect("wraps"), greedy(&scene, &text, max));
        }
    }
}
