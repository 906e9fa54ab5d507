//! Request checks that apply to the whole site: cross-site request forgery, page access, and
//! security headers.

use app::auth::AuthSession;
use app::components::plain_page::{plain_page, PlainPage};
use app::domain::accounts::access::{decide, page_access, Decision};
use app::server_fns::accounts::login::CHANGE_PASSWORD;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::reactive::owner::Sandboxed;
use std::future::Future;

/// Refuses state-changing requests sent by another site. Server functions have no CSRF
/// protection of their own, so every non-GET request must come from our own pages: modern
/// browsers say so with `Sec-Fetch-Site`, older ones with `Origin`. Requests carrying neither
/// (command-line clients) cannot ride a browser's cookies and are let through.
pub async fn check_origin(request: Request, next: Next) -> Response {
    if is_safe_method(request.method()) || same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
        (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
    }
}

/// The query parameters Leptos adds to the page address when a plain form post fails
/// (`__path` names the function, `__err` carries its error).
const FORM_ERROR_PARAMS: [&str; 2] = ["__path", "__err"];

/// Removes a previous failure's `__path`/`__err` from the `Referer` of a form post. Leptos sends
/// a failed JavaScript-free post back to its `Referer` with the new error appended; without this,
/// a second mistake on the same page would add a second error after the first, and the page
/// would keep showing the first (stale) one.
pub async fn clean_form_referer(mut request: Request, next: Next) -> Response {
    if request.method() == Method::POST {
        let cleaned = request
            .headers()
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .and_then(|referer| url::Url::parse(referer).ok())
            .filter(|url| {
                url.query_pairs()
                    .any(|(k, _)| FORM_ERROR_PARAMS.contains(&k.as_ref()))
            })
            .map(|mut url| {
                let kept: Vec<(String, String)> = url
                    .query_pairs()
                    .filter(|(k, _)| !FORM_ERROR_PARAMS.contains(&k.as_ref()))
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect();
                if kept.is_empty() {
                    url.set_query(None);
                } else {
                    url.query_pairs_mut().clear().extend_pairs(kept);
                }
                url.to_string()
            });
        if let Some(value) = cleaned.and_then(|c| c.parse().ok()) {
            request.headers_mut().insert(header::REFERER, value);
        }
    }
    next.run(request).await
}

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a request's provenance headers say it comes from this site.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (text(header::ORIGIN.as_str()), text(header::HOST.as_str())) {
        (None, _) => true,
        (Some(origin), Some(host)) => url::Url::parse(origin).is_ok_and(|url| {
            let authority = match (url.host_str(), url.port()) {
                (Some(h), Some(p)) => format!("{h}:{p}"),
                (Some(h), None) => h.to_owned(),
                _ => return false,
            };
            authority.eq_ignore_ascii_case(host)
        }),
        (Some(_), None) => false,
    }
}

/// Enforces `app::domain::accounts::access::PAGES` before any page renders: not signed in → the sign-in
/// page (then back); wrong role → 403, and the page's content is never produced.
pub async fn guard_pages(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let Some(access) = page_access(&path) else {
        return next.run(request).await;
    };
    let user = request
        .extensions()
        .get::<AuthSession>()
        .and_then(|session| session.user.as_ref());
    // A password someone else chose (a caseworker's hand-over): nothing but replacing it.
    if user.is_some_and(|u| u.must_change_password) && path != CHANGE_PASSWORD {
        return Redirect::to(CHANGE_PASSWORD).into_response();
    }
    let role = user.map(|user| user.role);
    match decide(access, role) {
        Decision::Allow => next.run(request).await,
        Decision::SignInFirst => {
            let next_path = match request.uri().query() {
                Some(query) => format!("{path}?{query}"),
                None => path,
            };
            let target = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("next", &next_path)
                .finish();
            Redirect::to(&format!("/login?{target}")).into_response()
        }
        Decision::Forbidden => plain_page(PlainPage::Forbidden, request.headers()),
    }
}

/// The reader's language for responses rendered outside Leptos (the refusal page, downloads).
pub use app::components::plain_page::reader_language;

/// Headers for every response. Pages add their own Content-Security-Policy with a nonce
/// (`app::shell`); everything else gets a policy that allows nothing to run. Over HTTPS
/// (`https`, the setting that also marks cookies `Secure`), browsers are told to use nothing
/// else for a year, so a café's network cannot downgrade the next visit to plain HTTP.
pub async fn security_headers(State(https): State<bool>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static("max-age=31536000"),
        );
    }
    let defaults = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'none'; style-src 'self'; frame-ancestors 'none'; \
             base-uri 'none'; form-action 'self'",
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(&name) {
            headers.insert(name, header::HeaderValue::from_static(value));
        }
    }
    response
}

/// What a browser, or a shared computer's proxy, may keep. Nothing that can show a person's
/// data is ever stored: every page, answer and download is `no-store` (a phone lent to a
/// neighbour, a cybercafé). A bundle file whose name carries its content's hash
/// (`/pkg/passerelle.<hash>.wasm`) never changes, so it is kept for a year without asking again;
/// a new release links new names. Other files under `/pkg/` may be kept but are checked again on
/// each use (a `304` costs a round trip, not the bytes). Bundle files may come precompressed
/// (`.br`, `.gz`), so caches must tell encodings apart. A handler that chose its own
/// `Cache-Control` keeps it.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let asset = path.starts_with("/pkg/");
    let immutable = app::assets::is_content_hashed(path);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if asset && !headers.contains_key(header::VARY) {
        headers.insert(
            header::VARY,
            header::HeaderValue::from_static("accept-encoding"),
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        let kept = asset
            && (response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED);
        let value = match (kept, immutable) {
            (true, true) => "public, max-age=31536000, immutable",
            (true, false) => "public, no-cache",
            (false, _) => "no-store",
        };
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(value),
        );
    }
    response
}

/// A page whose browser went away (a phone losing its signal, a tab closed mid-load) is still
/// rendered to its end, in the background, and thrown away. Leptos disposes of a page's
/// reactive owner when its body is dropped, while parts of the page may still be rendering in
/// other tasks; those then read disposed signals and contexts and panic in the server's
/// workers. Finishing the body keeps the owner until the page is done, as for any page read
/// to its end, so an abandoned page costs what a read one does and leaves nothing behind. The
/// same holds before the first byte: the page renders in its own task, which a browser that
/// leaves does not cancel. Only pages (GET, HEAD): a form's post keeps its usual course.
pub async fn finish_abandoned_pages(request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return KeepArena::new(next.run(request)).await;
    }
    // Rendered in a task of its own: a browser gone before the first byte drops this future,
    // not the page's.
    match tokio::spawn(KeepArena::new(render_to_the_end(request, next))).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "a page's rendering task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn render_to_the_end(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !is_page {
        return response;
    }
    let (parts, body) = response.into_parts();
    Response::from_parts(parts, axum::body::Body::new(FinishOnDrop(Some(body))))
}

/// A request's future, polled each time with the reactive arena it left current the time
/// before. Leptos keeps each request's signals and contexts in an arena of its own, named by a
/// per-thread pointer that `Owner::with` sets and nothing puts back. leptos_axum renders a
/// page's first chunk outside its own `Sandboxed` guard, so when the task wakes up on another
/// worker thread it would find that thread's pointer: another request's arena, or one already
/// dropped, and panic with "the `sandboxed-arenas` feature is active, but no Arena is active"
/// (seen once under a full test run, on `/reporting`). `Sandboxed` captures the arena current
/// when it is made and restores it when polled; a pending one is that and nothing else.
struct KeepArena<F> {
    inner: std::pin::Pin<Box<F>>,
    arena: Sandboxed<std::future::Pending<()>>,
}

impl<F> KeepArena<F> {
    fn new(inner: F) -> Self {
        Self {
            inner: Box::pin(inner),
            arena: Sandboxed::new(std::future::pending()),
        }
    }
}

impl<F: Future> Future for KeepArena<F> {
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let this = &mut *self;
        // Always pending: polling it only makes its arena this thread's current one.
        let _ = std::pin::Pin::new(&mut this.arena).poll(cx);
        let polled = this.inner.as_mut().poll(cx);
        this.arena = Sandboxed::new(std::future::pending());
        polled
    }
}

/// A body that, dropped before its end, reads the rest in a background task.
struct FinishOnDrop(Option<axum::body::Body>);

impl http_body::Body for FinishOnDrop {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let Some(body) = self.0.as_mut() else {
            return std::task::Poll::Ready(None);
        };
        let polled = std::pin::Pin::new(body).poll_frame(cx);
        if let std::task::Poll::Ready(None) = polled {
            self.0 = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.0.as_ref().is_none_or(http_body::Body::is_end_stream)
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.0
            .as_ref()
            .map(http_body::Body::size_hint)
            .unwrap_or_default()
    }
}

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        let Some(mut body) = self.0.take() else {
            return;
        };
        if http_body::Body::is_end_stream(&body) {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                use http_body::Body as _;
                while let Some(Ok(_)) =
                    std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await
                {
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, header::HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn origin_must_match_the_host() {
        let ok = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        let evil = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]);
        let null = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(same_origin(&ok));
        assert!(!same_origin(&evil));
        assert!(!same_origin(&null));
    }

    /// Tasks that hop between worker threads, next to threads whose current arena was dropped:
    /// without `KeepArena` a stored value made after a hop panics or lands in a dead arena.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_keeps_its_arena_across_threads() {
        use leptos::prelude::{GetValue, StoredValue};
        use leptos::reactive::owner::Owner;
        let droppers = (0..200).map(|_| {
            tokio::spawn(async {
                for _ in 0..20 {
                    Owner::new_root(None).with(|| ());
                    tokio::task::yield_now().await;
                }
            })
        });
        let pages = (0..50).map(|n| {
            tokio::spawn(KeepArena::new(async move {
                let owner = Owner::new_root(None);
                owner.with(|| ());
                let mut sum = 0;
                for step in 0..20 {
                    tokio::task::yield_now().await;
                    sum += StoredValue::new(n + step).get_value();
                }
                drop(owner);
                sum
            }))
        });
        let droppers: Vec<_> = droppers.collect();
        for (n, page) in pages.enumerate() {
            assert_eq!(page.await.expect("the page task ends"), n * 20 + 190);
        }
        for dropper in droppers {
            dropper.await.expect("the dropping task ends");
        }
    }

    #[test]
    fn requests_without_browser_provenance_are_not_cross_site() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:3000")])));
    }
}
