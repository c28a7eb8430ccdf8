//! A record's source traced to its text's list of references: the record's
//! `source` names the in-text citation its quote gives for the figure, and
//! the build resolves that citation to the text's entry (`reference`). A
//! note says only what its sentences say: every passage it quotes is in the
//! record's quote or in a sentence it names (`note_quotes`), and a citation
//! in such a sentence is credited in the note.

use toml::Spanned;

use super::fields::{Fields, Reporter};
use super::quotes::normalise;
use super::references::{Cited, InText, TextSources, citations_in};

/// The `source` of a record whose sentence cites no source.
pub const NOT_CITED: &str = "Not cited in the text";

/// The entry of the text's list the record's source cites, if its quote
/// cites one; errors where the source and the quote disagree.
pub fn reference(
    fields: &Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    source: &Spanned<String>,
    quote: &str,
    sources: &TextSources,
) -> Option<u16> {
    let citations = citations_in(quote);
    let at = source.span().start;
    let named = source.get_ref();
    if citations.is_empty() {
        if named != NOT_CITED {
            fields.error(
                reporter,
                at,
                format!(
                    "source \"{named}\" names a citation, but the quote cites no source; write \"{NOT_CITED}\", or quote the sentence up to its citation"
                ),
            );
        }
        return None;
    }
    let listed = || {
        citations
            .iter()
            .map(|c| c.as_written.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen: Vec<&InText> = citations.iter().filter(|c| names(named, c)).collect();
    match chosen[..] {
        [citation] => sources
            .resolve(citation)
            .and_then(|entry| u16::try_from(entry).ok()),
        [] => {
            fields.error(
                reporter,
                at,
                format!(
                    "source \"{named}\" names none of the quote's citations ({}); name the one the figure comes from, with its year",
                    listed()
                ),
            );
            None
        }
        _ => {
            fields.error(
                reporter,
                at,
                format!(
                    "source \"{named}\" names several of the quote's citations ({}); name only the one the figure comes from",
                    listed()
                ),
            );
            None
        }
    }
}

/// Whether `source` names `citation`: its authors' surnames or its title,
/// and its year.
fn names(source: &str, citation: &InText) -> bool {
    let source = normalise(source).to_lowercase();
    let has = |words: &str| source.contains(&normalise(words).to_lowercase());
    let who = match &citation.cited {
        Cited::Authors(surnames, _) => surnames.iter().all(|s| has(s)),
        Cited::Title(title) => has(title),
    };
    who && has(&citation.year.to_string())
}

/// A sentence a note draws on, found word for word in its text.
pub struct NoteQuote {
    pub quote: Spanned<String>,
}

/// Checks that the note quotes only its sentences and credits their
/// citations.
pub fn note(
    fields: &Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    note: &Spanned<String>,
    quote: &str,
    note_quotes: &[NoteQuote],
) {
    let said = normalise(note.get_ref());
    for passage in passages(note.get_ref()) {
        let passage = normalise(&passage);
        let inside = std::iter::once(quote)
            .chain(note_quotes.iter().map(|q| q.quote.get_ref().as_str()))
            .any(|sentence| normalise(sentence).contains(&passage));
        if !inside {
            fields.error(
                reporter,
                note.span().start,
                format!(
                    "the note quotes \"{passage}\", which is in neither the quote nor its note_quotes; add the sentence it comes from to note_quotes"
                ),
            );
        }
    }
    for sentence in note_quotes {
        for citation in citations_in(sentence.quote.get_ref()) {
            if !said.contains(&normalise(&citation.as_written)) {
                fields.error(
                    reporter,
                    sentence.quote.span().start,
                    format!(
                        "the note draws on a sentence that cites {}; credit it in the note as the text writes it",
                        citation.as_written
                    ),
                );
            }
        }
    }
}

/// The passages a note quotes, between typographic quotation marks.
fn passages(note: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = note;
    while let Some(open) = rest.find('\u{201c}') {
        let after = &rest[open + '\u{201c}'.len_utf8()..];
        let Some(close) = after.find('\u{201d}') else {
            break;
        };
        found.push(after[..close].to_string());
        rest = &after[close + '\u{201d}'.len_utf8()..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_names_a_citation_by_its_authors_or_title_and_year() {
        let cite = |text: &str| citations_in(text).remove(0);
        assert!(names(
            "Hiebert & Nguyen, 2015",
            &cite("(Hiebert & Nguyen, 2015)")
        ));
        assert!(names(
            "Pew Research Center, “Global Indicators Database”, 2015",
            &cite("(“Global Indicators Database”, 2015)")
        ));
        assert!(!names(
            "Trading Economics, 2015",
            &cite("(“Trading Economics”, 2016)")
        ));
        assert!(!names("Hiebert, 2015", &cite("(Hiebert & Nguyen, 2015)")));
    }

    #[test]
    fn passages_are_what_the_note_puts_in_quotation_marks() {
        assert_eq!(
            passages("It says “usually provokes” and “last year”; not \"this\"."),
            ["usually provokes", "last year"]
        );
        assert!(passages("No quotation.").is_empty());
    }
}
