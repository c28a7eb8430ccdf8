//! The box a chart takes on a page before it is drawn, so that nothing moves
//! when it is: a rule of the container's width, fitted at build time to the
//! heights the layout needs, that the page's picture and the element's
//! canvas both follow.
//!
//! A page cannot know, before any script runs, how tall a chart will be at
//! the width it is shown at: text wraps onto more lines in a narrow column,
//! and plots grow in a wide one. But CSS can size a box from its container's
//! width alone: a percentage `padding-top` is a percentage of the width, and
//! `max()` and `min()` of a few `calc(A px + B %)` terms make any
//! piecewise-linear function of it. So the build lays every chart out
//! across the widths it may be shown at (every few pixels from a phone to a
//! wide screen, at the pixel ratios of common screens), and fits a few line
//! segments that are never below the height the chart needs ([`fit`]). The picture's box is
//! that rule in an inline style (it holds its place before any script, in a
//! saved page, wherever scripts are stripped); the element sizes its
//! placeholder and its canvas by the same rule, and the layout fills
//! whatever height it is given beyond what it needs.

use std::sync::OnceLock;

use crate::layout::{ChartError, Options, layout};
use crate::model::{Chart, all_charts};
use crate::surface::fonts::LiberationMetrics;
use crate::theme::Theme;

/// A straight line, `intercept + slope × width`, in CSS pixels.
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

/// How steeply a segment's sides rise and fall, in CSS pixels of height per
/// pixel of width: a step, for CSS's continuous functions.
const SIDE_SLOPE: f64 = 50.0;

/// One piece of a rule: its line over a run of widths, rising steeply into
/// it from the left at `from` and falling steeply out of it at `to`
/// (`min()` of the three), or going on where there is no side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub line: Line,
    pub from: Option<f64>,
    pub to: Option<f64>,
}

impl Segment {
    fn at(self, width: f64) -> f64 {
        let rise = self
            .from
            .map_or(f64::MAX, |x| self.line.at(x) + SIDE_SLOPE * (width - x));
        let fall = self
            .to
            .map_or(f64::MAX, |x| self.line.at(x) - SIDE_SLOPE * (width - x));
        self.line.at(width).min(rise).min(fall)
    }

    /// The sides as lines of the width.
    fn sides(self) -> impl Iterator<Item = Line> {
        let rise = self.from.map(|x| Line {
            intercept: self.line.at(x) - SIDE_SLOPE * x,
            slope: SIDE_SLOPE,
        });
        let fall = self.to.map(|x| Line {
            intercept: self.line.at(x) + SIDE_SLOPE * x,
            slope: -SIDE_SLOPE,
        });
        rise.into_iter().chain(fall)
    }
}

/// A chart's height as a function of its width: the largest of its
/// segments, each a straight line over a run of widths. Text wraps onto
/// more lines as the column narrows, in steps, and some plots grow with
/// the width up to a limit; a few segments follow both.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxRule {
    pub segments: Vec<Segment>,
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
        self.segments
            .iter()
            .map(|segment| segment.at(width))
            .fold(f64::MIN, f64::max)
    }

    /// The rule as a CSS length in terms of the containing block's width,
    /// for a percentage `padding-top`, as
    /// `max(min(445px - 33%, 15950px - 5000%), 300px + 2%)`.
    pub fn css(&self) -> String {
        // Inside min() and max(), a sum needs no calc() of its own.
        let sum = |line: &Line| {
            let (px, percent) = (line.intercept, line.slope * 100.0);
            match (px == 0.0, percent == 0.0) {
                (_, true) => format!("{}px", number(px)),
                (true, false) => format!("{}%", number(percent)),
                (false, false) if percent < 0.0 => {
                    format!("{}px - {}%", number(px), number(-percent))
                }
                (false, false) => format!("{}px + {}%", number(px), number(percent)),
            }
        };
        let segment = |segment: &Segment| {
            let lines: Vec<String> = std::iter::once(segment.line)
                .chain(segment.sides())
                .map(|l| sum(&l))
                .collect();
            match lines.as_slice() {
                [only] => only.clone(),
                _ => format!("min({})", lines.join(", ")),
            }
        };
        match self.segments.as_slice() {
            [only] if only.from.is_none() && only.to.is_none() => {
                format!("calc({})", sum(&only.line))
            }
            [only] => segment(only),
            segments => format!(
                "max({})",
                segments.iter().map(segment).collect::<Vec<_>>().join(", ")
            ),
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

/// The most segments a rule has, and what one more must save to be worth
/// its place in the CSS (in pixels of height, summed over the widths).
const MAX_SEGMENTS: usize = 6;
const SEGMENT_COST: f64 = 400.0;

/// How much the room to spare at `width` counts: most at phones' columns,
/// where the room is scarcest and most readers are, and little beyond a
/// laptop's width, where few articles are.
fn weight(width: f64) -> f64 {
    match width {
        w if w <= 480.0 => 3.0,
        w if w <= 1280.0 => 1.0,
        _ => 0.25,
    }
}

/// The lowest rule that is nowhere below `needed` (width, height pairs,
/// by increasing width), in at most [`MAX_SEGMENTS`] segments: the runs
/// of widths, and a line for each (the lowest above the run, on average),
/// chosen so that the room to spare, summed over the widths, is least.
pub fn fit_heights(needed: &[(f64, f64)]) -> BoxRule {
    // Runs start at every other width: dynamic programming over where they
    // start, with each run's cost the room its line leaves.
    let starts: Vec<usize> = (0..needed.len()).step_by(2).chain([needed.len()]).collect();
    let count = starts.len();
    let run_cost = |from: usize, to: usize| -> (Line, f64) {
        let run = &needed[starts[from]..starts[to]];
        let line = lowest_line(run);
        let spare = run.iter().map(|&(w, h)| weight(w) * (line.at(w) - h)).sum();
        (line, spare)
    };
    let costs: Vec<Vec<f64>> = (0..count)
        .map(|i| {
            (0..count)
                .map(|j| {
                    if j > i {
                        run_cost(i, j).1
                    } else {
                        f64::INFINITY
                    }
                })
                .collect()
        })
        .collect();
    // best[k][j]: the least cost of covering runs up to start j in k segments.
    let mut best = vec![vec![(f64::INFINITY, 0usize); count]; MAX_SEGMENTS + 1];
    best[0][0] = (0.0, 0);
    for k in 1..=MAX_SEGMENTS {
        for j in 1..count {
            for i in 0..j {
                let (before, _) = best[k - 1][i];
                if before.is_finite() {
                    let cost = before + costs[i][j] + SEGMENT_COST;
                    if cost < best[k][j].0 {
                        best[k][j] = (cost, i);
                    }
                }
            }
        }
    }
    let segments = (1..=MAX_SEGMENTS)
        .min_by(|&a, &b| best[a][count - 1].0.total_cmp(&best[b][count - 1].0))
        .unwrap_or(1);
    // Walk back through the choices: the runs, last first.
    let mut runs = Vec::with_capacity(segments);
    let mut end = count - 1;
    for k in (1..=segments).rev() {
        let start = best[k][end].1;
        runs.push((start, end));
        end = start;
    }
    runs.reverse();
    // Each segment rises at the last width of the run before it and falls
    // after its own last width: between two widths laid out, the next run's
    // line holds (what the chart needs there is within its own first width's
    // needs, see `needed_heights`).
    let last_width = |start_index: usize| needed[starts[start_index] - 1].0;
    let segments = runs
        .iter()
        .enumerate()
        .map(|(index, &(from, to))| Segment {
            line: run_cost(from, to).0,
            from: (index > 0).then(|| last_width(from)),
            to: (index + 1 < runs.len()).then(|| last_width(to)),
        })
        .collect();
    simplified(BoxRule { segments }, needed)
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
/// percent, heights up to a tenth of a pixel), and raised where rounding
/// took it below `needed`.
fn simplified(rule: BoxRule, needed: &[(f64, f64)]) -> BoxRule {
    let mut rounded = BoxRule {
        segments: rule
            .segments
            .iter()
            .map(|segment| Segment {
                line: Line {
                    intercept: (segment.line.intercept * 10.0).ceil() / 10.0,
                    slope: (segment.line.slope * 1e4).round() / 1e4,
                },
                ..*segment
            })
            .collect(),
    };
    // Rounding a slope can leave a line a little low at the far end.
    let shortfall = needed
        .iter()
        .map(|&(w, h)| h - rounded.height(w))
        .fold(0.0, f64::max);
    if shortfall > 0.0 {
        for segment in &mut rounded.segments {
            segment.line.intercept = ((segment.line.intercept + shortfall) * 10.0).ceil() / 10.0;
        }
    }
    rounded
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
            segments: vec![
                Segment {
                    line: Line {
                        intercept: 445.5,
                        slope: -0.3,
                    },
                    from: None,
                    to: Some(400.0),
                },
                Segment {
                    line: Line {
                        intercept: 200.0,
                        slope: 0.1,
                    },
                    from: Some(400.0),
                    to: None,
                },
            ],
        };
        assert_eq!(
            rule.css(),
            "max(min(445.5px - 30%, 20325.5px - 5000%), min(200px + 10%, -19760px + 5000%))"
        );
        assert_eq!(rule.height(300.0), 355.5);
        assert_eq!(rule.height(400.0), 325.5);
        // Past the first segment's end, it falls away and the second holds.
        assert_eq!(rule.height(420.0), 242.0);
        assert_eq!(rule.height(1000.0), 300.0);
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
        assert!(rule.segments.len() <= MAX_SEGMENTS);
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
