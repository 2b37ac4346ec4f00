//! Checks of one JSON record of the schema_version 1 contract (what `dateline analyze` prints
//! and `Document::to_json_value` returns), against the text it was made from.
//!
//! Needs only `serde_json` and the sibling `timex` module, so the CLI's hostile-input test
//! includes this file with `#[path]` next to `timex.rs`.

#![allow(dead_code, unreachable_pub)]

use crate::timex;
use serde_json::Value;

/// Checks a record: `schema_version` 1; every object with integer `start` and `end` slices
/// `text` by code points and, where it has a `text` field, to exactly that string (both null
/// is allowed: an event date that rests on no mention); every date has a TIMEX3 value valid
/// for its kind and a range with start <= end; every event names participants, host and
/// place among the record's entity ids, has a known kind and status, a date value valid as
/// a TIMEX3 DATE, and evidence spans of which one contains the trigger.
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
    check_events(v)
}

fn check_events(v: &Value) -> Result<(), String> {
    let ids: Vec<&str> = v["entities"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    let known = |x: &Value| x.is_null() || x.as_str().is_some_and(|s| ids.contains(&s));
    for e in v["events"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let kind = e["kind"].as_str().unwrap_or("");
        if !["meet", "visit", "call", "summit", "negotiate", "mediate"].contains(&kind) {
            return Err(format!("event kind {kind:?}"));
        }
        if !["happened", "ongoing", "planned", "cancelled"]
            .contains(&e["status"].as_str().unwrap_or(""))
        {
            return Err(format!("event status {}", e["status"]));
        }
        if !e["cameo"]
            .as_str()
            .is_some_and(|c| c.len() == 3 && c.starts_with("04"))
        {
            return Err(format!("event cameo {}", e["cameo"]));
        }
        let participants = e["participants"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        if participants.is_empty() || !participants.iter().all(|p| p.is_string() && known(p)) {
            return Err(format!(
                "event participants {} not among the entities",
                e["participants"]
            ));
        }
        if !known(&e["host"]) || !known(&e["place"]) {
            return Err(format!(
                "event host {} or place {} not among the entities",
                e["host"], e["place"]
            ));
        }
        if !e["date"].is_null() {
            let value = e["date"]["value"].as_str().unwrap_or("");
            timex::check("DATE", value).map_err(|err| format!("event date {value:?}: {err}"))?;
            if !["mention", "published", "story"]
                .contains(&e["date"]["source"].as_str().unwrap_or(""))
            {
                return Err(format!("event date source {}", e["date"]["source"]));
            }
        }
        let (ts, te) = (e["trigger"]["start"].as_u64(), e["trigger"]["end"].as_u64());
        let (Some(ts), Some(te)) = (ts, te) else {
            return Err(format!("event trigger {}", e["trigger"]));
        };
        let evidence = e["evidence"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        let holds = evidence.iter().any(|x| {
            x["start"].as_u64().is_some_and(|s| s <= ts)
                && x["end"].as_u64().is_some_and(|en| te <= en)
        });
        if !holds {
            return Err(format!(
                "no evidence span of {} holds its trigger {}",
                e["evidence"], e["trigger"]
            ));
        }
        let c = e["confidence"].as_f64().unwrap_or(-1.0);
        if !(0.0..=1.0).contains(&c) {
            return Err(format!("event confidence {c}"));
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
            let both_null = map.get("start").is_some_and(Value::is_null)
                && map.get("end").is_some_and(Value::is_null);
            if let (Some(s), Some(e), false) = (map.get("start"), map.get("end"), both_null) {
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
