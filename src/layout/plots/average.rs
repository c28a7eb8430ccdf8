//! Average: one rate that is an average over a period, drawn as a level
//! line spanning the period on a year axis. The line is labelled as an
//! average, and no yearly values are drawn: the text gives none.

use super::Single;
use super::axis::{gridlines, label_width};
use crate::layout::value_scale::{Linear, nice_ticks};
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::Datum;
use crate::words::figure_label;

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Single<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let (start, end) = plot
        .indicator
        .period
        .map_or((0, 1), |p| (p.start, p.end.max(p.start.saturating_add(1))));
    let (ticks, _) = nice_ticks(0.0, plot.figure.value.max(0.0) * 1.25, 4);
    let top = *ticks.last().unwrap_or(&1.0);
    let locale = scene.locale;
    let tick_label = |v: f64| locale.figure(v, plot.indicator.unit);

    let axis_line = scene.line_height(Role::Axis);
    let value_line = scene.line_height(Role::Value);
    let height = plot
        .area
        .height_by_width(0.42, (scene.px(150.0), scene.px(260.0)));
    let plot_bottom = plot.area.y + height - axis_line - scene.px(6.0);
    let plot_left = plot.area.x + label_width(scene, &ticks, tick_label)?;
    let plot_right = plot.area.x + plot.area.width;
    let inset = scene.px(12.0);
    let x = Linear::new(
        (f64::from(start), f64::from(end)),
        (plot_left + inset, plot_right - inset),
    );
    let (x0, x1) = (x.at(f64::from(start)), x.at(f64::from(end)));

    // The plot.figure's label sits over the line when it fits its span; a label
    // too long for it (a narrow chart, a wide typeface) goes above the
    // plot, wrapped, and the plot starts below it.
    let label = match plot.figure.label {
        Some(label) => format!("{label}: {}", figure_label(plot.indicator, 0, &locale)),
        None => figure_label(plot.indicator, 0, &locale),
    };
    let over_the_line = scene.measure(&label, Role::Value)? <= x1 - x0;
    let plot_top = if over_the_line {
        plot.area.y + value_line / 2
    } else {
        let below = scene.paragraph(
            plot.area.x,
            plot.area.y,
            plot.area.width,
            &label,
            Role::Value,
            palette.primary,
        )?;
        below + scene.px(8.0) + value_line / 2
    };
    let y = Linear::new((0.0, top), (plot_bottom, plot_top));
    gridlines(scene, &ticks, &y, (plot_left, plot_right), tick_label)?;

    // Years along the bottom: the period's ends, and every fifth year
    // between them where there is room.
    let year_width = scene.measure("0000", Role::Axis)? + scene.px(14.0);
    let mut years: Vec<u16> = vec![start];
    for year in start.saturating_add(1)..end {
        let clear_of =
            |other: u16| (x.at(f64::from(year)) - x.at(f64::from(other))).abs() >= year_width;
        if year % 5 == 0 && years.iter().all(|&y| clear_of(y)) && clear_of(end) {
            years.push(year);
        }
    }
    years.push(end);
    for year in years {
        let at = x.at(f64::from(year));
        scene.rect(
            at,
            plot_bottom,
            at + scene.px(1.0),
            plot_bottom + scene.px(4.0),
            palette.axis,
        );
        scene.text(
            at,
            plot_bottom + scene.px(6.0),
            year.to_string(),
            Role::Axis,
            palette.muted,
            Align::Center,
        );
    }

    // The average: a level line across the whole period, ends marked.
    let level = y.at(plot.figure.value);
    let half = scene.px(1.5).max(1);
    scene.rect(x0, level - half, x1, level + half, palette.primary);
    scene.circle(x0, level, scene.px(4.5), palette.primary);
    scene.circle(x1, level, scene.px(4.5), palette.primary);
    let label_top = if over_the_line {
        let label_y = level - scene.px(8.0) - value_line;
        scene.text(
            (x0 + x1) / 2,
            label_y,
            label,
            Role::Value,
            palette.primary,
            Align::Center,
        );
        label_y
    } else {
        plot.area.y
    };
    scene.hotspot(
        x0 - scene.px(6.0),
        label_top,
        x1 + scene.px(6.0),
        level + scene.px(10.0),
        Datum::Figure(0),
    );
    Ok(height)
}
