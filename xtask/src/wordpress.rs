//! A real WordPress for the end-to-end tests: Debian's `wordpress` package
//! (6.1) with MariaDB and PHP's built-in server, installed with apt-get
//! like the browsers and started for one test run, so that the tests run
//! WordPress's own oEmbed discovery, filters (`wp_filter_oembed_result`,
//! kses) and `wp-embed.js` rather than a copy of their rules.
//!
//! WordPress fetches oEmbed only from ports 80, 443 and 8080, and refuses
//! loopback addresses unless they are its own host. So the tests choose a
//! random loopback address, serve the charts on its port 8080 (see
//! `test::test_site`) and WordPress on another port of the same address.
//! Debian's `wp-config.php` reads `/etc/wordpress/config-<host>.php`: one is
//! written for that address (and removed when the run ends). The database
//! lives in `target/wordpress`, on a socket, with no network port.

use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::{root, run, say, tools};

/// What the tests need beyond Chromium; `.ci/run` installs the same.
pub const PACKAGES: [&str; 8] = [
    "wordpress",
    "wordpress-theme-twentytwentythree",
    "mariadb-server",
    "php-cli",
    "php-mysql",
    "php-curl",
    "php-xml",
    "php-mbstring",
];

/// A running WordPress; stopped (database, server, config file) when dropped.
pub struct WordPress {
    /// `http://ADDRESS:PORT/`.
    pub url: String,
    /// `ADDRESS:PORT`, what `xtask/wordpress/*.php` take as `WP_TEST_HOST`.
    pub host: String,
    children: Vec<Child>,
    config: PathBuf,
}

impl Drop for WordPress {
    fn drop(&mut self) {
        for child in &mut self.children {
            // PHP's server runs its workers as child processes: they go first,
            // by their parent's id, or they would outlive it on the port.
            let _ = Command::new("pkill")
                .args(["-TERM", "-P", &child.id().to_string()])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_file(&self.config);
    }
}

/// A random address in 127.0.0.0/8 (not 127.0.0.1, which other servers
/// use), so that its port 8080 is free.
pub fn random_loopback() -> Ipv4Addr {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ std::process::id().rotate_left(16))
        .unwrap_or_else(|_| std::process::id());
    let [_, a, b, c] = seed.to_be_bytes();
    Ipv4Addr::new(127, a.max(1), b, c.clamp(2, 254))
}

/// Installs the packages if missing, and starts WordPress on `address`.
pub fn start(address: Ipv4Addr) -> Result<WordPress> {
    let started = Instant::now();
    let missing: Vec<&str> = PACKAGES
        .into_iter()
        .filter(|package| !installed(package))
        .collect();
    if !missing.is_empty() {
        tools::install_system_packages(&missing, "the WordPress tests")?;
    }
    let dir = root().join("target/wordpress");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir)?;
    let socket = dir.join("mysqld.sock");
    let children = vec![start_database(&dir, &socket)?];

    let port = free_port(address)?;
    let host = format!("{address}:{port}");
    let url = format!("http://{host}/");
    let config = PathBuf::from(format!("/etc/wordpress/config-{address}.php"));
    std::fs::write(
        &config,
        format!(
            "<?php\n// Written by cargo xtask test for its WordPress tests; removed when they end.\n\
             define('DB_NAME', 'wordpress');\ndefine('DB_USER', 'root');\ndefine('DB_PASSWORD', '');\n\
             define('DB_HOST', 'localhost:{}');\ndefine('WP_HOME', 'http://{host}');\n\
             define('WP_SITEURL', 'http://{host}');\n\
             define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');\n",
            socket.display()
        ),
    )
    .with_context(|| {
        format!(
            "writing {} (Debian's WordPress reads its settings there; the tests need to run as root or with sudo)",
            config.display()
        )
    })?;
    let mut wordpress = WordPress {
        url,
        host,
        children,
        config,
    };
    run(Command::new("php")
        .arg(root().join("xtask/wordpress/setup.php"))
        .env("WP_TEST_HOST", &wordpress.host)
        .stdout(Stdio::null()))
    .context("installing WordPress (xtask/wordpress/setup.php)")?;
    let log = std::fs::File::create(dir.join("php.log"))?;
    wordpress.children.push(
        Command::new("php")
            .args(["-S", &wordpress.host, "-t", "/usr/share/wordpress"])
            .arg(root().join("xtask/wordpress/router.php"))
            // WordPress calls itself (wp-cron) while it serves a page: more than one worker.
            .env("PHP_CLI_SERVER_WORKERS", "4")
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .context("starting php -S")?,
    );
    wait_for(
        || std::net::TcpStream::connect((address, port)).is_ok(),
        "PHP's server",
    )?;
    say(&format!(
        "WordPress at {} ({:.1} s)",
        wordpress.url,
        started.elapsed().as_secs_f64()
    ));
    Ok(wordpress)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.ends_with(b"installed"))
}

/// A fresh MariaDB in `dir`, listening on `socket` only, with a database
/// `wordpress` its root (no password) may use.
fn start_database(dir: &Path, socket: &Path) -> Result<Child> {
    let data = dir.join("db");
    let user = if is_root() { "root" } else { "" };
    let mut install = Command::new("mariadb-install-db");
    install
        .arg("--no-defaults")
        .arg(format!("--datadir={}", data.display()))
        .args(["--auth-root-authentication-method=normal", "--skip-test-db"])
        .stdout(Stdio::null());
    if !user.is_empty() {
        install.arg(format!("--user={user}"));
    }
    run(&mut install).context("creating the test database (mariadb-install-db)")?;
    let log = std::fs::File::create(dir.join("mariadb.log"))?;
    let mut server = Command::new("mariadbd");
    server
        .arg("--no-defaults")
        .arg(format!("--datadir={}", data.display()))
        .arg(format!("--socket={}", socket.display()))
        .arg(format!("--pid-file={}", dir.join("mariadb.pid").display()))
        .arg("--skip-networking")
        .stdout(log.try_clone()?)
        .stderr(log);
    if !user.is_empty() {
        server.arg(format!("--user={user}"));
    }
    let child = server.spawn().context("starting mariadbd")?;
    wait_for(|| socket.exists(), "MariaDB")?;
    run(Command::new("mariadb")
        .arg("--no-defaults")
        .arg(format!("--socket={}", socket.display()))
        .args([
            "-u",
            "root",
            "-e",
            "CREATE DATABASE IF NOT EXISTS wordpress",
        ]))
    .context("creating the database wordpress")?;
    Ok(child)
}

/// mariadbd refuses to run as root unless told to: `--user=root`.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// A port free on `address` now.
fn free_port(address: Ipv4Addr) -> Result<u16> {
    let listener = std::net::TcpListener::bind((address, 0))
        .with_context(|| format!("cannot listen on {address}"))?;
    Ok(listener.local_addr()?.port())
}

fn wait_for(ready: impl Fn() -> bool, what: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready() {
        if Instant::now() > deadline {
            bail!("{what} did not start within 30 s (see target/wordpress/*.log)");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}
