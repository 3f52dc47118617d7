//! The inspector's `--reset-offsets` form: which spec, the number typed for it,
//! parsing that into a [`ResetSpec`] with a clear message for bad input, and
//! the wording of the dry run's rows. Pure, tested natively; the dry run
//! itself is the engine's (`Cluster::reset_preview`), copied out by the reducer.

use crate::i18n::Strings;
use kafka_sim::group::{ResetPreview, ResetRow};
use kafka_sim::ResetSpec;

/// The spec picked in the form's select (`--to-earliest` …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResetKind {
    #[default]
    Earliest,
    Latest,
    Offset,
    Shift,
    Datetime,
}

impl ResetKind {
    pub const ALL: [ResetKind; 5] =
        [ResetKind::Earliest, ResetKind::Latest, ResetKind::Offset, ResetKind::Shift, ResetKind::Datetime];

    /// The tool's option, the select's value and label (untranslated: a Kafka identifier).
    pub fn option(self) -> &'static str {
        match self {
            ResetKind::Earliest => "--to-earliest",
            ResetKind::Latest => "--to-latest",
            ResetKind::Offset => "--to-offset",
            ResetKind::Shift => "--shift-by",
            ResetKind::Datetime => "--to-datetime",
        }
    }

    pub fn parse(option: &str) -> Option<ResetKind> {
        ResetKind::ALL.into_iter().find(|k| k.option() == option)
    }

    /// Whether the spec takes a number.
    pub fn takes_input(self) -> bool {
        matches!(self, ResetKind::Offset | ResetKind::Shift | ResetKind::Datetime)
    }
}

/// What the form holds: the spec and the text typed for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResetForm {
    pub kind: ResetKind,
    pub input: String,
}

/// Why the typed text is no spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    /// An offset or a time below zero.
    Negative,
}

impl InputError {
    pub fn message(self, s: &Strings, kind: ResetKind) -> &'static str {
        match (self, kind) {
            (InputError::Empty, ResetKind::Datetime) => s.reset_need_time,
            (InputError::Empty, _) => s.reset_need_number,
            (InputError::NotANumber, ResetKind::Datetime) => s.reset_bad_time,
            (InputError::NotANumber, _) => s.reset_bad_number,
            (InputError::Negative, ResetKind::Datetime) => s.reset_negative_time,
            (InputError::Negative, _) => s.reset_negative_offset,
        }
    }
}

impl ResetForm {
    /// The spec the form stands for. `--to-datetime` takes simulated seconds
    /// with up to three decimals (`12.5` → 12 500 ms), read without floats so the
    /// time is exact.
    pub fn spec(&self) -> Result<ResetSpec, InputError> {
        let t = self.input.trim();
        if self.kind.takes_input() && t.is_empty() {
            return Err(InputError::Empty);
        }
        let negative = t.starts_with('-');
        match self.kind {
            ResetKind::Earliest => Ok(ResetSpec::ToEarliest),
            ResetKind::Latest => Ok(ResetSpec::ToLatest),
            ResetKind::Shift => t.parse::<i64>().map(ResetSpec::ShiftBy).map_err(|_| InputError::NotANumber),
            ResetKind::Offset => match t.parse::<u64>() {
                Ok(o) => Ok(ResetSpec::ToOffset(o)),
                Err(_) if negative && t[1..].parse::<u64>().is_ok() => Err(InputError::Negative),
                Err(_) => Err(InputError::NotANumber),
            },
            ResetKind::Datetime => match seconds_to_ms(t.strip_prefix('-').unwrap_or(t)) {
                Some(_) if negative => Err(InputError::Negative),
                Some(ms) => Ok(ResetSpec::ToDatetime(ms)),
                None => Err(InputError::NotANumber),
            },
        }
    }
}

/// `"12"` → 12 000, `"12.5"` → 12 500, `"0.125"` → 125; more than three
/// decimals, signs or other characters → `None`.
pub fn seconds_to_ms(t: &str) -> Option<u64> {
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || frac.len() > 3 || !digits(whole) || !digits(frac) {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac: u64 = if frac.is_empty() { 0 } else { format!("{frac:0<3}").parse().ok()? };
    whole.checked_mul(1000)?.checked_add(frac)
}

/// What a row's move means: `re-read 12`, `skip 3` or `no change`.
pub fn change_text(s: &Strings, row: &ResetRow) -> String {
    if row.reread > 0 {
        format!("{} {}", s.reset_reread, row.reread)
    } else if row.skipped > 0 {
        format!("{} {}", s.reset_skip, row.skipped)
    } else {
        s.reset_no_change.to_string()
    }
}

/// The totals under the table: records re-read, skipped, and the lag after.
pub fn totals(p: &ResetPreview) -> (u64, u64, u64) {
    p.rows.iter().fold((0, 0, 0), |(r, k, l), row| (r + row.reread, k + row.skipped, l + row.new_lag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{strings, Lang};

    fn form(kind: ResetKind, input: &str) -> ResetForm {
        ResetForm { kind, input: input.into() }
    }

    #[test]
    fn every_kind_parses_into_its_spec() {
        assert_eq!(form(ResetKind::Earliest, "junk").spec(), Ok(ResetSpec::ToEarliest), "no input needed");
        assert_eq!(form(ResetKind::Latest, "").spec(), Ok(ResetSpec::ToLatest));
        assert_eq!(form(ResetKind::Offset, " 42 ").spec(), Ok(ResetSpec::ToOffset(42)));
        assert_eq!(form(ResetKind::Shift, "-7").spec(), Ok(ResetSpec::ShiftBy(-7)));
        assert_eq!(form(ResetKind::Shift, "5").spec(), Ok(ResetSpec::ShiftBy(5)));
        assert_eq!(form(ResetKind::Datetime, "12.5").spec(), Ok(ResetSpec::ToDatetime(12_500)));
        assert_eq!(form(ResetKind::Datetime, "3").spec(), Ok(ResetSpec::ToDatetime(3_000)));
        for k in ResetKind::ALL {
            assert_eq!(ResetKind::parse(k.option()), Some(k));
        }
        assert_eq!(ResetKind::parse("--by-duration"), None);
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert_eq!(form(ResetKind::Offset, "").spec(), Err(InputError::Empty));
        assert_eq!(form(ResetKind::Offset, "-3").spec(), Err(InputError::Negative));
        assert_eq!(form(ResetKind::Offset, "abc").spec(), Err(InputError::NotANumber));
        assert_eq!(form(ResetKind::Offset, "1.5").spec(), Err(InputError::NotANumber));
        assert_eq!(form(ResetKind::Shift, "--3").spec(), Err(InputError::NotANumber));
        assert_eq!(form(ResetKind::Datetime, "-1").spec(), Err(InputError::Negative));
        assert_eq!(form(ResetKind::Datetime, "1.2345").spec(), Err(InputError::NotANumber));
        assert_eq!(form(ResetKind::Datetime, "soon").spec(), Err(InputError::NotANumber));
        let en = strings(Lang::En);
        assert_ne!(
            InputError::Negative.message(en, ResetKind::Datetime),
            InputError::Negative.message(en, ResetKind::Offset)
        );
        assert!(InputError::Negative.message(strings(Lang::Ko), ResetKind::Datetime).contains("시간"));
    }

    #[test]
    fn seconds_are_read_exactly() {
        assert_eq!(seconds_to_ms("0.125"), Some(125));
        assert_eq!(seconds_to_ms(".5"), Some(500));
        assert_eq!(seconds_to_ms("7."), Some(7_000));
        assert_eq!(seconds_to_ms("."), None);
        assert_eq!(seconds_to_ms("1e3"), None);
        assert_eq!(seconds_to_ms("+1"), None);
    }

    #[test]
    fn rows_say_what_the_move_means() {
        let s = strings(Lang::En);
        let row = |current: Option<u64>, new, reread, skipped| ResetRow {
            partition: 0,
            current,
            new,
            reread,
            skipped,
            new_lag: 10 - new,
        };
        assert_eq!(change_text(s, &row(Some(8), 3, 5, 0)), "re-read 5");
        assert_eq!(change_text(s, &row(Some(3), 8, 0, 5)), "skip 5");
        assert_eq!(change_text(s, &row(Some(3), 3, 0, 0)), s.reset_no_change);
        let p = ResetPreview {
            group: "g".into(),
            topic: "t".into(),
            rows: vec![row(Some(8), 3, 5, 0), row(Some(3), 8, 0, 5)],
            refusal: None,
        };
        assert_eq!(totals(&p), (5, 5, 7 + 2));
    }
}
