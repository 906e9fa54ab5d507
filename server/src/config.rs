//! Settings, read once from the command line and the environment. Secrets are never logged.

use ::app::domain::notifications::delivery::MAX_ATTEMPTS;
use ::app::domain::privacy::retention::{Periods, MAX_DAYS};
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

    #[command(flatten)]
    pub retention: RetentionSettings,

    #[command(flatten)]
    pub mail: MailSettings,
}

/// How email leaves: an SMTP server, or files under `outbox_dir` when no host is set.
#[derive(Debug, Clone, Args)]
pub struct MailSettings {
    /// SMTP server. Unset: messages are written to `PASSERELLE_OUTBOX_DIR` instead.
    #[arg(long, env = "PASSERELLE_SMTP_HOST", global = true)]
    pub smtp_host: Option<String>,

    /// SMTP port (default: 587 with STARTTLS, 465 with TLS, 25 without).
    #[arg(long, env = "PASSERELLE_SMTP_PORT", global = true)]
    pub smtp_port: Option<u16>,

    /// `starttls` (upgrade a plain connection), `tls` (implicit TLS) or `none` (only for a relay
    /// on the same machine or in tests).
    #[arg(long, env = "PASSERELLE_SMTP_SECURITY", value_enum, default_value_t = SmtpSecurity::Starttls, global = true)]
    pub smtp_security: SmtpSecurity,

    /// SMTP user name, if the server asks for one.
    #[arg(long, env = "PASSERELLE_SMTP_USER", global = true)]
    pub smtp_user: Option<String>,

    /// SMTP password.
    #[arg(
        long,
        env = "PASSERELLE_SMTP_PASSWORD",
        global = true,
        hide_env_values = true
    )]
    pub smtp_password: Option<String>,

    /// The sender of every message, e.g. `Passerelle <no-reply@example.org>`; its domain ends
    /// each Message-ID.
    #[arg(
        long,
        env = "PASSERELLE_MAIL_FROM",
        default_value = "Passerelle <no-reply@passerelle.localhost>",
        global = true
    )]
    pub mail_from: String,

    /// Tries before a message is given up on (shown as failed on the admins' Outbox page).
    #[arg(long, env = "PASSERELLE_MAIL_MAX_ATTEMPTS", default_value_t = MAX_ATTEMPTS, global = true)]
    pub mail_max_attempts: u32,

    /// Where messages are written when no SMTP server is set.
    #[arg(
        long,
        env = "PASSERELLE_OUTBOX_DIR",
        default_value = "data/outbox",
        global = true
    )]
    pub outbox_dir: std::path::PathBuf,

    /// The site's address as people reach it, for links in messages (default:
    /// `http://` and the listening address).
    #[arg(long, env = "PASSERELLE_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpSecurity {
    Starttls,
    Tls,
    None,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: None,
            smtp_port: None,
            smtp_security: SmtpSecurity::Starttls,
            smtp_user: None,
            smtp_password: None,
            mail_from: "Passerelle <no-reply@passerelle.localhost>".into(),
            mail_max_attempts: MAX_ATTEMPTS,
            outbox_dir: "data/outbox".into(),
            public_url: None,
        }
    }
}

/// How long each kind of expiring record is kept (`passerelle retention`, and the server daily).
#[derive(Debug, Clone, Args)]
pub struct RetentionSettings {
    /// Days sign-in attempts (client address, a hash of the address typed) are kept.
    #[arg(long, env = "PASSERELLE_KEEP_SIGN_IN_ATTEMPTS_DAYS", default_value_t = Periods::default().sign_in_attempts_days,
          global = true, value_parser = days())]
    pub keep_sign_in_attempts_days: u16,

    /// Days a money request's idempotency receipt (the request's answer) is kept.
    #[arg(long, env = "PASSERELLE_KEEP_IDEMPOTENCY_DAYS", default_value_t = Periods::default().idempotency_receipts_days,
          global = true, value_parser = days())]
    pub keep_idempotency_days: u16,

    /// Days an applicant account without a profile keeps its address and password.
    #[arg(long, env = "PASSERELLE_KEEP_UNFINISHED_SIGN_UPS_DAYS", default_value_t = Periods::default().unfinished_sign_ups_days,
          global = true, value_parser = days())]
    pub keep_unfinished_sign_ups_days: u16,

    /// Days a business plan may stay a draft nobody touches before it is withdrawn and its
    /// text removed.
    #[arg(long, env = "PASSERELLE_KEEP_DRAFTS_DAYS", default_value_t = Periods::default().drafts_days,
          global = true, value_parser = days())]
    pub keep_drafts_days: u16,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        let periods = Periods::default();
        RetentionSettings {
            keep_sign_in_attempts_days: periods.sign_in_attempts_days,
            keep_idempotency_days: periods.idempotency_receipts_days,
            keep_unfinished_sign_ups_days: periods.unfinished_sign_ups_days,
            keep_drafts_days: periods.drafts_days,
        }
    }
}

impl RetentionSettings {
    pub fn periods(&self) -> Periods {
        Periods {
            sign_in_attempts_days: self.keep_sign_in_attempts_days,
            idempotency_receipts_days: self.keep_idempotency_days,
            unfinished_sign_ups_days: self.keep_unfinished_sign_ups_days,
            drafts_days: self.keep_drafts_days,
        }
    }
}

/// A retention period: whole days, at least one, at most ten years.
fn days() -> clap::builder::RangedI64ValueParser<u16> {
    clap::value_parser!(u16).range(1..=i64::from(MAX_DAYS))
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

    /// The site's address for links in messages, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.mail
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.site_addr))
            .trim_end_matches('/')
            .to_owned()
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
