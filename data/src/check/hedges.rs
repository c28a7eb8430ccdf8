//! Hedges kept: where a record's sentence qualifies what it says
//! ("apparently", "reportedly", "partially", "usually", "may", "seems",
//! "by any reasonable reading", "about 30", "more than 40", "40-odd",
//! "three million-plus"), the record must say so too, or say why its
//! charted claim does not depend on the hedge (`hedges_left_out`), which a
//! reader of the data file can weigh.
//!
//! - A hedge of the sentence as a whole must be in the record's title, a
//!   label or its note (an event: its label or note), in one of its forms
//!   ("partial" keeps "partially"). A hedge in a sentence the note draws on
//!   (`note_quotes`) must be in the note.
//! - A hedge on a number ("about", "more than", "well over", "-odd",
//!   "-plus") concerns the record only when the number is one of its
//!   figures; the figure's `bound` then carries it, as the chart draws it
//!   ("more than 40 years"). An event, which has no bound, carries it in its
//!   label or note.

use toml::Spanned;

use super::fields::{Fields, Reporter};
use super::numerals::numbers_in;
use super::quotes::normalise;
use crate::Bound;
use crate::suggest::closest;

/// A hedge: how the data file names it, how a sentence writes it, and the
/// words that keep it in a title, label or note.
pub struct Hedge {
    pub name: &'static str,
    writing: Writing,
    kept_by: &'static [&'static str],
}

enum Writing {
    /// One of these words, anywhere in the sentence.
    Word(&'static [&'static str]),
    /// These words, in this order.
    Phrase(&'static str),
    /// These words right before a number ("about 30", "well over a million").
    Before(&'static str, Bound),
    /// This suffix on a number ("40-odd").
    After(&'static str, Bound),
}

/// Every hedge the build looks for.
pub const HEDGES: &[Hedge] = &[
    Hedge {
        name: "apparently",
        writing: Writing::Word(&["apparently"]),
        kept_by: &["apparently", "apparent"],
    },
    Hedge {
        name: "reportedly",
        writing: Writing::Word(&["reportedly"]),
        kept_by: &["reportedly", "reported", "reports"],
    },
    Hedge {
        name: "partially",
        writing: Writing::Word(&["partially", "partly"]),
        kept_by: &["partially", "partial", "partly"],
    },
    Hedge {
        name: "usually",
        writing: Writing::Word(&["usually"]),
        kept_by: &["usually", "usual"],
    },
    Hedge {
        name: "may",
        writing: Writing::Word(&["may", "might"]),
        kept_by: &["may", "might"],
    },
    Hedge {
        name: "seems",
        writing: Writing::Word(&["seems", "seem", "seemed", "seemingly"]),
        kept_by: &["seems", "seem", "seemed", "seemingly"],
    },
    Hedge {
        name: "probably",
        writing: Writing::Word(&["probably"]),
        kept_by: &["probably", "probable"],
    },
    Hedge {
        name: "perhaps",
        writing: Writing::Word(&["perhaps"]),
        kept_by: &["perhaps"],
    },
    Hedge {
        name: "by any reasonable reading",
        writing: Writing::Phrase("by any reasonable reading"),
        kept_by: &["by any reasonable reading"],
    },
    Hedge {
        name: "about",
        writing: Writing::Before("about", Bound::About),
        kept_by: &["about"],
    },
    Hedge {
        name: "more than",
        writing: Writing::Before("more than", Bound::MoreThan),
        kept_by: &["more than"],
    },
    Hedge {
        name: "well over",
        writing: Writing::Before("well over", Bound::MoreThan),
        kept_by: &["more than", "well over"],
    },
    Hedge {
        name: "-odd",
        writing: Writing::After("-odd", Bound::MoreThan),
        kept_by: &["more than", "-odd"],
    },
    Hedge {
        name: "-plus",
        writing: Writing::After("-plus", Bound::MoreThan),
        kept_by: &["more than", "-plus"],
    },
];

/// A hedge as one sentence writes it.
pub struct Found {
    pub hedge: &'static Hedge,
    /// The words as the sentence writes them ("Apparently", "40-odd").
    pub written: String,
    /// Where, in the normalised sentence; for a hedge on a number, the
    /// number's span (with its "-odd", or after its "about").
    pub at: std::ops::Range<usize>,
}

/// Every hedge in `sentence`, in the order of [`HEDGES`].
pub fn hedges_in(sentence: &str) -> Vec<Found> {
    let text = normalise(sentence);
    let lower = text.to_ascii_lowercase();
    let numbers = numbers_in(&text);
    let mut found = Vec::new();
    for hedge in HEDGES {
        match &hedge.writing {
            Writing::Word(words) => {
                for word in *words {
                    for at in whole_words(&lower, word) {
                        // "May 14" is a month.
                        let month = *word == "may"
                            && lower[at.end..]
                                .trim_start()
                                .starts_with(|c: char| c.is_ascii_digit());
                        if !month {
                            found.push(Found {
                                hedge,
                                written: text[at.clone()].to_string(),
                                at,
                            });
                        }
                    }
                }
            }
            Writing::Phrase(phrase) => {
                for at in whole_words(&lower, phrase) {
                    found.push(Found {
                        hedge,
                        written: text[at.clone()].to_string(),
                        at,
                    });
                }
            }
            Writing::Before(words, _) => {
                for number in &numbers {
                    let before = lower[..number.start].trim_end();
                    let before = before.strip_suffix(" a").unwrap_or(before);
                    let starts_word = |start: usize| {
                        start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric()
                    };
                    if before.ends_with(words) && starts_word(before.len() - words.len()) {
                        let from = before.len() - words.len();
                        found.push(Found {
                            hedge,
                            written: text[from..number.end].to_string(),
                            at: number.clone(),
                        });
                    }
                }
            }
            Writing::After(suffix, _) => {
                for number in numbers
                    .iter()
                    .filter(|n| lower[(*n).clone()].ends_with(suffix))
                {
                    found.push(Found {
                        hedge,
                        written: text[number.clone()].to_string(),
                        at: number.clone(),
                    });
                }
            }
        }
    }
    found
}

/// Where `words` stand as whole words in `text` (both lower case).
fn whole_words(text: &str, words: &str) -> Vec<std::ops::Range<usize>> {
    let alone = |at: Option<u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
    text.match_indices(words)
        .map(|(at, _)| at..at + words.len())
        .filter(|r| {
            alone(r.start.checked_sub(1).map(|i| text.as_bytes()[i]))
                && alone(text.as_bytes().get(r.end).copied())
        })
        .collect()
}

/// Whether `text` keeps `hedge` in one of its forms.
fn keeps(hedge: &Hedge, text: &str) -> bool {
    let lower = normalise(text).to_ascii_lowercase();
    hedge.kept_by.iter().any(|form| {
        if form.starts_with('-') {
            lower.contains(form)
        } else {
            !whole_words(&lower, form).is_empty()
        }
    })
}

/// A record's own words and figures, which must keep its sentence's hedges.
pub struct Claim<'a> {
    /// "indicator" or "event": how messages name what carries a hedge.
    pub kind: &'static str,
    /// Its title and labels (an event's label).
    pub words: Vec<&'a str>,
    pub note: Option<&'a str>,
    /// Its figures as written, with their bounds; an event's `when`, with
    /// none.
    pub figures: Vec<(&'a str, Option<Bound>)>,
}

/// One `hedges_left_out` entry: a hedge of the sentence the record does
/// not carry (its `why`, which must be given, is for people).
pub struct LeftOut {
    pub hedge: Spanned<String>,
}

/// Checks that the record's words keep every hedge of its `quote` and of
/// the sentences its note draws on (`note_quotes`), or that
/// `hedges_left_out` says why not.
pub fn check(
    fields: &Fields<'_, '_>,
    reporter: &mut Reporter<'_>,
    quote: &Spanned<String>,
    note_quotes: &[Spanned<String>],
    claim: &Claim<'_>,
    left_out: &[LeftOut],
) {
    let names: Vec<&str> = HEDGES.iter().map(|h| h.name).collect();
    let mut used = vec![false; left_out.len()];
    let excused = |hedge: &Hedge, used: &mut Vec<bool>| {
        let waiver = left_out
            .iter()
            .position(|w| w.hedge.get_ref() == hedge.name);
        if let Some(i) = waiver {
            used[i] = true;
        }
        waiver.is_some()
    };
    let where_words = if claim.kind == "event" {
        "label and note"
    } else {
        "title, labels and note"
    };
    let said = normalise(quote.get_ref());

    for found in hedges_in(quote.get_ref()) {
        let hedge = found.hedge;
        if let Writing::Before(_, bound) | Writing::After(_, bound) = hedge.writing {
            // A hedge on a number concerns the figure it qualifies.
            let figure = claim.figures.iter().find(|(written, _)| {
                let written = normalise(written);
                said.match_indices(&written)
                    .any(|(at, _)| at <= found.at.start && found.at.end <= at + written.len())
            });
            let Some((written, figure_bound)) = figure else {
                continue;
            };
            match figure_bound {
                Some(b) if *b == bound => continue,
                Some(_) => {
                    if excused(hedge, &mut used) {
                        continue;
                    }
                    let name = bound_name(bound);
                    fields.error(
                        reporter,
                        quote.span().start,
                        format!(
                            "the quote says \"{}\", a hedge on the figure \"{written}\"; give that value bound = \"{name}\", so that the chart says it, or say why not in hedges_left_out = [{{ hedge = \"{}\", why = \"…\" }}]",
                            found.written, hedge.name
                        ),
                    );
                    continue;
                }
                // An event's date: its words must keep the hedge.
                None => {}
            }
        }
        let kept = claim
            .words
            .iter()
            .chain(&claim.note)
            .any(|w| keeps(hedge, w));
        if kept || excused(hedge, &mut used) {
            continue;
        }
        fields.error(
            reporter,
            quote.span().start,
            format!(
                "the quote says \"{}\", a hedge the {} drop; keep \"{}\" in one of them, or say why the charted claim does not depend on it in hedges_left_out = [{{ hedge = \"{}\", why = \"…\" }}]",
                found.written,
                where_words,
                hedge.kept_by[0],
                hedge.name
            ),
        );
    }

    for sentence in note_quotes {
        for found in hedges_in(sentence.get_ref()) {
            let hedge = found.hedge;
            if matches!(hedge.writing, Writing::Before(..) | Writing::After(..)) {
                continue;
            }
            if claim.note.is_some_and(|note| keeps(hedge, note)) || excused(hedge, &mut used) {
                continue;
            }
            fields.error(
                reporter,
                sentence.span().start,
                format!(
                    "the note draws on a sentence that says \"{}\", a hedge the note drops; keep \"{}\" in the note, or say why not in hedges_left_out = [{{ hedge = \"{}\", why = \"…\" }}]",
                    found.written, hedge.kept_by[0], hedge.name
                ),
            );
        }
    }

    for (waiver, used) in left_out.iter().zip(used) {
        let name = waiver.hedge.get_ref();
        if !names.contains(&name.as_str()) {
            let hint = match closest(name, &names) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => format!("the hedges are: {}", names.join(", ")),
            };
            fields.error(
                reporter,
                waiver.hedge.span().start,
                format!("hedges_left_out: \"{name}\" is not a hedge the build knows; {hint}"),
            );
        } else if !used {
            fields.error(
                reporter,
                waiver.hedge.span().start,
                format!(
                    "hedges_left_out: the record's sentences do not say \"{name}\", or its words keep it; remove this entry"
                ),
            );
        }
    }
}

fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::About => "about",
        Bound::MoreThan => "more-than",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<(&'static str, String)> {
        hedges_in(sentence)
            .into_iter()
            .map(|f| (f.hedge.name, f.written))
            .collect()
    }

    #[test]
    fn finds_each_hedge_as_the_sentence_writes_it() {
        assert_eq!(
            names(
                "Apparently, the aid could not meet demands; it seems it may be partially eased."
            ),
            [
                ("apparently", "Apparently".to_string()),
                ("partially", "partially".to_string()),
                ("may", "may".to_string()),
                ("seems", "seems".to_string()),
            ]
        );
        assert_eq!(
            names(
                "Its foe of 40-odd years has three million-plus members and well over a million square miles, about 30 of them."
            ),
            [
                ("about", "about 30".to_string()),
                ("well over", "well over a million".to_string()),
                ("-odd", "40-odd".to_string()),
                ("-plus", "three million-plus".to_string()),
            ]
        );
    }

    #[test]
    fn words_that_only_contain_a_hedge_are_not_hedges() {
        assert!(
            names("Boudreau, J. (2015, May 14). Dismayed, the mayor spoke about the plan.")
                .is_empty()
        );
        assert!(names("Usuallyness and seemly partiality").is_empty());
    }

    #[test]
    fn a_form_of_the_hedge_keeps_it() {
        let partially = HEDGES
            .iter()
            .find(|h| h.name == "partially")
            .expect("known");
        assert!(keeps(
            partially,
            "Age of the embargo when its partial easing was announced"
        ));
        assert!(!keeps(partially, "Age of the embargo when it was eased"));
        let odd = HEDGES.iter().find(|h| h.name == "-odd").expect("known");
        assert!(keeps(odd, "more than 40 years"));
    }
}
