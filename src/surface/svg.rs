//! SVG renders of the charts, by the same layout and paint as the canvas,
//! through plotters' SVG backend: for download, and for the static image a
//! page shows before (or without) the WASM. The SVG is an accessible image:
//! `role="img"` with a `<title>` and a `<desc>` that state the figure.

use plotters::prelude::*;

use super::fonts::LiberationMetrics;
use super::measured::Measured;
use crate::charts::{ChartError, FAMILY, Options, Scene, Typeface, layout, paint};
use crate::describe::alt_text;
use crate::model::Chart;

/// plotters' SVG backend writes `font-size = size / 1.24`; this factor makes
/// the written size the em size the canvas uses.
pub const TYPEFACE: Typeface = Typeface {
    family: FAMILY,
    size_factor: 1.24,
};

/// The SVG backend, measuring text with the committed Liberation Sans.
fn backend(out: &mut String, size: (u32, u32)) -> Measured<SVGBackend<'_>, LiberationMetrics> {
    Measured::new(
        SVGBackend::with_string(out, size),
        LiberationMetrics,
        TYPEFACE.size_factor,
        0.0,
    )
}

/// Lays `chart` out as the SVG surface measures it.
pub fn scene(chart: Chart, options: &Options) -> Result<Scene, ChartError> {
    let mut scratch = String::new();
    let area = backend(&mut scratch, (1, 1)).into_drawing_area();
    layout(&area, chart, options, TYPEFACE)
}

/// A standalone SVG document of `chart`, and the scene it draws (for its
/// size). Its size is the scene's size in CSS pixels; it scales down to
/// narrower containers.
pub fn render(chart: Chart, options: &Options) -> Result<(String, Scene), ChartError> {
    let scene = scene(chart, options)?;
    let mut body = String::new();
    {
        let area = backend(&mut body, (scene.width, scene.height)).into_drawing_area();
        paint(&area, &scene, TYPEFACE)?;
    }
    Ok((accessible(&body, chart, options, &scene), scene))
}

/// Replaces plotters' opening `<svg>` tag with one that is an accessible,
/// scalable image, and adds the title and description.
fn accessible(body: &str, chart: Chart, options: &Options, scene: &Scene) -> String {
    let content = body
        .find('>')
        .map_or(body, |end| &body[end + 1..])
        .trim_start();
    let id = chart.id();
    let (width, height) = (scene.width, scene.height);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-svg-title {id}-svg-desc\">\n\
         <title id=\"{id}-svg-title\">{}</title>\n<desc id=\"{id}-svg-desc\">{}</desc>\n{content}",
        escape(chart.title()),
        escape(&alt_text(chart, &options.locale)),
    )
}

/// Text as XML character data.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}
