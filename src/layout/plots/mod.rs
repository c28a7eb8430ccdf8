//! The plot of each chart kind, laid out in the [`Area`] the frame leaves
//! for it; each returns the height it used.

mod axis;
mod balance;
mod change;
mod comparison;
mod panel;
mod timeline;
mod units;

pub use timeline::JUMP_YEARS as TIMELINE_JUMP_YEARS;

use super::{ChartError, SceneBuilder};
use crate::model::{Chart, ChartKind, Figure, Indicator};

/// The plot's box in device pixels. `height` is what the frame has left
/// when the host fixed the chart's height; `None` means "as tall as needed".
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: Option<i32>,
    /// A card's plot: fitted to `height` down to its least, rather than
    /// kept at its natural height when `height` is smaller.
    pub fitted: bool,
}

impl Area {
    /// The height to use: what is available, but never less than `needed`.
    pub fn height_or(&self, needed: i32) -> i32 {
        self.height.map_or(needed, |h| h.max(needed))
    }

    /// The height of a plot that looks best at `ratio` of its width, kept
    /// between `low` and `high` device pixels (what is available if more;
    /// on a card, what is available down to `low`).
    /// `max` then `min`, not `clamp`: it panics if the bounds cross.
    pub fn height_by_width(&self, ratio: f64, (low, high): (i32, i32)) -> i32 {
        match self.height {
            // A card's plot may go to two thirds of its least.
            Some(available) if self.fitted => available.max(low * 2 / 3),
            _ => self.height_or(((f64::from(self.width) * ratio) as i32).max(low).min(high)),
        }
    }
}

/// An indicator of several figures to plot, and where.
#[derive(Clone, Copy)]
pub struct Plot<'a> {
    pub indicator: &'a Indicator,
    pub area: Area,
}

/// An indicator of one figure (the kinds that draw one), and where.
#[derive(Clone, Copy)]
pub struct Single<'a> {
    pub indicator: &'a Indicator,
    pub figure: &'a Figure,
    pub area: Area,
}

/// Lays out `chart`'s plot in `area`; returns the height it used.
pub fn lay_out(scene: &mut SceneBuilder<'_>, chart: Chart, area: Area) -> Result<i32, ChartError> {
    match chart {
        Chart::Timeline(timeline) => timeline::lay_out(scene, timeline, area),
        Chart::Indicator(indicator) => {
            let plot = Plot { indicator, area };
            let single = indicator.values.first().map(|figure| Single {
                indicator,
                figure,
                area,
            });
            match (indicator.chart, single) {
                (ChartKind::Comparison, _) => comparison::lay_out(scene, plot),
                (ChartKind::Balance, _) => balance::lay_out(scene, plot),
                (ChartKind::Average | ChartKind::Panel, Some(single)) => {
                    panel::lay_out(scene, single)
                }
                (ChartKind::Change, Some(single)) => change::lay_out(scene, single),
                (ChartKind::Units, Some(single)) => units::lay_out(scene, single),
                // A kind of one figure, without one: nothing to plot.
                (_, None) => Ok(0),
            }
        }
    }
}
