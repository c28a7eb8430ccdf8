//! The static site `cargo xtask dist` writes: the pages readers open, the
//! downloads, and the static pictures of every chart. Native only; the
//! xtask builds the module and scripts, then hands them to [`write`].
//!
//! - `pages`: `index.html`, `offline.html` and `embed.html` from the
//!   templates in `www/`;
//! - `exports`: the data as JSON and CSV;
//! - `hosting`: `_headers`, what a host must send with each file.
//!
//! Each chart's SVG is rendered once per build and used everywhere.

pub mod exports;
pub mod hosting;
mod pages;

use std::path::Path;

use crate::layout::{Options, Scene};
use crate::model::{Chart, all_charts};
use crate::surface::svg;
use crate::theme::{DARK, LIGHT, Theme, css_custom_properties};

/// An error while writing the site, naming what was being written.
pub type SiteError = Box<dyn std::error::Error + Send + Sync>;

/// What the xtask built, for the pages to load or inline.
pub struct Inputs<'a> {
    /// Where the site will be served from, for the embed code it offers;
    /// by default the page's own address.
    pub base_url: Option<&'a str>,
    /// The embed script's Subresource Integrity hash.
    pub script_integrity: &'a str,
    /// The module's file name (it carries a hash of its bytes).
    pub module_file: &'a str,
    /// The module, for `offline.html`.
    pub module: &'a [u8],
    /// The element and the page's actions as one script, for `offline.html`.
    pub offline_script: &'a str,
    /// The page stylesheet (minified), for `offline.html`.
    pub page_css: &'a str,
}

/// The width the static pictures are laid out at, in CSS pixels: an
/// article column; they scale down to narrower screens.
pub const PICTURE_WIDTH: f64 = 640.0;

/// A chart with its static picture, rendered once per build.
pub struct Rendered {
    pub chart: Chart,
    pub svg: String,
    pub scene: Scene,
}

/// Every chart's SVG, laid out at [`PICTURE_WIDTH`] in the light theme.
pub fn render_all() -> Result<Vec<Rendered>, SiteError> {
    all_charts()
        .map(|chart| {
            let (svg, scene) = svg::render(chart, &Options::new(PICTURE_WIDTH, Theme::Light))
                .map_err(|e| format!("rendering {}: {e}", chart.id()))?;
            Ok(Rendered { chart, svg, scene })
        })
        .collect()
}

/// Writes the site into `out` (which must exist).
pub fn write(out: &Path, inputs: &Inputs<'_>) -> Result<(), SiteError> {
    let write = |path: &str, contents: &[u8]| -> Result<(), SiteError> {
        let path = out.join(path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| format!("writing {}: {e}", path.display()).into())
    };
    let charts = render_all()?;
    for rendered in &charts {
        let id = rendered.chart.id();
        write(&format!("charts/{id}.svg"), rendered.svg.as_bytes())?;
        write(
            &format!("data/{id}.csv"),
            exports::chart_csv(rendered.chart)?.as_bytes(),
        )?;
    }
    write("data/indicators.json", exports::json()?.as_bytes())?;
    write(
        "data/indicators.csv",
        exports::indicators_csv(crate::model::CATALOG.indicators.iter())?.as_bytes(),
    )?;
    write("data/events.csv", exports::events_csv()?.as_bytes())?;
    write("data/exclusions.csv", exports::exclusions_csv()?.as_bytes())?;
    write(
        "index.html",
        pages::index(&charts, inputs, false)?.as_bytes(),
    )?;
    write(
        "offline.html",
        pages::index(&charts, inputs, true)?.as_bytes(),
    )?;
    write("embed.html", pages::embed(&charts, inputs)?.as_bytes())?;
    write("_headers", hosting::headers_file().as_bytes())?;
    Ok(())
}

/// The palette as CSS for a page: `:root` custom properties for the light
/// theme, the dark theme's for readers who prefer it, and either fixed by
/// `<html data-theme="light|dark">` (an iframe's `theme` parameter).
pub fn page_theme_css() -> String {
    let (light, dark) = (css_custom_properties(&LIGHT), css_custom_properties(&DARK));
    format!(
        ":root {{ {light} }}\n\
         @media (prefers-color-scheme: dark) {{ :root:not([data-theme=\"light\"]) {{ {dark} }} }}\n\
         :root[data-theme=\"dark\"] {{ {dark} }}\n"
    )
}

/// The palette for the element's own stylesheet, as a JavaScript module
/// the element's bundle imports: `LIGHT` and `DARK` custom properties.
pub fn element_theme_module() -> String {
    let literal = |css: String| serde_json::Value::String(css).to_string();
    format!(
        "// Generated from src/theme.rs by the build. Do not edit.\nexport const LIGHT = {};\nexport const DARK = {};\n",
        literal(css_custom_properties(&LIGHT)),
        literal(css_custom_properties(&DARK))
    )
}
