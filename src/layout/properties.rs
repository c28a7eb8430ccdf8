//! Property tests: every chart kind, driven with arbitrary figures, labels
//! and sizes — NaN, ±infinity, 0, negatives, 1e308, empty and 500-character
//! labels, 0 × 0 and 20000 × 20000 — lays out and paints to SVG without a
//! panic or a hang, or refuses the options with a readable error.

use proptest::prelude::*;

use super::{ChartError, Options};
use crate::format::{LOCALES, Locale};
use crate::model::{
    Bound, CATALOG, Chart, ChartKind, Event, EventDate, Figure, Indicator, Named, Period, Timeline,
    Unit,
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

/// Any variant of a data-file enum.
fn any_of<T: Named + std::fmt::Debug>() -> impl Strategy<Value = T> {
    prop::sample::select(T::ALL.iter().map(|(_, v)| *v).collect::<Vec<_>>())
}

fn any_figure() -> impl Strategy<Value = Figure> {
    (
        prop::option::of(any_text()),
        any_number(),
        any_text(),
        any_of::<Bound>(),
    )
        .prop_map(|(label, value, as_written, bound)| Figure {
            label,
            value,
            as_written,
            bound,
        })
}

/// A real indicator with its figures, labels, kind, unit and period
/// replaced by arbitrary ones; the rest (source, text) kept, so that only
/// what is fuzzed is named here.
fn any_indicator() -> impl Strategy<Value = Chart> {
    (
        prop::sample::select(CATALOG.indicators.to_vec()),
        (any_text(), any_of::<ChartKind>(), any_of::<Unit>()),
        prop::option::of((any::<u16>(), any::<u16>())),
        prop::collection::vec(any_figure(), 0..6),
        prop::option::of(any_number()),
        (any_text(), prop::option::of(any_text())),
    )
        .prop_map(
            |(base, (title, chart, unit), period, figures, per_square, (quote, note))| {
                let indicator = Indicator {
                    title,
                    chart,
                    unit,
                    period: period.map(|(start, end)| Period { start, end }),
                    values: figures.leak(),
                    per_square,
                    quote,
                    note,
                    ..base
                };
                Chart::Indicator(Box::leak(Box::new(indicator)))
            },
        )
}

/// Real events with arbitrary dates and labels.
fn any_timeline() -> impl Strategy<Value = Chart> {
    let event = (
        prop::sample::select(CATALOG.timeline.events.to_vec()),
        (
            any::<u16>(),
            prop::option::of(any::<u8>()),
            prop::option::of(any::<u8>()),
        ),
        any_text(),
        any_text(),
    )
        .prop_map(|(base, (year, month, day), label, quote)| Event {
            date: EventDate { year, month, day },
            label,
            quote,
            ..base
        });
    (any_text(), prop::collection::vec(event, 0..30)).prop_map(|(title, events)| {
        let timeline = Timeline {
            title,
            events: events.leak(),
            ..CATALOG.timeline
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
            |(width, height, pixel_ratio, dark, locale): (f64, Option<f64>, f64, bool, Locale)| {
                let theme = if dark { Theme::Dark } else { Theme::Light };
                Options {
                    height,
                    pixel_ratio,
                    locale,
                    ..Options::new(width, theme)
                }
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
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_indicator_draws_or_refuses_its_options(chart in any_indicator(), options in any_options()) {
        draws_or_refuses(chart, &options)?;
    }

    #[test]
    fn any_timeline_draws_or_refuses_its_options(chart in any_timeline(), options in any_options()) {
        draws_or_refuses(chart, &options)?;
    }
}
