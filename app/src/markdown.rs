//! Text people write (business-plan sections, comments) is Markdown, rendered on the server:
//! pulldown-cmark turns it into HTML, then ammonia keeps only an allow-list — no raw HTML from
//! the writer survives, links are http, https or mailto only and open without handing over the
//! page (security.md, "Input and output"). The result is the only HTML a page may insert as is.

use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The tags a plan section needs: paragraphs, emphasis, lists, headings, quotes, simple tables.
const TAGS: &[&str] = &[
    "p",
    "br",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "hr",
];

static CLEANER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .link_rel(Some("noopener noreferrer nofollow ugc"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .add_tag_attributes("a", ["href"]);
    builder
});

/// Safe HTML for `text`. Headings written as `#` or `##` come out as `h3`/`h4` once cleaned (a
/// section already has its own title), so the page's outline stays the page's.
pub fn to_safe_html(text: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(text, options));
    let demoted = raw
        .replace("<h1>", "<h3>")
        .replace("</h1>", "</h3>")
        .replace("<h2>", "<h4>")
        .replace("</h2>", "</h4>");
    CLEANER.clean(&demoted).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_writing_keeps_its_shape() {
        let html = to_safe_html("Je vends des **pagnes** à Tanger.\n\n- tissu\n- fil\n");
        assert!(html.contains("<strong>pagnes</strong>"), "{html}");
        assert!(html.contains("<li>tissu</li>"), "{html}");
        let arabic = to_safe_html("أبيع *الأقمشة* في طنجة");
        assert!(arabic.contains("<em>الأقمشة</em>"), "{arabic}");
    }

    #[test]
    fn links_keep_safe_schemes_and_lose_the_page() {
        let html = to_safe_html("[ANAPEC](https://www.anapec.org)");
        assert!(html.contains("href=\"https://www.anapec.org\""), "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow ugc\""),
            "{html}"
        );
    }

    /// What an attacker might type into a section: none of it may reach the page able to run.
    const XSS: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<details open ontoggle=alert(1)>",
        "![x](https://evil.example/x.png\" onerror=\"alert(1))",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<form action=\"https://evil.example\"><button>Envoyer</button></form>",
    ];

    /// The tags of an HTML fragment (text is escaped by the cleaner, so every `<` opens one).
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or_default().to_lowercase())
            .collect()
    }

    #[test]
    fn no_script_event_handler_or_dangerous_url_survives() {
        const ALLOWED: &[&str] = &["p", "/p", "a", "/a", "strong", "/strong", "em", "/em", "br"];
        for input in XSS {
            let html = to_safe_html(input);
            for tag in tags(&html) {
                let name = tag.split_whitespace().next().unwrap_or_default();
                assert!(ALLOWED.contains(&name), "{input:?} gave the tag <{tag}>");
                for bad in [" on", "javascript:", "data:", "style="] {
                    assert!(!tag.contains(bad), "{input:?} gave <{tag}>");
                }
                if name == "a" {
                    assert!(
                        tag.contains("href=\"http")
                            || tag.contains("href=\"mailto")
                            || !tag.contains("href"),
                        "{input:?} gave <{tag}>"
                    );
                }
            }
        }
    }
}
