//! A client that sends requests straight into the router, keeping cookies like a browser.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use http::{header, Request, StatusCode};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use tower::ServiceExt;

/// The origin tests pretend the site is served from.
pub const ORIGIN: &str = "http://localhost:3000";
const HOST: &str = "localhost:3000";

/// A request that takes this long is stuck, not slow: fail with its name rather than hang.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

pub struct Client {
    router: Router,
    pub cookies: BTreeMap<String, String>,
    address: SocketAddr,
    /// Extra headers sent with every request (e.g. `Accept-Language`).
    pub headers: Vec<(&'static str, String)>,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
    /// The body as sent (compressed, when the client asked for it).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Whether the body has `word` as a whole word. Pages carry random tokens (the CSP nonce,
    /// base64 of random bytes, changes with every response), and a plain `contains("Awa")`
    /// finds a name in one of them about once in ten thousand pages.
    pub fn names(&self, word: &str) -> bool {
        names(&self.body, word)
    }
}

/// Whether `text` has `word` with no letter, digit, `-`, `_`, `+` or `/` (what base64 and
/// URL-safe base64 are made of) right before or after it.
pub fn names(text: &str, word: &str) -> bool {
    let token = |c: char| c.is_alphanumeric() || "-_+/".contains(c);
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(token) && !after.is_some_and(token)
    })
}

impl Client {
    pub fn new(router: Router, ip: &str) -> Client {
        Client {
            router,
            cookies: BTreeMap::new(),
            address: SocketAddr::new(ip.parse().expect("ip address"), 40000),
            headers: Vec::new(),
        }
    }

    pub fn session_id(&self) -> Option<String> {
        self.cookies.get(server::SESSION_COOKIE).cloned()
    }

    pub async fn send(&mut self, mut request: Request<Body>) -> TestResponse {
        request.extensions_mut().insert(ConnectInfo(self.address));
        let headers = request.headers_mut();
        headers.insert(header::HOST, HOST.parse().expect("host"));
        for (name, value) in &self.headers {
            headers.insert(*name, value.parse().expect("header value"));
        }
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            headers.insert(header::COOKIE, cookie.parse().expect("cookie"));
        }
        let what = format!("{} {}", request.method(), request.uri());
        let response = tokio::time::timeout(REQUEST_TIMEOUT, self.router.clone().oneshot(request))
            .await
            .unwrap_or_else(|_| panic!("{what} got no answer within {REQUEST_TIMEOUT:?}"))
            .expect("the router never fails");
        for value in response.headers().get_all(header::SET_COOKIE) {
            self.store_cookie(value.to_str().unwrap_or_default());
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = tokio::time::timeout(
            REQUEST_TIMEOUT,
            axum::body::to_bytes(response.into_body(), usize::MAX),
        )
        .await
        .unwrap_or_else(|_| panic!("{what}: the body never ended"))
        .expect("body");
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    fn store_cookie(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|kv| kv.trim().split_once('=')) else {
            return;
        };
        let expired = parts.any(|attr| {
            let attr = attr.trim().to_ascii_lowercase();
            attr == "max-age=0" || attr.starts_with("expires=thu, 01 jan 1970")
        });
        if expired || value.is_empty() {
            self.cookies.remove(name);
        } else {
            self.cookies.insert(name.to_owned(), value.to_owned());
        }
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }

    /// A GET server function as a script calls it (JSON back).
    pub async fn get_json(&mut self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }

    /// A server-function call as an island's script makes it (JSON back, no redirect).
    pub async fn call(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::ORIGIN, ORIGIN)
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(encode(fields)))
            .expect("request");
        self.send(request).await
    }

    /// A plain HTML form post from `page` (JavaScript off).
    pub async fn post_form(
        &mut self,
        path: &str,
        page: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::ORIGIN, ORIGIN)
            .header(header::REFERER, format!("{ORIGIN}{page}"))
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(encode(fields)))
            .expect("request");
        self.send(request).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> TestResponse {
        self.call("/api/login", &[("email", email), ("password", password)])
            .await
    }

    /// A step in a plan's life (`submit`, `mark_ready`, …) as the plan page posts it.
    pub async fn plan_step(&mut self, plan: &str, action: &str, reason: &str) -> TestResponse {
        self.call(
            "/api/plans/transition",
            &[("plan", plan), ("action", action), ("reason", reason)],
        )
        .await
    }

    pub async fn logout(&mut self) -> TestResponse {
        self.call("/api/logout", &[]).await
    }
}

pub fn encode(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_name_inside_a_random_token_is_not_a_name() {
        assert!(names("<p>Awa Koné</p>", "Awa"));
        assert!(names("Awa", "Awa"));
        assert!(names("\"Awa\"", "Awa"));
        assert!(!names("nonce=\"k9Awa+Z\"", "Awa"));
        assert!(!names("nonce=\"Awa_x\" <p>Awal</p>", "Awa"));
        assert!(!names("Ivoire", "Awa"));
    }
}
