//! The static site `cargo xtask dist` writes: the pages readers open, the
//! downloads, and the static pictures of every chart. Native only; the
//! xtask builds the module and scripts, then hands them to [`write`].
//!
//! - `pages`: `index.html`, `offline.html`, `embed.html` and each chart's
//!   own page `charts/ID.html` from the templates in `www/`;
//! - `cards`: each chart's share card, `charts/ID.png` (1200×630);
//! - `share`: the site's base URL, and each chart's oEmbed JSON
//!   `charts/ID.oembed.json` (only when the base URL is known);
//! - `exports`: the data as JSON and CSV;
//! - `cite`: each chart's citation (APA, BibTeX, CSL-JSON `charts/ID.csl.json`,
//!   and the chart page's `citation_*` tags);
//! - `hosting`: `_headers`, what a host must send with each file.
//!
//! Each chart's SVG and share card are rendered once per build.

pub mod boxes;
pub mod cards;
pub mod cite;
pub mod exports;
pub mod hosting;
mod pages;
pub mod pictures;
pub mod share;

use std::path::Path;

use crate::layout::{Options, Scene};
use crate::model::{Chart, all_charts};
use crate::surface::svg;
use crate::theme::{DARK, FONT_FAMILY, LIGHT, Theme, css_custom_properties};

/// An error while writing the site, naming what was being written.
pub type SiteError = Box<dyn std::error::Error + Send + Sync>;

/// The site's name, as pages, cards' metadata and oEmbed give it.
pub const SITE_NAME: &str = "US–Vietnam relations in figures";

/// What the xtask built, for the pages to load or inline.
pub struct Inputs<'a> {
    /// The absolute URL the site will be served from (`--base-url`), for
    /// the embed code it offers (by default the page's own address) and
    /// the addresses sharing needs (without it, left out).
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
    /// The year the data last changed, which the charts' citations give as
    /// their date ("n.d." without it).
    pub data_year: Option<u16>,
}

/// The width the static pictures are laid out at, in CSS pixels: an
/// article column; they scale down to narrower screens.
pub const PICTURE_WIDTH: f64 = 640.0;

/// A chart with its pictures, rendered once per build.
pub struct Rendered {
    pub chart: Chart,
    /// The chart laid out at [`PICTURE_WIDTH`], as a standalone SVG (the
    /// download), and its scene.
    pub svg: String,
    pub scene: Scene,
    /// The box pages give the chart before it is drawn.
    pub rule: &'static boxes::BoxRule,
    /// The picture pages show in that box (`pictures`).
    pub picture_svg: String,
}

impl Rendered {
    /// The height an iframe of the chart is given: the chart at article
    /// width, the link line under it, and room for the canvas measuring a
    /// little wider.
    pub fn iframe_height(&self) -> u32 {
        (f64::from(self.scene.height) + 48.0).ceil() as u32
    }
}

/// Every chart's SVG, laid out at [`PICTURE_WIDTH`] in the light theme,
/// and its responsive picture.
pub fn render_all() -> Result<Vec<Rendered>, SiteError> {
    all_charts()
        .map(|chart| {
            let failed = |e: crate::layout::ChartError| format!("rendering {}: {e}", chart.id());
            let (svg, scene) =
                svg::render(chart, &Options::new(PICTURE_WIDTH, Theme::Light)).map_err(failed)?;
            let rule = boxes::rule(chart.id()).map_err(failed)?;
            let picture_svg = pictures::responsive_svg(chart, rule).map_err(failed)?;
            Ok(Rendered {
                chart,
                svg,
                scene,
                rule,
                picture_svg,
            })
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
    // Checked first: a wrong address must not reach any page.
    let base = inputs.base_url.map(share::BaseUrl::parse).transpose()?;
    let charts = render_all()?;
    for rendered in &charts {
        let id = rendered.chart.id();
        write(&format!("charts/{id}.svg"), rendered.svg.as_bytes())?;
        write(&pictures::picture_path(id), rendered.picture_svg.as_bytes())?;
        write(&share::card_path(id), &cards::png(rendered.chart)?)?;
        write(
            &share::page_path(id),
            pages::chart_page(rendered, inputs, base.as_ref())?.as_bytes(),
        )?;
        if let Some(base) = &base {
            write(
                &share::oembed_path(id),
                share::oembed_json(rendered, base)?.as_bytes(),
            )?;
        }
        write(
            &format!("data/{id}.csv"),
            exports::chart_csv(rendered.chart)?.as_bytes(),
        )?;
        write(
            &share::csl_path(id),
            pages::csl_json(rendered.chart, inputs, base.as_ref())?.as_bytes(),
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
        pages::index(&charts, inputs, base.as_ref(), false)?.as_bytes(),
    )?;
    write(
        "offline.html",
        pages::index(&charts, inputs, base.as_ref(), true)?.as_bytes(),
    )?;
    write("embed.html", pages::embed(&charts, inputs)?.as_bytes())?;
    write("_headers", hosting::headers_file().as_bytes())?;
    Ok(())
}

/// The palette and typeface as CSS for a page: `:root` custom properties
/// for the light theme and the font (`--ic-font`), the dark theme's for
/// readers who prefer it, and either fixed by `<html data-theme="light|dark">`
/// (an iframe's `theme` parameter).
pub fn page_theme_css() -> String {
    let (light, dark) = (css_custom_properties(&LIGHT), css_custom_properties(&DARK));
    format!(
        ":root {{ --ic-font: {FONT_FAMILY}; {light} }}\n\
         @media (prefers-color-scheme: dark) {{ :root:not([data-theme=\"light\"]) {{ {dark} }} }}\n\
         :root[data-theme=\"dark\"] {{ {dark} }}\n"
    )
}

/// What the element's script takes from the Rust side, as a JavaScript
/// module its bundle imports: the palette and typeface for its stylesheet
/// (`LIGHT` and `DARK` custom properties, `FONT_FAMILY`), and each chart's
/// box (`BOXES`: the CSS length of its rule, see `boxes`) with the room
/// kept for the data table's line (`TABLE_LINE_ROOM`), so that an element
/// without a picture holds the same box as one with it.
pub fn element_theme_module() -> Result<String, SiteError> {
    let literal = |text: &str| serde_json::Value::String(text.to_string()).to_string();
    let boxes = boxes::all()?
        .iter()
        .map(|(id, rule)| format!("{}:{}", literal(id), literal(&rule.css())))
        .collect::<Vec<_>>()
        .join(",");
    Ok(format!(
        "// Generated from src/theme.rs and src/site/boxes.rs by the build. Do not edit.\n\
         export const LIGHT = {};\nexport const DARK = {};\nexport const FONT_FAMILY = {};\n\
         export const TABLE_LINE_ROOM = {};\nexport const BOXES = {{{}}};\n",
        literal(&css_custom_properties(&LIGHT)),
        literal(&css_custom_properties(&DARK)),
        literal(FONT_FAMILY),
        pictures::TABLE_LINE_ROOM,
        boxes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(base_url: Option<&str>) -> Inputs<'_> {
        Inputs {
            base_url,
            script_integrity: "sha384-test",
            module_file: "indicator-charts.0123456789abcdef.wasm",
            module: &[],
            offline_script: "",
            page_css: "",
            data_year: None,
        }
    }

    fn empty_folder(name: &str) -> std::path::PathBuf {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("target/site-tests")
            .join(name);
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("a folder under target/");
        folder
    }

    /// The pages' and the element's CSS are set in the typeface the native
    /// surfaces measure with: one stack, from the theme.
    #[test]
    fn the_pages_and_the_element_take_their_typeface_from_the_theme() {
        let quoted = serde_json::Value::String(FONT_FAMILY.into()).to_string();
        assert!(
            page_theme_css().contains(&format!("--ic-font: {FONT_FAMILY};")),
            "{}",
            page_theme_css()
        );
        assert!(
            element_theme_module()
                .expect("fits")
                .contains(&format!("export const FONT_FAMILY = {quoted};")),
            "{:?}",
            element_theme_module()
        );
        for stylesheet in ["page.css", "embed.css"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("www")
                .join(stylesheet);
            let css = std::fs::read_to_string(&path).expect("the stylesheet is in www/");
            assert!(
                !css.contains("Arial"),
                "{stylesheet} names a typeface; use var(--ic-font)"
            );
        }
    }

    #[test]
    fn a_wrong_base_url_stops_the_build_before_anything_is_written() {
        let out = empty_folder("wrong-base");
        let error = write(&out, &inputs(Some("example.com/figures"))).expect_err("refused");
        assert!(
            error
                .to_string()
                .starts_with("--base-url \"example.com/figures\""),
            "{error}"
        );
        assert_eq!(std::fs::read_dir(&out).expect("exists").count(), 0);
    }

    #[test]
    fn without_a_base_url_every_chart_has_a_page_and_a_card_but_no_oembed_file() {
        let out = empty_folder("no-base");
        write(&out, &inputs(None)).expect("writes");
        for chart in all_charts() {
            let id = chart.id();
            assert!(out.join(share::page_path(id)).is_file(), "{id}: page");
            assert!(out.join(share::card_path(id)).is_file(), "{id}: card");
            assert!(
                !out.join(share::oembed_path(id)).exists(),
                "{id}: an oEmbed file without addresses"
            );
        }
    }
}
