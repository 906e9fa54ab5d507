//! Pages of no one area: the home page and "not found"; the query strings pages link to.

pub mod home;
pub mod labels;
pub mod not_found;

/// `key=value&…`, each value percent-encoded (the links of filtered and paged lists).
pub fn url_query<'a>(pairs: impl Iterator<Item = (&'a str, String)>) -> String {
    pairs
        .map(|(key, value)| {
            let value: String = value
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{key}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}
