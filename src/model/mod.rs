//! The figures the viewer is compiled with, as static records, and lookup by
//! id. The records are generated at build time from `data/indicators.toml`
//! (see `src/build.rs`); nothing here parses data at run time.

mod kinds;

pub use kinds::{Bound, ChartKind, Unit, name_of};

/// One of the texts the figures come from, as it names itself.
#[derive(Debug)]
pub struct Text {
    pub id: &'static str,
    /// Path relative to `data/`.
    pub file: &'static str,
    pub title: Option<&'static str>,
    pub author: Option<&'static str>,
    pub date: Option<&'static str>,
    pub publication: Option<&'static str>,
    pub note: Option<&'static str>,
}

impl Text {
    /// A short reference for chart footers: "Bojian Liu, Feb. 29, 2016",
    /// or the publication with "undated" when the text gives no author or date.
    pub fn short_reference(&self) -> String {
        let who = self
            .author
            .or(self.publication)
            .or(self.title)
            .unwrap_or("");
        match self.date {
            Some(date) => format!("{who}, {date}"),
            None => format!("{who}, undated"),
        }
    }
}

/// A figure as one text gives it.
#[derive(Debug)]
pub struct Figure {
    /// What this value is of, where a record has several ("Under 30").
    pub label: Option<&'static str>,
    /// In the unit's base: percent, US$, people, square miles, years, days.
    pub value: f64,
    /// The figure word for word as the quote writes it.
    pub as_written: &'static str,
    pub bound: Bound,
}

/// A year (`start == end`) or a range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: u16,
    pub end: u16,
}

/// One quantitative figure (or a set of comparable ones) with its source.
#[derive(Debug)]
pub struct Indicator {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: ChartKind,
    pub unit: Unit,
    pub period: Option<Period>,
    pub figures: &'static [Figure],
    /// For units charts: how much one square stands for.
    pub per_square: Option<f64>,
    /// The citation as the text gives it.
    pub source: &'static str,
    pub text: &'static Text,
    /// The sentence the figure comes from, verbatim.
    pub quote: &'static str,
    pub note: Option<&'static str>,
}

/// A date to the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A dated event one of the texts cites.
#[derive(Debug)]
pub struct Event {
    pub date: EventDate,
    /// The date as the text writes it.
    pub when: &'static str,
    pub label: &'static str,
    pub text: &'static Text,
    pub source: &'static str,
    pub quote: &'static str,
    /// Where the year comes from when the quote does not give it.
    pub date_note: Option<&'static str>,
    pub note: Option<&'static str>,
}

/// The events of both texts, in date order, drawn as one chart.
#[derive(Debug)]
pub struct Timeline {
    pub id: &'static str,
    pub title: &'static str,
    pub events: &'static [Event],
}

include!(concat!(env!("OUT_DIR"), "/indicators.rs"));

/// Anything the viewer can draw: an indicator or the timeline.
#[derive(Debug, Clone, Copy)]
pub enum Chart {
    Indicator(&'static Indicator),
    Timeline(&'static Timeline),
}

impl Chart {
    pub fn id(self) -> &'static str {
        match self {
            Chart::Indicator(i) => i.id,
            Chart::Timeline(t) => t.id,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Chart::Indicator(i) => i.title,
            Chart::Timeline(t) => t.title,
        }
    }
}

/// Every chart, in the order of the data file, the timeline last.
pub fn all_charts() -> impl Iterator<Item = Chart> {
    INDICATORS
        .iter()
        .map(Chart::Indicator)
        .chain(std::iter::once(Chart::Timeline(&TIMELINE)))
}

/// The chart with this id, or an error that suggests the nearest id.
pub fn find_chart(id: &str) -> Result<Chart, UnknownChart> {
    all_charts()
        .find(|chart| chart.id() == id)
        .ok_or_else(|| UnknownChart {
            id: id.to_string(),
            suggestion: crate::suggest::closest(
                id,
                &all_charts().map(Chart::id).collect::<Vec<_>>(),
            ),
        })
}

/// An id that names no chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChart {
    pub id: String,
    pub suggestion: Option<&'static str>,
}

impl std::fmt::Display for UnknownChart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "No indicator \"{}\".", self.id)?;
        match self.suggestion {
            Some(near) => write!(f, " Did you mean \"{near}\"?"),
            None => write!(f, " The ids are listed at the top of the viewer's page."),
        }
    }
}

impl std::error::Error for UnknownChart {}
