//! Settings read from the page URL (`?lang=ko`). Parsing is a pure function so it
//! is tested natively; bad values become notices the app shows, then defaults.

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlSettings {
    pub lang: Option<Lang>,
    /// Problems found, as (parameter, bad value): shown to the user.
    pub problems: Vec<(String, String)>,
}

/// Parses a query string such as `?lang=ko` (the leading `?` is optional).
pub fn parse_query(query: &str) -> UrlSettings {
    let mut out = UrlSettings::default();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        // Unknown parameters are ignored: course pages may add their own.
        if k == "lang" {
            match Lang::parse(v) {
                Some(l) => out.lang = Some(l),
                None => out.problems.push((k.to_string(), v.to_string())),
            }
        }
    }
    out
}

/// The current page's query string, or empty outside a browser.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_read_and_bad_values_are_reported() {
        assert_eq!(parse_query("?lang=ko").lang, Some(Lang::Ko));
        assert_eq!(parse_query("lang=en&x=1").lang, Some(Lang::En));
        let bad = parse_query("?lang=fr");
        assert_eq!(bad.lang, None);
        assert_eq!(bad.problems, vec![("lang".to_string(), "fr".to_string())]);
        assert_eq!(parse_query(""), UrlSettings::default());
    }
}
