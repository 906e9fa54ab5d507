//! Browsers that go away mid-page: a phone that loses its signal, a tab closed while a page
//! loads, a proxy that gives up. The server must shrug: no panic in its workers, and the next
//! request answered in full. Served over real TCP (`TestApp::serve_tcp`), as in production.

use passerelle_tests::both_backends;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Panics raised outside the tests' own code: in the server, Leptos or a library.
static SERVER_PANICS: AtomicUsize = AtomicUsize::new(0);
/// What each of them said and where: the test harness shows a panic's own report only with the
/// output of the test whose thread raised it, which may be another test that passed.
static SERVER_PANIC_REPORTS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Counts every panic whose place is not a test file, and still reports it the usual way.
fn count_server_panics() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_tests = info
                .location()
                .is_some_and(|place| place.file().starts_with("tests/"));
            if !in_tests {
                SERVER_PANICS.fetch_add(1, Ordering::SeqCst);
                let what = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let place = info.location().map(|l| l.to_string()).unwrap_or_default();
                if let Ok(mut reports) = SERVER_PANIC_REPORTS.lock() {
                    reports.push(format!("{what} (at {place})"));
                }
            }
            previous(info);
        }));
    });
}

fn request(page: &str, cookie: &str, connection: &str) -> String {
    format!(
        "GET {page} HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: fr\r\n\
         Cookie: {cookie}\r\nConnection: {connection}\r\n\r\n"
    )
}

/// Asks for `page` and goes away: at once (`0`), after the first byte (`1`), after the first
/// few kilobytes (`2`), or after closing its own side (`3`).
async fn cut_off(addr: SocketAddr, page: &'static str, cookie: String, how: usize) {
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return;
    };
    if stream
        .write_all(request(page, &cookie, "keep-alive").as_bytes())
        .await
        .is_err()
    {
        return;
    }
    let mut buffer = vec![0u8; 4096];
    match how {
        0 => {}
        1 => {
            let _ = stream.read(&mut buffer[..1]).await;
        }
        2 => {
            let _ = stream.read(&mut buffer).await;
        }
        _ => {
            let _ = stream.shutdown().await;
        }
    }
    drop(stream);
}

/// A whole page over its own connection: the status and the body.
async fn full_get(addr: SocketAddr, page: &str, cookie: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream
        .write_all(request(page, cookie, "close").as_bytes())
        .await
        .expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.lines().next().unwrap_or_default().to_owned();
    (status, answer)
}

both_backends! {
    async fn pages_cut_off_mid_way_leave_no_panic_and_the_server_answering(app) {
        count_server_panics();
        crate::matches::catalogue(&app).await;
        let awa = crate::matches::person(&app, "awa@example.org", "Awa Koné", true).await;
        let cookie = format!("{}={}", server::SESSION_COOKIE, awa.session_id().expect("session"));
        let addr = app.serve_tcp().await;
        let before = SERVER_PANICS.load(Ordering::SeqCst);

        let pages = ["/login", "/matches", "/profile", "/skills?q=couture", "/plans", "/me"];
        let mut cut = Vec::new();
        for round in 0..90 {
            for page in pages {
                cut.push(tokio::spawn(cut_off(addr, page, cookie.clone(), round % 4)));
            }
        }
        for task in cut {
            task.await.expect("a cut request");
        }
        // What the server was still doing for the clients that left runs to its end.
        tokio::time::sleep(Duration::from_millis(500)).await;

        // Many pages read to their end at once: the load under which a page's data task used to
        // run after its page was sent, and read disposed signals.
        let mut read = Vec::new();
        for _ in 0..40 {
            for page in ["/matches", "/login", "/profile", "/plans"] {
                let cookie = cookie.clone();
                read.push(tokio::spawn(async move { (page, full_get(addr, page, &cookie).await) }));
            }
        }
        for task in read {
            let (page, (status, body)) = task.await.expect("a page read to its end");
            assert!(status.contains(" 200 "), "{page}: {status}");
            assert!(body.contains("</html>"), "{page}: a whole page");
        }
        let (status, _) = full_get(addr, "/healthz", "").await;
        assert!(status.contains(" 200 "), "{status}");
        assert_eq!(
            SERVER_PANICS.load(Ordering::SeqCst) - before,
            0,
            "the server panicked while clients went away: {:?}",
            SERVER_PANIC_REPORTS.lock().map(|r| r.clone()).unwrap_or_default()
        );
    }
}

both_backends! {
    async fn nothing_personal_is_kept_by_a_browser_and_the_bundle_is_kept_for_good(app) {
        use app::domain::accounts::role::Role;
        let mut visitor = app.client();
        for page in ["/login", "/healthz", "/no-such-page"] {
            let response = visitor.get(page).await;
            assert_eq!(response.header("cache-control"), Some("no-store"), "{page}");
        }
        let mut awa = app.signed_in(Role::Applicant).await;
        for page in ["/me", "/profile", "/matches"] {
            let response = awa.get(page).await;
            assert_eq!(response.status, 200, "{page}");
            assert_eq!(response.header("cache-control"), Some("no-store"), "{page}");
        }
        let answer = awa.call("/api/accounts/current_user", &[]).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.header("cache-control"), Some("no-store"));
        // The bundle `make test` builds before the suite: every file a page links carries its
        // content's hash in its name, is kept for a year, and comes brotli-compressed from disk.
        // (the skills search holds an island, so it links the script and WebAssembly too).
        let page = visitor.get("/skills").await;
        let linked = bundle_files(&page.body);
        for kind in [".css", ".js", ".wasm"] {
            assert!(
                linked.iter().any(|file| file.ends_with(kind)),
                "the page links a hashed {kind} file: {linked:?}"
            );
        }
        let mut compressing = app.client();
        compressing
            .headers
            .push(("accept-encoding", "br, gzip".to_owned()));
        for file in &linked {
            let on_disk = format!("{}{file}", passerelle_tests::site_root());
            let size = |path: &str| std::fs::metadata(path).map(|m| m.len().to_string()).ok();
            let plain = visitor.get(file).await;
            assert_eq!(plain.status, 200, "{file}: the bundle is built before the tests (make test)");
            assert_eq!(
                plain.header("cache-control"),
                Some("public, max-age=31536000, immutable"),
                "{file}"
            );
            assert_eq!(plain.header("content-encoding"), None, "{file}");
            assert_eq!(plain.header("content-length").map(str::to_owned), size(&on_disk));
            let brotli = compressing.get(file).await;
            // Seen once in CI (a 404 for the .wasm with brotli asked, on one backend only): say
            // what was on disk then, to name the cause if it comes back.
            assert_eq!(
                brotli.status,
                200,
                "{file}: on disk {:?}, .br {:?}, .gz {:?}; answered {:?}",
                size(&on_disk),
                size(&format!("{on_disk}.br")),
                size(&format!("{on_disk}.gz")),
                brotli.body.chars().take(300).collect::<String>()
            );
            assert_eq!(brotli.header("content-encoding"), Some("br"), "{file}");
            assert_eq!(
                brotli.header("content-length").map(str::to_owned),
                size(&format!("{on_disk}.br")),
                "{file}: the copy compressed at build time, not one compressed per request"
            );
            assert_eq!(brotli.header("vary"), Some("accept-encoding"), "{file}");
            // A browser asking whether its copy is still good gets a 304 and nothing again.
            let kept = plain.header("last-modified").expect("last-modified").to_owned();
            let mut revisiting = app.client();
            revisiting.headers.push(("if-modified-since", kept));
            let again = revisiting.get(file).await;
            assert_eq!(again.status, 304, "{file}");
            assert!(again.bytes.is_empty(), "{file}");
        }
        // The refusal page, rendered outside Leptos, links the same stylesheet.
        let refused = awa.get("/admin").await;
        assert_eq!(refused.status, 403);
        assert_eq!(bundle_files(&refused.body), linked.iter().filter(|f| f.ends_with(".css")).cloned().collect::<Vec<_>>());
        // A name without its hash is no file of this release: not found, nothing kept.
        let unhashed = visitor.get("/pkg/passerelle.css").await;
        assert_eq!(unhashed.status, 404);
        assert_eq!(unhashed.header("cache-control"), Some("no-store"));
    }
}

/// The bundle files a page links: `/pkg/passerelle.<hash>.<extension>`.
fn bundle_files(page: &str) -> Vec<String> {
    let mut files: Vec<String> = page
        .match_indices("/pkg/passerelle.")
        .map(|(at, _)| {
            page[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'))
                .collect()
        })
        .collect();
    files.sort();
    files.dedup();
    files
}
