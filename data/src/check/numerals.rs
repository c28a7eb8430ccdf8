//! Numbers as the texts write them: the quantity a figure states ("6.15
//! percent", "US$3.54 billion", "three million-plus", "three-decade-old",
//! "40th"), so the build can check that a record's `value` is what its text
//! says; and every number a text contains, so the build can check that each
//! is charted or excluded on purpose.

use std::ops::Range;

/// The quantity `as_written` states, or `None` if it states no number.
///
/// The first numeral (digits, or an English number word) is multiplied by a
/// scale word right after it: thousand, million, billion, decade. "a" counts
/// as one only before a scale word ("a million").
pub fn stated_value(as_written: &str) -> Option<f64> {
    let words: Vec<String> = as_written
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let scale = words.get(i + 1).and_then(|next| scale_word(next));
        let number = match (digits(word), number_word(word)) {
            (Some(n), _) | (None, Some(n)) => n,
            _ if word == "a" && scale.is_some() => 1.0,
            _ => continue,
        };
        return Some(number * scale.unwrap_or(1.0));
    }
    None
}

/// A numeral written in digits, allowing a currency prefix and an ordinal
/// or punctuation suffix: "US$18", "6.15", "40th", "1,000".
fn digits(word: &str) -> Option<f64> {
    let start = word.find(|c: char| c.is_ascii_digit())?;
    let prefix = &word[..start];
    if !prefix.chars().all(|c| c.is_alphabetic() || c == '$') {
        return None;
    }
    let run_length = word[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(word.len() - start);
    let run = word[start..start + run_length].trim_end_matches(['.', ',']);
    let rest = &word[start + run.len()..];
    let ordinal = ["th", "st", "nd", "rd"].contains(&rest);
    if !ordinal && !rest.chars().all(|c| ".,;:)%".contains(c)) {
        return None;
    }
    let number = run.replace(',', "");
    number.parse().ok()
}

fn number_word(word: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = UNITS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    TENS.iter()
        .position(|w| *w == word)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Words that are numbers beyond the cardinals `number_word` reads:
/// ordinals ("first", "fortieth"), scales ("million", "dozen") and spans of
/// years ("decade", "century"), each of which a text can use as a figure.
const OTHER_NUMBER_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "half",
    "halves",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
    "millennia",
];

fn is_number_word(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    number_word(&word).is_some() || OTHER_NUMBER_WORDS.contains(&word.as_str())
}

/// Every number in `text`, as byte ranges: runs of digits ("6.15", "40th",
/// the "3" of "P-3") and number words ("fifteen", "first", "million"), with
/// neighbours joined by one space or hyphen into one number ("three
/// million", "2000-2016", "three-decade") and a "-odd" or "-plus" after one
/// kept with it ("40-odd", "three million-plus").
///
/// Not numbers here: "a" or "once", Roman numerals, superlatives such as
/// "largest". An [[exclusion]] can still list those where a reader might
/// take them for figures.
pub fn numbers_in(text: &str) -> Vec<Range<usize>> {
    let mut numbers: Vec<Range<usize>> = Vec::new();
    for word in words(text) {
        let spelled = &text[word.clone()];
        if !(spelled.bytes().any(|b| b.is_ascii_digit()) || is_number_word(spelled)) {
            continue;
        }
        match numbers.last_mut() {
            Some(last)
                if last.end + 1 == word.start
                    && matches!(text.as_bytes()[last.end], b' ' | b'-') =>
            {
                last.end = word.end;
            }
            _ => numbers.push(word),
        }
    }
    for number in &mut numbers {
        for suffix in ["-odd", "-plus"] {
            let end = number.end + suffix.len();
            if text[number.end..].starts_with(suffix)
                && text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                number.end = end;
            }
        }
    }
    numbers
}

/// The words of `text`: runs of letters and digits, a point or comma
/// between two digits kept inside ("6.15", "1,000").
fn words(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let inside = c.is_alphanumeric()
            || (matches!(c, '.' | ',') && at > 0 && digit_at(at - 1) && digit_at(at + 1));
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(from..text.len());
    }
    words
}

fn scale_word(word: &str) -> Option<f64> {
    match word.trim_end_matches(|c: char| !c.is_alphabetic()) {
        "thousand" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "decade" | "decades" => Some(10.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{numbers_in, stated_value};

    fn numbers(text: &str) -> Vec<&str> {
        numbers_in(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn reads_the_figures_of_the_texts() {
        for (written, value) in [
            ("6.15 percent", 6.15),
            ("80 percent", 80.0),
            ("US$18 million", 18e6),
            ("US$3.54 billion", 3.54e9),
            ("three years", 3.0),
            ("three-decade-old", 30.0),
            ("40th anniversary", 40.0),
            ("eight days", 8.0),
            ("40-odd years", 40.0),
            ("Forty years", 40.0),
            ("three million-plus", 3e6),
            ("well over a million square miles", 1e6),
        ] {
            assert_eq!(stated_value(written), Some(value), "{written}");
        }
    }

    #[test]
    fn words_without_a_number_state_nothing() {
        assert_eq!(stated_value("a favorable view"), None);
        assert_eq!(stated_value(""), None);
    }

    #[test]
    fn finds_every_kind_of_number_in_a_text() {
        assert_eq!(
            numbers(
                "Its foe of 40-odd years ago; the party's three million-plus members; \
                 US$3.54 billion in 2015, the 40th anniversary; Normalization at fifteen: \
                 the first visit, a three-decade-old embargo, P-3 Orion, 35 (3), 144-184."
            ),
            [
                "40-odd",
                "three million-plus",
                "3.54 billion",
                "2015",
                "40th",
                "fifteen",
                "first",
                "three-decade",
                "3",
                "35",
                "3",
                "144-184"
            ]
        );
    }

    #[test]
    fn words_that_only_look_like_numbers_are_not_numbers() {
        assert!(
            numbers("Someone once said a tone is a bone; none of the largest oddities.").is_empty()
        );
        // "-odd" or "-plus" only as a suffix of its own.
        assert_eq!(numbers("twenty-oddities, six-plusses"), ["twenty", "six"]);
        assert_eq!(
            numbers("Sentences end. 2015, and 1,000.5."),
            ["2015", "1,000.5"]
        );
    }
}
