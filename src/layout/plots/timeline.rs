//! Timeline: the dated events both texts cite, one row each in date order,
//! marked by which text cites them (circle or square, two colours). Rows
//! are not spaced to scale — forty years and four months would not both be
//! readable — so a wider gap marks a jump of several years.

use super::Area;
use crate::layout::{Align, ChartError, Role, SceneBuilder};
use crate::model::{self, Datum, Text, Timeline};
use crate::words::date_label;

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
/// colour tells them apart.
fn marker(scene: &mut SceneBuilder<'_>, text_index: usize, x: i32, y: i32) {
    let radius = scene.px(5.0);
    if text_index == 0 {
        scene.circle(x, y, radius, scene.palette.primary);
    } else {
        scene.rect(
            x - radius,
            y - radius,
            x + radius,
            y + radius,
            scene.palette.secondary,
        );
    }
}

pub fn lay_out(
    scene: &mut SceneBuilder<'_>,
    timeline: &Timeline,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let texts = texts(timeline);
    let mut y = area.y;

    // Legend: which marker is which text, wrapping when narrow.
    let small_line = scene.line_height(Role::Small);
    let marker_room = scene.px(18.0);
    let mut x = area.x;
    for (index, text) in texts.iter().enumerate() {
        let name = text.short_reference();
        let width = marker_room + scene.measure(&name, Role::Small)? + scene.px(16.0);
        if x > area.x && x + width > area.x + area.width {
            x = area.x;
            y += small_line;
        }
        marker(scene, index, x + scene.px(6.0), y + small_line / 2);
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
    y += small_line + scene.px(12.0);

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
    let side_by_side = area.width - widest_date >= scene.px(220.0);
    let rule_x = if side_by_side {
        area.x + widest_date + scene.px(16.0)
    } else {
        area.x + scene.px(6.0)
    };
    let text_x = rule_x + scene.px(16.0);
    let text_width = area.x + area.width - text_x;

    let mut rows = Vec::with_capacity(timeline.events.len());
    let mut previous_year = None;
    for (index, event) in timeline.events.iter().enumerate() {
        if previous_year.is_some_and(|year: u16| event.date.year >= year.saturating_add(4)) {
            y += scene.px(10.0);
        }
        previous_year = Some(event.date.year);
        let top = y;
        let text_top = if side_by_side { top } else { top + line };
        let bottom = scene.paragraph(
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
        rows.push((text_index, top + line / 2));
        scene.hotspot(
            area.x,
            top,
            area.x + area.width,
            bottom,
            Datum::Event(index),
        );
        y = bottom + scene.px(8.0);
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let half = scene.px(1.0).max(1);
        scene.rect(rule_x - half, first.1, rule_x + half, last.1, palette.grid);
    }
    for (text_index, marker_y) in rows {
        marker(scene, text_index, rule_x, marker_y);
    }
    Ok(area.height_or(y - scene.px(8.0) - area.y))
}
