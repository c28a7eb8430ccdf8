//! `cargo xtask dist`: the release WASM (opt-level "z", LTO, wasm-bindgen
//! `--target web`, wasm-opt -Oz from binaryen ≥ 132) and the static site in
//! `dist/`:
//!
//! - `index.html`, `offline.html` (one self-contained file), `embed.html`;
//! - `indicator-chart.js` (the element and the wasm-bindgen glue, one
//!   minified module) and `indicator_charts_bg.wasm`;
//! - `page.js`, `embed.js`, `embed-resize.js`, `page.css`, `embed.css`;
//! - `charts/<id>.svg`, and `data/`: `indicators.json`, `indicators.csv`,
//!   `events.csv` and `<id>.csv` for each chart.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};
use indicator_charts::model::{INDICATORS, all_charts};
use indicator_charts::surface::svg;

use crate::site::{OfflineAssets, PageKind, index_page, svg_options};
use crate::{export, module, root, run, say, tools};

pub struct DistOptions {
    pub out: PathBuf,
    /// Where the site will be served from, for the embed code it offers;
    /// by default the page's own address.
    pub base_url: Option<String>,
}

/// Builds the site; returns the output folder.
pub fn dist(options: &DistOptions) -> Result<PathBuf> {
    let started = Instant::now();
    tools::ensure_wasm_target()?;
    let node_modules = tools::ensure_npm_packages()?;
    let out = &options.out;
    let work = root().join("target/dist-work");
    let module = module::build(
        &module::Build {
            source: root(),
            target_dir: root().join("target"),
            cargo_home: None,
            work: work.clone(),
        },
        &node_modules,
    )?;

    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("clearing {}", out.display()))?;
    }
    for dir in [out.clone(), out.join("data"), out.join("charts")] {
        std::fs::create_dir_all(&dir)?;
    }
    let optimised = out.join("indicator_charts_bg.wasm");
    std::fs::write(&optimised, &module.wasm)?;

    let wasm_integrity = sri(&std::fs::read(&optimised)?);

    say("Bundling and minifying scripts and styles (esbuild)…");
    let www = root().join("www");
    let esbuild = node_modules.join(".bin/esbuild");
    let bundle = |entry: &Path, outfile: &Path, extra: &[&str]| {
        esbuild_bundle(&esbuild, entry, outfile, extra)
    };
    let module = element_bundle_flags(&module.glue, &wasm_integrity);
    let module: Vec<&str> = module.iter().map(String::as_str).collect();
    bundle(
        &www.join("indicator-chart.js"),
        &out.join("indicator-chart.js"),
        &module,
    )?;
    bundle(&www.join("page.js"), &out.join("page.js"), &module)?;
    bundle(&www.join("embed.js"), &out.join("embed.js"), &module)?;
    bundle(
        &www.join("embed-resize.js"),
        &out.join("embed-resize.js"),
        &[],
    )?;
    bundle(&www.join("page.css"), &out.join("page.css"), &[])?;
    bundle(&www.join("embed.css"), &out.join("embed.css"), &[])?;
    let script_integrity = sri(&std::fs::read(out.join("indicator-chart.js"))?);
    std::fs::copy(www.join("embed.html"), out.join("embed.html"))?;
    std::fs::write(
        out.join("integrity.json"),
        serde_json::to_string_pretty(&serde_json::json!({
            "indicator-chart.js": script_integrity,
            "indicator_charts_bg.wasm": wasm_integrity,
        }))? + "\n",
    )?;

    say("Writing the data files and static SVGs…");
    std::fs::write(out.join("data/indicators.json"), export::json()?)?;
    std::fs::write(
        out.join("data/indicators.csv"),
        export::indicators_csv(INDICATORS.iter())?,
    )?;
    std::fs::write(out.join("data/events.csv"), export::events_csv()?)?;
    for chart in all_charts() {
        std::fs::write(
            out.join(format!("data/{}.csv", chart.id())),
            export::chart_csv(chart)?,
        )?;
        let (image, _) = svg::render(chart, &svg_options())
            .map_err(|e| anyhow::anyhow!("{}: {e}", chart.id()))?;
        std::fs::write(out.join(format!("charts/{}.svg", chart.id())), image)?;
    }

    say("Writing the pages…");
    let base_url = options.base_url.as_deref();
    std::fs::write(
        out.join("index.html"),
        index_page(&PageKind {
            offline: None,
            base_url,
            script_integrity: Some(&script_integrity),
        })?,
    )?;

    // offline.html: the element and the page's actions as one inline module.
    let entry = work.join("offline-entry.js");
    std::fs::write(
        &entry,
        format!(
            "import {:?};\nimport {:?};\n",
            www.join("indicator-chart.js").display().to_string(),
            www.join("page.js").display().to_string()
        ),
    )?;
    let offline_script = work.join("offline.js");
    bundle(&entry, &offline_script, &module)?;
    let offline = OfflineAssets {
        css: &std::fs::read_to_string(out.join("page.css"))?,
        script: &std::fs::read_to_string(&offline_script)?,
        wasm: &std::fs::read(&optimised)?,
    };
    std::fs::write(
        out.join("offline.html"),
        index_page(&PageKind {
            offline: Some(offline),
            base_url,
            script_integrity: None,
        })?,
    )?;

    report(out)?;
    say(&format!(
        "Subresource Integrity of indicator-chart.js: {script_integrity}"
    ));
    say(&format!(
        "dist/ built in {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        out.display()
    ));
    Ok(out.clone())
}

/// Minifies (and, with `--bundle`, bundles) one script or stylesheet.
pub fn esbuild_bundle(esbuild: &Path, entry: &Path, outfile: &Path, extra: &[&str]) -> Result<()> {
    run(Command::new(esbuild)
        .arg(entry)
        .args([
            "--minify",
            "--target=es2022",
            "--legal-comments=none",
            "--log-level=warning",
        ])
        .args(extra)
        .arg(format!("--outfile={}", outfile.display())))
}

/// esbuild flags for scripts that include the element: the glue, and the
/// module's hash, which the element checks the `.wasm` it fetches against,
/// so that the script's own integrity hash vouches for the module too.
pub fn element_bundle_flags(glue: &Path, wasm_integrity: &str) -> Vec<String> {
    vec![
        "--bundle".into(),
        "--format=esm".into(),
        format!("--alias:indicator-charts-glue={}", glue.display()),
        format!("--define:__WASM_INTEGRITY__=\"{wasm_integrity}\""),
    ]
}

/// Rewrites the README's Subresource Integrity block with the hash of the
/// embed script in `out`.
pub fn publish_integrity(out: &Path) -> Result<()> {
    let hash = sri(&std::fs::read(out.join("indicator-chart.js"))?);
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path)?;
    let (begin, end) = ("<!-- sri:begin -->", "<!-- sri:end -->");
    let (Some(start), Some(stop)) = (readme.find(begin), readme.find(end)) else {
        anyhow::bail!("README.md has no {begin} … {end} block");
    };
    let block = format!(
        "{begin}\n```html\n<script type=\"module\" src=\"https://YOUR-HOST/indicator-chart.js\"\n        integrity=\"{hash}\"\n        crossorigin=\"anonymous\"></script>\n```\n"
    );
    let updated = format!("{}{block}{}", &readme[..start], &readme[stop..]);
    if updated != readme {
        std::fs::write(&path, updated)?;
        say(&format!("README.md now publishes {hash}"));
    } else {
        say(&format!("README.md already publishes {hash}"));
    }
    Ok(())
}

/// `sha384-<base64>`, as the `integrity` attribute and `fetch` take it.
pub fn sri(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}

pub fn gzip_size(bytes: &[u8]) -> Result<usize> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// Prints the size of what a reader downloads.
fn report(out: &Path) -> Result<()> {
    println!("\n  {:<28} {:>10} {:>10}", "file", "bytes", "gzip -9");
    let files = [
        "indicator_charts_bg.wasm",
        "indicator-chart.js",
        "page.js",
        "page.css",
        "index.html",
        "embed.html",
        "offline.html",
    ];
    for name in files {
        let bytes = std::fs::read(out.join(name))?;
        println!(
            "  {:<28} {:>10} {:>10}",
            name,
            bytes.len(),
            gzip_size(&bytes)?
        );
    }
    let embed: usize = ["indicator_charts_bg.wasm", "indicator-chart.js"]
        .iter()
        .map(|name| {
            std::fs::read(out.join(name))
                .map_err(Into::into)
                .and_then(|b| gzip_size(&b))
        })
        .sum::<Result<usize>>()?;
    println!("  an embedding page downloads {embed} bytes gzip (indicator-chart.js + .wasm)\n");
    Ok(())
}
