//! Which language to speak to someone: their saved choice first, then their browser's
//! `Accept-Language`, then French, the programme's working language.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Ar,
}

/// Text direction of a language, for `<html dir>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];
    pub const DEFAULT: Lang = Lang::Fr;
    /// The cookie that remembers the choice (the name leptos_i18n reads and writes).
    pub const COOKIE: &'static str = "i18n_pref_locale";

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar => Direction::Rtl,
            Lang::Fr | Lang::En => Direction::Ltr,
        }
    }

    /// The language's own name, as shown in the switcher whatever the page's language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// Picks the language for a request.
    pub fn resolve(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie
            .and_then(|c| c.parse().ok())
            .or_else(|| accept_language.and_then(best_accepted))
            .unwrap_or(Lang::DEFAULT)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language")]
pub struct UnknownLang;

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts a bare code or a tag with a region (`ar-MA`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
            .ok_or(UnknownLang)
    }
}

/// The supported language the browser prefers most, honouring `q` weights; `q=0` means "not
/// this one". Ties keep the browser's order.
fn best_accepted(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, u16)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(|tag| tag.parse::<Lang>().ok()) else {
            continue;
        };
        let weight = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
            None => 1000,
            Some(q) => match parse_weight(q) {
                Some(weight) => weight,
                None => continue,
            },
        };
        if weight > 0 && best.is_none_or(|(_, w)| weight > w) {
            best = Some((lang, weight));
        }
    }
    best.map(|(lang, _)| lang)
}

/// `q` in thousandths, so no floating point: "0.8" → 800, "1" → 1000.
fn parse_weight(q: &str) -> Option<u16> {
    let (whole, frac) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    if frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = whole.parse().ok()?;
    let frac: u16 = format!("{frac:0<3}").parse().ok()?;
    let weight = whole.checked_mul(1000)?.checked_add(frac)?;
    (weight <= 1000).then_some(weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_is_the_default() {
        assert_eq!(Lang::resolve(None, None), Lang::Fr);
        assert_eq!(Lang::resolve(None, Some("de-DE,de;q=0.9")), Lang::Fr);
    }

    #[test]
    fn a_saved_choice_wins_over_the_browser() {
        assert_eq!(Lang::resolve(Some("ar"), Some("en-US,en;q=0.9")), Lang::Ar);
    }

    #[test]
    fn a_broken_cookie_falls_back_to_the_browser() {
        assert_eq!(Lang::resolve(Some("xx"), Some("en")), Lang::En);
    }

    #[test]
    fn the_browser_preference_is_read_with_regions_and_weights() {
        assert_eq!(
            Lang::resolve(None, Some("ar-MA,ar;q=0.9,fr;q=0.8")),
            Lang::Ar
        );
        assert_eq!(
            Lang::resolve(None, Some("de;q=1,en;q=0.5,fr;q=0.7")),
            Lang::Fr
        );
        assert_eq!(Lang::resolve(None, Some("EN-gb")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("en;q=0.5, ar;q=0.5")), Lang::En);
    }

    #[test]
    fn a_language_refused_with_q_zero_is_never_chosen() {
        assert_eq!(Lang::resolve(None, Some("ar;q=0, en;q=0.1")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("en;q=0")), Lang::Fr);
    }

    #[test]
    fn malformed_weights_are_ignored() {
        assert_eq!(Lang::resolve(None, Some("ar;q=2, en;q=0.5")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("ar;q=abc")), Lang::Fr);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.direction(), Direction::Rtl);
        assert_eq!(Lang::Fr.direction(), Direction::Ltr);
        assert_eq!(Lang::En.direction(), Direction::Ltr);
    }
}
