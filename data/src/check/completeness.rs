//! Completeness: every number in the texts is accounted for — charted by a
//! record, or listed in an `[[exclusion]]` with the reason it is left out —
//! so that no figure is dropped without anyone deciding to drop it.
//!
//! A number (see `numerals::numbers_in`) is accounted for when it lies
//! inside, in the text:
//! - an indicator's `as_written`, within the indicator's quote;
//! - a value's label or a period year, where the quote writes it outside
//!   parentheses (words matched alone could otherwise take the year of a
//!   citation, "(Hiebert & Nguyen, 2015)", for the period's);
//! - an event's `when`, within its quote;
//! - an exclusion's `as_written`, within its quote if it has one.
//!
//! A number no record or exclusion accounts for is reported against the
//! text's own file and line. An exclusion must say which occurrence it
//! means when its words recur, and may not exclude a number a record
//! charts: each number gets one decision.

use std::ops::Range;

use super::DataError;
use super::fields::Reporter;
use super::numerals::numbers_in;
use super::quotes::{normalise, normalise_mapped};
use crate::{Event, Exclusion, Indicator};

/// An exclusion with the offset of each of its numbers in the data file.
pub struct Placed {
    pub exclusion: Exclusion,
    pub numbers_at: Vec<usize>,
}

/// Checks every number of each text (id, (file as shown, contents)).
pub fn check(
    texts: &[(&str, &(String, String))],
    indicators: &[Indicator],
    events: &[Event],
    exclusions: &[Placed],
    reporter: &mut Reporter<'_>,
) {
    for (id, (file, contents)) in texts {
        let text = Scanned::new(contents);
        let mut charted_by: Vec<Option<String>> = vec![None; text.numbers.len()];
        let mut excluded = vec![false; text.numbers.len()];

        for indicator in indicators.iter().filter(|i| i.text == *id) {
            let name = format!("indicator \"{}\"", indicator.id);
            let quote = Some(indicator.quote);
            let mut spans = Vec::new();
            for figure in indicator.values {
                spans.extend(text.find(figure.as_written, quote, Case::Exact));
                if let Some(label) = figure.label {
                    spans.extend(text.find_outside_parentheses(label, quote, Case::Ignored));
                }
            }
            if let Some(period) = indicator.period {
                for year in [period.start, period.end] {
                    let year = year.to_string();
                    spans.extend(text.find_outside_parentheses(&year, quote, Case::Exact));
                }
            }
            for number in spans.iter().flat_map(|span| text.inside(span)) {
                charted_by[number] = Some(name.clone());
            }
        }
        for event in events.iter().filter(|e| e.text == *id) {
            let name = format!("event \"{}\"", event.label);
            for span in text.find(event.when, Some(event.quote), Case::Exact) {
                for number in text.inside(&span) {
                    charted_by[number] = Some(name.clone());
                }
            }
        }

        for placed in exclusions.iter().filter(|p| p.exclusion.text == *id) {
            let entries = placed.exclusion.numbers.iter().zip(&placed.numbers_at);
            for (entry, &at) in entries {
                let record = format!("exclusion \"{}\"", entry.as_written);
                let spans = text.find(entry.as_written, entry.quote, Case::Exact);
                if entry.quote.is_none() && spans.len() > 1 {
                    let mut lines: Vec<usize> = spans.iter().map(|s| text.line(s.start)).collect();
                    lines.dedup();
                    reporter.error(
                        at,
                        Some(&record),
                        format!(
                            "\"{}\" appears {} times in {file} ({}); add a quote: the words around the one you mean, word for word",
                            entry.as_written,
                            spans.len(),
                            list(&lines)
                        ),
                    );
                    // Which one is meant is unknown: the numbers are not
                    // reported again as missing, nor as charted.
                    for number in spans.iter().flat_map(|span| text.inside(span)) {
                        excluded[number] = true;
                    }
                    continue;
                }
                for number in spans.iter().flat_map(|span| text.inside(span)) {
                    match &charted_by[number] {
                        Some(charted) => reporter.error(
                            at,
                            Some(&record),
                            format!(
                                "\"{}\" ({file}:{}) is charted by {charted}; an exclusion is for numbers no record charts, so take it out of this one",
                                text.spelled(number),
                                text.line(text.numbers[number].start)
                            ),
                        ),
                        None => excluded[number] = true,
                    }
                }
            }
        }

        for (number, range) in text.numbers.iter().enumerate() {
            if charted_by[number].is_some() || excluded[number] {
                continue;
            }
            reporter.errors.push(DataError {
                file: file.clone(),
                line: text.line(range.start),
                record: None,
                message: format!(
                    "\"{}\" ({}) is in no record and no [[exclusion]]; add a record, or an [[exclusion]] saying why it is left out",
                    text.spelled(number),
                    text.context(range)
                ),
            });
        }
    }
}

/// "line 6", "lines 6, 8, 12", or the first eight and "…".
fn list(lines: &[usize]) -> String {
    let mut shown: Vec<String> = lines.iter().take(8).map(usize::to_string).collect();
    if lines.len() > 8 {
        shown.push("…".into());
    }
    let noun = if lines.len() == 1 { "line" } else { "lines" };
    format!("{noun} {}", shown.join(", "))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Exact,
    /// A label is written as a heading ("Under 30"), the sentence may
    /// have it in lower case ("under 30 years old").
    Ignored,
}

/// A text, normalised as quotes are matched, with its numbers.
struct Scanned<'a> {
    original: &'a str,
    normalised: String,
    /// For each byte of `normalised`, its offset in `original`.
    origin: Vec<usize>,
    /// For each byte of `normalised`, how many parentheses are open there.
    depth: Vec<u16>,
    line_starts: Vec<usize>,
    numbers: Vec<Range<usize>>,
}

impl<'a> Scanned<'a> {
    fn new(original: &'a str) -> Self {
        let (normalised, origin) = normalise_mapped(original);
        let mut depth = Vec::with_capacity(normalised.len());
        let mut open: u16 = 0;
        for byte in normalised.bytes() {
            depth.push(open);
            match byte {
                b'(' => open = open.saturating_add(1),
                b')' => open = open.saturating_sub(1),
                _ => {}
            }
        }
        let line_starts = std::iter::once(0)
            .chain(original.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let numbers = numbers_in(&normalised);
        Scanned {
            original,
            normalised,
            origin,
            depth,
            line_starts,
            numbers,
        }
    }

    /// 1-based line, in the original text, of a normalised offset.
    fn line(&self, at: usize) -> usize {
        let offset = self.origin.get(at).copied().unwrap_or(self.original.len());
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn spelled(&self, number: usize) -> &str {
        &self.normalised[self.numbers[number].clone()]
    }

    /// Where `phrase` is in the text: inside each occurrence of `within`,
    /// or anywhere when there is none.
    fn find(&self, phrase: &str, within: Option<&str>, case: Case) -> Vec<Range<usize>> {
        let phrase = normalise(phrase);
        if phrase.is_empty() {
            return Vec::new();
        }
        let regions: Vec<Range<usize>> = match within.map(normalise) {
            Some(quote) => occurrences(&self.normalised, &quote, Case::Exact)
                .into_iter()
                .map(|start| start..start + quote.len())
                .collect(),
            None => std::iter::once(0..self.normalised.len()).collect(),
        };
        let mut spans = Vec::new();
        for region in regions {
            for start in occurrences(&self.normalised[region.clone()], &phrase, case) {
                let start = region.start + start;
                spans.push(start..start + phrase.len());
            }
        }
        spans
    }

    fn find_outside_parentheses(
        &self,
        phrase: &str,
        within: Option<&str>,
        case: Case,
    ) -> Vec<Range<usize>> {
        let mut spans = self.find(phrase, within, case);
        spans.retain(|span| self.depth.get(span.start) == Some(&0));
        spans
    }

    /// The numbers that lie wholly inside `span`.
    fn inside(&self, span: &Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let span = span.clone();
        self.numbers
            .iter()
            .enumerate()
            .filter(move |(_, n)| span.start <= n.start && n.end <= span.end)
            .map(|(i, _)| i)
    }

    /// The words around a number on its line, for a person to find it:
    /// `…Normalization at fifteen: Progress and…`.
    fn context(&self, number: &Range<usize>) -> String {
        const AROUND: usize = 30;
        let start = self.origin[number.start];
        let end = self
            .origin
            .get(number.end)
            .copied()
            .unwrap_or(self.original.len());
        let line_start = self.original[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.original[end..]
            .find('\n')
            .map_or(self.original.len(), |i| end + i);
        let before: String = {
            let chars: Vec<char> = self.original[line_start..start].chars().collect();
            let cut = chars.len().saturating_sub(AROUND);
            let shown: String = chars[cut..].iter().collect();
            if cut > 0 {
                format!("…{shown}")
            } else {
                shown
            }
        };
        let after: String = {
            let chars: Vec<char> = self.original[end..line_end].chars().collect();
            let shown: String = chars.iter().take(AROUND).collect();
            if chars.len() > AROUND {
                format!("{shown}…")
            } else {
                shown
            }
        };
        let spelled = &self.original[start..end];
        normalise(&format!("{before}{spelled}{after}"))
    }
}

/// Starts of the non-overlapping occurrences of `needle` in `haystack`.
fn occurrences(haystack: &str, needle: &str, case: Case) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    match case {
        Case::Exact => haystack.match_indices(needle).map(|(i, _)| i).collect(),
        // ASCII case folding keeps byte offsets, so the starts are valid in
        // the haystack as it is.
        Case::Ignored => haystack
            .to_ascii_lowercase()
            .match_indices(&needle.to_ascii_lowercase())
            .map(|(i, _)| i)
            .collect(),
    }
}
