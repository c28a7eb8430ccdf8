//! The records of the data file and the rules each must satisfy.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::completeness::{self, Placed};
use super::fields::{Fields, Reporter, show};
use super::hedges::Claim;
use super::numerals::stated_value;
use super::quotes::{appears_in, matching_prefix, normalise};
use super::sourcing::{self, Sourced};
use super::{Checked, DataError};
use crate::suggest::closest;
use crate::{
    Bound, Catalog, ChartKind, Event, EventDate, Excluded, Exclusion, Figure, Indicator, Named,
    Period, Span, Text, Timeline, Unit,
};

/// A string the records keep for as long as the program runs: the build
/// script's records live until it exits.
pub(super) fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_spanned(text: Spanned<String>) -> &'static str {
    leak(text.into_inner())
}

/// The texts by id, with their file name and contents for checking quotes
/// (`None` when the file could not be read, which is reported once).
pub(super) type Texts = HashMap<String, Option<(String, String)>>;

pub fn validate(
    source: &str,
    display: &str,
    read_text: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Checked, Vec<DataError>> {
    let mut reporter = Reporter::new(display, source);
    let document = match DeTable::parse(source) {
        Ok(document) => document,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().lines().next().unwrap_or("").trim().to_string();
            reporter.error(offset, None, format!("not valid TOML: {message}"));
            return Err(reporter.errors);
        }
    };
    let mut top = Fields::new(document.get_ref(), 0, "the file".to_string());

    let mut text_contents = Texts::new();
    let mut sourced = Sourced::new();
    let mut texts = Vec::new();
    let folder = display.rsplit_once('/').map_or("", |(folder, _)| folder);
    for (table, start) in tables(&mut top, &mut reporter, "text", true) {
        if let Some(text) = text_record(
            table,
            start,
            &mut reporter,
            read_text,
            folder,
            (&mut text_contents, &mut sourced),
        ) {
            texts.push(text);
        }
    }

    let mut indicators = Vec::new();
    for (table, start) in tables(&mut top, &mut reporter, "indicator", true) {
        if let Some(indicator) =
            indicator_record(table, start, &mut reporter, (&text_contents, &sourced))
        {
            indicators.push((start, indicator));
        }
    }

    let mut events = Vec::new();
    for (table, start) in tables(&mut top, &mut reporter, "event", true) {
        if let Some(event) = event_record(table, start, &mut reporter, (&text_contents, &sourced)) {
            events.push((start, event));
        }
    }
    check_chronology(&events, &mut reporter);

    let mut exclusions = Vec::new();
    for (table, start) in tables(&mut top, &mut reporter, "exclusion", false) {
        if let Some(exclusion) = exclusion_record(table, start, &mut reporter, &text_contents) {
            exclusions.push(exclusion);
        }
    }

    let timeline = match top.get("timeline") {
        Some(value) => match value.get_ref() {
            DeValue::Table(table) => {
                let mut fields = Fields::new(table, value.span().start, "timeline".to_string());
                let id = slug(&mut fields, &mut reporter);
                let title = fields.text(&mut reporter, "title");
                fields.finish(&mut reporter);
                id.zip(title)
                    .map(|(id, title)| (value.span().start, id, title))
            }
            other => {
                reporter.error(
                    value.span().start,
                    None,
                    format!(
                        "timeline is {}; write a [timeline] table with id and title",
                        show(other)
                    ),
                );
                None
            }
        },
        None => {
            reporter.error(
                0,
                None,
                "missing [timeline] table (id and title of the events chart)".into(),
            );
            None
        }
    };
    top.finish(&mut reporter);

    let mut seen: HashMap<&str, usize> = HashMap::new();
    let ids = indicators.iter().map(|(start, i)| (*start, i.id)).chain(
        timeline
            .iter()
            .map(|(start, id, _)| (*start, id.get_ref().as_str())),
    );
    for (start, id) in ids {
        if let Some(first) = seen.insert(id, start) {
            let first_line = reporter.line_of(first);
            reporter.error(
                start,
                None,
                format!("id \"{id}\" is already used on line {first_line}; ids must be unique"),
            );
        }
    }

    for (start, indicator) in &indicators {
        let Some(with) = indicator.drawn_with else {
            continue;
        };
        let balance = indicators
            .iter()
            .any(|(_, other)| other.id == with && other.chart == ChartKind::Balance);
        if !balance {
            reporter.error(
                *start,
                Some(&format!("indicator \"{}\"", indicator.id)),
                format!("drawn_with \"{with}\" names no balance chart; give the id of the balance chart that draws this run of years"),
            );
        }
    }
    let indicators: Vec<Indicator> = indicators.into_iter().map(|(_, i)| i).collect();
    let events: Vec<Event> = events.into_iter().map(|(_, e)| e).collect();
    // Only once every record is valid: a record with a broken quote or
    // figure would otherwise be reported again, number by number, as
    // missing from the data.
    if reporter.errors.is_empty() {
        let in_order: Vec<(&str, &(String, String))> = texts
            .iter()
            .filter_map(|t| Some((t.id, text_contents.get(t.id)?.as_ref()?)))
            .collect();
        completeness::check(&in_order, &indicators, &events, &exclusions, &mut reporter);
    }

    if !reporter.errors.is_empty() {
        // The data file's errors first, then each text's, by line.
        reporter.errors.sort_by(|a, b| {
            (a.file != display, &a.file, a.line).cmp(&(b.file != display, &b.file, b.line))
        });
        return Err(reporter.errors);
    }
    let (_, id, title) = timeline.expect("a missing timeline is reported above");
    let exclusions: Vec<Exclusion> = exclusions.into_iter().map(|e| e.exclusion).collect();
    let sources = sourcing::sources(&texts, &sourced);
    Ok(Checked {
        catalog: Catalog {
            texts: texts.leak(),
            indicators: indicators.leak(),
            timeline: Timeline {
                id: leak_spanned(id),
                title: leak_spanned(title),
                events: events.leak(),
            },
        },
        exclusions: exclusions.leak(),
        sources,
    })
}

/// The tables of an array of tables (`[[name]]`), with their offsets;
/// `required` when the viewer needs at least one.
fn tables<'t, 'i>(
    top: &mut Fields<'t, 'i>,
    reporter: &mut Reporter<'_>,
    name: &'static str,
    required: bool,
) -> Vec<(&'t DeTable<'i>, usize)> {
    if required && top.get(name).is_none() {
        reporter.error(
            0,
            None,
            format!("no [[{name}]] records; the viewer needs at least one"),
        );
    }
    top.tables(
        reporter,
        name,
        &format!("each record as a [[{name}]] table"),
    )
}

/// The `id` field, which must be a slug (it appears in URLs and embeds).
fn slug(fields: &mut Fields<'_, '_>, reporter: &mut Reporter<'_>) -> Option<Spanned<String>> {
    let id = fields.text(reporter, "id")?;
    let valid = id.get_ref().split('-').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    if valid {
        return Some(id);
    }
    let suggestion: String = id
        .get_ref()
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    fields.error(
        reporter,
        id.span().start,
        format!(
            "id \"{}\" is not a slug; use lowercase letters, digits and single hyphens, e.g. \"{suggestion}\"",
            id.get_ref()
        ),
    );
    None
}

/// One of a fixed set of names, such as a chart kind.
fn choice<T: Named>(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    key: &'static str,
    default: Option<T>,
) -> Option<T> {
    let options = T::ALL;
    let value = match (fields.get(key), default) {
        (None, Some(default)) => return Some(default),
        (None, None) => {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            let start = fields.start();
            fields.error(
                reporter,
                start,
                format!("missing field \"{key}\" (one of: {})", names.join(", ")),
            );
            return None;
        }
        (Some(value), _) => value,
    };
    let name = value.get_ref().as_str().unwrap_or("");
    if let Some((_, found)) = options.iter().find(|(n, _)| *n == name) {
        return Some(*found);
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    let hint = match closest(name, &names) {
        Some(near) => format!("did you mean \"{near}\"?"),
        None => format!("expected one of: {}", names.join(", ")),
    };
    fields.error(
        reporter,
        value.span().start,
        format!("{key} {} is not known; {hint}", show(value.get_ref())),
    );
    None
}

/// The `text` field: the id of a [[text]], whose contents are returned.
fn text_reference<'x>(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    texts: &'x Texts,
) -> Option<(String, Option<&'x (String, String)>)> {
    let id = fields.text(reporter, "text")?;
    match texts.get(id.get_ref()) {
        Some(text) => Some((id.into_inner(), text.as_ref())),
        None => {
            let mut known: Vec<&str> = texts.keys().map(String::as_str).collect();
            known.sort_unstable();
            let hint = match closest(id.get_ref(), &known) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => format!("the texts are: {}", known.join(", ")),
            };
            fields.error(
                reporter,
                id.span().start,
                format!("text \"{}\" is not a [[text]] id; {hint}", id.get_ref()),
            );
            None
        }
    }
}

/// The `quote` field, which must appear word for word in `text`.
fn quote(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    text: Option<&(String, String)>,
) -> Option<Spanned<String>> {
    let quote = fields.text(reporter, "quote")?;
    let (file, contents) = text?;
    match departure(quote.get_ref(), file, contents) {
        None => Some(quote),
        Some(message) => {
            fields.error(reporter, quote.span().start, message);
            None
        }
    }
}

/// Why `quote` is not word for word in the text `contents` of `file`, or
/// `None` when it is.
pub(super) fn departure(quote: &str, file: &str, contents: &str) -> Option<String> {
    if appears_in(quote, contents) {
        return None;
    }
    let prefix = matching_prefix(quote, contents);
    Some(if prefix.is_empty() {
        format!("quote does not appear in {file}; copy the sentence from the text word for word")
    } else {
        let tail: String = {
            let chars: Vec<char> = prefix.chars().collect();
            chars[chars.len().saturating_sub(40)..].iter().collect()
        };
        format!(
            "quote does not appear word for word in {file}: it departs from the text after \"…{tail}\""
        )
    })
}

fn text_record(
    table: &DeTable<'_>,
    start: usize,
    reporter: &mut Reporter<'_>,
    read_text: &dyn Fn(&str) -> Result<String, String>,
    folder: &str,
    (contents, sourced): (&mut Texts, &mut Sourced),
) -> Option<Text> {
    let mut fields = Fields::new(table, start, "text".to_string());
    let id = slug(&mut fields, reporter);
    if let Some(id) = &id {
        fields.record = format!("text \"{}\"", id.get_ref());
    }
    let file = fields.text(reporter, "file");
    let title = fields.optional_text(reporter, "title");
    let author = fields.optional_text(reporter, "author");
    let date = fields.optional_text(reporter, "date");
    let publication = fields.optional_text(reporter, "publication");
    let year_inferred = fields.optional_number(reporter, "year_inferred");
    let note = fields.optional_text(reporter, "note");
    let year_inferred = year_inferred.and_then(|year| {
        let value = *year.get_ref();
        let problem = if date.is_some() {
            Some(
                "year_inferred is only for a text that gives no date; remove it or the date"
                    .to_string(),
            )
        } else if note.is_none() {
            Some("year_inferred needs a note that says where the year comes from".to_string())
        } else if value.fract() != 0.0 || !(1900.0..=2100.0).contains(&value) {
            Some(format!(
                "year_inferred {value} is not a year; give one such as 2015"
            ))
        } else {
            None
        };
        match problem {
            Some(message) => {
                fields.error(reporter, year.span().start, message);
                None
            }
            None => Some(value as u16),
        }
    });
    let references = sourcing::text_fields(&mut fields, reporter);
    if title.is_none() && publication.is_none() {
        fields.error(
            reporter,
            start,
            "give a title or a publication, as the text names itself".to_string(),
        );
    }
    let file = file.and_then(|file| match read_text(file.get_ref()) {
        Ok(text) => Some((file.into_inner(), text)),
        Err(why) => {
            fields.error(
                reporter,
                file.span().start,
                format!(
                    "file \"{}\" cannot be read ({why}); give a path relative to the data file",
                    file.get_ref()
                ),
            );
            None
        }
    });
    let record = fields.record.clone();
    fields.finish(reporter);
    let id = id?.into_inner();
    let file = file.map(|(file, text)| {
        let shown = (format!("{folder}/{file}"), text);
        if let Some(checked) = sourcing::text(references, Some(&shown), &record, reporter) {
            sourced.insert(id.clone(), checked);
        }
        contents.insert(id.clone(), Some(shown));
        file
    });
    contents.entry(id.clone()).or_insert(None);
    file?;
    Some(Text {
        id: leak(id),
        title: title.map(leak_spanned),
        author: author.map(leak_spanned),
        date: date.map(leak_spanned),
        publication: publication.map(leak_spanned),
        year_inferred,
        note: note.map(leak_spanned),
    })
}

fn indicator_record(
    table: &DeTable<'_>,
    start: usize,
    reporter: &mut Reporter<'_>,
    (texts, sourced): (&Texts, &Sourced),
) -> Option<Indicator> {
    let mut fields = Fields::new(table, start, "indicator".to_string());
    let id = slug(&mut fields, reporter);
    if let Some(id) = &id {
        fields.record = format!("indicator \"{}\"", id.get_ref());
    }
    let title = fields.text(reporter, "title");
    let chart = choice::<ChartKind>(&mut fields, reporter, "chart", None);
    let unit = choice::<Unit>(&mut fields, reporter, "unit", None);
    let period = period(&mut fields, reporter);
    let source = fields.text(reporter, "source");
    let text = text_reference(&mut fields, reporter, texts);
    let quote = quote(&mut fields, reporter, text.as_ref().and_then(|(_, t)| *t));
    let note = fields.optional_text(reporter, "note");
    let per_square = fields.optional_number(reporter, "per_square");
    let span = span(&mut fields, reporter);
    let drawn_with = fields.optional_text(reporter, "drawn_with");
    if let (Some(with), None) = (&drawn_with, &span) {
        fields.error(
            reporter,
            with.span().start,
            "drawn_with is for a span: give span = { from, to } too".into(),
        );
    }
    let figures = figures(&mut fields, reporter, quote.as_ref());
    if let Some(span) = &span {
        let ok = chart == Some(ChartKind::Panel) && matches!(unit, Some(Unit::Years | Unit::Days));
        if !ok {
            fields.error(
                reporter,
                span.span().start,
                "span is for a duration: give it with chart \"panel\" and unit \"years\" or \"days\"".into(),
            );
        }
    }

    if let (Some(period), Some(quote)) = (&period, &quote) {
        let said = normalise(quote.get_ref());
        let Period { start, end } = *period.get_ref();
        for year in if start == end {
            vec![start]
        } else {
            vec![start, end]
        } {
            if !said.contains(&year.to_string()) {
                fields.error(
                    reporter,
                    period.span().start,
                    format!("period year {year} does not appear in the quote; give the period the text gives"),
                );
            }
        }
    }
    if let (Some(chart), Some(figures)) = (chart, &figures) {
        check_chart_needs(
            &fields,
            reporter,
            chart,
            unit,
            period.as_ref().map(Spanned::get_ref),
            figures,
            per_square.as_ref(),
        );
    }
    let claim = Claim {
        kind: "indicator",
        words: title
            .iter()
            .map(|t| t.get_ref().as_str())
            .chain(figures.iter().flatten().filter_map(|f| f.label))
            .collect(),
        note: note.as_ref().map(|n| n.get_ref().as_str()),
        figures: figures
            .iter()
            .flatten()
            .map(|f| (f.as_written, Some(f.bound)))
            .collect(),
    };
    let reference = sourcing::record(
        &mut fields,
        reporter,
        texts,
        sourced,
        text.as_ref().map(|(id, _)| id.as_str()),
        source.as_ref(),
        quote.as_ref(),
        note.as_ref(),
        claim,
    );
    fields.finish(reporter);
    Some(Indicator {
        id: leak_spanned(id?),
        title: leak_spanned(title?),
        chart: chart?,
        unit: unit?,
        period: period.map(Spanned::into_inner),
        values: figures?.leak(),
        per_square: per_square.map(Spanned::into_inner),
        span: span.map(Spanned::into_inner),
        drawn_with: drawn_with.map(leak_spanned),
        source: leak_spanned(source?),
        reference,
        text: leak(text?.0),
        quote: leak_spanned(quote?),
        note: note.map(leak_spanned),
    })
}

/// `period`: a year, or `{ start = 2000, end = 2015 }`.
fn period(fields: &mut Fields<'_, '_>, reporter: &mut Reporter<'_>) -> Option<Spanned<Period>> {
    let value = fields.get("period")?;
    let at = value.span().start;
    let year = |v: &DeValue<'_>| -> Option<u16> {
        match v {
            DeValue::Integer(i) => i
                .as_str()
                .parse::<u16>()
                .ok()
                .filter(|y| (1800..=2100).contains(y)),
            _ => None,
        }
    };
    let parsed = match value.get_ref() {
        DeValue::Integer(_) => year(value.get_ref()).map(|y| Period { start: y, end: y }),
        DeValue::Table(range) => {
            let start = range.get("start").and_then(|v| year(v.get_ref()));
            let end = range.get("end").and_then(|v| year(v.get_ref()));
            let extra = range
                .iter()
                .any(|(k, _)| !["start", "end"].contains(&k.get_ref().as_ref()));
            match (start, end) {
                (Some(start), Some(end)) if start < end && !extra => Some(Period { start, end }),
                (Some(start), Some(end)) if start >= end => {
                    fields.error(
                        reporter,
                        at,
                        format!(
                            "period starts in {start} but ends in {end}; start must be before end"
                        ),
                    );
                    return None;
                }
                _ => None,
            }
        }
        _ => None,
    };
    if parsed.is_none() {
        fields.error(
            reporter,
            at,
            format!(
                "period {} is not a year or a range; write 2015 or {{ start = 2000, end = 2015 }}",
                show(value.get_ref())
            ),
        );
    }
    parsed.map(|p| Spanned::new(value.span(), p))
}

/// `values`: each figure as written in the quote, with the number it states.
fn figures(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    quote: Option<&Spanned<String>>,
) -> Option<Vec<Figure>> {
    let items = fields.array(reporter, "values")?;
    let record = fields.record.clone();
    let mut figures = Vec::new();
    let mut all_valid = true;
    for item in items {
        let DeValue::Table(table) = item.get_ref() else {
            fields.error(
                reporter,
                item.span().start,
                format!(
                    "values entry {} is not a table; write {{ value = 6.15, as_written = \"6.15 percent\" }}",
                    show(item.get_ref())
                ),
            );
            all_valid = false;
            continue;
        };
        let mut entry = Fields::new(table, item.span().start, record.clone());
        let label = entry.optional_text(reporter, "label");
        let as_written = entry.text(reporter, "as_written");
        let bound = choice(&mut entry, reporter, "bound", Some(Bound::Exact));
        let value = match entry.get("value") {
            None => {
                entry.error(
                    reporter,
                    item.span().start,
                    "missing field \"value\" (a number)".into(),
                );
                None
            }
            Some(raw) => match super::fields::number(raw.get_ref()) {
                Ok(n) => Some(Spanned::new(raw.span(), n)),
                Err(why) => {
                    entry.error(reporter, raw.span().start, format!("value {why}"));
                    None
                }
            },
        };
        entry.finish(reporter);
        if let (Some(written), Some(quote)) = (&as_written, quote) {
            if !appears_in(written.get_ref(), quote.get_ref()) {
                fields.error(
                    reporter,
                    written.span().start,
                    format!(
                        "as_written \"{}\" does not appear in the quote; copy the figure as the quote writes it",
                        written.get_ref()
                    ),
                );
            }
        }
        if let (Some(written), Some(value)) = (&as_written, &value) {
            match stated_value(written.get_ref()) {
                None => fields.error(
                    reporter,
                    written.span().start,
                    format!(
                        "as_written \"{}\" states no number; write the figure as the text does, e.g. \"6.15 percent\"",
                        written.get_ref()
                    ),
                ),
                Some(stated) if (stated - value.get_ref().abs()).abs() > stated.abs() * 1e-9 => fields.error(
                    reporter,
                    value.span().start,
                    format!(
                        "value {} does not match as_written \"{}\", which says {stated}; make them agree",
                        value.get_ref(),
                        written.get_ref()
                    ),
                ),
                Some(_) => {}
            }
        }
        match (label, as_written, bound, value) {
            (label, Some(as_written), Some(bound), Some(value)) => figures.push(Figure {
                label: label.map(leak_spanned),
                value: value.into_inner(),
                as_written: leak_spanned(as_written),
                bound,
            }),
            _ => all_valid = false,
        }
    }
    all_valid.then_some(figures)
}

/// What each chart kind needs of a record to draw it truthfully.
fn check_chart_needs(
    fields: &Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    chart: ChartKind,
    unit: Option<Unit>,
    period: Option<&Period>,
    figures: &[Figure],
    per_square: Option<&Spanned<f64>>,
) {
    let at = fields.start();
    let mut need = |ok: bool, message: &str| {
        if !ok {
            fields.error(reporter, at, message.to_string());
        }
    };
    let ranged = period.is_some_and(|p| p.start < p.end);
    let labelled = figures.iter().all(|f| f.label.is_some());
    match chart {
        ChartKind::Comparison => {
            need(
                figures.len() >= 2,
                "a comparison chart needs two or more values",
            );
            need(labelled, "a comparison chart needs a label on every value");
        }
        ChartKind::Average => {
            need(
                figures.len() == 1,
                "an average chart draws exactly one value",
            );
            need(
                ranged,
                "an average chart needs a period range, e.g. { start = 2000, end = 2015 }",
            );
        }
        ChartKind::Change => {
            need(figures.len() == 1, "a change chart draws exactly one value");
            need(
                unit == Some(Unit::PercentChange),
                "a change chart needs unit \"percent-change\"",
            );
            need(
                ranged,
                "a change chart needs a period range, e.g. { start = 2004, end = 2013 }",
            );
        }
        ChartKind::Balance => {
            need(
                labelled,
                "a balance chart needs a label on every value (its year)",
            );
        }
        ChartKind::Panel => {
            need(figures.len() == 1, "a panel chart draws exactly one value");
        }
        ChartKind::Units => {
            need(figures.len() == 1, "a units chart draws exactly one value");
            need(
                per_square.is_some(),
                "a units chart needs per_square: how much one square stands for",
            );
        }
    }
    if chart != ChartKind::Balance && figures.iter().any(|f| f.value < 0.0) {
        need(
            false,
            "a negative value can only be drawn by a balance chart",
        );
    }
    if let Some(per_square) = per_square {
        if chart != ChartKind::Units {
            fields.error(
                reporter,
                per_square.span().start,
                "per_square is only for units charts".into(),
            );
        } else if let Some(figure) = figures.first() {
            let size = *per_square.get_ref();
            let squares = figure.value / size;
            if size <= 0.0
                || (squares - squares.round()).abs() > 1e-9
                || !(1.0..=100.0).contains(&squares)
            {
                fields.error(
                    reporter,
                    per_square.span().start,
                    format!(
                        "per_square {size} gives {squares} squares for {}; choose a size that gives a whole number from 1 to 100",
                        figure.value
                    ),
                );
            }
        }
    }
}

/// An `[[exclusion]]`: numbers of one text left out on purpose, each found
/// in its text (in its quote, when it has one), and the reason.
fn exclusion_record(
    table: &DeTable<'_>,
    start: usize,
    reporter: &mut Reporter<'_>,
    texts: &Texts,
) -> Option<Placed> {
    let mut fields = Fields::new(table, start, "exclusion".to_string());
    let reason = fields.text(reporter, "reason");
    let text = text_reference(&mut fields, reporter, texts);
    let items = fields.array(reporter, "numbers");
    let contents = text.as_ref().and_then(|(_, t)| *t);
    let mut numbers = Vec::new();
    let mut numbers_at = Vec::new();
    let mut all_valid = true;
    for item in items.unwrap_or_default() {
        all_valid &= excluded_number(&fields, item, reporter, contents)
            .map(|(number, at)| {
                numbers.push(number);
                numbers_at.push(at);
            })
            .is_some();
    }
    fields.finish(reporter);
    if !all_valid || items.is_none() {
        return None;
    }
    Some(Placed {
        exclusion: Exclusion {
            reason: leak_spanned(reason?),
            text: leak(text?.0),
            numbers: numbers.leak(),
        },
        numbers_at,
    })
}

/// One entry of an exclusion's `numbers`, with its offset, if it is found
/// where it says it is.
fn excluded_number(
    fields: &Fields<'_, '_>,
    item: &Spanned<DeValue<'_>>,
    reporter: &mut Reporter<'_>,
    contents: Option<&(String, String)>,
) -> Option<(Excluded, usize)> {
    let DeValue::Table(table) = item.get_ref() else {
        fields.error(
            reporter,
            item.span().start,
            format!(
                "numbers entry {} is not a table; write {{ as_written = \"fifteen\" }}",
                show(item.get_ref())
            ),
        );
        return None;
    };
    let mut entry = Fields::new(table, item.span().start, "exclusion".to_string());
    let as_written = entry.text(reporter, "as_written");
    if let Some(written) = &as_written {
        entry.record = format!("exclusion \"{}\"", written.get_ref());
    }
    let quote = entry.optional_text(reporter, "quote");
    let (Some(as_written), Some((file, contents))) = (as_written, contents) else {
        entry.finish(reporter);
        return None;
    };
    // A quote must be in its text, and the number in the quote; without a
    // quote, the number must be in the text itself.
    let departed = quote.as_ref().and_then(|quote| {
        departure(quote.get_ref(), file, contents).map(|message| (quote.span().start, message))
    });
    let found = if let Some((at, message)) = departed {
        entry.error(reporter, at, message);
        false
    } else {
        let (haystack, place) = match &quote {
            Some(quote) => (quote.get_ref().as_str(), "its quote"),
            None => (contents.as_str(), file.as_str()),
        };
        let appears = appears_in(as_written.get_ref(), haystack);
        if !appears {
            entry.error(
                reporter,
                as_written.span().start,
                format!(
                    "as_written \"{}\" does not appear in {place}; copy the number as the text writes it",
                    as_written.get_ref()
                ),
            );
        }
        appears
    };
    entry.finish(reporter);
    found.then(|| {
        let number = Excluded {
            as_written: leak_spanned(as_written),
            quote: quote.map(leak_spanned),
        };
        (number, item.span().start)
    })
}

fn event_record(
    table: &DeTable<'_>,
    start: usize,
    reporter: &mut Reporter<'_>,
    (texts, sourced): (&Texts, &Sourced),
) -> Option<Event> {
    let mut fields = Fields::new(table, start, "event".to_string());
    let label = fields.text(reporter, "label");
    if let Some(label) = &label {
        fields.record = format!("event \"{}\"", label.get_ref());
    }
    let date = event_date(&mut fields, reporter);
    let when = fields.text(reporter, "when");
    let source = fields.text(reporter, "source");
    let text = text_reference(&mut fields, reporter, texts);
    let quote = quote(&mut fields, reporter, text.as_ref().and_then(|(_, t)| *t));
    let date_note = fields.optional_text(reporter, "date_note");
    let note = fields.optional_text(reporter, "note");
    let plan = match fields.get("plan").map(|v| (v.span().start, v.get_ref())) {
        None => false,
        Some((_, DeValue::Boolean(plan))) => *plan,
        Some((at, other)) => {
            fields.error(
                reporter,
                at,
                format!(
                    "plan {} is not true or false; write plan = true for a plan's target date",
                    show(other)
                ),
            );
            false
        }
    };
    if let (Some(when), Some(quote)) = (&when, &quote) {
        if !appears_in(when.get_ref(), quote.get_ref()) {
            fields.error(
                reporter,
                when.span().start,
                format!("when \"{}\" does not appear in the quote; copy the date as the quote writes it", when.get_ref()),
            );
        }
    }
    if let (Some(date), Some(quote)) = (&date, &quote) {
        let year = date.get_ref().year.to_string();
        let stated = normalise(quote.get_ref()).contains(&year);
        match (&date_note, stated) {
            (None, false) => fields.error(
                reporter,
                date.span().start,
                format!("the quote does not give the year {year}; add a date_note saying where it comes from"),
            ),
            (Some(note), true) => fields.error(
                reporter,
                note.span().start,
                format!("date_note is for years the quote does not give, and the quote says {year}; remove it"),
            ),
            _ => {}
        }
    }
    let claim = Claim {
        kind: "event",
        words: label.iter().map(|l| l.get_ref().as_str()).collect(),
        note: note.as_ref().map(|n| n.get_ref().as_str()),
        figures: when.iter().map(|w| (w.get_ref().as_str(), None)).collect(),
    };
    let reference = sourcing::record(
        &mut fields,
        reporter,
        texts,
        sourced,
        text.as_ref().map(|(id, _)| id.as_str()),
        source.as_ref(),
        quote.as_ref(),
        note.as_ref(),
        claim,
    );
    fields.finish(reporter);
    Some(Event {
        date: date?.into_inner(),
        when: leak_spanned(when?),
        label: leak_spanned(label?),
        text: leak(text?.0),
        source: leak_spanned(source?),
        reference,
        quote: leak_spanned(quote?),
        date_note: date_note.map(leak_spanned),
        note: note.map(leak_spanned),
        plan,
    })
}

/// `span = { from = 1975, to = "2015-04-30" }`: two dates, in order.
fn span(fields: &mut Fields<'_, '_>, reporter: &mut Reporter<'_>) -> Option<Spanned<Span>> {
    let value = fields.get("span")?;
    let at = value.span().start;
    let dates = match value.get_ref() {
        DeValue::Table(table) => {
            let end = |key: &str| table.get(key).and_then(|v| date_value(v.get_ref()));
            end("from").zip(end("to"))
        }
        _ => None,
    };
    let key = |d: EventDate| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
    match dates {
        Some((from, to)) if key(from) <= key(to) => {
            Some(Spanned::new(value.span(), Span { from, to }))
        }
        Some(_) => {
            fields.error(
                reporter,
                at,
                "span's from must not come after its to".into(),
            );
            None
        }
        None => {
            fields.error(
                reporter,
                at,
                format!(
                    "span {} is not two dates; write {{ from = 1975, to = \"2015-04-30\" }}",
                    show(value.get_ref())
                ),
            );
            None
        }
    }
}

/// A date value: 2015, "2015-04", "2015-04-22" or a bare TOML date.
fn date_value(value: &DeValue<'_>) -> Option<EventDate> {
    match value {
        DeValue::Integer(i) => parse_date(i.as_str()),
        DeValue::String(s) => parse_date(s),
        DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
            d.date.and_then(|d| parse_date(&d.to_string()))
        }
        _ => None,
    }
}

/// `date`: 2015, "2015-04" or "2015-04-22" (a bare TOML date works too).
fn event_date(
    fields: &mut Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
) -> Option<Spanned<EventDate>> {
    let Some(value) = fields.get("date") else {
        let at = fields.start();
        fields.error(
            reporter,
            at,
            "missing field \"date\" (2015, \"2015-04\" or \"2015-04-22\")".into(),
        );
        return None;
    };
    let parsed = date_value(value.get_ref());
    if parsed.is_none() {
        fields.error(
            reporter,
            value.span().start,
            format!(
                "date {} is not a date; write a year (2015), a month (\"2015-04\") or a day (\"2015-04-22\")",
                show(value.get_ref())
            ),
        );
    }
    parsed.map(|d| Spanned::new(value.span(), d))
}

fn parse_date(text: &str) -> Option<EventDate> {
    let mut parts = text.split('-');
    let year: u16 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1800..=2100).contains(y))?;
    let month: Option<u8> = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
    };
    let day: Option<u8> = match parts.next() {
        None => None,
        Some(d) if d.len() == 2 => {
            let days = days_in_month(year, month?);
            Some(d.parse().ok().filter(|d| (1..=days).contains(d))?)
        }
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(EventDate { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Events are kept in date order, compared at the precision both give.
fn check_chronology(events: &[(usize, Event)], reporter: &mut Reporter<'_>) {
    for pair in events.windows(2) {
        let ((earlier_at, earlier), (at, event)) = (&pair[0], &pair[1]);
        let (a, b) = (earlier.date, event.date);
        let key = |d: EventDate, other: EventDate| {
            (
                d.year,
                d.month.filter(|_| other.month.is_some()),
                d.day
                    .filter(|_| other.day.is_some() && other.month == d.month),
            )
        };
        if key(b, a) < key(a, b) {
            let line = reporter.line_of(*earlier_at);
            reporter.error(
                *at,
                Some(&format!("event \"{}\"", event.label)),
                format!(
                    "date is before that of the event on line {line}; keep events in date order"
                ),
            );
        }
    }
}
