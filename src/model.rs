//! The figures the viewer is compiled with — `data/indicators.toml`, checked
//! and baked into [`CATALOG`] (and, for the pages and downloads only,
//! [`EXCLUSIONS`] and the texts' lists of references, [`SOURCES`]) by
//! `src/build.rs` — and what the viewer draws from them: a [`Chart`] is an
//! indicator or the timeline, a [`Datum`] one figure or event of it.
//! Nothing here parses data at run time.

pub use indicator_data::{
    Bound, Catalog, ChartKind, Citation, Event, EventDate, Excluded, Exclusion, Figure, Indicator,
    Named, Period, Reference, ReferenceList, Sources, Span, Text, Timeline, Unit,
};

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The text with this id.
pub fn text(id: &str) -> &'static Text {
    CATALOG.text(id)
}

/// The entry of the text `text`'s list of references that a record's
/// source resolves to (its `reference`), verbatim; `None` where the text
/// cites no source for the record. For the pages and downloads, built
/// natively: code of the module that called it would link every entry
/// into the WASM, where a record's `reference.is_some()` says all a drawn
/// chart needs (whether its text cites a source for it).
pub fn reference(text: &str, reference: Option<u16>) -> Option<&'static Reference> {
    SOURCES.entry(text, reference?)
}

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

/// One thing a reader can point at in a chart: a figure of an indicator or
/// an event of the timeline, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datum {
    Figure(usize),
    Event(usize),
}

/// Every chart, in the order of the data file, the timeline last.
pub fn all_charts() -> impl Iterator<Item = Chart> {
    CATALOG
        .indicators
        .iter()
        .map(Chart::Indicator)
        .chain(std::iter::once(Chart::Timeline(&CATALOG.timeline)))
}

/// The chart with this id, or an error that suggests the nearest id.
pub fn find_chart(id: &str) -> Result<Chart, UnknownChart> {
    all_charts()
        .find(|chart| chart.id() == id)
        .ok_or_else(|| UnknownChart {
            id: id.to_string(),
            suggestion: indicator_data::suggest::closest(
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
