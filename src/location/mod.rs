//! The `location` kind: a client's virtual-session location (state, ZIP,
//! country). The state is authoritative; the ZIP only catches typos.

mod abroad;
pub mod jurisdictions;
mod message;
pub mod resolve;
pub mod zip;
mod zip3_table;

use serde::Serialize;

use crate::code::{params, Code, Coded};
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::ObjectWriter;
use crate::request::LocationRequest;
use crate::text::fold_key;
pub use jurisdictions::{Jurisdiction, JurisdictionType};
pub use resolve::{resolve, Resolved};

/// The answer to a `location` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LocationReport {
    /// `reject` when any finding is an error, `review` when the worst is a warning.
    pub verdict: Verdict,
    /// Everything the rules noticed.
    pub findings: Vec<Finding>,
    /// The recognized jurisdiction, or `null`.
    pub jurisdiction: Option<Jurisdiction>,
    /// The 5-digit ZIP code, or `null` when none was given or it is malformed.
    pub zip: Option<String>,
    /// Only for a value being typed (`typing`): whether every error and
    /// warning is final.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub settled: Option<bool>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

impl LocationReport {
    pub(crate) fn write_fields(&self, w: &mut ObjectWriter<'_>) {
        w.field("verdict", &self.verdict).field("findings", &self.findings).field("jurisdiction", &self.jurisdiction);
        w.field("zip", &self.zip);
        if let Some(settled) = &self.settled {
            w.field("settled", settled);
        }
        w.field("ruleset", self.ruleset);
    }
}

/// Applies the location rules.
#[must_use]
pub fn check(request: &LocationRequest) -> LocationReport {
    let mut findings = Vec::new();
    let mut jurisdiction = None;
    let mut zip = None;
    let country = request.country.as_deref().map(crate::text::trim_ws).filter(|c| !c.is_empty());
    match country.map(country_of) {
        Some(Country::Abroad) => {
            findings.push(Finding::new("country", params::OutsideUs::new()));
        }
        Some(Country::FreelyAssociated(code)) => {
            findings.push(Finding::new("country", message::freely_associated(code)));
        }
        Some(Country::UnitedStates) | None => {
            let place = resolve(&request.state);
            jurisdiction = judge_resolved(place, &request.state, "state", &mut findings);
            zip = judge_zip(request.zip.as_deref(), place, &mut findings);
        }
    }
    let mut settled = None;
    if request.typing {
        mark_final(&mut findings, request, jurisdiction.as_ref());
        settled = Some(crate::finding::settled(&findings));
    }
    LocationReport {
        verdict: Verdict::from_findings(&findings),
        findings,
        jurisdiction,
        zip,
        settled,
        ruleset: RULESET,
        locale: None,
    }
}

/// For a value being typed: each finding is final unless more text typed at
/// the end of a field could remove it. The state can still become a
/// jurisdiction while it begins one's name, code or alias (which also
/// settles whether a ZIP is in it); the ZIP can still become well-formed
/// while it begins a 5-digit, 9-digit or ZIP+4 code; the country can
/// still become the United States or a territory when the state is a
/// jurisdiction (else a state finding would take the country's place). A ZIP's own place
/// (unassigned, military) is settled once its five digits are.
fn mark_final(findings: &mut [Finding], request: &LocationRequest, jurisdiction: Option<&Jurisdiction>) {
    let state_open = resolve::may_become_jurisdiction(&request.state, None);
    // Another jurisdiction than the one it is now.
    let state_moves = resolve::may_become_jurisdiction(&request.state, jurisdiction.map(|j| j.code));
    for f in findings {
        let open = match (f.field.as_str(), f.code) {
            ("state", _) | ("zip", Code::FreelyAssociatedState) => state_open,
            ("zip", Code::ZipStateMismatch) => state_moves,
            ("zip", Code::ZipMalformed) => request.zip.as_deref().is_some_and(zip::may_become_valid),
            // Back in the United States, the state must be one.
            ("country", _) => {
                request.country.as_deref().is_some_and(may_become_united_states)
                    && matches!(resolve(&request.state), Resolved::Jurisdiction(_))
            }
            _ => false,
        };
        f.is_final = Some(!open);
    }
}

/// Whether more text typed after `text` could make the country the United
/// States (or one of its territories).
fn may_become_united_states(text: &str) -> bool {
    let key = fold_key(text);
    let begins = |whole: &&str| whole.len() > key.len() && whole.starts_with(key.as_str());
    let territory = |j: &&Jurisdiction| j.kind == JurisdictionType::Territory;
    let territories = jurisdictions::JURISDICTIONS.iter().filter(territory).flat_map(|j| [j.code, j.name]);
    let aliases =
        jurisdictions::ALIASES.iter().filter(|(_, code)| resolve::by_code(code).is_some_and(|j| territory(&j)));
    let names = territories.chain(aliases.map(|(alias, _)| *alias)).map(fold_key);
    jurisdictions::UNITED_STATES.iter().any(begins) || names.into_iter().any(|name| begins(&name.as_str()))
}

/// A jurisdiction as provider records name it: its code or its full name, in
/// any case; nothing fuzzier, since records come from systems, not typing.
#[must_use]
pub fn of_record(text: &str) -> Option<&'static Jurisdiction> {
    let text = crate::text::trim_ws(text);
    if text.len() == 2 {
        return resolve::by_code(text);
    }
    jurisdictions::JURISDICTIONS.iter().find(|j| j.name.eq_ignore_ascii_case(text))
}

/// Resolves a typed place, adding the finding that explains a rejection.
/// Shared with the continuity and session kinds (`field` is then `location`).
pub fn judge_place(text: &str, field: &str, findings: &mut Vec<Finding>) -> Option<Jurisdiction> {
    judge_resolved(resolve(text), text, field, findings)
}

fn judge_resolved(place: Resolved, text: &str, field: &str, findings: &mut Vec<Finding>) -> Option<Jurisdiction> {
    let (coded, fix): (Coded, _) = match place {
        Resolved::Jurisdiction(found) => return Some(*found),
        Resolved::Empty => (message::empty().into(), None),
        Resolved::Military(code) => (message::military(code).into(), None),
        Resolved::FreelyAssociated(code) => (message::freely_associated(code).into(), None),
        Resolved::Abroad => (params::OutsideUs::new().into(), None),
        Resolved::Unknown { fix } => {
            (message::unknown(text, fix.and_then(resolve::by_code)).into(), fix.map(str::to_owned))
        }
    };
    findings.push(Finding::new(field, coded).with_fix(fix));
    None
}

/// Judges the ZIP against the typed place: a ZIP elsewhere than a typed
/// jurisdiction is a warning (the state is authoritative); when the state
/// names no place at all, a ZIP of a freely associated state is the only
/// evidence of where the client is, and rejects the location.
fn judge_zip(text: Option<&str>, place: Resolved, findings: &mut Vec<Finding>) -> Option<String> {
    let text = text.map(crate::text::trim_ws).filter(|t| !t.is_empty())?;
    let Some(zip5) = zip::parse(text) else {
        findings.push(Finding::new("zip", params::ZipMalformed::new()));
        return None;
    };
    let codes: Vec<&str> = zip::codes(&zip5).collect();
    if codes.is_empty() {
        findings.push(Finding::new("zip", params::ZipUnassigned::new().zip(zip5.clone())));
    } else if codes.iter().all(|c| zip::MILITARY_CODES.contains(c)) {
        findings.push(Finding::new("zip", message::military_zip(&zip5)));
    } else if let Resolved::Jurisdiction(j) = place {
        if !codes.contains(&j.code) {
            let places: Vec<&str> = codes.iter().filter_map(|c| place_name(c)).collect();
            findings.push(Finding::new("zip", message::zip_mismatch(&zip5, &places, j.name)));
        }
    } else if let (Resolved::Empty | Resolved::Unknown { .. }, [code]) = (place, codes.as_slice()) {
        if message::freely_associated_name(code).is_some() {
            findings.push(Finding::new("zip", message::freely_associated_zip(&zip5, code)));
        }
    }
    Some(zip5)
}

/// The name of the place a ZIP's code stands for: a jurisdiction or a freely
/// associated state (military codes name no place).
fn place_name(code: &str) -> Option<&'static str> {
    resolve::by_code(code).map(|j| j.name).or_else(|| message::freely_associated_name(code))
}

enum Country {
    UnitedStates,
    FreelyAssociated(&'static str),
    Abroad,
}

/// The US (including a territory typed as a country), a freely associated
/// state, or somewhere else.
fn country_of(text: &str) -> Country {
    if jurisdictions::UNITED_STATES.contains(&fold_key(text).as_str()) {
        return Country::UnitedStates;
    }
    match resolve(text) {
        Resolved::Jurisdiction(j) if j.kind == JurisdictionType::Territory => Country::UnitedStates,
        Resolved::FreelyAssociated(code) => Country::FreelyAssociated(code),
        _ => Country::Abroad,
    }
}
