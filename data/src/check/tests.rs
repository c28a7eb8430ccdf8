//! Each kind of data-file error, each kind of number a text can hold that
//! the data does not account for, and the real data file against its texts.

use super::quotes::appears_in;
use super::{Checked, Location, load, parse};
use crate::Catalog;

/// The test text's body: two lines, so that errors located in it show the line.
pub(super) const BODY: &str = "At the end of 2015, Vietnam fell back into a trade deficit of US$3.54 billion \
                    (Customs, 2015) after three years of surpluses.\n\
                    Every dry season since 2009, China flexed its muscle.\n";

/// The test text's list of references, after its body.
pub(super) const LIST: &str = "\nCustoms, V. (2015). Trade statistics. Retrieved from\n";

/// The test's text: its body, then its list of references.
fn text() -> String {
    format!("{BODY}{LIST}")
}

/// A small valid file; each test breaks one thing in it.
pub(super) const VALID: &str = r#"[[text]]
id = "liu-2016"
file = "texts/liu.txt"
title = "A title"
references = { first = "Customs, V.", last = "Customs, V." }

[[indicator]]
id = "trade-balance-2015"
title = "Trade balance"
chart = "balance"
unit = "usd"
period = 2015
values = [{ label = "2015", value = -3_540_000_000, as_written = "US$3.54 billion" }]
source = "Customs, 2015"
text = "liu-2016"
quote = "At the end of 2015, Vietnam fell back into a trade deficit of US$3.54 billion (Customs, 2015) after three years of surpluses."

[timeline]
id = "timeline"
title = "Dates"

[[event]]
date = 2009
when = "since 2009"
label = "Shows of force"
text = "liu-2016"
source = "Not cited in the text"
quote = "Every dry season since 2009, China flexed its muscle."

[[exclusion]]
text = "liu-2016"
reason = "Not charted in this test file."
numbers = [
  { as_written = "three years" },
  { as_written = "2015", quote = "(Customs, 2015)" },
  { as_written = "(2015)" },
]
"#;

pub(super) fn check(source: &str) -> Result<Checked, Vec<String>> {
    check_against(source, &text())
}

/// `source` checked with `text` as the contents of `texts/liu.txt`.
pub(super) fn check_against(source: &str, text: &str) -> Result<Checked, Vec<String>> {
    parse(source, "data/indicators.toml", &|file| {
        if file == "texts/liu.txt" {
            Ok(text.to_string())
        } else {
            Err("No such file or directory".to_string())
        }
    })
    .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// The errors after replacing `from` with `to` in the valid file.
pub(super) fn errors_with(from: &str, to: &str) -> Vec<String> {
    assert!(
        VALID.contains(from),
        "test setup: {from:?} is not in the valid file"
    );
    match check(&VALID.replacen(from, to, 1)) {
        Ok(_) => panic!("replacing {from:?} with {to:?} was accepted"),
        Err(errors) => errors,
    }
}

pub(super) fn assert_one_error(from: &str, to: &str, expected: &str) {
    assert_eq!(errors_with(from, to), vec![expected.to_string()]);
}

#[test]
fn the_valid_file_is_accepted() {
    let checked = check(VALID).expect("valid");
    assert_eq!(checked.catalog.indicators[0].values[0].value, -3.54e9);
    assert_eq!(checked.catalog.timeline.events.len(), 1);
    assert_eq!(
        checked.exclusions[0].numbers[1].quote,
        Some("(Customs, 2015)")
    );
}

#[test]
fn a_value_that_is_not_a_number_names_file_line_and_field() {
    assert_one_error(
        "value = -3_540_000_000",
        "value = \"n/a\"",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": value \"n/a\" is not a number",
    );
}

#[test]
fn a_value_that_is_not_finite_is_refused() {
    assert_one_error(
        "value = -3_540_000_000",
        "value = nan",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": value nan is not a finite number",
    );
}

#[test]
fn invalid_toml_is_reported_with_its_line() {
    let errors = errors_with("title = \"Trade balance\"", "title = \"Trade balance");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("data/indicators.toml:9: not valid TOML: "),
        "{errors:?}"
    );
}

#[test]
fn a_missing_field_is_named() {
    assert_one_error(
        "source = \"Customs, 2015\"\n",
        "",
        "data/indicators.toml:7: indicator \"trade-balance-2015\": missing field \"source\" (a string)",
    );
}

#[test]
fn a_misspelt_field_gets_a_suggestion() {
    assert_eq!(
        errors_with("source = \"Customs", "sorce = \"Customs"),
        vec![
            "data/indicators.toml:7: indicator \"trade-balance-2015\": missing field \"source\" (a string)",
            "data/indicators.toml:14: indicator \"trade-balance-2015\": unknown field \"sorce\"; did you mean \"source\"?",
        ]
    );
}

#[test]
fn an_unknown_chart_kind_lists_or_suggests_the_known_ones() {
    assert_one_error(
        "chart = \"balance\"",
        "chart = \"balanse\"",
        "data/indicators.toml:10: indicator \"trade-balance-2015\": chart \"balanse\" is not known; did you mean \"balance\"?",
    );
    assert_one_error(
        "unit = \"usd\"",
        "unit = \"euros\"",
        "data/indicators.toml:11: indicator \"trade-balance-2015\": unit \"euros\" is not known; expected one of: percent, percent-change, usd, people, square-miles, years, days",
    );
}

#[test]
fn an_id_must_be_a_slug() {
    assert_one_error(
        "id = \"trade-balance-2015\"",
        "id = \"Trade balance 2015\"",
        "data/indicators.toml:8: indicator: id \"Trade balance 2015\" is not a slug; use lowercase letters, digits and single hyphens, e.g. \"trade-balance-2015\"",
    );
}

#[test]
fn ids_must_be_unique() {
    assert_one_error(
        "id = \"timeline\"",
        "id = \"trade-balance-2015\"",
        "data/indicators.toml:18: id \"trade-balance-2015\" is already used on line 7; ids must be unique",
    );
}

#[test]
fn a_quote_must_appear_word_for_word() {
    assert_one_error(
        "fell back into a trade deficit",
        "fell into a trade deficit",
        "data/indicators.toml:16: indicator \"trade-balance-2015\": quote does not appear word for word in data/texts/liu.txt: it departs from the text after \"…At the end of 2015, Vietnam fell \"",
    );
}

#[test]
fn as_written_must_be_in_the_quote_and_agree_with_the_value() {
    assert_one_error(
        "value = -3_540_000_000",
        "value = -3_500_000_000",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": value -3500000000 does not match as_written \"US$3.54 billion\", which says 3540000000; make them agree",
    );
    assert_one_error(
        "as_written = \"US$3.54 billion\"",
        "as_written = \"3.54 billion dollars\"",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": as_written \"3.54 billion dollars\" does not appear in the quote; copy the figure as the quote writes it",
    );
    assert_one_error(
        "as_written = \"US$3.54 billion\"",
        "as_written = \"trade deficit\"",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": as_written \"trade deficit\" states no number; write the figure as the text does, e.g. \"6.15 percent\"",
    );
}

#[test]
fn a_period_must_be_one_the_quote_gives() {
    assert_one_error(
        "period = 2015",
        "period = 2014",
        "data/indicators.toml:12: indicator \"trade-balance-2015\": period year 2014 does not appear in the quote; give the period the text gives",
    );
    assert_one_error(
        "period = 2015",
        "period = \"2015\"",
        "data/indicators.toml:12: indicator \"trade-balance-2015\": period \"2015\" is not a year or a range; write 2015 or { start = 2000, end = 2015 }",
    );
}

#[test]
fn each_chart_kind_gets_what_it_needs() {
    assert_eq!(
        errors_with("chart = \"balance\"", "chart = \"units\""),
        vec![
            "data/indicators.toml:7: indicator \"trade-balance-2015\": a units chart needs per_square: how much one square stands for",
            "data/indicators.toml:7: indicator \"trade-balance-2015\": a negative value can only be drawn by a balance chart",
        ]
    );
    let errors = errors_with("chart = \"balance\"", "chart = \"average\"");
    assert_eq!(
        errors,
        vec![
            "data/indicators.toml:7: indicator \"trade-balance-2015\": an average chart needs a period range, e.g. { start = 2000, end = 2015 }",
            "data/indicators.toml:7: indicator \"trade-balance-2015\": a negative value can only be drawn by a balance chart",
        ]
    );
    assert_one_error(
        "period = 2015",
        "period = 2015\nper_square = 1",
        "data/indicators.toml:13: indicator \"trade-balance-2015\": per_square is only for units charts",
    );
}

#[test]
fn a_text_must_exist_and_be_referenced_by_id() {
    assert_one_error(
        "file = \"texts/liu.txt\"",
        "file = \"texts/lui.txt\"",
        "data/indicators.toml:3: text \"liu-2016\": file \"texts/lui.txt\" cannot be read (No such file or directory); give a path relative to the data file",
    );
    let errors = errors_with(
        "text = \"liu-2016\"\nquote = \"At",
        "text = \"liu-2061\"\nquote = \"At",
    );
    assert_eq!(
        errors,
        vec![
            "data/indicators.toml:15: indicator \"trade-balance-2015\": text \"liu-2061\" is not a [[text]] id; did you mean \"liu-2016\"?"
        ]
    );
}

#[test]
fn event_dates_are_checked() {
    assert_one_error(
        "date = 2009",
        "date = \"2009-13\"",
        "data/indicators.toml:23: event \"Shows of force\": date \"2009-13\" is not a date; write a year (2015), a month (\"2015-04\") or a day (\"2015-04-22\")",
    );
    assert_one_error(
        "date = 2009",
        "date = 2010",
        "data/indicators.toml:23: event \"Shows of force\": the quote does not give the year 2010; add a date_note saying where it comes from",
    );
    assert_one_error(
        "when = \"since 2009\"",
        "when = \"in 2009\"",
        "data/indicators.toml:24: event \"Shows of force\": when \"in 2009\" does not appear in the quote; copy the date as the quote writes it",
    );
}

#[test]
fn events_must_be_in_date_order() {
    let later = VALID.to_string()
        + "\n[[event]]\ndate = \"2008-05\"\nwhen = \"the end of 2015\"\nlabel = \"Earlier\"\ntext = \"liu-2016\"\n\
           source = \"Not cited in the text\"\nquote = \"At the end of 2015, Vietnam fell back\"\ndate_note = \"test\"\n";
    let errors = check(&later).expect_err("out of order");
    assert_eq!(
        errors,
        vec![
            "data/indicators.toml:39: event \"Earlier\": date is before that of the event on line 22; keep events in date order"
        ]
    );
}

#[test]
fn every_error_in_a_file_is_reported_at_once() {
    let broken = VALID
        .replacen("value = -3_540_000_000", "value = \"n/a\"", 1)
        .replacen("date = 2009", "date = \"soon\"", 1);
    assert_eq!(check(&broken).expect_err("broken").len(), 2);
}

/// The errors for the valid file checked against its text with `line`
/// added as line 3.
fn missing_with(line: &str) -> Vec<String> {
    match check_against(VALID, &format!("{BODY}{line}\n{LIST}")) {
        Ok(_) => panic!("the numbers of {line:?} were accepted"),
        Err(errors) => errors,
    }
}

#[test]
fn a_number_in_digits_that_no_record_accounts_for_is_located_in_its_text() {
    assert_eq!(
        missing_with("Exports rose 12 percent."),
        vec![
            "data/texts/liu.txt:3: \"12\" (Exports rose 12 percent.) is in no record and no [[exclusion]]; add a record, or an [[exclusion]] saying why it is left out"
        ]
    );
}

#[test]
fn a_number_word_is_a_number() {
    assert_eq!(
        missing_with("John Kerry: Normalization at fifteen: Progress and promise."),
        vec![
            "data/texts/liu.txt:3: \"fifteen\" (John Kerry: Normalization at fifteen: Progress and promise.) is in no record and no [[exclusion]]; add a record, or an [[exclusion]] saying why it is left out"
        ]
    );
}

#[test]
fn odd_and_plus_are_part_of_the_number() {
    let errors = missing_with("Its foe of 40-odd years ago has three million-plus members.");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "data/texts/liu.txt:3: \"40-odd\" (Its foe of 40-odd years ago has three million-p…)"
        ),
        "{errors:?}"
    );
    assert!(errors[1].starts_with("data/texts/liu.txt:3: \"three million-plus\" (…s foe of 40-odd years ago has three million-plus members.)"), "{errors:?}");
}

#[test]
fn an_ordinal_is_a_number() {
    let errors = missing_with("It came before the 40th anniversary, his first visit.");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("data/texts/liu.txt:3: \"40th\" "),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("data/texts/liu.txt:3: \"first\" "),
        "{errors:?}"
    );
}

#[test]
fn a_period_year_does_not_account_for_a_citation_of_the_same_year() {
    // The exclusion of "(Customs, 2015)" is needed: the period 2015 is
    // matched outside parentheses only.
    assert_one_error(
        "  { as_written = \"2015\", quote = \"(Customs, 2015)\" },\n",
        "",
        "data/texts/liu.txt:1: \"2015\" (… of US$3.54 billion (Customs, 2015) after three years of surplus…) is in no record and no [[exclusion]]; add a record, or an [[exclusion]] saying why it is left out",
    );
}

#[test]
fn an_exclusion_must_match_its_text() {
    assert_one_error(
        "{ as_written = \"three years\" }",
        "{ as_written = \"fifty years\" }",
        "data/indicators.toml:34: exclusion \"fifty years\": as_written \"fifty years\" does not appear in data/texts/liu.txt; copy the number as the text writes it",
    );
    assert_one_error(
        "quote = \"(Customs, 2015)\"",
        "quote = \"(Customs, 2014)\"",
        "data/indicators.toml:35: exclusion \"2015\": quote does not appear word for word in data/texts/liu.txt: it departs from the text after \"…(Customs, 201\"",
    );
    assert_one_error(
        "{ as_written = \"2015\", quote",
        "{ as_written = \"2016\", quote",
        "data/indicators.toml:35: exclusion \"2016\": as_written \"2016\" does not appear in its quote; copy the number as the text writes it",
    );
    assert_one_error(
        "reason = \"Not charted in this test file.\"\n",
        "",
        "data/indicators.toml:30: exclusion: missing field \"reason\" (a string)",
    );
}

#[test]
fn an_exclusion_of_a_recurring_number_says_which() {
    assert_one_error(
        "{ as_written = \"2015\", quote = \"(Customs, 2015)\" }",
        "{ as_written = \"2015\" }",
        "data/indicators.toml:35: exclusion \"2015\": \"2015\" appears 3 times in data/texts/liu.txt (lines 1, 4); add a quote: the words around the one you mean, word for word",
    );
}

#[test]
fn an_exclusion_may_not_exclude_a_charted_number() {
    assert_one_error(
        "{ as_written = \"three years\" }",
        "{ as_written = \"three years\" }, { as_written = \"since 2009\" }",
        "data/indicators.toml:34: exclusion \"since 2009\": \"2009\" (data/texts/liu.txt:2) is charted by event \"Shows of force\"; an exclusion is for numbers no record charts, so take it out of this one",
    );
}

#[test]
fn a_label_accounts_for_its_number_in_any_case() {
    // "Under 30" accounts for "under 30 years old" in its quote.
    let text = format!("{BODY}Among those under 30 years old, it was 88 percent.\n{LIST}");
    let file = VALID.replacen(
        "[timeline]",
        "[[indicator]]\nid = \"young\"\ntitle = \"Young\"\nchart = \"units\"\nunit = \"percent\"\n\
         values = [{ label = \"Under 30\", value = 88, as_written = \"88 percent\" }]\nper_square = 1\n\
         source = \"Not cited in the text\"\ntext = \"liu-2016\"\nquote = \"Among those under 30 years old, it was 88 percent.\"\n\n[timeline]",
        1,
    );
    check_against(&file, &text).expect("accounted for");
    let unlabelled = file.replacen("label = \"Under 30\", ", "", 1);
    let errors = check_against(&unlabelled, &text).expect_err("30 is in no record");
    assert!(
        errors[0].starts_with("data/texts/liu.txt:3: \"30\" "),
        "{errors:?}"
    );
}

/// The repository's data file, checked: valid, and every number of both
/// texts charted or excluded.
pub(super) fn real_data() -> Checked {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    load(&Location {
        path: data.join("indicators.toml"),
        display: "data/indicators.toml".into(),
    })
    .unwrap_or_else(|errors| panic!("{errors:#?}"))
}

fn real_catalog() -> Catalog {
    real_data().catalog
}

/// The numbers the issue found unaccounted for are decided, with reasons.
#[test]
fn the_data_file_decides_every_number_of_its_texts() {
    let checked = real_data();
    for (text, number) in [
        ("foreign-affairs", "a century of archives"),
        ("liu-2016", "Normalization at fifteen"),
        ("liu-2016", "largest export market"),
    ] {
        let exclusion = checked
            .exclusions
            .iter()
            .find(|e| e.text == text && e.numbers.iter().any(|n| n.as_written == number))
            .unwrap_or_else(|| panic!("{number:?} is not excluded"));
        assert!(
            exclusion.reason.len() > 20,
            "{number:?}: {}",
            exclusion.reason
        );
    }
}

#[test]
fn the_data_file_quotes_its_texts_word_for_word() {
    let catalog = real_catalog();
    // The file each text is in, as the data file names it.
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(data.join("indicators.toml")).expect("readable");
    let table: toml::Table = toml::from_str(&source).expect("TOML");
    let text_of = |id: &str| {
        let file = table["text"]
            .as_array()
            .and_then(|texts| texts.iter().find(|t| t["id"].as_str() == Some(id)))
            .and_then(|t| t["file"].as_str())
            .expect("text exists");
        std::fs::read_to_string(data.join(file)).expect("text readable")
    };
    let quotes = catalog
        .indicators
        .iter()
        .map(|i| (i.text, i.quote))
        .chain(catalog.timeline.events.iter().map(|e| (e.text, e.quote)));
    let mut checked = 0;
    for (text, quote) in quotes {
        assert!(
            appears_in(quote, &text_of(text)),
            "not verbatim in {text}: {quote}"
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} quotes");
}

/// The headline figures of the texts are all in the data, with their values.
#[test]
fn the_headline_figures_are_in_the_data() {
    let catalog = real_catalog();
    let value = |id: &str, i: usize| {
        catalog
            .indicators
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .values[i]
            .value
    };
    assert_eq!(value("gdp-growth-average", 0), 6.15);
    assert_eq!(value("military-spending-rise", 0), 113.0);
    assert_eq!(value("trade-balance-2015", 0), -3.54e9);
    assert_eq!(value("us-favourability", 0), 80.0);
    assert_eq!(value("us-favourability", 1), 88.0);
}
