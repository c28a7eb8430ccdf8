//! What a chart says in words around its figures: the subtitle (unit and
//! period), the notes, the footer with its source, and how dates, periods
//! and figures are labelled. Layout sets these lines; `describe` says the
//! same things to a screen reader, so both read from here.

use crate::format::Locale;
use crate::model::{self, Chart, ChartKind, EventDate, Indicator, Period, Timeline, Unit};

const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// "1975", "Oct. 2014", "April 22, 2015": one date style, the texts' own
/// ("Feb. 29, 2016"), on charts, pages and cards; a year the sentence does not state
/// is marked with an asterisk, which the timeline's note explains.
pub fn date_label(date: EventDate, inferred: bool) -> String {
    let star = if inferred { "*" } else { "" };
    let month = date
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (month, date.day) {
        (Some(month), Some(day)) => format!("{month} {day}, {}{star}", date.year),
        (Some(month), None) => format!("{month} {}{star}", date.year),
        _ => format!("{}{star}", date.year),
    }
}

/// "2000–2015", or "2015" for a single year.
pub fn period_label(period: Period) -> String {
    if period.start == period.end {
        period.start.to_string()
    } else {
        format!("{}\u{2013}{}", period.start, period.end)
    }
}

/// A record's source line: `Source: <citation> · <text>` where the text
/// cites one (`reference`); where it cites none, who states the figure —
/// "Stated by Foreign Affairs, 2015 (year inferred; no source cited)" —
/// since "Source: Not cited" reads as "no source", and the text is one.
/// `text` is the text's reference, short (charts) or full (pages).
pub fn sourced(source: &str, reference: Option<u16>, text: &str) -> String {
    match (reference, text.strip_suffix(')')) {
        (Some(_), _) => format!("Source: {source} \u{b7} {text}"),
        (None, Some(open)) => format!("Stated by {open}; no source cited)"),
        (None, None) => format!("Stated by {text} (no source cited)"),
    }
}

/// The footer: the record's source line (see [`sourced`]).
pub fn source_line(chart: Chart) -> String {
    match chart {
        Chart::Indicator(indicator) => sourced(
            indicator.source,
            indicator.reference,
            &model::text(indicator.text).short_reference(),
        ),
        Chart::Timeline(timeline) => {
            let mut texts: Vec<String> = Vec::new();
            for event in timeline.events {
                let reference = model::text(event.text).short_reference();
                if !texts.contains(&reference) {
                    texts.push(reference);
                }
            }
            format!("Sources: as cited in each text · {}", texts.join("; "))
        }
    }
}

/// The subtitle: what the numbers are in, and when.
pub fn subtitle(chart: Chart, locale: &Locale) -> String {
    let indicator = match chart {
        Chart::Timeline(timeline) => return timeline_subtitle(timeline),
        Chart::Indicator(indicator) => indicator,
    };
    let period = indicator.period.map(period_label);
    let what = match indicator.chart {
        ChartKind::Comparison | ChartKind::Average | ChartKind::Panel => {
            let label = indicator
                .values
                .first()
                .and_then(|f| f.label)
                .filter(|_| indicator.chart == ChartKind::Average);
            match label {
                Some(label) => format!("{label}, {}", unit_phrase(indicator.unit)),
                None => unit_phrase(indicator.unit).to_string(),
            }
        }
        ChartKind::Change => match indicator.period {
            Some(p) => format!("Index, {} = 100", p.start),
            None => "Index".to_string(),
        },
        ChartKind::Balance => usd_magnitude(indicator).1.to_string(),
        ChartKind::Units => units_legend(indicator, locale),
    };
    capitalised(&match period {
        Some(period) => format!("{what}, {period}"),
        None => what,
    })
}

fn timeline_subtitle(timeline: &Timeline) -> String {
    match (timeline.events.first(), timeline.events.last()) {
        (Some(first), Some(last)) => format!(
            "{} dated events, {}\u{2013}{}, from both texts; one row each, not to scale: a wider gap marks {} years or more",
            timeline.events.len(),
            first.date.year,
            last.date.year,
            crate::layout::TIMELINE_JUMP_YEARS
        ),
        _ => "No events".to_string(),
    }
}

/// Lines under the plot: how the text qualifies the figure; under the
/// timeline, where each year marked "*" comes from, once per reason, with
/// the dates it is for (the notes it points to, readable where it is).
pub fn notes(chart: Chart) -> Vec<String> {
    match chart {
        Chart::Indicator(indicator) => indicator.note.into_iter().map(str::to_string).collect(),
        Chart::Timeline(timeline) => {
            let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
            for event in timeline.events {
                let Some(note) = event.date_note else {
                    continue;
                };
                let date = date_label(event.date, false);
                match reasons.iter_mut().find(|(n, _)| *n == note) {
                    Some((_, dates)) => dates.push(date),
                    None => reasons.push((note, vec![date])),
                }
            }
            reasons
                .into_iter()
                .map(|(note, dates)| format!("* {}: {note}", dates.join(", ")))
                .collect()
        }
    }
}

fn unit_phrase(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "per cent",
        Unit::PercentChange => "change, per cent",
        Unit::Usd => "US$",
        Unit::People => "people",
        Unit::SquareMiles => "square miles",
        Unit::Years => "years",
        Unit::Days => "days",
    }
}

/// The scale a balance's amounts are drawn in: a divisor and how the
/// subtitle names it ("US$ billion").
pub fn usd_magnitude(indicator: &Indicator) -> (f64, &'static str) {
    let largest = indicator
        .values
        .iter()
        .map(|f| f.value.abs())
        .fold(0.0, f64::max);
    match indicator.unit {
        Unit::Usd if largest >= 1e9 => (1e9, "US$ billion"),
        Unit::Usd if largest >= 1e6 => (1e6, "US$ million"),
        Unit::Usd => (1.0, "US$"),
        _ => (1.0, ""),
    }
}

/// "One square = 1 year", "One square = US$1 million".
pub fn units_legend(indicator: &Indicator, locale: &Locale) -> String {
    let size = indicator.per_square.unwrap_or(1.0);
    let amount = match indicator.unit {
        Unit::People => format!("{} people", locale.scaled(size)),
        unit => locale.figure(size, unit),
    };
    format!("One square = {amount}")
}

/// Figure `index` of `indicator` with its unit and the text's qualifier:
/// "80%", "more than 3 million", "about 30 years".
pub fn figure_label(indicator: &Indicator, index: usize, locale: &Locale) -> String {
    indicator
        .values
        .get(index)
        .map_or_else(String::new, |figure| {
            locale.bounded_figure(figure.value, indicator.unit, figure.bound)
        })
}

/// Capitalises a first ASCII letter ("per cent" → "Per cent"). ASCII only:
/// the phrases are the viewer's own, and Unicode case tables would add
/// kilobytes to the WASM.
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ENGLISH;
    use crate::model::find_chart;

    #[test]
    fn subtitles_name_the_unit_and_period() {
        let subtitle_of = |id| subtitle(find_chart(id).expect("exists"), &ENGLISH);
        assert_eq!(
            subtitle_of("gdp-growth-average"),
            "Average growth rate, per cent, 2000\u{2013}2015"
        );
        assert_eq!(
            subtitle_of("military-spending-rise"),
            "Index, 2004 = 100, 2004\u{2013}2013"
        );
        assert_eq!(subtitle_of("trade-balance-2015"), "US$ billion, 2015");
    }

    #[test]
    fn dates_at_the_precision_the_text_gives() {
        let date = |year, month, day| EventDate { year, month, day };
        assert_eq!(date_label(date(1975, None, None), false), "1975");
        assert_eq!(date_label(date(2014, Some(10), None), false), "Oct. 2014");
        assert_eq!(
            date_label(date(2015, Some(4), Some(22)), true),
            "April 22, 2015*"
        );
        assert_eq!(date_label(date(2015, Some(13), None), false), "2015");
    }
}
