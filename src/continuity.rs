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

use crate::code::Code;
use crate::date::Date;
use crate::json::{json_enum, ObjectWriter};
use crate::location::{judge_place, Jurisdiction};
use crate::report::{Finding, Verdict, RULESET};
use crate::request::{
    ContinuityRequest, Coverage, Credential, CredentialStatus, License, LicenseBasis, LicenseStatus, Provider,
};

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
    /// Version of the rule data.
    pub ruleset: &'static str,
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
        w.field("ruleset", self.ruleset);
    }
}

/// The decision and its explanation, shared with the `session` kind.
pub struct Decision {
    pub outcome: Option<Outcome>,
    pub private_pay: PrivatePay,
    pub jurisdiction: Option<Jurisdiction>,
    pub authorized: bool,
    pub credentialed: bool,
}

/// Applies the continuity rules on date `as_of`.
#[must_use]
pub fn check(request: &ContinuityRequest, as_of: Date) -> ContinuityReport {
    let mut findings = Vec::new();
    let d = decide(&request.location, &request.provider, request.client.coverage, as_of, &mut findings);
    ContinuityReport {
        verdict: Verdict::from_findings(&findings),
        findings,
        outcome: d.outcome,
        private_pay: d.private_pay,
        jurisdiction: d.jurisdiction,
        ruleset: RULESET,
    }
}

/// Decides for a typed `location` on `day`, adding the findings that explain it.
pub fn decide(
    location: &str,
    provider: &Provider,
    coverage: Coverage,
    day: Date,
    findings: &mut Vec<Finding>,
) -> Decision {
    let Some(place) = judge_place(location, "location", findings) else {
        return Decision {
            outcome: None,
            private_pay: PrivatePay::NotAllowed,
            jurisdiction: None,
            authorized: false,
            credentialed: false,
        };
    };
    // Provider records name jurisdictions by code (or full name), not as typed.
    let here = |jurisdiction: &str| {
        let j = crate::text::trim_ws(jurisdiction);
        j.eq_ignore_ascii_case(place.code) || j.eq_ignore_ascii_case(place.name)
    };
    let licenses: Vec<&License> = provider.licenses.iter().filter(|l| here(&l.jurisdiction)).collect();
    let valid = |l: &License| l.status == LicenseStatus::Active && l.expires.is_none_or(|e| e >= day);
    let state_license = licenses.iter().any(|l| valid(l) && l.basis == LicenseBasis::StateLicense);
    let privilege = licenses.iter().any(|l| valid(l) && l.basis == LicenseBasis::CompactPrivilege);
    let authorized = state_license || privilege;

    let credentials: Vec<&Credential> = provider.credentials.iter().filter(|c| here(&c.jurisdiction)).collect();
    let in_effect = |c: &Credential| c.effective.is_none_or(|e| e <= day);
    let credentialed = credentials.iter().any(|c| c.status == CredentialStatus::Active && in_effect(c));
    let pending = credentials.iter().any(|c| c.status == CredentialStatus::Pending || !in_effect(c));

    let name = place.name;
    let outcome = match (authorized, credentialed, pending) {
        (false, _, _) => {
            let expired = licenses
                .iter()
                .find(|l| l.status == LicenseStatus::Expired || (l.status == LicenseStatus::Active && !valid(l)));
            let inactive =
                licenses.iter().find(|l| matches!(l.status, LicenseStatus::Suspended | LicenseStatus::Pending));
            let (code, message) = match (expired, inactive) {
                (Some(l), _) => (Code::LicenseExpired, message::license_expired(name, l.expires)),
                (None, Some(l)) => (Code::LicenseInactive, message::license_inactive(name, l.status)),
                (None, None) => (Code::NotLicensed, message::not_licensed(name)),
            };
            findings.push(Finding::new(code, "provider.licenses", message));
            Outcome::Refer
        }
        (true, true, _) => {
            findings.push(Finding::new(Code::Credentialed, "provider.credentials", message::credentialed(name)));
            Outcome::Confirm
        }
        (true, false, true) => {
            findings.push(Finding::new(
                Code::CredentialingPending,
                "provider.credentials",
                message::pending(name, coverage),
            ));
            Outcome::AwaitCredentialing
        }
        (true, false, false) => {
            findings.push(Finding::new(
                Code::LicensedNotCredentialed,
                "provider.credentials",
                message::not_credentialed(name, coverage),
            ));
            Outcome::BeginCredentialing
        }
    };
    if authorized && !state_license {
        findings.push(Finding::new(Code::CompactPrivilege, "provider.licenses", message::compact_privilege(name)));
    }
    let government = matches!(coverage, Coverage::Medicare | Coverage::Medicaid);
    if government {
        findings.push(Finding::new(
            Code::PrivatePayExcluded,
            "client.coverage",
            message::private_pay_excluded(coverage),
        ));
    }
    let private_pay_ok = authorized && !government && (credentialed || coverage != Coverage::InNetwork);
    Decision {
        outcome: Some(outcome),
        private_pay: if private_pay_ok { PrivatePay::Allowed } else { PrivatePay::NotAllowed },
        jurisdiction: Some(place),
        authorized,
        credentialed,
    }
}

mod message {
    use crate::date::Date;
    use crate::request::{Coverage, LicenseStatus};

    pub fn credentialed(place: &str) -> String {
        format!("You are licensed and credentialed in {place}: select this location when you confirm the session.")
    }

    pub fn compact_privilege(place: &str) -> String {
        format!("Your authority to practice in {place} is a compact privilege (such as PSYPACT or the Counseling Compact), not a state license. Keep it active.")
    }

    fn insurance_note(coverage: Coverage) -> &'static str {
        match coverage {
            Coverage::InNetwork => " Until then, sessions there cannot be billed to the client's insurance, and an in-network client cannot switch to private pay.",
            Coverage::Medicare | Coverage::Medicaid => " Until then, sessions there cannot be confirmed.",
            Coverage::OutOfNetwork | Coverage::None => " Until then, the client can see you there through private pay.",
        }
    }

    pub fn not_credentialed(place: &str, coverage: Coverage) -> String {
        format!("You are licensed in {place} but not credentialed there. Begin credentialing in {place} to see this client through their insurance.{}", insurance_note(coverage))
    }

    pub fn pending(place: &str, coverage: Coverage) -> String {
        format!("Your credentialing in {place} is not complete yet.{}", insurance_note(coverage))
    }

    pub fn not_licensed(place: &str) -> String {
        format!("You are not licensed in {place}, so you cannot see this client while they are there, whoever pays. Refer them to a provider licensed in {place}.")
    }

    pub fn license_expired(place: &str, expires: Option<Date>) -> String {
        let when = expires.map(|d| format!(" on {d}")).unwrap_or_default();
        format!("Your {place} license expired{when}. Renew it before seeing this client there; until then, refer them to a provider licensed in {place}.")
    }

    pub fn license_inactive(place: &str, status: LicenseStatus) -> String {
        let state = if status == LicenseStatus::Suspended { "suspended" } else { "not active yet" };
        format!("Your {place} license is {state}, so it does not authorize practice there. Refer this client to a provider licensed in {place}.")
    }

    pub fn private_pay_excluded(coverage: Coverage) -> String {
        let program = if coverage == Coverage::Medicare { "Medicare" } else { "Medicaid" };
        format!("Clients covered by {program} can never be seen through private pay.")
    }
}
