//! The box a chart takes on a page before it is drawn, so that nothing moves
//! when it is: a rule of the container's width, fitted at build time to the
//! heights the layout needs, that the page's picture and the element's
//! canvas both follow.
//!
//! A page cannot know, before any script runs, how tall a chart will be at
//! the width it is shown at: text wraps onto more lines in a narrow column,
//! and plots grow in a wide one. But CSS can size a box from its container's
//! width alone: a percentage `padding-top` is a percentage of the width, and
//! `max()` of a few `calc(A px + B %)` terms is any convex, piecewise-linear
//! function of it. So the build lays every chart out across the widths it
//! may be shown at (every few pixels from a phone to a wide screen, at the
//! pixel ratios of common screens), and fits the lowest such function that
//! is never below the height the chart needs ([`fit`]). The picture's box is
//! that rule in an inline style (it holds its place before any script, in a
//! saved page, wherever scripts are stripped); the element sizes its
//! placeholder and its canvas by the same rule, and the layout fills
//! whatever height it is given beyond what it needs.

use std::sync::OnceLock;

use crate::layout::{ChartError, Options, layout};
use crate::model::{Chart, all_charts};
use crate::surface::fonts::LiberationMetrics;
use crate::theme::Theme;

/// One term of a rule: `intercept + slope × width`, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub intercept: f64,
    pub slope: f64,
}

impl Line {
    fn at(self, width: f64) -> f64 {
        self.intercept + self.slope * width
    }
}

/// A chart's height as a function of its width: the largest of its terms.
/// A chart's text wraps onto more lines as it narrows (so it needs more
/// height, and a falling line follows that), and some plots grow with the
/// width up to a limit (a rising line, capped: a ramp).
#[derive(Debug, Clone, PartialEq)]
pub struct BoxRule {
    pub lines: Vec<Line>,
    /// A rising line that stops rising at a height: `min(line, cap)`.
    pub ramp: Option<(Line, f64)>,
}

/// The widths the rule is fitted over, in CSS pixels: from a narrow phone's
/// column to a wide screen. Narrower or wider containers follow the lines
/// out, which keep rising as the column narrows (text wraps more) and stay
/// level or rise as it widens.
pub const FITTED_WIDTHS: (f64, f64) = (240.0, 2000.0);
/// How far apart the widths laid out are.
const STEP: f64 = 8.0;
/// The pixel ratios laid out at: a laptop's and phones'. Text is measured
/// and lines are rounded in device pixels, so heights differ by a pixel or
/// two between them; ratios in between (2.625) are checked by the tests.
pub const PIXEL_RATIOS: [f64; 3] = [1.0, 2.0, 3.0];
/// Room for a browser that measures text a little wider than the committed
/// font does: the rule at width `w` holds what the chart needs anywhere in
/// `[w × (1 - WIDTH_SLACK) - 4, w]`, where a line may wrap sooner.
const WIDTH_SLACK: f64 = 0.03;
/// A chart is given at least this much more than it needs, in CSS pixels,
/// for rounding in the browser's layout.
const HEIGHT_SLACK: f64 = 2.0;

impl BoxRule {
    /// The chart's height in CSS pixels at `width` CSS pixels.
    pub fn height(&self, width: f64) -> f64 {
        let lines = self.lines.iter().map(|line| line.at(width));
        let ramp = self.ramp.map(|(line, cap)| line.at(width).min(cap));
        lines.chain(ramp).fold(f64::MIN, f64::max)
    }

    /// The rule as a CSS length in terms of the containing block's width,
    /// for a percentage `padding-top`:
    /// `max(calc(445px - 33%), min(calc(120px + 40%), 398px))`.
    pub fn css(&self) -> String {
        let term = |line: &Line| {
            let (px, percent) = (line.intercept, line.slope * 100.0);
            match (px == 0.0, percent == 0.0) {
                (_, true) => format!("{}px", number(px)),
                (true, false) => format!("{}%", number(percent)),
                (false, false) if percent < 0.0 => {
                    format!("calc({}px - {}%)", number(px), number(-percent))
                }
                (false, false) => format!("calc({}px + {}%)", number(px), number(percent)),
            }
        };
        let mut terms: Vec<String> = self.lines.iter().map(term).collect();
        if let Some((line, cap)) = &self.ramp {
            terms.push(format!("min({}, {}px)", term(line), number(*cap)));
        }
        match terms.as_slice() {
            [only] => only.clone(),
            _ => format!("max({})", terms.join(", ")),
        }
    }
}

/// A number as CSS takes it: no trailing zeros, no exponent.
fn number(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// The heights `chart` needs, in CSS pixels, at every fitted width: for
/// each, the most any pixel ratio needs at it or a little narrower (see
/// [`WIDTH_SLACK`]), plus [`HEIGHT_SLACK`].
pub fn needed_heights(chart: Chart) -> Result<Vec<(f64, f64)>, ChartError> {
    let (first, last) = FITTED_WIDTHS;
    let count = ((last - first) / STEP) as usize + 1;
    let widths: Vec<f64> = (0..count).map(|i| first + STEP * i as f64).collect();
    let mut natural = Vec::with_capacity(count);
    for &width in &widths {
        let mut most: f64 = 0.0;
        for pixel_ratio in PIXEL_RATIOS {
            let options = Options {
                pixel_ratio,
                ..Options::new(width, Theme::Light)
            };
            let scene = layout(chart, &options, &LiberationMetrics)?;
            most = most.max(f64::from(scene.height) / scene.pixel_ratio);
        }
        natural.push(most);
    }
    Ok(widths
        .iter()
        .map(|&width| {
            let from = width * (1.0 - WIDTH_SLACK) - 4.0;
            let needed = widths
                .iter()
                .zip(&natural)
                .filter(|(w, _)| **w >= from && **w <= width)
                .map(|(_, h)| *h)
                .fold(0.0, f64::max);
            (width, needed + HEIGHT_SLACK)
        })
        .collect())
}

/// The lowest rule that is nowhere below `needed` (width, height pairs,
/// by increasing width): the one with the least room to spare, summed over
/// the widths. It is one of: up to three lines, each the lowest above a run
/// of widths; or up to two lines for the narrow widths and a ramp for the
/// wider ones, capped at the most they need.
pub fn fit_heights(needed: &[(f64, f64)]) -> BoxRule {
    // Runs start at candidate breaks a few tens of pixels apart.
    let breaks: Vec<usize> = (1..needed.len()).step_by(8).collect();
    let lines_over = |bounds: &[usize]| -> Vec<Line> {
        bounds
            .windows(2)
            .filter(|run| run[1] > run[0])
            .map(|run| lowest_line(&needed[run[0]..run[1]]))
            .collect()
    };
    let spare = |rule: &BoxRule| -> f64 { needed.iter().map(|&(w, h)| rule.height(w) - h).sum() };
    let mut best: Option<(f64, BoxRule)> = None;
    let mut consider = |rule: BoxRule| {
        let rule = simplified(rule, needed);
        let holds = needed.iter().all(|&(w, h)| rule.height(w) >= h - 1e-9);
        let area = spare(&rule);
        if holds && best.as_ref().is_none_or(|(least, _)| area < *least) {
            best = Some((area, rule));
        }
    };
    let end = needed.len();
    consider(BoxRule {
        lines: lines_over(&[0, end]),
        ramp: None,
    });
    for (i, &a) in breaks.iter().enumerate() {
        consider(BoxRule {
            lines: lines_over(&[0, a, end]),
            ramp: None,
        });
        for &b in &breaks[i + 1..] {
            consider(BoxRule {
                lines: lines_over(&[0, a, b, end]),
                ramp: None,
            });
        }
    }
    // A ramp from `start` that levels off at `level`: its cap is the most
    // any width from `start` on needs, and its line the lowest above the
    // widths from `start` to `level` and that cap at `level`.
    for &start in std::iter::once(&0).chain(&breaks) {
        let cap = needed[start..].iter().map(|p| p.1).fold(0.0, f64::max);
        for &level in breaks.iter().filter(|&&b| b > start) {
            let mut run: Vec<(f64, f64)> = needed[start..level].to_vec();
            run.push((needed[level].0, cap));
            let ramp = Some((lowest_line(&run), cap));
            for &split in std::iter::once(&start).chain(breaks.iter().filter(|&&b| b < start)) {
                consider(BoxRule {
                    lines: lines_over(&[0, split, start]),
                    ramp,
                });
            }
        }
    }
    best.map(|(_, rule)| rule).unwrap_or_else(|| BoxRule {
        lines: vec![Line {
            intercept: needed.iter().map(|p| p.1).fold(0.0, f64::max),
            slope: 0.0,
        }],
        ramp: None,
    })
}

/// The lowest line above every point of a run (by increasing x), on average
/// over the run: the tangent to its upper hull at the mean x.
fn lowest_line(points: &[(f64, f64)]) -> Line {
    let mut hull: Vec<(f64, f64)> = Vec::new();
    for &p in points {
        while hull.len() >= 2 {
            let (o, a) = (hull[hull.len() - 2], hull[hull.len() - 1]);
            // Drop `a` if it is on or below the segment from `o` to `p`.
            let cross = (a.0 - o.0) * (p.1 - o.1) - (a.1 - o.1) * (p.0 - o.0);
            if cross >= 0.0 {
                hull.pop();
            } else {
                break;
            }
        }
        hull.push(p);
    }
    let mean = points.iter().map(|p| p.0).sum::<f64>() / points.len().max(1) as f64;
    let edge = hull
        .windows(2)
        .find(|edge| edge[0].0 <= mean && mean <= edge[1].0);
    match edge {
        Some([a, b]) => {
            let slope = (b.1 - a.1) / (b.0 - a.0);
            Line {
                intercept: a.1 - slope * a.0,
                slope,
            }
        }
        _ => Line {
            intercept: hull.first().map_or(0.0, |p| p.1),
            slope: 0.0,
        },
    }
}

/// The rule with its numbers rounded for CSS (slopes to a hundredth of a
/// percent, heights up to a tenth of a pixel), raised where rounding took
/// it below `needed`, and without the terms that are never the largest.
fn simplified(rule: BoxRule, needed: &[(f64, f64)]) -> BoxRule {
    let round = |line: &Line| Line {
        intercept: (line.intercept * 10.0).ceil() / 10.0,
        slope: (line.slope * 1e4).round() / 1e4,
    };
    let mut lines: Vec<Line> = rule.lines.iter().map(round).collect();
    lines.dedup();
    let mut rounded = BoxRule {
        lines,
        ramp: rule
            .ramp
            .map(|(line, cap)| (round(&line), (cap * 10.0).ceil() / 10.0)),
    };
    // Rounding a slope can leave a line a little low at the far end.
    let shortfall = needed
        .iter()
        .map(|&(w, h)| h - rounded.height(w))
        .fold(0.0, f64::max);
    if shortfall > 0.0 {
        let raise = |line: &mut Line| {
            line.intercept = ((line.intercept + shortfall) * 10.0).ceil() / 10.0;
        };
        rounded.lines.iter_mut().for_each(raise);
        if let Some((line, cap)) = &mut rounded.ramp {
            raise(line);
            *cap = ((*cap + shortfall) * 10.0).ceil() / 10.0;
        }
    }
    let largest_somewhere = |value: &dyn Fn(f64) -> f64| {
        needed
            .iter()
            .any(|&(w, _)| (value(w) - rounded.height(w)).abs() < 1e-9)
    };
    let lines = rounded
        .lines
        .iter()
        .filter(|line| largest_somewhere(&|w| line.at(w)))
        .copied()
        .collect();
    let ramp = rounded
        .ramp
        .filter(|(line, cap)| largest_somewhere(&|w| line.at(w).min(*cap)));
    BoxRule { lines, ramp }
}

/// The rule `chart` follows on every page: see the module's doc.
pub fn fit(chart: Chart) -> Result<BoxRule, ChartError> {
    Ok(fit_heights(&needed_heights(chart)?))
}

/// Every chart's rule, by id, fitted once per process (the pages, the
/// pictures and the element's script all need them; fitting lays each
/// chart out a few hundred times), on every core.
pub fn all() -> Result<&'static [(&'static str, BoxRule)], ChartError> {
    static RULES: OnceLock<Result<Vec<(&'static str, BoxRule)>, ChartError>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            let charts: Vec<Chart> = all_charts().collect();
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let chunks: Vec<&[Chart]> = charts.chunks(charts.len().div_ceil(threads)).collect();
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunks
                    .iter()
                    .map(|chunk| {
                        scope.spawn(|| {
                            chunk
                                .iter()
                                .map(|chart| Ok((chart.id(), fit(*chart)?)))
                                .collect::<Result<Vec<_>, ChartError>>()
                        })
                    })
                    .collect();
                let mut rules = Vec::new();
                for handle in handles {
                    let fitted = handle
                        .join()
                        .map_err(|_| ChartError::Draw("fitting a chart's box panicked".into()))?;
                    rules.extend(fitted?);
                }
                Ok(rules)
            })
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// The rule of the chart `id`.
pub fn rule(id: &str) -> Result<&'static BoxRule, ChartError> {
    all()?
        .iter()
        .find(|(chart, _)| *chart == id)
        .map(|(_, rule)| rule)
        .ok_or_else(|| ChartError::Options(format!("no box rule for chart \"{id}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_reads_as_a_length_of_the_width() {
        let rule = BoxRule {
            lines: vec![Line {
                intercept: 445.5,
                slope: -0.3,
            }],
            ramp: Some((
                Line {
                    intercept: 120.0,
                    slope: 0.4,
                },
                398.0,
            )),
        };
        assert_eq!(
            rule.css(),
            "max(calc(445.5px - 30%), min(calc(120px + 40%), 398px))"
        );
        assert_eq!(rule.height(300.0), 355.5);
        assert_eq!(rule.height(500.0), 320.0);
        assert_eq!(rule.height(1000.0), 398.0);
    }

    /// A fitted rule is above every height it was given, and close to them:
    /// on a step function it follows the steps' corners.
    #[test]
    fn a_fit_holds_every_height_with_little_to_spare() {
        let needed: Vec<(f64, f64)> = (0..200)
            .map(|i| {
                let w = 240.0 + 4.0 * f64::from(i);
                (
                    w,
                    if w < 400.0 {
                        400.0
                    } else if w < 600.0 {
                        340.0
                    } else {
                        300.0
                    },
                )
            })
            .collect();
        let rule = fit_heights(&needed);
        for &(w, h) in &needed {
            assert!(rule.height(w) >= h - 1e-6, "{w}: {} < {h}", rule.height(w));
        }
        let spare = needed.iter().map(|&(w, h)| rule.height(w) - h).sum::<f64>() / 200.0;
        assert!(spare < 20.0, "{spare} px to spare on average: {rule:?}");
        assert!(rule.lines.len() <= 3);
    }

    /// Every chart's rule holds what the chart needs at every width and
    /// pixel ratio it was fitted for, and a chart laid out at that height
    /// takes exactly that height: the canvas fills the picture's box.
    #[test]
    fn every_chart_fits_its_box() {
        for chart in all_charts() {
            let needed = needed_heights(chart).expect("lays out");
            let rule = fit_heights(&needed);
            for &(w, h) in &needed {
                assert!(rule.height(w) >= h - 1e-6, "{}: {w} px", chart.id());
            }
            // A pixel ratio it was not fitted at (Android's 2.625), between
            // the widths it was.
            for width in (0..45).map(|i| 302.0 + 22.0 * f64::from(i)) {
                let options = Options {
                    pixel_ratio: 2.625,
                    ..Options::new(width, Theme::Light)
                };
                let scene = layout(chart, &options, &LiberationMetrics).expect("lays out");
                let needs = f64::from(scene.height) / scene.pixel_ratio;
                assert!(
                    rule.height(width) >= needs,
                    "{} at {width} px, 2.625×: {needs}",
                    chart.id()
                );
            }
            for width in [320.0, 390.0, 710.0] {
                let height = rule.height(width);
                let options = Options {
                    height: Some(height),
                    ..Options::new(width, Theme::Light)
                };
                let scene = layout(chart, &options, &LiberationMetrics).expect("lays out");
                assert_eq!(
                    f64::from(scene.height),
                    height.round(),
                    "{} at {width}",
                    chart.id()
                );
            }
        }
    }
}
