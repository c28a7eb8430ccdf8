//! Numbers as a reader of a given language writes them: "6.15%" in English,
//! "6,15 %" in French, "US$3.54 billion", "+113%", "−3.54".
//!
//! Digits are produced from integers (a value is scaled and rounded first),
//! so the module needs none of Rust's float formatting, which would add
//! tens of kilobytes to the WASM. Unit words (million, years) stay English:
//! translating them is out of scope; separators and percent spacing are not.

use crate::model::{Bound, Unit};

/// The number conventions of one language, after CLDR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The language subtag this was chosen for ("en", "fr", ...).
    pub tag: &'static str,
    decimal: char,
    group: char,
    /// Groups only numbers of five or more digits (Spanish, Polish).
    group_from_five_digits: bool,
    /// What comes between a number and "%": nothing, a no-break space, or
    /// a narrow no-break space (French).
    percent_gap: &'static str,
}

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';
/// U+2212, the typographic minus; a hyphen reads as a dash in charts.
pub const MINUS: char = '\u{2212}';

const fn locale(
    tag: &'static str,
    decimal: char,
    group: char,
    percent_gap: &'static str,
) -> Locale {
    Locale {
        tag,
        decimal,
        group,
        group_from_five_digits: false,
        percent_gap,
    }
}

/// The languages whose number formats the viewer knows.
pub const LOCALES: [Locale; 13] = [
    locale("en", '.', ',', ""),
    locale("fr", ',', NNBSP, "\u{202f}"),
    locale("vi", ',', '.', ""),
    locale("de", ',', '.', "\u{a0}"),
    Locale {
        group_from_five_digits: true,
        ..locale("es", ',', '.', "\u{a0}")
    },
    locale("it", ',', '.', ""),
    locale("pt", ',', '.', ""),
    locale("nl", ',', '.', ""),
    Locale {
        group_from_five_digits: true,
        ..locale("pl", ',', NBSP, "")
    },
    locale("ru", ',', NBSP, "\u{a0}"),
    locale("ja", '.', ',', ""),
    locale("zh", '.', ',', ""),
    locale("ko", '.', ',', ""),
];

pub const ENGLISH: Locale = LOCALES[0];

impl Locale {
    /// The locale for a BCP 47 tag ("fr", "fr-CA", "vi-VN", "en_US"), by its
    /// language subtag; `None` for a language the viewer does not know.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        LOCALES.iter().copied().find(|l| l.tag == language)
    }

    /// `value` with `decimals` digits after the separator, grouped, with a
    /// typographic minus for negatives. Non-finite values come out as "–"
    /// (the charts never show them, but nothing here may panic on them).
    pub fn number(&self, value: f64, decimals: u32) -> String {
        if !value.is_finite() {
            return "\u{2013}".to_string();
        }
        let decimals = decimals.min(6);
        let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
        if scaled > 9_007_199_254_740_992.0 {
            // Past 2^53 an f64 no longer holds every integer: write the
            // magnitude as a power of ten rather than digits it does not have.
            let (mut mantissa, mut exponent) = (value, 0);
            while mantissa.abs() >= 10.0 {
                mantissa /= 10.0;
                exponent += 1;
            }
            return format!("{}e{exponent}", self.number(mantissa, 2));
        }
        let scaled = scaled as u64;
        let divisor = 10u64.pow(decimals);
        let (whole, fraction) = (scaled / divisor, scaled % divisor);
        let mut out = String::new();
        if value < 0.0 && scaled != 0 {
            out.push(MINUS);
        }
        self.push_grouped(&mut out, whole);
        if decimals > 0 {
            out.push(self.decimal);
            let digits = fraction.to_string();
            for _ in digits.len()..decimals as usize {
                out.push('0');
            }
            out.push_str(&digits);
        }
        out
    }

    fn push_grouped(&self, out: &mut String, whole: u64) {
        let digits = whole.to_string();
        let group = !(self.group_from_five_digits && digits.len() < 5);
        for (i, digit) in digits.chars().enumerate() {
            if group && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(digit);
        }
    }

    /// "6.15%" / "6,15 %".
    pub fn percent(&self, value: f64) -> String {
        format!(
            "{}{}%",
            self.number(value, decimals_of(value)),
            self.percent_gap
        )
    }

    /// "+113%" / "−4%" / "+113 %".
    pub fn percent_change(&self, value: f64) -> String {
        let sign = if value > 0.0 { "+" } else { "" };
        format!("{sign}{}", self.percent(value))
    }

    /// A figure with its unit, as a chart labels it: "80%", "US$3.54 billion",
    /// "−US$3.54 billion", "US$18 million", "3 million", "40 years".
    pub fn figure(&self, value: f64, unit: Unit) -> String {
        match unit {
            Unit::Percent => self.percent(value),
            Unit::PercentChange => self.percent_change(value),
            Unit::Usd => {
                let sign = if value < 0.0 {
                    MINUS.to_string()
                } else {
                    String::new()
                };
                format!("{sign}US${}", self.scaled(value.abs()))
            }
            Unit::People => self.scaled(value),
            Unit::SquareMiles => format!("{}{NBSP}square{NBSP}miles", self.scaled(value)),
            Unit::Years => self.count(value, "year", "years"),
            Unit::Days => self.count(value, "day", "days"),
        }
    }

    /// The figure with the text's qualifier: "about 30 years",
    /// "more than 3 million".
    pub fn bounded_figure(&self, value: f64, unit: Unit, bound: Bound) -> String {
        let figure = self.figure(value, unit);
        match bound {
            Bound::Exact => figure,
            Bound::About => format!("about {figure}"),
            Bound::MoreThan => format!("more than {figure}"),
        }
    }

    /// An amount with a scale word, joined by a no-break space (a figure
    /// never wraps inside itself), money or not (one style: "US$3.54
    /// billion" as "US$18 million"): 3.54e9 → "3.54 billion"; 18e6 →
    /// "18 million"; 950 → "950".
    pub fn scaled(&self, value: f64) -> String {
        let (divisor, word) = if value.abs() >= 1e9 {
            (1e9, "\u{a0}billion")
        } else if value.abs() >= 1e6 {
            (1e6, "\u{a0}million")
        } else {
            (1.0, "")
        };
        let shown = value / divisor;
        format!("{}{word}", self.number(shown, decimals_of(shown)))
    }

    /// A plain number in the data's precision: "213", "6.15".
    pub fn plain(&self, value: f64) -> String {
        self.number(value, decimals_of(value))
    }

    fn count(&self, value: f64, one: &str, many: &str) -> String {
        let word = if value == 1.0 { one } else { many };
        format!("{}{NBSP}{word}", self.plain(value))
    }
}

/// Whether the text's words and a formatted figure say the same, ignoring
/// case and the no-break spaces the formats join units with.
pub fn same_words(written: &str, formatted: &str) -> bool {
    let plain = |c: char| match c {
        NBSP | NNBSP => ' ',
        c => c.to_ascii_lowercase(),
    };
    written.chars().map(plain).eq(formatted.chars().map(plain))
}

/// A number for a message to a person: "NaN", "infinity", "1e+308" style
/// values spelt out, others as English digits. (Rust's float formatting
/// would add tens of kilobytes to the WASM for these messages alone.)
pub fn for_message(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "infinity" } else { "-infinity" }.to_string()
    } else {
        ENGLISH
            .number(value, decimals_of(value))
            .replace(MINUS, "-")
    }
}

/// The fewest decimals (up to three) that show `value` exactly as entered:
/// 6.15 → 2, 80 → 0, 3.54 → 2.
pub fn decimals_of(value: f64) -> u32 {
    if !value.is_finite() {
        return 0;
    }
    (0..3)
        .find(|&d| {
            let scaled = value * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Locale {
        Locale::from_tag("fr-FR").expect("French is known")
    }

    #[test]
    fn english_and_french_percentages() {
        assert_eq!(ENGLISH.percent(6.15), "6.15%");
        assert_eq!(fr().percent(6.15), "6,15\u{202f}%");
        assert_eq!(
            Locale::from_tag("vi").map(|l| l.percent(6.15)),
            Some("6,15%".to_string())
        );
        assert_eq!(
            Locale::from_tag("de").map(|l| l.percent(88.0)),
            Some("88\u{a0}%".to_string())
        );
    }

    #[test]
    fn figures_carry_their_unit() {
        assert_eq!(
            ENGLISH.figure(-3.54e9, Unit::Usd),
            "\u{2212}US$3.54\u{a0}billion"
        );
        assert_eq!(
            fr().figure(-3.54e9, Unit::Usd),
            "\u{2212}US$3,54\u{a0}billion"
        );
        assert_eq!(ENGLISH.figure(18e6, Unit::Usd), "US$18\u{a0}million");
        assert_eq!(ENGLISH.figure(113.0, Unit::PercentChange), "+113%");
        assert_eq!(ENGLISH.figure(3e6, Unit::People), "3\u{a0}million");
        // A figure never breaks inside itself or its unit (no-break spaces).
        assert_eq!(
            ENGLISH.figure(1e6, Unit::SquareMiles),
            "1\u{a0}million\u{a0}square\u{a0}miles"
        );
        assert_eq!(ENGLISH.figure(1.0, Unit::Years), "1\u{a0}year");
        assert_eq!(ENGLISH.figure(40.0, Unit::Years), "40\u{a0}years");
        assert_eq!(
            ENGLISH.bounded_figure(3e6, Unit::People, Bound::MoreThan),
            "more than 3\u{a0}million"
        );
    }

    #[test]
    fn grouping_follows_the_language() {
        assert_eq!(ENGLISH.number(1234567.0, 0), "1,234,567");
        assert_eq!(fr().number(1234567.5, 1), "1\u{202f}234\u{202f}567,5");
        let es = Locale::from_tag("es").expect("Spanish is known");
        assert_eq!(es.number(1234.0, 0), "1234");
        assert_eq!(es.number(12345.0, 0), "12.345");
    }

    #[test]
    fn rounding_and_odd_values_never_panic() {
        assert_eq!(ENGLISH.number(0.005, 2), "0.01");
        assert_eq!(ENGLISH.number(-0.0001, 2), "0.00");
        assert_eq!(ENGLISH.number(f64::NAN, 2), "\u{2013}");
        assert_eq!(ENGLISH.number(f64::INFINITY, 0), "\u{2013}");
        assert_eq!(ENGLISH.number(1e308, 2), "1.00e308");
        assert_eq!(ENGLISH.number(-2.5e20, 0), "\u{2212}2.50e20");
        assert_eq!(decimals_of(6.15), 2);
        assert_eq!(decimals_of(80.0), 0);
        assert_eq!(decimals_of(1.0 / 3.0), 3);
    }

    #[test]
    fn numbers_in_messages() {
        assert_eq!(for_message(f64::NAN), "NaN");
        assert_eq!(for_message(f64::NEG_INFINITY), "-infinity");
        assert_eq!(for_message(-5.0), "-5");
        assert_eq!(for_message(0.125), "0.125");
    }

    #[test]
    fn unknown_languages_are_none() {
        assert!(Locale::from_tag("xx").is_none());
        assert!(Locale::from_tag("").is_none());
        assert_eq!(Locale::from_tag("EN_gb"), Some(ENGLISH));
    }
}
