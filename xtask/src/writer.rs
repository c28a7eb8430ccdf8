//! `site-writer` (xtask/site-writer), the program that writes what comes
//! from the viewer's crate and its baked data. The xtask does not link the
//! viewer's crate itself: the data is baked into it, so a mistake in the
//! data file would stop the xtask from compiling at all, before it could
//! check the file and say what is wrong (see `data`), or serve the last
//! good `dist/` with `--no-build`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use crate::{root, run};

/// Builds `site-writer` once per run; returns its path.
fn exe() -> Result<&'static PathBuf> {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    if let Some(exe) = EXE.get() {
        return Ok(exe);
    }
    run(Command::new(env!("CARGO")).current_dir(root()).args([
        "build",
        "--quiet",
        "-p",
        "site-writer",
    ]))
    .context("building site-writer")?;
    let exe = root()
        .join("target/debug/site-writer")
        .with_extension(std::env::consts::EXE_EXTENSION);
    Ok(EXE.get_or_init(|| exe))
}

/// Runs `site-writer <args>`; returns what it printed.
pub fn run_writer(args: &[&std::ffi::OsStr]) -> Result<String> {
    let output = Command::new(exe()?)
        .args(args)
        .output()
        .context("running site-writer")?;
    if !output.status.success() {
        bail!(
            "site-writer {:?} failed: {}",
            args,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8(output.stdout)?)
}
