//! `cargo xtask dist`: builds the module (see `module`), bundles and
//! minifies the scripts and styles of `www/` with esbuild, and has the
//! product write the site around them (`site-writer`, see `writer`):
//!
//! - `index.html`, `offline.html` (one self-contained file), `embed.html`;
//! - `indicator-chart.js` (the element and the wasm-bindgen glue, one
//!   minified module) and `indicator-charts.<hash>.wasm`;
//! - `page.js`, `embed.js`, `embed-resize.js`, `page.css`, `embed.css`;
//! - `charts/<id>.svg`; `charts/<id>.html`, each chart's own page, with
//!   its share card `charts/<id>.png`, its citation `charts/<id>.csl.json`
//!   and (with `--base-url`) its oEmbed JSON `charts/<id>.oembed.json`;
//! - `data/`: `indicators.json`, `indicators.csv`, `events.csv`,
//!   `exclusions.csv` and `<id>.csv` for each chart;
//! - `integrity.json`: the hashes of the script and the module;
//! - beside each text asset and the module, `.br` and `.gz` versions;
//! - `npm/`: the element as an npm package, and its tarball (see `package`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::writer::run_writer;
use crate::{compress, data, module, package, root, run, say, tools};

pub struct DistOptions {
    pub out: PathBuf,
    /// The absolute URL the site will be served from, for the embed code it
    /// offers (by default the page's own address) and the chart pages'
    /// sharing metadata (left out without it).
    pub base_url: Option<String>,
}

/// The year of the last commit that changed `data/`: the date the charts'
/// citations give. A checkout without git history gets none ("n.d.").
fn data_year() -> Option<u16> {
    let output = Command::new("git")
        .args(["log", "-1", "--format=%cs", "--", "data"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    let date = String::from_utf8(output.stdout).ok()?;
    date.get(..4)?.parse().ok()
}

/// Builds the site; returns the output folder.
pub fn dist(options: &DistOptions) -> Result<PathBuf> {
    let started = Instant::now();
    // First, so that a mistake in the data file is reported alone, before
    // any compiler runs.
    data::check_repository()?;
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
    std::fs::create_dir_all(out)?;
    let module_file = module_file_name(&module.wasm);
    std::fs::write(out.join(&module_file), &module.wasm)?;
    let wasm_integrity = sri(&module.wasm);

    say("Bundling and minifying scripts and styles (esbuild)…");
    let www = root().join("www");
    let generated = Generated::write(&work)?;
    let esbuild = node_modules.join(".bin/esbuild");
    let bundle = |entry: &Path, outfile: &Path, extra: &[&str]| {
        esbuild_bundle(&esbuild, entry, outfile, extra)
    };
    let element = element_bundle_flags(&module.glue, &module_file, &wasm_integrity, &generated);
    let element: Vec<&str> = element.iter().map(String::as_str).collect();
    bundle(
        &www.join("element/index.js"),
        &out.join("indicator-chart.js"),
        &element,
    )?;
    // page.js imports the embed code's one source, www/embed-code.js.
    bundle(
        &www.join("page.js"),
        &out.join("page.js"),
        &["--bundle", "--format=esm"],
    )?;
    // The iframe page relays the element's events: it takes their names
    // from the surface table.
    bundle(
        &www.join("embed.js"),
        &out.join("embed.js"),
        &["--bundle", "--format=esm", &generated.surface_alias()],
    )?;
    bundle(
        &www.join("embed-resize.js"),
        &out.join("embed-resize.js"),
        &[],
    )?;
    for stylesheet in ["page.css", "embed.css"] {
        let with_theme = work.join(stylesheet);
        let authored = std::fs::read_to_string(www.join(stylesheet))?;
        let theme = std::fs::read_to_string(&generated.page_theme_css)?;
        std::fs::write(&with_theme, theme + &authored)?;
        bundle(&with_theme, &out.join(stylesheet), &[])?;
    }
    let script_integrity = sri(&std::fs::read(out.join("indicator-chart.js"))?);

    // offline.html: the element and the page's actions as one inline module.
    let entry = work.join("offline-entry.js");
    std::fs::write(
        &entry,
        format!(
            "import {:?};\nimport {:?};\n",
            www.join("element/index.js").display().to_string(),
            www.join("page.js").display().to_string()
        ),
    )?;
    let offline_script = work.join("offline.js");
    bundle(&entry, &offline_script, &element)?;

    say("Writing the pages, pictures and downloads…");
    let module_path = work.join("module.wasm");
    std::fs::write(&module_path, &module.wasm)?;
    let inputs = work.join("site-inputs.json");
    std::fs::write(
        &inputs,
        serde_json::json!({
            "out": out,
            "base_url": options.base_url,
            "script_integrity": script_integrity,
            "module_file": module_file,
            "module": module_path,
            "offline_script": offline_script,
            "page_css": out.join("page.css"),
            "data_year": data_year(),
        })
        .to_string(),
    )?;
    run_writer(&["site".as_ref(), inputs.as_os_str()])?;
    std::fs::write(
        out.join("integrity.json"),
        serde_json::to_string_pretty(&serde_json::json!({
            "indicator-chart.js": script_integrity,
            module_file.clone(): wasm_integrity,
        }))? + "\n",
    )?;

    say("Compressing (Brotli and gzip beside each asset)…");
    compress::precompress(out)?;
    report(out, &module_file)?;
    // After compressing: the package is not part of the site.
    let tarball = package::build(&package::Inputs {
        out: &out.join("npm"),
        esbuild: &esbuild,
        glue: &module.glue,
        wasm: &module.wasm,
        generated: &generated,
    })?;
    say(&format!(
        "npm package: {} ({} bytes)",
        tarball.display(),
        std::fs::metadata(&tarball)?.len()
    ));
    say(&format!(
        "Subresource Integrity of indicator-chart.js: {script_integrity}"
    ));
    say(&format!(
        "{} built in {:.1} s",
        out.display(),
        started.elapsed().as_secs_f64(),
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

/// The JavaScript modules the build generates from the Rust sources for
/// the element: its colours and typeface (`src/theme.rs`) and its public
/// surface's names and defaults (`src/package/surface.rs`).
pub struct Generated {
    pub theme: PathBuf,
    pub surface: PathBuf,
    /// The pages' colours as CSS custom properties (`src/theme.rs`).
    pub page_theme_css: PathBuf,
    /// The npm package's file names and the charts' ids.
    pub names: Names,
}

/// Names the viewer's crate defines, which the xtask uses.
pub struct Names {
    pub class_module: String,
    pub define_module: String,
    pub module_file: String,
    pub chart_ids: Vec<String>,
}

impl Generated {
    /// Writes both into `work`.
    pub fn write(work: &Path) -> Result<Generated> {
        std::fs::create_dir_all(work)?;
        run_writer(&["generated".as_ref(), work.as_os_str()])?;
        let names: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(work.join("names.json"))?)?;
        let text = |key: &str| {
            names[key]
                .as_str()
                .map(str::to_string)
                .with_context(|| format!("names.json has no \"{key}\""))
        };
        let chart_ids = names["chart_ids"]
            .as_array()
            .context("names.json has no \"chart_ids\"")?
            .iter()
            .filter_map(|id| id.as_str().map(str::to_string))
            .collect();
        Ok(Generated {
            theme: work.join("theme.js"),
            surface: work.join("surface.js"),
            page_theme_css: work.join("page-theme.css"),
            names: Names {
                class_module: text("class_module")?,
                define_module: text("define_module")?,
                module_file: text("module_file")?,
                chart_ids,
            },
        })
    }

    /// The esbuild flag that resolves `indicator-charts-surface`.
    pub fn surface_alias(&self) -> String {
        format!(
            "--alias:indicator-charts-surface={}",
            self.surface.display()
        )
    }

    /// The esbuild flags that resolve both, and the glue.
    pub fn aliases(&self, glue: &Path) -> Vec<String> {
        vec![
            format!("--alias:indicator-charts-glue={}", glue.display()),
            format!("--alias:indicator-charts-theme={}", self.theme.display()),
            self.surface_alias(),
        ]
    }
}

/// esbuild flags for the site's scripts that include the element: the
/// glue, the generated modules, the module's file name, and its hash,
/// which the element checks the `.wasm` it fetches against, so that the
/// script's own integrity hash vouches for the module too.
pub fn element_bundle_flags(
    glue: &Path,
    module_file: &str,
    wasm_integrity: &str,
    generated: &Generated,
) -> Vec<String> {
    let mut flags: Vec<String> = vec![
        "--bundle".into(),
        "--format=esm".into(),
        // Fields named `_like_this` are the element's own: short names for them.
        "--mangle-props=^_[a-zA-Z]".into(),
        format!("--define:__WASM_FILE__=\"{module_file}\""),
        format!("--define:__WASM_INTEGRITY__=\"{wasm_integrity}\""),
    ];
    flags.extend(generated.aliases(glue));
    flags
}

/// `indicator-charts.<hash>.wasm`: a name that changes whenever the bytes
/// do, so that hosts can cache the module for a year (see `_headers`).
pub fn module_file_name(wasm: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(wasm);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("indicator-charts.{hex}.wasm")
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

/// Prints the size of what a reader downloads, raw and as served ("—"
/// where a file is not compressed: PNGs already are).
fn report(out: &Path, module_file: &str) -> Result<()> {
    let size = |name: &str| std::fs::metadata(out.join(name)).map(|m| m.len()).ok();
    let files = [
        module_file,
        "indicator-chart.js",
        "page.js",
        "page.css",
        "index.html",
        "embed.html",
        "offline.html",
        "charts/gdp-growth-average.html",
        "charts/gdp-growth-average.png",
    ];
    let width = files.iter().map(|name| name.len()).max().unwrap_or(0);
    let shown = |bytes: Option<u64>| bytes.map_or("—".to_string(), |b| b.to_string());
    println!(
        "\n  {:<width$} {:>9} {:>9} {:>9}",
        "file", "bytes", "gzip", "brotli"
    );
    for name in files {
        println!(
            "  {:<width$} {:>9} {:>9} {:>9}",
            name,
            shown(size(name)),
            shown(size(&format!("{name}.gz"))),
            shown(size(&format!("{name}.br")))
        );
    }
    let embed = |suffix: &str| {
        size(&format!("{module_file}{suffix}")).unwrap_or(0)
            + size(&format!("indicator-chart.js{suffix}")).unwrap_or(0)
    };
    println!(
        "  an embedding page downloads {} bytes gzip, {} Brotli (indicator-chart.js + the module)\n",
        embed(".gz"),
        embed(".br")
    );
    Ok(())
}
