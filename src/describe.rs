//! Each chart in words: the text alternative a screen reader announces, the
//! data table a keyboard can reach, and what a tooltip says about one
//! figure or event. Generated from the same records the chart draws, so
//! the words cannot disagree with the picture.

use crate::format::Locale;
use crate::model::{self, Bound, Chart, ChartKind, Datum, Indicator, Timeline};
use crate::words::{date_label as date, period_label, source_line};

/// A chart's data as a table: a caption, column headings and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// What a tooltip shows about one figure or event, and what the element's
/// value event tells the page about it (`label`, `number`, `as_written`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tooltip {
    /// What the figure is of ("Under 30") or the event's date.
    pub heading: String,
    /// The value with its unit, or what happened.
    pub value: String,
    /// The sentence it comes from, verbatim.
    pub quote: &'static str,
    /// The citation and the text.
    pub source: String,
    /// What the figure is of (its label, else the chart's title), or what
    /// happened.
    pub label: &'static str,
    /// The figure as a number in its unit's base (percent, US$, people, …);
    /// none for an event.
    pub number: Option<f64>,
    /// The figure, or the event's date, word for word as the text writes it.
    pub as_written: &'static str,
}

/// One or two sentences stating the figure, then its source.
pub fn alt_text(chart: Chart, locale: &Locale) -> String {
    match chart {
        Chart::Indicator(indicator) => {
            format!(
                "{} {}.",
                indicator_sentence(indicator, locale),
                crate::words::source_line(chart)
            )
        }
        Chart::Timeline(timeline) => timeline_sentence(timeline),
    }
}

fn value(indicator: &Indicator, index: usize, locale: &Locale) -> String {
    indicator
        .values
        .get(index)
        .map(|f| locale.bounded_figure(f.value, indicator.unit, f.bound))
        .unwrap_or_default()
}

fn indicator_sentence(indicator: &Indicator, locale: &Locale) -> String {
    let title = indicator.title;
    let period = indicator.period;
    let first = value(indicator, 0, locale);
    match indicator.chart {
        ChartKind::Comparison => {
            let parts: Vec<String> = indicator
                .values
                .iter()
                .enumerate()
                .map(|(i, f)| format!("{}: {}", f.label.unwrap_or(""), value(indicator, i, locale)))
                .collect();
            let when = period.map(|p| format!(" in {}", p.end)).unwrap_or_default();
            format!("{title}{when}: {}.", parts.join("; "))
        }
        ChartKind::Average => match period {
            Some(p) => format!("{title} from {} to {}: {first} on average.", p.start, p.end),
            None => format!("{title}: {first} on average."),
        },
        ChartKind::Change => {
            let after = indicator.values.first().map_or(100.0, |f| 100.0 + f.value);
            match period {
                Some(p) => format!(
                    "{title} from {} to {}: {first} (an index of 100 in {} becomes {} in {}).",
                    p.start,
                    p.end,
                    p.start,
                    locale.plain(after),
                    p.end
                ),
                None => format!("{title}: {first}."),
            }
        }
        ChartKind::Balance => {
            let parts: Vec<String> = indicator
                .values
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let kind = if f.value < 0.0 {
                        "a deficit"
                    } else {
                        "a surplus"
                    };
                    format!(
                        "{} {} ({kind})",
                        f.label.unwrap_or(""),
                        value(indicator, i, locale)
                    )
                })
                .collect();
            format!("{title}: {}.", parts.join("; "))
        }
        ChartKind::Units | ChartKind::Panel => {
            let wording = indicator
                .values
                .first()
                .filter(|f| {
                    f.bound != Bound::Exact || !crate::format::same_words(f.as_written, &first)
                })
                .map(|f| format!(" The text says \u{201c}{}\u{201d}.", f.as_written))
                .unwrap_or_default();
            format!("{title}: {first}.{wording}")
        }
    }
}

fn timeline_sentence(timeline: &Timeline) -> String {
    match (timeline.events.first(), timeline.events.last()) {
        (Some(first), Some(last)) => format!(
            "{}: {} dated events, from {} ({}) to {} ({}). Sources: as cited in each text.",
            timeline.title,
            timeline.events.len(),
            first.label,
            date(first.date, first.date_note.is_some()),
            last.label,
            date(last.date, last.date_note.is_some()),
        ),
        _ => format!("{}: no events.", timeline.title),
    }
}

/// The chart's data as a table.
pub fn table(chart: Chart, locale: &Locale) -> Table {
    match chart {
        Chart::Indicator(indicator) => {
            let period = indicator.period.map(period_label);
            Table {
                caption: match period {
                    Some(period) => format!("{}, {period}", indicator.title),
                    None => indicator.title.to_string(),
                },
                headers: vec!["Figure", "Value", "As the text writes it"],
                rows: indicator
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        vec![
                            f.label.unwrap_or(indicator.title).to_string(),
                            value(indicator, i, locale),
                            f.as_written.to_string(),
                        ]
                    })
                    .collect(),
            }
        }
        Chart::Timeline(timeline) => Table {
            caption: timeline.title.to_string(),
            headers: vec!["Date", "Event", "Text"],
            rows: timeline
                .events
                .iter()
                .map(|e| {
                    vec![
                        date(e.date, e.date_note.is_some()),
                        e.label.to_string(),
                        model::text(e.text).short_reference(),
                    ]
                })
                .collect(),
        },
    }
}

/// What to show for the datum a reader points at or focuses.
pub fn tooltip(chart: Chart, datum: Datum, locale: &Locale) -> Option<Tooltip> {
    match (chart, datum) {
        (Chart::Indicator(indicator), Datum::Figure(index)) => {
            let figure = indicator.values.get(index)?;
            let period = indicator.period.map(period_label);
            let heading = match (figure.label, period) {
                (Some(label), Some(period)) if label != period => format!("{label}, {period}"),
                (Some(label), _) => label.to_string(),
                (None, Some(period)) => format!("{}, {period}", indicator.title),
                (None, None) => indicator.title.to_string(),
            };
            Some(Tooltip {
                heading,
                value: value(indicator, index, locale),
                quote: indicator.quote,
                source: source_line(chart),
                label: figure.label.unwrap_or(indicator.title),
                number: Some(figure.value),
                as_written: figure.as_written,
            })
        }
        (Chart::Timeline(timeline), Datum::Event(index)) => {
            let event = timeline.events.get(index)?;
            Some(Tooltip {
                heading: date(event.date, event.date_note.is_some()),
                value: event.label.to_string(),
                quote: event.quote,
                source: crate::words::sourced(
                    event.source,
                    event.reference,
                    &model::text(event.text).short_reference(),
                ),
                label: event.label,
                number: None,
                as_written: event.when,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ENGLISH;
    use crate::model::find_chart;

    fn chart(id: &str) -> Chart {
        find_chart(id).expect("chart exists")
    }

    #[test]
    fn alt_text_states_the_figure_and_source() {
        assert_eq!(
            alt_text(chart("gdp-growth-average"), &ENGLISH),
            "Vietnam\u{2019}s average GDP growth from 2000 to 2015: 6.15% on average. Source: Trading Economics, 2016 · Bojian Liu, Feb. 29, 2016."
        );
        assert_eq!(
            alt_text(chart("trade-balance-2015"), &ENGLISH),
            "Vietnam\u{2019}s trade balance: 2015 \u{2212}US$3.54\u{a0}billion (a deficit). Source: Vietnam Customs Statistics, 2016 · Bojian Liu, Feb. 29, 2016."
        );
        assert!(
            alt_text(chart("us-favourability"), &ENGLISH)
                .contains("Vietnamese: 80%; Under 30: 88%")
        );
        assert!(alt_text(chart("military-spending-rise"), &ENGLISH).contains("+113%"));
        assert!(
            alt_text(chart("communist-party-members"), &ENGLISH).contains(
                "more than 3\u{a0}million. The text says \u{201c}three million-plus\u{201d}"
            )
        );
        // "40-odd" is more than 40, as "million-plus" is more than a million.
        assert_eq!(
            alt_text(chart("former-enmity-years"), &ENGLISH),
            "Years since Vietnam and the US were foes: more than 40\u{a0}years. The text says \u{201c}40-odd years\u{201d}. Stated by Foreign Affairs, 2015 (year inferred; no source cited)."
        );
    }

    #[test]
    fn every_chart_has_words_a_table_and_tooltips() {
        for chart in crate::model::all_charts() {
            assert!(alt_text(chart, &ENGLISH).len() > 30, "{}", chart.id());
            let table = table(chart, &ENGLISH);
            assert!(!table.rows.is_empty(), "{}", chart.id());
            assert!(table.rows.iter().all(|r| r.len() == table.headers.len()));
            let first = match chart {
                Chart::Indicator(_) => Datum::Figure(0),
                Chart::Timeline(_) => Datum::Event(0),
            };
            assert!(tooltip(chart, first, &ENGLISH).is_some(), "{}", chart.id());
        }
    }

    /// The value event's detail: what the figure is of, the number and the
    /// words the text gives it in.
    #[test]
    fn a_tooltip_gives_the_figure_as_a_number_and_as_written() {
        let tip = tooltip(chart("us-favourability"), Datum::Figure(1), &ENGLISH).expect("a figure");
        assert_eq!(
            (tip.label, tip.number, tip.as_written, tip.value.as_str()),
            ("Under 30", Some(88.0), "88 percent", "88%")
        );
        // A figure with no label of its own is of the chart's title.
        let rise = chart("military-spending-rise");
        let tip = tooltip(rise, Datum::Figure(0), &ENGLISH).expect("a figure");
        assert_eq!((tip.label, tip.as_written), (rise.title(), "113 percent"));
        let timeline = &crate::model::CATALOG.timeline;
        let first = timeline.events[0];
        let tip = tooltip(Chart::Timeline(timeline), Datum::Event(0), &ENGLISH).expect("an event");
        assert_eq!(
            (tip.label, tip.number, tip.as_written),
            (first.label, None, first.when)
        );
    }

    #[test]
    fn french_numbers_in_words() {
        let french = Locale::from_tag("fr").expect("known");
        assert!(alt_text(chart("gdp-growth-average"), &french).contains("6,15\u{202f}%"));
    }
}
