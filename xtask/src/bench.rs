//! `cargo xtask bench`: our viewer against Chart.js and uPlot drawing the
//! same four charts, measured in one headless Chromium run by
//! `xtask/bench/run.mjs` (sizes, time to charts-ready, redraw, memory, and
//! a page of 100 embedded charts), then time to charts-ready over emulated
//! slow 4G and cable connections, then Lighthouse's mobile audit of our
//! pages and uPlot's (`xtask/bench/lighthouse.mjs`). The peers and
//! Lighthouse come from the npm registry (`xtask/package.json`,
//! `xtask/bench/package.json`), not the repository. It prints tables and
//! writes `target/bench/results.json` and `target/bench/lighthouse.json`;
//! it asserts nothing.

use std::process::Command;

use anyhow::{Context, Result};

use crate::{compress, dist, root, run, say, serve, tools};

/// How many embedded charts the scale page has.
const MANY: usize = 100;

pub fn bench(rounds: u32) -> Result<()> {
    let browser = tools::ensure_chromium()?;
    let site = root().join("target/bench/site");
    dist::dist(&dist::DistOptions {
        out: site.clone(),
        base_url: None,
    })?;
    let node_modules = tools::ensure_npm_packages()?;

    say("Adding the benchmark pages and the peers (Chart.js, uPlot from npm)…");
    let bench = root().join("xtask/bench");
    for entry in std::fs::read_dir(&bench)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name != "run.mjs"
            && (name.ends_with(".html") || name.ends_with(".js") || name.ends_with(".css"))
        {
            std::fs::copy(&path, site.join(&name))?;
        }
    }
    let lib = site.join("lib");
    std::fs::create_dir_all(&lib)?;
    for file in [
        "chart.js/dist/chart.umd.min.js",
        "uplot/dist/uPlot.iife.min.js",
        "uplot/dist/uPlot.min.css",
    ] {
        let from = node_modules.join(file);
        let name = from.file_name().context("a file name")?.to_owned();
        std::fs::copy(&from, lib.join(name))
            .with_context(|| format!("copying {}", from.display()))?;
    }
    // The charts' ids, as the build just wrote them (see `dist::Generated`).
    let generated = dist::Generated::write(&root().join("target/dist-work"))?;
    std::fs::write(
        site.join("many.html"),
        many_page(&generated.names.chart_ids),
    )?;
    // Served as a host would serve them: every page's files precompressed.
    compress::precompress(&site)?;

    let url = serve::spawn(site, serve::Mode::AsDeployed)?;
    say(&format!(
        "Benchmarking at {url} ({rounds} rounds; about a minute)…"
    ));
    let out = root().join("target/bench/results.json");
    run(Command::new("node")
        .arg(bench.join("run.mjs"))
        .current_dir(root().join("xtask"))
        .env("BENCH_URL", &url)
        .env("BENCH_SITE", root().join("target/bench/site"))
        .env("BENCH_OUT", &out)
        .env("BENCH_ROUNDS", rounds.to_string())
        .env("CHROMIUM", &browser.chromium))?;

    // The pages run.mjs wrote (the pasted article, the bare one) are audited
    // too, so Lighthouse comes after it.
    tools::ensure_bench_packages()?;
    say("Lighthouse, mobile defaults, on our pages and uPlot's (about four minutes)…");
    run(Command::new("node")
        .arg(bench.join("lighthouse.mjs"))
        .current_dir(&bench)
        .env("BENCH_URL", &url)
        .env(
            "BENCH_LIGHTHOUSE_OUT",
            root().join("target/bench/lighthouse.json"),
        )
        .env("CHROMIUM", &browser.chromium))
}

/// A page embedding every chart again and again, 100 in all.
fn many_page(ids: &[String]) -> String {
    let charts: String = (0..MANY)
        .map(|i| {
            format!(
                "<indicator-chart indicator=\"{}\"></indicator-chart>\n",
                ids[i % ids.len()]
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Bench: {MANY} embedded charts</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"bench.css\">\n\
         <script type=\"module\" src=\"indicator-chart.js\"></script>\n</head>\n<body>\n<main>\n{charts}</main>\n</body>\n</html>\n"
    )
}
