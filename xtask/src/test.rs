//! `cargo xtask test`: every test, in stages, each reported; the task fails
//! if any stage fails.
//!
//! 1. lint: `cargo fmt --check`, prettier --check and ESLint on the
//!    scripts, clippy `-D warnings` (native and wasm32);
//! 2. native: `cargo test --workspace` (data checks, layout, goldens, …);
//! 3. wasm: the crate's `wasm_bindgen_test`s in headless Chromium;
//! 4. end to end: `dist/` built into `target/e2e/dist`, served, and driven
//!    by Playwright (`xtask/e2e/*.spec.mjs`) in Debian's Chromium;
//! 5. package: that build's npm package installed by a Vite app and a React
//!    app, built and driven in Chromium, its types checked with `tsc`, its
//!    manifest with its schema (see `package_tests`);
//! 6. engines: the same build in Chromium, Firefox and WebKit, each through
//!    its own WebDriver (`xtask/engines/`): a smoke suite, and every page
//!    loaded ten times with no console error;
//! 7. reproducible: a second build elsewhere gives the same bytes.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::tools::{self, CHROMIUM_FLAGS};
use crate::{dist, module, package_tests, root, run, say, serve, wordpress};

/// The stages, in the order they run.
pub const STAGES: [&str; 7] = [
    "lint",
    "native",
    "wasm",
    "end-to-end",
    "package",
    "engines",
    "reproducible",
];

/// Runs the stages named in `only` (every stage when empty).
pub fn all(only: &[String]) -> Result<()> {
    if let Some(unknown) = only.iter().find(|s| !STAGES.contains(&s.as_str())) {
        bail!(
            "no test stage \"{unknown}\"; the stages are {}",
            STAGES.join(", ")
        );
    }
    let mut results: Vec<(&str, f64, Result<()>)> = Vec::new();
    let mut stage = |name: &'static str, task: &dyn Fn() -> Result<()>| {
        if !only.is_empty() && !only.iter().any(|s| s == name) {
            return;
        }
        say(&format!("Test stage: {name}"));
        let started = Instant::now();
        let result = task();
        if let Err(e) = &result {
            eprintln!("\x1b[1;31mstage {name} failed:\x1b[0m {e:#}");
        }
        results.push((name, started.elapsed().as_secs_f64(), result));
    };
    stage("lint", &lint_stage);
    stage("native", &native_stage);
    stage("wasm", &wasm_stage);
    stage("end-to-end", &end_to_end_stage);
    stage("package", &package_stage);
    stage("engines", &engines_stage);
    stage("reproducible", &reproducible_stage);

    println!();
    for (name, seconds, result) in &results {
        let verdict = if result.is_ok() {
            "\x1b[32mpassed\x1b[0m"
        } else {
            "\x1b[31mFAILED\x1b[0m"
        };
        println!("  {name:<12} {verdict} ({seconds:.0} s)");
    }
    let failed = results.iter().filter(|(_, _, r)| r.is_err()).count();
    if failed > 0 {
        bail!("{failed} test stage(s) failed");
    }
    say("Every test passed.");
    Ok(())
}

fn cargo() -> Command {
    let mut command = Command::new(env!("CARGO"));
    command.current_dir(root());
    command
}

/// The scripts ESLint and prettier check, from the repository's root.
const SCRIPTS: [&str; 9] = [
    "www/**/*.js",
    "xtask/e2e/*.mjs",
    "xtask/package/*.mjs",
    "xtask/package/vite-app/*.js",
    "xtask/package/react-app/*.js",
    "xtask/engines/*.mjs",
    "xtask/bench/*.mjs",
    "xtask/bench/*.js",
    "xtask/*.mjs",
];

/// TypeScript that prettier checks (ESLint here reads JavaScript only):
/// the package's consumers.
const TYPESCRIPT: [&str; 3] = [
    "xtask/package/react-app/src/*.tsx",
    "xtask/package/types/*.ts",
    "xtask/package/types/*.tsx",
];

fn lint_stage() -> Result<()> {
    tools::ensure_wasm_target()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    let node_modules = tools::ensure_npm_packages()?;
    run(Command::new(node_modules.join(".bin/prettier"))
        .args(["--config", "xtask/prettier.config.mjs", "--check"])
        .args(SCRIPTS)
        .args(TYPESCRIPT)
        .current_dir(root()))
    .context("prettier: run `xtask/node_modules/.bin/prettier --config xtask/prettier.config.mjs --write` on the files it names")?;
    run(Command::new(node_modules.join(".bin/eslint"))
        .args(["--config", "xtask/eslint.config.mjs"])
        .args(SCRIPTS)
        .current_dir(root()))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "indicator-charts",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn native_stage() -> Result<()> {
    run(cargo().args(["test", "--workspace"]))
}

fn wasm_stage() -> Result<()> {
    tools::ensure_wasm_target()?;
    let browser = tools::ensure_chromium()?;
    let work = root().join("target/wasm-test");
    let profile = work.join("chromium-profile");
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile)?;
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let capabilities = serde_json::json!({
        "goog:chromeOptions": { "binary": browser.chromium, "args": args }
    });
    let webdriver_json = work.join("webdriver.json");
    std::fs::write(
        &webdriver_json,
        serde_json::to_string_pretty(&capabilities)?,
    )?;
    run(cargo()
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "indicator-charts",
            "--lib",
        ])
        // wasm-bindgen's test runner, compiled at the version Cargo.lock pins
        // (a crate of its own, so that `serve` and `dist` never build it).
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner()?)
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60"))
}

/// Builds `wasm-test-runner` and returns its path, as cargo's `runner`
/// setting reads it (split at spaces).
fn runner() -> Result<String> {
    say("Building wasm-bindgen's test runner (first time: a few minutes)…");
    run(cargo().args(["build", "-p", "wasm-test-runner"]))?;
    let exe = root()
        .join("target/debug/wasm-test-runner")
        .with_extension(std::env::consts::EXE_EXTENSION);
    let exe = exe
        .to_str()
        .filter(|path| !path.contains(' '))
        .with_context(|| {
            format!(
                "the runner's path {} has a space or is not UTF-8; move the checkout",
                exe.display()
            )
        })?;
    Ok(exe.to_string())
}

/// The build the browser stages test, `target/e2e/dist`, and the servers
/// serving it (as deployed, and plainly): made once per run, so that the
/// engines stage tests what end to end tested. The servers start first so
/// that the build knows its address: chart pages' Open Graph and oEmbed
/// metadata need absolute URLs (`--base-url`). They read files as they are
/// asked for, so they serve the build made after them.
struct TestSite {
    out: PathBuf,
    url: String,
    plain_url: String,
    /// The random loopback address `url` is on, at port 8080: one a
    /// WordPress on the same address fetches oEmbed from (see `wordpress`).
    loopback: std::net::Ipv4Addr,
}

static TEST_SITE: OnceLock<TestSite> = OnceLock::new();

fn test_site() -> Result<&'static TestSite> {
    if let Some(site) = TEST_SITE.get() {
        say(&format!(
            "Testing the build made for end to end ({}, served at {})",
            site.out.display(),
            site.url
        ));
        return Ok(site);
    }
    let out = root().join("target/e2e/dist");
    let loopback = wordpress::random_loopback();
    let url = serve::spawn_at(
        out.clone(),
        serve::Mode::AsDeployed,
        std::net::SocketAddr::from((loopback, 8080)),
    )
    .context(
        "the test build is served on port 8080 (WordPress fetches oEmbed only from ports 80, \
         443 and 8080), at a random loopback address: stop the server listening on 0.0.0.0:8080",
    )?;
    // The same files from a server that sends no extra headers, as a bare
    // static host would: what breaks there is what the README warns of.
    let plain_url = serve::spawn(out.clone(), serve::Mode::Plain)?;
    dist::dist(&dist::DistOptions {
        out: out.clone(),
        base_url: Some(url.clone()),
    })?;
    check_size_budget(&out)?;
    say(&format!(
        "Serving the test build at {url} (and plainly at {plain_url})"
    ));
    Ok(TEST_SITE.get_or_init(|| TestSite {
        out,
        url,
        plain_url,
        loopback,
    }))
}

fn end_to_end_stage() -> Result<()> {
    let browser = tools::ensure_chromium()?;
    let TestSite {
        out,
        url,
        plain_url,
        loopback,
    } = test_site()?;
    let node_modules = tools::ensure_npm_packages()?;
    // Stopped when this stage ends.
    let wordpress = wordpress::start(*loopback)?;
    run(Command::new(node_modules.join(".bin/playwright"))
        .args(["test", "--config", "e2e/playwright.config.mjs"])
        .current_dir(root().join("xtask"))
        .env("CHARTS_URL", url)
        .env("PLAIN_CHARTS_URL", plain_url)
        .env("DIST_DIR", out)
        .env("CHROMIUM", &browser.chromium)
        .env("WORDPRESS_URL", &wordpress.url)
        .env("WORDPRESS_HOST", &wordpress.host))
    .context("end-to-end tests (xtask/e2e)")
}

/// The npm package of the end-to-end build, as web developers use it.
fn package_stage() -> Result<()> {
    let browser = tools::ensure_chromium()?;
    let site = test_site()?;
    let node_modules = tools::ensure_npm_packages()?;
    package_tests::stage(&package_tests::Site {
        dist: &site.out,
        url: &site.url,
        chromium: &browser.chromium,
        node_modules: &node_modules,
    })
}

/// Fails when the module or the embed script has grown past its budget in
/// `xtask/size-budget.toml` (gzip -9 bytes, as written beside each file by
/// the build), printing the sizes and the budgets.
fn check_size_budget(out: &std::path::Path) -> Result<()> {
    let path = root().join("xtask/size-budget.toml");
    let budget: toml::Table = toml::from_str(&std::fs::read_to_string(&path)?)
        .with_context(|| format!("reading {}", path.display()))?;
    let limit = |key: &str| {
        budget
            .get(key)
            .and_then(toml::Value::as_integer)
            .with_context(|| format!("{} has no {key}", path.display()))
    };
    let integrity = std::fs::read_to_string(out.join("integrity.json"))?;
    let module = serde_json::from_str::<serde_json::Value>(&integrity)?
        .as_object()
        .and_then(|o| o.keys().find(|k| k.ends_with(".wasm")).cloned())
        .context("integrity.json names no module")?;
    let gzip_size = |name: &str| -> Result<i64> {
        let file = out.join(format!("{name}.gz"));
        Ok(std::fs::metadata(&file)
            .with_context(|| format!("reading {}", file.display()))?
            .len() as i64)
    };
    let mut over = Vec::new();
    for (name, key) in [
        (module.as_str(), "module_gzip"),
        ("indicator-chart.js", "script_gzip"),
    ] {
        let (size, limit) = (gzip_size(name)?, limit(key)?);
        say(&format!(
            "{name}: {size} bytes gzip (budget {limit}, {key})"
        ));
        if size > limit {
            over.push(format!("{name} is {size} bytes gzip, over its budget of {limit} ({key} in xtask/size-budget.toml) by {}", size - limit));
        }
    }
    if !over.is_empty() {
        bail!("{}", over.join("; "));
    }
    Ok(())
}

/// The engines the engines stage drives: all three, or those `ENGINES`
/// names (comma-separated), for a quicker run while working on one.
fn engines() -> Result<Vec<String>> {
    const ALL: [&str; 3] = ["chromium", "firefox", "webkit"];
    let Ok(list) = std::env::var("ENGINES") else {
        return Ok(ALL.map(String::from).to_vec());
    };
    let names: Vec<String> = list
        .split(',')
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        bail!("ENGINES is empty; name some of {}", ALL.join(", "));
    }
    if let Some(unknown) = names.iter().find(|name| !ALL.contains(&name.as_str())) {
        bail!(
            "ENGINES names \"{unknown}\"; the engines are {}",
            ALL.join(", ")
        );
    }
    Ok(names)
}

/// The smoke suite and the repeated loads (`xtask/engines/engines.mjs`) in
/// Chromium, Firefox and WebKit, against the end-to-end stage's build.
fn engines_stage() -> Result<()> {
    let engines = engines()?;
    let mut command = Command::new("node");
    command
        .arg("engines/engines.mjs")
        .current_dir(root().join("xtask"))
        .env("ENGINES", engines.join(","));
    for engine in &engines {
        match engine.as_str() {
            "chromium" => {
                let browser = tools::ensure_chromium()?;
                command
                    .env("CHROMIUM", &browser.chromium)
                    .env("CHROMEDRIVER", &browser.chromedriver)
                    .env("CHROMIUM_ARGS", serde_json::to_string(&CHROMIUM_FLAGS)?);
            }
            "firefox" => {
                let browser = tools::ensure_firefox()?;
                command
                    .env("FIREFOX", &browser.firefox)
                    .env("GECKODRIVER", &browser.geckodriver);
            }
            "webkit" => {
                let browser = tools::ensure_webkit()?;
                command
                    .env("WEBKIT_DRIVER", &browser.driver)
                    .env("MINIBROWSER", &browser.mini_browser)
                    .env("XVFB_RUN", &browser.xvfb_run);
            }
            other => bail!("no engine \"{other}\""),
        }
    }
    tools::ensure_npm_packages()?;
    let site = test_site()?;
    run(command
        .env("CHARTS_URL", &site.url)
        .env("DIST_DIR", &site.out))
        .context("engines suite (xtask/engines/engines.mjs); ENGINES=firefox (or chromium, webkit) runs one engine")
}

/// Builds the module and the element script a second time, from a copy of
/// the sources in another folder, with another `CARGO_HOME` (crates
/// downloaded afresh) and another target folder, and checks that the bytes
/// are those of the first build: the hash the README publishes is then the
/// hash of every build of these sources.
fn reproducible_stage() -> Result<()> {
    let node_modules = tools::ensure_npm_packages()?;
    let work = root().join("target/reproducible");
    let builds = [
        (root().to_path_buf(), None, root().join("target")),
        (
            work.join("elsewhere/indicator-charts"),
            Some(work.join("cargo-home")),
            work.join("target"),
        ),
    ];
    copy_tracked_files(root(), &builds[1].0)?;
    let mut outputs = Vec::new();
    for (index, (source, cargo_home, target_dir)) in builds.into_iter().enumerate() {
        let scratch = work.join(format!("build-{index}"));
        let module = module::build(
            &module::Build {
                source: &source,
                target_dir,
                cargo_home,
                work: scratch.clone(),
            },
            &node_modules,
        )?;
        let script = scratch.join("indicator-chart.js");
        let generated = dist::Generated::write(&scratch)?;
        let flags = dist::element_bundle_flags(
            &module.glue,
            &dist::module_file_name(&module.wasm),
            &dist::sri(&module.wasm),
            &generated,
        );
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        dist::esbuild_bundle(
            &node_modules.join(".bin/esbuild"),
            &source.join("www/element/index.js"),
            &script,
            &flags,
        )?;
        outputs.push((module.wasm, std::fs::read(&script)?));
    }
    let [(wasm_a, script_a), (wasm_b, script_b)] = &outputs[..] else {
        bail!("expected two builds");
    };
    for (name, a, b) in [
        ("the module", wasm_a, wasm_b),
        ("indicator-chart.js", script_a, script_b),
    ] {
        if a != b {
            bail!(
                "{name} differs between the two builds ({} vs {}): the build depends on the machine",
                dist::sri(a),
                dist::sri(b)
            );
        }
        say(&format!(
            "{name}: the same bytes from both builds ({})",
            dist::sri(a)
        ));
    }
    Ok(())
}

/// Copies the files git tracks (as they are in the working tree) to `to`.
fn copy_tracked_files(from: &std::path::Path, to: &std::path::Path) -> Result<()> {
    let listing = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(from)
        .output()
        .context("running git ls-files")?;
    if !listing.status.success() {
        bail!("git ls-files failed in {}", from.display());
    }
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    for path in listing.stdout.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = std::str::from_utf8(path).context("a file name that is not UTF-8")?;
        let (source, target) = (from.join(path), to.join(path));
        if !source.is_file() {
            continue; // deleted in the working tree
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&source, &target)?;
    }
    Ok(())
}

#[cfg(test)]
mod source_checks {
    //! Static checks on the page scripts: text from data is only ever set as
    //! text, and nothing is evaluated as code (a strict CSP would refuse it).

    use crate::root;

    #[test]
    fn no_script_parses_html_or_evaluates_strings() {
        let forbidden = [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "setAttribute('style'",
        ];
        let mut found = Vec::new();
        for entry in std::fs::read_dir(root().join("www")).expect("www/ exists") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "js") {
                let source = std::fs::read_to_string(&path).expect("readable");
                for (number, line) in source.lines().enumerate() {
                    for pattern in forbidden {
                        if line.contains(pattern) && !line.trim_start().starts_with("//") {
                            found.push(format!("{}:{}: {pattern}", path.display(), number + 1));
                        }
                    }
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
