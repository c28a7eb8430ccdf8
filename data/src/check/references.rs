//! A text's own list of references and the citations in its body: the
//! list is found where the data file says it is (`references = { first,
//! last }`), each entry parsed verbatim, and every in-text citation of the
//! body — `(Hiebert & Nguyen, 2015)`, `(“Trading Economics”, 2016)` —
//! resolved to exactly one entry, or reported at its line in the text.
//!
//! An entry is APA-like: `Surname, I. (2015, May 14). Title.` or, without
//! authors, `Title. (2015). Retrieved from`. A citation of authors matches
//! an entry by the authors' surnames and the year; a citation of a quoted
//! title matches an entry without authors whose title begins with it
//! (letter case aside), and the year. Where a text cites an entry under
//! another spelling, the data file says so (`reference_notes`, `cited_as`),
//! and the note is shown with the entry: the build never guesses.

use std::ops::Range;

use toml::Spanned;

use super::DataError;
use super::fields::Reporter;
use super::quotes::normalise;
use crate::suggest::closest;

/// Where the data file says a text's list of references is.
pub enum ListSpec {
    /// From the entry that begins with `first` to the one that begins with
    /// `last`, one entry a paragraph; `note` is about the list as a whole.
    Span {
        first: Spanned<String>,
        last: Spanned<String>,
        note: Option<Spanned<String>>,
    },
    /// The text has none, and why.
    None(Spanned<String>),
}

/// A note on one entry (`reference_notes`), from the data file.
pub struct EntryNote {
    /// The entry's first words, word for word.
    pub entry: Spanned<String>,
    /// A citation of the body, as written, that means this entry although
    /// it does not match it ("(“Global Indicators Database”, 2015)").
    pub cited_as: Option<Spanned<String>>,
    pub note: Spanned<String>,
}

/// One parsed entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub text: String,
    pub line: usize,
    pub authors: Vec<String>,
    pub title: Option<String>,
    pub year: u16,
    pub note: Option<String>,
}

/// What an in-text citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cited {
    /// Surnames, and whether "et al." follows them.
    Authors(Vec<String>, bool),
    /// A quoted title, without its quotation marks.
    Title(String),
}

/// An in-text citation as the text writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InText {
    /// "(Hiebert & Nguyen, 2015)", or one part of a parenthesis that cites
    /// several works ("Stokes, 2015" of "(Stokes, 2015; Resnick, 2010)").
    pub as_written: String,
    pub cited: Cited,
    pub year: u16,
    /// Byte range in the string it was found in.
    pub at: Range<usize>,
}

/// A citation of a text's body, resolved.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub as_written: String,
    pub line: usize,
    pub entry: usize,
}

/// A text's sources once checked: its list (empty when it has none) and
/// its body's citations, each resolved.
#[derive(Debug, Clone, Default)]
pub struct TextSources {
    pub entries: Vec<Entry>,
    /// Why the text has no list, when it has none.
    pub none: Option<String>,
    pub note: Option<String>,
    pub citations: Vec<Resolved>,
    /// Aliases from the data file: a citation as written, normalised, and
    /// the entry it means.
    aliases: Vec<(String, usize)>,
}

impl TextSources {
    /// The entry `citation` resolves to, if exactly one.
    pub fn resolve(&self, citation: &InText) -> Option<usize> {
        match candidates(&self.entries, &self.aliases, citation)[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Reads a text's list and resolves its body's citations. Problems in the
/// data file's fields are reported there; problems of the text (an entry
/// that does not parse, a citation that resolves to none or to two) at the
/// text's own line.
pub fn check(
    spec: &ListSpec,
    notes: &[EntryNote],
    file: &str,
    contents: &str,
    record: &str,
    reporter: &mut Reporter<'_>,
) -> TextSources {
    let lines = Lines::new(contents);
    let mut sources = TextSources::default();
    let body_end = match spec {
        ListSpec::None(why) => {
            sources.none = Some(why.get_ref().clone());
            contents.len()
        }
        ListSpec::Span { first, last, note } => {
            sources.note = note.as_ref().map(|n| n.get_ref().clone());
            let first_line = lines.beginning_with(first, "first", file, record, reporter);
            let last_line = lines.beginning_with(last, "last", file, record, reporter);
            match (first_line, last_line) {
                (Some(first_line), Some(last_line)) if last_line >= first_line => {
                    sources.entries = entries(&lines, first_line..last_line + 1, file, reporter);
                    lines.start(first_line)
                }
                (Some(first_line), Some(last_line)) => {
                    reporter.error(
                        last.span().start,
                        Some(record),
                        format!(
                            "references: last \"{}\" begins line {last_line} of {file}, before first \"{}\" on line {first_line}; give the list's last entry",
                            last.get_ref(),
                            first.get_ref()
                        ),
                    );
                    return sources;
                }
                // Where the list is not known, its citations cannot be
                // resolved: the field's error says what to fix first.
                _ => return sources,
            }
        }
    };
    attach_notes(&mut sources, notes, &contents[..body_end], record, reporter);

    for citation in citations_in(&contents[..body_end]) {
        let line = lines.line_of(citation.at.start);
        let error = |message: String| DataError {
            file: file.to_string(),
            line,
            record: None,
            message,
        };
        if let Some(why) = &sources.none {
            reporter.errors.push(error(format!(
                "citation {} in a text without a list of references (\"{why}\"); give the text's references = {{ first, last }} instead of no_references",
                citation.as_written
            )));
            continue;
        }
        match candidates(&sources.entries, &sources.aliases, &citation)[..] {
            [entry] => sources.citations.push(Resolved {
                as_written: citation.as_written,
                line,
                entry,
            }),
            [] => reporter
                .errors
                .push(error(unresolved(&sources.entries, &citation))),
            ref several => {
                let at: Vec<String> = several
                    .iter()
                    .map(|&i| sources.entries[i].line.to_string())
                    .collect();
                reporter.errors.push(error(format!(
                    "citation {} matches {} entries of the text's references (lines {}); say which in the text's reference_notes: {{ entry = \"its first words\", cited_as = \"{}\", note = \"…\" }}",
                    citation.as_written,
                    several.len(),
                    at.join(", "),
                    citation.as_written
                )));
            }
        }
    }
    sources
}

/// The message for a citation that matches no entry: the nearest entry, and
/// how to say that it is the one meant.
fn unresolved(entries: &[Entry], citation: &InText) -> String {
    let names: Vec<String> = entries.iter().map(name_of).collect();
    let cited = match &citation.cited {
        Cited::Authors(surnames, _) => surnames.join(" & "),
        Cited::Title(title) => title.clone(),
    };
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let candidates: Vec<&str> = folded.iter().map(String::as_str).collect();
    let nearest = closest(&fold(&cited), &candidates)
        .and_then(|near| folded.iter().position(|n| n == near))
        .or_else(|| entries.iter().position(|e| e.year == citation.year));
    match nearest {
        Some(i) => format!(
            "citation {} matches no entry of the text's references; the nearest is line {}, \"{}\": if it is the one meant, add {{ entry = \"{}\", cited_as = \"{}\", note = \"…\" }} to the text's reference_notes, with a note saying how the two differ",
            citation.as_written,
            entries[i].line,
            entries[i].text,
            first_words(&entries[i].text),
            citation.as_written
        ),
        None => format!(
            "citation {} matches no entry of the text's references; check its spelling and year against the list",
            citation.as_written
        ),
    }
}

/// How an entry is cited: its authors' surnames, or its title.
fn name_of(entry: &Entry) -> String {
    match &entry.title {
        Some(title) => title.clone(),
        None => entry.authors.join(" & "),
    }
}

fn first_words(entry: &str) -> String {
    entry.split(' ').take(3).collect::<Vec<_>>().join(" ")
}

/// Lower case, normalised quotation marks and whitespace.
fn fold(text: &str) -> String {
    normalise(text).to_lowercase()
}

/// The entries `citation` matches: by an alias the data file gives, or
/// else by its authors or title and its year.
fn candidates(entries: &[Entry], aliases: &[(String, usize)], citation: &InText) -> Vec<usize> {
    let written = fold(&citation.as_written);
    if let Some((_, entry)) = aliases.iter().find(|(alias, _)| *alias == written) {
        return vec![*entry];
    }
    (0..entries.len())
        .filter(|&i| matches(&entries[i], citation))
        .collect()
}

fn matches(entry: &Entry, citation: &InText) -> bool {
    if entry.year != citation.year {
        return false;
    }
    match (&citation.cited, &entry.title) {
        (Cited::Authors(surnames, et_al), None) => {
            let same = |a: &String, b: &String| fold(a) == fold(b);
            if *et_al {
                entry.authors.len() > surnames.len()
                    && surnames.iter().zip(&entry.authors).all(|(a, b)| same(a, b))
            } else {
                entry.authors.len() == surnames.len()
                    && surnames.iter().zip(&entry.authors).all(|(a, b)| same(a, b))
            }
        }
        (Cited::Title(cited), Some(title)) => {
            let (cited, title) = (fold(cited), fold(title));
            title.starts_with(&cited)
                && title[cited.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Each `reference_notes` entry attached to the one entry it names; a
/// `cited_as` must be a citation of the body that does not resolve by
/// itself.
fn attach_notes(
    sources: &mut TextSources,
    notes: &[EntryNote],
    body: &str,
    record: &str,
    reporter: &mut Reporter<'_>,
) {
    let body_citations = citations_in(body);
    for note in notes {
        let wanted = fold(note.entry.get_ref());
        let found: Vec<usize> = (0..sources.entries.len())
            .filter(|&i| fold(&sources.entries[i].text).starts_with(&wanted))
            .collect();
        let entry = match found[..] {
            [one] => one,
            [] => {
                reporter.error(
                    note.entry.span().start,
                    Some(record),
                    format!(
                        "reference_notes: entry \"{}\" begins no entry of the text's references; copy an entry's first words",
                        note.entry.get_ref()
                    ),
                );
                continue;
            }
            _ => {
                reporter.error(
                    note.entry.span().start,
                    Some(record),
                    format!(
                        "reference_notes: entry \"{}\" begins {} entries of the text's references; give more of the one meant",
                        note.entry.get_ref(),
                        found.len()
                    ),
                );
                continue;
            }
        };
        if sources.entries[entry].note.is_some() {
            reporter.error(
                note.entry.span().start,
                Some(record),
                format!(
                    "reference_notes: entry \"{}\" already has a note; give each entry one",
                    note.entry.get_ref()
                ),
            );
            continue;
        }
        sources.entries[entry].note = Some(note.note.get_ref().clone());
        let Some(cited_as) = &note.cited_as else {
            continue;
        };
        let written = fold(cited_as.get_ref());
        let Some(citation) = body_citations
            .iter()
            .find(|c| fold(&c.as_written) == written)
        else {
            reporter.error(
                cited_as.span().start,
                Some(record),
                format!(
                    "reference_notes: cited_as \"{}\" is not a citation of the text's body; copy it as the text writes it, parentheses included",
                    cited_as.get_ref()
                ),
            );
            continue;
        };
        if let [by_itself] = candidates(&sources.entries, &[], citation)[..] {
            reporter.error(
                cited_as.span().start,
                Some(record),
                format!(
                    "reference_notes: {} resolves to the entry on line {} by itself; remove cited_as",
                    citation.as_written, sources.entries[by_itself].line
                ),
            );
            continue;
        }
        sources.aliases.push((written, entry));
    }
}

/// The entries of the lines `range` (blank lines between them skipped).
fn entries(
    lines: &Lines<'_>,
    range: Range<usize>,
    file: &str,
    reporter: &mut Reporter<'_>,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    for line in range {
        let text = lines.text(line).trim();
        if text.is_empty() {
            continue;
        }
        match parse_entry(text) {
            Some((authors, title, year)) => entries.push(Entry {
                text: text.to_string(),
                line,
                authors,
                title,
                year,
                note: None,
            }),
            None => reporter.errors.push(DataError {
                file: file.to_string(),
                line,
                record: None,
                message: format!(
                    "\"{}\" in the list of references is not an entry: an entry gives its date in parentheses after its authors or title, as \"Surname, A. (2015, May 14). Title.\" or \"Title. (2015).\"",
                    shortened(text)
                ),
            }),
        }
    }
    entries
}

fn shortened(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > 60 {
        format!("{}…", chars[..60].iter().collect::<String>())
    } else {
        text.to_string()
    }
}

/// An entry's authors' surnames (none when it begins with its title), the
/// title it begins with when it has no authors, and its year.
pub fn parse_entry(entry: &str) -> Option<(Vec<String>, Option<String>, u16)> {
    let (open, year) = entry
        .match_indices('(')
        .find_map(|(at, _)| date_at(&entry[at + 1..]).map(|year| (at, year)))?;
    let leader = entry[..open].trim();
    if leader.is_empty() {
        return None;
    }
    Some(match authors(leader) {
        Some(surnames) => (surnames, None, year),
        None => (
            Vec::new(),
            Some(leader.trim_end_matches('.').to_string()),
            year,
        ),
    })
}

/// The year of a date that opens `text` ("2015, May 14)…", "2010)…").
fn date_at(text: &str) -> Option<u16> {
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    matches!(text.as_bytes().get(4), Some(b')' | b','))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The surnames of an APA author list ("Hiebert, M. & Nguyen, P."), or
/// `None` if `leader` is not one (a title).
fn authors(leader: &str) -> Option<Vec<String>> {
    let list = leader.replace(", & ", ", ").replace(" & ", ", ");
    let parts: Vec<&str> = list.split(", ").map(str::trim).collect();
    if parts.len() < 2 || parts.len() % 2 != 0 {
        return None;
    }
    let mut surnames = Vec::new();
    for pair in parts.chunks(2) {
        let (surname, initials) = (pair[0], pair[1]);
        if !is_surname(surname) || !is_initials(initials) {
            return None;
        }
        surnames.push(surname.to_string());
    }
    Some(surnames)
}

fn is_surname(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | ' '))
}

/// "J.", "E. N.", "J.-P.".
fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.split([' ', '-']).all(|initial| {
            let mut chars = initial.chars();
            matches!(
                (chars.next(), chars.next(), chars.next()),
                (Some(c), Some('.'), None) if c.is_uppercase()
            )
        })
}

/// Every in-text citation in `text`: a parenthesis (with none inside it)
/// whose parts each end with a year after a comma, and begin with
/// surnames or a quoted title.
pub fn citations_in(text: &str) -> Vec<InText> {
    let mut found = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match c {
            '(' => open = Some(at),
            ')' => {
                if let Some(start) = open.take() {
                    let inside = &text[start + 1..at];
                    found.extend(parenthesis(inside, start..at + 1));
                }
            }
            _ => {}
        }
    }
    found
}

/// The citations of one parenthesis, if every part of it is one.
fn parenthesis(inside: &str, at: Range<usize>) -> Vec<InText> {
    let parts: Vec<&str> = inside.split("; ").collect();
    let mut citations = Vec::new();
    for part in &parts {
        let Some((name, year)) = part.rsplit_once(", ") else {
            return Vec::new();
        };
        let year = year.trim();
        let Some(year) = (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
            .then(|| year.parse::<u16>().ok())
            .flatten()
        else {
            return Vec::new();
        };
        let Some(cited) = cited(name.trim()) else {
            return Vec::new();
        };
        let as_written = if parts.len() == 1 {
            format!("({part})")
        } else {
            part.to_string()
        };
        citations.push(InText {
            as_written,
            cited,
            year,
            at: at.clone(),
        });
    }
    citations
}

fn cited(name: &str) -> Option<Cited> {
    let open = ['\u{201c}', '"'];
    let close = ['\u{201d}', '"'];
    if let Some(title) = name
        .strip_prefix(open)
        .and_then(|rest| rest.strip_suffix(close))
    {
        return (!title.trim().is_empty()).then(|| Cited::Title(title.trim().to_string()));
    }
    let (names, et_al) = match name.strip_suffix(" et al.") {
        Some(names) => (names, true),
        None => (name, false),
    };
    let list = names.replace(", & ", ", ").replace(" & ", ", ");
    let list = list.replace(" and ", ", ");
    let surnames: Vec<String> = list.split(", ").map(|s| s.trim().to_string()).collect();
    surnames
        .iter()
        .all(|s| is_surname(s))
        .then_some(Cited::Authors(surnames, et_al))
}

/// A text's lines, for finding the list and locating what is in it.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    fn start(&self, line: usize) -> usize {
        self.starts[line - 1]
    }

    fn text(&self, line: usize) -> &'a str {
        let start = self.start(line);
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        &self.text[start..end]
    }

    /// The one line that begins with `words` (normalised), reported if
    /// there is none or more than one.
    fn beginning_with(
        &self,
        words: &Spanned<String>,
        field: &str,
        file: &str,
        record: &str,
        reporter: &mut Reporter<'_>,
    ) -> Option<usize> {
        let wanted = normalise(words.get_ref());
        let found: Vec<usize> = (1..=self.starts.len())
            .filter(|&line| !wanted.is_empty() && normalise(self.text(line)).starts_with(&wanted))
            .collect();
        match found[..] {
            [line] => Some(line),
            [] => {
                reporter.error(
                    words.span().start,
                    Some(record),
                    format!(
                        "references: {field} \"{}\" begins no line of {file}; copy the first words of the list's {field} entry",
                        words.get_ref()
                    ),
                );
                None
            }
            _ => {
                let lines: Vec<String> = found.iter().map(usize::to_string).collect();
                reporter.error(
                    words.span().start,
                    Some(record),
                    format!(
                        "references: {field} \"{}\" begins lines {} of {file}; give more of the entry",
                        words.get_ref(),
                        lines.join(", ")
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_and_without_authors() {
        assert_eq!(
            parse_entry(
                "Hiebert, M. & Nguyen, P. (2015, Mar 18). Vietnam ramps up defense spending. Retrieved from"
            ),
            Some((vec!["Hiebert".into(), "Nguyen".into()], None, 2015))
        );
        assert_eq!(
            parse_entry(
                "Resnick, E. N. (2010). Strange bedfellows. International Security, 35 (3), 144-184."
            ),
            Some((vec!["Resnick".into()], None, 2010))
        );
        assert_eq!(
            parse_entry(
                "Trading economics: Vietnam GDP growth rate, 2000-2016. (2016). Retrieved from"
            ),
            Some((
                Vec::new(),
                Some("Trading economics: Vietnam GDP growth rate, 2000-2016".into()),
                2016
            ))
        );
        assert_eq!(parse_entry("Leave a Reply"), None);
        assert_eq!(parse_entry("(2015). No leader."), None);
    }

    #[test]
    fn citations_of_authors_and_of_titles() {
        let text = "spending (Hiebert & Nguyen, 2015), growth (“Trading Economics”, 2016) and \
                    (Smith et al., 2001; Jones, 1999), not (CPV) nor (to impede passage, for example).";
        let found: Vec<(String, Cited, u16)> = citations_in(text)
            .into_iter()
            .map(|c| (c.as_written, c.cited, c.year))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "(Hiebert & Nguyen, 2015)".into(),
                    Cited::Authors(vec!["Hiebert".into(), "Nguyen".into()], false),
                    2015
                ),
                (
                    "(“Trading Economics”, 2016)".into(),
                    Cited::Title("Trading Economics".into()),
                    2016
                ),
                (
                    "Smith et al., 2001".into(),
                    Cited::Authors(vec!["Smith".into()], true),
                    2001
                ),
                (
                    "Jones, 1999".into(),
                    Cited::Authors(vec!["Jones".into()], false),
                    1999
                ),
            ]
        );
    }

    #[test]
    fn a_title_citation_matches_the_beginning_of_a_title_in_any_case() {
        let entry = |text: &str| {
            let (authors, title, year) = parse_entry(text).expect("an entry");
            Entry {
                text: text.into(),
                line: 1,
                authors,
                title,
                year,
                note: None,
            }
        };
        let cite = |text: &str| citations_in(text).remove(0);
        let remarks =
            entry("Remarks on U.S.-Vietnam: Looking to the future. (2015, Aug 7). Retrieved from");
        assert!(matches(&remarks, &cite("(“Remarks On”, 2015)")));
        assert!(!matches(&remarks, &cite("(“Remarks On”, 2014)")));
        assert!(!matches(&remarks, &cite("(“Remark”, 2015)")));
        let voa = entry(
            "VOA: US pledges $40 million in military aid to Philippines. (2013, Dec 17). Retrieved from",
        );
        assert!(matches(&voa, &cite("(“VOA”, 2013)")));
        let authored = entry(
            "Stokes, B. (2015, Sept 2). How Asia-Pacific publics see each other. Retrieved from",
        );
        assert!(matches(&authored, &cite("(Stokes, 2015)")));
        assert!(!matches(&authored, &cite("(“Stokes”, 2015)")));
    }
}
