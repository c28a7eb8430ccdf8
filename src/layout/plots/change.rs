//! Change: a percentage rise (or fall) between two years, drawn as an index
//! — the first year is 100, the last 100 + change — with the change itself
//! as the headline number. The index is derived from the change the text
//! gives; the subtitle says so, and no amounts are invented.

use super::Single;
use crate::layout::value_scale::Linear;
use crate::layout::{Align, Role};
use crate::layout::{ChartError, SceneBuilder};
use crate::model::Datum;
use crate::words::figure_label;

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Single<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let locale = scene.locale;
    let (start, end) = plot.indicator.period.map_or((0, 0), |p| (p.start, p.end));
    let before: f64 = 100.0;
    let after = (100.0 + plot.figure.value).max(0.0);

    let big_line = scene.line_height(Role::BigValue);
    let value_line = scene.line_height(Role::Value);
    let axis_line = scene.line_height(Role::Axis);
    let height = plot
        .area
        .height_by_width(0.5, (scene.px(200.0), scene.px(280.0)));

    // The headline: "+113%", with what it is a change of.
    let headline = figure_label(plot.indicator, 0, &locale);
    scene.text(
        plot.area.x,
        plot.area.y,
        headline.clone(),
        Role::BigValue,
        palette.primary,
        Align::Left,
    );
    let headline_width = scene.measure(&headline, Role::BigValue)?;
    let from_to = format!("from {start} to {end}");
    scene.text(
        plot.area.x + headline_width + scene.px(10.0),
        plot.area.y + big_line - axis_line - scene.px(3.0),
        from_to,
        Role::Axis,
        palette.muted,
        Align::Left,
    );

    let bars_top = plot.area.y + big_line + scene.px(8.0) + value_line;
    let baseline = plot.area.y + height - axis_line - scene.px(6.0);
    let y = Linear::new((0.0, before.max(after)), (baseline, bars_top));
    let bar_width = scene.px(90.0).min(plot.area.width / 4);
    let centres = [
        plot.area.x + plot.area.width * 3 / 10,
        plot.area.x + plot.area.width * 7 / 10,
    ];
    let bars = [(start, before, palette.axis), (end, after, palette.primary)];
    for (centre, (year, index, color)) in centres.into_iter().zip(bars) {
        let (left, right, top) = (centre - bar_width / 2, centre + bar_width / 2, y.at(index));
        scene.rect(left, top, right, baseline, color);
        scene.text(
            centre,
            top - value_line - scene.px(2.0),
            locale.plain(index),
            Role::Value,
            palette.text,
            Align::Center,
        );
        scene.text(
            centre,
            baseline + scene.px(6.0),
            year.to_string(),
            Role::Axis,
            palette.muted,
            Align::Center,
        );
    }
    scene.hrule(
        plot.area.x,
        plot.area.x + plot.area.width,
        baseline,
        scene.px(1.0),
        palette.axis,
    );

    // An arrow from the first bar's top to the second's.
    let gap = scene.px(10.0);
    let from = (centres[0] + bar_width / 2 + gap, y.at(before));
    let to = (centres[1] - bar_width / 2 - gap, y.at(after));
    if to.0 > from.0 + gap {
        let head = scene.px(7.0);
        let (dx, dy) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let back = (
            f64::from(to.0) - ux * f64::from(head),
            f64::from(to.1) - uy * f64::from(head),
        );
        let side = f64::from(head) * 0.55;
        let shaft_end = (back.0.round() as i32, back.1.round() as i32);
        scene.path(vec![from, shaft_end], scene.px(2.0), palette.primary);
        scene.polygon(
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
    scene.hotspot(
        plot.area.x,
        plot.area.y,
        plot.area.x + plot.area.width,
        baseline,
        Datum::Figure(0),
    );
    Ok(height)
}
