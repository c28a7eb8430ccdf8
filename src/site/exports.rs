//! The compiled data for readers to download, serialised from the same
//! records the module is built with (their serde derives): nothing here
//! lists a field. `indicators.json` holds everything; the CSVs flatten it,
//! one row per figure (`indicators.csv`, and one per chart), per event
//! (`events.csv`) or per number of the texts left out (`exclusions.csv`),
//! a nested field becoming `parent_field` columns and a record's text id
//! its text's citation columns. A record's `reference` (an index into its
//! text's list of references) becomes the entry itself, verbatim, with its
//! note; `indicators.json` also holds each text's whole list and every
//! in-text citation with the entry it resolves to.

use serde::Serialize;
use serde_json::Value;

use crate::model::{CATALOG, Catalog, Chart, EXCLUSIONS, Exclusion, SOURCES, Sources};

/// What `indicators.json` says about itself.
const ABOUT: &str = "Figures cited by two analyses of US–Vietnam relations (2015–16), each with its source, the entry of its text's list of references that source resolves to, and the sentence it comes from; each text's list of references, and every citation in the texts with the entry it resolves to; and the numbers of the texts left out, with the reason. Compiled from data/indicators.toml.";

#[derive(Serialize)]
struct Download<'a> {
    about: &'static str,
    #[serde(flatten)]
    catalog: &'a Catalog,
    exclusions: &'a [Exclusion],
    references: &'a Sources,
}

/// Everything in the data file, as JSON.
pub fn json() -> Result<String, serde_json::Error> {
    let mut download = serde_json::to_value(Download {
        about: ABOUT,
        catalog: &CATALOG,
        exclusions: EXCLUSIONS,
        references: &SOURCES,
    })?;
    let indicators = download["indicators"].as_array_mut().into_iter().flatten();
    for record in indicators {
        with_reference(record);
    }
    let events = download["timeline"]["events"]
        .as_array_mut()
        .into_iter()
        .flatten();
    for record in events {
        with_reference(record);
    }
    Ok(serde_json::to_string_pretty(&download)? + "\n")
}

/// A record's `reference`, an index into its text's list, replaced by the
/// entry (verbatim, with its note), or null where the text cites none.
fn with_reference(record: &mut Value) {
    let Some(object) = record.as_object_mut() else {
        return;
    };
    let entry = match (object.get("text"), object.get("reference")) {
        (Some(Value::String(text)), Some(Value::Number(index))) => {
            let index = index.as_u64().and_then(|i| u16::try_from(i).ok());
            crate::model::reference(text, index)
        }
        _ => None,
    };
    let resolved = entry.map_or(
        Value::Null,
        |e| serde_json::json!({ "entry": e.entry, "note": e.note }),
    );
    object.insert("reference".into(), resolved);
}

/// Why a CSV could not be written.
#[derive(Debug)]
pub struct ExportError(String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

fn error(e: impl std::fmt::Display) -> ExportError {
    ExportError(e.to_string())
}

/// A record as JSON, its `text` id replaced by the text itself and its
/// `reference` by the entry.
fn with_text(record: &impl Serialize) -> Result<Value, ExportError> {
    let mut value = serde_json::to_value(record).map_err(error)?;
    with_reference(&mut value);
    if let Some(object) = value.as_object_mut()
        && let Some(Value::String(id)) = object.get("text")
    {
        let text = serde_json::to_value(crate::model::text(id)).map_err(error)?;
        object.insert("text".into(), text);
    }
    Ok(value)
}

/// `value`'s scalar leaves as (column, cell): nested objects prefix their
/// keys with the parent's (`period_start`); absent values are empty cells.
fn flatten(value: &Value, prefix: &str, cells: &mut Vec<(String, String)>) {
    let column = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}_{key}")
        }
    };
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                flatten(value, &column(key), cells);
            }
        }
        Value::Null => cells.push((prefix.to_string(), String::new())),
        Value::String(s) => cells.push((prefix.to_string(), s.clone())),
        other => cells.push((prefix.to_string(), other.to_string())),
    }
}

/// One row per element of each record's `each` array (the element's fields
/// in the array's place, unprefixed), the record's other fields repeated
/// on every row, in the schema's order.
fn rows(records: &[Value], each: Option<&str>) -> Vec<Vec<(String, String)>> {
    let mut rows = Vec::new();
    for object in records.iter().filter_map(Value::as_object) {
        let items = each
            .and_then(|name| object.get(name))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| vec![Value::Null]);
        for item in &items {
            let mut cells = Vec::new();
            for (key, value) in object {
                if Some(key.as_str()) == each {
                    flatten(item, "", &mut cells);
                } else {
                    flatten(value, key, &mut cells);
                }
            }
            rows.push(cells);
        }
    }
    rows
}

/// The columns of `rows`, in the order they first appear. An object field
/// that is absent in some records (`period`) gives those records one empty
/// cell under its own name; that column goes where its children
/// (`period_start`, `period_end`) are.
fn columns(rows: &[Vec<(String, String)>]) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for row in rows {
        let mut after = None;
        for (column, _) in row {
            let at = match columns.iter().position(|c| c == column) {
                Some(at) => at,
                None => {
                    let at = after.map_or(0, |i| i + 1);
                    columns.insert(at, column.clone());
                    at
                }
            };
            after = Some(at);
        }
    }
    let placeholder = |column: &String| {
        let prefix = format!("{column}_");
        columns.iter().any(|c| c.starts_with(&prefix))
            && rows
                .iter()
                .flatten()
                .all(|(c, cell)| c != column || cell.is_empty())
    };
    let placeholders: Vec<String> = columns.iter().filter(|c| placeholder(c)).cloned().collect();
    columns.retain(|c| !placeholders.contains(c));
    columns
}

fn write_csv(rows: &[Vec<(String, String)>]) -> Result<String, ExportError> {
    let columns = columns(rows);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&columns).map_err(error)?;
    for row in rows {
        let cell = |column: &String| {
            row.iter()
                .find(|(c, _)| c == column)
                .map_or("", |(_, cell)| cell.as_str())
        };
        writer
            .write_record(columns.iter().map(cell))
            .map_err(error)?;
    }
    String::from_utf8(writer.into_inner().map_err(error)?).map_err(error)
}

/// One row per figure of `indicators`.
pub fn indicators_csv<'a>(
    indicators: impl IntoIterator<Item = &'a crate::model::Indicator>,
) -> Result<String, ExportError> {
    let records = indicators
        .into_iter()
        .map(with_text)
        .collect::<Result<Vec<_>, _>>()?;
    write_csv(&rows(&records, Some("values")))
}

/// One row per event of the timeline.
pub fn events_csv() -> Result<String, ExportError> {
    let records = CATALOG
        .timeline
        .events
        .iter()
        .map(with_text)
        .collect::<Result<Vec<_>, _>>()?;
    write_csv(&rows(&records, None))
}

/// One row per number of the texts left out, with the reason.
pub fn exclusions_csv() -> Result<String, ExportError> {
    let records = EXCLUSIONS
        .iter()
        .map(with_text)
        .collect::<Result<Vec<_>, _>>()?;
    write_csv(&rows(&records, Some("numbers")))
}

/// The CSV for one chart.
pub fn chart_csv(chart: Chart) -> Result<String, ExportError> {
    match chart {
        Chart::Indicator(indicator) => indicators_csv([indicator]),
        Chart::Timeline(_) => events_csv(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_every_figure_with_quote_and_source() {
        let data: Value = serde_json::from_str(&json().expect("JSON")).expect("parses");
        let indicators = data["indicators"].as_array().expect("array");
        assert_eq!(indicators.len(), CATALOG.indicators.len());
        for indicator in indicators {
            assert!(indicator["quote"].as_str().is_some_and(|q| q.len() > 20));
            assert!(indicator["source"].as_str().is_some_and(|s| !s.is_empty()));
            let text = indicator["text"].as_str().expect("a text id");
            assert!(
                data["texts"]
                    .as_array()
                    .expect("texts")
                    .iter()
                    .any(|t| t["id"] == text)
            );
        }
        let gdp = indicators
            .iter()
            .find(|i| i["id"] == "gdp-growth-average")
            .expect("gdp");
        assert_eq!(gdp["values"][0]["value"], 6.15);
        assert_eq!(gdp["chart"], "average");
        assert_eq!(gdp["period"]["start"], 2000);
        assert_eq!(
            data["timeline"]["events"].as_array().map(Vec::len),
            Some(CATALOG.timeline.events.len())
        );
        // No path to a file the site does not have.
        for text in data["texts"].as_array().expect("texts") {
            assert!(text.get("file").is_none(), "{text}");
        }
        assert!(!json().expect("JSON").contains("texts/"));
        // What was left out, and why.
        let exclusions = data["exclusions"].as_array().expect("exclusions");
        assert_eq!(exclusions.len(), EXCLUSIONS.len());
        assert!(
            exclusions
                .iter()
                .any(|e| e["numbers"].as_array().is_some_and(|n| n
                    .iter()
                    .any(|n| n["as_written"] == "Normalization at fifteen")))
        );
    }

    #[test]
    fn exclusions_csv_has_a_row_per_number_with_its_reason() {
        let csv = exclusions_csv().expect("CSV");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let columns: Vec<&str> = headers.iter().collect();
        assert_eq!(columns[0], "reason");
        for column in ["text_id", "as_written", "quote"] {
            assert!(columns.contains(&column), "{column} in {columns:?}");
        }
        let rows = reader.records().count();
        assert_eq!(
            rows,
            EXCLUSIONS.iter().map(|e| e.numbers.len()).sum::<usize>()
        );
    }

    #[test]
    fn csv_has_a_row_per_figure_with_its_record_and_text() {
        let csv = indicators_csv(CATALOG.indicators.iter()).expect("CSV");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let columns: Vec<&str> = headers.iter().collect();
        assert_eq!(
            &columns[..8],
            [
                "id",
                "title",
                "chart",
                "unit",
                "period_start",
                "period_end",
                "label",
                "value"
            ]
        );
        for column in [
            "as_written",
            "bound",
            "per_square",
            "source",
            "text_id",
            "text_title",
            "quote",
            "note",
        ] {
            assert!(columns.contains(&column), "{column} in {columns:?}");
        }
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert_eq!(
            rows.len(),
            CATALOG
                .indicators
                .iter()
                .map(|i| i.values.len())
                .sum::<usize>()
        );
        let value = columns.iter().position(|c| *c == "value").expect("value");
        let title = columns
            .iter()
            .position(|c| *c == "text_author")
            .expect("author");
        let trade = rows
            .iter()
            .find(|r| &r[0] == "trade-balance-2015")
            .expect("a row");
        assert_eq!(&trade[value], "-3540000000.0");
        assert_eq!(&trade[title], "Bojian Liu");
    }

    #[test]
    fn the_downloads_carry_the_entry_each_source_resolves_to() {
        let data: Value = serde_json::from_str(&json().expect("JSON")).expect("parses");
        let record = |id: &str| {
            data["indicators"]
                .as_array()
                .and_then(|all| all.iter().find(|i| i["id"] == id))
                .cloned()
                .expect("a record")
        };
        let entry = record("us-military-aid")["reference"]["entry"].clone();
        assert!(
            entry
                .as_str()
                .is_some_and(|e| e.starts_with("VOA: US pledges")),
            "{entry}"
        );
        assert!(record("us-military-aid")["reference"]["note"].is_string());
        assert!(record("china-sea-claim-area")["reference"].is_null());
        let lists = data["references"]["lists"].as_array().expect("lists");
        assert_eq!(lists.len(), CATALOG.texts.len());
        assert_eq!(
            data["references"]["citations"].as_array().map(Vec::len),
            Some(SOURCES.citations.len())
        );
        let csv = indicators_csv(CATALOG.indicators.iter()).expect("CSV");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let column = headers
            .iter()
            .position(|c| c == "reference_entry")
            .expect("a reference_entry column");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        let gdp = rows
            .iter()
            .find(|r| &r[0] == "gdp-growth-average")
            .expect("a row");
        assert_eq!(
            &gdp[column],
            "Trading economics: Vietnam GDP growth rate, 2000-2016. (2016). Retrieved from"
        );
    }

    #[test]
    fn events_csv_has_a_row_per_event() {
        let csv = events_csv().expect("CSV");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        assert_eq!(&headers[0], "date_year");
        assert_eq!(reader.records().count(), CATALOG.timeline.events.len());
    }
}
