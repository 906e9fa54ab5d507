//! The outbox worker: every server runs one. It takes due messages under a lease
//! (`db::notifications::outbox::claim`), writes each in its recipient's language
//! (`pages::notifications::message`), sends it with lettre, and records how it went. Without
//! SMTP settings (`make run`), messages are written as `.eml` files under `data/outbox/`
//! instead, and the admins' Outbox page lists them either way.
//!
//! Delivery is at least once: a server that dies after the SMTP server took a message but
//! before recording it sends it again once its lease runs out, with the same `Message-ID`.

use crate::config::{MailSettings, SmtpSecurity};
use ::app::db::notifications::outbox::{self, Due};
use ::app::db::Db;
use ::app::domain::notifications::delivery::LEASE;
use ::app::domain::notifications::event::Event;
use ::app::i18n::Locale;
use ::app::pages::notifications::message::email;
use anyhow::Context;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

/// Messages one worker takes at a time (each under a lease renewed before it is sent).
const BATCH: i64 = 5;
/// Connecting to the SMTP server (lettre's own timeout covers only that).
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// One whole send: a mail server that stops answering midway is given up on for this try,
/// well within `LEASE`.
const SEND_TIMEOUT: Duration = Duration::from_secs(60);
/// How often an idle worker looks for due messages.
const POLL: Duration = Duration::from_secs(2);

/// Why a message did not go: tried again later, or never (it cannot be written, its link
/// expired, earlier tries never finished).
enum Failure {
    Retry(String),
    GiveUp(String),
}

/// Where messages go.
pub enum Transport {
    Smtp(Box<AsyncSmtpTransport<Tokio1Executor>>),
    /// One `.eml` file per message in this folder.
    Files(PathBuf),
}

pub struct Worker {
    db: Db,
    transport: Transport,
    from: Mailbox,
    /// This server's name in leases (random per process).
    name: String,
    /// The site's address for links, without a trailing slash.
    base_url: String,
    max_attempts: u32,
}

impl Worker {
    pub fn new(db: Db, mail: &MailSettings, base_url: &str) -> anyhow::Result<Worker> {
        let from: Mailbox = mail.mail_from.parse().with_context(|| {
            format!("PASSERELLE_MAIL_FROM is not an address: {}", mail.mail_from)
        })?;
        Ok(Worker {
            db,
            transport: transport(mail)?,
            from,
            name: worker_name(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            max_attempts: mail.mail_max_attempts,
        })
    }

    /// Sends what is due that this worker could take: how many messages it took.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let mut tx = self.db.begin().await?;
        let due = outbox::claim(&mut tx, &self.name, LEASE, BATCH).await?;
        tx.commit().await?;
        for message in &due {
            // The lease starts again for each message, so a slow one before it never lets
            // another server take it meanwhile; one that was taken anyway is left alone.
            let mut tx = self.db.begin().await?;
            let held = outbox::hold(&mut tx, message.id, &self.name, LEASE).await?;
            tx.commit().await?;
            if !held {
                continue;
            }
            let result = if message.attempts > i64::from(self.max_attempts.max(1)) {
                // Earlier tries never finished (a server died or hung while sending).
                Err(Failure::GiveUp("earlier tries never finished".into()))
            } else {
                match tokio::time::timeout(SEND_TIMEOUT, self.send(message)).await {
                    Ok(result) => result,
                    Err(_) => Err(Failure::Retry(
                        "no answer from the mail server in time".into(),
                    )),
                }
            };
            self.settle(message, result).await?;
        }
        Ok(due.len())
    }

    async fn settle(&self, message: &Due, result: Result<(), Failure>) -> anyhow::Result<()> {
        let mut tx = self.db.begin().await?;
        let (error, max) = match &result {
            Ok(()) => {
                outbox::sent(&mut tx, message.id, &self.name).await?;
                tx.commit().await?;
                return Ok(());
            }
            Err(Failure::Retry(error)) => (error, self.max_attempts),
            Err(Failure::GiveUp(error)) => (error, 0),
        };
        // The error may name the address: it is kept for admins, not logged.
        tracing::warn!(
            id = message.id,
            "a message could not be sent (see /admin/outbox)"
        );
        outbox::failed(
            &mut tx,
            message.id,
            &self.name,
            error,
            message.attempts,
            max,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Works until the process ends: at once while messages are waiting, else every `POLL`.
    pub fn spawn(self) {
        tokio::spawn(async move {
            loop {
                match self.run_once().await {
                    Ok(n) if n as i64 == BATCH => continue,
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "the outbox could not be read"),
                }
                tokio::time::sleep(POLL).await;
            }
        });
    }

    async fn send(&self, due: &Due) -> Result<(), Failure> {
        let message = self.write(due).map_err(Failure::GiveUp)?;
        self.transmit(due, message).await.map_err(Failure::Retry)
    }

    async fn transmit(&self, due: &Due, message: Message) -> Result<(), String> {
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Transport::Files(dir) => {
                let event = Event::from_json(&due.event)
                    .map(|e| e.code())
                    .unwrap_or("message");
                let path = dir.join(format!("{:06}-{event}.eml", due.id));
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| e.to_string())?;
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| e.to_string())?;
                tracing::info!(path = %path.display(), "message written (no SMTP server set)");
                Ok(())
            }
        }
    }

    /// The message for `due`, in its recipient's language.
    fn write(&self, due: &Due) -> Result<Message, String> {
        let event = Event::from_json(&due.event).ok_or("the event is not readable")?;
        if let Some(minutes) = event.link_minutes() {
            if due.created_at + time::Duration::minutes(minutes) <= ::app::db::now() {
                return Err("the one-time link expired before it could be sent".into());
            }
        }
        let url = match (&due.secret, event.carries_secret()) {
            (Some(token), true) => format!("{}{}?token={token}", self.base_url, due.link),
            (None, true) => return Err("the one-time link is gone; it cannot be sent".into()),
            _ => format!("{}{}", self.base_url, due.link),
        };
        let locale: Locale = due.language.parse().unwrap_or_default();
        let mail = email(locale, &event, &url);
        let to: Mailbox = due
            .address
            .parse()
            .map_err(|_| "the address is not valid")?;
        let domain = self.from.email.domain().to_owned();
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .message_id(Some(format!("<{}@{domain}>", due.message_id)))
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(mail.text),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(mail.html),
                    ),
            )
            .map_err(|e| e.to_string())
    }
}

fn transport(mail: &MailSettings) -> anyhow::Result<Transport> {
    let Some(host) = mail.smtp_host.as_deref().filter(|h| !h.is_empty()) else {
        return Ok(Transport::Files(mail.outbox_dir.clone()));
    };
    let builder = match mail.smtp_security {
        SmtpSecurity::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
        SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
    };
    let mut builder = builder.timeout(Some(SMTP_TIMEOUT));
    if let Some(port) = mail.smtp_port {
        builder = builder.port(port);
    }
    if let (Some(user), Some(password)) = (&mail.smtp_user, &mail.smtp_password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(Transport::Smtp(Box::new(builder.build())))
}

/// A name for this process in leases: the host and a random number.
fn worker_name() -> String {
    use rand_core::{OsRng, RngCore};
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "server".into());
    format!("{host}-{}-{:08x}", std::process::id(), OsRng.next_u32())
}
