//! The npm package of the element, written by `cargo xtask dist` into
//! `dist/npm/package/`, and its tarball, `dist/npm/indicator-charts-VERSION.tgz`
//! (`npm pack` of that folder). The scripts come from the same sources as
//! the site's `indicator-chart.js`, with two differences the build states
//! here: the module is `./indicator-charts.wasm`, found with
//! `new URL('./indicator-charts.wasm', import.meta.url)`, which bundlers
//! emit and rewrite; and the element does not check its hash (the site's
//! script does, so that the script's own hash vouches for the module).
//! `package.json`, the manifest, the type declarations and the README come
//! from `indicator_charts::package` (written by `site-writer`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::dist::Generated;
use crate::writer::run_writer;
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
    let names = &inputs.generated.names;
    let (class_module, define_module, module_file) = (
        &names.class_module,
        &names.define_module,
        &names.module_file,
    );

    // The class entry: the element, its module loader and the glue, one
    // module. Not minified (the application's bundler minifies it), but
    // the element's own `_fields` get short names as on the site.
    let mut class_flags: Vec<String> = vec![
        "--bundle".into(),
        "--format=esm".into(),
        "--mangle-props=^_[a-zA-Z]".into(),
        format!("--define:__WASM_FILE__=\"./{module_file}\""),
        "--define:__WASM_INTEGRITY__=\"\"".into(),
    ];
    class_flags.extend(inputs.generated.aliases(inputs.glue));
    bundle(
        inputs.esbuild,
        &www.join("package.js"),
        &folder.join(class_module),
        &class_flags,
    )?;
    // The defining entry imports the class entry beside it.
    bundle(
        inputs.esbuild,
        &www.join("define.js"),
        &folder.join(define_module),
        &[
            "--bundle".into(),
            "--format=esm".into(),
            format!("--external:./{class_module}"),
            inputs.generated.surface_alias(),
        ],
    )?;
    std::fs::write(folder.join(module_file), inputs.wasm)?;
    let files = run_writer(&["package".as_ref(), folder.as_os_str()])?;
    check_module_reference(&folder, class_module, module_file)?;
    for file in files.lines() {
        if !folder.join(file).is_file() {
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
fn check_module_reference(folder: &Path, class_module: &str, module_file: &str) -> Result<()> {
    let script = std::fs::read_to_string(folder.join(class_module))?;
    let literal = format!("new URL(\"./{module_file}\", import.meta.url)");
    if !script.contains(&literal) {
        bail!(
            "{class_module} does not contain `{literal}`, which bundlers need to find the module; see www/element/module.js"
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
