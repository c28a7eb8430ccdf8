//! Panel: a lone amount as the number it is — no grid of squares, no axis —
//! with its bound drawn in the rule beneath it (see `layout::hedges`), the
//! text's own words where they differ from the number, and the key. An
//! average over a period is a panel too, read "a year on average,
//! 2000–2015": a year axis would suggest yearly values the text does not
//! give.

use super::Single;
use crate::layout::hedges::{self, End};
use crate::layout::{ChartError, Role, SceneBuilder};
use crate::model::{ChartKind, Datum};
use crate::words::{figure_label, period_label};

pub fn lay_out(scene: &mut SceneBuilder<'_>, plot: Single<'_>) -> Result<i32, ChartError> {
    let palette = scene.palette;
    let locale = scene.locale;
    let (x, width) = (plot.area.x, plot.area.width);
    let mut y = plot.area.y;

    let big = figure_label(plot.indicator, 0, &locale);
    let big_width = scene.measure(&big, Role::BigValue)?;
    y = scene.paragraph(x, y, width, &big, Role::BigValue, palette.primary)?;
    y += scene.px(6.0);
    let end = End::of(plot.figure.bound);
    let rule_end = x + big_width
        .min(width - hedges::overhang(scene))
        .max(scene.px(24.0));
    hedges::rule(scene, (x, rule_end), y, end, palette.primary);
    y += scene.px(16.0);

    if plot.indicator.chart == ChartKind::Average {
        let over = match plot.indicator.period {
            Some(period) => format!("a year on average, {}", period_label(period)),
            None => "a year on average".to_string(),
        };
        y = scene.paragraph(x, y, width, &over, Role::Value, palette.text)?;
    }
    let plain = locale.figure(plot.figure.value, plot.indicator.unit);
    if !plot.figure.as_written.eq_ignore_ascii_case(&plain) {
        let wording = format!("The text says \u{201c}{}\u{201d}", plot.figure.as_written);
        y = scene.paragraph(x, y, width, &wording, Role::Small, palette.muted)?;
    }
    y += scene.px(8.0);
    y = hedges::key(scene, (x, y), width, end, palette.primary)?;

    scene.hotspot(
        x,
        plot.area.y,
        (rule_end + hedges::overhang(scene)).min(x + width),
        y,
        Datum::Figure(0),
    );
    Ok(plot.area.height_or(y - plot.area.y))
}
