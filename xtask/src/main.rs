//! Build tasks, run as `cargo xtask <task>` (see `.cargo/config.toml`):
//!
//! - `dist`: the release WASM and the static site in `dist/`;
//! - `serve`: `dist`, then serve it at http://127.0.0.1:8000;
//! - `test`: every test — lint, native, WASM in headless Chromium, end to
//!   end, the npm package in Vite and React apps, the three engines
//!   (Chromium, Firefox, WebKit), reproducibility;
//! - `bench`: sizes and timings against Chart.js and uPlot;
//! - `integrity`: the embed script's Subresource Integrity hash and the
//!   embed code example, into the README;
//! - `check-data`: the data file's check alone.
//!
//! The module is built reproducibly (see `module`): the same sources give
//! the same bytes, and so the same published hash, on any machine.
//!
//! Each installs what it needs on first use (see `tools`).

mod bench;
mod compress;
mod data;
mod dist;
mod module;
mod package;
mod package_tests;
mod serve;
mod test;
mod tools;
mod wordpress;
mod writer;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Build, serve, test and benchmark the indicator-charts viewer")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build the release WASM and the static site into dist/.
    Dist {
        /// Output folder.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// The absolute URL the site will be served from: for the embed code the
        /// pages offer, and the chart pages' canonical, Open Graph and oEmbed
        /// addresses (left out without it).
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Build dist/ and serve it.
    Serve {
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Listen on every interface, not only 127.0.0.1.
        #[arg(long)]
        public: bool,
        /// Serve dist/ as it is, without building or checking the data (the
        /// last good build, while the data file is being fixed).
        #[arg(long)]
        no_build: bool,
    },
    /// Check the data file (and the texts it quotes) without building: one
    /// line per problem, and a non-zero exit if there is any.
    CheckData {
        /// The data file; the texts it quotes are read from beside it.
        #[arg(long, default_value = "data/indicators.toml")]
        file: PathBuf,
    },
    /// Build dist/ and write the embed script's Subresource Integrity hash, and the embed code example, into the README.
    Integrity,
    /// Measure sizes, load and redraw times and memory against Chart.js and uPlot.
    Bench {
        /// Measured rounds (after two warm-up rounds).
        #[arg(long, default_value_t = 7)]
        rounds: u32,
    },
    /// Run every test: lint, native tests, WASM tests in headless Chromium, end-to-end tests, the npm package in Vite and React apps, the three engines, reproducibility.
    Test {
        /// Run only this stage (repeatable): lint, native, wasm, end-to-end, package, engines, reproducible.
        #[arg(long = "stage", value_name = "STAGE")]
        stages: Vec<String>,
    },
}

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."))
}

/// Progress output, set apart from the tools' own.
pub fn say(message: &str) {
    println!("\x1b[1m==> {message}\x1b[0m");
}

/// Runs a command, failing with the command line if it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let status = command.status();
    let line = format!("{:?}", command).replace('"', "");
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => bail!("`{line}` failed ({status})"),
        Err(e) => bail!("could not run `{line}`: {e}"),
    }
}

fn main() {
    if let Err(error) = run_task(Cli::parse().task) {
        eprintln!("\x1b[1;31merror:\x1b[0m {error:#}");
        std::process::exit(1);
    }
}

fn run_task(task: Task) -> Result<()> {
    match task {
        Task::Dist { out, base_url } => {
            dist::dist(&dist::DistOptions {
                out: root().join(out),
                base_url,
            })?;
        }
        Task::Serve {
            port,
            public,
            no_build,
        } => {
            let out = root().join("dist");
            if !no_build {
                dist::dist(&dist::DistOptions {
                    out: out.clone(),
                    // Served only here, the site's address is known; served on
                    // every interface, readers reach it by a name we cannot tell.
                    base_url: (!public).then(|| format!("http://127.0.0.1:{port}/")),
                })?;
            }
            let host = if public { [0, 0, 0, 0] } else { [127, 0, 0, 1] };
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async move {
                let (address, serve) =
                    serve::bind(out, SocketAddr::from((host, port)), serve::Mode::AsDeployed)
                        .await?;
                say(&format!(
                    "Serving dist/ at http://{address}/ (Ctrl-C to stop)"
                ));
                tokio::select! {
                    result = serve => result?,
                    _ = tokio::signal::ctrl_c() => {}
                }
                anyhow::Ok(())
            })?;
        }
        Task::Test { stages } => test::all(&stages)?,
        Task::CheckData { file } => {
            data::check(&root().join(&file), &file.display().to_string())?;
            say(&format!("{} has no problems", file.display()));
        }
        Task::Bench { rounds } => bench::bench(rounds)?,
        Task::Integrity => {
            let out = dist::dist(&dist::DistOptions {
                out: root().join("dist"),
                base_url: None,
            })?;
            dist::publish_integrity(&out)?;
            // The README's embed example, from the source the button uses.
            run(Command::new("node")
                .arg(root().join("xtask/readme-embed.mjs"))
                .arg(&out)
                .arg(root().join("README.md")))?;
        }
    }
    Ok(())
}
