//! "Did you mean …?": the nearest of a set of names to a misspelt one.
//!
//! Shared by the data-file checker (misspelt field names) and the viewer
//! (misspelt indicator ids in embeds), so both suggest the same way.

/// The candidate closest to `word`, if it is within a third of the word's
/// length in edits (at least one, at most three), so that a wild guess gets
/// no suggestion. A word may also be a misspelt beginning of a candidate
/// (`gdp-grwth` suggests `gdp-growth-average`).
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let allowed = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|candidate| (prefix_distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edits (Levenshtein, by characters) that turn `a` into `b` or into a
/// beginning of `b`.
fn prefix_distance(a: &str, b: &str) -> usize {
    distance_row(a, b).into_iter().min().unwrap_or(0)
}

/// The last row of the Levenshtein table: entry `j` is the distance from `a`
/// to the first `j` characters of `b`.
fn distance_row(a: &str, b: &str) -> Vec<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_to_the_nearest_beginning() {
        assert_eq!(prefix_distance("quote", "quote"), 0);
        assert_eq!(prefix_distance("qoute", "quote"), 2);
        assert_eq!(prefix_distance("gdp-grwth", "gdp-growth-average"), 1);
        assert_eq!(prefix_distance("abc", ""), 3);
        assert_eq!(prefix_distance("", "abc"), 0);
    }

    #[test]
    fn suggests_only_near_names() {
        let ids = ["gdp-growth-average", "us-favourability"];
        assert_eq!(
            closest("gdp-grwth-average", &ids),
            Some("gdp-growth-average")
        );
        assert_eq!(closest("gdp-grwth", &ids), Some("gdp-growth-average"));
        assert_eq!(closest("us-favorability", &ids), Some("us-favourability"));
        assert_eq!(closest("banana", &ids), None);
    }
}
