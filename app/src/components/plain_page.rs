//! Responses rendered outside Leptos (the page guard's refusal, a download that is not found):
//! the reader's language, and a small self-contained page in it.

use crate::domain::shared::locale::Lang;
use crate::i18n::*;
use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// The language cookie, else `Accept-Language`.
pub fn reader_language(headers: &HeaderMap) -> Lang {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let cookie = text(header::COOKIE).and_then(|cookies| {
        cookies.split(';').find_map(|c| {
            c.trim()
                .strip_prefix(Lang::COOKIE)
                .and_then(|rest| rest.strip_prefix('='))
        })
    });
    Lang::resolve(cookie, text(header::ACCEPT_LANGUAGE))
}

/// Which small page to answer.
#[derive(Debug, Clone, Copy)]
pub enum PlainPage {
    Forbidden,
    NotFound,
}

/// `page` in the reader's language, with its status and a link home.
pub fn plain_page(page: PlainPage, headers: &HeaderMap) -> Response {
    let lang = reader_language(headers);
    let locale: Locale = lang.code().parse().unwrap_or_default();
    let (status, title, message) = match page {
        PlainPage::Forbidden => (
            StatusCode::FORBIDDEN,
            td_string!(locale, error.forbidden_title),
            td_string!(locale, error.forbidden),
        ),
        PlainPage::NotFound => (
            StatusCode::NOT_FOUND,
            td_string!(locale, error.not_found_title),
            td_string!(locale, error.not_found),
        ),
    };
    let back = td_string!(locale, error.back_home);
    let html = format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
         <body><main id=\"content\"><section class=\"card\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">{back}</a></p></section></main></body></html>",
        css = crate::assets::bundle().css,
        code = locale.as_str(),
        dir = lang.direction().as_str(),
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(html),
    )
        .into_response()
}
