//! Change: a percentage rise (or fall) between two years, drawn as an index
//! — the first year is 100, the last 100 + change — with the change itself
//! as the headline number. The index is derived from the change the text
//! gives; the subtitle says so, and no amounts are invented.

use plotters::prelude::DrawingBackend;

use super::{Area, figure_label};
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scale::Linear;
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
    let locale = pen.locale;
    let (start, end) = indicator.period.map_or((0, 0), |p| (p.start, p.end));
    let before: f64 = 100.0;
    let after = (100.0 + figure.value).max(0.0);

    let big_line = pen.line_height(Role::BigValue);
    let value_line = pen.line_height(Role::Value);
    let axis_line = pen.line_height(Role::Axis);
    let height = area.height_or(
        (f64::from(area.width) * 0.5).clamp(f64::from(pen.px(200.0)), f64::from(pen.px(280.0)))
            as i32,
    );

    // The headline: "+113%", with what it is a change of.
    let headline = figure_label(indicator, 0, &locale);
    pen.text(
        area.x,
        area.y,
        headline.clone(),
        Role::BigValue,
        palette.primary,
        Align::Left,
    );
    let headline_width = pen.measure(&headline, Role::BigValue)?;
    let from_to = format!("from {start} to {end}");
    pen.text(
        area.x + headline_width + pen.px(10.0),
        area.y + big_line - axis_line - pen.px(3.0),
        from_to,
        Role::Axis,
        palette.muted,
        Align::Left,
    );

    let bars_top = area.y + big_line + pen.px(8.0) + value_line;
    let baseline = area.y + height - axis_line - pen.px(6.0);
    let y = Linear::new((0.0, before.max(after)), (baseline, bars_top));
    let bar_width = pen.px(90.0).min(area.width / 4);
    let centres = [area.x + area.width * 3 / 10, area.x + area.width * 7 / 10];
    let bars = [(start, before, palette.axis), (end, after, palette.primary)];
    for (centre, (year, index, color)) in centres.into_iter().zip(bars) {
        let (left, right, top) = (centre - bar_width / 2, centre + bar_width / 2, y.at(index));
        pen.rect(left, top, right, baseline, color);
        pen.text(
            centre,
            top - value_line - pen.px(2.0),
            locale.plain(index),
            Role::Value,
            palette.text,
            Align::Center,
        );
        pen.text(
            centre,
            baseline + pen.px(6.0),
            year.to_string(),
            Role::Axis,
            palette.muted,
            Align::Center,
        );
    }
    pen.hrule(
        area.x,
        area.x + area.width,
        baseline,
        pen.px(1.0),
        palette.axis,
    );

    // An arrow from the first bar's top to the second's.
    let gap = pen.px(10.0);
    let from = (centres[0] + bar_width / 2 + gap, y.at(before));
    let to = (centres[1] - bar_width / 2 - gap, y.at(after));
    if to.0 > from.0 + gap {
        let head = pen.px(7.0);
        let (dx, dy) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let back = (
            f64::from(to.0) - ux * f64::from(head),
            f64::from(to.1) - uy * f64::from(head),
        );
        let side = f64::from(head) * 0.55;
        let shaft_end = (back.0.round() as i32, back.1.round() as i32);
        pen.path(vec![from, shaft_end], pen.px(2.0), palette.primary);
        pen.polygon(
            vec![
                to,
                (
                    (back.0 - uy * side).round() as i32,
                    (back.1 + ux * side).round() as i32,
                ),
                (
                    (back.0 + uy * side).round() as i32,
                    (back.1 - ux * side).round() as i32,
                ),
            ],
            palette.primary,
        );
    }
    pen.hotspot(
        area.x,
        area.y,
        area.x + area.width,
        baseline,
        Datum::Figure(0),
    );
    Ok(height)
}
