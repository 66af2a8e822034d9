//! The `continuity` kind: can this provider see this client where the client
//! is, and how? Licensure is the authority to practice (whoever pays);
//! credentialing is what lets the platform bill the client's insurance.
//!
//! | authorized | credentialed | outcome | private pay |
//! |---|---|---|---|
//! | yes | yes | `confirm` | allowed, except Medicare/Medicaid |
//! | yes | pending | `await_credentialing` | allowed if not in-network, Medicare or Medicaid |
//! | yes | no | `begin_credentialing` | allowed if not in-network, Medicare or Medicaid |
//! | no | any | `refer` | not allowed |

use serde::Serialize;

use crate::code::params::{self, PrivatePayExcludedCoverage};
use crate::date::Date;
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::{json_enum, ObjectWriter};
use crate::licensure::{self, Authority, Context};
use crate::location::{judge_place, of_record, Jurisdiction};
use crate::request::{ContinuityRequest, Coverage, Credential, CredentialStatus, Provider};

/// What to do about seeing this client there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Licensed and credentialed there: confirm the session.
    Confirm,
    /// Licensed there, not credentialed: begin credentialing.
    BeginCredentialing,
    /// Licensed there, credentialing pending: wait for it.
    AwaitCredentialing,
    /// Not licensed there: refer the client to a provider licensed there.
    Refer,
}

/// Whether the client may pay privately for sessions there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrivatePay {
    /// Private pay is possible.
    Allowed,
    /// Private pay is not possible.
    NotAllowed,
}

/// The answer to a `continuity` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContinuityReport {
    /// `accept` (confirm), `review` (credentialing) or `reject` (refer or an invalid location).
    pub verdict: Verdict,
    /// The findings that explain the decision.
    pub findings: Vec<Finding>,
    /// The decision, or `null` when the location itself is not valid.
    pub outcome: Option<Outcome>,
    /// Whether private pay is possible there.
    pub private_pay: PrivatePay,
    /// The client's jurisdiction, or `null` when not recognized.
    pub jurisdiction: Option<Jurisdiction>,
    /// What authorizes practice there on the date and the data it rests on,
    /// or `null` when nothing does.
    pub authority: Option<Authority>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

json_enum!(Outcome {
    Outcome::Confirm => "confirm",
    Outcome::BeginCredentialing => "begin_credentialing",
    Outcome::AwaitCredentialing => "await_credentialing",
    Outcome::Refer => "refer",
});

json_enum!(PrivatePay { PrivatePay::Allowed => "allowed", PrivatePay::NotAllowed => "not_allowed" });

impl ContinuityReport {
    pub(crate) fn write_fields(&self, w: &mut ObjectWriter<'_>) {
        w.field("verdict", &self.verdict).field("findings", &self.findings).field("outcome", &self.outcome);
        w.field("private_pay", &self.private_pay).field("jurisdiction", &self.jurisdiction);
        w.field("authority", &self.authority).field("ruleset", self.ruleset);
    }
}

/// The decision and its explanation, shared with the `session` kind.
pub struct Decision {
    pub outcome: Option<Outcome>,
    pub private_pay: PrivatePay,
    pub jurisdiction: Option<Jurisdiction>,
    pub authority: Option<Authority>,
    pub credentialed: bool,
}

impl Decision {
    /// Whether some entry authorizes practice there on the date.
    #[must_use]
    pub fn authorized(&self) -> bool {
        self.authority.is_some()
    }
}

/// Applies the continuity rules on date `as_of`.
#[must_use]
pub fn check(request: &ContinuityRequest, as_of: Date) -> ContinuityReport {
    let mut findings = Vec::new();
    let d = decide(&request.location, &request.provider, request.client.coverage, (as_of, as_of), None, &mut findings);
    ContinuityReport {
        verdict: Verdict::from_findings(&findings),
        findings,
        outcome: d.outcome,
        private_pay: d.private_pay,
        jurisdiction: d.jurisdiction,
        authority: d.authority,
        ruleset: RULESET,
        locale: None,
    }
}

/// Decides for a typed `location` on `day` (the session's date, or `as_of`),
/// adding the findings that explain it. License statuses are the standing on
/// `as_of`; `provider_location` is where the provider is (sessions only).
pub fn decide(
    location: &str,
    provider: &Provider,
    coverage: Coverage,
    (day, as_of): (Date, Date),
    provider_location: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Decision {
    let Some(place) = judge_place(location, "location", findings) else {
        return Decision {
            outcome: None,
            private_pay: PrivatePay::NotAllowed,
            jurisdiction: None,
            authority: None,
            credentialed: false,
        };
    };
    let residence = provider.residence.as_deref().and_then(of_record).map(|j| j.code);
    let cx = Context {
        licenses: &provider.licenses,
        profession: provider.profession,
        residence,
        day,
        as_of,
        provider_location,
    };
    let judgment = licensure::judge(&place, &cx);
    let authorized = judgment.authorized();

    // Provider records name jurisdictions by code (or full name), not as typed.
    let credentials: Vec<&Credential> = provider
        .credentials
        .iter()
        .filter(|c| of_record(&c.jurisdiction).is_some_and(|j| j.code == place.code))
        .collect();
    let in_effect = |c: &Credential| c.effective.is_none_or(|e| e <= day);
    let credentialed = credentials.iter().any(|c| c.status == CredentialStatus::Active && in_effect(c));
    let pending = credentials.iter().any(|c| c.status == CredentialStatus::Pending || !in_effect(c));

    let name = place.name;
    let outcome = match (authorized, credentialed, pending) {
        (false, _, _) => {
            findings.extend(judgment.findings);
            Outcome::Refer
        }
        (true, true, _) => {
            findings.push(Finding::new("provider.credentials", params::Credentialed::new().place(name)));
            Outcome::Confirm
        }
        (true, false, true) => {
            let coded = params::CredentialingPending::new().place(name).coverage(coverage);
            findings.push(Finding::new("provider.credentials", coded));
            Outcome::AwaitCredentialing
        }
        (true, false, false) => {
            let coded = params::LicensedNotCredentialed::new().place(name).coverage(coverage);
            findings.push(Finding::new("provider.credentials", coded));
            Outcome::BeginCredentialing
        }
    };
    if let Some(notice) = judgment.privilege_notice {
        findings.push(notice);
    }
    let government = match coverage {
        Coverage::Medicare => Some(PrivatePayExcludedCoverage::Medicare),
        Coverage::Medicaid => Some(PrivatePayExcludedCoverage::Medicaid),
        Coverage::InNetwork | Coverage::OutOfNetwork | Coverage::None => None,
    };
    if let Some(coverage) = government {
        findings.push(Finding::new("client.coverage", params::PrivatePayExcluded::new().coverage(coverage)));
    }
    let government = government.is_some();
    let private_pay_ok = authorized && !government && (credentialed || coverage != Coverage::InNetwork);
    Decision {
        outcome: Some(outcome),
        private_pay: if private_pay_ok { PrivatePay::Allowed } else { PrivatePay::NotAllowed },
        jurisdiction: Some(place),
        authority: judgment.authority,
        credentialed,
    }
}
