//! Chart layout: a chart, the options it is shown with and something that
//! measures text go in, a [`Scene`] comes out — marks in device pixels and
//! the hotspots a reader can reach. Layout knows nothing of plotters or the
//! browser; `crate::paint` draws a scene on any plotters backend.
//!
//! Every chart shares one frame: title, subtitle (unit and period), the
//! plot (one module per chart kind in `plots`), notes, and a footer
//! `Source: <citation> · <text>`.

mod builder;
pub mod hedges;
pub mod measure;
mod plots;
mod scene;
pub mod value_scale;

use std::fmt;

use crate::format::{Locale, for_message};
use crate::model::Chart;
use crate::theme::{Palette, Theme};
use crate::words;
pub use builder::SceneBuilder;
pub use measure::MeasureText;
pub use plots::TIMELINE_JUMP_YEARS;
pub use scene::{Align, Hotspot, Mark, Role, Scene};

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
    pub pixel_ratio: f64,
    pub palette: Palette,
    /// Leave the background unpainted (the host's shows through);
    /// `palette.background` is then the colour behind the chart.
    pub transparent: bool,
    pub locale: Locale,
}

impl Options {
    /// A chart `width` CSS pixels wide, as tall as it needs, in `theme`, in
    /// English, at one device pixel per CSS pixel.
    pub fn new(width: f64, theme: Theme) -> Options {
        Options {
            width,
            height: None,
            pixel_ratio: 1.0,
            palette: theme.palette(),
            transparent: false,
            locale: crate::format::ENGLISH,
        }
    }
}

/// The largest width or height, in CSS pixels, a chart is laid out at;
/// a larger container gets a chart this wide.
pub const MAX_CSS_SIZE: f64 = 16_384.0;
/// The narrowest a chart is laid out; narrower containers get this width.
pub const MIN_CSS_WIDTH: f64 = 120.0;
/// The largest pixel ratio honoured (print resolution is about 4).
pub const MAX_PIXEL_RATIO: f64 = 8.0;
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
        if !usable(self.pixel_ratio) {
            return Err(ChartError::Options(format!(
                "pixel ratio {} is not usable; give a positive number, such as window.devicePixelRatio",
                for_message(self.pixel_ratio)
            )));
        }
        // Constant bounds: `clamp`'s check folds away. (With bounds known
        // only at run time, its panic message would pull Rust's float
        // formatting into the WASM; plots write `max(..).min(..)` there.)
        let width = self.width.clamp(MIN_CSS_WIDTH, MAX_CSS_SIZE);
        let height = self.height.map(|h| h.min(MAX_CSS_SIZE));
        let largest_side = width.max(height.unwrap_or(0.0));
        let pixel_ratio = self
            .pixel_ratio
            .min(MAX_PIXEL_RATIO)
            .min(MAX_DEVICE_SIDE / largest_side);
        Ok(Options {
            width,
            height,
            pixel_ratio,
            ..self
        })
    }
}

/// Why a chart could not be laid out or drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The options were unusable; the message says which and why.
    Options(String),
    /// The surface could not measure text.
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

/// Lays `chart` out for `options`, with text measured by `measure`. A chart
/// that would have more device pixels than a browser can draw is laid out
/// again at a lower pixel ratio.
pub fn layout(
    chart: Chart,
    options: &Options,
    measure: &dyn MeasureText,
) -> Result<Scene, ChartError> {
    layout_with(chart, options, measure, Notes::Shown)
}

/// What a chart is laid out for. On a page it sets its notes under the
/// plot, and a fixed height too small for it is raised. A share card
/// leaves the notes to the page it links to (a card is read in a feed, at
/// a glance), and its plot is fitted to the height, down to its least.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    Shown,
    Left,
}

/// [`layout`], for a page (`Notes::Shown`) or a card (`Notes::Left`).
pub fn layout_with(
    chart: Chart,
    options: &Options,
    measure: &dyn MeasureText,
    notes: Notes,
) -> Result<Scene, ChartError> {
    let options = options.checked()?;
    let scene = layout_checked(chart, &options, measure, notes)?;
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
        pixel_ratio: options.pixel_ratio * shrink * 0.9,
        ..options
    };
    layout_checked(chart, &smaller, measure, notes)
}

fn layout_checked(
    chart: Chart,
    options: &Options,
    measure: &dyn MeasureText,
    shown: Notes,
) -> Result<Scene, ChartError> {
    let mut scene = SceneBuilder::new(
        measure,
        options.pixel_ratio,
        options.palette,
        options.locale,
    );
    let width = scene.px(options.width);
    let requested_height = options.height.map(|h| scene.px(h));
    let pad = scene.px(if options.width < 400.0 { 12.0 } else { 16.0 });
    let inner = width - 2 * pad;
    let palette = options.palette;

    let mut y = pad;
    y = scene.paragraph(pad, y, inner, chart.title(), Role::Title, palette.text)?;
    y += scene.px(2.0);
    y = scene.paragraph(
        pad,
        y,
        inner,
        &words::subtitle(chart, &options.locale),
        Role::Subtitle,
        palette.muted,
    )?;
    y += scene.px(14.0);

    let notes = match shown {
        Notes::Shown => words::notes(chart),
        Notes::Left => Vec::new(),
    };
    let source = words::source_line(chart);
    let gap = scene.px(12.0);
    let mut below = gap + pad;
    for note in &notes {
        below += scene.paragraph_height(inner, note, Role::Small)?;
    }
    below += scene.px(4.0) + scene.paragraph_height(inner, &source, Role::Small)?;

    let available = requested_height.map(|h| h - y - below);
    let plot = plots::Area {
        x: pad,
        y,
        width: inner,
        height: available,
        fitted: shown == Notes::Left,
    };
    let used = plots::lay_out(&mut scene, chart, plot)?;

    let mut y = y + used + gap;
    for note in &notes {
        y = scene.paragraph(pad, y, inner, note, Role::Small, palette.muted)?;
    }
    y += scene.px(4.0);
    y = scene.paragraph(pad, y, inner, &source, Role::Small, palette.muted)?;
    let natural = y + pad;
    let height = match requested_height {
        // The box a page reserves (src/site/boxes.rs) is fitted at whole
        // pixel ratios; at others (2.625) rounding each line to device
        // pixels can need a pixel more. The bottom margin gives it, so the
        // canvas fills the box exactly and is not resampled.
        Some(requested) if natural > requested && natural - requested <= scene.px(1.0) => requested,
        Some(requested) => natural.max(requested),
        None => natural,
    };
    Ok(scene.finish(width, height, !options.transparent))
}

#[cfg(test)]
pub mod checks;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::checks::text_problems;
    use super::measure::FixedWidth;
    use super::*;
    use crate::model::{all_charts, find_chart};
    use crate::surface::fonts::LiberationMetrics;

    fn options(width: f64) -> Options {
        Options::new(width, Theme::Light)
    }

    /// At phone to desktop widths, at 1×, 2× and 3×, in three languages,
    /// no label of any chart leaves the chart or overlaps another, with the
    /// committed font's metrics and with a wide face (Verdana-like).
    #[test]
    fn labels_never_overlap_or_get_cut() {
        let wide = FixedWidth { em: 0.65 };
        let metrics: [&dyn MeasureText; 2] = [&LiberationMetrics, &wide];
        let mut problems = Vec::new();
        for chart in all_charts() {
            for width in [320.0, 375.0, 480.0, 640.0, 900.0, 1200.0] {
                for pixel_ratio in [1.0, 2.0, 3.0] {
                    for tag in ["en", "fr", "vi"] {
                        for measure in metrics {
                            let options = Options {
                                pixel_ratio,
                                locale: Locale::from_tag(tag).expect("known"),
                                ..options(width)
                            };
                            let scene = layout(chart, &options, measure).expect("lays out");
                            let width_of = |text: &str, role: Role| {
                                let (size, bold) = role.spec();
                                measure.width(text, size * pixel_ratio, bold)
                            };
                            for problem in text_problems(&scene, &width_of) {
                                problems.push(format!(
                                    "{} at {width}px ×{pixel_ratio} ({tag}, {}): {problem}",
                                    chart.id(),
                                    measure.family()
                                ));
                            }
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

    /// With characters of a known width the frame can be checked by hand:
    /// padding, the title's wrap, and text measured in the scene's pixels.
    #[test]
    fn the_frame_follows_the_measured_widths() {
        let chart = find_chart("gdp-growth-average").expect("exists");
        let measure = FixedWidth::default();
        let scene = layout(chart, &options(640.0), &measure).expect("lays out");
        assert_eq!(scene.font_family, "monospace");
        assert_eq!(scene.width, 640);
        // The title, bold 17 px: 8.5 × 1.1 = 9.35 px a character, on one
        // line at x = 16 (the padding of a chart 400 px wide or more).
        let title = scene
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Text {
                    text,
                    role: Role::Title,
                    x,
                    ..
                } => Some((text.as_str(), *x)),
                _ => None,
            })
            .expect("a title");
        assert_eq!(title, (chart.title(), 16));
        // At 2× everything doubles.
        let double = layout(
            chart,
            &Options {
                pixel_ratio: 2.0,
                ..options(640.0)
            },
            &measure,
        )
        .expect("lays out");
        assert_eq!(double.width, 1280);
        assert!(
            double.height.abs_diff(2 * scene.height) <= 8,
            "{} vs {}",
            double.height,
            scene.height
        );
        // Narrow enough, the title wraps onto more lines than at 640 px.
        let narrow = layout(chart, &options(160.0), &measure).expect("lays out");
        let title_lines = |scene: &Scene| {
            scene
                .marks
                .iter()
                .filter(|m| {
                    matches!(
                        m,
                        Mark::Text {
                            role: Role::Title,
                            ..
                        }
                    )
                })
                .count()
        };
        assert!(title_lines(&narrow) > title_lines(&scene));
    }

    /// A fixed height is honoured when the content fits, and raised to the
    /// content's own height when it does not: content is never cut.
    #[test]
    fn a_fixed_height_is_a_minimum_for_the_content() {
        for chart in all_charts() {
            let lay_out = |height: Option<f64>| {
                layout(
                    chart,
                    &Options {
                        height,
                        ..options(640.0)
                    },
                    &LiberationMetrics,
                )
                .expect("lays out")
            };
            let natural = lay_out(None);
            let tall = lay_out(Some(f64::from(natural.height) + 200.0));
            assert_eq!(tall.height, natural.height + 200, "{}", chart.id());
            let short = lay_out(Some(50.0));
            assert_eq!(short.height, natural.height, "{}", chart.id());
            assert_eq!(short.marks, natural.marks, "{}", chart.id());
        }
    }

    #[test]
    fn huge_sizes_are_brought_within_what_a_browser_can_draw() {
        for chart in all_charts() {
            let options = Options {
                height: Some(20_000.0),
                pixel_ratio: 3.0,
                ..options(20_000.0)
            };
            let scene = layout(chart, &options, &LiberationMetrics).expect("lays out");
            let (width, height) = (f64::from(scene.width), f64::from(scene.height));
            assert!(
                width <= MAX_DEVICE_SIDE && height <= MAX_DEVICE_SIDE,
                "{}",
                chart.id()
            );
            assert!(width * height <= MAX_DEVICE_AREA, "{}", chart.id());
        }
    }

    #[test]
    fn unusable_sizes_are_refused_with_a_reason() {
        let chart = find_chart("gdp-growth-average").expect("exists");
        for (width, height, pixel_ratio) in [
            (f64::NAN, None, 1.0),
            (0.0, None, 1.0),
            (640.0, Some(-5.0), 1.0),
            (640.0, None, 0.0),
            (640.0, None, f64::INFINITY),
        ] {
            let options = Options {
                height,
                pixel_ratio,
                ..options(width)
            };
            let error = layout(chart, &options, &LiberationMetrics).expect_err("refused");
            assert!(matches!(error, ChartError::Options(_)), "{error}");
        }
    }

    /// A transparent chart paints no background; halos keep the colour
    /// behind the chart.
    #[test]
    fn a_transparent_chart_leaves_the_background_unpainted() {
        let chart = find_chart("gdp-growth-average").expect("exists");
        let opaque = layout(chart, &options(640.0), &LiberationMetrics).expect("lays out");
        assert_eq!(opaque.background, Some(Theme::Light.palette().background));
        let clear = layout(
            chart,
            &Options {
                transparent: true,
                ..options(640.0)
            },
            &LiberationMetrics,
        )
        .expect("lays out");
        assert_eq!(clear.background, None);
        assert_eq!(clear.marks, opaque.marks);
    }
}
