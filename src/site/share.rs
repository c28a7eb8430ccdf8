//! What a shared chart is known by on other sites: the base URL the site is
//! served from (checked once), the absolute addresses built on it (a chart
//! page's canonical URL, its share card), and each chart's oEmbed JSON, the
//! static file a CMS finds through the chart page's discovery link.
//!
//! Open Graph and oEmbed need absolute URLs, and only `--base-url` knows
//! the site's address: without it none of these is written (the pages say
//! so in a comment), because a guessed address would be a wrong one.

use serde::Serialize;

use super::cards::{CARD_HEIGHT, CARD_WIDTH};
use super::{PICTURE_WIDTH, Rendered, SITE_NAME, SiteError};
use crate::surface::svg::escape;

/// The absolute `http(s)` address of the site's root, ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks `--base-url`: an absolute `http://` or `https://` address
    /// with a host, nothing that would need escaping in HTML, and no query
    /// or fragment (addresses are built by appending paths). A missing
    /// trailing `/` is added: `https://example.com/charts` is the folder.
    pub fn parse(url: &str) -> Result<BaseUrl, SiteError> {
        let wrong = |why: &str| -> SiteError {
            format!(
                "--base-url {url:?} {why}; give the absolute address the site is served from, \
                 such as https://example.com/vietnam-figures/"
            )
            .into()
        };
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| wrong("does not start with https:// or http://"))?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return Err(wrong("has no host"));
        }
        if let Some(c) = url
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`".contains(*c))
        {
            return Err(wrong(&format!("contains {c:?}")));
        }
        if url.contains(['?', '#']) {
            return Err(wrong("has a query or fragment"));
        }
        let mut base = url.to_string();
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(BaseUrl(base))
    }

    /// The site's root address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The absolute address of `path`, a path from the site's root.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// Paths from the site's root of what each chart is shared as.
pub fn page_path(id: &str) -> String {
    format!("charts/{id}.html")
}
pub fn card_path(id: &str) -> String {
    format!("charts/{id}.png")
}
pub fn oembed_path(id: &str) -> String {
    format!("charts/{id}.oembed.json")
}
pub fn csl_path(id: &str) -> String {
    format!("charts/{id}.csl.json")
}

/// An oEmbed 1.0 response of type `rich` (oembed.com, section 2.3.4).
#[derive(Debug, Serialize)]
struct OEmbed<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: &'static str,
    title: &'a str,
    provider_name: &'static str,
    provider_url: &'a str,
    /// The iframe "Copy iframe code" gives, at the width its height was
    /// computed for; it may shrink to a narrower column.
    html: String,
    width: u32,
    height: u32,
    thumbnail_url: String,
    thumbnail_width: u32,
    thumbnail_height: u32,
}

/// `rendered`'s oEmbed JSON, its iframe on the site at `base`.
pub fn oembed_json(rendered: &Rendered, base: &BaseUrl) -> Result<String, SiteError> {
    let chart = rendered.chart;
    let id = chart.id();
    let (width, height) = (PICTURE_WIDTH as u32, rendered.iframe_height());
    // WordPress (which discovers this file from any site) keeps only the
    // blockquote, links and the iframe's src, width, height, frameborder
    // and title, sandboxes the iframe and shows the blockquote until the
    // frame speaks its embed protocol (see embed.js); other consumers show
    // the blockquote's link above the chart, and our resize script sizes
    // the iframe. The iframe takes its column's width, at the height the
    // chart has at an article's width until the frame posts its own.
    let html = format!(
        "<blockquote class=\"indicator-chart-embed\"><a href=\"{page}\">{title}</a></blockquote>\n\
         <iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         frameborder=\"0\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>\n\
         <script src=\"{resize}\" crossorigin=\"anonymous\" async></script>",
        page = base.join(&page_path(id)),
        src = base.join(&format!("embed.html?indicator={id}")),
        title = escape(chart.title()),
        resize = base.join("embed-resize.js"),
    );
    let response = OEmbed {
        kind: "rich",
        version: "1.0",
        title: chart.title(),
        provider_name: SITE_NAME,
        provider_url: base.as_str(),
        html,
        width,
        height,
        thumbnail_url: base.join(&card_path(id)),
        thumbnail_width: CARD_WIDTH,
        thumbnail_height: CARD_HEIGHT,
    };
    Ok(serde_json::to_string_pretty(&response)
        .map_err(|e| format!("writing the oEmbed JSON of {id}: {e}"))?
        + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_is_an_absolute_folder_address() {
        let base = BaseUrl::parse("https://example.com/figures").expect("valid");
        assert_eq!(base.as_str(), "https://example.com/figures/");
        assert_eq!(
            base.join("charts/timeline.png"),
            "https://example.com/figures/charts/timeline.png"
        );
        let local = BaseUrl::parse("http://127.0.0.1:8000/").expect("valid");
        assert_eq!(local.as_str(), "http://127.0.0.1:8000/");
        for (url, why) in [
            (
                "example.com/figures/",
                "does not start with https:// or http://",
            ),
            ("/figures/", "does not start with"),
            ("https:///figures/", "has no host"),
            ("https://example.com/a b/", "contains ' '"),
            ("https://example.com/\"><script>", "contains '\"'"),
            ("https://example.com/?page=1", "has a query or fragment"),
        ] {
            let error = BaseUrl::parse(url).expect_err(url).to_string();
            assert!(error.contains(why), "{url}: {error}");
            assert!(
                error.contains("such as https://"),
                "{url}: says what would be right"
            );
        }
    }

    #[test]
    fn the_oembed_json_is_a_rich_response_with_absolute_addresses() {
        let base = BaseUrl::parse("https://example.com/figures/").expect("valid");
        let rendered = super::super::render_all()
            .expect("renders")
            .into_iter()
            .find(|r| r.chart.id() == "military-spending-rise")
            .expect("exists");
        let json: serde_json::Value =
            serde_json::from_str(&oembed_json(&rendered, &base).expect("writes")).expect("parses");
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["title"], rendered.chart.title());
        assert_eq!(json["provider_url"], "https://example.com/figures/");
        assert_eq!(
            json["thumbnail_url"],
            "https://example.com/figures/charts/military-spending-rise.png"
        );
        assert_eq!(
            (
                json["thumbnail_width"].as_u64(),
                json["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
        let (width, height) = (
            json["width"].as_u64().expect("a number"),
            json["height"].as_u64().expect("a number"),
        );
        let html = json["html"].as_str().expect("a string");
        // WordPress shows a blockquote first until the frame runs, and keeps
        // only frameborder to drop the border.
        assert!(
            html.starts_with("<blockquote class=\"indicator-chart-embed\"><a href=\"https://example.com/figures/charts/military-spending-rise.html\">"),
            "{html}"
        );
        assert!(
            html.contains("<iframe src=\"https://example.com/figures/embed.html?indicator=military-spending-rise\""),
            "{html}"
        );
        assert!(
            html.contains(&format!("height=\"{height}\" frameborder=\"0\"")),
            "{html}"
        );
        assert_eq!(
            width,
            super::super::PICTURE_WIDTH as u64,
            "the width the height was computed for"
        );
        assert!(height > 300, "the iframe has room for the chart: {height}");
    }
}
