//! Checks of one JSON record of the schema_version 1 contract (what `dateline analyze` prints
//! and `Document::to_json_value` returns), against the text it was made from.
//!
//! Needs only `serde_json` and the sibling `timex` module, so the CLI's hostile-input test
//! includes this file with `#[path]` next to `timex.rs`.

#![allow(dead_code, unreachable_pub)]

use crate::timex;
use serde_json::Value;

/// Checks a record: `schema_version` 1; every object with integer `start` and `end` slices
/// `text` by code points and, where it has a `text` field, to exactly that string; every date
/// has a TIMEX3 value valid for its kind and a range with start <= end.
///
/// # Errors
/// A message naming the first broken invariant.
pub fn check_record(text: &str, v: &Value) -> Result<(), String> {
    if v["schema_version"] != 1 {
        return Err(format!("schema_version is {}", v["schema_version"]));
    }
    let chars: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    walk(text, &chars, v)?;
    for d in v["dates"].as_array().map(Vec::as_slice).unwrap_or_default() {
        let kind = d["kind"].as_str().unwrap_or("");
        let value = d["value"].as_str().unwrap_or("");
        timex::check(kind, value).map_err(|e| format!("date {d}: {e}"))?;
        if let Some(r) = d["range"].as_array() {
            let (a, b) = (
                r.first().and_then(Value::as_str).unwrap_or(""),
                r.get(1).and_then(Value::as_str).unwrap_or(""),
            );
            if a > b || a.is_empty() {
                return Err(format!("date {d}: bad range"));
            }
        }
    }
    Ok(())
}

/// Whether a record is an error record (a document that could not be analysed).
pub fn is_error_record(v: &Value) -> bool {
    v.get("error")
        .is_some_and(|e| e["kind"].is_string() && e["message"].is_string())
}

fn walk(text: &str, chars: &[usize], v: &Value) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                let (Some(s), Some(e)) = (s.as_u64(), e.as_u64()) else {
                    return Err(format!("non-integer offsets in {v}"));
                };
                let (s, e) = (
                    usize::try_from(s).unwrap_or(usize::MAX),
                    usize::try_from(e).unwrap_or(usize::MAX),
                );
                if s > e || e >= chars.len() {
                    return Err(format!(
                        "offsets {s}..{e} out of range ({} chars)",
                        chars.len() - 1
                    ));
                }
                let slice = &text[chars[s]..chars[e]];
                if let Some(t) = map.get("text").and_then(Value::as_str) {
                    if slice != t {
                        return Err(format!("text[{s}..{e}] is {slice:?}, record says {t:?}"));
                    }
                }
            }
            map.values().try_for_each(|x| walk(text, chars, x))
        }
        Value::Array(xs) => xs.iter().try_for_each(|x| walk(text, chars, x)),
        _ => Ok(()),
    }
}
