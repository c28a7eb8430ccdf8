//! The npm package of the element, written by `cargo xtask dist` into
//! `dist/npm/package/`, and its tarball, `dist/npm/indicator-charts-VERSION.tgz`
//! (`npm pack` of that folder). The scripts come from the same sources as
//! the site's `indicator-chart.js`, with two differences the build states
//! here: the module is `./indicator-charts.wasm`, found with
//! `new URL('./indicator-charts.wasm', import.meta.url)`, which bundlers
//! emit and rewrite; and the element does not check its hash (the site's
//! script does, so that the script's own hash vouches for the module).
//! `package.json`, the manifest, the type declarations and the README come
//! from `indicator_charts::package`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use indicator_charts::package::{self, CLASS_MODULE, DEFINE_MODULE, MODULE_FILE};

use crate::dist::Generated;
use crate::{root, run, say};

/// What the package is built from.
pub struct Inputs<'a> {
    /// `dist/npm`: the package folder and the tarball go in it.
    pub out: &'a Path,
    pub esbuild: &'a Path,
    /// wasm-bindgen's glue.
    pub glue: &'a Path,
    /// The optimised module.
    pub wasm: &'a [u8],
    pub generated: &'a Generated,
}

/// Writes the package and packs it; returns the tarball's path.
pub fn build(inputs: &Inputs<'_>) -> Result<PathBuf> {
    say("Writing the npm package (dist/npm)…");
    let folder = inputs.out.join("package");
    if inputs.out.exists() {
        std::fs::remove_dir_all(inputs.out)
            .with_context(|| format!("clearing {}", inputs.out.display()))?;
    }
    std::fs::create_dir_all(&folder)?;
    let www = root().join("www/element");

    // The class entry: the element, its module loader and the glue, one
    // module. Not minified (the application's bundler minifies it), but
    // the element's own `_fields` get short names as on the site.
    let mut class_flags: Vec<String> = vec![
        "--bundle".into(),
        "--format=esm".into(),
        "--mangle-props=^_[a-zA-Z]".into(),
        format!("--define:__WASM_FILE__=\"./{MODULE_FILE}\""),
        "--define:__WASM_INTEGRITY__=\"\"".into(),
    ];
    class_flags.extend(inputs.generated.aliases(inputs.glue));
    bundle(
        inputs.esbuild,
        &www.join("package.js"),
        &folder.join(CLASS_MODULE),
        &class_flags,
    )?;
    // The defining entry imports the class entry beside it.
    bundle(
        inputs.esbuild,
        &www.join("define.js"),
        &folder.join(DEFINE_MODULE),
        &[
            "--bundle".into(),
            "--format=esm".into(),
            format!("--external:./{CLASS_MODULE}"),
            inputs.generated.surface_alias(),
        ],
    )?;
    std::fs::write(folder.join(MODULE_FILE), inputs.wasm)?;
    package::write(&folder).map_err(|e| anyhow::anyhow!("{e}"))?;
    check_module_reference(&folder)?;
    for file in package::files() {
        if !folder.join(&file).is_file() {
            bail!("the package lists {file} in its files, but the build did not write it");
        }
    }
    pack(&folder, inputs.out)
}

/// esbuild without its minifier: the package's scripts stay readable.
fn bundle(esbuild: &Path, entry: &Path, outfile: &Path, flags: &[String]) -> Result<()> {
    run(Command::new(esbuild)
        .arg(entry)
        .args(["--target=es2022", "--log-level=warning"])
        .args(flags)
        .arg(format!("--outfile={}", outfile.display())))
}

/// The class entry must name the module in the one form every bundler
/// recognises: a literal relative URL resolved against `import.meta.url`.
fn check_module_reference(folder: &Path) -> Result<()> {
    let script = std::fs::read_to_string(folder.join(CLASS_MODULE))?;
    let literal = format!("new URL(\"./{MODULE_FILE}\", import.meta.url)");
    if !script.contains(&literal) {
        bail!(
            "{CLASS_MODULE} does not contain `{literal}`, which bundlers need to find the module; see www/element/module.js"
        );
    }
    Ok(())
}

/// `npm pack` of `folder` into `destination`; returns the tarball.
fn pack(folder: &Path, destination: &Path) -> Result<PathBuf> {
    let output = Command::new("npm")
        .args(["pack", "--json", "--loglevel=error", "--pack-destination"])
        .arg(destination)
        .current_dir(folder)
        .output()
        .context("running npm pack")?;
    if !output.status.success() {
        bail!(
            "npm pack failed in {}: {}",
            folder.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("reading npm pack's report")?;
    let name = report[0]["filename"]
        .as_str()
        .context("npm pack named no tarball")?;
    Ok(destination.join(name))
}

/// The tarball of the package `cargo xtask dist` built into `dist`.
pub fn tarball(dist: &Path) -> Result<PathBuf> {
    let folder = dist.join("npm");
    let found = std::fs::read_dir(&folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "tgz"));
    found.with_context(|| format!("no tarball in {}; run cargo xtask dist", folder.display()))
}
