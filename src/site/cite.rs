//! "Cite this chart": each chart as a work a reader can cite, in APA 7, in
//! BibTeX and as CSL-JSON (the format Zotero, Mendeley and citeproc read),
//! and the Highwire `citation_*` tags a chart page carries for Zotero and
//! Google Scholar. Each names the chart, the site, the article the figure
//! comes from and the figure's own source.
//!
//! The three are one record: the CSL-JSON item is the source, and the APA
//! text is what citeproc's APA style (the CSL project's `apa.csl`, as
//! citation-js bundles it) makes of it, word for word: an end-to-end test
//! renders APA from the page's CSL-JSON and BibTeX with citation-js and
//! compares it with what the page shows.
//!
//! A chart has no author. Its date is the year its data last changed (the
//! build is told it: see [`super::Inputs::data_year`]); without one it is
//! "n.d.".

use serde_json::{Value, json};

use super::SITE_NAME;
use crate::model::{self, Chart, Reference, Text};

/// One chart's citation in every form the pages offer.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    /// The CSL-JSON item.
    pub csl: Value,
    /// APA 7, as HTML (the title in italics, the address a link).
    pub apa_html: String,
    /// APA 7, as text.
    pub apa_text: String,
    pub bibtex: String,
    /// The Highwire `citation_*` tags: (name, content).
    pub meta: Vec<(&'static str, String)>,
}

/// Where and when: the chart page's absolute address, if the build knows
/// the site's, and the year of the data.
pub struct Edition<'a> {
    pub url: Option<&'a str>,
    pub year: Option<u16>,
}

/// The citation of `chart`.
pub fn cite(chart: Chart, edition: &Edition<'_>) -> Cited {
    let title = chart.title();
    let genre = description(chart);
    let mut csl = json!({
        "id": key(chart),
        "type": "graphic",
        "title": title,
        "genre": genre,
        "publisher": SITE_NAME,
    });
    if let Some(year) = edition.year {
        csl["issued"] = json!({ "date-parts": [[year]] });
    }
    if let Some(url) = edition.url {
        csl["URL"] = json!(url);
    }
    let date = edition
        .year
        .map_or_else(|| "n.d.".to_string(), |y| y.to_string());
    let rest = format!(". ({date}). [{genre}]. {SITE_NAME}.");
    // citeproc's APA writes an undated page's address after "Retrieved".
    let retrieved = if edition.year.is_some() {
        ""
    } else {
        "Retrieved "
    };
    let (url_text, url_html) = match edition.url {
        Some(url) => (
            format!(" {retrieved}{url}"),
            format!(" {retrieved}<a href=\"{0}\">{0}</a>", escape(url)),
        ),
        None => Default::default(),
    };
    Cited {
        apa_text: format!("{title}{rest}{url_text}"),
        apa_html: format!("<i>{}</i>{}{url_html}", escape(title), escape(&rest)),
        bibtex: bibtex(chart, &genre, edition),
        meta: meta(chart, edition),
        csl,
    }
}

/// The chart's key in BibTeX and id in CSL-JSON.
fn key(chart: Chart) -> String {
    format!("us-vietnam-figures-{}", chart.id())
}

/// What the chart is, in APA's brackets: a chart of a figure from an
/// article, and the figure's own source (or that the article cites none).
fn description(chart: Chart) -> String {
    match chart {
        Chart::Indicator(indicator) => {
            let article = article(model::text(indicator.text));
            match indicator.reference {
                Some(_) => format!(
                    "Chart of a figure from {article}, citing {}",
                    indicator.source
                ),
                None => format!("Chart of a figure from {article}, which cites no source for it"),
            }
        }
        Chart::Timeline(timeline) => {
            let mut articles: Vec<String> = Vec::new();
            for event in timeline.events {
                let named = article(model::text(event.text));
                if !articles.contains(&named) {
                    articles.push(named);
                }
            }
            format!(
                "Timeline of the dates cited by {}, with the sources each cites",
                articles.join(" and ")
            )
        }
    }
}

/// An article as a citation names it in passing: "B. Liu, “Title” (2016)",
/// or "an undated article in Foreign Affairs".
fn article(text: &Text) -> String {
    let year = text.date.and_then(year_of);
    match (text.author, text.title) {
        (Some(author), Some(title)) => {
            let when = year.map(|y| format!(" ({y})")).unwrap_or_default();
            format!("{}, \u{201c}{title}\u{201d}{when}", initialled(author))
        }
        _ => {
            let undated = if year.is_some() { "" } else { "undated " };
            let name = text.publication.or(text.title).unwrap_or("an unknown text");
            format!("an {undated}article in {name}")
        }
    }
}

/// "Bojian Liu" → "B. Liu".
fn initialled(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((surname, given)) if !given.is_empty() => {
            let initials: Vec<String> = given
                .iter()
                .filter_map(|g| g.chars().next())
                .map(|c| format!("{c}."))
                .collect();
            format!("{} {surname}", initials.join(" "))
        }
        _ => name.to_string(),
    }
}

/// The last four-digit year in a date as a text writes it ("Feb. 29, 2016").
fn year_of(date: &str) -> Option<u16> {
    date.split(|c: char| !c.is_ascii_digit())
        .rfind(|run| run.len() == 4)?
        .parse()
        .ok()
}

/// The BibTeX entry: `@misc`, which every BibTeX style knows, with the
/// description as its `type`; the title braced so that styles keep its case.
fn bibtex(chart: Chart, genre: &str, edition: &Edition<'_>) -> String {
    let mut fields = vec![
        ("title", format!("{{{}}}", latex(chart.title()))),
        ("type", latex(genre)),
        ("howpublished", latex(SITE_NAME)),
    ];
    if let Some(year) = edition.year {
        fields.push(("year", year.to_string()));
    }
    if let Some(url) = edition.url {
        fields.push(("url", url.to_string()));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {{{value}}},"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", key(chart), body.join("\n"))
}

/// Text for a BibTeX field: its special characters escaped; the rest is
/// UTF-8, which biber and BibTeX with `inputenc` read.
fn latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}

/// The Highwire Press tags (what Zotero's and Google Scholar's readers of a
/// page look for), with a `citation_reference` for the article and for the
/// figure's source.
fn meta(chart: Chart, edition: &Edition<'_>) -> Vec<(&'static str, String)> {
    let mut tags = vec![
        ("citation_title", chart.title().to_string()),
        ("citation_publisher", SITE_NAME.to_string()),
        ("citation_language", "en".to_string()),
    ];
    if let Some(year) = edition.year {
        tags.push(("citation_publication_date", year.to_string()));
    }
    if let Some(url) = edition.url {
        tags.push(("citation_fulltext_html_url", url.to_string()));
    }
    let (texts, entries): (Vec<&Text>, Vec<&Reference>) = match chart {
        Chart::Indicator(indicator) => (
            vec![model::text(indicator.text)],
            model::reference(indicator.text, indicator.reference)
                .into_iter()
                .collect(),
        ),
        Chart::Timeline(timeline) => {
            let mut texts: Vec<&Text> = Vec::new();
            for event in timeline.events {
                let text = model::text(event.text);
                if !texts.iter().any(|t| t.id == text.id) {
                    texts.push(text);
                }
            }
            (texts, Vec::new())
        }
    };
    for text in texts {
        let mut parts = Vec::new();
        if let Some(title) = text.title {
            parts.push(format!("citation_title={title}"));
        }
        if let Some(author) = text.author {
            parts.push(format!("citation_author={author}"));
        }
        if let Some(publication) = text.publication {
            parts.push(format!("citation_journal_title={publication}"));
        }
        if let Some(year) = text.date.and_then(year_of) {
            parts.push(format!("citation_publication_date={year}"));
        }
        tags.push(("citation_reference", parts.join("; ")));
    }
    for entry in entries {
        let mut parts = vec![format!("citation_title={}", reference_title(entry))];
        parts.extend(entry.authors.iter().map(|a| format!("citation_author={a}")));
        parts.push(format!("citation_publication_date={}", entry.year));
        tags.push(("citation_reference", parts.join("; ")));
    }
    tags
}

/// An entry's title: the one an entry without authors begins with, or what
/// follows an author's date up to "Retrieved from" or the journal.
fn reference_title(entry: &Reference) -> String {
    if let Some(title) = entry.title {
        return title.to_string();
    }
    let after = entry
        .entry
        .split_once("). ")
        .map_or(entry.entry, |(_, rest)| rest);
    let title = match after.strip_suffix("Retrieved from") {
        Some(web) => web.trim_end(),
        None => after.split_once(". ").map_or(after, |(title, _)| title),
    };
    title.trim_end_matches('.').to_string()
}

fn escape(text: &str) -> String {
    crate::surface::svg::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::find_chart;

    fn cited(id: &str, year: Option<u16>) -> Cited {
        let url = format!("https://example.com/charts/{id}.html");
        cite(
            find_chart(id).expect("exists"),
            &Edition {
                url: Some(&url),
                year,
            },
        )
    }

    #[test]
    fn a_chart_is_cited_with_its_site_article_and_source() {
        let gdp = cited("gdp-growth-average", Some(2026));
        assert_eq!(
            gdp.apa_text,
            "Vietnam\u{2019}s average GDP growth. (2026). [Chart of a figure from B. Liu, \u{201c}US-Vietnamese Reconciliation: Alliance of Convenience against China\u{201d} (2016), citing Trading Economics, 2016]. US\u{2013}Vietnam relations in figures. https://example.com/charts/gdp-growth-average.html"
        );
        assert_eq!(gdp.csl["type"], "graphic");
        assert_eq!(gdp.csl["issued"]["date-parts"][0][0], 2026);
        assert!(gdp.bibtex.starts_with("@misc{us-vietnam-figures-gdp-growth-average,\n  title = {{Vietnam\u{2019}s average GDP growth}},\n"));
        let uncited = cited("china-sea-claim-area", None);
        assert!(
            uncited.apa_text.contains("[Chart of a figure from an undated article in Foreign Affairs, which cites no source for it]. US\u{2013}Vietnam relations in figures. Retrieved https://"),
            "{}",
            uncited.apa_text
        );
        assert!(
            cited("military-spending-rise", None)
                .bibtex
                .contains("citing Hiebert \\& Nguyen, 2015")
        );
    }

    #[test]
    fn a_chart_page_tells_zotero_what_it_cites() {
        let gdp = cited("gdp-growth-average", Some(2026));
        let references: Vec<&str> = gdp
            .meta
            .iter()
            .filter(|(name, _)| *name == "citation_reference")
            .map(|(_, content)| content.as_str())
            .collect();
        assert_eq!(
            references,
            [
                "citation_title=US-Vietnamese Reconciliation: Alliance of Convenience against China; citation_author=Bojian Liu; citation_publication_date=2016",
                "citation_title=Trading economics: Vietnam GDP growth rate, 2000-2016; citation_publication_date=2016",
            ]
        );
        let boudreau = cited("defence-meeting-lead", None);
        assert!(boudreau.meta.contains(&(
            "citation_reference",
            "citation_title=Vietnam goes shopping for U.S. military hardware; citation_author=Boudreau; citation_publication_date=2015".to_string()
        )));
    }
}
