//! Sources traced and hedges kept: each error of the lists of references,
//! the citations, a record's source and note, and each hedge; and the real
//! texts' citations, each resolved to its entry.

use super::hedges::HEDGES;
use super::tests::{BODY, LIST, VALID, assert_one_error, check, check_against, real_data};

/// `file` checked against the test text with `sentence` as its line 3 and
/// `list` as its list of references.
fn check_with(file: &str, sentence: &str, list: &str) -> Result<super::Checked, Vec<String>> {
    check_against(file, &format!("{BODY}{sentence}\n{list}"))
}

/// The 1-based line of `VALID`-based `file` that begins with `start`.
fn line_of(file: &str, start: &str) -> usize {
    file.lines()
        .position(|line| line.starts_with(start))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("test setup: no line begins with {start:?}"))
}

#[test]
fn a_record_gets_the_entry_its_source_cites() {
    let checked = check(VALID).expect("valid");
    assert_eq!(checked.catalog.indicators[0].reference, Some(0));
    assert_eq!(checked.catalog.timeline.events[0].reference, None);
    let list = checked.sources.list("liu-2016").expect("a list");
    assert_eq!(
        list.entries[0].entry,
        "Customs, V. (2015). Trade statistics. Retrieved from"
    );
    assert_eq!(list.entries[0].line, 4);
    assert_eq!(list.entries[0].authors, ["Customs"]);
    let citation = checked.sources.citations[0];
    assert_eq!(
        (citation.line, citation.as_written, citation.entry),
        (1, "(Customs, 2015)", 0)
    );
}

#[test]
fn a_citation_that_matches_no_entry_is_located_in_its_text() {
    let file = VALID.replace("(Customs, 2015)", "(Custom, 2015)");
    let text = format!(
        "{}{LIST}",
        BODY.replace("(Customs, 2015)", "(Custom, 2015)")
    );
    assert_eq!(
        check_against(&file, &text).expect_err("unresolved"),
        vec![
            "data/texts/liu.txt:1: citation (Custom, 2015) matches no entry of the text's references; the nearest is line 4, \"Customs, V. (2015). Trade statistics. Retrieved from\": if it is the one meant, add { entry = \"Customs, V. (2015).\", cited_as = \"(Custom, 2015)\", note = \"…\" } to the text's reference_notes, with a note saying how the two differ"
        ]
    );
    // Said in the data file, with a note for readers, it resolves.
    let noted = file.replacen(
        "references = { first = \"Customs, V.\", last = \"Customs, V.\" }",
        "references = { first = \"Customs, V.\", last = \"Customs, V.\" }\n\
         reference_notes = [{ entry = \"Customs, V.\", cited_as = \"(Custom, 2015)\", note = \"The text spells it Custom.\" }]",
        1,
    );
    let checked = check_against(&noted, &text).expect("resolved by the note");
    assert_eq!(checked.catalog.indicators[0].reference, Some(0));
    assert_eq!(
        checked.sources.lists[0].entries[0].note,
        Some("The text spells it Custom.")
    );
}

#[test]
fn a_citation_that_matches_two_entries_is_refused_until_the_file_says_which() {
    let list = "\nCustoms, V. (2015). Trade statistics.\n\nCustoms, V. (2015, May 2). More trade statistics.\n";
    let file = VALID
        .replacen(
            "first = \"Customs, V.\", last = \"Customs, V.\"",
            "first = \"Customs, V. (2015). Trade\", last = \"Customs, V. (2015, May\"",
            1,
        )
        .replacen(
            "{ as_written = \"(2015)\" },",
            "{ as_written = \"(2015)\" },\n  { as_written = \"(2015, May 2)\" },",
            1,
        );
    let text = format!("{BODY}{list}");
    assert_eq!(
        check_against(&file, &text).expect_err("ambiguous"),
        vec![
            "data/texts/liu.txt:1: citation (Customs, 2015) matches 2 entries of the text's references (lines 4, 6); say which in the text's reference_notes: { entry = \"its first words\", cited_as = \"(Customs, 2015)\", note = \"…\" }"
        ]
    );
    let said = file.replacen(
        "last = \"Customs, V. (2015, May\" }",
        "last = \"Customs, V. (2015, May\" }\n\
         reference_notes = [{ entry = \"Customs, V. (2015, May\", cited_as = \"(Customs, 2015)\", note = \"Two entries of 2015; the text means the second.\" }]",
        1,
    );
    let checked = check_against(&said, &text).expect("resolved");
    assert_eq!(checked.catalog.indicators[0].reference, Some(1));
}

#[test]
fn a_reference_note_must_name_one_entry_and_a_cited_as_that_needs_it() {
    let with_note = |note: &str| {
        VALID.replacen(
            "references = { first = \"Customs, V.\", last = \"Customs, V.\" }",
            &format!("references = {{ first = \"Customs, V.\", last = \"Customs, V.\" }}\nreference_notes = [{note}]"),
            1,
        )
    };
    let errors = |note: &str| check(&with_note(note)).expect_err("refused");
    assert_eq!(
        errors("{ entry = \"Customs, V.\", cited_as = \"(Customs, 2015)\", note = \"x\" }"),
        vec![
            "data/indicators.toml:6: text \"liu-2016\": reference_notes: (Customs, 2015) resolves to the entry on line 4 by itself; remove cited_as"
        ]
    );
    assert_eq!(
        errors("{ entry = \"Excise\", note = \"x\" }"),
        vec![
            "data/indicators.toml:6: text \"liu-2016\": reference_notes: entry \"Excise\" begins no entry of the text's references; copy an entry's first words"
        ]
    );
    assert_eq!(
        errors("{ entry = \"Customs, V.\", cited_as = \"(Excise, 2015)\", note = \"x\" }"),
        vec![
            "data/indicators.toml:6: text \"liu-2016\": reference_notes: cited_as \"(Excise, 2015)\" is not a citation of the text's body; copy it as the text writes it, parentheses included"
        ]
    );
}

#[test]
fn a_text_says_where_its_references_are_or_that_it_has_none() {
    let references = "references = { first = \"Customs, V.\", last = \"Customs, V.\" }";
    assert_one_error(
        &format!("{references}\n"),
        "",
        "data/indicators.toml:1: text \"liu-2016\": missing field \"references\": where the text's list of references is, as { first = \"its first entry's first words\", last = \"its last entry's\" }, or no_references = \"why the text has none\"",
    );
    assert_one_error(
        "first = \"Customs, V.\"",
        "first = \"Customz\"",
        "data/indicators.toml:5: text \"liu-2016\": references: first \"Customz\" begins no line of data/texts/liu.txt; copy the first words of the list's first entry",
    );
    // A text without a list cites nothing.
    assert_one_error(
        references,
        "no_references = \"The text has none.\"",
        "data/texts/liu.txt:1: citation (Customs, 2015) in a text without a list of references (\"The text has none.\"); give the text's references = { first, last } instead of no_references",
    );
}

#[test]
fn an_entry_of_the_list_must_give_its_date() {
    let list = "\nCustoms, V. (2015). Trade statistics.\n\nCustoms, V. Undated notes.\n";
    let file = VALID.replacen(
        "first = \"Customs, V.\", last = \"Customs, V.\"",
        "first = \"Customs, V. (2015)\", last = \"Customs, V. Undated\"",
        1,
    );
    assert_eq!(
        check_against(&file, &format!("{BODY}{list}")).expect_err("refused"),
        vec![
            "data/texts/liu.txt:6: \"Customs, V. Undated notes.\" in the list of references is not an entry: an entry gives its date in parentheses after its authors or title, as \"Surname, A. (2015, May 14). Title.\" or \"Title. (2015).\""
        ]
    );
}

#[test]
fn a_source_names_the_citation_its_quote_gives() {
    assert_one_error(
        "source = \"Customs, 2015\"",
        "source = \"Customs, 2016\"",
        "data/indicators.toml:14: indicator \"trade-balance-2015\": source \"Customs, 2016\" names none of the quote's citations ((Customs, 2015)); name the one the figure comes from, with its year",
    );
    assert_one_error(
        "source = \"Customs, 2015\"",
        "source = \"Not cited in the text\"",
        "data/indicators.toml:14: indicator \"trade-balance-2015\": source \"Not cited in the text\" names none of the quote's citations ((Customs, 2015)); name the one the figure comes from, with its year",
    );
    assert_one_error(
        "source = \"Not cited in the text\"\nquote = \"Every",
        "source = \"Shows, 2009\"\nquote = \"Every",
        "data/indicators.toml:27: event \"Shows of force\": source \"Shows, 2009\" names a citation, but the quote cites no source; write \"Not cited in the text\", or quote the sentence up to its citation",
    );
}

/// The valid file with a note (and note_quotes) on its event.
fn event_note(note: &str) -> String {
    VALID.replacen(
        "quote = \"Every dry season since 2009, China flexed its muscle.\"",
        &format!("quote = \"Every dry season since 2009, China flexed its muscle.\"\n{note}"),
        1,
    )
}

#[test]
fn a_note_quotes_only_the_sentences_it_names_and_credits_their_citations() {
    check(&event_note("note = \"China flexed “its muscle”.\"")).expect("in the quote");
    assert_eq!(
        check(&event_note("note = \"China flexed “its muscles”.\"")).expect_err("not in it"),
        vec![
            "data/indicators.toml:29: event \"Shows of force\": the note quotes \"its muscles\", which is in neither the quote nor its note_quotes; add the sentence it comes from to note_quotes"
        ]
    );
    let sentence = "note_quotes = [{ quote = \"At the end of 2015, Vietnam fell back into a trade deficit of US$3.54 billion (Customs, 2015) after three years of surpluses.\" }]";
    check(&event_note(&format!(
        "note = \"Years after a deficit “after three years of surpluses” (Customs, 2015).\"\n{sentence}"
    )))
    .expect("credited");
    assert_eq!(
        check(&event_note(&format!(
            "note = \"Years after a deficit “after three years of surpluses”.\"\n{sentence}"
        )))
        .expect_err("not credited"),
        vec![
            "data/indicators.toml:30: event \"Shows of force\": the note draws on a sentence that cites (Customs, 2015); credit it in the note as the text writes it"
        ]
    );
    assert_eq!(
        check(&event_note(
            "note_quotes = [{ quote = \"Every dry season since 2009, China flexed its muscles.\" }]"
        ))
        .expect_err("no note, and not word for word"),
        vec![
            "data/indicators.toml:29: event \"Shows of force\": note_quotes: quote does not appear word for word in data/texts/liu.txt: it departs from the text after \"…ason since 2009, China flexed its muscle\"",
        ]
    );
    assert_eq!(
        check(&event_note(
            "note_quotes = [{ quote = \"Every dry season since 2009, China flexed its muscle.\" }]"
        ))
        .expect_err("no note"),
        vec![
            "data/indicators.toml:29: event \"Shows of force\": note_quotes are the sentences a note draws on, and the record has no note"
        ]
    );
}

/// An event of 2010 appended to the valid file: its label and extra fields.
fn event_2010(label: &str, sentence: &str, extra: &str) -> String {
    format!(
        "{VALID}\n[[event]]\ndate = 2010\nwhen = \"In 2010\"\nlabel = \"{label}\"\ntext = \"liu-2016\"\n\
         source = \"Not cited in the text\"\nquote = \"{sentence}\"\n{extra}"
    )
}

/// A hedge of the sentence as a whole: refused where the label drops it,
/// accepted where the label (or the note) keeps it, or where the file says
/// why the claim does not depend on it.
fn word_hedge(hedge: &str, sentence: &str, keeping: &str) {
    let sentence = format!("In 2010, {sentence}");
    let dropping = event_2010("Talks", &sentence, "");
    let line = line_of(&dropping, "quote = \"In 2010");
    let errors = check_with(&dropping, &sentence, LIST).expect_err("the hedge is dropped");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let expected = format!(
        "data/indicators.toml:{line}: event \"Talks\": the quote says \"{hedge}\", a hedge the label and note drop; keep \"{hedge}\" in one of them, or say why the charted claim does not depend on it in hedges_left_out = [{{ hedge = \"{hedge}\", why = \"…\" }}]"
    );
    assert_eq!(errors[0], expected);
    check_with(&event_2010(keeping, &sentence, ""), &sentence, LIST).expect("the label keeps it");
    let left_out =
        format!("hedges_left_out = [{{ hedge = \"{hedge}\", why = \"Not about the talks.\" }}]");
    check_with(&event_2010("Talks", &sentence, &left_out), &sentence, LIST)
        .expect("left out, saying why");
}

#[test]
fn apparently_is_kept() {
    word_hedge(
        "apparently",
        "the talks apparently failed.",
        "Talks apparently fail",
    );
}

#[test]
fn reportedly_is_kept() {
    word_hedge(
        "reportedly",
        "the talks reportedly failed.",
        "Talks fail, it is reported",
    );
}

#[test]
fn partially_is_kept() {
    word_hedge(
        "partially",
        "the embargo was partially eased.",
        "A partial easing",
    );
}

#[test]
fn usually_is_kept() {
    word_hedge(
        "usually",
        "investment usually provoked debates.",
        "Investment usually provokes debates",
    );
}

#[test]
fn may_is_kept() {
    word_hedge("may", "the talks may have failed.", "Talks may have failed");
}

#[test]
fn seems_is_kept() {
    word_hedge(
        "seems",
        "it seems the talks failed.",
        "The talks seem to fail",
    );
}

#[test]
fn probably_is_kept() {
    word_hedge(
        "probably",
        "the talks probably failed.",
        "Talks probably fail",
    );
}

#[test]
fn perhaps_is_kept() {
    word_hedge(
        "perhaps",
        "perhaps the talks failed.",
        "Perhaps the talks fail",
    );
}

#[test]
fn by_any_reasonable_reading_is_kept() {
    word_hedge(
        "by any reasonable reading",
        "the waters were Vietnam's by any reasonable reading.",
        "Waters Vietnam's by any reasonable reading",
    );
}

/// A units indicator appended to the valid file, with `bound` on its value.
fn hedged_figure(sentence: &str, value: &str, as_written: &str, bound: &str) -> String {
    format!(
        "{VALID}\n[[indicator]]\nid = \"hedged\"\ntitle = \"Hedged\"\nchart = \"units\"\nunit = \"years\"\n\
         values = [{{ value = {value}, as_written = \"{as_written}\"{bound} }}]\nper_square = {value}\n\
         source = \"Not cited in the text\"\ntext = \"liu-2016\"\nquote = \"{sentence}\"\n"
    )
}

/// A hedge on a figure: refused with an exact bound, accepted with the
/// bound that draws it.
fn number_hedge(sentence: &str, value: &str, as_written: &str, written: &str, bound: &str) {
    let exact = hedged_figure(sentence, value, as_written, "");
    let lines: Vec<&str> = exact.lines().collect();
    let line = lines
        .iter()
        .rposition(|l| l.starts_with("quote = "))
        .expect("the indicator's quote")
        + 1;
    let errors = check_with(&exact, sentence, LIST).expect_err("an exact figure");
    let hedge = HEDGES
        .iter()
        .find(|h| written.to_lowercase().contains(h.name))
        .expect("a hedge")
        .name;
    assert_eq!(
        errors,
        vec![format!(
            "data/indicators.toml:{line}: indicator \"hedged\": the quote says \"{written}\", a hedge on the figure \"{as_written}\"; give that value bound = \"{bound}\", so that the chart says it, or say why not in hedges_left_out = [{{ hedge = \"{hedge}\", why = \"…\" }}]"
        )]
    );
    let bounded = hedged_figure(
        sentence,
        value,
        as_written,
        &format!(", bound = \"{bound}\""),
    );
    check_with(&bounded, sentence, LIST).expect("the bound keeps it");
}

#[test]
fn about_is_kept() {
    number_hedge(
        "It lasted about 30 years.",
        "30",
        "30 years",
        "about 30",
        "about",
    );
}

#[test]
fn more_than_is_kept() {
    number_hedge(
        "It lasted more than 40 years.",
        "40",
        "40 years",
        "more than 40",
        "more-than",
    );
}

#[test]
fn well_over_is_kept() {
    number_hedge(
        "It lasted well over a million years.",
        "1000000",
        "a million years",
        "well over a million",
        "more-than",
    );
}

#[test]
fn odd_is_kept() {
    number_hedge(
        "It lasted 40-odd years.",
        "40",
        "40-odd years",
        "40-odd",
        "more-than",
    );
}

#[test]
fn plus_is_kept() {
    number_hedge(
        "It lasted forty-plus years.",
        "40",
        "forty-plus years",
        "forty-plus",
        "more-than",
    );
}

#[test]
fn every_hedge_the_build_knows_has_its_test() {
    // The hedges the tests above exercise, by name.
    let tested = [
        "apparently",
        "reportedly",
        "partially",
        "usually",
        "may",
        "seems",
        "probably",
        "perhaps",
        "by any reasonable reading",
        "about",
        "more than",
        "well over",
        "-odd",
        "-plus",
    ];
    let known: Vec<&str> = HEDGES.iter().map(|h| h.name).collect();
    assert_eq!(known, tested);
}

#[test]
fn a_hedge_on_another_number_of_the_sentence_is_not_the_figure_s() {
    let sentence = "It lasted 40 years, with 40-odd talks.";
    let file = hedged_figure(sentence, "40", "40 years", "").replacen(
        "[[exclusion]]\ntext = \"liu-2016\"",
        "[[exclusion]]\ntext = \"liu-2016\"\nreason = \"Talks.\"\nnumbers = [{ as_written = \"40-odd talks\" }]\n\n[[exclusion]]\ntext = \"liu-2016\"",
        1,
    );
    check_with(&file, sentence, LIST).expect("the hedge is on the talks");
}

#[test]
fn a_note_keeps_the_hedges_of_the_sentences_it_draws_on() {
    let sentence = "Then the talks reportedly failed.";
    let with = |note: &str| {
        event_2010(
            "Talks",
            "In 2010, the talks failed.",
            &format!("note = \"{note}\"\nnote_quotes = [{{ quote = \"{sentence}\" }}]"),
        )
    };
    let both = format!("In 2010, the talks failed.\n{sentence}");
    let dropping = with("The talks failed.");
    let line = line_of(&dropping, "note_quotes = ");
    assert_eq!(
        check_with(&dropping, &both, LIST).expect_err("dropped"),
        vec![format!(
            "data/indicators.toml:{line}: event \"Talks\": the note draws on a sentence that says \"reportedly\", a hedge the note drops; keep \"reportedly\" in the note, or say why not in hedges_left_out = [{{ hedge = \"reportedly\", why = \"…\" }}]"
        )]
    );
    check_with(&with("The talks reportedly failed."), &both, LIST).expect("kept");
}

#[test]
fn a_hedge_left_out_must_be_one_the_sentence_says() {
    let sentence = "In 2010, the talks failed.";
    let errors = |left_out: &str| {
        let file = event_2010(
            "Talks",
            sentence,
            &format!("hedges_left_out = [{left_out}]"),
        );
        check_with(&file, sentence, LIST).expect_err("refused")
    };
    let unknown = errors("{ hedge = \"reportedy\", why = \"x\" }");
    assert!(
        unknown[0].ends_with("hedges_left_out: \"reportedy\" is not a hedge the build knows; did you mean \"reportedly\"?"),
        "{unknown:?}"
    );
    let unsaid = errors("{ hedge = \"reportedly\", why = \"x\" }");
    assert!(
        unsaid[0].ends_with("hedges_left_out: the record's sentences do not say \"reportedly\", or its words keep it; remove this entry"),
        "{unsaid:?}"
    );
    let no_why = errors("{ hedge = \"reportedly\" }");
    assert!(
        no_why[0].ends_with("missing field \"why\" (a string)"),
        "{no_why:?}"
    );
}

/// Every citation of the texts, with the first words of the entry it
/// resolves to.
#[test]
fn every_citation_of_the_texts_resolves_to_its_entry() {
    let checked = real_data();
    let sources = checked.sources;
    let resolved: Vec<(&str, &str)> = sources
        .citations
        .iter()
        .map(|c| {
            let entry = sources.entry(c.text, c.entry).expect("an entry");
            (c.as_written, entry.entry)
        })
        .collect();
    let expected = [
        ("(Nakamura, 2015)", "Nakamura, D. (2015, July 7)."),
        ("(Stokes, 2015)", "Stokes, B. (2015, Sept 2)."),
        (
            "(“Global Indicators Database”, 2015)",
            "Global Indicator Database: Opinion of the United States. (2015).",
        ),
        (
            "(“Trading Economics”, 2016)",
            "Trading economics: Vietnam GDP growth rate, 2000-2016. (2016).",
        ),
        (
            "(Hiebert & Nguyen, 2015)",
            "Hiebert, M. & Nguyen, P. (2015, Mar 18).",
        ),
        (
            "(“VOA”, 2013)",
            "VOA: US pledges $40 million in military aid to Philippines. (2013, Dec 17).",
        ),
        ("(Boudreau, 2015)", "Boudreau, J. (2015, May 14)."),
        (
            "(“Vietnam Customs Statistics”, 2016)",
            "Vietnam customs statistics: Preliminary assessment",
        ),
        (
            "(“Trade Deficit”, 2015)",
            "Trade deficit with China grows wider. (2015, Sep 7).",
        ),
        ("(Resnick, 2010)", "Resnick, E. N. (2010)."),
        (
            "(“John Kerry”, 2015)",
            "John Kerry: Vietnam War was result of “profound failure of diplomatic insight”. (2015, Aug 7).",
        ),
        (
            "(“Remarks On”, 2015)",
            "Remarks on U.S.-Vietnam: Looking to the future. (2015, Aug 7).",
        ),
        ("(Thayer, 2010)", "Thayer, C. A. (2010)."),
        (
            "(“John Kerry”, 2010)",
            "John Kerry: Normalization at fifteen: Progress and promise. (2010).",
        ),
    ];
    assert_eq!(resolved.len(), expected.len(), "{resolved:#?}");
    for ((citation, entry), (cited, begins)) in resolved.iter().zip(expected) {
        assert_eq!(*citation, cited);
        assert!(entry.starts_with(begins), "{cited} resolved to {entry}");
    }
    let liu = sources.list("liu-2016").expect("Liu's list");
    assert_eq!(liu.entries.len(), 14);
    assert!(liu.entries.iter().all(|e| (37..=63).contains(&e.line)));
    let foreign_affairs = sources.list("foreign-affairs").expect("listed");
    assert!(foreign_affairs.entries.is_empty());
    assert!(
        foreign_affairs
            .none
            .is_some_and(|why| why.contains("no list of references"))
    );
}

/// The notes and labels the issue found dropping a hedge, or stating an
/// inference as fact, keep the text's words; and Kerry's August visit is
/// on the timeline.
#[test]
fn the_data_file_keeps_its_texts_hedges() {
    let catalog = real_data().catalog;
    let note = |id: &str| {
        catalog
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.note)
            .unwrap_or_else(|| panic!("{id} has a note"))
    };
    assert!(
        note("us-favourability").contains("apparently")
            && note("us-favourability").contains("(Stokes, 2015)")
    );
    assert!(note("us-military-aid").contains("Apparently"));
    assert!(
        note("arms-embargo-age").contains("announced")
            && note("arms-embargo-age").contains("partially")
    );
    assert!(note("trong-beijing-visit-days").contains("official accounts"));
    assert!(note("defence-meeting-lead").contains("inferred"));
    let event = |label: &str| {
        catalog
            .timeline
            .events
            .iter()
            .find(|e| e.label.starts_with(label))
            .unwrap_or_else(|| panic!("an event {label:?}"))
    };
    assert!(
        event("\u{201c}The 2014 riots")
            .note
            .is_some_and(|n| n.contains("usually"))
    );
    let oil_rig = event("China’s oil rig").note.expect("a note");
    assert!(
        oil_rig.contains("Reportedly")
            && oil_rig.contains("by any reasonable reading")
            && oil_rig.contains("inferred")
    );
    assert!(
        !event("Carter in Hanoi")
            .label
            .contains("sign a procurement")
    );
    let kerry = event("Kerry, visiting Hanoi");
    assert_eq!((kerry.date.year, kerry.date.month), (2015, Some(8)));
    assert!(kerry.date_note.is_some());
}
