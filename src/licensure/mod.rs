//! Authority to practice, judged on one date at the client's location (the
//! session date for a session, `as_of` for continuity): state licenses,
//! compact privileges, telehealth registrations and temporary permits, each
//! valid only between its dates and while in good standing on that date.
//!
//! Each entry of the provider's record for the client's jurisdiction is
//! judged on its own ([`standing_on`], then the basis-specific checks); the
//! provider is authorized when any entry authorizes. When none does, every
//! entry's reason becomes a finding, so the provider sees all of them.

mod compact_table;
pub mod compacts;
mod message;
pub mod professions;
mod registration_table;
pub mod registrations;

use crate::code::Code;
use crate::date::Date;
use crate::location::{of_record, resolve, Jurisdiction, Resolved};
use crate::report::Finding;
use crate::request::{CompactId, License, LicenseBasis, LicenseStatus, Profession};
use compacts::{Compact, Grant};
use registrations::Registration;

/// Why one license does not authorize practice on a date, whatever its basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lapse {
    /// Past its last day (`expires`), or `expired` with no date that covers the day.
    Expired(Option<Date>),
    /// `suspended`, `revoked`, `surrendered` (since the date, when known) or `pending`.
    Inactive(LicenseStatus, Option<Date>),
    /// Not issued until this later date.
    NotYetIssued(Date),
    /// `active` only since this later date: its standing before then is not known.
    ActiveOnlySince(Date),
}

/// Why a compact privilege authorizes nothing there on that date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivilegeProblem {
    /// No compact is named and none follows from the profession.
    NoCompact(Profession),
    /// The compact grants full licenses (IMLC), never privileges.
    GrantsLicenses(CompactId),
    /// The compact does not cover the profession.
    ProfessionNotCovered(CompactId, Profession),
    /// The compact's authority cannot be used in the client's jurisdiction on that date.
    NotOperational(CompactId),
    /// No state license of the same profession, valid that day, in a member
    /// jurisdiction where the compact is operational.
    NoHomeLicense(CompactId, Profession),
    /// PSYPACT: the provider was not in the home state (`provider_location`).
    ProviderOutsideHomeState(CompactId),
}

/// The answer for one jurisdiction on one date.
#[derive(Clone, Debug, Default)]
pub struct Authority {
    /// Some entry authorizes practice there on that date.
    pub authorized: bool,
    /// The compact, when a compact privilege is the only authority.
    pub privilege_only: Option<CompactId>,
    /// When not authorized: why, one finding per reason (field `provider.licenses`).
    pub findings: Vec<Finding>,
}

/// What the rules need to know about the provider, besides the licenses.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Every license the provider holds (home-state licenses are looked up here).
    pub licenses: &'a [License],
    /// The date practice happens on.
    pub day: Date,
    /// The date the request is judged on: license statuses are the standing then.
    pub as_of: Date,
    /// Where the provider is during the session, as typed, when known.
    pub provider_location: Option<&'a str>,
}

/// Judges the provider's authority to practice in `place` on `cx.day`.
#[must_use]
pub fn judge(place: &Jurisdiction, cx: &Context<'_>) -> Authority {
    let here = cx.licenses.iter().filter(|l| of_record(&l.jurisdiction).is_some_and(|j| j.code == place.code));
    let mut by_license = false;
    let mut by_privilege = None;
    let mut expired = None;
    let mut inactive = None;
    let mut findings = Vec::new();
    for license in here {
        match authorizes(license, place, cx) {
            Ok(None) => by_license = true,
            Ok(Some(compact)) => by_privilege = by_privilege.or(Some(compact)),
            Err(Reason::Lapse(lapse @ Lapse::Expired(_))) => expired = expired.or(Some(lapse)),
            Err(Reason::Lapse(lapse)) => inactive = inactive.or(Some(lapse)),
            Err(Reason::Privilege(problem)) => findings.push(Finding::new(
                Code::CompactPrivilegeInvalid,
                "provider.licenses",
                message::privilege_invalid(problem, place, cx),
            )),
            Err(Reason::Registration(profession)) => findings.push(Finding::new(
                Code::RegistrationNotRecognized,
                "provider.licenses",
                message::registration_not_recognized(place, profession, cx.day),
            )),
        }
    }
    if by_license || by_privilege.is_some() {
        let privilege_only = if by_license { None } else { by_privilege };
        return Authority { authorized: true, privilege_only, findings: Vec::new() };
    }
    // One finding for the state licenses' dates, as in v1: an expired one
    // first (renewing is the fix), else an inactive one.
    if let Some(lapse) = expired.or(inactive) {
        findings.push(lapse_finding(lapse, place.name, cx.day));
    }
    if findings.is_empty() {
        findings.push(Finding::new(Code::NotLicensed, "provider.licenses", message::not_licensed(place.name)));
    }
    Authority { authorized: false, privilege_only: None, findings }
}

/// The params of the `compact_privilege` finding: the authority is a privilege alone.
#[must_use]
pub fn privilege_only_params(place: &'static str, compact: CompactId) -> crate::messages::Params {
    message::privilege_only(place, compact)
}

fn lapse_finding(lapse: Lapse, place: &'static str, day: Date) -> Finding {
    let code = if matches!(lapse, Lapse::Expired(_)) { Code::LicenseExpired } else { Code::LicenseInactive };
    Finding::new(code, "provider.licenses", message::lapse(lapse, place, day))
}

/// Why one entry does not authorize.
enum Reason {
    Lapse(Lapse),
    Privilege(PrivilegeProblem),
    Registration(Profession),
}

/// `Ok(None)`: the entry authorizes as a license, registration or permit;
/// `Ok(Some(compact))`: as a compact privilege.
fn authorizes(license: &License, place: &Jurisdiction, cx: &Context<'_>) -> Result<Option<CompactId>, Reason> {
    standing_on(license, cx.day, cx.as_of).map_err(Reason::Lapse)?;
    match license.basis {
        LicenseBasis::StateLicense | LicenseBasis::TemporaryPermit => Ok(None),
        LicenseBasis::TelehealthRegistration => {
            let profession = profession_of(license);
            match Registration::find(place.code, profession, cx.day) {
                Some(_) => Ok(None),
                None => Err(Reason::Registration(profession)),
            }
        }
        LicenseBasis::CompactPrivilege => privilege(license, place, cx).map(Some).map_err(Reason::Privilege),
    }
}

/// Whether `license` was in force on `day`, from its dates and its standing.
/// `status` is the standing on `as_of` (now); `status_since` says from when, so
/// an earlier date sees the license as it stood then. Where the data cannot
/// say how it stood, it does not count. An inactive standing wins over an
/// expiry: renewing does not lift a suspension.
///
/// # Errors
/// The [`Lapse`] that kept it from authorizing on `day`.
pub fn standing_on(license: &License, day: Date, as_of: Date) -> Result<(), Lapse> {
    // A standing taken "since" a day after `as_of` is already the standing on `as_of`.
    let since = license.status_since.map(|s| s.min(as_of));
    let before_since = since.is_some_and(|s| day < s);
    match license.status {
        LicenseStatus::Pending => return Err(Lapse::Inactive(LicenseStatus::Pending, license.status_since)),
        status @ (LicenseStatus::Suspended | LicenseStatus::Revoked | LicenseStatus::Surrendered) => {
            // With no `status_since` the standing covers every date.
            if !before_since {
                return Err(Lapse::Inactive(status, license.status_since));
            }
        }
        LicenseStatus::Active => {
            if let Some(s) = since.filter(|_| before_since) {
                return Err(Lapse::ActiveOnlySince(s));
            }
        }
        LicenseStatus::Expired => {
            // The lapse began on `status_since`, else the day after an
            // `expires` that explains it; an expired license whose dates say
            // nothing about when it lapsed counts on no date.
            let lapsed_from = since.or_else(|| license.expires.filter(|e| *e < as_of).map(|e| e.add_days(1)));
            if lapsed_from.is_none_or(|s| day >= s) {
                return Err(Lapse::Expired(license.expires));
            }
        }
    }
    if let Some(issued) = license.issued.filter(|i| day < *i) {
        return Err(Lapse::NotYetIssued(issued));
    }
    match license.expires {
        Some(e) if e < day => Err(Lapse::Expired(Some(e))),
        _ => Ok(()),
    }
}

/// The license's profession: as given, else from its title.
#[must_use]
pub fn profession_of(license: &License) -> Profession {
    license
        .profession
        .unwrap_or_else(|| license.license_type.as_deref().map_or(Profession::Other, professions::of_title))
}

/// The compact a profession's privileges come from, when the request names none.
const fn compact_for(profession: Profession) -> Option<CompactId> {
    match profession {
        Profession::Psychologist => Some(CompactId::Psypact),
        Profession::Counselor => Some(CompactId::Counseling),
        Profession::SocialWorker => Some(CompactId::SocialWork),
        Profession::MarriageFamilyTherapist
        | Profession::NursePractitioner
        | Profession::Physician
        | Profession::Other => None,
    }
}

/// Checks a compact privilege (already in force on its own dates) against the
/// compact data: the three conditions of contract v1.1, and PSYPACT's
/// home-state rule.
fn privilege(license: &License, place: &Jurisdiction, cx: &Context<'_>) -> Result<CompactId, PrivilegeProblem> {
    let named = license.compact;
    let mut profession = profession_of(license);
    // A privilege titled by its document ("APIT", "E.Passport") names no
    // profession: it is the profession its one compact covers.
    if profession == Profession::Other {
        if let Some([only]) = named.and_then(Compact::get).map(|c| c.professions) {
            profession = *only;
        }
    }
    let id = named.or(compact_for(profession)).ok_or(PrivilegeProblem::NoCompact(profession))?;
    let Some(compact) = Compact::get(id) else {
        return Err(PrivilegeProblem::NotOperational(id));
    };
    if compact.grant == Grant::ExpeditedLicense {
        return Err(PrivilegeProblem::GrantsLicenses(id));
    }
    if !compact.covers(profession) {
        return Err(PrivilegeProblem::ProfessionNotCovered(id, profession));
    }
    if !compact.operational_in(place.code, cx.day) {
        return Err(PrivilegeProblem::NotOperational(id));
    }
    let homes = home_states(compact, profession, cx);
    if homes.is_empty() {
        return Err(PrivilegeProblem::NoHomeLicense(id, profession));
    }
    if id == CompactId::Psypact {
        let at = cx.provider_location.map(resolve);
        if let Some(at) = at {
            let at_home = matches!(at, Resolved::Jurisdiction(j) if homes.contains(&j.code));
            if !at_home {
                return Err(PrivilegeProblem::ProviderOutsideHomeState(id));
            }
        }
    }
    Ok(id)
}

/// Codes of the jurisdictions where the provider holds a state license of
/// `profession`, in force on the day, and the compact is operational.
fn home_states(compact: &Compact, profession: Profession, cx: &Context<'_>) -> Vec<&'static str> {
    cx.licenses
        .iter()
        .filter(|l| l.basis == LicenseBasis::StateLicense && profession_of(l) == profession)
        .filter(|l| standing_on(l, cx.day, cx.as_of).is_ok())
        .filter_map(|l| of_record(&l.jurisdiction))
        .map(|j| j.code)
        .filter(|code| compact.operational_in(code, cx.day))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// `standing_on` as judged on 2026-11-26.
    fn on(license: &License, day: Date) -> Result<(), Lapse> {
        standing_on(license, day, d("2026-11-26"))
    }

    fn license(status: LicenseStatus) -> License {
        License {
            jurisdiction: "NY".into(),
            license_type: Some("LCSW".into()),
            profession: None,
            basis: LicenseBasis::StateLicense,
            compact: None,
            status,
            status_since: None,
            issued: None,
            expires: None,
        }
    }

    #[test]
    fn dates_bound_an_active_license() {
        let l =
            License { issued: Some(d("2026-01-15")), expires: Some(d("2027-06-30")), ..license(LicenseStatus::Active) };
        assert_eq!(on(&l, d("2026-01-14")), Err(Lapse::NotYetIssued(d("2026-01-15"))));
        assert_eq!(on(&l, d("2026-01-15")), Ok(()));
        assert_eq!(on(&l, d("2027-06-30")), Ok(()));
        assert_eq!(on(&l, d("2027-07-01")), Err(Lapse::Expired(Some(d("2027-06-30")))));
    }

    #[test]
    fn a_standing_counts_from_its_date() {
        let suspended = License { status_since: Some(d("2026-03-01")), ..license(LicenseStatus::Suspended) };
        assert_eq!(on(&suspended, d("2026-02-28")), Ok(()));
        assert!(matches!(on(&suspended, d("2026-03-01")), Err(Lapse::Inactive(LicenseStatus::Suspended, _))));
        let always = license(LicenseStatus::Revoked);
        assert!(matches!(on(&always, d("2000-01-01")), Err(Lapse::Inactive(LicenseStatus::Revoked, None))));
        let expired = License { expires: Some(d("2026-06-30")), ..license(LicenseStatus::Expired) };
        assert_eq!(on(&expired, d("2026-06-30")), Ok(()));
        assert_eq!(on(&expired, d("2026-07-01")), Err(Lapse::Expired(Some(d("2026-06-30")))));
        assert_eq!(on(&license(LicenseStatus::Expired), d("2020-01-01")), Err(Lapse::Expired(None)));
        // Expired now although `expires` is later: when it lapsed is unknown.
        let early = License { expires: Some(d("2027-06-30")), ..license(LicenseStatus::Expired) };
        assert_eq!(on(&early, d("2026-01-01")), Err(Lapse::Expired(Some(d("2027-06-30")))));
        let dated = License { status_since: Some(d("2026-09-01")), ..early };
        assert_eq!(on(&dated, d("2026-08-31")), Ok(()));
        assert_eq!(on(&dated, d("2026-09-01")), Err(Lapse::Expired(Some(d("2027-06-30")))));
        let pending = License { status_since: Some(d("2026-03-01")), ..license(LicenseStatus::Pending) };
        assert!(matches!(on(&pending, d("2026-01-01")), Err(Lapse::Inactive(LicenseStatus::Pending, _))));
        let reinstated = License { status_since: Some(d("2026-03-01")), ..license(LicenseStatus::Active) };
        assert_eq!(on(&reinstated, d("2026-02-28")), Err(Lapse::ActiveOnlySince(d("2026-03-01"))));
    }

    #[test]
    fn inactive_wins_over_expired() {
        let l = License {
            status_since: Some(d("2026-05-01")),
            expires: Some(d("2026-04-30")),
            ..license(LicenseStatus::Suspended)
        };
        assert!(matches!(on(&l, d("2026-06-01")), Err(Lapse::Inactive(LicenseStatus::Suspended, _))));
        assert_eq!(on(&l, d("2026-04-30")), Ok(()));
    }
}
