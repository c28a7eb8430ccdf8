//! Balance: signed values around a zero line — surpluses above, deficits
//! below — on a value axis in billions or millions of US$. The surplus side
//! is kept visible even when every value is a deficit, so the reader sees
//! which way is up.

use plotters::prelude::DrawingBackend;

use super::axis::{gridlines, label_width};
use super::{Area, figure_label};
use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scale::{Linear, nice_ticks};
use crate::charts::scene::{Align, Datum, Role};
use crate::model::{Indicator, Unit};

/// The amounts' scale: a divisor and how the subtitle names it.
fn magnitude(indicator: &Indicator) -> (f64, &'static str) {
    let largest = indicator
        .figures
        .iter()
        .map(|f| f.value.abs())
        .fold(0.0, f64::max);
    match indicator.unit {
        Unit::Usd if largest >= 1e9 => (1e9, "US$ billion"),
        Unit::Usd if largest >= 1e6 => (1e6, "US$ million"),
        Unit::Usd => (1.0, "US$"),
        _ => (1.0, ""),
    }
}

/// What the axis is in: "US$ billion".
pub fn unit_phrase(indicator: &Indicator) -> &'static str {
    magnitude(indicator).1
}

pub fn draw<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    indicator: &Indicator,
    area: Area,
) -> Result<i32, ChartError> {
    let palette = pen.palette;
    let locale = pen.locale;
    let (divisor, _) = magnitude(indicator);
    let values: Vec<f64> = indicator
        .figures
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

    let height = area.height_or(
        (f64::from(area.width) * 0.5).clamp(f64::from(pen.px(210.0)), f64::from(pen.px(300.0)))
            as i32,
    );
    let half_axis = pen.line_height(Role::Axis) / 2;
    let (plot_top, plot_bottom) = (area.y + half_axis, area.y + height - half_axis);
    let plot_left = area.x + label_width(pen, &ticks, tick_label)?;
    let plot_right = area.x + area.width;
    let y = Linear::new(domain, (plot_bottom, plot_top));
    gridlines(pen, &ticks, &y, (plot_left, plot_right), tick_label)?;

    let zero = y.at(0.0);
    let small_line = pen.line_height(Role::Small);
    let gap = pen.px(4.0);
    pen.text(
        plot_right,
        zero - small_line - gap,
        "Surplus",
        Role::Small,
        palette.muted,
        Align::Right,
    );
    pen.text(
        plot_right,
        zero + gap,
        "Deficit",
        Role::Small,
        palette.muted,
        Align::Right,
    );

    let slot = (plot_right - plot_left) / values.len().max(1) as i32;
    let bar_width = pen.px(110.0).min(slot / 2);
    let value_line = pen.line_height(Role::Value);
    let label_line = pen.line_height(Role::Label);
    for (index, (figure, value)) in indicator.figures.iter().zip(&values).enumerate() {
        let centre = plot_left + slot * index as i32 + slot / 2;
        let end = y.at(*value);
        let (color, below) = if *value < 0.0 {
            (palette.secondary, true)
        } else {
            (palette.primary, false)
        };
        pen.rect(
            centre - bar_width / 2,
            zero,
            centre + bar_width / 2,
            end,
            color,
        );
        let label = figure_label(indicator, index, &locale);
        let category = figure.label.unwrap_or("");
        if below {
            pen.text_with_halo(centre, end + gap, label, Role::Value, color, Align::Center)?;
            pen.text(
                centre,
                zero - label_line - gap,
                category,
                Role::Label,
                palette.text,
                Align::Center,
            );
        } else {
            pen.text(
                centre,
                end - value_line - gap,
                label,
                Role::Value,
                color,
                Align::Center,
            );
            pen.text(
                centre,
                zero + gap,
                category,
                Role::Label,
                palette.text,
                Align::Center,
            );
        }
        pen.hotspot(
            centre - bar_width / 2,
            zero.min(end) - value_line,
            centre + bar_width / 2,
            zero.max(end) + value_line,
            Datum::Figure(index),
        );
    }
    Ok(height)
}
