//! What an embed's attributes may say, and the message for each mistake.
//! Parsed here, natively testable, so the browser binding only passes
//! strings through and shows the messages.

use crate::format::{LOCALES, Locale};
use crate::theme::Theme;

/// The default shape of a chart box when nothing fixes its height: the
/// chart takes the height its content needs (see `charts::Options`).
pub const ASPECT_RANGE: (f64, f64) = (0.25, 5.0);

/// `theme`: "light", "dark", or "auto" / empty (follow `prefers_dark`).
pub fn theme(value: &str, prefers_dark: bool) -> Result<Theme, String> {
    let value = value.trim();
    if value.is_empty() || value.eq_ignore_ascii_case("auto") {
        return Ok(if prefers_dark {
            Theme::Dark
        } else {
            Theme::Light
        });
    }
    Theme::from_name(value).ok_or_else(|| {
        format!(
            "Unknown theme \"{}\". Use \"light\", \"dark\" or \"auto\".",
            shorten(value)
        )
    })
}

/// `locale`: a BCP 47 tag whose language the viewer knows ("fr", "vi-VN").
pub fn locale(value: &str) -> Result<Locale, String> {
    Locale::from_tag(value).ok_or_else(|| {
        let known: Vec<&str> = LOCALES.iter().map(|l| l.tag).collect();
        format!(
            "Unknown locale \"{}\". Use one of: {}.",
            shorten(value.trim()),
            known.join(", ")
        )
    })
}

/// The page's language (`lang`, or the browser's), which is not the
/// editor's to fix: an unknown one falls back to English quietly.
pub fn page_locale(lang: &str) -> Locale {
    Locale::from_tag(lang).unwrap_or(crate::format::ENGLISH)
}

/// `aspect-ratio`: width over height, written "16/9", "16:9" or "1.6";
/// empty means the chart's natural height. Returns width / height.
pub fn aspect_ratio(value: &str) -> Result<Option<f64>, String> {
    let value = value.trim();
    if value.is_empty() || value.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    let invalid = || {
        format!(
            "Aspect ratio \"{}\" is not usable. Write width/height, such as \"16/9\" or \"1.5\", between 0.25 and 5.",
            shorten(value),
        )
    };
    let number = |s: &str| decimal(s.trim()).filter(|n| *n > 0.0);
    let ratio = match value.split_once(['/', ':']) {
        Some((w, h)) => number(w).zip(number(h)).map(|(w, h)| w / h),
        None => number(value),
    }
    .ok_or_else(invalid)?;
    if (ASPECT_RANGE.0..=ASPECT_RANGE.1).contains(&ratio) {
        Ok(Some(ratio))
    } else {
        Err(invalid())
    }
}

/// A plain decimal number ("16", "1.5", ".75"): digits with at most one
/// point, no sign or exponent. Written out rather than `str::parse::<f64>`,
/// whose tables would add about 15 KB to the WASM for one attribute.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits_only = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let sensible = !whole.is_empty() || !fraction.is_empty();
    if !sensible
        || whole.len() > 9
        || fraction.len() > 9
        || !digits_only(whole)
        || !digits_only(fraction)
    {
        return None;
    }
    let value = |part: &str| part.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(value(whole) as f64 + value(fraction) as f64 / 10f64.powi(fraction.len() as i32))
}

/// A value shown in a message, cut short if an editor pasted something long.
pub fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        value.chars().take(MAX).chain("…".chars()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes() {
        assert_eq!(theme("dark", false), Ok(Theme::Dark));
        assert_eq!(theme("", true), Ok(Theme::Dark));
        assert_eq!(theme("auto", false), Ok(Theme::Light));
        assert_eq!(
            theme("blu", false),
            Err("Unknown theme \"blu\". Use \"light\", \"dark\" or \"auto\".".to_string())
        );
    }

    #[test]
    fn locales() {
        assert_eq!(locale("fr-CA").map(|l| l.tag), Ok("fr"));
        assert!(
            locale("xx")
                .unwrap_err()
                .starts_with("Unknown locale \"xx\". Use one of: en, fr, vi")
        );
        assert_eq!(page_locale("tlh").tag, "en");
    }

    #[test]
    fn aspect_ratios() {
        assert_eq!(aspect_ratio("16/9"), Ok(Some(16.0 / 9.0)));
        assert_eq!(aspect_ratio(" 4:3 "), Ok(Some(4.0 / 3.0)));
        assert_eq!(aspect_ratio("1.5"), Ok(Some(1.5)));
        assert_eq!(aspect_ratio(""), Ok(None));
        assert_eq!(aspect_ratio(".75"), Ok(Some(0.75)));
        assert_eq!(aspect_ratio("3.5 / 2"), Ok(Some(1.75)));
        for bad in [
            "-1",
            "0",
            "16/0",
            "1000",
            "NaN",
            "wide",
            "1/1/1",
            "inf",
            ".",
            "1e2",
            "1.2.3",
            "+2",
            "99999999999",
        ] {
            assert!(aspect_ratio(bad).is_err(), "{bad}");
        }
        assert!(aspect_ratio(&"9".repeat(500)).unwrap_err().contains("…"));
    }
}
