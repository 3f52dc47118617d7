//! Reading and writing the JSON formats (feature `json`): one reader for the
//! CLI's files and stdin and the app's scenario import, so both refuse bad
//! input with the same one-line messages (the field path of an unknown field,
//! the line and column of a syntax error).

use crate::scenario::Scenario;
use crate::text::Lang;

/// Reads one JSON object as `T`. The error is one line starting `{what}: `
/// (`what` names the input: a path, `stdin`).
pub fn read<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    let text = text.trim_start_matches('\u{feff}');
    let start = text.trim_start();
    if start.is_empty() {
        return Err(format!("{what}: invalid JSON: the input is empty"));
    }
    // serde would also read a struct from a JSON array (`[]`): the formats are objects.
    if !start.starts_with('{') {
        return Err(format!("{what}: invalid JSON: expected an object {{…}} at the top level"));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = if path == "." || path == "?" || path.is_empty() { String::new() } else { format!("at {path}: ") };
        if inner.is_data() {
            return format!("{what}: {at}{inner}");
        }
        if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            // Valid JSON, but serde_json reports a number or a list where a name
            // is expected (`"acks": 1`) as a syntax error ("expected value").
            if let Some(msg) = wrong_kind::<T>(text, inner.line(), inner.column()) {
                return format!("{what}: {at}{msg}");
            }
            return format!("{what}: {at}this kind of value is not allowed here ({inner})");
        }
        format!("{what}: invalid JSON: {inner}")
    })?;
    // Nothing but whitespace may follow the object.
    de.end().map_err(|e| format!("{what}: invalid JSON: {e}"))?;
    Ok(value)
}

/// For a value of the wrong kind at `line`:`column` (1-based, as serde_json
/// counts), finds what is allowed there by reading the input again with a
/// string in its place: the error then lists the accepted names.
fn wrong_kind<T: serde::de::DeserializeOwned>(text: &str, line: usize, column: usize) -> Option<String> {
    let line_start: usize = text.split_inclusive('\n').take(line.checked_sub(1)?).map(str::len).sum();
    // serde_json points at the value or just before it.
    let from = line_start + column.saturating_sub(1);
    let start = from + text.get(from..)?.len() - text.get(from..)?.trim_start_matches([' ', ':', '\t']).len();
    let mut values = serde_json::Deserializer::from_str(text.get(start..)?).into_iter::<serde::de::IgnoredAny>();
    values.next()?.ok()?;
    let end = start + values.byte_offset();
    let found = &text[start..end];
    let probe = format!("{}\"\\u0001\"{}", &text[..start], &text[end..]);
    // Through the same path-tracking deserializer as `read`, so the wasm holds
    // one copy of every type's deserializer, not two.
    let err = serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_str(&probe)).err()?;
    let err = err.into_inner();
    if !err.is_data() {
        return None;
    }
    let msg = err.to_string();
    let expected = &msg[msg.find("expected ")?..];
    let expected = expected.find(" at line ").map_or(expected, |i| &expected[..i]);
    let found = if found.len() > 40 { "this value" } else { found };
    Some(format!("{found} is not allowed here: {expected}, written as a JSON string (line {line} column {column})"))
}

/// Reads and validates a scenario as `kafka-sim run` does: the [`read`]
/// errors, then `{what}: {field}: {message} ({code})` for a refused one.
pub fn scenario(text: &str, what: &str, lang: Lang) -> Result<Scenario, String> {
    let scenario: Scenario = read(text, what)?;
    scenario.validate().map_err(|e| format!("{what}: {}: {} ({})", e.field, e.message(lang), e.code))?;
    Ok(scenario)
}

/// A scenario as the JSON file `kafka-sim run` reads (pretty-printed).
pub fn write_scenario(scenario: &Scenario) -> String {
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_scenario_reads_back_the_same() {
        let s = Scenario::of_run(&crate::ClusterConfig::default(), &[], 1000);
        assert_eq!(scenario(&write_scenario(&s), "x", Lang::En), Ok(s));
    }

    #[test]
    fn errors_name_the_input_and_the_field() {
        let e = scenario(r#"{"topics":[{"name":"a","colour":1}]}"#, "in.json", Lang::En).unwrap_err();
        assert!(e.starts_with("in.json: at topics[0].colour: unknown field `colour`"), "{e}");
        let e = scenario("{\"seed\": 1,", "in.json", Lang::En).unwrap_err();
        assert!(e.starts_with("in.json: invalid JSON: EOF while parsing"), "{e}");
        let e = scenario(r#"{"brokers":0}"#, "in.json", Lang::En).unwrap_err();
        assert!(e.starts_with("in.json: brokers: ") && e.ends_with(')'), "{e}");
    }
}
