//! The WASM module and its JavaScript glue, built reproducibly: the same
//! sources give the same bytes on any machine, whatever the folder they are
//! in, the `CARGO_HOME` or the target folder.
//!
//! What could differ, and how it is pinned:
//! - the compiler: `rust-toolchain.toml` names the version;
//! - paths: rustc writes the source path of every panic location into the
//!   module, and dependencies' sources live under `$CARGO_HOME`, so a build
//!   as another user (another home) gave other bytes. Every such path is
//!   remapped to a fixed name (`--remap-path-prefix`);
//! - wasm-bindgen: the CLI is a library of this xtask (`wasm-bindgen-cli`),
//!   so `Cargo.lock` pins it and its whole dependency tree (walrus,
//!   wasm-encoder, …), where `cargo install` would take whatever is newest;
//! - wasm-opt and esbuild: npm packages pinned by `xtask/package-lock.json`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use wasm_bindgen_cli_support::Bindgen;

use crate::{run, say};

/// Where to build from and into.
pub struct Build<'a> {
    /// A checkout of the repository.
    pub source: &'a Path,
    /// Cargo's target folder.
    pub target_dir: PathBuf,
    /// `CARGO_HOME` for this build; `None` keeps the caller's.
    pub cargo_home: Option<PathBuf>,
    /// Scratch space for the glue.
    pub work: PathBuf,
}

/// What the build produced.
pub struct Module {
    /// The optimised module.
    pub wasm: Vec<u8>,
    /// wasm-bindgen's `--target web` glue (`indicator_charts.js`).
    pub glue: PathBuf,
}

/// wasm-opt's settings. `--converge` repeats -Oz until it gains nothing
/// (about 50 bytes gzip); `--low-memory-unused` lets it fold constant
/// addresses, true of Rust's layout, whose stack fills the first 128 KiB
/// from the top down (about 330 bytes). The `--enable-*` flags name the
/// features the Rust toolchain's wasm32 output uses; wasm-opt must be told,
/// or it rejects the module.
pub const WASM_OPT_FLAGS: [&str; 11] = [
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the release module, generates its glue and optimises it.
pub fn build(build: &Build<'_>, node_modules: &Path) -> Result<Module> {
    say("Building the WASM module (release)…");
    let cargo = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .current_dir(build.source)
            .env("CARGO_TARGET_DIR", &build.target_dir);
        if let Some(home) = &build.cargo_home {
            command.env("CARGO_HOME", home);
        }
        command
    };
    // Sources first, so that the folders to remap exist.
    run(&mut cargo(&[
        "fetch",
        "--quiet",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    run(cargo(&[
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "indicator-charts",
    ])
    .env("CARGO_ENCODED_RUSTFLAGS", encoded_rustflags(build)?))?;
    let wasm = build
        .target_dir
        .join("wasm32-unknown-unknown/release/indicator_charts.wasm");

    say("Generating the JavaScript bindings (wasm-bindgen --target web)…");
    let pkg = build.work.join("pkg");
    Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .generate(&pkg)
        .context("wasm-bindgen")?;

    say("Optimising the WASM (wasm-opt -Oz, binaryen from npm)…");
    let optimised = build.work.join("indicator_charts_opt.wasm");
    run(Command::new(node_modules.join(".bin/wasm-opt"))
        .arg(pkg.join("indicator_charts_bg.wasm"))
        .args(WASM_OPT_FLAGS)
        .arg("-o")
        .arg(&optimised))?;
    Ok(Module {
        wasm: std::fs::read(&optimised)?,
        glue: pkg.join("indicator_charts.js"),
    })
}

/// The flags that take machine-specific paths out of the module: the
/// checkout, the target folder and every registry or git source under
/// `CARGO_HOME` get fixed names. Later flags win, so the most specific
/// (deepest) prefixes come last.
fn encoded_rustflags(build: &Build<'_>) -> Result<String> {
    let cargo_home = match &build.cargo_home {
        Some(home) => home.clone(),
        None => home::cargo_home().context("finding CARGO_HOME")?,
    };
    let mut remaps: Vec<(PathBuf, String)> = vec![
        (build.source.to_path_buf(), "/indicator-charts".into()),
        (build.target_dir.clone(), "/indicator-charts/target".into()),
        (cargo_home.clone(), "/cargo".into()),
    ];
    // Sources unpack into registry/src/<index>-<hash>/, named after the
    // registry's address (as its download cache is): the whole folder is
    // renamed, so a mirror of crates.io gives the same bytes too.
    if let Ok(entries) = std::fs::read_dir(cargo_home.join("registry/cache")) {
        for entry in entries.flatten() {
            remaps.push((
                cargo_home.join("registry/src").join(entry.file_name()),
                "/cargo/registry/src".into(),
            ));
        }
    }
    if let Ok(entries) = std::fs::read_dir(cargo_home.join("git/checkouts")) {
        for entry in entries.flatten() {
            remaps.push((entry.path(), "/cargo/git/checkouts".into()));
        }
    }
    let mut flags: Vec<OsString> = Vec::new();
    for (from, to) in remaps {
        let mut flag = OsString::from("--remap-path-prefix=");
        flag.push(from.as_os_str());
        flag.push("=");
        flag.push(to);
        flags.push(flag);
    }
    let flags: Vec<String> = flags
        .into_iter()
        .map(|f| {
            f.into_string()
                .map_err(|f| anyhow::anyhow!("a path that is not UTF-8: {f:?}"))
        })
        .collect::<Result<_>>()?;
    Ok(flags.join("\x1f"))
}
