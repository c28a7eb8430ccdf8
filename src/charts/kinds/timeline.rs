//! Timeline: the dated events both texts cite, one row each in date order,
//! marked by which text cites them (circle or square, two colours). Rows
//! are not spaced to scale — forty years and four months would not both be
//! readable — so a wider gap marks a jump of several years.

use plotters::prelude::DrawingBackend;

use super::Area;
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scene::{Align, Datum, Role};
use crate::model::{EventDate, Text, Timeline};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "1975", "Oct 2014", "Apr 22, 2015"; a year the sentence does not state
/// is marked with an asterisk, explained in the notes.
pub fn date_label(date: EventDate, inferred: bool) -> String {
    let star = if inferred { "*" } else { "" };
    let month = date
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}{star}", date.year),
        (Some(month), None) => format!("{month} {}{star}", date.year),
        _ => format!("{}{star}", date.year),
    }
}

pub fn subtitle(timeline: &Timeline) -> String {
    match (timeline.events.first(), timeline.events.last()) {
        (Some(first), Some(last)) => format!(
            "{} dated events, {}\u{2013}{}, from both texts; not to scale",
            timeline.events.len(),
            first.date.year,
            last.date.year
        ),
        _ => "No events".to_string(),
    }
}

pub fn notes(timeline: &Timeline) -> Vec<&'static str> {
    if timeline.events.iter().any(|e| e.date_note.is_some()) {
        vec![
            "* The sentence gives no year; it is taken from the article\u{2019}s context (see the event\u{2019}s note).",
        ]
    } else {
        Vec::new()
    }
}

/// The texts in order of first appearance, each with its marker.
fn texts(timeline: &Timeline) -> Vec<&'static Text> {
    let mut texts: Vec<&'static Text> = Vec::new();
    for event in timeline.events {
        if !texts.iter().any(|t| t.id == event.text.id) {
            texts.push(event.text);
        }
    }
    texts
}

/// A circle for the first text, a square for the others: shape as well as
/// colour tells them apart.
fn marker<DB: DrawingBackend>(pen: &mut Pen<'_, DB>, text_index: usize, x: i32, y: i32) {
    let radius = pen.px(5.0);
    if text_index == 0 {
        pen.circle(x, y, radius, pen.palette.primary);
    } else {
        pen.rect(
            x - radius,
            y - radius,
            x + radius,
            y + radius,
            pen.palette.secondary,
        );
    }
}

pub fn draw<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    timeline: &Timeline,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = pen.palette;
    let texts = texts(timeline);
    let mut y = area.y;

    // Legend: which marker is which text, wrapping when narrow.
    let small_line = pen.line_height(Role::Small);
    let marker_room = pen.px(18.0);
    let mut x = area.x;
    for (index, text) in texts.iter().enumerate() {
        let name = text.short_reference();
        let width = marker_room + pen.measure(&name, Role::Small)? + pen.px(16.0);
        if x > area.x && x + width > area.x + area.width {
            x = area.x;
            y += small_line;
        }
        marker(pen, index, x + pen.px(6.0), y + small_line / 2);
        pen.text(
            x + marker_room,
            y,
            name,
            Role::Small,
            palette.muted,
            Align::Left,
        );
        x += width;
    }
    y += small_line + pen.px(12.0);

    let line = pen.line_height(Role::Label);
    let mut widest_date = 0;
    let dates: Vec<String> = timeline
        .events
        .iter()
        .map(|e| date_label(e.date, e.date_note.is_some()))
        .collect();
    for date in &dates {
        widest_date = widest_date.max(pen.measure(date, Role::Label)?);
    }
    // Side by side when there is room for the dates and a useful text column.
    let side_by_side = area.width - widest_date >= pen.px(220.0);
    let rule_x = if side_by_side {
        area.x + widest_date + pen.px(16.0)
    } else {
        area.x + pen.px(6.0)
    };
    let text_x = rule_x + pen.px(16.0);
    let text_width = area.x + area.width - text_x;

    let mut rows = Vec::with_capacity(timeline.events.len());
    let mut previous_year = None;
    for (index, event) in timeline.events.iter().enumerate() {
        if previous_year.is_some_and(|year: u16| event.date.year >= year.saturating_add(4)) {
            y += pen.px(10.0);
        }
        previous_year = Some(event.date.year);
        let top = y;
        let text_top = if side_by_side { top } else { top + line };
        let bottom = pen.paragraph(
            text_x,
            text_top,
            text_width,
            event.label,
            Role::Label,
            palette.text,
        )?;
        if side_by_side {
            let date_right = rule_x - pen.px(14.0);
            pen.text(
                date_right,
                top,
                dates[index].clone(),
                Role::Label,
                palette.muted,
                Align::Right,
            );
        } else {
            pen.text(
                text_x,
                top,
                dates[index].clone(),
                Role::Label,
                palette.muted,
                Align::Left,
            );
        }
        let text_index = texts
            .iter()
            .position(|t| t.id == event.text.id)
            .unwrap_or(0);
        rows.push((text_index, top + line / 2));
        pen.hotspot(
            area.x,
            top,
            area.x + area.width,
            bottom,
            Datum::Event(index),
        );
        y = bottom + pen.px(8.0);
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let half = pen.px(1.0).max(1);
        pen.rect(rule_x - half, first.1, rule_x + half, last.1, palette.grid);
    }
    for (text_index, marker_y) in rows {
        marker(pen, text_index, rule_x, marker_y);
    }
    Ok(area.height_or(y - pen.px(8.0) - area.y))
}
