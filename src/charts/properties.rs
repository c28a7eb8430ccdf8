//! Property tests: every chart kind, driven with arbitrary figures, labels
//! and sizes — NaN, ±infinity, 0, negatives, 1e308, empty and 500-character
//! labels, 0 × 0 and 20000 × 20000 — lays out and paints to SVG without a
//! panic or a hang, or refuses the options with a readable error.

use proptest::prelude::*;

use super::{ChartError, Options};
use crate::format::{LOCALES, Locale};
use crate::model::{
    Bound, Chart, ChartKind, Event, EventDate, Figure, Indicator, Period, TEXTS, Timeline, Unit,
};
use crate::surface::svg;
use crate::theme::Theme;

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(1e308),
        Just(-1e308),
        Just(f64::MIN_POSITIVE),
        -1e12..1e12f64,
        any::<f64>(),
    ]
}

fn any_text() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,40}",
        "[a-z]{1,12}( [a-z]{1,12}){0,60}",
        "[A-Za-z]{500}",
        "\\PC{500}",
    ]
    .prop_map(leak)
}

fn any_kind() -> impl Strategy<Value = ChartKind> {
    prop::sample::select(ChartKind::ALL.map(|(_, k)| k).to_vec())
}

fn any_unit() -> impl Strategy<Value = Unit> {
    prop::sample::select(Unit::ALL.map(|(_, u)| u).to_vec())
}

fn any_bound() -> impl Strategy<Value = Bound> {
    prop::sample::select(Bound::ALL.map(|(_, b)| b).to_vec())
}

fn any_figure() -> impl Strategy<Value = Figure> {
    (
        prop::option::of(any_text()),
        any_number(),
        any_text(),
        any_bound(),
    )
        .prop_map(|(label, value, as_written, bound)| Figure {
            label,
            value,
            as_written,
            bound,
        })
}

fn any_indicator() -> impl Strategy<Value = Chart> {
    (
        any_text(),
        any_kind(),
        any_unit(),
        prop::option::of((any::<u16>(), any::<u16>())),
        prop::collection::vec(any_figure(), 0..6),
        prop::option::of(any_number()),
        (any_text(), any_text(), prop::option::of(any_text())),
    )
        .prop_map(
            |(title, kind, unit, period, figures, per_square, (source, quote, note))| {
                let indicator = Indicator {
                    id: "arbitrary",
                    title,
                    kind,
                    unit,
                    period: period.map(|(start, end)| Period { start, end }),
                    figures: Box::leak(figures.into_boxed_slice()),
                    per_square,
                    source,
                    text: &TEXTS[0],
                    quote,
                    note,
                };
                Chart::Indicator(Box::leak(Box::new(indicator)))
            },
        )
}

fn any_timeline() -> impl Strategy<Value = Chart> {
    let event = (
        any::<u16>(),
        prop::option::of(any::<u8>()),
        prop::option::of(any::<u8>()),
        any_text(),
        any_text(),
        any::<bool>(),
    )
        .prop_map(|(year, month, day, label, quote, second_text)| Event {
            date: EventDate { year, month, day },
            when: "",
            label,
            text: &TEXTS[usize::from(second_text) % TEXTS.len()],
            source: "",
            quote,
            date_note: None,
            note: None,
        });
    (any_text(), prop::collection::vec(event, 0..30)).prop_map(|(title, events)| {
        let timeline = Timeline {
            id: "arbitrary",
            title,
            events: Box::leak(events.into_boxed_slice()),
        };
        Chart::Timeline(Box::leak(Box::new(timeline)))
    })
}

fn any_size() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(20_000.0),
        Just(f64::NAN),
        Just(-1.0),
        Just(1.0),
        1.0..2_000.0f64
    ]
}

fn any_options() -> impl Strategy<Value = Options> {
    (
        any_size(),
        prop::option::of(any_size()),
        prop_oneof![
            Just(0.0),
            Just(1.0),
            Just(2.0),
            Just(3.0),
            Just(f64::INFINITY),
            0.1..10.0f64
        ],
        any::<bool>(),
        prop::sample::select(LOCALES.to_vec()),
    )
        .prop_map(
            |(width, height, scale, dark, locale): (f64, Option<f64>, f64, bool, Locale)| Options {
                width,
                height,
                scale,
                theme: if dark { Theme::Dark } else { Theme::Light },
                locale,
            },
        )
}

/// Lays out and paints; refused options are fine, any other error is not.
fn draws_or_refuses(chart: Chart, options: &Options) -> Result<(), TestCaseError> {
    match svg::render(chart, options) {
        Ok((svg, _)) => prop_assert!(svg.starts_with("<svg")),
        Err(ChartError::Options(message)) => prop_assert!(message.contains("give")),
        Err(other) => prop_assert!(false, "unexpected error: {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::proptest_config(300))]

    #[test]
    fn any_indicator_draws_or_refuses_its_options(chart in any_indicator(), options in any_options()) {
        draws_or_refuses(chart, &options)?;
    }

    #[test]
    fn any_timeline_draws_or_refuses_its_options(chart in any_timeline(), options in any_options()) {
        draws_or_refuses(chart, &options)?;
    }
}
