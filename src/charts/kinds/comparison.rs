//! Comparison: horizontal bars for values of one unit, each labelled above
//! its bar. Percentages are drawn against a 0–100% track, so a bar shows its
//! share of the whole ("80% of all adults", "88% of under-30s").

use plotters::prelude::DrawingBackend;

use super::{Area, figure_label};
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scale::{Linear, nice_ticks};
use crate::charts::scene::{Align, Datum, Role};
use crate::model::{Indicator, Unit};

pub fn draw<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    indicator: &Indicator,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = pen.palette;
    let part_of_whole = indicator.unit == Unit::Percent;
    let largest = indicator
        .figures
        .iter()
        .map(|f| f.value)
        .fold(0.0, f64::max);
    let top = if part_of_whole {
        100.0
    } else {
        *nice_ticks(0.0, largest, 4).0.last().unwrap_or(&1.0)
    };
    let x = Linear::new((0.0, top), (area.x, area.x + area.width));

    let bar_height = pen.px(26.0);
    let row_gap = pen.px(14.0);
    let value_height = pen.line_height(Role::Value);
    let inset = pen.px(8.0);

    let mut y = area.y;
    for (index, figure) in indicator.figures.iter().enumerate() {
        let row_top = y;
        let label = figure.label.unwrap_or("");
        y = pen.paragraph(area.x, y, area.width, label, Role::Label, palette.text)?;
        y += pen.px(4.0);
        if part_of_whole {
            pen.rect(
                area.x,
                y,
                area.x + area.width,
                y + bar_height,
                palette.track,
            );
        }
        let end = x.at(figure.value);
        pen.rect(area.x, y, end, y + bar_height, palette.primary);

        let value = figure_label(indicator, index, &pen.locale);
        let value_width = pen.measure(&value, Role::Value)?;
        let text_y = y + (bar_height - value_height) / 2;
        if end - area.x >= value_width + 2 * inset {
            pen.text(
                end - inset,
                text_y,
                value,
                Role::Value,
                palette.on_primary,
                Align::Right,
            );
        } else {
            pen.text(
                end + inset,
                text_y,
                value,
                Role::Value,
                palette.text,
                Align::Left,
            );
        }
        pen.hotspot(
            area.x,
            row_top,
            area.x + area.width,
            y + bar_height,
            Datum::Figure(index),
        );
        y += bar_height + row_gap;
    }

    // The ends of the scale, under the last bar.
    y -= row_gap - pen.px(4.0);
    let zero = pen.locale.plain(0.0);
    let end = if part_of_whole {
        pen.locale.percent(top)
    } else {
        pen.locale.figure(top, indicator.unit)
    };
    pen.text(area.x, y, zero, Role::Axis, palette.muted, Align::Left);
    pen.text(
        area.x + area.width,
        y,
        end,
        Role::Axis,
        palette.muted,
        Align::Right,
    );
    y += pen.line_height(Role::Axis);

    Ok(area.height_or(y - area.y))
}
