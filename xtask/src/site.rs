//! The pages of `dist/`, rendered from the templates in `www/` with the
//! compiled data: `index.html` (every chart, its quote and citation, its
//! static SVG inside the element until the canvas replaces it) and
//! `offline.html` (the same page with scripts, styles and the WASM inlined).

use anyhow::{Context, Result};
use base64::Engine;
use indicator_charts::charts::{Options, date_label};
use indicator_charts::format::ENGLISH;
use indicator_charts::model::{Chart, TEXTS, Text, all_charts};
use indicator_charts::surface::svg;
use indicator_charts::theme::Theme;
use minijinja::value::{Serde, Value};
use minijinja::{Environment, context};
use serde_json::json;

use crate::root;

/// The width the static SVGs are laid out at, in CSS pixels: an article
/// column; they scale down to narrower screens.
pub const SVG_WIDTH: f64 = 640.0;

pub fn svg_options() -> Options {
    Options {
        width: SVG_WIDTH,
        height: None,
        scale: 1.0,
        theme: Theme::Light,
        locale: ENGLISH,
    }
}

/// "US-Vietnamese Reconciliation: …, Bojian Liu, Feb. 29, 2016".
pub fn full_citation(text: &Text) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = text.title {
        parts.push(format!("\u{201c}{title}\u{201d}"));
    }
    parts.extend(text.author.map(str::to_string));
    parts.extend(text.publication.map(str::to_string));
    parts.push(text.date.unwrap_or("undated").to_string());
    parts.join(", ")
}

/// Where a download link points: a file next to the page, or (offline) the
/// data itself as a `data:` URL.
pub enum Links {
    Files,
    Inline,
}

fn data_url(mime: &str, contents: &str) -> String {
    format!(
        "data:{mime};charset=utf-8;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(contents)
    )
}

/// Everything a page template needs about each chart.
fn chart_context(chart: Chart, links: &Links) -> Result<serde_json::Value> {
    let options = svg_options();
    let (svg, scene) = svg::render(chart, &options)
        .map_err(|e| anyhow::anyhow!("rendering {}: {e}", chart.id()))?;
    // The iframe's default height: the chart at article width, the link
    // line under it, and room for the canvas measuring a little wider.
    let iframe_height = (f64::from(scene.height) + 48.0).ceil() as u32;
    let id = chart.id();
    let (csv_href, svg_href) = match links {
        Links::Files => (format!("data/{id}.csv"), format!("charts/{id}.svg")),
        Links::Inline => (
            data_url("text/csv", &crate::export::chart_csv(chart)?),
            data_url("image/svg+xml", &svg),
        ),
    };
    let base = json!({
        "id": id,
        "title": chart.title(),
        "svg": svg,
        "iframe_height": iframe_height,
        "csv_href": csv_href,
        "svg_href": svg_href,
    });
    let details = match chart {
        Chart::Indicator(indicator) => json!({
            "quote": indicator.quote,
            "citation": format!("Source: {} · {}", indicator.source, full_citation(indicator.text)),
        }),
        Chart::Timeline(timeline) => json!({
            "events": timeline.events.iter().map(|e| json!({
                "date": date_label(e.date, e.date_note.is_some()),
                "label": e.label,
                "quote": e.quote,
                "source": format!("Source: {} · {}{}", e.source, full_citation(e.text),
                    e.date_note.map(|n| format!(". {n}")).unwrap_or_default()),
            })).collect::<Vec<_>>(),
            "citation": format!("Sources: as cited in each text · {}", TEXTS.iter().map(full_citation).collect::<Vec<_>>().join("; ")),
        }),
    };
    let mut merged = base;
    if let (Some(target), Some(extra)) = (merged.as_object_mut(), details.as_object()) {
        target.extend(extra.clone());
    }
    Ok(merged)
}

fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    let source =
        std::fs::read_to_string(root().join("www/index.html")).context("reading www/index.html")?;
    env.add_template_owned("index.html", source)?;
    Ok(env)
}

/// What differs between the served page and the offline one.
pub struct PageKind<'a> {
    pub offline: Option<OfflineAssets<'a>>,
    pub base_url: Option<&'a str>,
    /// For the served page: the embed script's hash, for the embed code
    /// it offers. (The module's own hash is checked by the script's fetch;
    /// a preload ignores one, with a console warning.)
    pub script_integrity: Option<&'a str>,
}

/// Inlined into offline.html.
pub struct OfflineAssets<'a> {
    pub css: &'a str,
    pub script: &'a str,
    pub wasm: &'a [u8],
}

pub fn index_page(kind: &PageKind<'_>) -> Result<String> {
    let links = if kind.offline.is_some() {
        Links::Inline
    } else {
        Links::Files
    };
    let charts = all_charts()
        .map(|c| chart_context(c, &links))
        .collect::<Result<Vec<_>>>()?;
    let texts: Vec<_> = TEXTS
        .iter()
        .map(|t| json!({ "citation": full_citation(t), "note": t.note }))
        .collect();
    let downloads = match links {
        Links::Files => {
            json!({ "json": "data/indicators.json", "csv": "data/indicators.csv", "events": "data/events.csv" })
        }
        Links::Inline => json!({
            "json": data_url("application/json", &crate::export::json()?),
            "csv": data_url("text/csv", &crate::export::indicators_csv(indicator_charts::model::INDICATORS.iter())?),
            "events": data_url("text/csv", &crate::export::events_csv()?),
        }),
    };
    let env = environment()?;
    let template = env.get_template("index.html")?;
    let (page_css, script, wasm_base64) = match &kind.offline {
        // `</script` inside an inline script would end it early.
        Some(assets) => (
            assets.css.to_string(),
            assets.script.replace("</script", "<\\/script"),
            base64::engine::general_purpose::STANDARD.encode(assets.wasm),
        ),
        None => Default::default(),
    };
    Ok(template.render(context! {
                offline => kind.offline.is_some(),
        base_url => kind.base_url,
                script_integrity => kind.script_integrity,
        charts => Value::from(Serde(&charts)),
        texts => Value::from(Serde(&texts)),
        downloads => Value::from(Serde(&downloads)),
        page_css => page_css,
        script => script,
        wasm_base64 => wasm_base64,
    })?)
}
