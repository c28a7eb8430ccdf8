//! The records of `data/indicators.toml`, defined once: the checker builds
//! them, `bake` writes them as the statics the viewer is compiled with, and
//! the downloads (JSON, CSV) are their serde serialisation. Adding a field
//! means adding it here (and reading it in `check::records`); everything
//! else follows.
//!
//! Fields are `&'static`: the viewer's copy is compiled in, and the build
//! script's copy lives as long as the build script.
//!
//! Serde names are the Rust names (`bake` writes Rust from them); enums are
//! written in the data file's kebab-case ("percent-change").

use serde::Serialize;

/// One of the texts the figures come from, as it names itself.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Text {
    pub id: &'static str,
    pub title: Option<&'static str>,
    pub author: Option<&'static str>,
    pub date: Option<&'static str>,
    pub publication: Option<&'static str>,
    /// For a text that gives no date: the year it was written in, inferred
    /// (its `note` says from what); source lines mark it as inferred.
    pub year_inferred: Option<u16>,
    pub note: Option<&'static str>,
}

/// A figure as one text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: u16,
    pub end: u16,
}

/// One quantitative figure (or a set of comparable ones) with its source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Indicator {
    pub id: &'static str,
    pub title: &'static str,
    /// How it is charted.
    pub chart: ChartKind,
    pub unit: Unit,
    pub period: Option<Period>,
    pub values: &'static [Figure],
    /// For units charts: how much one square stands for.
    pub per_square: Option<f64>,
    /// For a duration between two dates: where the timeline draws it, as a
    /// bracket. The record keeps its own chart (a panel) for embeds.
    pub span: Option<Span>,
    /// For a span: the balance chart that draws it, as a run of years
    /// beside its amounts, instead of the timeline.
    pub drawn_with: Option<&'static str>,
    /// The citation as the text gives it, or "Not cited in the text".
    pub source: &'static str,
    /// The entry of its text's list of references that the source cites
    /// (an index into that text's [`ReferenceList`]), resolved by the build
    /// from the in-text citation in the quote; `None` when the text cites
    /// no source for the figure. The entries themselves are kept out of the
    /// module (see [`Sources`]).
    pub reference: Option<u16>,
    /// The id of the [`Text`] the figure comes from.
    pub text: &'static str,
    /// The sentence the figure comes from, verbatim.
    pub quote: &'static str,
    pub note: Option<&'static str>,
}

/// A date to the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The dates a duration runs between, to the precision the texts give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub from: EventDate,
    pub to: EventDate,
}

/// A dated event one of the texts cites.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Event {
    pub date: EventDate,
    /// The date as the text writes it.
    pub when: &'static str,
    pub label: &'static str,
    /// The id of the [`Text`] that cites it.
    pub text: &'static str,
    pub source: &'static str,
    /// As for [`Indicator::reference`].
    pub reference: Option<u16>,
    pub quote: &'static str,
    /// Where the year comes from when the quote does not give it.
    pub date_note: Option<&'static str>,
    pub note: Option<&'static str>,
    /// A plan's target date, not something that happened: drawn hollow.
    pub plan: bool,
}

/// The events of both texts, in date order, drawn as one chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Timeline {
    pub id: &'static str,
    pub title: &'static str,
    pub events: &'static [Event],
}

/// Everything the viewer draws: the texts, their figures and the timeline.
/// What the data file leaves out ([`Exclusion`]) is kept apart, for the
/// downloads only, so the module carries no bytes it never shows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Catalog {
    pub texts: &'static [Text],
    pub indicators: &'static [Indicator],
    pub timeline: Timeline,
}

/// Numbers of one text that no record charts, and why: every number in the
/// texts is charted or listed here, so a reader of the downloads can see
/// what was left out.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Exclusion {
    /// Why these numbers are not charted.
    pub reason: &'static str,
    /// The id of the [`Text`] they are in.
    pub text: &'static str,
    pub numbers: &'static [Excluded],
}

/// One number left out, as the text writes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Excluded {
    /// The number word for word ("fifteen", "(2015, Aug 7)").
    pub as_written: &'static str,
    /// The words around it, word for word, where the number recurs in the
    /// text: which occurrence is meant.
    pub quote: Option<&'static str>,
}

/// Where the figures' sources are: each text's own list of references,
/// parsed verbatim from its file, and every citation in the texts' bodies
/// with the entry it resolves to. Kept apart from the [`Catalog`], for the
/// pages and downloads only: the module carries a record's entry index
/// ([`Indicator::reference`]), never the entries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sources {
    /// One per [`Text`], in the data file's order.
    pub lists: &'static [ReferenceList],
    /// Every in-text citation, in the order of the texts and of their lines.
    pub citations: &'static [Citation],
}

/// One text's list of references, or why it has none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReferenceList {
    /// The id of the [`Text`].
    pub text: &'static str,
    /// The entries in the text's order; empty when it has no list.
    pub entries: &'static [Reference],
    /// What a reader of the list should know about it as a whole (that the
    /// copy of the text lost the entries' addresses, say).
    pub note: Option<&'static str>,
    /// Why the text has no list, when it has none ("The article cites no
    /// sources").
    pub none: Option<&'static str>,
}

/// One entry of a text's list of references.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reference {
    /// The entry word for word as the text writes it.
    pub entry: &'static str,
    /// Its line in the text's file.
    pub line: u32,
    /// The authors' surnames, in order; empty when the entry begins with
    /// its title.
    pub authors: &'static [&'static str],
    /// The title an entry without authors begins with, which in-text
    /// citations quote: "Trading economics: Vietnam GDP growth rate, 2000-2016".
    pub title: Option<&'static str>,
    /// The year of its date, which in-text citations give.
    pub year: u16,
    /// What a reader of the entry should know (that the text cites it under
    /// another spelling, or for something its title does not name).
    pub note: Option<&'static str>,
}

/// A citation in a text's body, and the entry it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Citation {
    /// The id of the [`Text`].
    pub text: &'static str,
    /// Its line in the text's file.
    pub line: u32,
    /// As the text writes it: "(Hiebert & Nguyen, 2015)".
    pub as_written: &'static str,
    /// The index of its entry in the text's [`ReferenceList`].
    pub entry: u16,
}

impl Sources {
    /// The list of references of the text with this id.
    pub fn list(&self, text: &str) -> Option<&'static ReferenceList> {
        self.lists.iter().find(|list| list.text == text)
    }

    /// Entry `index` of the list of the text with this id.
    pub fn entry(&self, text: &str, index: u16) -> Option<&'static Reference> {
        self.list(text)?.entries.get(usize::from(index))
    }
}

impl Catalog {
    /// The text with this id. Every record's text id names one (the
    /// checker refuses a file where it does not); an unknown id gets a
    /// text that says so rather than a panic.
    pub fn text(&self, id: &str) -> &'static Text {
        static UNKNOWN: Text = Text {
            id: "unknown",
            title: Some("an unknown text"),
            author: None,
            date: None,
            publication: None,
            year_inferred: None,
            note: None,
        };
        self.texts.iter().find(|t| t.id == id).unwrap_or(&UNKNOWN)
    }
}

impl Text {
    /// A short reference for chart footers: "Bojian Liu, Feb. 29, 2016",
    /// "Foreign Affairs, 2015 (year inferred)", or the publication with
    /// "undated" when the text gives no author, date or year.
    pub fn short_reference(&self) -> String {
        let who = self
            .author
            .or(self.publication)
            .or(self.title)
            .unwrap_or("");
        match (self.date, self.year_inferred) {
            (Some(date), _) => format!("{who}, {date}"),
            (None, Some(year)) => format!("{who}, {year} (year inferred)"),
            (None, None) => format!("{who}, undated"),
        }
    }

    /// "“Title”, Author, Publication, date" (or "undated").
    pub fn full_citation(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(title) = self.title {
            parts.push(format!("\u{201c}{title}\u{201d}"));
        }
        parts.extend(self.author.map(str::to_string));
        parts.extend(self.publication.map(str::to_string));
        parts.push(match (self.date, self.year_inferred) {
            (Some(date), _) => date.to_string(),
            (None, Some(year)) => format!("{year} (year inferred)"),
            (None, None) => "undated".to_string(),
        });
        parts.join(", ")
    }
}

/// How a figure is charted; each kind has its own plot in the viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Bars for values of the same unit side by side (80% vs 88%).
    Comparison,
    /// One rate that is an average over a period (6.15% a year, 2000–2015).
    Average,
    /// A percentage change between two years (+113%, 2004–2013).
    Change,
    /// Signed values around a zero line (a trade deficit).
    Balance,
    /// A lone count, amount or duration drawn as squares of a stated size:
    /// only where counting the squares tells the reader something.
    Units,
    /// A lone amount as a number panel: the number, its unit and period,
    /// the text's words, and its bound drawn in a mark with a key.
    Panel,
}

/// The unit a figure is in. Amounts are stored in base units (US$, people,
/// square miles) so that downloads need no scale to be understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Percent,
    PercentChange,
    Usd,
    People,
    SquareMiles,
    Years,
    Days,
}

/// How exact the text says a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    Exact,
    /// "about": "three-decade-old".
    About,
    /// "more than": "three million-plus", "well over a million", "40-odd".
    MoreThan,
}

/// Every variant of an enum with the name the data file gives it (its serde
/// name; a test keeps the two the same).
pub trait Named: Sized + Copy + 'static {
    const ALL: &'static [(&'static str, Self)];
}

impl Named for ChartKind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("comparison", ChartKind::Comparison),
        ("average", ChartKind::Average),
        ("change", ChartKind::Change),
        ("balance", ChartKind::Balance),
        ("units", ChartKind::Units),
        ("panel", ChartKind::Panel),
    ];
}

impl Named for Unit {
    const ALL: &'static [(&'static str, Self)] = &[
        ("percent", Unit::Percent),
        ("percent-change", Unit::PercentChange),
        ("usd", Unit::Usd),
        ("people", Unit::People),
        ("square-miles", Unit::SquareMiles),
        ("years", Unit::Years),
        ("days", Unit::Days),
    ];
}

impl Named for Bound {
    const ALL: &'static [(&'static str, Self)] = &[
        ("exact", Bound::Exact),
        ("about", Bound::About),
        ("more-than", Bound::MoreThan),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the checker accepts and lists in its messages are the
    /// names serde writes in the downloads.
    fn names_match<T: Named + Serialize>() {
        for (name, variant) in T::ALL {
            let written = serde_json::to_string(variant).expect("serialises");
            assert_eq!(written, format!("\"{name}\""));
        }
    }

    #[test]
    fn data_file_names_are_the_serde_names() {
        names_match::<ChartKind>();
        names_match::<Unit>();
        names_match::<Bound>();
    }
}
