//! A static-file server for `dist/` (axum + tower-http's `ServeDir`), in two
//! modes:
//!
//! - as deployed (`cargo xtask serve`, the tests, the benchmark): the
//!   headers of the build's own `_headers` file and nothing else, and the
//!   Brotli or gzip file beside each asset when the browser accepts it — so
//!   what is tested is what a host is told to do;
//! - plain: files as they are, no extra headers and no compression, as a
//!   bare static server would send them (for the tests of what breaks
//!   without the headers).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// The viewer's `_headers` rules and their reader, compiled into the xtask
/// from the same file (not through the viewer's crate, which the xtask does
/// not link: see `writer`). The rules themselves are the build's to use.
#[path = "../../src/site/hosting.rs"]
#[allow(dead_code)]
mod hosting;

/// How files are served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    AsDeployed,
    Plain,
}

/// The rules of `dir/_headers`, checked: each header a valid name and value.
type Rules = Vec<(String, Vec<(HeaderName, HeaderValue)>)>;

fn read_rules(dir: &std::path::Path) -> Result<Rules> {
    let path = dir.join("_headers");
    let file = std::fs::read_to_string(&path)
        .with_context(|| format!("reading {} (run `cargo xtask dist` first)", path.display()))?;
    hosting::parse(&file)
        .into_iter()
        .map(|(pattern, headers)| {
            let headers = headers
                .into_iter()
                .map(|(name, value)| {
                    Ok((
                        HeaderName::try_from(name.as_str()).with_context(|| {
                            format!("_headers: \"{name}\" is not a header name")
                        })?,
                        HeaderValue::try_from(value.as_str()).with_context(|| {
                            format!("_headers: \"{value}\" is not a header value")
                        })?,
                    ))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok((pattern, headers))
        })
        .collect()
}

/// The folder served, and its `_headers` once read: on the first request,
/// so that a server can start before the build that fills the folder (the
/// tests build with the server's address as the site's base URL).
struct Site {
    dir: PathBuf,
    rules: OnceLock<std::result::Result<Rules, String>>,
}

/// Adds the headers of every rule the request's path matches.
async fn apply_rules(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let rules = site
        .rules
        .get_or_init(|| read_rules(&site.dir).map_err(|e| format!("{e:#}")));
    let rules = match rules {
        Ok(rules) => rules,
        Err(why) => {
            let mut response = Response::new(axum::body::Body::from(why.clone()));
            *response.status_mut() = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            return response;
        }
    };
    let mut response = next.run(request).await;
    for (pattern, headers) in rules.iter() {
        if hosting::matches(pattern, &path) {
            for (name, value) in headers {
                response.headers_mut().insert(name.clone(), value.clone());
            }
        }
    }
    response
}

pub fn router(dir: PathBuf, mode: Mode) -> Result<Router> {
    let files = ServeDir::new(&dir).append_index_html_on_directories(true);
    if mode == Mode::AsDeployed && dir.exists() && !dir.join("_headers").exists() {
        anyhow::bail!("{} has no _headers; run `cargo xtask dist`", dir.display());
    }
    Ok(match mode {
        Mode::Plain => Router::new().fallback_service(files),
        Mode::AsDeployed => {
            let site = Arc::new(Site {
                dir,
                rules: OnceLock::new(),
            });
            Router::new()
                .fallback_service(files.precompressed_br().precompressed_gzip())
                // Files the build did not compress (the benchmark's pages) are
                // compressed on the fly, as a host's server would.
                .layer(CompressionLayer::new().br(true).gzip(true))
                .layer(middleware::from_fn_with_state(site, apply_rules))
        }
    })
}

/// Binds `address` (port 0: any free port) and returns the bound address
/// and a future that serves until the process ends.
pub async fn bind(
    dir: PathBuf,
    address: SocketAddr,
    mode: Mode,
) -> Result<(
    SocketAddr,
    impl std::future::Future<Output = std::io::Result<()>>,
)> {
    let router = router(dir, mode)?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| {
            format!("cannot listen on {address} (is another server using the port? try --port)")
        })?;
    let bound = listener.local_addr()?;
    Ok((bound, async move { axum::serve(listener, router).await }))
}

/// Serves `dir` in a background thread; returns the base URL.
pub fn spawn(dir: PathBuf, mode: Mode) -> Result<String> {
    spawn_at(dir, mode, SocketAddr::from(([127, 0, 0, 1], 0)))
}

/// Serves `dir` at `address` (port 0: any free port) in a background
/// thread; returns the base URL.
pub fn spawn_at(dir: PathBuf, mode: Mode, address: SocketAddr) -> Result<String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => return sender.send(Err(anyhow::Error::from(e))).unwrap_or(()),
        };
        runtime.block_on(async move {
            match bind(dir, address, mode).await {
                Ok((address, serve)) => {
                    let _ = sender.send(Ok(address));
                    let _ = serve.await;
                }
                Err(e) => {
                    let _ = sender.send(Err(e));
                }
            }
        });
    });
    let address = receiver.recv().context("the server thread stopped")??;
    Ok(format!("http://{address}/"))
}
