//! The static picture of a chart that pages and embed codes show until the
//! canvas is drawn, and wherever it never is (scripts stripped or blocked,
//! a saved page, a reader view, a feed): one SVG holding the chart laid out
//! at several widths, in the box its [`BoxRule`] gives at the width it is
//! shown at, and the HTML that shows it.
//!
//! An SVG shown by an `<img>` evaluates its own media queries against the
//! image's box, so the picture shows the layout made for the width it is
//! shown at (a phone's column gets the chart wrapped for a phone, in text
//! of its real size), whatever the page around it. Each layout is made for
//! the narrowest width it is shown at, at the height the rule gives there,
//! and shown scaled to fit the box without distortion (`meet`), from its
//! top left, where the canvas will put its title.

use super::boxes::BoxRule;
use crate::layout::{ChartError, Options};
use crate::model::Chart;
use crate::surface::svg::{escape, label_attributes, label_elements, render_marks};
use crate::theme::{FONT_FAMILY, Theme};

/// The widths, in CSS pixels, a picture holds a layout for at least: each
/// is shown from its width up to the next. Close together at phones'
/// columns (328, 358 and 380 px are the columns of 360, 390 and 412 px
/// screens with 16 px margins), where a layout shown wider than it was made
/// shrinks to keep its height, and about 20% apart beyond; below the first,
/// the first shrinks to fit. A chart whose box falls steeply between two of
/// them gets more (see [`layout_widths`]).
pub const LAYOUT_WIDTHS: [f64; 10] = [
    300.0, 328.0, 356.0, 380.0, 430.0, 520.0, 620.0, 740.0, 880.0, 1060.0,
];

/// The width whose layout stands for the picture where no CSS sizes it (an
/// `<img>`'s `width` and `height` attributes): an article's column.
pub const NATURAL_WIDTH: f64 = 640.0;

/// Room, in CSS pixels, under the chart for the element's "Data table"
/// line, which appears with the canvas: the picture's box keeps it, so
/// nothing moves then.
pub const TABLE_LINE_ROOM: f64 = 30.0;

/// The least a layout may be scaled by where it is shown: 12 px text stays
/// above 10.5 px.
const LEAST_SCALE: f64 = 0.875;

/// How much a layout made at `made_at` is scaled to fit a box `width` wide,
/// as tall as `rule` says: the lesser of the two, so nothing is distorted.
fn scale(rule: &BoxRule, made_at: f64, width: f64) -> f64 {
    (width / made_at).min(rule.height(width) / rule.height(made_at))
}

/// The widths `rule`'s picture holds a layout for: [`LAYOUT_WIDTHS`], and
/// more between two of them wherever the box falls so steeply that the
/// narrower's layout would shrink below [`LEAST_SCALE`] before the next.
pub fn layout_widths(rule: &BoxRule) -> Vec<f64> {
    let mut widths = LAYOUT_WIDTHS.to_vec();
    let mut index = 0;
    while index + 1 < widths.len() {
        let (from, to) = (widths[index], widths[index + 1]);
        let shrinks = (0..)
            .map(|step| from + 2.0 * f64::from(step))
            .take_while(|w| *w < to)
            .any(|w| scale(rule, from, w) < LEAST_SCALE);
        if shrinks && to - from > 4.0 {
            widths.insert(index + 1, ((from + to) / 2.0).round());
        } else {
            index += 1;
        }
    }
    widths
}

/// The responsive SVG of `chart` (see the module's doc), in the light theme.
pub fn responsive_svg(chart: Chart, rule: &BoxRule) -> Result<String, ChartError> {
    let options = |width: f64| Options {
        height: Some(rule.height(width)),
        ..Options::new(width, Theme::Light)
    };
    let mut queries = String::new();
    let mut layouts = String::new();
    let mut background = String::new();
    let widths = layout_widths(rule);
    for (index, &width) in widths.iter().enumerate() {
        let (marks, scene) = render_marks(chart, &options(width))?;
        let marks = compact(&marks);
        if let Some(color) = scene.background {
            background = color.hex();
        }
        let below = match widths.get(index + 1) {
            // A hundredth of a pixel below the next: box widths are
            // fractional, and every width must match one query.
            Some(next) => format!(" and (max-width: {}px)", next - 0.01),
            None => String::new(),
        };
        let above = if index == 0 {
            String::new()
        } else {
            format!("(min-width: {width}px)")
        };
        let query = match (above.is_empty(), below.is_empty()) {
            (true, true) => "all".to_string(),
            (true, false) => below.trim_start_matches(" and ").to_string(),
            (false, _) => format!("{above}{below}"),
        };
        queries.push_str(&format!("@media {query}{{.w{index}{{display:inline}}}}"));
        layouts.push_str(&format!(
            "<svg class=\"w{index}\" viewBox=\"0 0 {} {}\" preserveAspectRatio=\"xMinYMin meet\">\n{marks}\n</svg>\n",
            scene.width, scene.height
        ));
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"100%\" {}>\n{}\n\
         <style>svg svg{{display:none}}text{{font-family:{}}}{queries}</style>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{background}\"/>\n{layouts}</svg>\n",
        label_attributes(chart),
        label_elements(chart, &Options::new(NATURAL_WIDTH, Theme::Light)),
        FONT_FAMILY,
    ))
}

/// plotters' SVG marks with what every one of them repeats taken out: the
/// typeface (set once, in the picture's stylesheet), default values
/// (`opacity="1"`, `stroke="none"`, `text-anchor="start"`), and font sizes
/// to a hundredth of a pixel. A picture holds ten layouts of a chart, and
/// is what a reader on a slow connection waits for first.
fn compact(marks: &str) -> String {
    let family = format!(
        " font-family=\"{}\"",
        escape(FONT_FAMILY).replace('\'', "&apos;")
    );
    let mut out = marks
        .replace(&family, "")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\" stroke-width=\"1\"", "")
        .replace(" stroke=\"none\"", "")
        .replace(" text-anchor=\"start\"", "");
    // font-size="13.499999999999998" → font-size="13.5"
    let mut rounded = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("font-size=\"") {
        let (before, after) = rest.split_at(at + "font-size=\"".len());
        rounded.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        match after[..end].parse::<f64>() {
            Ok(size) => rounded.push_str(&format!("{}", (size * 100.0).round() / 100.0)),
            Err(_) => rounded.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    rounded.push_str(rest);
    out = rounded;
    out
}

/// Where the site keeps `id`'s picture.
pub fn picture_path(id: &str) -> String {
    format!("charts/{id}.picture.svg")
}

/// Where a picture's HTML points.
pub struct PictureLinks<'a> {
    /// The responsive SVG.
    pub src: &'a str,
    /// The chart's page, which the picture links to.
    pub href: &'a str,
}

/// The HTML of a chart's picture: a link to the chart's page, as tall as
/// the rule says at the width of whatever holds it (plus the data table's
/// line), holding the responsive SVG. Inline styles only, so that it holds
/// its box wherever it is pasted, before any stylesheet or script; the
/// image's `width` and `height` (the layout at an article's width) size it
/// where a reader view or a sanitiser drops the styles.
pub fn picture_html(rule: &BoxRule, alt: &str, links: &PictureLinks<'_>) -> String {
    let natural_height = rule.height(NATURAL_WIDTH).round();
    format!(
        "<a href=\"{}\" style=\"display:block;position:relative;height:0;padding-top:calc({} + {TABLE_LINE_ROOM}px)\">\
         <img src=\"{}\" alt=\"{}\" width=\"{NATURAL_WIDTH}\" height=\"{natural_height}\" \
         style=\"position:absolute;top:0;left:0;width:100%;height:calc(100% - {TABLE_LINE_ROOM}px)\"></a>",
        escape(links.href),
        rule.css(),
        escape(links.src),
        escape(alt),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::all_charts;
    use crate::site::boxes;

    /// Reads back, from a picture's SVG, the layout each box width shows:
    /// its media queries' ranges, and each layout's viewBox and smallest
    /// font size.
    struct Layout {
        min_width: f64,
        max_width: f64,
        view: (f64, f64),
        smallest_text: f64,
    }

    fn layouts(svg: &str, count: usize) -> Vec<Layout> {
        let number_after = |text: &str, key: &str| -> Option<f64> {
            let at = text.find(key)? + key.len();
            let digits: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            digits.parse().ok()
        };
        (0..count)
            .map(|index| {
                let class = format!(".w{index}{{");
                let query_end = svg.find(&class).expect("a media query per layout");
                let query_start = svg[..query_end].rfind("@media").expect("@media");
                let query = &svg[query_start..query_end];
                let open = format!("<svg class=\"w{index}\"");
                let start = svg.find(&open).expect("a layout per width");
                let end = start + svg[start..].find("</svg>").expect("closed");
                let layout = &svg[start..end];
                let view_box = &layout[layout.find("viewBox=\"0 0 ").expect("viewBox") + 13..];
                let mut sizes = view_box.split(['"', ' ']).map(|n| n.parse::<f64>());
                let view = (
                    sizes.next().and_then(Result::ok).expect("width"),
                    sizes.next().and_then(Result::ok).expect("height"),
                );
                let smallest_text = layout
                    .match_indices("font-size=\"")
                    .filter_map(|(at, _)| number_after(&layout[at..], "font-size=\""))
                    .fold(f64::MAX, f64::min);
                Layout {
                    min_width: number_after(query, "min-width: ").unwrap_or(0.0),
                    max_width: number_after(query, "max-width: ").unwrap_or(f64::MAX),
                    view,
                    smallest_text,
                }
            })
            .collect()
    }

    /// At any box width exactly one layout shows, and it is the one made for
    /// the widest width not wider than the box (or the narrowest, below it).
    #[test]
    fn every_width_shows_one_layout() {
        for chart in all_charts() {
            let rule = boxes::rule(chart.id()).expect("fits");
            let widths = layout_widths(rule);
            let svg = responsive_svg(chart, rule).expect("renders");
            let layouts = layouts(&svg, widths.len());
            assert!(!svg.contains(&format!("class=\"w{}\"", widths.len())));
            for width in (200..1600).map(|w| f64::from(w) + 0.5) {
                let shown: Vec<f64> = layouts
                    .iter()
                    .filter(|l| l.min_width <= width && width <= l.max_width)
                    .map(|l| l.view.0)
                    .collect();
                let expected = widths
                    .iter()
                    .rev()
                    .find(|w| **w <= width)
                    .unwrap_or(&widths[0]);
                assert_eq!(shown, [*expected], "{} at {width} px", chart.id());
            }
        }
    }

    /// The picture in its box at a phone's column is legible: shown to fit
    /// the box (the rule's height at that width) without distortion, no text
    /// is smaller than 10 CSS pixels from a 320 px column up.
    #[test]
    fn a_picture_at_a_phone_s_width_is_legible() {
        for chart in all_charts() {
            let rule = boxes::rule(chart.id()).expect("fits");
            let svg = responsive_svg(chart, rule).expect("renders");
            let layouts = layouts(&svg, layout_widths(rule).len());
            for width in (320..=1280).step_by(2).map(f64::from) {
                let layout = layouts
                    .iter()
                    .find(|l| l.min_width <= width && width <= l.max_width)
                    .expect("a layout shows");
                let scale = (width / layout.view.0).min(rule.height(width) / layout.view.1);
                let text = layout.smallest_text * scale;
                assert!(
                    text >= 10.0,
                    "{} at {width} px: text of {text:.1} px (the {} px layout at ×{scale:.2})",
                    chart.id(),
                    layout.view.0
                );
            }
        }
    }
}
