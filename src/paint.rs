//! Painting a laid-out [`Scene`] on a plotters `DrawingBackend`: the one
//! place a chart meets plotters. The browser paints on plotters-canvas, the
//! native surfaces on plotters' SVG and bitmap backends, all through this.
//! Marks go straight to the backend's primitives, in device pixels, as the
//! scene already is.

use plotters::style::{FontDesc, FontFamily, FontStyle, TextStyle};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, DrawingBackend};

use crate::layout::{Align, ChartError, Mark, Scene};
use crate::theme::Rgb;

/// How a backend sizes and places text, against a canvas's `font` size
/// and `textBaseline = "top"`: backends disagree on what a font "size" is
/// (plotters' SVG backend writes `size / 1.24`; ab_glyph sizes by the
/// ascent-to-descent height) and on where the top anchor is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextPlacement {
    /// The backend's font size for one em.
    pub size_factor: f64,
    /// How far down, in ems, to move text so that the top of its em box is
    /// where a canvas would put it.
    pub top_offset_em: f64,
}

impl TextPlacement {
    /// A canvas: sizes and places text as the scene does.
    pub const CANVAS: TextPlacement = TextPlacement {
        size_factor: 1.0,
        top_offset_em: 0.0,
    };
}

/// An opaque colour, stroked `width` device pixels wide.
struct Paint(Rgb, u32);

impl BackendStyle for Paint {
    fn color(&self) -> BackendColor {
        BackendColor {
            alpha: 1.0,
            rgb: (self.0.0, self.0.1, self.0.2),
        }
    }

    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// Draws `scene` on `backend`, background first (unless it is transparent).
pub fn paint<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    placement: TextPlacement,
) -> Result<(), ChartError> {
    let failed =
        |e: plotters_backend::DrawingErrorKind<DB::ErrorType>| ChartError::Draw(e.to_string());
    backend.ensure_prepared().map_err(failed)?;
    if let Some(background) = scene.background {
        let (width, height) = (scene.width as i32, scene.height as i32);
        backend
            .draw_rect((0, 0), (width, height), &Paint(background, 1), true)
            .map_err(failed)?;
    }
    for mark in &scene.marks {
        match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color,
            } => backend.draw_rect((*x0, *y0), (*x1, *y1), &Paint(*color, 1), true),
            Mark::Text {
                x,
                y,
                text,
                role,
                color,
                align,
            } => {
                let (size, bold) = role.spec();
                let em = size * scene.pixel_ratio;
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
                let style = TextStyle {
                    font: FontDesc::new(
                        FontFamily::Name(&scene.font_family),
                        em * placement.size_factor,
                        weight,
                    ),
                    color: Paint(*color, 1).color(),
                    pos: Pos::new(h_pos, VPos::Top),
                };
                let y = y + (em * placement.top_offset_em).round() as i32;
                backend.draw_text(text, &style, (*x, y))
            }
            Mark::Circle {
                x,
                y,
                radius,
                color,
            } => backend.draw_circle((*x, *y), *radius, &Paint(*color, 1), true),
            Mark::Polygon { points, color } => {
                backend.fill_polygon(points.iter().copied(), &Paint(*color, 1))
            }
            Mark::Path {
                points,
                width,
                color,
            } => backend.draw_path(points.iter().copied(), &Paint(*color, *width)),
        }
        .map_err(failed)?;
    }
    backend.present().map_err(failed)
}
