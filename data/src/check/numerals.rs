//! Reads the number in a figure as the text writes it ("6.15 percent",
//! "US$3.54 billion", "three million-plus", "three-decade-old", "40th"), so
//! the build can check that a record's `value` is what its text says.

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
    use super::stated_value;

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
}
