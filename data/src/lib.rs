//! The figures two analyses of US–Vietnam relations (2015–16) cite, as
//! data: the schema every record follows, and (feature `check`) the checks
//! that `data/indicators.toml` must pass before a viewer is built from it,
//! and the baking of the checked file into Rust statics.
//!
//! - `schema`: the records, defined once, with serde.
//! - `check`: reads the file, checks each record against the text it
//!   quotes and every number of the texts against the records, and returns
//!   a [`Catalog`] with the [`Exclusion`]s, or every problem, located.
//! - `bake`: any schema value as the Rust expression that builds it.
//! - `suggest`: "did you mean …?" for misspelt names and ids.

#[cfg(feature = "check")]
pub mod bake;
#[cfg(feature = "check")]
pub mod check;
mod schema;
pub mod suggest;

pub use schema::{
    Bound, Catalog, ChartKind, Citation, Event, EventDate, Excluded, Exclusion, Figure, Indicator,
    Named, Period, Reference, ReferenceList, Sources, Span, Text, Timeline, Unit,
};
