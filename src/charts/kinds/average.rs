//! Average: one rate that is an average over a period, drawn as a level
//! line spanning the period on a year axis. The line is labelled as an
//! average, and no yearly values are drawn: the text gives none.

use plotters::prelude::DrawingBackend;

use super::axis::{gridlines, label_width};
use super::{Area, figure_label};
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scale::{Linear, nice_ticks};
use crate::charts::scene::{Align, Datum, Role};
use crate::model::Indicator;

pub fn draw<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    indicator: &Indicator,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = pen.palette;
    let Some(figure) = indicator.figures.first() else {
        return Ok(0);
    };
    let (start, end) = indicator
        .period
        .map_or((0, 1), |p| (p.start, p.end.max(p.start + 1)));
    let (ticks, _) = nice_ticks(0.0, figure.value.max(0.0) * 1.25, 4);
    let top = *ticks.last().unwrap_or(&1.0);
    let locale = pen.locale;
    let tick_label = |v: f64| locale.figure(v, indicator.unit);

    let axis_line = pen.line_height(Role::Axis);
    let value_line = pen.line_height(Role::Value);
    let height = area.height_or(
        (f64::from(area.width) * 0.42).clamp(f64::from(pen.px(150.0)), f64::from(pen.px(260.0)))
            as i32,
    );
    let plot_top = area.y + value_line / 2;
    let plot_bottom = area.y + height - axis_line - pen.px(6.0);
    let plot_left = area.x + label_width(pen, &ticks, tick_label)?;
    let plot_right = area.x + area.width;
    let y = Linear::new((0.0, top), (plot_bottom, plot_top));
    gridlines(pen, &ticks, &y, (plot_left, plot_right), tick_label)?;

    // Years along the bottom: the period's ends, and every fifth year
    // between them where there is room.
    let inset = pen.px(12.0);
    let x = Linear::new(
        (f64::from(start), f64::from(end)),
        (plot_left + inset, plot_right - inset),
    );
    let year_width = pen.measure("0000", Role::Axis)? + pen.px(14.0);
    let mut years: Vec<u16> = vec![start];
    for year in (start + 1)..end {
        let clear_of =
            |other: u16| (x.at(f64::from(year)) - x.at(f64::from(other))).abs() >= year_width;
        if year % 5 == 0 && years.iter().all(|&y| clear_of(y)) && clear_of(end) {
            years.push(year);
        }
    }
    years.push(end);
    for year in years {
        let at = x.at(f64::from(year));
        pen.rect(
            at,
            plot_bottom,
            at + pen.px(1.0),
            plot_bottom + pen.px(4.0),
            palette.axis,
        );
        pen.text(
            at,
            plot_bottom + pen.px(6.0),
            year.to_string(),
            Role::Axis,
            palette.muted,
            Align::Center,
        );
    }

    // The average: a level line across the whole period, ends marked.
    let (x0, x1, level) = (
        x.at(f64::from(start)),
        x.at(f64::from(end)),
        y.at(figure.value),
    );
    let half = pen.px(1.5).max(1);
    pen.rect(x0, level - half, x1, level + half, palette.primary);
    pen.circle(x0, level, pen.px(4.5), palette.primary);
    pen.circle(x1, level, pen.px(4.5), palette.primary);

    let label = match figure.label {
        Some(label) => format!("{label}: {}", figure_label(indicator, 0, &locale)),
        None => figure_label(indicator, 0, &locale),
    };
    let label_width = pen.measure(&label, Role::Value)?;
    let label_y = level - pen.px(8.0) - value_line;
    if label_width <= x1 - x0 {
        pen.text(
            (x0 + x1) / 2,
            label_y,
            label,
            Role::Value,
            palette.primary,
            Align::Center,
        );
    } else {
        pen.text(
            plot_left,
            label_y,
            label,
            Role::Value,
            palette.primary,
            Align::Left,
        );
    }
    pen.hotspot(
        x0 - pen.px(6.0),
        label_y,
        x1 + pen.px(6.0),
        level + pen.px(10.0),
        Datum::Figure(0),
    );
    Ok(height)
}
