//! The one cleaner for a file name a browser sent, wherever a file is uploaded.

/// The longest name shown back, in characters.
pub const NAME_MAX: usize = 120;

/// A file name fit to show back: its last path part, without control or text-direction
/// characters (which could make `exe.jpg` read as `gpj.exe`), at most [`NAME_MAX`] characters,
/// or `fallback` when nothing is left. Display only: no file is ever stored or served under it.
pub fn shown(raw: Option<&str>, fallback: &str) -> String {
    let last = raw
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let name: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_direction_mark(*c))
        .take(NAME_MAX)
        .collect();
    let name = name.trim();
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// Unicode's explicit text-direction controls (embeddings, overrides, isolates, marks).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_name_is_the_last_part_printable_and_short() {
        assert_eq!(shown(Some("C:\\Users\\awa\\reçu.pdf"), "x"), "reçu.pdf");
        assert_eq!(shown(Some("../../etc/passwd"), "x"), "passwd");
        assert_eq!(shown(Some("a\u{0}b\nc\u{202E}gpj.exe"), "x"), "abcgpj.exe");
        assert_eq!(shown(Some("dir/"), "evidence"), "evidence");
        assert_eq!(shown(None, "import.csv"), "import.csv");
        assert_eq!(shown(Some(&"é".repeat(300)), "x").chars().count(), NAME_MAX);
    }
}
