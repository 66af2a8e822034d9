//! The report half of the contract: what every runtime returns, one
//! [`Report`] per request kind above the kinds' own report types (which are
//! made of [`crate::finding`]'s parts).
//!
//! Field order here is the JSON field order, so native and wasm output match
//! byte for byte. Optional values that the contract shows as `null` are
//! `Option` without `skip_serializing_if`.

use serde::Serialize;

use crate::code::params::InvalidRequest;
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::{ObjectWriter, ToJson};
use crate::messages::Locale;

/// A report of any kind, tagged by `kind` like the request it answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Report {
    /// The answer to a `link` request.
    Link(crate::link::LinkReport),
    /// The answer to an `instructions` request.
    Instructions(crate::instructions::InstructionsReport),
    /// The answer to a `location` request.
    Location(crate::location::LocationReport),
    /// The answer to a `continuity` request.
    Continuity(crate::continuity::ContinuityReport),
    /// The answer to a `session` request.
    Session(crate::session::SessionReport),
    /// The answer to anything that is not a valid request.
    InvalidRequest(InvalidRequestReport),
}

impl Report {
    /// The report's verdict, whatever its kind.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match self {
            Report::Link(r) => r.verdict,
            Report::Instructions(r) => r.verdict,
            Report::Location(r) => r.verdict,
            Report::Continuity(r) => r.verdict,
            Report::Session(r) => r.verdict,
            Report::InvalidRequest(r) => r.verdict,
        }
    }

    /// The report's findings, whatever its kind.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        match self {
            Report::Link(r) => &r.findings,
            Report::Instructions(r) => &r.findings,
            Report::Location(r) => &r.findings,
            Report::Continuity(r) => &r.findings,
            Report::Session(r) => &r.findings,
            Report::InvalidRequest(r) => &r.findings,
        }
    }

    /// Renders every message (and the platform texts) in `locale`; English
    /// is what the rules write, so `en` changes nothing.
    pub fn localize(&mut self, locale: Locale) {
        if locale == Locale::En {
            return;
        }
        let findings = match self {
            Report::Link(r) => {
                if let Some(p) = &mut r.platform {
                    p.localize(locale);
                }
                &mut r.findings
            }
            Report::Instructions(r) => &mut r.findings,
            Report::Location(r) => &mut r.findings,
            Report::Continuity(r) => &mut r.findings,
            Report::Session(r) => &mut r.findings,
            Report::InvalidRequest(r) => &mut r.findings,
        };
        for finding in findings {
            finding.render(locale);
        }
    }

    /// The report's `locale`: the shipped locale its messages are in, when
    /// the request's tag did not name it as written.
    #[must_use]
    pub fn locale(&self) -> Option<Locale> {
        match self {
            Report::Link(r) => r.locale,
            Report::Instructions(r) => r.locale,
            Report::Location(r) => r.locale,
            Report::Continuity(r) => r.locale,
            Report::Session(r) => r.locale,
            Report::InvalidRequest(r) => r.locale,
        }
    }

    /// Sets the report's `locale` (see [`Report::locale`]).
    pub fn set_locale(&mut self, locale: Option<Locale>) {
        let slot = match self {
            Report::Link(r) => &mut r.locale,
            Report::Instructions(r) => &mut r.locale,
            Report::Location(r) => &mut r.locale,
            Report::Continuity(r) => &mut r.locale,
            Report::Session(r) => &mut r.locale,
            Report::InvalidRequest(r) => &mut r.locale,
        };
        *slot = locale;
    }

    /// Serializes the report as compact JSON: the exact bytes every runtime
    /// returns (and the bytes `serde_json::to_string` gives for it).
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::json::to_string(self)
    }
}

impl ToJson for Report {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        match self {
            Report::Link(r) => r.write_fields(w.field("kind", "link")),
            Report::Instructions(r) => r.write_fields(w.field("kind", "instructions")),
            Report::Location(r) => r.write_fields(w.field("kind", "location")),
            Report::Continuity(r) => r.write_fields(w.field("kind", "continuity")),
            Report::Session(r) => r.write_fields(w.field("kind", "session")),
            Report::InvalidRequest(r) => {
                w.field("kind", "invalid_request").field("verdict", &r.verdict).field("findings", &r.findings);
                w.field("ruleset", r.ruleset);
            }
        }
        // Last, after `ruleset`, and only when set: a report is otherwise
        // the same bytes as without it.
        if let Some(locale) = self.locale() {
            w.field("locale", locale.name());
        }
        w.end();
    }
}

/// The report for a request that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InvalidRequestReport {
    /// Always `reject`.
    pub verdict: Verdict,
    /// One `invalid_request` finding naming the problem.
    pub findings: Vec<Finding>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

impl InvalidRequestReport {
    /// A report for a request that is not a valid request; `field` is the
    /// path of the offending field (empty for the request as a whole) and
    /// `params` name the problem (`problem` and what it needs).
    #[must_use]
    pub fn new(field: &str, params: InvalidRequest) -> Self {
        InvalidRequestReport {
            verdict: Verdict::Reject,
            findings: vec![Finding::new(field, params)],
            ruleset: RULESET,
            locale: None,
        }
    }

    /// The report for a [`DecodeError`](crate::DecodeError), in its locale.
    #[must_use]
    pub fn of_error(e: crate::DecodeError) -> Self {
        let mut report = InvalidRequestReport::new(&e.field, e.params);
        if e.locale != Locale::En {
            for f in &mut report.findings {
                f.render(e.locale);
            }
        }
        report
    }
}
