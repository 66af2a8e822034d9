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
/// today; `None` for anything else.
#[cfg(feature = "keystroke")]
fn day_of(as_of: &str) -> Option<Date> {
    if as_of.is_empty() {
        return Some(today_utc());
    }
    Date::parse(as_of).ok()
}

/// Checks a link as typed (a `link` request without building or parsing
/// request JSON); returns the report on the compact wire (`src/wire.rs`),
/// which `npm/wire.js` reads and renders, or `""` for a bad `as_of` (the
/// package asks the records module, whose decoder names the problem, as it
/// does for every mistyped call). Never throws.
#[cfg(feature = "keystroke")]
#[wasm_bindgen(js_name = checkLinkWire)]
#[must_use]
pub fn check_link_wire(input: &str, as_of: &str) -> String {
    day_of(as_of)
        .map(|day| crate::wire::encode(&crate::Report::Link(crate::link::check(input, day))))
        .unwrap_or_default()
}

/// Checks instructions (`link`: the provider's link, if any); returns the
/// report on the compact wire, or `""` for a bad `as_of`. Never throws.
#[cfg(feature = "keystroke")]
#[wasm_bindgen(js_name = checkInstructionsWire)]
#[must_use]
pub fn check_instructions_wire(input: &str, link: Option<String>, as_of: &str) -> String {
    let Some(day) = day_of(as_of) else { return String::new() };
    let request = crate::InstructionsRequest { input: Some(input.to_owned()), link, as_of: Some(day), locale: None };
    crate::wire::encode(&crate::Report::Instructions(crate::instructions::check(&request, day)))
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

/// The message catalog of `locale` (`en` for one not shipped) as JSON, for
/// the package's renderer: the package's own JS carries only the keystroke
/// codes' messages, and takes the others from here once this module is loaded.
#[cfg(feature = "records")]
#[wasm_bindgen(js_name = catalogJson)]
#[must_use]
pub fn catalog_json(locale: &str) -> String {
    let locale =
        crate::messages::Locale::NAMES.iter().find(|(name, _)| *name == locale).map(|(_, l)| *l).unwrap_or_default();
    crate::messages::Catalog::of(locale).to_json()
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
