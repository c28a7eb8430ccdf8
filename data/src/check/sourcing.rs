//! The data file's fields about sources and hedges, read and handed to
//! their checks:
//!
//! - of a `[[text]]`: `references = { first, last, note? }` (where its list
//!   of references is) or `no_references` (why it has none), and
//!   `reference_notes` (what a reader of an entry should know, and an
//!   entry the text cites under another spelling): `references`;
//! - of a record: `source` against the quote's citations, the note against
//!   the sentences it draws on (`note_quotes`): `attribution`; and the
//!   sentences' hedges against its words, with `hedges_left_out`: `hedges`.
//!
//! Then the checked lists become the [`Sources`] the pages and downloads
//! show.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::DeValue;

use super::attribution::{self, NoteQuote};
use super::fields::{Fields, Reporter, show};
use super::hedges::{self, Claim, LeftOut};
use super::records::{Texts, departure, leak};
use super::references::{self, EntryNote, ListSpec, TextSources};
use crate::suggest::closest;
use crate::{Citation, Reference, ReferenceList, Sources, Text};

/// Each text's checked sources, by text id.
pub type Sourced = HashMap<String, TextSources>;

/// A `[[text]]`'s `references` or `no_references`, and its
/// `reference_notes`.
pub fn text_fields(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
) -> Option<(ListSpec, Vec<EntryNote>)> {
    let spec = match (fields.get("references"), fields.get("no_references")) {
        (Some(_), Some(none)) => {
            fields.error(
                reporter,
                none.span().start,
                "give references (where the text's list is) or no_references (why it has none), not both".into(),
            );
            None
        }
        (None, None) => {
            let at = fields.start();
            fields.error(
                reporter,
                at,
                "missing field \"references\": where the text's list of references is, as { first = \"its first entry's first words\", last = \"its last entry's\" }, or no_references = \"why the text has none\"".into(),
            );
            None
        }
        (None, Some(_)) => fields
            .optional_text(reporter, "no_references")
            .map(ListSpec::None),
        (Some(value), None) => list_span(fields, reporter, value),
    };
    let mut notes = Vec::new();
    for (table, at) in fields.tables(
        reporter,
        "reference_notes",
        "{ entry = \"Trading economics:\", note = \"…\" }",
    ) {
        let mut entry = Fields::new(table, at, fields.record.clone());
        let first_words = entry.text(reporter, "entry");
        let cited_as = entry.optional_text(reporter, "cited_as");
        let note = entry.text(reporter, "note");
        entry.finish(reporter);
        if let (Some(entry), Some(note)) = (first_words, note) {
            notes.push(EntryNote {
                entry,
                cited_as,
                note,
            });
        }
    }
    spec.map(|spec| (spec, notes))
}

fn list_span(
    fields: &Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    value: &Spanned<DeValue<'_>>,
) -> Option<ListSpec> {
    let DeValue::Table(table) = value.get_ref() else {
        fields.error(
            reporter,
            value.span().start,
            format!(
                "references {} is not a table; write {{ first = \"its first entry's first words\", last = \"its last entry's\" }}",
                show(value.get_ref())
            ),
        );
        return None;
    };
    let mut span = Fields::new(table, value.span().start, fields.record.clone());
    let first = span.text(reporter, "first");
    let last = span.text(reporter, "last");
    let note = span.optional_text(reporter, "note");
    span.finish(reporter);
    Some(ListSpec::Span {
        first: first?,
        last: last?,
        note,
    })
}

/// A record's sourcing fields, checked: the entry its source cites, if
/// any. Reads `note_quotes` and `hedges_left_out`.
#[allow(clippy::too_many_arguments)]
pub fn record(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    texts: &Texts,
    sourced: &Sourced,
    text: Option<&str>,
    source: Option<&Spanned<String>>,
    quote: Option<&Spanned<String>>,
    note: Option<&Spanned<String>>,
    claim: Claim<'_>,
) -> Option<u16> {
    let note_quotes = note_quotes(fields, reporter, texts, text);
    let left_out: Vec<LeftOut> = fields
        .tables(
            reporter,
            "hedges_left_out",
            "{ hedge = \"reportedly\", why = \"…\" }",
        )
        .into_iter()
        .filter_map(|(table, at)| {
            let mut entry = Fields::new(table, at, fields.record.clone());
            let hedge = entry.text(reporter, "hedge");
            let why = entry.text(reporter, "why");
            entry.finish(reporter);
            why.and(Some(LeftOut { hedge: hedge? }))
        })
        .collect();
    if note.is_none()
        && let Some(first) = note_quotes.first()
    {
        fields.error(
            reporter,
            first.quote.span().start,
            "note_quotes are the sentences a note draws on, and the record has no note".into(),
        );
    }
    let quote = quote?;
    if let Some(note) = note {
        attribution::note(fields, reporter, note, quote.get_ref(), &note_quotes);
    }
    let sentences: Vec<Spanned<String>> = note_quotes.into_iter().map(|q| q.quote).collect();
    hedges::check(fields, reporter, quote, &sentences, &claim, &left_out);
    let sources = sourced.get(text?)?;
    attribution::reference(fields, reporter, source?, quote.get_ref(), sources)
}

/// `note_quotes`: each sentence word for word in its text (the record's,
/// unless it names another).
fn note_quotes(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    texts: &Texts,
    own: Option<&str>,
) -> Vec<NoteQuote> {
    let mut found = Vec::new();
    let example = "each as { quote = \"the sentence\", text = \"foreign-affairs\" }";
    for (table, at) in fields.tables(reporter, "note_quotes", example) {
        let mut entry = Fields::new(table, at, fields.record.clone());
        let quote = entry.text(reporter, "quote");
        let named = entry.optional_text(reporter, "text");
        entry.finish(reporter);
        let id = match &named {
            Some(named) if !texts.contains_key(named.get_ref()) => {
                let mut known: Vec<&str> = texts.keys().map(String::as_str).collect();
                known.sort_unstable();
                let hint = match closest(named.get_ref(), &known) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("the texts are: {}", known.join(", ")),
                };
                fields.error(
                    reporter,
                    named.span().start,
                    format!(
                        "note_quotes: text \"{}\" is not a [[text]] id; {hint}",
                        named.get_ref()
                    ),
                );
                continue;
            }
            Some(named) => named.get_ref().as_str(),
            None => match own {
                Some(own) => own,
                None => continue,
            },
        };
        let (Some(quote), Some(Some((file, contents)))) = (quote, texts.get(id)) else {
            continue;
        };
        match departure(quote.get_ref(), file, contents) {
            Some(message) => fields.error(
                reporter,
                quote.span().start,
                format!("note_quotes: {message}"),
            ),
            None => found.push(NoteQuote { quote }),
        }
    }
    found
}

/// The checked lists and citations of `texts`, for the pages and downloads.
pub fn sources(texts: &[Text], sourced: &Sourced) -> Sources {
    let mut lists = Vec::new();
    let mut citations = Vec::new();
    for text in texts {
        let Some(checked) = sourced.get(text.id) else {
            continue;
        };
        let entries: Vec<Reference> = checked
            .entries
            .iter()
            .map(|entry| Reference {
                entry: leak(entry.text.clone()),
                line: u32::try_from(entry.line).unwrap_or(u32::MAX),
                authors: entry
                    .authors
                    .iter()
                    .map(|a| leak(a.clone()))
                    .collect::<Vec<_>>()
                    .leak(),
                title: entry.title.clone().map(leak),
                year: entry.year,
                note: entry.note.clone().map(leak),
            })
            .collect();
        lists.push(ReferenceList {
            text: text.id,
            entries: entries.leak(),
            note: checked.note.clone().map(leak),
            none: checked.none.clone().map(leak),
        });
        citations.extend(checked.citations.iter().map(|c| Citation {
            text: text.id,
            line: u32::try_from(c.line).unwrap_or(u32::MAX),
            as_written: leak(c.as_written.clone()),
            entry: u16::try_from(c.entry).unwrap_or(u16::MAX),
        }));
    }
    Sources {
        lists: lists.leak(),
        citations: citations.leak(),
    }
}

/// Checks a text's list and citations, once its contents are known.
pub fn text(
    spec: Option<(ListSpec, Vec<EntryNote>)>,
    file: Option<&(String, String)>,
    record: &str,
    reporter: &mut Reporter<'_>,
) -> Option<TextSources> {
    let (spec, notes) = spec?;
    let (file, contents) = file?;
    Some(references::check(
        &spec, &notes, file, contents, record, reporter,
    ))
}
