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
    let (marks, scene) = render_marks(chart, options)?;
    Ok((accessible(&marks, chart, options, &scene), scene))
}

/// The marks of `chart` laid out for `options`, as SVG elements (what goes
/// inside an `<svg>` of the scene's size), and the scene.
pub fn render_marks(chart: Chart, options: &Options) -> Result<(String, Scene), ChartError> {
    let scene = layout(chart, options, &LiberationMetrics)?;
    let mut body = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut body, (scene.width, scene.height));
        paint(&mut backend, &scene, PLACEMENT)?;
    }
    // plotters writes its own <svg …> around the marks: keep what is inside.
    let inside = body
        .find('>')
        .map_or(body.as_str(), |end| &body[end + 1..])
        .trim_start();
    let inside = inside
        .rfind("</svg>")
        .map_or(inside, |end| &inside[..end])
        .trim_end();
    Ok((tidy_font_sizes(inside), scene))
}

/// The marks with every `font-size` rounded to two decimals: the division
/// by 1.24 (see [`PLACEMENT`]) leaves sizes such as 13.499999999999998.
fn tidy_font_sizes(marks: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(marks.len());
    let mut rest = marks;
    while let Some(start) = rest.find(KEY) {
        let value_start = start + KEY.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        match rest[..end].parse::<f64>() {
            Ok(size) => {
                let rounded = format!("{size:.2}");
                out.push_str(rounded.trim_end_matches('0').trim_end_matches('.'));
            }
            Err(_) => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The marks in an `<svg>` that is an accessible, scalable image, with the
/// chart's title and description.
fn accessible(marks: &str, chart: Chart, options: &Options, scene: &Scene) -> String {
    let (width, height) = (scene.width, scene.height);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {}>\n{}\n{marks}\n</svg>\n",
        label_attributes(chart),
        label_elements(chart, options)
    )
}

/// The attributes that make an `<svg>` an image labelled by its title and
/// description ([`label_elements`]).
pub fn label_attributes(chart: Chart) -> String {
    let id = chart.id();
    format!("role=\"img\" aria-labelledby=\"{id}-svg-title {id}-svg-desc\"")
}

/// The `<title>` and `<desc>` of an SVG of `chart`: its title, and its text
/// alternative (which states the figure).
pub fn label_elements(chart: Chart, options: &Options) -> String {
    let id = chart.id();
    format!(
        "<title id=\"{id}-svg-title\">{}</title>\n<desc id=\"{id}-svg-desc\">{}</desc>",
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

#[cfg(test)]
mod tests {
    #[test]
    fn font_sizes_are_rounded_to_two_decimals() {
        assert_eq!(
            super::tidy_font_sizes(
                "<text font-size=\"13.499999999999998\" x=\"1\">a</text><text font-size=\"12\">b</text>"
            ),
            "<text font-size=\"13.5\" x=\"1\">a</text><text font-size=\"12\">b</text>"
        );
    }
}
