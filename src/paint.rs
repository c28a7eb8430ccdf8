//! Painting a laid-out [`Scene`] on a plotters drawing area: the one place
//! a chart meets plotters. The browser paints on plotters-canvas, the
//! native surfaces on plotters' SVG and bitmap backends, all through this.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontDesc;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendColor;

use crate::layout::{Align, ChartError, Mark, Role, Scene};
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

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The plotters text style for a text mark of `role` in `scene`.
fn text_style<'s>(
    scene: &'s Scene,
    role: Role,
    c: Rgb,
    align: Align,
    placement: TextPlacement,
) -> TextStyle<'s> {
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
            FontFamily::Name(&scene.font_family),
            size * scene.pixel_ratio * placement.size_factor,
            weight,
        ),
        color: BackendColor {
            alpha: 1.0,
            rgb: (c.0, c.1, c.2),
        },
        pos: Pos::new(h_pos, VPos::Top),
    }
}

/// Draws `scene` on `area`, background first (unless it is transparent).
pub fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    placement: TextPlacement,
) -> Result<(), ChartError> {
    let draw_error = |e: DrawingAreaErrorKind<DB::ErrorType>| ChartError::Draw(e.to_string());
    if let Some(background) = scene.background {
        area.fill(&color(background)).map_err(draw_error)?;
    }
    for mark in &scene.marks {
        match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color: c,
            } => area.draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                color(*c).filled(),
            )),
            Mark::Text {
                x,
                y,
                text,
                role,
                color: c,
                align,
            } => {
                let style = text_style(scene, *role, *c, *align, placement);
                let em = role.spec().0 * scene.pixel_ratio;
                let y = y + (em * placement.top_offset_em).round() as i32;
                area.draw(&Text::new(text.as_str(), (*x, y), style))
            }
            Mark::Circle {
                x,
                y,
                radius,
                color: c,
            } => area.draw(&Circle::new((*x, *y), *radius, color(*c).filled())),
            Mark::Polygon { points, color: c } => {
                area.draw(&Polygon::new(points.clone(), color(*c).filled()))
            }
            Mark::Path {
                points,
                width,
                color: c,
            } => area.draw(&PathElement::new(
                points.clone(),
                color(*c).stroke_width(*width),
            )),
        }
        .map_err(draw_error)?;
    }
    area.present().map_err(draw_error)
}
