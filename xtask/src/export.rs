//! The compiled data for readers to download, written from the same
//! statics the WASM is built with: `indicators.json` (everything),
//! `indicators.csv` (one row per figure), `events.csv` (the timeline), and
//! one CSV per chart.

use anyhow::Result;
use indicator_charts::model::{
    Bound, Chart, ChartKind, Event, EventDate, INDICATORS, Indicator, TEXTS, TIMELINE, Text, Unit,
    name_of,
};
use serde_json::{Value, json};

fn text_json(text: &Text) -> Value {
    json!({
        "id": text.id,
        "file": format!("data/{}", text.file),
        "title": text.title,
        "author": text.author,
        "date": text.date,
        "publication": text.publication,
        "note": text.note,
    })
}

pub fn iso_date(date: EventDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{}-{m:02}", date.year),
        _ => date.year.to_string(),
    }
}

fn indicator_json(indicator: &Indicator) -> Value {
    json!({
        "id": indicator.id,
        "title": indicator.title,
        "chart": name_of(&ChartKind::ALL, indicator.kind),
        "unit": name_of(&Unit::ALL, indicator.unit),
        "period": indicator.period.map(|p| json!({ "start": p.start, "end": p.end })),
        "values": indicator.figures.iter().map(|f| json!({
            "label": f.label,
            "value": f.value,
            "as_written": f.as_written,
            "bound": name_of(&Bound::ALL, f.bound),
        })).collect::<Vec<_>>(),
        "per_square": indicator.per_square,
        "source": indicator.source,
        "text": text_json(indicator.text),
        "quote": indicator.quote,
        "note": indicator.note,
    })
}

fn event_json(event: &Event) -> Value {
    json!({
        "date": iso_date(event.date),
        "when": event.when,
        "label": event.label,
        "source": event.source,
        "text": text_json(event.text),
        "quote": event.quote,
        "date_note": event.date_note,
        "note": event.note,
    })
}

/// Everything in the data file, as JSON.
pub fn json() -> Result<String> {
    let document = json!({
        "about": "Figures cited by two analyses of US–Vietnam relations (2015–16), each with its source and the sentence it comes from. Compiled from data/indicators.toml.",
        "texts": TEXTS.iter().map(text_json).collect::<Vec<_>>(),
        "indicators": INDICATORS.iter().map(indicator_json).collect::<Vec<_>>(),
        "timeline": {
            "id": TIMELINE.id,
            "title": TIMELINE.title,
            "events": TIMELINE.events.iter().map(event_json).collect::<Vec<_>>(),
        },
    });
    Ok(serde_json::to_string_pretty(&document)? + "\n")
}

const TEXT_COLUMNS: [&str; 5] = [
    "text_id",
    "text_title",
    "text_author",
    "text_date",
    "text_publication",
];

fn text_cells(text: &Text) -> [String; 5] {
    let cell = |v: Option<&str>| v.unwrap_or("").to_string();
    [
        text.id.to_string(),
        cell(text.title),
        cell(text.author),
        cell(text.date),
        cell(text.publication),
    ]
}

/// A number as it is in the data (shortest form that reads back the same).
fn number(value: f64) -> String {
    value.to_string()
}

/// One row per figure of `indicators`.
pub fn indicators_csv<'a>(indicators: impl IntoIterator<Item = &'a Indicator>) -> Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "id",
        "title",
        "chart",
        "unit",
        "period_start",
        "period_end",
        "label",
        "value",
        "as_written",
        "bound",
        "per_square",
        "source",
    ];
    header.extend(TEXT_COLUMNS);
    header.extend(["quote", "note"]);
    writer.write_record(&header)?;
    for indicator in indicators {
        for figure in indicator.figures {
            let mut row = vec![
                indicator.id.to_string(),
                indicator.title.to_string(),
                name_of(&ChartKind::ALL, indicator.kind).to_string(),
                name_of(&Unit::ALL, indicator.unit).to_string(),
                indicator
                    .period
                    .map(|p| p.start.to_string())
                    .unwrap_or_default(),
                indicator
                    .period
                    .map(|p| p.end.to_string())
                    .unwrap_or_default(),
                figure.label.unwrap_or("").to_string(),
                number(figure.value),
                figure.as_written.to_string(),
                name_of(&Bound::ALL, figure.bound).to_string(),
                indicator.per_square.map(number).unwrap_or_default(),
                indicator.source.to_string(),
            ];
            row.extend(text_cells(indicator.text));
            row.extend([
                indicator.quote.to_string(),
                indicator.note.unwrap_or("").to_string(),
            ]);
            writer.write_record(&row)?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// One row per event of the timeline.
pub fn events_csv() -> Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["date", "when", "label", "source"];
    header.extend(TEXT_COLUMNS);
    header.extend(["quote", "date_note", "note"]);
    writer.write_record(&header)?;
    for event in TIMELINE.events {
        let mut row = vec![
            iso_date(event.date),
            event.when.to_string(),
            event.label.to_string(),
            event.source.to_string(),
        ];
        row.extend(text_cells(event.text));
        row.extend([
            event.quote.to_string(),
            event.date_note.unwrap_or("").to_string(),
            event.note.unwrap_or("").to_string(),
        ]);
        writer.write_record(&row)?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

/// The CSV for one chart.
pub fn chart_csv(chart: Chart) -> Result<String> {
    match chart {
        Chart::Indicator(indicator) => indicators_csv([indicator]),
        Chart::Timeline(_) => events_csv(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_every_figure_with_quote_and_source() -> Result<()> {
        let data: Value = serde_json::from_str(&json()?)?;
        let indicators = data["indicators"].as_array().expect("array");
        assert_eq!(indicators.len(), INDICATORS.len());
        for indicator in indicators {
            assert!(indicator["quote"].as_str().is_some_and(|q| q.len() > 20));
            assert!(indicator["source"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(indicator["text"]["id"].is_string());
        }
        let gdp = indicators
            .iter()
            .find(|i| i["id"] == "gdp-growth-average")
            .expect("gdp");
        assert_eq!(gdp["values"][0]["value"], 6.15);
        assert_eq!(gdp["period"]["start"], 2000);
        assert_eq!(
            data["timeline"]["events"].as_array().map(Vec::len),
            Some(TIMELINE.events.len())
        );
        Ok(())
    }

    #[test]
    fn csv_has_a_row_per_figure() -> Result<()> {
        let csv = indicators_csv(INDICATORS.iter())?;
        let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
        assert_eq!(
            rows,
            INDICATORS.iter().map(|i| i.figures.len()).sum::<usize>()
        );
        assert!(csv.contains("-3540000000"));
        Ok(())
    }
}
