//! A real SMTP server for the tests (mailin-embedded, on a free port in its own threads): it
//! keeps every message it accepts, or refuses them all while told to.

use mailin_embedded::{response, Handler, Response, Server, SslConfig};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// One message as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    /// The message parsed (headers decoded, parts split).
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }
}

#[derive(Clone, Default)]
struct Sink {
    kept: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicBool>,
    /// Milliseconds to wait before answering the end of a message.
    delay_ms: Arc<AtomicU64>,
    /// Messages whose data started arriving.
    started: Arc<AtomicU64>,
    current: Option<Received>,
}

impl Handler for Sink {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        if self.refuse.load(Ordering::SeqCst) {
            return response::INTERNAL_ERROR;
        }
        self.started.fetch_add(1, Ordering::SeqCst);
        self.current = Some(Received {
            to: to.to_vec(),
            raw: Vec::new(),
        });
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(current) = &mut self.current {
            current.raw.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let delay = self.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            std::thread::sleep(std::time::Duration::from_millis(delay));
        }
        if let Some(done) = self.current.take() {
            self.kept.lock().expect("lock").push(done);
        }
        response::OK
    }
}

/// The running server: its port and what it received.
pub struct SmtpServer {
    pub port: u16,
    sink: Sink,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let sink = Sink::default();
        let mut server = Server::new(sink.clone());
        server
            .with_name("smtp.test")
            .with_ssl(SslConfig::None)
            .expect("no TLS")
            .with_num_threads(4)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpServer { port, sink }
    }

    /// Every message accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.sink.kept.lock().expect("lock").clone()
    }

    /// While `true`, every message is refused with a temporary error (451).
    pub fn refuse(&self, refuse: bool) {
        self.sink.refuse.store(refuse, Ordering::SeqCst);
    }

    /// Waits this long before accepting each message (its data all received), as a slow
    /// server would.
    pub fn delay_answers(&self, delay: std::time::Duration) {
        let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.sink.delay_ms.store(ms, Ordering::SeqCst);
    }

    /// How many messages began to arrive (accepted or not yet).
    pub fn started(&self) -> u64 {
        self.sink.started.load(Ordering::SeqCst)
    }

    /// Mail settings that send through this server, without TLS.
    pub fn settings(&self) -> server::config::MailSettings {
        server::config::MailSettings {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(self.port),
            smtp_security: server::config::SmtpSecurity::None,
            ..Default::default()
        }
    }
}
