//! SVG renders of the charts, by the same layout and paint as the canvas,
//! through plotters' SVG backend: for download, and for the static picture
//! a page shows before (or without) the WASM. Text is measured with the
//! committed Liberation Sans, which has Arial's metrics. The SVG is an
//! accessible image: `role="img"` with a `<title>` and a `<desc>` that
//! state the figure.

use plotters::prelude::*;

use super::fonts::LiberationMetrics;
use crate::describe::alt_text;
use crate::layout::{ChartError, Options, Scene, layout};
use crate::model::Chart;
use crate::paint::{TextPlacement, paint};

/// plotters' SVG backend writes `font-size = size / 1.24`: this makes the
/// written size the em size the canvas uses.
const PLACEMENT: TextPlacement = TextPlacement {
    size_factor: 1.24,
    top_offset_em: 0.0,
};

/// A standalone SVG document of `chart`, and the scene it draws (for its
/// size). Its size is the scene's size in CSS pixels; it scales down to
/// narrower containers.
pub fn render(chart: Chart, options: &Options) -> Result<(String, Scene), ChartError> {
    let scene = layout(chart, options, &LiberationMetrics)?;
    let mut body = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut body, (scene.width, scene.height));
        paint(&mut backend, &scene, PLACEMENT)?;
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

/// Text as XML character data or an attribute value.
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
