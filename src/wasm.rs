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

#[cfg(feature = "records")]
use wasm_bindgen::prelude::wasm_bindgen;

use crate::date::Date;

/// The date of `now_ms` (milliseconds since 1970, UTC, as `Date.now()` gives).
fn day_at(now_ms: f64) -> Date {
    let days = (now_ms / 86_400_000.0).floor();
    // f64 -> i64 saturates (NaN gives 0); `from_unix_days` clamps to years 1..=9999.
    #[allow(clippy::cast_possible_truncation)]
    Date::from_unix_days(days as i64)
}

/// Today's date in UTC from the JavaScript clock.
#[cfg(feature = "records")]
fn today_utc() -> Date {
    day_at(js_sys::Date::now())
}

/// The keystroke calls: texts in and the report out (on the compact wire,
/// `src/wire.rs`) through buffers kept between calls, which `npm/io.js`
/// writes and reads, so a keystroke allocates nothing for them and crosses
/// into wasm with numbers only (no wasm-bindgen string copies, no
/// multi-value return).
#[cfg(feature = "keystroke")]
mod keystroke {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::wasm_bindgen;

    use super::{day_at, Date};
    use crate::wire::Wire;

    /// The last report: its wire, and where that is, as three words for
    /// JavaScript (the words' address, the text's address and its length in
    /// bytes; the words need no count, as the report's layout says where
    /// they end).
    struct Output {
        wire: Wire,
        header: [u32; 3],
    }

    thread_local! {
        /// The texts of the next call, back to back, as JavaScript wrote them (UTF-8).
        static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        static OUTPUT: RefCell<Output> = const { RefCell::new(Output { wire: Wire::new(), header: [0; 3] }) };
    }

    /// Where JavaScript writes the next call's texts: at least `capacity`
    /// bytes. The buffer only grows, and keeps its bytes when it does
    /// (`npm/io.js` grows it part-way through a text that is not ASCII).
    /// Null if it is in use (never, as wasm runs one call at a time).
    #[wasm_bindgen(js_name = inputBuffer)]
    #[must_use]
    pub fn input_buffer(capacity: usize) -> *mut u8 {
        INPUT.with(|input| match input.try_borrow_mut() {
            Ok(mut input) => {
                if input.len() < capacity {
                    input.resize(capacity, 0);
                }
                input.as_mut_ptr()
            }
            Err(_) => std::ptr::null_mut(),
        })
    }

    /// Checks a link as typed (a `link` request without building or parsing
    /// request JSON). The input buffer holds `as_of` (`YYYY-MM-DD`, or no
    /// bytes for the day of `now_ms`) then the link; `typing`: the link is
    /// still being typed (the request's `typing`). Returns the address of
    /// the report's header (see `Output`), or null when there is no report:
    /// a bad `as_of` (the package then asks the records module, whose
    /// decoder names the problem, as it does for every mistyped call). Never
    /// throws.
    #[wasm_bindgen(js_name = checkLink)]
    #[must_use]
    pub fn check_link(as_of_len: usize, input_len: usize, now_ms: f64, typing: bool) -> *const u32 {
        answer(&[as_of_len, input_len], now_ms, |day, texts| {
            let input = texts.get(1).copied().flatten().unwrap_or_default();
            crate::Report::Link(crate::link::check_typing(input, day, typing))
        })
    }

    /// Checks instructions: the input buffer holds `as_of`, the instructions
    /// and the provider's link (`link_len` -1: none); `typing` as for
    /// `checkLink`. Returns as `checkLink`.
    #[wasm_bindgen(js_name = checkInstructions)]
    #[must_use]
    pub fn check_instructions(
        as_of_len: usize,
        input_len: usize,
        link_len: isize,
        now_ms: f64,
        typing: bool,
    ) -> *const u32 {
        let link_len = usize::try_from(link_len).ok();
        let lens = [as_of_len, input_len, link_len.unwrap_or(0)];
        answer(&lens, now_ms, |day, texts| {
            let text = |at: usize| texts.get(at).copied().flatten().map(str::to_owned);
            let link = link_len.and(text(2));
            let request = crate::InstructionsRequest { input: text(1), link, as_of: Some(day), locale: None, typing };
            crate::Report::Instructions(crate::instructions::check(&request, day))
        })
    }

    /// Splits the input buffer into texts of `lens` bytes (`None`: not
    /// UTF-8, which the package never writes), reads the first as `as_of`,
    /// runs `check` and writes its report to the output, with the second
    /// text as the input it was checked on.
    fn answer(lens: &[usize], now_ms: f64, check: impl FnOnce(Date, &[Option<&str>]) -> crate::Report) -> *const u32 {
        INPUT.with(|input| {
            let Ok(input) = input.try_borrow() else { return std::ptr::null() };
            let mut texts = [None; 3];
            let mut at = 0usize;
            for (slot, len) in texts.iter_mut().zip(lens) {
                let end = at.saturating_add(*len);
                *slot = input.get(at..end).and_then(|bytes| std::str::from_utf8(bytes).ok());
                at = end;
            }
            let day = match texts.first().copied().flatten() {
                Some("") => day_at(now_ms),
                Some(as_of) => match Date::parse(as_of) {
                    Ok(day) => day,
                    Err(_) => return std::ptr::null(),
                },
                None => return std::ptr::null(),
            };
            let report = check(day, &texts);
            let checked = texts.get(1).copied().flatten().unwrap_or_default();
            OUTPUT.with(|output| {
                let Ok(mut output) = output.try_borrow_mut() else { return std::ptr::null() };
                let Output { wire, header } = &mut *output;
                wire.write(&report, checked);
                // Addresses and lengths in wasm32 fit 32 bits; a native build never reads them.
                let word = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                *header = [
                    word(wire.words().as_ptr() as usize),
                    word(wire.text().as_ptr() as usize),
                    word(wire.text().len()),
                ];
                header.as_ptr()
            })
        })
    }
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
