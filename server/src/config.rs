//! Settings, read once from the command line and the environment. Secrets are never logged.

use clap::Args;
use std::net::SocketAddr;

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Database: `sqlite://path/to/file.db` (created if missing) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/passerelle.db",
        global = true,
        hide_env_values = true
    )]
    pub database_url: String,

    /// Address to listen on.
    #[arg(
        long,
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub site_addr: SocketAddr,

    /// Folder holding the built site (`pkg/` with the wasm, JS and CSS).
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: String,

    /// The bundle's content hashes, written by `cargo leptos build` (`hash-files`). Defaults to
    /// `hash.txt` beside this executable, where the build puts it.
    #[arg(long, env = "PASSERELLE_HASH_FILE", global = true)]
    pub hash_file: Option<std::path::PathBuf>,

    /// The site is reached over HTTPS: cookies are marked `Secure` and every answer carries
    /// `Strict-Transport-Security`. On unless set to `false`, which only development over plain
    /// HTTP should do (`make run` does). A server on a loopback address is usually behind a
    /// TLS-terminating proxy, so that is no reason to turn it off.
    #[arg(long, env = "PASSERELLE_SECURE_COOKIES", global = true)]
    pub secure_cookies: Option<bool>,

    /// Trust `X-Forwarded-For` for client addresses (only behind your own load balancer).
    #[arg(
        long,
        env = "PASSERELLE_TRUST_PROXY",
        default_value_t = false,
        global = true
    )]
    pub trust_proxy: bool,
}

impl Settings {
    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies.unwrap_or(true)
    }

    /// Where the bundle's content hashes are read from.
    pub fn hash_file(&self) -> std::path::PathBuf {
        self.hash_file
            .clone()
            .unwrap_or_else(::app::assets::beside_executable)
    }

    /// The backend named in the URL, without credentials, for logs.
    pub fn database_kind(&self) -> &'static str {
        if self.database_url.starts_with("postgres") {
            "postgres"
        } else {
            "sqlite"
        }
    }
}
