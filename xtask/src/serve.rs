//! A static-file server for `dist/` (axum + tower-http's `ServeDir`), with
//! the headers an embed on another site needs: CORS for any origin without
//! credentials, `Cross-Origin-Resource-Policy: cross-origin`, gzip, and
//! `no-cache` so a rebuilt site is picked up at once.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub fn router(dir: PathBuf) -> Router {
    Router::new()
        .fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
        .layer(CompressionLayer::new().gzip(true))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD]),
        )
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cache-control"),
            HeaderValue::from_static("no-cache"),
        ))
}

/// Binds `address` (port 0: any free port) and returns the bound address
/// and a future that serves until the process ends.
pub async fn bind(
    dir: PathBuf,
    address: SocketAddr,
) -> Result<(
    SocketAddr,
    impl std::future::Future<Output = std::io::Result<()>>,
)> {
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| {
            format!("cannot listen on {address} (is another server using the port? try --port)")
        })?;
    let bound = listener.local_addr()?;
    Ok((
        bound,
        async move { axum::serve(listener, router(dir)).await },
    ))
}

/// Serves `dir` in a background thread; returns the base URL.
pub fn spawn(dir: PathBuf) -> Result<String> {
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
            match bind(dir, SocketAddr::from(([127, 0, 0, 1], 0))).await {
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
