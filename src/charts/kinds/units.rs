//! Units: a lone count, amount or duration as the big number it is, with a
//! grid of squares of a stated size beneath (rows of ten, easy to count).
//! "More than" figures end in an open square marked "+"; the text's own
//! wording is shown when it differs from the number ("three-decade-old").

use plotters::prelude::DrawingBackend;

use super::{Area, figure_label};
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scene::{Align, Datum, Role};
use crate::format::Locale;
use crate::model::{Bound, Indicator, Unit};

/// The most squares drawn; the data file allows at most 100.
const MAX_SQUARES: usize = 200;

/// "One square = 1 year", "One square = US$1 million".
pub fn legend(indicator: &Indicator, locale: &Locale) -> String {
    let size = indicator.per_square.unwrap_or(1.0);
    let amount = match indicator.unit {
        Unit::People => format!("{} people", locale.scaled(size, false)),
        unit => locale.figure(size, unit),
    };
    format!("One square = {amount}")
}

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
    let mut y = area.y;

    let big = figure_label(indicator, 0, &locale);
    y = pen.paragraph(area.x, y, area.width, &big, Role::BigValue, palette.primary)?;
    let plain = locale.figure(figure.value, indicator.unit);
    if !figure.as_written.eq_ignore_ascii_case(&plain) {
        let wording = format!("The text says \u{201c}{}\u{201d}", figure.as_written);
        y = pen.paragraph(area.x, y, area.width, &wording, Role::Small, palette.muted)?;
    }
    y += pen.px(10.0);

    let per_square = indicator
        .per_square
        .filter(|s| *s > 0.0 && s.is_finite())
        .unwrap_or(1.0);
    let ratio = figure.value / per_square;
    let count = if ratio.is_finite() {
        ratio.round().clamp(0.0, MAX_SQUARES as f64) as usize
    } else {
        0
    };
    let open = usize::from(figure.bound == Bound::MoreThan);
    let gap = pen.px(4.0);
    let per_row = if area.width >= 10 * pen.px(14.0) + 9 * gap {
        10
    } else {
        5
    };
    let side = ((area.width + gap) / per_row as i32 - gap).clamp(1, pen.px(24.0));
    let cell = side + gap;
    let grid_top = y;
    for index in 0..count + open {
        let (row, column) = ((index / per_row) as i32, (index % per_row) as i32);
        let (x0, y0) = (area.x + column * cell, grid_top + row * cell);
        if index < count {
            pen.rect(x0, y0, x0 + side, y0 + side, palette.primary);
        } else {
            pen.outline(
                x0,
                y0,
                x0 + side,
                y0 + side,
                pen.px(1.5).max(1),
                palette.primary,
            );
            let plus_y = y0 + (side - pen.line_height(Role::Value)) / 2;
            pen.text(
                x0 + side / 2,
                plus_y,
                "+",
                Role::Value,
                palette.primary,
                Align::Center,
            );
        }
    }
    let rows = (count + open).div_ceil(per_row) as i32;
    let grid_bottom = grid_top + (rows * cell - gap).max(0);
    let columns = (count + open).min(per_row) as i32;
    pen.hotspot(
        area.x,
        area.y,
        area.x + (columns * cell - gap).max(side),
        grid_bottom,
        Datum::Figure(0),
    );
    Ok(area.height_or(grid_bottom - area.y))
}
