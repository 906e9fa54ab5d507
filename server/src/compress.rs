//! Brotli for pages and server-function answers, with a window fitted to them.
//!
//! tower-http's compression layer sets only brotli's quality, so its encoder keeps the default
//! 4 MiB window: a streamed page (Leptos sends a page in several chunks) makes brotli allocate
//! and zero an 8 MiB ring buffer for every response, which was a third of the CPU time of
//! `/login` under load. A 256 KiB window holds any page we send (the largest are about 60 KB)
//! and gives byte for byte the same output on them, at a quarter of the cost. tower-http's layer
//! stays outside this one for gzip (it leaves a response that already has a
//! `Content-Encoding` alone, as this layer does with the bundle's precompressed files).
//!
//! Pages and answers are compressed whole, in one call, and sent with their length: brotli at
//! this quality holds its output until the end anyway, so streaming them gained no time, and a
//! response written in one piece costs the server one write instead of a chunk per part of the
//! page. Downloads (CSV, which can be megabytes) stream through the encoder as before.

use async_compression::brotli::EncoderParams;
use async_compression::tokio::bufread::BrotliEncoder;
use async_compression::Level;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use brotli::enc::backward_references::{BrotliEncoderMode, BrotliEncoderParams};
use futures::TryStreamExt;
use http::header::{
    ACCEPT_ENCODING, ACCEPT_RANGES, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, VARY,
};
use http::{HeaderMap, HeaderValue, StatusCode};
use tokio_util::io::{ReaderStream, StreamReader};

/// Quality 4: as small as gzip at its best on our pages, at a fraction of brotli 11's cost.
const QUALITY: i32 = 4;
/// 2^18 bytes: more than any page or answer we send.
const WINDOW_BITS: i32 = 18;

/// Compresses the response with brotli when the client accepts it and it is text we made.
pub async fn brotli(request: Request, next: Next) -> Response {
    let accepted = accepts_brotli(request.headers());
    // A HEAD answer has no body to measure: it keeps the streaming path (no length).
    let head = request.method() == http::Method::HEAD;
    let response = next.run(request).await;
    if !accepted || !worth_compressing(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(CONTENT_ENCODING, HeaderValue::from_static("br"));
    parts.headers.remove(CONTENT_LENGTH);
    parts.headers.remove(ACCEPT_RANGES);
    parts
        .headers
        .append(VARY, HeaderValue::from_static("accept-encoding"));
    if head || !is_whole(&parts.headers) {
        let params = EncoderParams::default()
            .quality(Level::Precise(QUALITY))
            .window_size(WINDOW_BITS)
            .text_mode();
        let plain = StreamReader::new(body.into_data_stream().map_err(std::io::Error::other));
        let compressed = ReaderStream::new(BrotliEncoder::with_params(plain, params));
        return Response::from_parts(parts, Body::from_stream(compressed));
    }
    let plain = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(plain) => plain,
        Err(error) => {
            // The page failed part-way: nothing of it was sent yet, so the browser gets an
            // error instead of half a page.
            tracing::error!(%error, "a response failed while it was being compressed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match compress_whole(&plain) {
        Ok(packed) => {
            parts
                .headers
                .insert(CONTENT_LENGTH, HeaderValue::from(packed.len()));
            Response::from_parts(parts, Body::from(packed))
        }
        Err(error) => {
            tracing::error!(%error, "brotli failed on a response; sent as it was");
            parts.headers.remove(CONTENT_ENCODING);
            parts
                .headers
                .insert(CONTENT_LENGTH, HeaderValue::from(plain.len()));
            Response::from_parts(parts, Body::from(plain))
        }
    }
}

/// Pages and server functions' answers (HTML, JSON): at most tens of kilobytes, read whole.
fn is_whole(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|kind| {
            let kind = kind.to_ascii_lowercase();
            kind.starts_with("text/html") || kind.starts_with("application/json")
        })
}

/// `plain` as brotli, with the same settings as the streaming encoder.
fn compress_whole(plain: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = BrotliEncoderParams {
        quality: QUALITY,
        lgwin: WINDOW_BITS,
        mode: BrotliEncoderMode::BROTLI_MODE_TEXT,
        size_hint: plain.len(),
        ..BrotliEncoderParams::default()
    };
    let mut packed = Vec::with_capacity(plain.len() / 3 + 64);
    brotli::BrotliCompress(&mut &plain[..], &mut packed, &params)?;
    Ok(packed)
}

/// Whether `Accept-Encoding` names `br` with a weight above zero.
fn accepts_brotli(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let weight = parts
                .find_map(|param| param.strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok());
            name.eq_ignore_ascii_case("br") && weight.is_some_and(|q| q > 0.0)
        })
}

/// Text (HTML, JSON, CSV, CSS, JavaScript, SVG) with a body, not already encoded.
fn worth_compressing(response: &Response) -> bool {
    let headers = response.headers();
    let text = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|kind| {
            let kind = kind.to_ascii_lowercase();
            kind.starts_with("text/")
                || kind.starts_with("application/json")
                || kind.starts_with("application/javascript")
                || kind.starts_with("image/svg+xml")
        });
    let small = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok())
        .is_some_and(|length| length < 32);
    text && !small
        && !headers.contains_key(CONTENT_ENCODING)
        && !matches!(
            response.status(),
            StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED | StatusCode::PARTIAL_CONTENT
        )
}

#[cfg(test)]
mod tests {
    use super::accepts_brotli;
    use http::header::ACCEPT_ENCODING;
    use http::{HeaderMap, HeaderValue};

    fn accepts(value: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        accepts_brotli(&headers)
    }

    #[test]
    fn brotli_is_used_only_when_accepted_with_a_weight() {
        assert!(accepts("gzip, deflate, br, zstd"));
        assert!(accepts("BR;q=0.5"));
        assert!(accepts("gzip;q=1.0, br ; q=0.1"));
        assert!(!accepts("gzip, deflate"));
        assert!(!accepts("br;q=0"));
        assert!(!accepts("br;q=0.000, gzip"));
        assert!(!accepts("brotli"));
        assert!(!accepts(""));
        assert!(!accepts_brotli(&HeaderMap::new()));
    }
}
