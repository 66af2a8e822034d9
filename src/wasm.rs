//! The WebAssembly bindings: the only place `#[wasm_bindgen]` appears. No
//! rule lives here. One crate builds two modules (`scripts/build-pkg.sh`),
//! each with its feature:
//! - `keystroke`: the link and instructions checks a settings page runs on
//!   every keystroke, and nothing else, so the page downloads only them;
//! - `records`: the generic JSON entry point (every kind: location,
//!   continuity, session, and link and instructions too) and `audit`.
//!
//! A native build, or a wasm build with both features (the default, used by
//! the wasm tests), has everything.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::date::Date;

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

/// `as_of` as the keystroke entry points take it: `YYYY-MM-DD`, or empty for
/// today; a bad date gets the report the JSON path gives it.
#[cfg(feature = "keystroke")]
fn day_of(as_of: &str) -> Result<Date, crate::Report> {
    if as_of.is_empty() {
        return Ok(today_utc());
    }
    crate::decode::parse_date("as_of", as_of)
        .map_err(|e| crate::Report::InvalidRequest(crate::InvalidRequestReport::of_error(e)))
}

/// Checks a link as typed (a `link` request without building or parsing
/// request JSON); returns the report on the compact wire (`src/wire.rs`),
/// which `npm/wire.js` reads and renders. Never throws.
#[cfg(feature = "keystroke")]
#[wasm_bindgen(js_name = checkLinkWire)]
#[must_use]
pub fn check_link_wire(input: &str, as_of: &str) -> String {
    crate::wire::encode(
        &day_of(as_of).map_or_else(|bad| bad, |day| crate::Report::Link(crate::link::check(input, day))),
    )
}

/// Checks instructions (`link`: the provider's link, if any); returns the
/// report on the compact wire. Never throws.
#[cfg(feature = "keystroke")]
#[wasm_bindgen(js_name = checkInstructionsWire)]
#[must_use]
pub fn check_instructions_wire(input: &str, link: Option<String>, as_of: &str) -> String {
    let report = day_of(as_of).map_or_else(
        |bad| bad,
        |day| {
            let request =
                crate::InstructionsRequest { input: Some(input.to_owned()), link, as_of: Some(day), locale: None };
            crate::Report::Instructions(crate::instructions::check(&request, day))
        },
    );
    crate::wire::encode(&report)
}

/// Checks one JSON request of any kind and returns the JSON report. Never throws.
#[cfg(feature = "records")]
#[wasm_bindgen(js_name = checkJson)]
#[must_use]
pub fn check_json(request: &str) -> String {
    crate::check_json(request, today_utc())
}

/// Re-judges one stored record (`{"id", "request", "report"}` as JSON text)
/// under the current ruleset: the change as JSON text, `{"report": ...}` for
/// text that is not a record, or `null` when nothing changed. Never throws.
#[cfg(feature = "records")]
#[wasm_bindgen(js_name = auditJson)]
#[must_use]
pub fn audit_json(record: &str) -> String {
    crate::audit::audit_record(record, None, today_utc()).output().unwrap_or("null").to_owned()
}

// The keystroke module's allocator: lol_alloc's free list, 2.4 KB (brotli)
// smaller than the standard library's dlmalloc at the same keystroke speed
// (BENCHMARKS.md, "The keystroke module, step by step"). A native build, and
// a wasm build with both features (the wasm tests), keep the default.
// `--cfg bench_alloc="dlmalloc"` builds the keystroke module with dlmalloc,
// for bench/wasm-variants.sh.
#[cfg(all(target_arch = "wasm32", feature = "keystroke", not(feature = "records"), not(bench_alloc = "dlmalloc")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
