//! Balance: signed values around a zero line — surpluses above, deficits
//! below — on a value axis in billions or millions of US$. The surplus side
//! is kept visible even when every value is a deficit, so the reader sees
//! which way is up. A run of years the text gives without amounts ("after
//! three years of surpluses": a record `drawn_with` this chart) stands
//! before them as arrows on the surplus side, of no height, each year
//! starred as worked out, with a key: the sign is given, the amount is not.

use super::Plot;
use super::axis::{gridlines, label_width};
use crate::layout::value_scale::{Linear, nice_ticks};
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::{CATALOG, Datum};
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

    // The run before the amounts, if a record is drawn with this chart.
    let drawn_with = CATALOG
        .indicators
        .iter()
        .find(|i| i.drawn_with == Some(plot.indicator.id));
    let run: Vec<u16> = drawn_with
        .and_then(|i| i.span)
        .map(|span| (span.from.year..=span.to.year).collect())
        .unwrap_or_default();
    let run_words = drawn_with
        .and_then(|i| i.values.first())
        .map_or("", |f| f.as_written);
    // The run's key goes under the bars, within the plot's height.
    let head = scene.px(9.0);
    let key_words = format!(
        "Surplus, amount not given; * year worked out from the text\u{2019}s \u{201c}{run_words}\u{201d} before it"
    );
    let key_x = plot.area.x + head * 2 + scene.px(6.0);
    let key_width = plot.area.width - head * 2 - scene.px(6.0);
    let key_height = if run.is_empty() {
        0
    } else {
        scene.px(6.0) + scene.paragraph_height(key_width, &key_words, Role::Small)?
    };
    let bars = super::Area {
        height: plot.area.height.map(|h| h - key_height),
        ..plot.area
    };
    let height = bars.height_by_width(0.5, (scene.px(210.0), scene.px(300.0)));
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

    let slots = run.len() + values.len();
    // Bars and arrows stay clear of the Surplus / Deficit labels.
    let labels_room = if run.is_empty() {
        0
    } else {
        scene
            .measure("Surplus", Role::Small)?
            .max(scene.measure("Deficit", Role::Small)?)
            + gap
    };
    let slot = (plot_right - labels_room - plot_left) / slots.max(1) as i32;
    for (index, year) in run.iter().enumerate() {
        let centre = plot_left + slot * index as i32 + slot / 2;
        let tip = zero - scene.px(28.0);
        scene.rect(
            centre - 1,
            tip,
            centre + scene.px(2.0).max(1),
            zero,
            palette.primary,
        );
        scene.path(
            vec![
                (centre - head, tip + head),
                (centre, tip),
                (centre + head, tip + head),
            ],
            scene.px(2.0),
            palette.primary,
        );
        scene.text(
            centre,
            zero + gap,
            format!("{year}*"),
            Role::Label,
            palette.text,
            Align::Center,
        );
    }
    let run_slots = run.len() as i32;
    let bar_width = scene.px(110.0).min(slot / 2);
    let value_line = scene.line_height(Role::Value);
    let label_line = scene.line_height(Role::Label);
    for (index, (figure, value)) in plot.indicator.values.iter().zip(&values).enumerate() {
        let centre = plot_left + slot * (run_slots + index as i32) + slot / 2;
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
        // A label wider than its slot stays within the plot.
        let half_label = scene.measure(&label, Role::Value)? / 2;
        let centre_label = (centre)
            .min(plot_right - labels_room - half_label)
            .max(plot_left + half_label);
        if below {
            scene.halo(
                (centre_label, end + gap),
                &label,
                Role::Value,
                Align::Center,
            )?;
            scene.text(
                centre_label,
                end + gap,
                label,
                Role::Value,
                color,
                Align::Center,
            );
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
                centre_label,
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
    if run.is_empty() {
        return Ok(height);
    }
    // The key to the run's arrows and stars.
    let key_top = plot.area.y + height + scene.px(6.0);
    let x = plot.area.x;
    scene.rect(
        x + head,
        key_top + scene.px(2.0),
        x + head + scene.px(2.0).max(1),
        key_top + small_line,
        palette.primary,
    );
    scene.path(
        vec![
            (x + head / 2, key_top + head),
            (x + head, key_top + scene.px(2.0)),
            (x + head * 3 / 2, key_top + head),
        ],
        scene.px(2.0),
        palette.primary,
    );
    scene.paragraph(
        key_x,
        key_top,
        key_width,
        &key_words,
        Role::Small,
        palette.muted,
    )?;
    Ok(height + key_height)
}
