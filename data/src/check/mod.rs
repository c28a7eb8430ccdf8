//! Reads `data/indicators.toml`, checks every record against the texts it
//! quotes and every number of the texts against the records, and returns
//! the [`Catalog`] of schema records with the [`Exclusion`]s, or every
//! problem found, each located to a line.
//!
//! Raw TOML is read with spans (`toml::de::DeTable`), so every error names
//! the file, the line and the field, quotes the offending value and says what
//! would be right.

mod attribution;
mod completeness;
mod fields;
mod hedges;
mod numerals;
pub mod quotes;
mod records;
mod references;
mod sourcing;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::{Catalog, Exclusion, Sources};

/// A data file that passed every check.
#[derive(Debug, Clone, Copy)]
pub struct Checked {
    /// What the viewer draws.
    pub catalog: Catalog,
    /// The numbers of the texts left out on purpose, with the reasons: for
    /// the downloads, not the module.
    pub exclusions: &'static [Exclusion],
    /// Each text's list of references and its body's citations, resolved:
    /// for the pages and the downloads, not the module.
    pub sources: Sources,
}

/// One problem in the data file, located to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the user knows it: `data/indicators.toml`, or a text
    /// such as `data/texts/liu-2016.txt` for a number no record accounts for.
    pub file: String,
    pub line: usize,
    /// The record the problem is in, e.g. `indicator "gdp-growth-average"`.
    pub record: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(record) = &self.record {
            write!(f, "{record}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Where the data file and the texts it quotes are.
pub struct Location {
    /// Path used to read the data file.
    pub path: PathBuf,
    /// Name shown in messages (relative to the repository root).
    pub display: String,
}

/// Reads and validates the data file at `location`; texts named in it are
/// read relative to the data file's folder.
pub fn load(location: &Location) -> Result<Checked, Vec<DataError>> {
    let source = std::fs::read_to_string(&location.path).map_err(|e| {
        vec![DataError {
            file: location.display.clone(),
            line: 1,
            record: None,
            message: format!("cannot read the data file: {e}"),
        }]
    })?;
    let base = location.path.parent().unwrap_or(Path::new("."));
    parse(&source, &location.display, &|file| {
        std::fs::read_to_string(base.join(file)).map_err(|e| e.to_string())
    })
}

/// Validates `source` (the data file's contents). `read_text` returns the
/// contents of a text named by a `[[text]] file = "..."` field.
pub fn parse(
    source: &str,
    display: &str,
    read_text: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Checked, Vec<DataError>> {
    records::validate(source, display, read_text)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
#[cfg(test)]
mod sourcing_tests;
#[cfg(test)]
mod tests;
