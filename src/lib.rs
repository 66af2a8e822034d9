//! # telehealth-rules
//!
//! The telehealth compliance rules of a mental-health provider platform, as
//! one pure function: a [`Request`] in, a [`Report`] out. The same code runs
//! natively (library, CLI, HTTP service) and as WebAssembly in the provider's
//! browser, and gives byte-for-byte the same JSON everywhere.
//!
//! The contract (`docs/contract.md`): a request has a `kind` (`link`,
//! `instructions`, `location`, `continuity`, `session`) and an optional
//! `as_of` date and `locale`; a report has a `verdict`, stable finding codes
//! with severities, messages (in the request's locale, from the [`messages`]
//! catalog) with their `params`, fixes, and the `ruleset` version.
//!
//! ```
//! use telehealth_rules::{check_json, Date};
//!
//! let today = Date::parse("2026-11-26").unwrap();
//! let report = check_json(r#"{"kind": "link", "input": "doxy.me/drsmith"}"#, today);
//! assert!(report.starts_with(r#"{"kind":"link","verdict":"reject","findings":[{"code":"missing_scheme""#));
//! assert!(report.contains(r#""fix":"https://doxy.me/drsmith""#));
//! ```
//!
//! Typed use, with the date given explicitly so the answer never depends on
//! the clock:
//!
//! ```
//! use telehealth_rules::{check, Date, Report, Request, LocationRequest, Verdict};
//!
//! let request = Request::Location(LocationRequest {
//!     state: "Calif.".into(), zip: Some("94110".into()), country: None,
//!     as_of: None, locale: None, typing: false,
//! });
//! let report = check(&request, Date::parse("2026-11-26").unwrap());
//! assert_eq!(report.verdict(), Verdict::Accept);
//! let Report::Location(location) = report else { unreachable!() };
//! assert_eq!(location.jurisdiction.map(|j| j.code), Some("CA"));
//! ```
//!
//! Layout: [`decode`] reads JSON requests, [`link`], [`instructions`],
//! [`location`], [`continuity`] and [`session`] hold the rules of each kind
//! with their data tables from [`finding`]'s parts and [`code`]'s codes;
//! [`report`] gathers their reports into what comes back.

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod audit;
pub mod code;
pub mod continuity;
pub mod date;
pub mod decode;
pub mod finding;
pub mod instructions;
// The parser and writer of JSON, the keystroke wire and (in `link`) the URL
// parser are how the rules work, not what they offer: private, but for the
// `testing` feature's tests and fuzz targets.
#[cfg(feature = "testing")]
pub mod json;
#[cfg(not(feature = "testing"))]
mod json;
pub mod licensure;
pub mod link;
pub mod location;
pub mod messages;
pub mod native_only;
pub mod report;
pub mod request;
pub mod session;
mod text;
#[cfg(feature = "testing")]
pub mod wire;
#[cfg(all(not(feature = "testing"), target_arch = "wasm32", feature = "keystroke"))]
mod wire;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use code::{Code, Severity};
pub use date::{Date, SessionStart};
pub use decode::{decode_request, DecodeError};
pub use finding::{FactSource, Finding, Verdict, RULESET};
pub use report::{InvalidRequestReport, Report};
pub use request::{
    Client, CompactId, ContinuityRequest, Coverage, Credential, CredentialStatus, InstructionsRequest, License,
    LicenseBasis, LicenseLevel, LicenseStatus, LinkRequest, Locale, LocationRequest, Modality, Payment, PrivilegeKind,
    Profession, Provider, Request, SessionRequest,
};

/// Applies the rules to one request. `today` stands in for a missing `as_of`
/// (callers pass today's date in UTC).
#[must_use]
pub fn check(request: &Request, today: Date) -> Report {
    match decode::validate(request) {
        Ok(()) => apply(request, today),
        Err(e) => Report::InvalidRequest(InvalidRequestReport::of_error(e)),
    }
}

/// The rules of a request already validated (decoding validates), with
/// the messages in the request's locale.
fn apply(request: &Request, today: Date) -> Report {
    let mut report = apply_rules(request, today);
    report.localize(request.locale());
    report
}

fn apply_rules(request: &Request, today: Date) -> Report {
    match request {
        Request::Link(r) => Report::Link(link::check_typing(&r.input, r.as_of.unwrap_or(today), r.typing)),
        Request::Instructions(r) => Report::Instructions(instructions::check(r, r.as_of.unwrap_or(today))),
        Request::Location(r) => Report::Location(location::check(r)),
        Request::Continuity(r) => Report::Continuity(continuity::check(r, r.as_of.unwrap_or(today))),
        Request::Session(r) => Report::Session(session::check(r, r.as_of.unwrap_or(today))),
    }
}

/// Reads a JSON request, applies the rules and returns the JSON report: the
/// one entry point of the CLI, the HTTP service and the wasm module.
/// Anything that is not a valid request gets an `invalid_request` report.
#[must_use]
pub fn check_json(text: &str, today: Date) -> String {
    check_json_report(text, today).to_json()
}

/// As [`check_json`], returning the typed report.
#[must_use]
pub fn check_json_report(text: &str, today: Date) -> Report {
    let (request, matched) = decode::decode_request_matched(text);
    let mut report = match request {
        Ok(request) => apply(&request, today),
        Err(e) => Report::InvalidRequest(InvalidRequestReport::of_error(e)),
    };
    // A `locale` tag matched to another name (`es-MX`): the report says which.
    report.set_locale(matched);
    report
}
