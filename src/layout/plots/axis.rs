//! A value axis drawn as labelled horizontal gridlines, shared by the
//! kinds that have one (average, balance).

use crate::layout::value_scale::Linear;
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};

/// Gridlines at `ticks` across `x0..x1`, labelled at the left by `label`,
/// with the line at zero drawn as the axis. Returns nothing: the marks go
/// on the scene.
pub fn gridlines(
    scene: &mut SceneBuilder<'_>,
    ticks: &[f64],
    y: &Linear,
    (x0, x1): (i32, i32),
    label: impl Fn(f64) -> String,
) -> Result<(), ChartError> {
    let palette = scene.palette;
    let thin = scene.px(1.0);
    let half_line = scene.line_height(Role::Axis) / 2;
    for &tick in ticks {
        let at = y.at(tick);
        let (color, thickness) = if tick == 0.0 {
            (palette.axis, scene.px(1.5))
        } else {
            (palette.grid, thin)
        };
        scene.hrule(x0, x1, at - thickness / 2, thickness, color);
        scene.text(
            x0 - scene.px(8.0),
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
pub fn label_width(
    scene: &SceneBuilder<'_>,
    ticks: &[f64],
    label: impl Fn(f64) -> String,
) -> Result<i32, ChartError> {
    let mut widest = 0;
    for &tick in ticks {
        widest = widest.max(scene.measure(&label(tick), Role::Axis)?);
    }
    Ok(widest + scene.px(8.0))
}
