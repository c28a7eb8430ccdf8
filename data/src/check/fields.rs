//! Typed access to the fields of one TOML table, with every problem reported
//! against the line it is on and the record it belongs to.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::DataError;
use crate::suggest::closest;

/// Collects errors for one data file and turns byte offsets into lines.
pub struct Reporter<'a> {
    display: &'a str,
    line_starts: Vec<usize>,
    pub errors: Vec<DataError>,
}

impl<'a> Reporter<'a> {
    pub fn new(display: &'a str, source: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reporter {
            display,
            line_starts,
            errors: Vec::new(),
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    pub fn error(&mut self, offset: usize, record: Option<&str>, message: String) {
        self.errors.push(DataError {
            file: self.display.to_string(),
            line: self.line_of(offset),
            record: record.map(str::to_string),
            message,
        });
    }
}

/// Describes a value the way a person would write it in the file.
pub fn show(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// The number a TOML integer or float stands for; `Err` says why it is not
/// a usable number.
pub fn number(value: &DeValue<'_>) -> Result<f64, String> {
    let parsed = match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(|n| n as f64)
            .map_err(|_| format!("{} is too large", show(value)))?,
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .map_err(|_| format!("{} is not a number", show(value)))?,
        other => return Err(format!("{} is not a number", show(other))),
    };
    if parsed.is_finite() {
        Ok(parsed)
    } else {
        Err(format!("{} is not a finite number", show(value)))
    }
}

/// The fields of one record, read one by one; `finish` reports the ones
/// nobody asked for (usually a misspelt name).
pub struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Byte offset of the record, for fields that are missing.
    start: usize,
    /// How messages name the record, e.g. `indicator "gdp-growth-average"`.
    pub record: String,
    known: Vec<&'static str>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, start: usize, record: String) -> Self {
        Fields {
            table,
            start,
            record,
            known: Vec::new(),
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    /// The raw value of `key`, if present.
    pub fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    pub fn error(&self, reporter: &mut Reporter<'_>, offset: usize, message: String) {
        reporter.error(offset, Some(&self.record), message);
    }

    fn missing(&self, reporter: &mut Reporter<'_>, key: &str, what: &str) {
        self.error(
            reporter,
            self.start,
            format!("missing field \"{key}\" ({what})"),
        );
    }

    /// A string field that must be present and not blank.
    pub fn text(
        &mut self,
        reporter: &mut Reporter<'_>,
        key: &'static str,
    ) -> Option<Spanned<String>> {
        match self.get(key) {
            None => {
                self.missing(reporter, key, "a string");
                None
            }
            Some(value) => self.string_value(reporter, key, value),
        }
    }

    /// A string field that may be absent; present, it must not be blank.
    pub fn optional_text(
        &mut self,
        reporter: &mut Reporter<'_>,
        key: &'static str,
    ) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        self.string_value(reporter, key, value)
    }

    fn string_value(
        &self,
        reporter: &mut Reporter<'_>,
        key: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                self.error(
                    reporter,
                    value.span().start,
                    format!("{key} is empty; write the text it stands for"),
                );
                None
            }
            DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            other => {
                self.error(
                    reporter,
                    value.span().start,
                    format!("{key} {} is not a string; write it in quotes", show(other)),
                );
                None
            }
        }
    }

    /// A finite number that may be absent.
    pub fn optional_number(
        &mut self,
        reporter: &mut Reporter<'_>,
        key: &'static str,
    ) -> Option<Spanned<f64>> {
        let value = self.get(key)?;
        match number(value.get_ref()) {
            Ok(n) => Some(Spanned::new(value.span(), n)),
            Err(why) => {
                self.error(reporter, value.span().start, format!("{key} {why}"));
                None
            }
        }
    }

    /// An array field that must be present and not empty.
    pub fn array(
        &mut self,
        reporter: &mut Reporter<'_>,
        key: &'static str,
    ) -> Option<&'t [Spanned<DeValue<'i>>]> {
        let Some(value) = self.get(key) else {
            self.missing(reporter, key, "an array");
            return None;
        };
        match value.get_ref() {
            DeValue::Array(items) if items.is_empty() => {
                self.error(
                    reporter,
                    value.span().start,
                    format!("{key} is empty; give at least one"),
                );
                None
            }
            DeValue::Array(items) => Some(&items[..]),
            other => {
                self.error(
                    reporter,
                    value.span().start,
                    format!("{key} {} is not an array; write [ ... ]", show(other)),
                );
                None
            }
        }
    }

    /// An optional array of tables (`key = [{ … }, { … }]`), each with its
    /// offset; anything else is reported, saying how to `write` them ("each
    /// as { hedge = …, why = … }").
    pub fn tables(
        &mut self,
        reporter: &mut Reporter<'_>,
        key: &'static str,
        write: &str,
    ) -> Vec<(&'t DeTable<'i>, usize)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let shown = show(value.get_ref());
            self.error(
                reporter,
                value.span().start,
                format!("{key} is {shown}; write {write}"),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => tables.push((table, item.span().start)),
                other => self.error(
                    reporter,
                    item.span().start,
                    format!("{key} entry {} is not a table; write {write}", show(other)),
                ),
            }
        }
        tables
    }

    /// Reports fields that were never read, suggesting the closest known name.
    pub fn finish(self, reporter: &mut Reporter<'_>) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if self.known.contains(&name) {
                continue;
            }
            let hint = match closest(name, &self.known) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => format!("expected one of: {}", self.known.join(", ")),
            };
            reporter.error(
                key.span().start,
                Some(&self.record),
                format!("unknown field \"{name}\"; {hint}"),
            );
        }
    }
}
