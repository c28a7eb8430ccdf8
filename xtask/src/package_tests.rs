//! The `package` test stage: the npm package as a web developer uses it,
//! from the tarball `cargo xtask dist` packed for the end-to-end build.
//!
//! The consumer apps and checks are in `xtask/package/`, with their own
//! lock (Vite, React 19, TypeScript, Ajv and the manifest's schema, pinned
//! exactly). They are copied to `target/package-test/`, away from the
//! xtask's own `node_modules`, installed there once per lock (`npm ci`),
//! and the tarball is installed into them from its path (`npm install
//! --no-save`), as a developer would install a release. Then:
//!
//! 1. the manifest validates against the custom-elements-manifest schema;
//! 2. `tsc --noEmit --strict` accepts the consumer files (a React 19
//!    component and plain TypeScript), and rejects a misspelled attribute
//!    and a wrong `detail` field, each with the error it should give;
//! 3. `vite build` builds a plain Vite app and a React app, with no
//!    plugin or setting for the charts;
//! 4. Playwright (`xtask/package/apps.spec.mjs`) serves both builds and
//!    checks in Chromium that they draw with no console error, that the
//!    React app sees the events, and that a page can take the module from
//!    another host.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{Context, Result, bail};

use crate::{compress, package, root, run, say};

/// What the package stage tests against: the end-to-end build and its server.
pub struct Site<'a> {
    pub dist: &'a Path,
    pub url: &'a str,
    pub chromium: &'a Path,
    pub node_modules: &'a Path,
}

pub fn stage(site: &Site<'_>) -> Result<()> {
    let tarball = package::tarball(site.dist)?;
    say(&format!(
        "Testing the package {} ({} bytes) as a dependency",
        tarball.display(),
        std::fs::metadata(&tarball)?.len()
    ));
    let work = root().join("target/package-test");
    install(&work, &tarball)?;
    let bin = |name: &str| work.join("node_modules/.bin").join(name);

    run(Command::new("node")
        .arg("validate-manifest.mjs")
        .arg("node_modules/indicator-charts/custom-elements.json")
        .current_dir(&work))
    .context("the package's custom-elements.json")?;

    check_types(&bin("tsc"), &work)?;

    let apps = work.join("dist");
    for app in ["vite-app", "react-app"] {
        run(Command::new(bin("vite"))
            .args(["build", "--logLevel", "warn", "--emptyOutDir", "--outDir"])
            .arg(apps.join(app))
            .current_dir(work.join(app)))
        .with_context(|| format!("vite build of xtask/package/{app}"))?;
    }
    report_shipped(&apps.join("vite-app"))?;

    run(Command::new(site.node_modules.join(".bin/playwright"))
        .args(["test", "--config", "package/playwright.config.mjs"])
        .current_dir(root().join("xtask"))
        .env("WORK_DIR", &work)
        .env("CHARTS_URL", site.url)
        .env("DIST_DIR", site.dist)
        .env("CHROMIUM", site.chromium))
    .context("the consumer apps in Chromium (xtask/package/apps.spec.mjs)")
}

/// The files of `xtask/package/` the apps and checks need.
const FIXTURE: [&str; 6] = [
    "package.json",
    "package-lock.json",
    "validate-manifest.mjs",
    "vite-app",
    "react-app",
    "types",
];

/// Copies the fixture to `work`, installs its lock (when it changed) and
/// then the tarball.
fn install(work: &Path, tarball: &Path) -> Result<()> {
    let fixture = root().join("xtask/package");
    std::fs::create_dir_all(work)?;
    for name in FIXTURE {
        let target = work.join(name);
        if target.is_dir() {
            std::fs::remove_dir_all(&target)?;
        }
        copy(&fixture.join(name), &target)?;
    }
    let lock = std::fs::read(fixture.join("package-lock.json"))?;
    let stamp = work.join("node_modules/.xtask-lock");
    if !std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        say("Installing the consumer apps' packages (xtask/package/package-lock.json, npm ci)…");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(work))?;
        std::fs::write(&stamp, &lock)?;
    }
    run(Command::new("npm")
        .args([
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .arg(tarball)
        .current_dir(work))
    .context("installing the package's tarball")
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            if entry.file_name() == "node_modules" {
                continue;
            }
            copy(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        std::fs::copy(from, to)
            .map(|_| ())
            .with_context(|| format!("copying {}", from.display()))
    }
}

/// `tsc --noEmit --strict` on `files`, as a consumer's project would run it.
fn tsc(tsc: &Path, work: &Path, files: &[&str]) -> Result<Output> {
    Command::new(tsc)
        .args([
            "--noEmit",
            "--strict",
            "--jsx",
            "react-jsx",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "--lib",
            "es2022,dom,dom.iterable",
        ])
        .args(files)
        .current_dir(work)
        .output()
        .context("running tsc")
}

/// The consumer files type-check; each mistake fails with its own error.
fn check_types(tsc_path: &Path, work: &Path) -> Result<()> {
    say("Type-checking consumers of the package (tsc --noEmit --strict)…");
    let consumers = [
        "types/consumer.ts",
        "react-app/src/App.tsx",
        "react-app/src/main.tsx",
    ];
    let output = tsc(tsc_path, work, &consumers)?;
    if !output.status.success() {
        bail!(
            "tsc rejects the package's consumers ({}):\n{}",
            consumers.join(", "),
            String::from_utf8_lossy(&output.stdout)
        );
    }
    // Each file has exactly one mistake, which tsc must name.
    for (file, expected) in [
        (
            "types/misspelled-attribute.tsx",
            "Property 'indicatr' does not exist",
        ),
        (
            "types/wrong-detail.ts",
            "Property 'asWriten' does not exist on type 'IndicatorChartValueDetail'",
        ),
    ] {
        let output = tsc(tsc_path, work, &[file])?;
        let said = String::from_utf8_lossy(&output.stdout);
        let errors = said.matches("error TS").count();
        if output.status.success() || errors != 1 || !said.contains(expected) {
            bail!(
                "tsc should reject {file} with one error, \"{expected}…\"; it {}:\n{said}",
                if output.status.success() {
                    "accepted it".to_string()
                } else {
                    format!("gave {errors} error(s)")
                }
            );
        }
        say(&format!(
            "tsc rejects {file}: {}",
            said.lines().next().unwrap_or("")
        ));
    }
    Ok(())
}

/// Prints what a Vite production build ships for one chart, gzip -9.
fn report_shipped(app: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = Vec::new();
    let assets = app.join("assets");
    for entry in
        std::fs::read_dir(&assets).with_context(|| format!("reading {}", assets.display()))?
    {
        files.push(entry?.path());
    }
    files.sort();
    let mut total = 0;
    for file in &files {
        let bytes = std::fs::read(file)?;
        let gzip = compress::gzip(&bytes)?.len();
        total += gzip;
        say(&format!(
            "Vite app ships {}: {} bytes, {gzip} gzip",
            file.file_name().unwrap_or_default().to_string_lossy(),
            bytes.len()
        ));
    }
    say(&format!(
        "Vite app ships {total} bytes gzip for one chart (scripts and module, without its page)"
    ));
    Ok(())
}
