//! Comparison: horizontal bars for values of one unit, each labelled above
//! its bar. Percentages are drawn against a 0–100% track, so a bar shows its
//! share of the whole ("80% of all adults", "88% of under-30s").

use super::Plot;
use crate::layout::value_scale::{Linear, nice_ticks};
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::{Datum, Unit};
use crate::words::figure_label;

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Plot<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let part_of_whole = plot.indicator.unit == Unit::Percent;
    let largest = plot
        .indicator
        .values
        .iter()
        .map(|f| f.value)
        .fold(0.0, f64::max);
    let top = if part_of_whole {
        100.0
    } else {
        *nice_ticks(0.0, largest, 4).0.last().unwrap_or(&1.0)
    };
    let x = Linear::new((0.0, top), (plot.area.x, plot.area.x + plot.area.width));

    let bar_height = scene.px(26.0);
    let row_gap = scene.px(14.0);
    let value_height = scene.line_height(Role::Value);
    let inset = scene.px(8.0);

    let mut y = plot.area.y;
    for (index, figure) in plot.indicator.values.iter().enumerate() {
        let row_top = y;
        let label = figure.label.unwrap_or("");
        y = scene.paragraph(
            plot.area.x,
            y,
            plot.area.width,
            label,
            Role::Label,
            palette.text,
        )?;
        y += scene.px(4.0);
        if part_of_whole {
            scene.rect(
                plot.area.x,
                y,
                plot.area.x + plot.area.width,
                y + bar_height,
                palette.track,
            );
        }
        let end = x.at(figure.value);
        scene.rect(plot.area.x, y, end, y + bar_height, palette.primary);

        let value = figure_label(plot.indicator, index, &scene.locale);
        let value_width = scene.measure(&value, Role::Value)?;
        let text_y = y + (bar_height - value_height) / 2;
        if end - plot.area.x >= value_width + 2 * inset {
            scene.text(
                end - inset,
                text_y,
                value,
                Role::Value,
                palette.on_primary,
                Align::Right,
            );
        } else {
            scene.text(
                end + inset,
                text_y,
                value,
                Role::Value,
                palette.text,
                Align::Left,
            );
        }
        scene.hotspot(
            plot.area.x,
            row_top,
            plot.area.x + plot.area.width,
            y + bar_height,
            Datum::Figure(index),
        );
        y += bar_height + row_gap;
    }

    // The ends of the scale, under the last bar.
    y -= row_gap - scene.px(4.0);
    let zero = scene.locale.plain(0.0);
    let end = if part_of_whole {
        scene.locale.percent(top)
    } else {
        scene.locale.figure(top, plot.indicator.unit)
    };
    scene.text(plot.area.x, y, zero, Role::Axis, palette.muted, Align::Left);
    scene.text(
        plot.area.x + plot.area.width,
        y,
        end,
        Role::Axis,
        palette.muted,
        Align::Right,
    );
    y += scene.line_height(Role::Axis);

    Ok(plot.area.height_or(y - plot.area.y))
}
