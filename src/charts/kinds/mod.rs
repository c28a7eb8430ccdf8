//! One drawing function per chart kind, and what each says in its subtitle
//! and notes. Each draws into an [`Area`] of the frame and returns the
//! height it used.

mod average;
mod axis;
mod balance;
mod change;
mod comparison;
mod timeline;
mod units;

use plotters::prelude::DrawingBackend;

use super::ChartError;
use super::pen::Pen;
use crate::format::Locale;
use crate::model::{Chart, ChartKind, Indicator, Period, Unit};

pub use timeline::date_label;

/// The plot's box in device pixels. `height` is what the frame has left
/// when the host fixed the chart's height; `None` means "as tall as needed".
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: Option<i32>,
}

impl Area {
    /// The height to use: what is available, but never less than `needed`.
    pub fn height_or(&self, needed: i32) -> i32 {
        self.height.map_or(needed, |h| h.max(needed))
    }
}

pub fn draw<DB: DrawingBackend>(
    pen: &mut Pen<'_, DB>,
    chart: Chart,
    area: Area,
) -> Result<i32, ChartError> {
    match chart {
        Chart::Timeline(timeline) => timeline::draw(pen, timeline, area),
        Chart::Indicator(indicator) => match indicator.kind {
            ChartKind::Comparison => comparison::draw(pen, indicator, area),
            ChartKind::Average => average::draw(pen, indicator, area),
            ChartKind::Change => change::draw(pen, indicator, area),
            ChartKind::Balance => balance::draw(pen, indicator, area),
            ChartKind::Units => units::draw(pen, indicator, area),
        },
    }
}

/// The subtitle: what the numbers are in, and when.
pub fn subtitle(chart: Chart, locale: &Locale) -> String {
    let indicator = match chart {
        Chart::Timeline(timeline) => return timeline::subtitle(timeline),
        Chart::Indicator(indicator) => indicator,
    };
    let period = indicator.period.map(period_label);
    let what = match indicator.kind {
        ChartKind::Comparison | ChartKind::Average => {
            let label = indicator
                .figures
                .first()
                .and_then(|f| f.label)
                .filter(|_| indicator.kind == ChartKind::Average);
            match label {
                Some(label) => format!("{label}, {}", unit_phrase(indicator.unit)),
                None => unit_phrase(indicator.unit).to_string(),
            }
        }
        ChartKind::Change => match indicator.period {
            Some(p) => format!("Index, {} = 100", p.start),
            None => "Index".to_string(),
        },
        ChartKind::Balance => balance::unit_phrase(indicator).to_string(),
        ChartKind::Units => units::legend(indicator, locale),
    };
    capitalised(&match period {
        Some(period) => format!("{what}, {period}"),
        None => what,
    })
}

/// Lines under the plot: how the text qualifies the figure.
pub fn notes(chart: Chart) -> Vec<&'static str> {
    match chart {
        Chart::Indicator(indicator) => indicator.note.into_iter().collect(),
        Chart::Timeline(timeline) => timeline::notes(timeline),
    }
}

/// "2000–2015", or "2015" for a single year.
pub fn period_label(period: Period) -> String {
    if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{}\u{2013}{}", period.start, period.end)
    }
}

fn unit_phrase(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "per cent",
        Unit::PercentChange => "change, per cent",
        Unit::Usd => "US$",
        Unit::People => "people",
        Unit::SquareMiles => "square miles",
        Unit::Years => "years",
        Unit::Days => "days",
    }
}

/// The label of a figure with its unit and the text's qualifier.
fn figure_label(indicator: &Indicator, index: usize, locale: &Locale) -> String {
    indicator
        .figures
        .get(index)
        .map_or_else(String::new, |figure| {
            locale.bounded_figure(figure.value, indicator.unit, figure.bound)
        })
}

/// Capitalises a first ASCII letter ("per cent" → "Per cent"). ASCII only:
/// the phrases are the viewer's own, and Unicode case tables would add
/// kilobytes to the WASM.
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
