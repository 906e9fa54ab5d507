//! Pages and answers travel compressed: brotli when the browser takes it (with a window fitted
//! to pages, `server::compress`), gzip when it takes only gzip, plain otherwise; each says so
//! and varies on `Accept-Encoding`, and each unpacks to the whole page or answer. Brotli's
//! come whole, with their length.

use super::matches::catalogue;
use app::domain::accounts::role::Role;
use passerelle_tests::{both_backends, Client, TestResponse};
use std::io::Read;

async fn fetch(client: &mut Client, encodings: &str, path: &str) -> TestResponse {
    client
        .headers
        .retain(|(name, _)| *name != "accept-encoding");
    if !encodings.is_empty() {
        client
            .headers
            .push(("accept-encoding", encodings.to_owned()));
    }
    let response = match path.strip_prefix("/api/") {
        Some(_) => client.call(path, &[("lang", "fr")]).await,
        None => client.get(path).await,
    };
    assert_eq!(
        response.status, 200,
        "{path} ({encodings}): {}",
        response.body
    );
    response
}

/// The body as the browser reads it once unpacked.
fn unpacked(response: &TestResponse) -> String {
    let mut text = String::new();
    match response.header("content-encoding") {
        Some("br") => brotli_decompressor::Decompressor::new(&response.bytes[..], 4096)
            .read_to_string(&mut text)
            .expect("whole brotli"),
        Some("gzip") => flate2::read::GzDecoder::new(&response.bytes[..])
            .read_to_string(&mut text)
            .expect("whole gzip"),
        None => return response.body.clone(),
        Some(other) => panic!("unexpected encoding {other}"),
    };
    text
}

both_backends! {
    async fn pages_and_answers_come_compressed_as_the_browser_asks(app) {
        catalogue(&app).await;
        let mut awa = app.signed_in(Role::Applicant).await;
        for path in ["/login", "/matches", "/api/matching/mine"] {
            let plain = fetch(&mut awa, "", path).await;
            assert_eq!(plain.header("content-encoding"), None, "{path}");
            for (asked, given) in [
                ("gzip, deflate, br, zstd", "br"),
                ("br;q=0, gzip", "gzip"),
                ("gzip", "gzip"),
            ] {
                let packed = fetch(&mut awa, asked, path).await;
                assert_eq!(packed.header("content-encoding"), Some(given), "{path} ({asked})");
                // Brotli compresses a page whole and says how long it is; gzip streams.
                let length = packed.bytes.len().to_string();
                let expected = (given == "br").then_some(length.as_str());
                assert_eq!(packed.header("content-length"), expected, "{path} ({asked})");
                assert!(
                    packed.headers.get_all("vary").iter().any(|v| v == "accept-encoding"),
                    "{path} ({asked}): {:?}",
                    packed.headers
                );
                assert!(
                    packed.bytes.len() < plain.body.len(),
                    "{path} ({asked}): {} bytes for {}",
                    packed.bytes.len(),
                    plain.body.len()
                );
                let text = unpacked(&packed);
                if path.starts_with("/api/") {
                    assert_eq!(text, plain.body, "{path} ({asked})");
                } else {
                    // The page's nonce is new with every response; the rest is the same page
                    // (its resources' data follows `</html>`).
                    assert!(text.starts_with("<!DOCTYPE html>") && text.contains("</html>"), "{text}");
                    assert_eq!(text.len(), plain.body.len(), "{path} ({asked})");
                }
            }
        }
    }
}
