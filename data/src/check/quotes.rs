//! Word-for-word matching of quotes against the texts they come from.
//!
//! Texts copied from web pages differ from a typed quote in ways no reader
//! notices: runs of spaces, non-breaking spaces, line breaks, and curly
//! versus straight quotation marks. Both sides are normalised for those and
//! nothing else, so a changed word, number or punctuation mark still fails.

/// `text` with every run of whitespace made one space and typographic
/// quotation marks and apostrophes made straight.
pub fn normalise(text: &str) -> String {
    normalise_mapped(text).0
}

/// [`normalise`], with where each byte of the result comes from: the byte
/// offset in `text` of the character it was made from (of the first
/// whitespace character, for a space that stands for a run). The
/// completeness check scans normalised texts and reports original lines.
pub fn normalise_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut space_at = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            space_at.get_or_insert(at);
            continue;
        }
        if let Some(space) = space_at.take()
            && !out.is_empty()
        {
            out.push(' ');
            origin.push(space);
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            other => other,
        };
        out.push(c);
        origin.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    (out, origin)
}

/// Whether `quote` appears word for word in `text` (both normalised).
pub fn appears_in(quote: &str, text: &str) -> bool {
    normalise(text).contains(&normalise(quote))
}

/// For a quote that does not appear: the longest beginning of it that does,
/// so the message can point at where the quote departs from the text.
pub fn matching_prefix(quote: &str, text: &str) -> String {
    let text = normalise(text);
    let quote = normalise(quote);
    let mut ends: Vec<usize> = quote.char_indices().map(|(i, _)| i).collect();
    ends.push(quote.len());
    // Binary search on the prefix length: if a prefix appears, every shorter one does.
    let (mut low, mut high) = (0, ends.len() - 1);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if text.contains(&quote[..ends[mid]]) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    quote[..ends[low]].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_typographic_quotes_are_normalised() {
        assert_eq!(normalise("a\u{a0}\u{a0}b\n “c” ‘d’"), "a b \"c\" 'd'");
        assert!(appears_in(
            "announced in October",
            "announced \u{a0}in October"
        ));
        assert!(appears_in("Vietnam's demands", "Vietnam’s demands"));
    }

    #[test]
    fn normalised_bytes_know_where_they_come_from() {
        let text = "a \u{a0}\n“b”";
        let (normalised, origin) = normalise_mapped(text);
        assert_eq!(normalised, "a \"b\"");
        // "a", the space for the run, and the straight quotes for the curly ones.
        assert_eq!(origin, [0, 1, 5, 8, 9]);
        assert_eq!(
            normalise("  leading and trailing  "),
            "leading and trailing"
        );
    }

    #[test]
    fn a_changed_word_or_number_does_not_match() {
        let text = "averaging 6.15 percent since 2000";
        assert!(!appears_in("averaging 6.16 percent", text));
        assert!(!appears_in("averaging 6.15 per cent", text));
        assert!(!appears_in("averaging 6.15 percent,", text));
    }

    #[test]
    fn the_matching_prefix_shows_where_a_quote_departs() {
        let text = "the US announced in October 2014 that it was easing";
        assert_eq!(
            matching_prefix("the US announced in November 2014", text),
            "the US announced in "
        );
        assert_eq!(matching_prefix("xyz", text), "");
    }
}
