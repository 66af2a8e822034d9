//! What every kind of report is made of: the [`Finding`]s, the [`Verdict`]
//! they give, the [`RULESET`] version, and the [`FactSource`] a finding rests
//! on. A leaf below the kinds: each kind's rules build findings from here,
//! and [`crate::report`] gathers the kinds' reports above them.
//!
//! Field order here is the JSON field order, so native and wasm output match
//! byte for byte; `fix`, `source` and `final` are left out when absent.
//!
//! A [`Finding`]'s fields are public to read; outside the crate a finding is
//! made only by [`Finding::new`] (the struct is `non_exhaustive`), from its
//! code's params builder, so that its code, severity and params always agree:
//!
//! ```compile_fail
//! use telehealth_rules::{Code, Finding, Severity};
//!
//! let made_up = Finding {
//!     code: Code::NotAUrl, severity: Severity::Info, field: "input".into(), message: String::new(),
//!     params: Default::default(), fix: None, source: None, is_final: None,
//! };
//! ```

use serde::Serialize;

use crate::code::{Code, IntoCoded, Severity};
use crate::date::Date;
use crate::json::{json_enum, ObjectWriter, ToJson};
use crate::messages::{message_in, Locale, Params};

/// Version of the rule data (platform registry, jurisdictions, ZIP table).
/// Bump it whenever a table changes what any request answers.
pub const RULESET: &str = "2026.12.07";

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
#[non_exhaustive]
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
    /// render the message itself, in any language (the codes table,
    /// `messages/codes.json`, lists each code's, in this order).
    pub params: Params,
    /// A value that can replace the field's input as is, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub fix: Option<String>,
    /// The data-table fact the finding rests on, with its source, on the
    /// findings that rest on one (`compact_privilege`, `compact_privilege_invalid`
    /// when the compact is not in effect there, `registration_not_recognized`
    /// for a listed program, `registration_invalid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "FactSource"))]
    pub source: Option<FactSource>,
    /// Only when the request says `typing`: `false` when more text typed at
    /// the end of the value could still remove this finding, `true` when
    /// nothing typed after it can.
    #[serde(rename = "final", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub is_final: Option<bool>,
}

impl Finding {
    /// A finding about `field` with the code and params of `coded` (a
    /// [`params`](crate::code::params) builder), its English message
    /// rendered from them.
    ///
    /// ```
    /// use telehealth_rules::code::params::{NotAUrl, NotAUrlReason};
    /// use telehealth_rules::{Code, Finding};
    ///
    /// let finding = Finding::new("input", NotAUrl::new().reason(NotAUrlReason::NoHost));
    /// assert_eq!(finding.code, Code::NotAUrl);
    /// assert_eq!(finding.params.iter().collect::<Vec<_>>(), [("reason", "no_host")]);
    /// ```
    #[inline]
    #[must_use]
    pub fn new(field: &str, coded: impl IntoCoded) -> Self {
        let (code, params) = coded.split();
        Finding::of(code, field, params)
    }

    // The code apart from its params (which came from one builder): a
    // constant argument at each call site, not a store, for a smaller wasm.
    fn of(code: Code, field: &str, params: Params) -> Self {
        let message = message_in(Locale::En, code, &params);
        Finding {
            code,
            severity: code.severity(),
            field: field.to_owned(),
            message,
            params,
            fix: None,
            source: None,
            is_final: None,
        }
    }

    /// Renders the message again in `locale` (after `params` changed, or for another locale).
    pub fn render(&mut self, locale: Locale) {
        self.message = message_in(locale, self.code, &self.params);
    }

    pub(crate) fn with_fix(mut self, fix: Option<String>) -> Self {
        self.fix = fix;
        self
    }

    pub(crate) fn with_source(mut self, source: Option<FactSource>) -> Self {
        self.source = source;
        self
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
        if let Some(source) = &self.source {
            w.field("source", source);
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

/// A data-table fact a decision rests on, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FactSource {
    /// The fact: `<compact>:<jurisdiction>` for a compact's member row
    /// (`psypact:TX`), `<compact>` for a compact's member list (a
    /// jurisdiction that is not a member), `registration:<jurisdiction>` for a
    /// telehealth registration program.
    pub fact: String,
    /// The page the fact was read on.
    pub url: &'static str,
    /// The day it was read (`YYYY-MM-DD`).
    pub checked: Date,
    /// The first day the fact applies (a compact usable there, registrations
    /// usable), or `null` when no source gives one.
    pub from: Option<Date>,
}

impl ToJson for FactSource {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        w.field("fact", &self.fact).field("url", self.url).field("checked", &self.checked).field("from", &self.from);
        w.end();
    }
}
