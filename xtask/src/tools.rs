//! The tools the tasks need, found or installed on first use, with progress
//! printed: the wasm32 target, the npm packages of `xtask/package.json` (wasm-opt from
//! binaryen ≥ 132, esbuild, Playwright, axe-core, the benchmark's peers),
//! and, for tests, Debian's Chromium and ChromeDriver, Firefox ESR with
//! geckodriver (built from crates.io), and WebKitGTK's WebDriver with Xvfb.
//!
//! System packages (Node.js, the browsers) are installed with apt-get when
//! this runs as root or with password-less sudo; otherwise the error names
//! the command to run.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{root, run, say};

/// Whether a command runs and prints something (its version).
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

pub fn ensure_wasm_target() -> Result<()> {
    if output_of("rustup", &["target", "list", "--installed"])
        .is_some_and(|list| list.lines().any(|l| l == "wasm32-unknown-unknown"))
    {
        return Ok(());
    }
    if output_of("rustup", &["--version"]).is_none() {
        let sysroot = output_of("rustc", &["--print", "sysroot"]).unwrap_or_default();
        if Path::new(&sysroot)
            .join("lib/rustlib/wasm32-unknown-unknown")
            .exists()
        {
            return Ok(());
        }
        bail!(
            "the wasm32-unknown-unknown target is missing and rustup is not available; install the target for your Rust toolchain"
        );
    }
    say("Installing the wasm32-unknown-unknown target (rustup target add)…");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Installs Debian packages when possible, or says how.
pub fn install_system_packages(packages: &[&str], why: &str) -> Result<()> {
    let is_root = output_of("id", &["-u"]).as_deref() == Some("0");
    let sudo = !is_root
        && Command::new("sudo")
            .args(["-n", "true"])
            .status()
            .is_ok_and(|s| s.success());
    let has_apt = which("apt-get").is_some();
    if !(has_apt && (is_root || sudo)) {
        bail!(
            "{why} needs {}; install with: sudo apt-get install -y {}",
            packages.join(", "),
            packages.join(" ")
        );
    }
    say(&format!(
        "Installing {} with apt-get ({why})…",
        packages.join(", ")
    ));
    let apt = |args: &[&str]| {
        let mut command = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-q"])?;
    // Another apt-get (another checkout's tests, unattended upgrades) may
    // hold the lock for a while: wait for it rather than fail.
    let mut args = vec![
        "-o",
        "DPkg::Lock::Timeout=600",
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
    ];
    args.extend_from_slice(packages);
    apt(&args)
}

pub fn ensure_node() -> Result<()> {
    if output_of("node", &["--version"]).is_some() && output_of("npm", &["--version"]).is_some() {
        return Ok(());
    }
    install_system_packages(&["nodejs", "npm"], "building the site (esbuild, wasm-opt)")
}

/// `xtask/node_modules`, installed from `xtask/package-lock.json`
/// (reinstalled when the lock file changes).
pub fn ensure_npm_packages() -> Result<PathBuf> {
    ensure_npm_folder("xtask")
}

/// The npm packages the benchmark alone needs (Lighthouse), pinned by
/// `xtask/bench/package-lock.json`: a folder of their own, so that the
/// tests do not install them.
pub fn ensure_bench_packages() -> Result<PathBuf> {
    ensure_npm_folder("xtask/bench")
}

/// `npm ci` in `folder` (from the repository's root) unless its
/// `node_modules` was installed from the same lock; the `node_modules`.
fn ensure_npm_folder(folder: &str) -> Result<PathBuf> {
    ensure_node()?;
    let dir = root().join(folder);
    let modules = dir.join("node_modules");
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("reading {folder}/package-lock.json"))?;
    let stamp = modules.join(".xtask-lock");
    if std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(modules);
    }
    say(&format!(
        "Installing npm packages of {folder}/package.json (npm ci)…"
    ));
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir))?;
    std::fs::write(&stamp, lock)?;
    Ok(modules)
}

/// Debian's Chromium and ChromeDriver.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

pub fn ensure_chromium() -> Result<Browser> {
    let browser = Browser {
        chromium: "/usr/bin/chromium".into(),
        chromedriver: "/usr/bin/chromedriver".into(),
    };
    if !(browser.chromium.exists() && browser.chromedriver.exists()) {
        install_system_packages(&["chromium", "chromium-driver"], "the browser tests")?;
    }
    Ok(browser)
}

/// Debian's Firefox ESR, and geckodriver to drive it.
pub struct Firefox {
    pub firefox: PathBuf,
    pub geckodriver: PathBuf,
}

/// The geckodriver the Firefox tests use: Debian has none, so it is built
/// from crates.io with its own lock file (`cargo install --locked`), at a
/// version that drives Firefox ESR 140 and later. It is built unoptimised
/// (`--debug`): 49 s instead of 86 s on 2 cores, and the Firefox tests ran
/// as fast with it (a driver only relays commands).
const GECKODRIVER_VERSION: &str = "0.37.1";

pub fn ensure_firefox() -> Result<Firefox> {
    if which("firefox-esr").is_none() {
        install_system_packages(&["firefox-esr"], "the Firefox tests")?;
    }
    let firefox = which("firefox-esr")
        .context("firefox-esr is installed but not on PATH; add /usr/bin to PATH")?;
    let tools = root().join("target/tools");
    let geckodriver = tools.join("bin/geckodriver");
    let installed = geckodriver
        .to_str()
        .and_then(|path| output_of(path, &["--version"]))
        // "geckodriver 0.37.1" on its first line, maybe with a revision after.
        .is_some_and(|version| {
            version
                .split_whitespace()
                .take(2)
                .eq(["geckodriver", GECKODRIVER_VERSION])
        });
    if !installed {
        say(&format!(
            "Building geckodriver {GECKODRIVER_VERSION} from crates.io into target/tools (cargo install --locked --debug; about a minute on 2 cores)…"
        ));
        run(Command::new(env!("CARGO"))
            .args(["install", "geckodriver", "--locked", "--debug", "--version"])
            .arg(GECKODRIVER_VERSION)
            .arg("--root")
            .arg(&tools)
            .current_dir(root()))
        .context("building geckodriver for the Firefox tests (needs crates.io)")?;
    }
    Ok(Firefox {
        firefox,
        geckodriver,
    })
}

/// WebKitGTK's WebDriver, the MiniBrowser it drives, and xvfb-run for the
/// virtual display MiniBrowser needs (it has no headless mode).
pub struct WebKit {
    pub driver: PathBuf,
    pub mini_browser: PathBuf,
    pub xvfb_run: PathBuf,
}

pub fn ensure_webkit() -> Result<WebKit> {
    // xvfb-run needs xauth, which xvfb only recommends.
    if ["WebKitWebDriver", "xvfb-run", "xauth"]
        .iter()
        .any(|program| which(program).is_none())
    {
        install_system_packages(&["webkit2gtk-driver", "xvfb", "xauth"], "the WebKit tests")?;
    }
    let found = |program: &str| {
        which(program).with_context(|| format!("{program} is installed but not on PATH"))
    };
    // MiniBrowser lives in the WebKitGTK library's own folder, whose name
    // depends on the architecture: ask dpkg where the package put it.
    let package = "libwebkit2gtk-4.1-0";
    let files = output_of("dpkg", &["-L", package]).with_context(|| {
        format!("`dpkg -L {package}` failed; install it with: sudo apt-get install -y {package}")
    })?;
    let mini_browser = files
        .lines()
        .find(|line| line.ends_with("/MiniBrowser"))
        .map(PathBuf::from)
        .with_context(|| format!("{package} installed no MiniBrowser (`dpkg -L {package}`)"))?;
    Ok(WebKit {
        driver: found("WebKitWebDriver")?,
        mini_browser,
        xvfb_run: found("xvfb-run")?,
    })
}

/// The flags every headless Chromium here runs with: no sandbox (root in
/// a container), and none of the background traffic this closed network
/// would refuse.
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
