//! The kinds a figure can be: how it is charted, its unit, how exact it is.
//!
//! Shared, by path, with the data-file checker in `src/data_file`, so that
//! the names accepted in `data/indicators.toml` and the enums the viewer
//! is compiled with cannot drift apart. It uses nothing else from the crate.

/// How a figure is charted; each kind has its own drawing in `charts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Bars for values of the same unit side by side (80% vs 88%).
    Comparison,
    /// One rate that is an average over a period (6.15% a year, 2000–2015).
    Average,
    /// A percentage change between two years (+113%, 2004–2013).
    Change,
    /// Signed values around a zero line (a trade deficit).
    Balance,
    /// A lone count, amount or duration drawn as squares of a stated size.
    Units,
}

impl ChartKind {
    pub const ALL: [(&'static str, ChartKind); 5] = [
        ("comparison", ChartKind::Comparison),
        ("average", ChartKind::Average),
        ("change", ChartKind::Change),
        ("balance", ChartKind::Balance),
        ("units", ChartKind::Units),
    ];
}

/// The unit a figure is in. Amounts are stored in base units (US$, people,
/// square miles) so that downloads need no scale to be understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Percent,
    PercentChange,
    Usd,
    People,
    SquareMiles,
    Years,
    Days,
}

impl Unit {
    pub const ALL: [(&'static str, Unit); 7] = [
        ("percent", Unit::Percent),
        ("percent-change", Unit::PercentChange),
        ("usd", Unit::Usd),
        ("people", Unit::People),
        ("square-miles", Unit::SquareMiles),
        ("years", Unit::Years),
        ("days", Unit::Days),
    ];
}

/// How exact the text says a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Exact,
    /// "40-odd years", "three-decade-old".
    About,
    /// "three million-plus", "well over a million".
    MoreThan,
}

impl Bound {
    pub const ALL: [(&'static str, Bound); 3] = [
        ("exact", Bound::Exact),
        ("about", Bound::About),
        ("more-than", Bound::MoreThan),
    ];
}

/// The name a kind has in the data file, looked up in its `ALL` table.
pub fn name_of<T: Copy + PartialEq>(table: &[(&'static str, T)], kind: T) -> &'static str {
    table
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("", |(name, _)| name)
}
