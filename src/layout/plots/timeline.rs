//! Timeline: the dated events both texts cite, one row each in date order,
//! marked by which text cites them (circle or square, two colours; a plan's
//! target hollow). Rows are not spaced to scale — forty years and four
//! months would not both be readable — so one rule spaces them: a wider
//! gap marks a jump of [`JUMP_YEARS`] years or more, and the subtitle says
//! so. The durations the texts give between dates ("forty years after the
//! fall of Saigon", "eight days before") are brackets beside the rows,
//! from one date to the other, each labelled in the text's terms under the
//! row it ends at; a bracket's start shows its bound as a figure's rule
//! does (see `layout::hedges`), with the key under the legend.

use super::Area;
use crate::layout::hedges::{self, End};
use crate::layout::{Align, ChartError, Role, SceneBuilder};
use crate::model::{self, Bound, CATALOG, Datum, EventDate, Indicator, Span, Text, Timeline};
use crate::words::{date_label, figure_label};

/// Rows further apart in time than this many years get a wider gap.
pub const JUMP_YEARS: u16 = 4;

/// A date as a number of years, for ordering and placing between rows.
fn years(date: EventDate) -> f64 {
    f64::from(date.year)
        + f64::from(date.month.unwrap_or(1).saturating_sub(1)) / 12.0
        + f64::from(date.day.unwrap_or(1).saturating_sub(1)) / 365.0
}

/// The durations drawn as brackets: records with a span, one bracket for
/// records of the same span and bound (two texts' "forty years").
fn brackets() -> Vec<(Span, Bound, Vec<&'static Indicator>)> {
    let mut groups: Vec<(Span, Bound, Vec<&'static Indicator>)> = Vec::new();
    for indicator in CATALOG.indicators {
        let (Some(span), Some(figure), None) = (
            indicator.span,
            indicator.values.first(),
            indicator.drawn_with,
        ) else {
            continue; // no span, or drawn with a balance
        };
        match groups
            .iter_mut()
            .find(|(s, b, _)| *s == span && *b == figure.bound)
        {
            Some(group) => group.2.push(indicator),
            None => groups.push((span, figure.bound, vec![indicator])),
        }
    }
    groups
}

/// A bracket's words: "40 years, 1975 to 2015: <title>; <title>".
fn bracket_label(
    span: Span,
    records: &[&'static Indicator],
    locale: &crate::format::Locale,
) -> String {
    let figure = records
        .first()
        .map_or_else(String::new, |r| figure_label(r, 0, locale));
    let when = if span.from == span.to {
        format!("in {}", date_label(span.from, false))
    } else {
        format!(
            "{} to {}",
            date_label(span.from, false),
            date_label(span.to, false)
        )
    };
    let titles: Vec<&str> = records.iter().map(|r| r.title).collect();
    format!("{figure}, {when}: {}", titles.join("; "))
}

/// The texts in order of first appearance, each with its marker.
fn texts(timeline: &Timeline) -> Vec<&'static Text> {
    let mut texts: Vec<&'static Text> = Vec::new();
    for event in timeline.events {
        if !texts.iter().any(|t| t.id == event.text) {
            texts.push(model::text(event.text));
        }
    }
    texts
}

/// A circle for the first text, a square for the others: shape as well as
/// colour tells them apart. A plan's target is the same shape, hollow.
fn marker(scene: &mut SceneBuilder<'_>, (text_index, plan): (usize, bool), x: i32, y: i32) {
    let radius = scene.px(5.0);
    let inner = radius - scene.px(2.0).max(1);
    let background = scene.palette.background;
    if text_index == 0 {
        scene.circle(x, y, radius, scene.palette.primary);
        if plan {
            scene.circle(x, y, inner, background);
        }
    } else {
        scene.rect(
            x - radius,
            y - radius,
            x + radius,
            y + radius,
            scene.palette.secondary,
        );
        if plan {
            scene.rect(x - inner, y - inner, x + inner, y + inner, background);
        }
    }
}

pub fn lay_out(
    scene: &mut SceneBuilder<'_>,
    timeline: &Timeline,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let locale = scene.locale;
    let texts = texts(timeline);
    let brackets = brackets();
    let mut y = area.y;

    // Legend: which marker is which text, then a plan's marker and the
    // bracket ends used, wrapping when narrow.
    let small_line = scene.line_height(Role::Small);
    let marker_room = scene.px(18.0);
    let mut entries: Vec<((usize, bool), String)> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| ((index, false), text.short_reference()))
        .collect();
    if let Some(plan) = timeline.events.iter().find(|e| e.plan) {
        let index = texts.iter().position(|t| t.id == plan.text).unwrap_or(0);
        entries.push(((index, true), "a plan\u{2019}s target".to_string()));
    }
    let mut x = area.x;
    for (kind, name) in entries {
        let width = marker_room + scene.measure(&name, Role::Small)? + scene.px(16.0);
        if x > area.x && x + width > area.x + area.width {
            x = area.x;
            y += small_line;
        }
        marker(scene, kind, x + scene.px(6.0), y + small_line / 2);
        scene.text(
            x + marker_room,
            y,
            name,
            Role::Small,
            palette.muted,
            Align::Left,
        );
        x += width;
    }
    y += small_line;
    let mut ends: Vec<End> = brackets
        .iter()
        .map(|(_, bound, _)| End::of(*bound))
        .collect();
    ends.dedup();
    for end in [End::Closed, End::Fuzzy, End::Open] {
        if ends.contains(&end) {
            y = hedges::key(scene, (area.x, y), area.width, end, palette.primary)?;
        }
    }
    y += scene.px(12.0);

    // Brackets take lanes at the right, one per bracket.
    let lane = scene.px(10.0);
    let lanes_width = lane * brackets.len() as i32
        + if brackets.is_empty() {
            0
        } else {
            scene.px(8.0)
        };
    let line = scene.line_height(Role::Label);
    let mut widest_date = 0;
    let dates: Vec<String> = timeline
        .events
        .iter()
        .map(|e| date_label(e.date, e.date_note.is_some()))
        .collect();
    for date in &dates {
        widest_date = widest_date.max(scene.measure(date, Role::Label)?);
    }
    // Side by side when there is room for the dates and a useful text column.
    let side_by_side = area.width - lanes_width - widest_date >= scene.px(220.0);
    let rule_x = if side_by_side {
        area.x + widest_date + scene.px(16.0)
    } else {
        area.x + scene.px(6.0)
    };
    let text_x = rule_x + scene.px(16.0);
    let text_width = area.x + area.width - lanes_width - text_x;

    // Each bracket's words go under the first row at or after its end.
    let ends_at: Vec<usize> = brackets
        .iter()
        .map(|(span, _, _)| {
            timeline
                .events
                .iter()
                .position(|e| years(e.date) >= years(span.to))
                .unwrap_or(timeline.events.len().saturating_sub(1))
        })
        .collect();
    let mut bracket_rows: Vec<(i32, i32)> = vec![(0, 0); brackets.len()];

    let mut rows = Vec::with_capacity(timeline.events.len());
    let mut previous_year = None;
    for (index, event) in timeline.events.iter().enumerate() {
        if previous_year.is_some_and(|year: u16| event.date.year >= year.saturating_add(JUMP_YEARS))
        {
            y += scene.px(10.0);
        }
        previous_year = Some(event.date.year);
        let top = y;
        let text_top = if side_by_side { top } else { top + line };
        let mut bottom = scene.paragraph(
            text_x,
            text_top,
            text_width,
            event.label,
            Role::Label,
            palette.text,
        )?;
        if side_by_side {
            let date_right = rule_x - scene.px(14.0);
            scene.text(
                date_right,
                top,
                dates[index].clone(),
                Role::Label,
                palette.muted,
                Align::Right,
            );
        } else {
            scene.text(
                text_x,
                top,
                dates[index].clone(),
                Role::Label,
                palette.muted,
                Align::Left,
            );
        }
        let text_index = texts.iter().position(|t| t.id == event.text).unwrap_or(0);
        rows.push(((text_index, event.plan), top + line / 2));
        scene.hotspot(
            area.x,
            top,
            area.x + area.width - lanes_width,
            bottom,
            Datum::Event(index),
        );
        for (b, (span, _, records)) in brackets.iter().enumerate() {
            if ends_at[b] == index {
                let words = bracket_label(*span, records, &locale);
                let label_top = bottom + scene.px(2.0);
                bottom = scene.paragraph(
                    text_x,
                    label_top,
                    text_width,
                    &words,
                    Role::Small,
                    palette.primary,
                )?;
                bracket_rows[b].1 = label_top + small_line / 2;
            }
        }
        y = bottom + scene.px(8.0);
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let half = scene.px(1.0).max(1);
        scene.rect(rule_x - half, first.1, rule_x + half, last.1, palette.grid);
    }
    // Where a date falls among the rows: on its row, or between the rows
    // around it in proportion to time.
    let y_of = |date: EventDate| -> i32 {
        let at = years(date);
        let mut before: Option<(f64, i32)> = None;
        for (event, (_, row_y)) in timeline.events.iter().zip(&rows) {
            let when = years(event.date);
            if when >= at {
                return match before {
                    Some((b_when, b_y)) if when > b_when && when > at => {
                        b_y + (f64::from(*row_y - b_y) * (at - b_when) / (when - b_when)) as i32
                    }
                    _ => *row_y,
                };
            }
            before = Some((when, *row_y));
        }
        before.map_or(area.y, |(_, y)| y)
    };
    let thickness = scene.px(2.0).max(1);
    let tick = scene.px(6.0);
    for (b, (span, bound, _)) in brackets.iter().enumerate() {
        let x = area.x + area.width - lane * (b as i32 + 1);
        let top = y_of(span.from);
        let to_row = y_of(span.to);
        let label_y = bracket_rows[b].1;
        let bottom = label_y.max(to_row);
        // The bracket: ticks at its dates, a line between, and a leader
        // to its words.
        scene.rect(x - tick, top, x, top + thickness, palette.primary);
        scene.rect(x - tick, to_row, x, to_row + thickness, palette.primary);
        match End::of(*bound) {
            End::Closed => scene.rect(x, top, x + thickness, bottom, palette.primary),
            End::Fuzzy => {
                // Dashes for its first stretch: its start is "about".
                let dash = scene.px(4.0).max(2);
                let solid_from = (top + 4 * dash).min(bottom);
                let mut d = top;
                while d + dash <= solid_from {
                    scene.rect(x, d, x + thickness, d + dash / 2 + 1, palette.primary);
                    d += dash;
                }
                scene.rect(x, solid_from, x + thickness, bottom, palette.primary);
            }
            End::Open => {
                // An open arrow past its start: "more than".
                let head = scene.px(6.0);
                let tip = top - scene.px(10.0);
                scene.rect(x, tip, x + thickness, bottom, palette.primary);
                scene.path(
                    vec![
                        (x - head, tip + head),
                        (x + thickness / 2, tip),
                        (x + thickness + head, tip + head),
                    ],
                    scene.px(2.0),
                    palette.primary,
                );
            }
        }
        let leader_end = text_x + text_width + scene.px(4.0);
        if label_y > 0 && leader_end < x {
            scene.rect(
                leader_end,
                label_y,
                x,
                label_y + thickness / 2 + 1,
                palette.grid,
            );
        }
    }
    for (kind, marker_y) in rows {
        marker(scene, kind, rule_x, marker_y);
    }
    Ok(area.height_or(y - scene.px(8.0) - area.y))
}
