//! Units: a lone count, amount or duration as the big number it is, with a
//! grid of squares of a stated size beneath (rows of ten, easy to count).
//! "More than" figures end in an open square marked "+"; the text's own
//! wording is shown when it differs from the number ("three-decade-old").

use super::Single;
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::{Bound, Datum};
use crate::words::figure_label;

/// The most squares drawn; the data file allows at most 100.
const MAX_SQUARES: usize = 200;

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Single<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let locale = scene.locale;
    let mut y = plot.area.y;

    let big = figure_label(plot.indicator, 0, &locale);
    y = scene.paragraph(
        plot.area.x,
        y,
        plot.area.width,
        &big,
        Role::BigValue,
        palette.primary,
    )?;
    let plain = locale.figure(plot.figure.value, plot.indicator.unit);
    if !crate::format::same_words(plot.figure.as_written, &plain) {
        let wording = format!("The text says \u{201c}{}\u{201d}", plot.figure.as_written);
        y = scene.paragraph(
            plot.area.x,
            y,
            plot.area.width,
            &wording,
            Role::Small,
            palette.muted,
        )?;
    }
    y += scene.px(10.0);

    let per_square = plot
        .indicator
        .per_square
        .filter(|s| *s > 0.0 && s.is_finite())
        .unwrap_or(1.0);
    let ratio = plot.figure.value / per_square;
    let count = if ratio.is_finite() {
        ratio.round().clamp(0.0, MAX_SQUARES as f64) as usize
    } else {
        0
    };
    let open = usize::from(plot.figure.bound == Bound::MoreThan);
    let gap = scene.px(4.0);
    let per_row = if plot.area.width >= 10 * scene.px(14.0) + 9 * gap {
        10
    } else {
        5
    };
    let side = ((plot.area.width + gap) / per_row as i32 - gap)
        .min(scene.px(24.0))
        .max(1);
    let cell = side + gap;
    let grid_top = y;
    for index in 0..count + open {
        let (row, column) = ((index / per_row) as i32, (index % per_row) as i32);
        let (x0, y0) = (plot.area.x + column * cell, grid_top + row * cell);
        if index < count {
            scene.rect(x0, y0, x0 + side, y0 + side, palette.primary);
        } else {
            scene.outline(
                x0,
                y0,
                x0 + side,
                y0 + side,
                scene.px(1.5).max(1),
                palette.primary,
            );
            let plus_y = y0 + (side - scene.line_height(Role::Value)) / 2;
            scene.text(
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
    scene.hotspot(
        plot.area.x,
        plot.area.y,
        plot.area.x + (columns * cell - gap).max(side),
        grid_bottom,
        Datum::Figure(0),
    );
    Ok(plot.area.height_or(grid_bottom - plot.area.y))
}
