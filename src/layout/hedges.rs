//! How a figure's bound is drawn, the same way on every chart that draws
//! one: the mark's end says what the text's words say. An exact figure's
//! rule ends square, with a cap; "about" fades out in dashes, since the
//! text gives no exact end; "more than" ends in an open arrow, since the
//! text gives only where it starts. Each chart that draws one also draws
//! its key, so no mark is left to be guessed.

use super::{Align, ChartError, Role, SceneBuilder};
use crate::model::Bound;
use crate::theme::Rgb;

/// The end of a figure's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The figure as the text gives it.
    Closed,
    /// "About": dashes fading out past the figure.
    Fuzzy,
    /// "More than": an open arrow past the figure.
    Open,
}

impl End {
    pub fn of(bound: Bound) -> End {
        match bound {
            Bound::Exact => End::Closed,
            Bound::About => End::Fuzzy,
            Bound::MoreThan => End::Open,
        }
    }

    /// The key's words for this end.
    pub fn key(self) -> &'static str {
        match self {
            End::Closed => "Square end: the figure as the text gives it",
            End::Fuzzy => "Fading end: about, as the text says",
            End::Open => "Open arrow: more than, as the text says",
        }
    }
}

/// A rule `thickness` device pixels thick from `x0` to `x1`, its top at
/// `y`, ending as `end` says. What it draws past `x1` (dashes, the
/// arrow) fits in [`overhang`].
pub fn rule(scene: &mut SceneBuilder<'_>, (x0, x1): (i32, i32), y: i32, end: End, color: Rgb) {
    let thickness = scene.px(4.0).max(2);
    let mid = y + thickness / 2;
    match end {
        End::Closed => {
            scene.rect(x0, y, x1, y + thickness, color);
            let cap = scene.px(6.0);
            scene.rect(x1 - scene.px(2.0).max(1), mid - cap, x1, mid + cap, color);
        }
        End::Fuzzy => {
            // Solid to a little short of the figure, then dashes that
            // shorten: the end is somewhere about here.
            let dash = scene.px(6.0).max(2);
            let solid_end = (x1 - 2 * dash).max(x0);
            scene.rect(x0, y, solid_end, y + thickness, color);
            let mut x = solid_end + dash / 2;
            for length in [dash, dash * 3 / 4, dash / 2, dash / 3] {
                scene.rect(x, y, x + length.max(1), y + thickness, color);
                x += length.max(1) + dash / 2;
            }
        }
        End::Open => {
            scene.rect(x0, y, x1, y + thickness, color);
            let head = scene.px(8.0);
            let tip = x1 + head;
            scene.path(
                vec![(x1, mid - head), (tip, mid), (x1, mid + head)],
                scene.px(2.0),
                color,
            );
        }
    }
}

/// How far `rule` draws past its `x1`, in device pixels.
pub fn overhang(scene: &SceneBuilder<'_>) -> i32 {
    scene.px(22.0)
}

/// The key for `end` at (`x`, `y`): a short rule with the end, and its
/// words; returns the `y` below it.
pub fn key(
    scene: &mut SceneBuilder<'_>,
    (x, y): (i32, i32),
    width: i32,
    end: End,
    color: Rgb,
) -> Result<i32, ChartError> {
    let line = scene.line_height(Role::Small);
    let sample = scene.px(24.0);
    let thickness = scene.px(4.0).max(2);
    rule(
        scene,
        (x, x + sample),
        y + (line - thickness) / 2,
        end,
        color,
    );
    let text_x = x + sample + overhang(scene) + scene.px(4.0);
    let muted = scene.palette.muted;
    let lines = scene.wrap(end.key(), Role::Small, (width - (text_x - x)).max(1))?;
    let mut y = y;
    for words in lines {
        scene.text(text_x, y, words, Role::Small, muted, Align::Left);
        y += line;
    }
    Ok(y)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::End;
    use crate::layout::{Mark, Options, layout};
    use crate::model::{Bound, Chart, all_charts};
    use crate::surface::fonts::LiberationMetrics;
    use crate::theme::Theme;

    /// The open arrow: the one three-point path a panel draws.
    fn arrows(marks: &[Mark]) -> usize {
        marks
            .iter()
            .filter(|m| matches!(m, Mark::Path { points, .. } if points.len() == 3))
            .count()
    }

    /// Every chart that draws one figure's bound draws the end its bound
    /// calls for, and the key for it only: "about 30" is never a square
    /// end, "more than 40" always ends open, and an exact figure never
    /// does. The big number says the bound in words too.
    #[test]
    fn a_figures_mark_never_contradicts_its_bound() {
        let mut checked = [0; 3];
        for chart in all_charts() {
            let Chart::Indicator(indicator) = chart else {
                continue;
            };
            let [figure] = indicator.values else {
                continue;
            };
            let scene = layout(
                chart,
                &Options::new(640.0, Theme::Light),
                &LiberationMetrics,
            )
            .expect("lays out");
            let texts: Vec<&str> = scene.texts().collect();
            let end = End::of(figure.bound);
            let key_lines = |e: End| texts.iter().filter(|t| e.key().starts_with(**t)).count();
            if key_lines(end) == 0 {
                continue; // this kind draws no rule (a change's index)
            }
            for other in [End::Closed, End::Fuzzy, End::Open] {
                if other != end {
                    assert_eq!(key_lines(other), 0, "{}: keys {other:?}", indicator.id);
                }
            }
            // The rule and the key's sample each draw the end.
            let expected_arrows = if end == End::Open { 2 } else { 0 };
            assert_eq!(arrows(&scene.marks), expected_arrows, "{}", indicator.id);
            let words = match figure.bound {
                Bound::Exact => None,
                Bound::About => Some("about"),
                Bound::MoreThan => Some("more than"),
            };
            if let Some(words) = words {
                assert!(
                    texts.iter().any(|t| t.starts_with(words)),
                    "{}: the number does not say \"{words}\": {texts:?}",
                    indicator.id
                );
            }
            checked[end as usize] += 1;
        }
        // The data has figures of each bound drawn this way.
        assert!(checked.iter().all(|&n| n > 0), "checked {checked:?}");
    }
}
