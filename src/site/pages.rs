//! The pages of the site, rendered from the templates in `www/` (compiled
//! in) with the compiled data: `index.html` (every chart, its quote and
//! citation, its static SVG inside the element until the canvas replaces
//! it), `offline.html` (the same page with scripts, styles and the module
//! inlined), `embed.html` (one chart, for iframes) and `charts/ID.html`
//! (one chart at its own address, with its sharing metadata). The pieces
//! index and chart pages share are macros in `www/parts.html`.

use base64::Engine;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, context, escape_formatter};
use serde_json::json;

use super::cards::{CARD_HEIGHT, CARD_WIDTH};
use super::cite::{Cited, Edition, cite};
use super::pictures::{PictureLinks, picture_html, picture_path};
use super::share::{BaseUrl, card_path, csl_path, oembed_path, page_path};
use super::{Inputs, Rendered, SITE_NAME, SiteError, exports};
use crate::describe::{alt_text, table};
use crate::format::ENGLISH;
use crate::model::{self, CATALOG, Chart, SOURCES};
use crate::surface::svg::escape;
use crate::words::date_label;

const TEMPLATES: [(&str, &str); 4] = [
    ("index.html", include_str!("../../www/index.html")),
    ("embed.html", include_str!("../../www/embed.html")),
    ("chart.html", include_str!("../../www/chart.html")),
    ("parts.html", include_str!("../../www/parts.html")),
];

/// Every template, parsed. Text printed into `.html` templates is escaped
/// for HTML, but `/` is left as it is (minijinja writes `&#x2f;`): crawlers
/// that read `og:image` and oEmbed links are not all HTML parsers, and
/// every attribute here is quoted with `"`, which is escaped.
fn environment() -> Result<Environment<'static>, SiteError> {
    let mut env = Environment::new();
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if *state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            out.write_str(&escape(text)).map_err(Error::from)
        }
        _ => escape_formatter(out, state, value),
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Where a page's links point: files of the site, from a page `root` away
/// from its root (`""` or `"../"`), or (offline) the data itself as `data:`
/// URLs, and the chart pages at the site's address if there is one.
enum Links {
    Files { root: &'static str },
    Inline,
}

fn data_url(mime: &str, contents: &str) -> String {
    format!(
        "data:{mime};charset=utf-8;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(contents)
    )
}

/// How a page's text names where a record's figure comes from, at length:
/// the entry of the text's list of references its source cites (verbatim,
/// with what a reader should know of it), or that the text cites none; and
/// the entries the note's own citations resolve to.
fn sourcing(text: &str, reference: Option<u16>, note: Option<&str>) -> serde_json::Value {
    let list = SOURCES.list(text);
    let entry = model::reference(text, reference);
    let uncited = match (entry, list.and_then(|l| l.none)) {
        (Some(_), _) => None,
        (None, Some(none)) => Some(none),
        (None, None) => Some("The text cites no source for this sentence."),
    };
    let note_entries: Vec<serde_json::Value> = note
        .map(|note| {
            SOURCES
                .citations
                .iter()
                .filter(|c| c.text == text && note.contains(c.as_written))
                .filter_map(|c| {
                    let entry = model::reference(text, Some(c.entry))?;
                    Some(json!({ "as_written": c.as_written, "entry": entry.entry, "note": entry.note }))
                })
                .collect()
        })
        .unwrap_or_default();
    json!({
        "entry": entry.map(|e| json!({ "entry": e.entry, "note": e.note })),
        "list_note": entry.and(list).and_then(|l| l.note),
        "uncited": uncited,
        "note_entries": note_entries,
    })
}

/// Everything a page template needs about one chart. `base` is the site's
/// address, if known, and `year` the data's, for the chart's citation.
fn chart_context(
    rendered: &Rendered,
    links: &Links,
    base: Option<&BaseUrl>,
    year: Option<u16>,
) -> Result<serde_json::Value, SiteError> {
    let chart = rendered.chart;
    let id = chart.id();
    let address = base.map(|base| base.join(&page_path(id)));
    let cited = citation(chart, base, year);
    let (csv_href, svg_href, csl_href, picture_src, permalink) = match links {
        Links::Files { root } => (
            format!("{root}data/{id}.csv"),
            format!("{root}charts/{id}.svg"),
            format!("{root}{}", csl_path(id)),
            format!("{root}{}", picture_path(id)),
            format!("{root}{}", page_path(id)),
        ),
        Links::Inline => (
            data_url("text/csv", &exports::chart_csv(chart)?),
            data_url("image/svg+xml", &rendered.svg),
            data_url(
                "application/vnd.citationstyles.csl+json",
                &csl_text(&cited.csl)?,
            ),
            data_url("image/svg+xml", &rendered.picture_svg),
            // A file opened from disk has no chart pages beside it.
            address.clone().unwrap_or_else(|| format!("#{id}")),
        ),
    };
    let alt = crate::describe::alt_text(chart, &ENGLISH);
    let picture = picture_html(
        rendered.rule,
        &alt,
        &PictureLinks {
            src: &picture_src,
            href: &permalink,
        },
    );
    let mut context = json!({
        "id": id,
        "title": chart.title(),
        "picture": picture,
        "table": table(chart, &ENGLISH),
        "iframe_height": rendered.iframe_height(),
        "csv_href": csv_href,
        "svg_href": svg_href,
        "permalink": permalink,
        "cite": {
            "apa_html": cited.apa_html,
            "bibtex": cited.bibtex,
            "csl_href": csl_href,
            "meta": cited.meta,
        },
    });
    let details = match chart {
        Chart::Indicator(indicator) => json!({
            "quote": indicator.quote,
            "citation": crate::words::sourced(indicator.source, indicator.reference, &model::text(indicator.text).full_citation()),
            "sourcing": sourcing(indicator.text, indicator.reference, indicator.note),
        }),
        Chart::Timeline(timeline) => json!({
            "events": timeline.events.iter().map(|e| json!({
                "date": date_label(e.date, e.date_note.is_some()),
                "label": e.label,
                "quote": e.quote,
                "source": format!("{}{}", crate::words::sourced(e.source, e.reference, &model::text(e.text).full_citation()),
                    e.date_note.map(|n| format!(". {n}")).unwrap_or_default()),
                "sourcing": sourcing(e.text, e.reference, e.note),
            })).collect::<Vec<_>>(),
            "citation": format!(
                "Sources: as cited in each text · {}",
                CATALOG.texts.iter().map(|t| t.full_citation()).collect::<Vec<_>>().join("; ")
            ),
        }),
    };
    if let (Some(target), Some(extra)) = (context.as_object_mut(), details.as_object()) {
        target.extend(extra.clone());
    }
    Ok(context)
}

/// `index.html`, or with `offline` the self-contained `offline.html`.
pub fn index(
    charts: &[Rendered],
    inputs: &Inputs<'_>,
    base: Option<&BaseUrl>,
    offline: bool,
) -> Result<String, SiteError> {
    let links = if offline {
        Links::Inline
    } else {
        Links::Files { root: "" }
    };
    // A duration drawn on the timeline as a bracket (or on a balance, as a
    // run of years) is listed with the chart that draws it, with its own
    // quote, table and downloads, not as a chart of its own (its chart
    // page and embed remain).
    let drawn_on = |rendered: &Rendered| match rendered.chart {
        Chart::Indicator(i) if i.span.is_some() => {
            Some(i.drawn_with.unwrap_or(CATALOG.timeline.id))
        }
        _ => None,
    };
    let mut contexts = Vec::new();
    for rendered in charts.iter().filter(|r| drawn_on(r).is_none()) {
        let mut context = chart_context(rendered, &links, base, inputs.data_year)?;
        let records = charts
            .iter()
            .filter(|r| drawn_on(r) == Some(rendered.chart.id()))
            .map(|r| chart_context(r, &links, base, inputs.data_year))
            .collect::<Result<Vec<_>, _>>()?;
        if let (Some(object), false) = (context.as_object_mut(), records.is_empty()) {
            object.insert("records".to_string(), json!(records));
        }
        contexts.push(context);
    }
    let texts: Vec<_> = CATALOG
        .texts
        .iter()
        .map(|t| {
            let list = SOURCES.list(t.id);
            json!({
                "citation": t.full_citation(),
                "note": t.note,
                "references": list.map(|l| l.entries.iter().map(|e| json!({ "entry": e.entry, "note": e.note })).collect::<Vec<_>>()),
                "references_note": list.and_then(|l| l.note),
                "no_references": list.and_then(|l| l.none),
            })
        })
        .collect();
    let downloads = match links {
        Links::Files { .. } => {
            json!({
                "json": "data/indicators.json",
                "csv": "data/indicators.csv",
                "events": "data/events.csv",
                "exclusions": "data/exclusions.csv",
            })
        }
        Links::Inline => json!({
            "json": data_url("application/json", &exports::json()?),
            "csv": data_url("text/csv", &exports::indicators_csv(CATALOG.indicators.iter())?),
            "events": data_url("text/csv", &exports::events_csv()?),
            "exclusions": data_url("text/csv", &exports::exclusions_csv()?),
        }),
    };
    let (page_css, script, wasm_base64) = if offline {
        (
            inputs.page_css.to_string(),
            // `</script` inside an inline script would end it early.
            inputs.offline_script.replace("</script", "<\\/script"),
            base64::engine::general_purpose::STANDARD.encode(inputs.module),
        )
    } else {
        Default::default()
    };
    Ok(environment()?
        .get_template("index.html")?
        .render(context! {
            offline => offline,
            base_url => base.map(BaseUrl::as_str),
            // offline.html copies the hosted embed code too, hash and preload included.
            script_integrity => inputs.script_integrity,
            module_file => inputs.module_file,
            charts => Value::from(Serde(&contexts)),
            texts => Value::from(Serde(&texts)),
            downloads => Value::from(Serde(&downloads)),
            page_css => page_css,
            script => script,
            wasm_base64 => wasm_base64,
        })?)
}

/// A CSL-JSON file: one item, in a list as citation managers expect.
fn csl_text(item: &serde_json::Value) -> Result<String, SiteError> {
    Ok(serde_json::to_string_pretty(&[item])? + "\n")
}

/// The chart's citation: its page's address, if the site's is known, and
/// the data's year.
fn citation(chart: Chart, base: Option<&BaseUrl>, year: Option<u16>) -> Cited {
    let address = base.map(|base| base.join(&page_path(chart.id())));
    cite(
        chart,
        &Edition {
            url: address.as_deref(),
            year,
        },
    )
}

/// `charts/ID.csl.json`: the chart's citation for citation managers.
pub fn csl_json(
    chart: Chart,
    inputs: &Inputs<'_>,
    base: Option<&BaseUrl>,
) -> Result<String, SiteError> {
    csl_text(&citation(chart, base, inputs.data_year).csl)
}

/// `embed.html`: one chart, chosen by the `indicator` query parameter; the
/// charts' titles are in the page, for the picture's alternative text and
/// the page's title before the module loads.
pub fn embed(charts: &[Rendered], inputs: &Inputs<'_>) -> Result<String, SiteError> {
    let titles: serde_json::Map<String, serde_json::Value> = charts
        .iter()
        .map(|r| (r.chart.id().to_string(), r.chart.title().into()))
        .collect();
    Ok(environment()?
        .get_template("embed.html")?
        .render(context! {
            titles => Value::from(Serde(&titles)),
            module_file => inputs.module_file,
        })?)
}

/// `charts/ID.html`: one chart at its own address, with its Open Graph,
/// Twitter card and oEmbed discovery metadata when the site's address is
/// known (they need absolute URLs; the page says what it leaves out).
pub fn chart_page(
    rendered: &Rendered,
    inputs: &Inputs<'_>,
    base: Option<&BaseUrl>,
) -> Result<String, SiteError> {
    let root = "../";
    let id = rendered.chart.id();
    let share = base.map(|base| {
        json!({
            "url": base.join(&page_path(id)),
            "card": base.join(&card_path(id)),
            "card_width": CARD_WIDTH,
            "card_height": CARD_HEIGHT,
            "oembed": base.join(&oembed_path(id)),
        })
    });
    let chart = chart_context(rendered, &Links::Files { root }, base, inputs.data_year)?;
    Ok(environment()?
        .get_template("chart.html")?
        .render(context! {
            root => root,
            site_name => SITE_NAME,
            chart => Value::from(Serde(&chart)),
            description => alt_text(rendered.chart, &ENGLISH),
            share => Value::from(Serde(&share)),
            card_href => format!("{root}{}", card_path(id)),
            base_url => base.map(BaseUrl::as_str),
            script_integrity => inputs.script_integrity,
            module_file => inputs.module_file,
        })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::render_all;

    const INPUTS: Inputs<'static> = Inputs {
        base_url: None,
        script_integrity: "sha384-test",
        module_file: "indicator-charts.0123456789abcdef.wasm",
        module: &[],
        offline_script: "",
        page_css: "",
        data_year: Some(2026),
    };

    fn rendered(id: &str) -> Rendered {
        render_all()
            .expect("renders")
            .into_iter()
            .find(|r| r.chart.id() == id)
            .expect("exists")
    }

    #[test]
    fn without_a_base_url_a_chart_page_says_what_it_leaves_out_and_writes_no_absolute_address() {
        let page = chart_page(&rendered("us-favourability"), &INPUTS, None).expect("renders");
        assert!(page.contains("Built without a base URL"), "{page}");
        for absent in [
            "property=\"og:url\"",
            "property=\"og:image",
            "rel=\"canonical\"",
            "name=\"twitter:",
            "rel=\"alternate\"",
            "name=\"indicator-charts-base\"",
        ] {
            assert!(
                !page.contains(absent),
                "{absent} written without a base URL"
            );
        }
        for absolute in ["href=\"http", "src=\"http", "content=\"http"] {
            assert!(!page.contains(absolute), "an absolute address: {absolute}");
        }
        assert!(page.contains("<meta property=\"og:title\" content=\"Vietnamese with a favourable view of the US\">"), "{page}");
        assert!(page.contains("<link rel=\"stylesheet\" href=\"../page.css\">"));
    }

    #[test]
    fn with_a_base_url_a_chart_page_gives_absolute_sharing_addresses() {
        let base = BaseUrl::parse("https://example.com/f").expect("valid");
        let page =
            chart_page(&rendered("us-favourability"), &INPUTS, Some(&base)).expect("renders");
        for expected in [
            "<link rel=\"canonical\" href=\"https://example.com/f/charts/us-favourability.html\">",
            "<meta property=\"og:url\" content=\"https://example.com/f/charts/us-favourability.html\">",
            "<meta property=\"og:image\" content=\"https://example.com/f/charts/us-favourability.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.com/f/charts/us-favourability.oembed.json\"",
            "<meta name=\"indicator-charts-base\" content=\"https://example.com/f/\">",
        ] {
            assert!(page.contains(expected), "missing {expected}");
        }
        assert!(!page.contains("Built without a base URL"));
    }

    #[test]
    fn a_chart_page_shows_the_entry_its_source_resolves_to_and_how_to_cite_it() {
        let base = BaseUrl::parse("https://example.com/f").expect("valid");
        let page =
            chart_page(&rendered("us-favourability"), &INPUTS, Some(&base)).expect("renders");
        for expected in [
            "In the text’s list of references: <span class=\"entry\">Global Indicator Database: Opinion of the United States. (2015). Retrieved from</span>",
            "Note: The text cites it as “Global Indicators Database”",
            "The note cites (Stokes, 2015): <span class=\"entry\">Stokes, B. (2015, Sept 2).",
            "<details class=\"cite\" open>",
            "<dd class=\"cite-apa\" id=\"us-favourability-apa\"><i>Vietnamese with a favourable view of the US</i>. (2026). [Chart of a figure from B. Liu",
            "<pre class=\"cite-bibtex\" id=\"us-favourability-bibtex\">@misc{us-vietnam-figures-us-favourability,",
            "<a href=\"../charts/us-favourability.csl.json\" download=\"us-favourability.csl.json\"",
            "<meta name=\"citation_title\" content=\"Vietnamese with a favourable view of the US\">",
            "<meta name=\"citation_fulltext_html_url\" content=\"https://example.com/f/charts/us-favourability.html\">",
        ] {
            assert!(page.contains(expected), "missing {expected}");
        }
        let uncited =
            chart_page(&rendered("china-sea-claim-area"), &INPUTS, None).expect("renders");
        assert!(
            uncited.contains(
                "<p class=\"reference\">The article, as copied, has no list of references"
            )
        );
    }

    #[test]
    fn the_index_links_each_chart_to_its_page() {
        let charts = render_all().expect("renders");
        let page = index(&charts, &INPUTS, None, false).expect("renders");
        for rendered in &charts {
            let id = rendered.chart.id();
            assert!(
                page.contains(&format!(
                    "<a href=\"charts/{id}.html\" class=\"permalink\">"
                )),
                "{id}"
            );
        }
        // A file opened from disk links within itself, or to the site if known.
        let offline = index(&charts, &INPUTS, None, true).expect("renders");
        assert!(offline.contains("<a href=\"#timeline\" class=\"permalink\">"));
        let base = BaseUrl::parse("https://example.com/").expect("valid");
        let offline = index(&charts, &INPUTS, Some(&base), true).expect("renders");
        assert!(
            offline.contains(
                "<a href=\"https://example.com/charts/timeline.html\" class=\"permalink\">"
            )
        );
    }
}
