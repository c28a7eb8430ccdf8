//! The pages of the site, rendered from the templates in `www/` (compiled
//! in) with the compiled data: `index.html` (every chart, its quote and
//! citation, its static SVG inside the element until the canvas replaces
//! it), `offline.html` (the same page with scripts, styles and the module
//! inlined), and `embed.html` (one chart, for iframes).

use base64::Engine;
use minijinja::value::{Serde, Value};
use minijinja::{Environment, context};
use serde_json::json;

use super::{Inputs, Rendered, SiteError, exports};
use crate::model::{self, CATALOG, Chart};
use crate::words::date_label;

const INDEX: &str = include_str!("../../www/index.html");
const EMBED: &str = include_str!("../../www/embed.html");

/// Where a download link points: a file next to the page, or (offline) the
/// data itself as a `data:` URL.
enum Links {
    Files,
    Inline,
}

fn data_url(mime: &str, contents: &str) -> String {
    format!(
        "data:{mime};charset=utf-8;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(contents)
    )
}

/// Everything a page template needs about one chart.
fn chart_context(rendered: &Rendered, links: &Links) -> Result<serde_json::Value, SiteError> {
    let chart = rendered.chart;
    // The iframe's default height: the chart at article width, the link
    // line under it, and room for the canvas measuring a little wider.
    let iframe_height = (f64::from(rendered.scene.height) + 48.0).ceil() as u32;
    let id = chart.id();
    let (csv_href, svg_href) = match links {
        Links::Files => (format!("data/{id}.csv"), format!("charts/{id}.svg")),
        Links::Inline => (
            data_url("text/csv", &exports::chart_csv(chart)?),
            data_url("image/svg+xml", &rendered.svg),
        ),
    };
    let mut context = json!({
        "id": id,
        "title": chart.title(),
        "svg": rendered.svg,
        "iframe_height": iframe_height,
        "alt": crate::describe::alt_text(chart, &crate::format::ENGLISH),
        "picture_width": rendered.scene.width,
        "picture_height": rendered.scene.height,
        "csv_href": csv_href,
        "svg_href": svg_href,
    });
    let details = match chart {
        Chart::Indicator(indicator) => json!({
            "quote": indicator.quote,
            "citation": format!("Source: {} · {}", indicator.source, model::text(indicator.text).full_citation()),
        }),
        Chart::Timeline(timeline) => json!({
            "events": timeline.events.iter().map(|e| json!({
                "date": date_label(e.date, e.date_note.is_some()),
                "label": e.label,
                "quote": e.quote,
                "source": format!("Source: {} · {}{}", e.source, model::text(e.text).full_citation(),
                    e.date_note.map(|n| format!(". {n}")).unwrap_or_default()),
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
pub fn index(charts: &[Rendered], inputs: &Inputs<'_>, offline: bool) -> Result<String, SiteError> {
    let links = if offline { Links::Inline } else { Links::Files };
    let contexts = charts
        .iter()
        .map(|rendered| chart_context(rendered, &links))
        .collect::<Result<Vec<_>, _>>()?;
    let texts: Vec<_> = CATALOG
        .texts
        .iter()
        .map(|t| json!({ "citation": t.full_citation(), "note": t.note }))
        .collect();
    let downloads = match links {
        Links::Files => {
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
    let mut env = Environment::new();
    env.add_template("index.html", INDEX)?;
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
    Ok(env.get_template("index.html")?.render(context! {
        offline => offline,
        base_url => inputs.base_url,
        script_integrity => (!offline).then_some(inputs.script_integrity),
        module_file => inputs.module_file,
        charts => Value::from(Serde(&contexts)),
        texts => Value::from(Serde(&texts)),
        downloads => Value::from(Serde(&downloads)),
        page_css => page_css,
        script => script,
        wasm_base64 => wasm_base64,
    })?)
}

/// `embed.html`: one chart, chosen by the `indicator` query parameter; the
/// charts' titles are in the page, for the picture's alternative text and
/// the page's title before the module loads.
pub fn embed(charts: &[Rendered], inputs: &Inputs<'_>) -> Result<String, SiteError> {
    let titles: serde_json::Map<String, serde_json::Value> = charts
        .iter()
        .map(|r| (r.chart.id().to_string(), r.chart.title().into()))
        .collect();
    let mut env = Environment::new();
    env.add_template("embed.html", EMBED)?;
    Ok(env.get_template("embed.html")?.render(context! {
        titles => Value::from(Serde(&titles)),
        module_file => inputs.module_file,
    })?)
}
