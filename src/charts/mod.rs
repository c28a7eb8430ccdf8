//! Chart drawing, generic over plotters' `DrawingBackend`: the browser draws
//! through plotters-canvas, `crate::surface` renders SVG and bitmaps with the
//! same functions.
//!
//! Drawing is two steps. [`layout`] measures text with the backend and
//! returns a [`Scene`] (marks in device pixels, plus hotspots for tooltips);
//! [`paint`] draws a scene. A redraw at the same size and settings repaints
//! the cached scene without measuring or laying out again.
//!
//! Every chart shares one frame: title, subtitle (unit and period), the
//! plot, notes, and a footer `Source: <citation> · <text>`.

mod kinds;
mod pen;
pub mod scale;
mod scene;

use std::fmt;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::{Locale, for_message};
use crate::model::{Chart, Indicator};
use crate::theme::Theme;
pub use kinds::{date_label, period_label};
pub use pen::{FAMILY, Pen, Typeface};
pub use scene::{Align, Datum, Hotspot, Mark, Role, Scene};

/// What the host asks a chart to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels; `None` lets the chart take the height its
    /// content needs at this width. A height too small for the content is
    /// raised to what it needs: labels are never cut.
    pub height: Option<f64>,
    /// Device pixels per CSS pixel (`devicePixelRatio`).
    pub scale: f64,
    pub theme: Theme,
    pub locale: Locale,
}

/// The largest width or height, in CSS pixels, a chart is laid out at;
/// a larger container gets a chart this wide.
pub const MAX_CSS_SIZE: f64 = 16_384.0;
/// The narrowest a chart is laid out; narrower containers get this width.
pub const MIN_CSS_WIDTH: f64 = 120.0;
/// The largest pixel ratio honoured (print resolution is about 4).
pub const MAX_SCALE: f64 = 8.0;
/// The most device pixels a chart may have, per side and in all: what a
/// browser can allocate for a canvas without failing. A larger chart is
/// drawn at a lower pixel ratio.
pub const MAX_DEVICE_SIDE: f64 = 16_384.0;
pub const MAX_DEVICE_AREA: f64 = 32_000_000.0;

impl Options {
    /// Options with every number checked: a host page's NaN, zero or
    /// negative size becomes an error that says what would be right; a
    /// huge one is brought within what a browser can draw.
    pub fn checked(self) -> Result<Options, ChartError> {
        let usable = |v: f64| v.is_finite() && v > 0.0;
        if !usable(self.width) {
            return Err(ChartError::Options(format!(
                "width {} is not a usable size; give a positive number of CSS pixels",
                for_message(self.width)
            )));
        }
        if let Some(height) = self.height.filter(|h| !usable(*h)) {
            return Err(ChartError::Options(format!(
                "height {} is not a usable size; give a positive number of CSS pixels, or none",
                for_message(height)
            )));
        }
        if !usable(self.scale) {
            return Err(ChartError::Options(format!(
                "pixel ratio {} is not usable; give a positive number, such as window.devicePixelRatio",
                for_message(self.scale)
            )));
        }
        let width = self.width.clamp(MIN_CSS_WIDTH, MAX_CSS_SIZE);
        let height = self.height.map(|h| h.min(MAX_CSS_SIZE));
        let largest_side = width.max(height.unwrap_or(0.0));
        let scale = self
            .scale
            .min(MAX_SCALE)
            .min(MAX_DEVICE_SIDE / largest_side);
        Ok(Options {
            width,
            height,
            scale,
            ..self
        })
    }
}

/// Why a chart could not be laid out or drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The options were unusable; the message says which and why.
    Options(String),
    /// The backend could not measure text.
    Measure(String),
    /// The backend failed while drawing.
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Options(why) => f.write_str(why),
            ChartError::Measure(why) => write!(f, "could not measure text: {why}"),
            ChartError::Draw(why) => write!(f, "could not draw: {why}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Lays `chart` out for `options`, measuring text on `area`'s backend.
/// The area's own size does not matter: only its text metrics are used.
/// A chart that would have more device pixels than a browser can draw is
/// laid out again at a lower pixel ratio.
pub fn layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: Chart,
    options: &Options,
    typeface: Typeface,
) -> Result<Scene, ChartError> {
    let options = options.checked()?;
    let scene = layout_checked(area, chart, &options, typeface)?;
    let (width, height) = (f64::from(scene.width), f64::from(scene.height));
    let shrink = (MAX_DEVICE_AREA / (width * height))
        .sqrt()
        .min(MAX_DEVICE_SIDE / height);
    if shrink >= 1.0 {
        return Ok(scene);
    }
    // Text is laid out in whole pixels, so a second pass can come out a
    // little taller: aim a tenth lower.
    let smaller = Options {
        scale: options.scale * shrink * 0.9,
        ..options
    };
    layout_checked(area, chart, &smaller, typeface)
}

fn layout_checked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: Chart,
    options: &Options,
    typeface: Typeface,
) -> Result<Scene, ChartError> {
    let options = *options;
    let mut pen = Pen::new(
        area,
        typeface,
        options.scale,
        options.theme.palette(),
        options.locale,
    );
    let width = pen.px(options.width);
    let requested_height = options.height.map(|h| pen.px(h));
    let pad = pen.px(if options.width < 400.0 { 12.0 } else { 16.0 });
    let inner = width - 2 * pad;
    let palette = pen.palette;

    let mut y = pad;
    y = pen.paragraph(pad, y, inner, chart.title(), Role::Title, palette.text)?;
    y += pen.px(2.0);
    y = pen.paragraph(
        pad,
        y,
        inner,
        &kinds::subtitle(chart, &pen.locale),
        Role::Subtitle,
        palette.muted,
    )?;
    y += pen.px(14.0);

    let notes = kinds::notes(chart);
    let source = source_line(chart);
    let gap = pen.px(12.0);
    let mut below = gap + pad;
    for note in &notes {
        below += pen.paragraph_height(inner, note, Role::Small)?;
    }
    below += pen.px(4.0) + pen.paragraph_height(inner, &source, Role::Small)?;

    let available = requested_height.map(|h| h - y - below);
    let plot = kinds::Area {
        x: pad,
        y,
        width: inner,
        height: available,
    };
    let used = kinds::draw(&mut pen, chart, plot)?;

    let mut y = y + used + gap;
    for note in &notes {
        y = pen.paragraph(pad, y, inner, note, Role::Small, palette.muted)?;
    }
    y += pen.px(4.0);
    y = pen.paragraph(pad, y, inner, &source, Role::Small, palette.muted)?;
    let height = (y + pad).max(requested_height.unwrap_or(0));
    Ok(pen.finish(width, height))
}

/// The footer: `Source: <citation> · <text>`.
pub fn source_line(chart: Chart) -> String {
    match chart {
        Chart::Indicator(Indicator { source, text, .. }) => {
            format!("Source: {source} · {}", text.short_reference())
        }
        Chart::Timeline(timeline) => {
            let mut texts: Vec<String> = Vec::new();
            for event in timeline.events {
                let reference = event.text.short_reference();
                if !texts.contains(&reference) {
                    texts.push(reference);
                }
            }
            format!("Sources: as cited in each text · {}", texts.join("; "))
        }
    }
}

/// Draws a laid-out scene on `area`, background first.
pub fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    typeface: Typeface,
) -> Result<(), ChartError> {
    let draw_error = |e: DrawingAreaErrorKind<DB::ErrorType>| ChartError::Draw(e.to_string());
    let rgb = |c: crate::theme::Rgb| RGBColor(c.0, c.1, c.2);
    area.fill(&rgb(scene.background)).map_err(draw_error)?;
    for mark in &scene.marks {
        match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color,
            } => area.draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                rgb(*color).filled(),
            )),
            Mark::Text {
                x,
                y,
                text,
                role,
                color,
                align,
            } => {
                let style = typeface.style(*role, scene.scale, *color, *align);
                area.draw(&Text::new(text.as_str(), (*x, *y), style))
            }
            Mark::Circle {
                x,
                y,
                radius,
                color,
            } => area.draw(&Circle::new((*x, *y), *radius, rgb(*color).filled())),
            Mark::Polygon { points, color } => {
                area.draw(&Polygon::new(points.clone(), rgb(*color).filled()))
            }
            Mark::Path {
                points,
                width,
                color,
            } => area.draw(&PathElement::new(
                points.clone(),
                rgb(*color).stroke_width(*width),
            )),
        }
        .map_err(draw_error)?;
    }
    area.present().map_err(draw_error)
}

/// Lays out and paints in one go; returns the scene for hit testing.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: Chart,
    options: &Options,
    typeface: Typeface,
) -> Result<Scene, ChartError> {
    let scene = layout(area, chart, options, typeface)?;
    paint(area, &scene, typeface)?;
    Ok(scene)
}

#[cfg(test)]
pub mod checks;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::checks::text_problems;
    use super::*;
    use crate::format::Locale;
    use crate::model::all_charts;
    use crate::surface::fonts::LiberationMetrics;
    use crate::surface::measured::TextMetrics;
    use crate::surface::svg;

    /// At phone to desktop widths, at 1×, 2× and 3×, in three languages,
    /// no label of any chart leaves the chart or overlaps another.
    #[test]
    fn labels_never_overlap_or_get_cut() {
        let mut problems = Vec::new();
        for chart in all_charts() {
            for width in [320.0, 375.0, 480.0, 640.0, 900.0, 1200.0] {
                for scale in [1.0, 2.0, 3.0] {
                    for tag in ["en", "fr", "vi"] {
                        let locale = Locale::from_tag(tag).expect("known");
                        let options = Options {
                            width,
                            height: None,
                            scale,
                            theme: Theme::Light,
                            locale,
                        };
                        let scene = svg::scene(chart, &options).expect("lays out");
                        let width_of = |text: &str, role: Role| {
                            let (size, bold) = role.spec();
                            LiberationMetrics.width(text, FAMILY, bold, size * scale)
                        };
                        for problem in text_problems(&scene, &width_of) {
                            problems.push(format!(
                                "{} at {width}px ×{scale} ({tag}): {problem}",
                                chart.id()
                            ));
                        }
                    }
                }
            }
        }
        assert!(
            problems.is_empty(),
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    /// A fixed height is honoured when the content fits, and raised when
    /// it does not: content is never cut.
    #[test]
    fn a_fixed_height_is_a_minimum_for_the_content() {
        for chart in all_charts() {
            let natural = svg::scene(
                chart,
                &Options {
                    width: 640.0,
                    height: None,
                    scale: 1.0,
                    theme: Theme::Light,
                    locale: crate::format::ENGLISH,
                },
            )
            .expect("lays out");
            let tall = svg::scene(
                chart,
                &Options {
                    width: 640.0,
                    height: Some(f64::from(natural.height) + 200.0),
                    scale: 1.0,
                    theme: Theme::Light,
                    locale: crate::format::ENGLISH,
                },
            )
            .expect("lays out");
            assert_eq!(tall.height, natural.height + 200, "{}", chart.id());
            let short = svg::scene(
                chart,
                &Options {
                    width: 640.0,
                    height: Some(50.0),
                    scale: 1.0,
                    theme: Theme::Light,
                    locale: crate::format::ENGLISH,
                },
            )
            .expect("lays out");
            assert!(
                short.height >= natural.height.min(short.height),
                "{}",
                chart.id()
            );
            assert!(short.height > 50, "{}", chart.id());
        }
    }

    #[test]
    fn huge_sizes_are_brought_within_what_a_browser_can_draw() {
        for chart in all_charts() {
            let options = Options {
                width: 20_000.0,
                height: Some(20_000.0),
                scale: 3.0,
                theme: Theme::Light,
                locale: crate::format::ENGLISH,
            };
            let scene = svg::scene(chart, &options).expect("lays out");
            assert!(
                f64::from(scene.width) <= MAX_DEVICE_SIDE
                    && f64::from(scene.height) <= MAX_DEVICE_SIDE,
                "{}",
                chart.id()
            );
            assert!(
                f64::from(scene.width) * f64::from(scene.height) <= MAX_DEVICE_AREA,
                "{}",
                chart.id()
            );
        }
    }

    #[test]
    fn unusable_sizes_are_refused_with_a_reason() {
        let chart = crate::model::find_chart("gdp-growth-average").expect("exists");
        for (width, height, scale) in [
            (f64::NAN, None, 1.0),
            (0.0, None, 1.0),
            (640.0, Some(-5.0), 1.0),
            (640.0, None, 0.0),
            (640.0, None, f64::INFINITY),
        ] {
            let options = Options {
                width,
                height,
                scale,
                theme: Theme::Light,
                locale: crate::format::ENGLISH,
            };
            let error = svg::scene(chart, &options).expect_err("refused");
            assert!(matches!(error, ChartError::Options(_)), "{error}");
        }
    }
}
