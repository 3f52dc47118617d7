//! Settings read from the page URL: `?preset=stress&seed=42&lang=ko&speed=2`.
//! Parsing is a pure function tested natively; a bad value becomes a notice the
//! app shows (naming the parameter and what is allowed), then the default.

use crate::i18n::Lang;
use crate::presets::Preset;
use crate::state::Tab;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlSettings {
    pub lang: Option<Lang>,
    pub preset: Option<Preset>,
    pub seed: Option<u64>,
    pub speed: Option<f64>,
    /// `play=1` starts playing at once (for embedded lessons).
    pub play: bool,
    /// `tab=lag` opens that side-panel tab (names: [`Tab::parse`]).
    pub tab: Option<Tab>,
    /// `lesson=ch3` opens that lesson of the course (`kafka_sim::course`).
    pub lesson: Option<&'static str>,
    /// `step=4` (from 1) opens that step of the lesson; needs `lesson`.
    pub step: Option<usize>,
    /// `embed=1`: only the stage and the lesson panel (for course pages).
    pub embed: bool,
    /// `compare=acks` opens compare mode on that setting (names:
    /// [`kafka_sim::compare::Setting::name`]).
    pub compare: Option<kafka_sim::compare::Setting>,
    /// Problems found: (parameter, bad value, what is allowed).
    pub problems: Vec<(String, String, &'static str)>,
}

/// Parses a query string such as `?lang=ko` (the leading `?` is optional).
pub fn parse_query(query: &str) -> UrlSettings {
    let mut out = UrlSettings::default();
    for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        let mut bad = |allowed: &'static str| out_problem(&mut out.problems, k, &v, allowed);
        match k {
            "lang" => match Lang::parse(&v) {
                Some(l) => out.lang = Some(l),
                None => bad("en or ko"),
            },
            "preset" => match Preset::parse(&v) {
                Some(p) => out.preset = Some(p),
                None => bad("default or stress"),
            },
            "seed" => match v.parse::<u64>() {
                Ok(s) => out.seed = Some(s),
                Err(_) => bad("a whole number from 0 to 18446744073709551615"),
            },
            "speed" => match v.parse::<f64>() {
                Ok(s) if s.is_finite() && (0.1..=10.0).contains(&s) => out.speed = Some(s),
                _ => bad("a number from 0.1 to 10"),
            },
            "play" => match v.as_str() {
                "1" | "true" => out.play = true,
                "0" | "false" => out.play = false,
                _ => bad("1 or 0"),
            },
            "tab" => match Tab::parse(&v) {
                Some(t) => out.tab = Some(t),
                None => bad("inspector, events, config, lag, course or brokers"),
            },
            "lesson" => match kafka_sim::course::lessons().iter().find(|l| l.id == v) {
                Some(l) => out.lesson = Some(l.id),
                None => bad("ch1, ch2, ch3, ch4, ch5 or ch6"),
            },
            "step" => match v.parse::<usize>() {
                Ok(n) if n >= 1 => out.step = Some(n),
                _ => bad("a whole number from 1 (the lesson's step)"),
            },
            "embed" => match v.as_str() {
                "1" | "true" => out.embed = true,
                "0" | "false" => out.embed = false,
                _ => bad("1 or 0"),
            },
            "compare" => match kafka_sim::compare::Setting::parse(&v) {
                Ok(c) => out.compare = Some(c),
                Err(_) => bad("acks, min_isr, unclean, partitioner, assignor or consumers"),
            },
            // Unknown parameters are ignored: course pages may add their own.
            _ => {}
        }
    }
    // A step only means something within a lesson, and only up to its length.
    if let Some(n) = out.step {
        let steps = out.lesson.and_then(kafka_sim::course::lesson).map(|l| l.steps.len());
        match steps {
            None => {
                out.step = None;
                out_problem(&mut out.problems, "step", &n.to_string(), "a step of a lesson: add lesson=ch1 … ch6");
            }
            Some(len) if n > len => {
                out.step = Some(len);
                out_problem(&mut out.problems, "step", &n.to_string(), "at most the lesson's last step (opened that)");
            }
            Some(_) => {}
        }
    }
    out
}

fn out_problem(problems: &mut Vec<(String, String, &'static str)>, k: &str, v: &str, allowed: &'static str) {
    problems.push((k.to_string(), v.to_string(), allowed));
}

/// Percent-decoding for the few characters a hand-typed URL carries.
fn decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 3 <= bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The current page's query string, or empty outside a browser.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_settings_are_read() {
        let s = parse_query("?preset=stress&seed=42&lang=ko&speed=2");
        assert_eq!((s.preset, s.seed, s.lang, s.speed), (Some(Preset::Stress), Some(42), Some(Lang::Ko), Some(2.0)));
        assert!(s.problems.is_empty());
        assert_eq!(parse_query(""), UrlSettings::default());
        assert_eq!(parse_query("lang=en&x=1").lang, Some(Lang::En));
        assert!(parse_query("play=1").play && !parse_query("play=0").play);
        assert_eq!(parse_query("play=maybe").problems.len(), 1);
    }

    #[test]
    fn bad_values_are_reported_with_what_is_allowed_and_ignored() {
        let s = parse_query("?preset=huge&seed=-3&lang=fr&speed=50");
        assert_eq!((s.preset, s.seed, s.lang, s.speed), (None, None, None, None));
        let names: Vec<&str> = s.problems.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["preset", "seed", "lang", "speed"]);
        assert_eq!(s.problems[0].2, "default or stress");
        assert_eq!(parse_query("speed=NaN").problems.len(), 1);
    }

    #[test]
    fn tab_names_a_side_panel_tab() {
        assert_eq!(parse_query("?tab=lag&lang=ko").tab, Some(Tab::Lag));
        assert_eq!(parse_query("tab=events").tab, Some(Tab::Events));
        assert_eq!(parse_query("").tab, None);
        let bad = parse_query("tab=charts");
        assert_eq!((bad.tab, bad.problems.len()), (None, 1));
        assert_eq!(bad.problems[0].2, "inspector, events, config, lag, course or brokers");
    }

    #[test]
    fn a_lesson_step_and_embed_mode() {
        let s = parse_query("?lesson=ch2&step=4&lang=ko&embed=1");
        assert_eq!((s.lesson, s.step, s.lang, s.embed), (Some("ch2"), Some(4), Some(Lang::Ko), true));
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        let bad = parse_query("lesson=ch9&step=0&embed=yes");
        assert_eq!((bad.lesson, bad.step, bad.embed), (None, None, false));
        let names: Vec<&str> = bad.problems.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["lesson", "step", "embed"]);
        // A step without a lesson, or past the lesson's end.
        assert_eq!(parse_query("step=2").problems[0].0, "step");
        let past = parse_query("lesson=ch2&step=99");
        assert_eq!(past.step, Some(kafka_sim::course::lesson("ch2").unwrap().steps.len()));
        assert_eq!(past.problems.len(), 1);
    }

    #[test]
    fn compare_names_a_setting() {
        use kafka_sim::compare::Setting;
        assert_eq!(parse_query("?compare=acks").compare, Some(Setting::Acks));
        assert_eq!(parse_query("compare=min_isr&lang=ko").compare, Some(Setting::MinIsr));
        let bad = parse_query("compare=linger");
        assert_eq!((bad.compare, bad.problems.len()), (None, 1));
        assert_eq!(bad.problems[0].0, "compare");
        assert!(bad.problems[0].2.contains("consumers"));
    }

    #[test]
    fn percent_encoding_is_decoded() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
    }
}
