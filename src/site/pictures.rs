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
use crate::theme::Theme;

/// The widths, in CSS pixels, a picture holds a layout for: each is shown
/// from its width up to the next. Close together at phones' columns (328,
/// 358 and 380 px are the columns of 360, 390 and 412 px screens with 16 px
/// margins), where a layout shown wider than it was made shrinks to keep
/// its height, and about 20% apart beyond; below the first, the first
/// shrinks to fit.
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

/// The responsive SVG of `chart` (see the module's doc), in the light theme.
pub fn responsive_svg(chart: Chart, rule: &BoxRule) -> Result<String, ChartError> {
    let options = |width: f64| Options {
        height: Some(rule.height(width)),
        ..Options::new(width, Theme::Light)
    };
    let mut queries = String::new();
    let mut layouts = String::new();
    let mut background = String::new();
    for (index, &width) in LAYOUT_WIDTHS.iter().enumerate() {
        let (marks, scene) = render_marks(chart, &options(width))?;
        if let Some(color) = scene.background {
            background = color.hex();
        }
        let below = match LAYOUT_WIDTHS.get(index + 1) {
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
         <style>svg svg{{display:none}}{queries}</style>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{background}\"/>\n{layouts}</svg>\n",
        label_attributes(chart),
        label_elements(chart, &Options::new(NATURAL_WIDTH, Theme::Light)),
    ))
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
