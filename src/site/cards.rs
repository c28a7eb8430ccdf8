//! Share cards: each chart as a 1200×630 PNG, the picture a social network
//! shows for a shared link (`og:image`, Twitter's large summary card) and
//! the oEmbed thumbnail. Drawn at build time by the bitmap surface with the
//! committed fonts, the same bytes on every machine.
//!
//! A card is designed for a feed, where it is seen small: one fixed scale
//! ([`SCALE`]) for every card, so that a title is 28 px and no text is
//! under 18 px on any of them; one margin ([`MARGIN`]); the site's name at
//! the top of each. A chart is laid out for the card's space at that
//! scale, its notes left to the page the card links to. The timeline,
//! a tall list on a page, gets a card of its own: its events to scale
//! along one line.

use crate::format::ENGLISH;
use crate::layout::{
    Align, ChartError, Mark, Notes, Options, Role, Scene, SceneBuilder, layout_with,
};
use crate::model::{self, Chart, Text, Timeline};
use crate::surface::bitmap::{self, Image};
use crate::surface::fonts::LiberationMetrics;
use crate::theme::Theme;
use crate::words::source_line;

/// The card's size in pixels: what Open Graph consumers and Twitter's
/// `summary_large_image` ask for (1.91:1).
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// Device pixels per CSS pixel on every card: the title (17 CSS px) is
/// then 28 px, and the smallest text (12 CSS px) 19.8 px.
pub const SCALE: f64 = 1.65;
/// The card's margin on every side, in pixels.
pub const MARGIN: i32 = 40;
/// The type scale a card keeps, in pixels: what a feed's thumbnail, shown
/// at about half size, still lets a reader read.
pub const MIN_TITLE_PX: f64 = 28.0;
pub const MIN_TEXT_PX: f64 = 18.0;

/// A chart's own padding at [`SCALE`]: its scene is placed so that its
/// content starts at the card's margin.
fn chart_pad() -> i32 {
    (16.0 * SCALE).round() as i32
}

/// `chart`'s card as a scene of 1200×630 pixels: the site's name, then
/// the chart laid out for the space below it.
pub fn compose(chart: Chart) -> Result<Scene, ChartError> {
    let palette = Theme::Light.palette();
    let mut card = SceneBuilder::new(&LiberationMetrics, SCALE, palette, ENGLISH);
    let (width, height) = (CARD_WIDTH as i32, CARD_HEIGHT as i32);
    card.text(
        MARGIN,
        MARGIN,
        super::SITE_NAME,
        Role::Subtitle,
        palette.muted,
        Align::Left,
    );
    let top = MARGIN + card.line_height(Role::Subtitle) + card.px(6.0);
    card.hrule(MARGIN, width - MARGIN, top, card.px(1.0), palette.grid);
    let content_top = top + card.px(10.0);
    let inner = match chart {
        Chart::Timeline(timeline) => timeline_card(timeline, (width, height), content_top)?,
        Chart::Indicator(_) => {
            let pad = chart_pad();
            let space = height - MARGIN + pad - (content_top - pad);
            let options = Options {
                pixel_ratio: SCALE,
                height: Some(f64::from(space) / SCALE),
                ..Options::new(f64::from(width - 2 * (MARGIN - pad)) / SCALE, Theme::Light)
            };
            let scene = layout_with(chart, &options, &LiberationMetrics, Notes::Left)?;
            if scene.height as i32 > space {
                return Err(ChartError::Options(format!(
                    "{} needs {} px, more than the card's {space}",
                    chart.id(),
                    scene.height
                )));
            }
            shifted(scene.marks, MARGIN - pad, content_top - pad)
        }
    };
    let mut scene = card.finish(width, height, true);
    scene.marks.extend(inner);
    Ok(scene)
}

/// `marks` moved by (`dx`, `dy`).
fn shifted(marks: Vec<Mark>, dx: i32, dy: i32) -> Vec<Mark> {
    let point = |(x, y): (i32, i32)| (x + dx, y + dy);
    marks
        .into_iter()
        .map(|mark| match mark {
            Mark::Rect {
                x0,
                y0,
                x1,
                y1,
                color,
            } => Mark::Rect {
                x0: x0 + dx,
                y0: y0 + dy,
                x1: x1 + dx,
                y1: y1 + dy,
                color,
            },
            Mark::Text {
                x,
                y,
                text,
                role,
                color,
                align,
            } => Mark::Text {
                x: x + dx,
                y: y + dy,
                text,
                role,
                color,
                align,
            },
            Mark::Circle {
                x,
                y,
                radius,
                color,
            } => Mark::Circle {
                x: x + dx,
                y: y + dy,
                radius,
                color,
            },
            Mark::Polygon { points, color } => Mark::Polygon {
                points: points.into_iter().map(point).collect(),
                color,
            },
            Mark::Path {
                points,
                width,
                color,
            } => Mark::Path {
                points: points.into_iter().map(point).collect(),
                width,
                color,
            },
        })
        .collect()
}

/// The timeline's card: its title, its events to scale along one line
/// (decades marked, one mark per event, stacked where a year has several),
/// the key to the two texts, and the source line. The events' words are on
/// the page the card links to; a feed has room for their shape only.
fn timeline_card(
    timeline: &'static Timeline,
    (width, height): (i32, i32),
    top: i32,
) -> Result<Vec<Mark>, ChartError> {
    let palette = Theme::Light.palette();
    let mut scene = SceneBuilder::new(&LiberationMetrics, SCALE, palette, ENGLISH);
    let inner = width - 2 * MARGIN;
    let mut y = scene.paragraph(
        MARGIN,
        top,
        inner,
        timeline.title,
        Role::Title,
        palette.text,
    )?;
    let (Some(first), Some(last)) = (timeline.events.first(), timeline.events.last()) else {
        return Ok(scene.finish(width, height, false).marks);
    };
    let summary = format!(
        "{} dated events, {}\u{2013}{}, drawn to scale; each, with its sentence, on the chart\u{2019}s page",
        timeline.events.len(),
        first.date.year,
        last.date.year
    );
    y = scene.paragraph(MARGIN, y, inner, &summary, Role::Subtitle, palette.muted)?;

    // Years to scale, from the decade before the first to the one after
    // the last event.
    let start = first.date.year / 10 * 10;
    let end = last.date.year.div_ceil(10) * 10;
    let span = f64::from(end.saturating_sub(start).max(1));
    let at = |year: f64| MARGIN + ((year - f64::from(start)) / span * f64::from(inner)) as i32;
    let when = |e: &model::Event| {
        f64::from(e.date.year) + f64::from(e.date.month.unwrap_or(1).saturating_sub(1)) / 12.0
    };
    let texts: Vec<&'static Text> = {
        let mut texts: Vec<&'static Text> = Vec::new();
        for event in timeline.events {
            if !texts.iter().any(|t| t.id == event.text) {
                texts.push(model::text(event.text));
            }
        }
        texts
    };
    let radius = scene.px(6.0);
    let step = 2 * radius + scene.px(3.0);
    let most_in_a_year = (start..=end)
        .map(|year| {
            timeline
                .events
                .iter()
                .filter(|e| e.date.year == year)
                .count()
        })
        .max()
        .unwrap_or(1) as i32;
    let axis_y = y + scene.px(16.0) + most_in_a_year * step;
    let mut stacked: Vec<(u16, i32)> = Vec::new();
    for event in timeline.events {
        let x = at(when(event));
        let level = stacked
            .iter()
            .filter(|(year, _)| *year == event.date.year)
            .count() as i32;
        stacked.push((event.date.year, x));
        let cy = axis_y - radius - scene.px(4.0) - level * step;
        let second = texts.iter().position(|t| t.id == event.text).unwrap_or(0) > 0;
        if second {
            scene.rect(
                x - radius,
                cy - radius,
                x + radius,
                cy + radius,
                palette.secondary,
            );
        } else {
            scene.circle(x, cy, radius, palette.primary);
        }
    }
    scene.hrule(
        MARGIN,
        MARGIN + inner,
        axis_y,
        scene.px(1.5).max(1),
        palette.axis,
    );
    let axis_line = scene.line_height(Role::Small);
    for decade in (start..=end).step_by(10) {
        let x = at(f64::from(decade));
        scene.rect(
            x,
            axis_y,
            x + scene.px(1.0).max(1),
            axis_y + scene.px(6.0),
            palette.axis,
        );
        let align = if decade == start {
            Align::Left
        } else if decade == end {
            Align::Right
        } else {
            Align::Center
        };
        scene.text(
            x,
            axis_y + scene.px(8.0),
            decade.to_string(),
            Role::Small,
            palette.muted,
            align,
        );
    }
    y = axis_y + scene.px(8.0) + axis_line + scene.px(14.0);

    // The key: which mark is which text.
    let mut x = MARGIN;
    for (index, text) in texts.iter().enumerate() {
        let middle = y + axis_line / 2;
        if index == 0 {
            scene.circle(x + radius, middle, radius, palette.primary);
        } else {
            scene.rect(
                x,
                middle - radius,
                x + 2 * radius,
                middle + radius,
                palette.secondary,
            );
        }
        let name = text.short_reference();
        let name_width = scene.measure(&name, Role::Small)?;
        scene.text(
            x + 2 * radius + scene.px(6.0),
            y,
            name,
            Role::Small,
            palette.muted,
            Align::Left,
        );
        x += 2 * radius + scene.px(6.0) + name_width + scene.px(20.0);
    }
    y += axis_line + scene.px(10.0);
    let source = source_line(Chart::Timeline(timeline));
    y = scene.paragraph(MARGIN, y, inner, &source, Role::Small, palette.muted)?;
    if y > height - MARGIN {
        return Err(ChartError::Options(format!(
            "the timeline's card needs {y} px, more than {}",
            height - MARGIN
        )));
    }
    Ok(scene.finish(width, height, false).marks)
}

/// `chart`'s share card.
pub fn render(chart: Chart) -> Result<Image, ChartError> {
    bitmap::paint_scene(&compose(chart)?)
}

/// `chart`'s share card as PNG bytes.
pub fn png(chart: Chart) -> Result<Vec<u8>, super::SiteError> {
    let card =
        render(chart).map_err(|e| format!("drawing the share card of {}: {e}", chart.id()))?;
    Ok(card
        .to_png()
        .map_err(|e| format!("encoding the share card of {}: {e}", chart.id()))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{all_charts, find_chart};

    /// Pixels that are not the card's background colour (its top-left pixel).
    fn drawn_pixels(card: &Image) -> usize {
        let background = &card.rgb[..3];
        card.rgb.chunks(3).filter(|p| *p != background).count()
    }

    #[test]
    fn every_card_is_1200_by_630_and_drawn_on() {
        for chart in all_charts() {
            let bytes = png(chart).expect("renders");
            let card = Image::from_png(&bytes).expect("decodes");
            assert_eq!((card.width, card.height), (1200, 630), "{}", chart.id());
            // A chart has a title, a source line and its figure: thousands
            // of pixels of ink, never a blank card.
            let drawn = drawn_pixels(&card);
            assert!(drawn > 10_000, "{}: only {drawn} pixels drawn", chart.id());
        }
    }

    /// Every card keeps the type scale: its title (and only a title) at
    /// 28 px or more, every other text at 18 px or more; and its margin:
    /// no text starts left of it or runs past the right one.
    #[test]
    fn every_card_keeps_the_type_scale_and_the_margin() {
        use crate::layout::MeasureText;
        for chart in all_charts() {
            let scene = compose(chart).expect("composes");
            let mut titles = 0;
            for mark in &scene.marks {
                if let Mark::Text {
                    x,
                    text,
                    role,
                    align,
                    ..
                } = mark
                {
                    let (size, bold) = role.spec();
                    let px = size * scene.pixel_ratio;
                    let least = if *role == Role::Title {
                        titles += 1;
                        MIN_TITLE_PX
                    } else {
                        MIN_TEXT_PX
                    };
                    assert!(px >= least, "{}: \"{text}\" at {px:.1} px", chart.id());
                    let width = LiberationMetrics.width(text, px, bold);
                    let left = match align {
                        Align::Left => f64::from(*x),
                        Align::Center => f64::from(*x) - width / 2.0,
                        Align::Right => f64::from(*x) - width,
                    };
                    let margin = f64::from(MARGIN);
                    assert!(
                        left >= margin - 1.0
                            && left + width <= f64::from(CARD_WIDTH) - margin + 1.0,
                        "{}: \"{text}\" from {left:.0} to {:.0} px",
                        chart.id(),
                        left + width
                    );
                }
            }
            assert!(titles >= 1, "{}: no title", chart.id());
            assert!(
                scene.texts().any(|t| t == crate::site::SITE_NAME),
                "{}: no site name",
                chart.id()
            );
        }
    }

    #[test]
    fn a_card_is_the_same_bytes_every_time() {
        let chart = find_chart("trade-balance-2015").expect("exists");
        assert_eq!(png(chart).expect("renders"), png(chart).expect("renders"));
    }
}
