//! A bare axum "hello": the yardstick `scripts/bench-http.sh` measures Passerelle against, on
//! the same machine, with the same `TCP_NODELAY` setting.
//!
//!   cargo run --release -p server --example hello -- 127.0.0.1:3999

use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3999".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr)
        .await?
        .tap_io(server::no_delay);
    let app = Router::new().route("/", get(|| async { "hello" }));
    axum::serve(listener, app).await?;
    Ok(())
}
