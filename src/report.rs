//! The report half of the v1 contract: what every runtime returns.
//!
//! Field order here is the JSON field order, so native and wasm output match
//! byte for byte. Optional values that the contract shows as `null` are
//! `Option` without `skip_serializing_if`; `fix` is left out when absent.

use serde::Serialize;

use crate::code::{Code, Severity};
use crate::json::{json_enum, ObjectWriter, ToJson};
use crate::messages::{message_in, Locale, Params};

/// Version of the rule data (platform registry, jurisdictions, ZIP table).
/// Bump it whenever a table changes what any request answers.
pub const RULESET: &str = "2026.11.29";

/// The outcome of a check, derived from the worst finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No warnings or errors: the value can be saved or the session confirmed.
    Accept,
    /// The worst finding is a warning: a person should look before going on.
    Review,
    /// At least one error: the value cannot be saved as it is.
    Reject,
}

impl Verdict {
    /// `reject` when any finding is an error, `review` when the worst is a
    /// warning, `accept` otherwise.
    #[must_use]
    pub fn from_findings(findings: &[Finding]) -> Self {
        let worst = findings.iter().map(|f| f.severity).max();
        match worst {
            Some(Severity::Error) => Verdict::Reject,
            Some(Severity::Warning) => Verdict::Review,
            Some(Severity::Info) | None => Verdict::Accept,
        }
    }
}

/// One thing the rules noticed about a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable machine code: programs branch on this, never on `message`.
    pub code: Code,
    /// Always the same for a given code: `error`, `warning` or `info`.
    pub severity: Severity,
    /// The request field the finding is about (`input`, `zip`, `provider.licenses`, ...).
    pub field: String,
    /// One or two sentences for the provider: what is wrong and what to do,
    /// in the request's `locale` (the code's catalog template rendered with `params`).
    pub message: String,
    /// The values the message uses, by name (strings): what a host needs to
    /// render the message itself, in any language (`messages/params.json`
    /// lists each code's, in this order).
    pub params: Params,
    /// A value that can replace the field's input as is, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub fix: Option<String>,
    /// Only when the request says `typing`: `false` when more text typed at
    /// the end of the value could still remove this finding, `true` when
    /// nothing typed after it can.
    #[serde(rename = "final", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub is_final: Option<bool>,
}

impl Finding {
    /// A finding with its English message rendered from `params`.
    #[must_use]
    pub fn new(code: Code, field: &str, params: Params) -> Self {
        let message = message_in(Locale::En, code, &params);
        Finding { code, severity: code.severity(), field: field.to_owned(), message, params, fix: None, is_final: None }
    }

    /// Renders the message again in `locale` (after `params` changed, or for another locale).
    pub fn render(&mut self, locale: Locale) {
        self.message = message_in(locale, self.code, &self.params);
    }

    pub(crate) fn with_fix(mut self, fix: Option<String>) -> Self {
        self.fix = fix;
        self
    }
}

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
        w.end();
    }
}

impl ToJson for Finding {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        w.field("code", &self.code).field("severity", &self.severity).field("field", &self.field);
        w.field("message", &self.message).field("params", &self.params);
        if let Some(fix) = &self.fix {
            w.field("fix", fix);
        }
        if let Some(is_final) = &self.is_final {
            w.field("final", is_final);
        }
        w.end();
    }
}

/// Whether every error and warning among `findings` is final: the
/// report's `settled` for a value being typed.
#[must_use]
#[inline(never)]
pub fn settled(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.severity == Severity::Info || f.is_final == Some(true))
}

json_enum!(Verdict { Verdict::Accept => "accept", Verdict::Review => "review", Verdict::Reject => "reject" });

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
}

impl InvalidRequestReport {
    /// A report for a request that is not a valid request; `field` is the
    /// path of the offending field (empty for the request as a whole) and
    /// `params` name the problem (`problem` and what it needs).
    #[must_use]
    pub fn new(field: &str, params: Params) -> Self {
        InvalidRequestReport {
            verdict: Verdict::Reject,
            findings: vec![Finding::new(Code::InvalidRequest, field, params)],
            ruleset: RULESET,
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
