//! Authority to practice, judged on one date at the client's location (the
//! session date for a session, `as_of` for continuity): state licenses,
//! compact privileges, telehealth registrations and temporary permits, each
//! valid only between its dates and while in good standing on that date, and
//! only within its scope: the profession practised on the platform, at an
//! independent level.
//!
//! Each entry of the provider's record for the client's jurisdiction is
//! judged on its own, and reports the first reason that applies, in the
//! contract's order: scope (another profession, a nurse's or an unknown
//! title), level (supervised), standing on the day ([`standing_on`]), then
//! the compact or registration conditions. The provider is authorized when
//! any entry authorizes; the [`Authority`] names which (a state license
//! first, then a permit, a privilege, a registration) and the data it rests
//! on. When none does, every entry's reason becomes a finding, so the
//! provider sees all of them.

pub mod authority;
mod compact_table;
pub mod compacts;
pub mod levels;
mod message;
pub mod professions;
mod registration_table;
pub mod registrations;

use crate::date::Date;
use crate::finding::{FactSource, Finding};
use crate::location::{of_record, resolve, Jurisdiction, Resolved};
use crate::request::{CompactId, License, LicenseBasis, LicenseLevel, LicenseStatus, PrivilegeKind, Profession};
pub use authority::Authority;
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

/// Why an entry is outside what the provider may practise on the platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeProblem {
    /// A registered nurse's or an `other` profession's entry: such licenses
    /// authorize no psychotherapy or psychiatric session.
    NotPractised(Profession),
    /// An entry of one profession while the provider practises another.
    OtherProfession { entry: Profession, practised: Profession },
    /// A title the profession table does not know, and no `profession`.
    TitleUnknown(String),
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
    /// A PSYPACT Temporary Authorization to Practice (with the IPC): in
    /// person only, never a telehealth session.
    InPersonOnly(CompactId),
    /// The compact's authority cannot be used in the client's jurisdiction on that date.
    NotOperational(CompactId),
    /// No state license of the same profession, valid that day, in a member
    /// jurisdiction where the compact is operational.
    NoHomeLicense(CompactId, Profession),
    /// Such licenses exist, none in the provider's state of residence (the
    /// compact's home state).
    HomeNotResidence(CompactId),
    /// The only such licenses are of a supervised level.
    HomeLicenseSupervised(CompactId),
    /// PSYPACT: the provider was not in the home state (`provider_location`).
    ProviderOutsideHomeState(CompactId),
}

/// Why a telehealth registration authorizes nothing there on that date.
#[derive(Clone, Copy, Debug)]
pub enum RegistrationProblem {
    /// The jurisdiction issues none usable that day for the profession.
    NotRecognized(Profession),
    /// No independent license of the same profession elsewhere, valid and in
    /// good standing that day.
    NoValidLicenseElsewhere(&'static Registration),
}

/// The answer for one jurisdiction on one date.
#[derive(Clone, Debug, Default)]
pub struct Judgment {
    /// What authorizes practice there, or `None`.
    pub authority: Option<Authority>,
    /// When the authority is a compact privilege: the `compact_privilege`
    /// finding that says so.
    pub privilege_notice: Option<Finding>,
    /// When not authorized: why, one finding per reason (field `provider.licenses`).
    pub findings: Vec<Finding>,
}

impl Judgment {
    /// Whether some entry authorizes practice there on that date.
    #[must_use]
    pub fn authorized(&self) -> bool {
        self.authority.is_some()
    }
}

/// What the rules need to know about the provider, besides the licenses.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Every license the provider holds (home-state licenses are looked up here).
    pub licenses: &'a [License],
    /// The profession the provider practises on the platform, when given.
    pub profession: Option<Profession>,
    /// The provider's state of primary residence (USPS code), when given.
    pub residence: Option<&'static str>,
    /// The date practice happens on.
    pub day: Date,
    /// The date the request is judged on: license statuses are the standing then.
    pub as_of: Date,
    /// Where the provider is during the session, as typed, when known.
    pub provider_location: Option<&'a str>,
}

/// An entry that authorizes, before ranking.
struct Granted {
    compact: Option<CompactId>,
    home: Option<usize>,
    sources: Vec<FactSource>,
}

/// Judges the provider's authority to practice in `place` on `cx.day`.
#[must_use]
pub fn judge(place: &Jurisdiction, cx: &Context<'_>) -> Judgment {
    let here = cx
        .licenses
        .iter()
        .enumerate()
        .filter(|(_, l)| of_record(&l.jurisdiction).is_some_and(|j| j.code == place.code));
    // (rank, index, grant) of the best authorizing entry.
    let mut best: Option<(u8, usize, Granted)> = None;
    let mut expired = None;
    let mut inactive = None;
    let mut findings = Vec::new();
    for (index, license) in here {
        match authorizes(license, place, cx) {
            Ok(grant) => {
                let rank = rank(license.basis);
                if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                    best = Some((rank, index, grant));
                }
            }
            Err(Reason::Lapse(lapse @ Lapse::Expired(_))) => expired = expired.or(Some(lapse)),
            Err(Reason::Lapse(lapse)) => inactive = inactive.or(Some(lapse)),
            Err(Reason::Scope(problem)) => {
                push_once(&mut findings, Finding::new("provider.licenses", message::scope(&problem, place)));
            }
            Err(Reason::Supervised) => {
                push_once(&mut findings, Finding::new("provider.licenses", message::supervised(license, place)))
            }
            Err(Reason::Privilege(problem, source)) => push_once(
                &mut findings,
                Finding::new("provider.licenses", message::privilege_invalid(problem, place, cx)).with_source(source),
            ),
            Err(Reason::Registration(RegistrationProblem::NotRecognized(profession))) => {
                let program = Registration::all().iter().find(|r| r.jurisdiction == place.code);
                push_once(
                    &mut findings,
                    Finding::new("provider.licenses", message::registration_not_recognized(place, profession, cx.day))
                        .with_source(program.map(FactSource::registration)),
                );
            }
            Err(Reason::Registration(RegistrationProblem::NoValidLicenseElsewhere(program))) => push_once(
                &mut findings,
                Finding::new("provider.licenses", message::registration_invalid(program, place, cx.day))
                    .with_source(Some(FactSource::registration(program))),
            ),
        }
    }
    if let Some((_, index, grant)) = best {
        let basis = cx.licenses.get(index).map_or(LicenseBasis::StateLicense, |l| l.basis);
        let privilege_notice = match (basis, grant.compact) {
            (LicenseBasis::CompactPrivilege, Some(compact)) => {
                let home = grant.home.and_then(|h| cx.licenses.get(h)).and_then(|l| of_record(&l.jurisdiction));
                let source = grant.sources.first().cloned();
                Some(
                    Finding::new(
                        "provider.licenses",
                        message::privilege_only(
                            place.name,
                            compact,
                            home.map(|j| j.name),
                            cx.provider_location.is_some(),
                        ),
                    )
                    .with_source(source),
                )
            }
            _ => None,
        };
        let authority = Authority {
            license: index,
            basis,
            jurisdiction: place.code,
            compact: grant.compact,
            home_license: grant.home,
            sources: grant.sources,
        };
        return Judgment { authority: Some(authority), privilege_notice, findings: Vec::new() };
    }
    // One finding for the entries' dates, as in v1: an expired one first
    // (renewing is the fix), else an inactive one.
    if let Some(lapse) = expired.or(inactive) {
        findings.push(lapse_finding(lapse, place.name, cx.day));
    }
    if findings.is_empty() {
        findings.push(Finding::new("provider.licenses", message::not_licensed(place.name)));
    }
    Judgment { authority: None, privilege_notice: None, findings }
}

/// Adds `finding` unless an equal one is there (two entries with the same reason).
fn push_once(findings: &mut Vec<Finding>, finding: Finding) {
    if !findings.contains(&finding) {
        findings.push(finding);
    }
}

/// Which authority the report names when several entries authorize.
const fn rank(basis: LicenseBasis) -> u8 {
    match basis {
        LicenseBasis::StateLicense => 0,
        LicenseBasis::TemporaryPermit => 1,
        LicenseBasis::CompactPrivilege => 2,
        LicenseBasis::TelehealthRegistration => 3,
    }
}

fn lapse_finding(lapse: Lapse, place: &'static str, day: Date) -> Finding {
    Finding::new("provider.licenses", message::lapse(lapse, place, day))
}

/// Why one entry does not authorize.
enum Reason {
    Scope(ScopeProblem),
    Supervised,
    Lapse(Lapse),
    Privilege(PrivilegeProblem, Option<FactSource>),
    Registration(RegistrationProblem),
}

/// The entry's grant of authority there on the day, or the first reason
/// that keeps it from authorizing (scope, level, standing, then the basis's
/// own conditions).
fn authorizes(license: &License, place: &Jurisdiction, cx: &Context<'_>) -> Result<Granted, Reason> {
    let profession = scope(license, cx).map_err(Reason::Scope)?;
    if level_applies(license) && levels::level_of(license) == LicenseLevel::Supervised {
        return Err(Reason::Supervised);
    }
    standing_on(license, cx.day, cx.as_of).map_err(Reason::Lapse)?;
    if privilege_kind(license) == Some(PrivilegeKind::Tap) {
        let compact = license.compact.unwrap_or(CompactId::Psypact);
        return Err(Reason::Privilege(PrivilegeProblem::InPersonOnly(compact), None));
    }
    let none = Granted { compact: None, home: None, sources: Vec::new() };
    match license.basis {
        LicenseBasis::StateLicense | LicenseBasis::TemporaryPermit => Ok(none),
        LicenseBasis::TelehealthRegistration => registration(place, profession, cx).map_err(Reason::Registration),
        LicenseBasis::CompactPrivilege => privilege(license, profession, place, cx),
    }
}

/// Whether the level table applies: to licenses, permits and registrations;
/// a privilege's title names its home license's profession, whose level is
/// checked on the home license itself (an explicit `level` still counts).
fn level_applies(license: &License) -> bool {
    license.basis != LicenseBasis::CompactPrivilege || license.level.is_some()
}

/// The profession the entry authorizes for, if it is within what the
/// provider practises on the platform.
fn scope(license: &License, cx: &Context<'_>) -> Result<Profession, ScopeProblem> {
    let profession = entry_profession(license);
    let document = license.license_type.as_deref().and_then(professions::document);
    if profession == Profession::Other && license.profession.is_none() && document.is_none() {
        let title = license.license_type.as_deref().map(crate::text::excerpt).unwrap_or_default();
        return Err(ScopeProblem::TitleUnknown(title));
    }
    if matches!(profession, Profession::RegisteredNurse | Profession::Other) {
        // A privilege titled by its document whose compact names no
        // profession is judged by the compact conditions (no compact).
        if !(profession == Profession::Other && document.is_some()) {
            return Err(ScopeProblem::NotPractised(profession));
        }
    }
    match cx.profession {
        Some(practised) if practised != profession => {
            Err(ScopeProblem::OtherProfession { entry: profession, practised })
        }
        _ => Ok(profession),
    }
}

/// The PSYPACT privilege kind of an entry: as given, else from its title.
fn privilege_kind(license: &License) -> Option<PrivilegeKind> {
    license.privilege.or_else(|| license.license_type.as_deref().and_then(professions::document)?.privilege)
}

/// The profession an entry is for: as given; else a compact document's
/// compact's one profession; else from its title.
#[must_use]
pub fn entry_profession(license: &License) -> Profession {
    if let Some(p) = license.profession {
        return p;
    }
    let title = license.license_type.as_deref();
    if let Some(document) = title.and_then(professions::document) {
        let compact = document.compact.or(license.compact).and_then(Compact::get);
        return match compact.map(|c| c.professions) {
            Some([only]) => *only,
            _ => Profession::Other,
        };
    }
    profession_of(license)
}

/// A registration authorizes when the program is usable that day for the
/// profession and an independent license of that profession elsewhere is
/// valid and in good standing that day.
fn registration(
    place: &Jurisdiction,
    profession: Profession,
    cx: &Context<'_>,
) -> Result<Granted, RegistrationProblem> {
    let program =
        Registration::find(place.code, profession, cx.day).ok_or(RegistrationProblem::NotRecognized(profession))?;
    let elsewhere = cx.licenses.iter().position(|l| {
        l.basis == LicenseBasis::StateLicense
            && of_record(&l.jurisdiction).is_some_and(|j| j.code != place.code)
            && entry_profession(l) == profession
            && levels::level_of(l) == LicenseLevel::Independent
            && standing_on(l, cx.day, cx.as_of).is_ok()
    });
    match elsewhere {
        Some(home) => Ok(Granted { compact: None, home: Some(home), sources: vec![FactSource::registration(program)] }),
        None => Err(RegistrationProblem::NoValidLicenseElsewhere(program)),
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

/// The license's profession from its `profession`, else its title alone.
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
        | Profession::RegisteredNurse
        | Profession::Other => None,
    }
}

/// Whether the compact takes the home state to be the state of primary
/// residence (contract v1.2: the Counseling, Social Work and Nurse Licensure
/// compacts).
const fn home_is_residence(id: CompactId) -> bool {
    matches!(id, CompactId::Counseling | CompactId::SocialWork | CompactId::Nlc)
}

/// Checks a compact privilege (in scope, in force on its own dates) against
/// the compact data: the conditions of contract v1.1, the home license's
/// level and residence, and PSYPACT's home-state rule.
fn privilege(
    license: &License,
    profession: Profession,
    place: &Jurisdiction,
    cx: &Context<'_>,
) -> Result<Granted, Reason> {
    let fail = |problem, source| Err(Reason::Privilege(problem, source));
    let named = license.compact.or_else(|| license.license_type.as_deref().and_then(professions::document)?.compact);
    let Some(id) = named.or(compact_for(profession)) else {
        return fail(PrivilegeProblem::NoCompact(profession), None);
    };
    let Some(compact) = Compact::get(id) else {
        return fail(PrivilegeProblem::NotOperational(id), None);
    };
    if compact.grant == Grant::ExpeditedLicense {
        return fail(PrivilegeProblem::GrantsLicenses(id), None);
    }
    if !compact.covers(profession) {
        return fail(PrivilegeProblem::ProfessionNotCovered(id, profession), None);
    }
    if !compact.operational_in(place.code, cx.day) {
        return fail(PrivilegeProblem::NotOperational(id), Some(FactSource::membership(compact, place.code)));
    }
    // Home licenses: state licenses of the profession, in force that day, in
    // a jurisdiction where the compact is operational.
    let mut homes: Vec<(usize, &'static str)> = cx
        .licenses
        .iter()
        .enumerate()
        .filter(|(_, l)| l.basis == LicenseBasis::StateLicense && entry_profession(l) == profession)
        .filter(|(_, l)| standing_on(l, cx.day, cx.as_of).is_ok())
        .filter_map(|(i, l)| of_record(&l.jurisdiction).map(|j| (i, j.code)))
        .filter(|(_, code)| compact.operational_in(code, cx.day))
        .collect();
    if homes.is_empty() {
        return fail(PrivilegeProblem::NoHomeLicense(id, profession), None);
    }
    if let Some(residence) = cx.residence.filter(|_| home_is_residence(id)) {
        homes.retain(|(_, code)| *code == residence);
        if homes.is_empty() {
            return fail(PrivilegeProblem::HomeNotResidence(id), None);
        }
    }
    homes.retain(|(i, _)| cx.licenses.get(*i).is_some_and(|l| levels::level_of(l) == LicenseLevel::Independent));
    if homes.is_empty() {
        return fail(PrivilegeProblem::HomeLicenseSupervised(id), None);
    }
    if id == CompactId::Psypact {
        if let Some(at) = cx.provider_location.map(resolve) {
            homes.retain(|(_, code)| matches!(at, Resolved::Jurisdiction(j) if j.code == *code));
            if homes.is_empty() {
                return fail(PrivilegeProblem::ProviderOutsideHomeState(id), None);
            }
        }
    }
    let Some(&(home, home_code)) = homes.first() else {
        return fail(PrivilegeProblem::NoHomeLicense(id, profession), None);
    };
    let mut sources = vec![FactSource::membership(compact, place.code)];
    if home_code != place.code {
        sources.push(FactSource::membership(compact, home_code));
    }
    Ok(Granted { compact: Some(id), home: Some(home), sources })
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
        License { status, ..License::state_license("NY", "LCSW") }
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
