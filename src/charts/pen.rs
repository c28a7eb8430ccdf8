//! The layout toolkit every chart kind uses: CSS-to-device pixel scaling,
//! text measured by the drawing backend itself, word wrapping, and the
//! scene being built.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontDesc;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendColor;

use super::ChartError;
use super::scene::{Align, Datum, Hotspot, Mark, Role, Scene};
use crate::format::Locale;
use crate::theme::{Palette, Rgb};

/// The font a surface draws with. Backends disagree on what a font "size"
/// is (plotters' SVG backend writes `size / 1.24`; ab_glyph sizes by the
/// ascent-to-descent height), so each surface states the factor that makes
/// its text the same em size as the canvas's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Typeface {
    /// A CSS font-family list; for bitmaps, the name a font is registered under.
    pub family: &'static str,
    pub size_factor: f64,
}

/// Arial's metrics (Liberation Sans and Arimo share them), so that widths
/// measured with the committed Liberation Sans hold wherever the SVG is shown.
pub const FAMILY: &str = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

impl Typeface {
    /// The plotters text style for `role` at `scale` device pixels per CSS pixel.
    pub fn style(&self, role: Role, scale: f64, color: Rgb, align: Align) -> TextStyle<'static> {
        let (size, bold) = role.spec();
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let h_pos = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        TextStyle {
            font: FontDesc::new(
                FontFamily::Name(self.family),
                size * scale * self.size_factor,
                weight,
            ),
            color: BackendColor {
                alpha: 1.0,
                rgb: (color.0, color.1, color.2),
            },
            pos: Pos::new(h_pos, VPos::Top),
        }
    }
}

/// Builds a scene on a drawing area, measuring text with its backend.
pub struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    pub typeface: Typeface,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    pub palette: Palette,
    pub locale: Locale,
    marks: Vec<Mark>,
    hotspots: Vec<Hotspot>,
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    pub fn new(
        area: &'a DrawingArea<DB, Shift>,
        typeface: Typeface,
        scale: f64,
        palette: Palette,
        locale: Locale,
    ) -> Self {
        Pen {
            area,
            typeface,
            scale,
            palette,
            locale,
            marks: Vec::new(),
            hotspots: Vec::new(),
        }
    }

    /// CSS pixels to whole device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// A line's height for `role`, in device pixels.
    pub fn line_height(&self, role: Role) -> i32 {
        self.px(role.line_height())
    }

    /// Width of `text` set in `role`, in device pixels.
    pub fn measure(&self, text: &str, role: Role) -> Result<i32, ChartError> {
        if text.is_empty() {
            return Ok(0);
        }
        let style = self
            .typeface
            .style(role, self.scale, self.palette.text, Align::Left);
        let (width, _) = self
            .area
            .estimate_text_size(text, &style)
            .map_err(|e| ChartError::Measure(e.to_string()))?;
        Ok(i32::try_from(width).unwrap_or(i32::MAX))
    }

    /// `text` broken into lines no wider than `max_width` device pixels, at
    /// spaces; a word wider than a line is broken between characters.
    pub fn wrap(&self, text: &str, role: Role, max_width: i32) -> Result<Vec<String>, ChartError> {
        let max_width = max_width.max(1);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.measure(&candidate, role)? <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if self.measure(word, role)? <= max_width {
                line = word.to_string();
            } else {
                for piece in self.break_word(word, role, max_width)? {
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line = piece;
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
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

    /// Text on a patch of background, so gridlines do not run through it.
    pub fn text_with_halo(
        &mut self,
        x: i32,
        y: i32,
        text: impl Into<String>,
        role: Role,
        color: Rgb,
        align: Align,
    ) -> Result<(), ChartError> {
        let text = text.into();
        let width = self.measure(&text, role)?;
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
        self.text(x, y, text, role, color, align);
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
    pub fn finish(mut self, width: i32, height: i32) -> Scene {
        let text_key = |mark: &Mark| match mark {
            Mark::Text { role, color, .. } => Some((*role as u8, color.0, color.1, color.2)),
            _ => None,
        };
        self.marks.sort_by_key(text_key);
        Scene {
            width: width.max(1) as u32,
            height: height.max(1) as u32,
            scale: self.scale,
            background: self.palette.background,
            marks: self.marks,
            hotspots: self.hotspots,
        }
    }
}
