//! Balance: signed values around a zero line — surpluses above, deficits
//! below — on a value axis in billions or millions of US$. The surplus side
//! is kept visible even when every value is a deficit, so the reader sees
//! which way is up.

use super::Plot;
use super::axis::{gridlines, label_width};
use crate::layout::value_scale::{Linear, nice_ticks};
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::Datum;
use crate::words::{figure_label, usd_magnitude};

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Plot<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let locale = scene.locale;
    let (divisor, _) = usd_magnitude(plot.indicator);
    let values: Vec<f64> = plot
        .indicator
        .values
        .iter()
        .map(|f| f.value / divisor)
        .collect();
    let low = values.iter().copied().fold(0.0, f64::min);
    let high = values.iter().copied().fold(0.0, f64::max);
    let reach = low.abs().max(high).max(f64::MIN_POSITIVE);
    // Keep both sides of zero in view, and room beyond the longest bar for its label.
    let (low, high) = (low.min(-0.3 * reach) * 1.2, high.max(0.3 * reach) * 1.2);
    let (ticks, _) = nice_ticks(low, high, 7);
    let domain = (
        *ticks.first().unwrap_or(&low),
        *ticks.last().unwrap_or(&high),
    );
    let tick_label = |v: f64| locale.plain(v);

    let height = plot
        .area
        .height_by_width(0.5, (scene.px(210.0), scene.px(300.0)));
    let half_axis = scene.line_height(Role::Axis) / 2;
    let (plot_top, plot_bottom) = (plot.area.y + half_axis, plot.area.y + height - half_axis);
    let plot_left = plot.area.x + label_width(scene, &ticks, tick_label)?;
    let plot_right = plot.area.x + plot.area.width;
    let y = Linear::new(domain, (plot_bottom, plot_top));
    gridlines(scene, &ticks, &y, (plot_left, plot_right), tick_label)?;

    let zero = y.at(0.0);
    let small_line = scene.line_height(Role::Small);
    let gap = scene.px(4.0);
    scene.text(
        plot_right,
        zero - small_line - gap,
        "Surplus",
        Role::Small,
        palette.muted,
        Align::Right,
    );
    scene.text(
        plot_right,
        zero + gap,
        "Deficit",
        Role::Small,
        palette.muted,
        Align::Right,
    );

    let slot = (plot_right - plot_left) / values.len().max(1) as i32;
    let bar_width = scene.px(110.0).min(slot / 2);
    let value_line = scene.line_height(Role::Value);
    let label_line = scene.line_height(Role::Label);
    for (index, (figure, value)) in plot.indicator.values.iter().zip(&values).enumerate() {
        let centre = plot_left + slot * index as i32 + slot / 2;
        let end = y.at(*value);
        let (color, below) = if *value < 0.0 {
            (palette.secondary, true)
        } else {
            (palette.primary, false)
        };
        scene.rect(
            centre - bar_width / 2,
            zero,
            centre + bar_width / 2,
            end,
            color,
        );
        let label = figure_label(plot.indicator, index, &locale);
        let category = figure.label.unwrap_or("");
        if below {
            scene.halo((centre, end + gap), &label, Role::Value, Align::Center)?;
            scene.text(centre, end + gap, label, Role::Value, color, Align::Center);
            scene.text(
                centre,
                zero - label_line - gap,
                category,
                Role::Label,
                palette.text,
                Align::Center,
            );
        } else {
            scene.text(
                centre,
                end - value_line - gap,
                label,
                Role::Value,
                color,
                Align::Center,
            );
            scene.text(
                centre,
                zero + gap,
                category,
                Role::Label,
                palette.text,
                Align::Center,
            );
        }
        scene.hotspot(
            centre - bar_width / 2,
            zero.min(end) - value_line,
            centre + bar_width / 2,
            zero.max(end) + value_line,
            Datum::Figure(index),
        );
    }
    Ok(height)
}
