//! The `session` kind: confirming one telehealth session. Audio and video,
//! a saved location, and the continuity decision on the session's own date.

use serde::Serialize;

use crate::code::params;
use crate::continuity::{decide, Outcome, PrivatePay};
use crate::date::Date;
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::ObjectWriter;
use crate::licensure::Authority;
use crate::location::{resolve, Jurisdiction, Resolved};
use crate::request::{Modality, Payment, SessionRequest};

/// The answer to a `session` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionReport {
    /// `accept` when the session can be confirmed as described.
    pub verdict: Verdict,
    /// Everything the rules noticed.
    pub findings: Vec<Finding>,
    /// The continuity decision on the session date, or `null` without a valid location.
    pub outcome: Option<Outcome>,
    /// Whether private pay is possible there.
    pub private_pay: PrivatePay,
    /// The session's jurisdiction, or `null`.
    pub jurisdiction: Option<Jurisdiction>,
    /// What authorizes practice there on the session date and the data it
    /// rests on, or `null` when nothing does.
    pub authority: Option<Authority>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

impl SessionReport {
    pub(crate) fn write_fields(&self, w: &mut ObjectWriter<'_>) {
        w.field("verdict", &self.verdict).field("findings", &self.findings).field("outcome", &self.outcome);
        w.field("private_pay", &self.private_pay).field("jurisdiction", &self.jurisdiction);
        w.field("authority", &self.authority).field("ruleset", self.ruleset);
    }
}

/// Applies the session rules; `as_of` is the day the session is confirmed.
/// The request must have passed [`crate::decode::validate`] (it has a date).
#[must_use]
pub fn check(request: &SessionRequest, as_of: Date) -> SessionReport {
    let mut findings = Vec::new();
    // The date at the client's location: `session_start` as written, or
    // `session_date` (validation makes them agree when both are given).
    let (day, date_field) = match (request.session_start, request.session_date) {
        (Some(start), _) => (start.date(), "session_start"),
        (None, Some(date)) => (date, "session_date"),
        (None, None) => (as_of, "session_date"),
    };
    // Sessions are confirmed after they take place; one day of slack covers
    // the time zones between the client and whoever supplies `as_of`.
    if day > as_of.add_days(1) {
        findings.push(Finding::new(date_field, message::session_in_future(day)));
    }
    if request.modality == Modality::AudioOnly {
        findings.push(Finding::new("modality", params::AudioOnlyNotPermitted::new()));
    }
    let location = request.location.as_deref().map(crate::text::trim_ws).filter(|l| !l.is_empty());
    let Some(location) = location else {
        findings.push(Finding::new("location", params::LocationRequired::new()));
        return report(findings, None, PrivatePay::NotAllowed, None, None);
    };
    let provider_location = request.provider_location.as_deref();
    let decision =
        decide(location, &request.provider, request.client.coverage, (day, as_of), provider_location, &mut findings);
    if let Some(place) = decision.jurisdiction {
        let saved = request
            .client
            .saved_locations
            .iter()
            .any(|s| matches!(resolve(s), Resolved::Jurisdiction(j) if j.code == place.code));
        if !saved {
            findings.push(Finding::new("location", params::LocationNotSaved::new().place(place.name)));
        }
        let payment_ok = match request.payment {
            Payment::Insurance => decision.authorized() && decision.credentialed,
            Payment::PrivatePay => decision.private_pay == PrivatePay::Allowed,
        };
        if !payment_ok {
            findings.push(Finding::new("payment", message::payment_not_allowed(request.payment, place.name)));
        }
    }
    report(findings, decision.outcome, decision.private_pay, decision.jurisdiction, decision.authority)
}

fn report(
    findings: Vec<Finding>,
    outcome: Option<Outcome>,
    private_pay: PrivatePay,
    jurisdiction: Option<Jurisdiction>,
    authority: Option<Authority>,
) -> SessionReport {
    SessionReport {
        verdict: Verdict::from_findings(&findings),
        findings,
        outcome,
        private_pay,
        jurisdiction,
        authority,
        ruleset: RULESET,
        locale: None,
    }
}

/// The params of the session findings (the words are in the message catalog).
mod message {
    use crate::code::params::{PaymentNotAllowed, PaymentNotAllowedPayment, SessionInFuture};
    use crate::date::Date;
    use crate::request::Payment;

    // `as_of` stays out of the text: without one it is the caller's clock, and
    // the report must not depend on it beyond the code.
    pub fn session_in_future(day: Date) -> SessionInFuture {
        SessionInFuture::new().date(day.to_string())
    }

    pub fn payment_not_allowed(payment: Payment, place: &'static str) -> PaymentNotAllowed {
        let payment = match payment {
            Payment::Insurance => PaymentNotAllowedPayment::Insurance,
            Payment::PrivatePay => PaymentNotAllowedPayment::PrivatePay,
        };
        PaymentNotAllowed::new().payment(payment).place(place)
    }
}
