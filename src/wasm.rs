//! The WebAssembly binding: the only place `#[wasm_bindgen]` appears. It
//! passes JSON text in and out of the one core entry point, so the browser
//! gets the very bytes the server would send; no rule lives here.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::date::Date;

/// Checks one JSON request and returns the JSON report. Never throws.
#[wasm_bindgen(js_name = checkJson)]
#[must_use]
pub fn check_json(request: &str) -> String {
    crate::check_json(request, today_utc())
}

/// The link fast path: checks `input` as a `link` request without building
/// or parsing request JSON. `as_of` is `YYYY-MM-DD` or empty for today.
#[wasm_bindgen(js_name = checkLinkJson)]
#[must_use]
pub fn check_link_json(input: &str, as_of: &str) -> String {
    let day = if as_of.is_empty() { Ok(today_utc()) } else { Date::parse(as_of) };
    match day {
        Ok(day) => crate::Report::Link(crate::link::check(input, day)).to_json(),
        // The generic path names the bad date exactly as it does for `check`.
        Err(_) => {
            let mut request = String::from("{\"kind\":\"link\",\"input\":");
            crate::json::ToJson::write_json(input, &mut request);
            request.push_str(",\"as_of\":");
            crate::json::ToJson::write_json(as_of, &mut request);
            request.push('}');
            crate::check_json(&request, today_utc())
        }
    }
}

/// Re-judges one stored record (`{"id", "request", "report"}` as JSON text)
/// under the current ruleset: the change as JSON text, `{"report": ...}` for
/// text that is not a record, or `null` when nothing changed. Never throws.
#[wasm_bindgen(js_name = auditJson)]
#[must_use]
pub fn audit_json(record: &str) -> String {
    crate::audit::audit_record(record, None, today_utc()).output().unwrap_or("null").to_owned()
}

/// The version of the rule data.
#[wasm_bindgen]
#[must_use]
pub fn ruleset() -> String {
    crate::RULESET.to_owned()
}

/// Today's date in UTC from the JavaScript clock.
fn today_utc() -> Date {
    let days = (js_sys::Date::now() / 86_400_000.0).floor();
    // f64 -> i64 saturates; `from_unix_days` clamps to years 1..=9999.
    #[allow(clippy::cast_possible_truncation)]
    Date::from_unix_days(days as i64)
}
