//! A value axis drawn as labelled horizontal gridlines, shared by the
//! kinds that have one (average, balance).

use plotters::prelude::DrawingBackend;

use crate::charts::ChartError;
use crate::charts::pen::Pen;
use crate::charts::scale::Linear;
use crate::charts::scene::{Align, Role};

/// Gridlines at `ticks` across `x0..x1`, labelled at the left by `label`,
/// with the line at zero drawn as the axis. Returns nothing: the marks go
/// on the pen.
pub fn gridlines<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    ticks: &[f64],
    y: &Linear,
    (x0, x1): (i32, i32),
    label: impl Fn(f64) -> String,
) -> Result<(), ChartError> {
    let palette = pen.palette;
    let thin = pen.px(1.0);
    let half_line = pen.line_height(Role::Axis) / 2;
    for &tick in ticks {
        let at = y.at(tick);
        let (color, thickness) = if tick == 0.0 {
            (palette.axis, pen.px(1.5))
        } else {
            (palette.grid, thin)
        };
        pen.hrule(x0, x1, at - thickness / 2, thickness, color);
        pen.text(
            x0 - pen.px(8.0),
            at - half_line,
            label(tick),
            Role::Axis,
            palette.muted,
            Align::Right,
        );
    }
    Ok(())
}

/// The width the labels of `ticks` need, plus a gap.
pub fn label_width<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    ticks: &[f64],
    label: impl Fn(f64) -> String,
) -> Result<i32, ChartError> {
    let mut widest = 0;
    for &tick in ticks {
        widest = widest.max(pen.measure(&label(tick), Role::Axis)?);
    }
    Ok(widest + pen.px(8.0))
}
