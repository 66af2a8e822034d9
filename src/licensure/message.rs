//! The params of licensure findings: what is wrong on that date, as values,
//! each built with its code's typed builder (the words are in the message
//! catalog, `messages/<locale>.json`).

use super::compacts::{Compact, Operational};
use super::registrations::Registration;
use super::{Context, Lapse, PrivilegeProblem, ScopeProblem};
use crate::code::params::{
    CompactPrivilege, CompactPrivilegeInvalid, CompactPrivilegeInvalidAtKind, CompactPrivilegeInvalidMembership,
    CompactPrivilegeInvalidReason as Invalid, CompactPrivilegeReminder, LicenseExpired, LicenseExpiredReason,
    LicenseInactive, LicenseInactiveReason, LicenseInactiveStatus, LicenseScopeMismatch, LicenseScopeMismatchReason,
    LicenseSupervisedLevel, LicenseSupervisedLevelReason, LicenseTitleUnknown, LicenseTitleUnknownReason, NotLicensed,
    RegistrationInvalid, RegistrationInvalidReason, RegistrationNotRecognized, RegistrationNotRecognizedReason,
};
use crate::code::Coded;
use crate::date::Date;
use crate::location::{resolve, Jurisdiction, Resolved};
use crate::request::{CompactId, License, LicenseStatus, Profession};

pub fn not_licensed(name: &'static str) -> NotLicensed {
    NotLicensed::new().place(name)
}

/// `license_expired` or `license_inactive`, as the lapse says.
pub fn lapse(lapse: Lapse, name: &'static str, day: Date) -> Coded {
    let expired = LicenseExpired::new().place(name);
    let inactive = LicenseInactive::new().place(name);
    match lapse {
        Lapse::Expired(Some(end)) => {
            expired.reason(LicenseExpiredReason::Dated).expires(end.to_string()).day(day.to_string()).into()
        }
        Lapse::Expired(None) => expired.reason(LicenseExpiredReason::Undated).into(),
        Lapse::Inactive(LicenseStatus::Pending, _) => inactive.reason(LicenseInactiveReason::Pending).into(),
        Lapse::Inactive(status, since) => {
            let standing = match status {
                LicenseStatus::Revoked => LicenseInactiveStatus::Revoked,
                LicenseStatus::Surrendered => LicenseInactiveStatus::Surrendered,
                _ => LicenseInactiveStatus::Suspended,
            };
            match since {
                Some(s) => inactive
                    .reason(LicenseInactiveReason::InactiveSince)
                    .status(standing)
                    .since(s.to_string())
                    .day(day.to_string()),
                None => inactive.reason(LicenseInactiveReason::Inactive).status(standing).day(day.to_string()),
            }
            .into()
        }
        Lapse::NotYetIssued(issued) => {
            inactive.reason(LicenseInactiveReason::NotYetIssued).issued(issued.to_string()).day(day.to_string()).into()
        }
        Lapse::ActiveOnlySince(since) => {
            inactive.reason(LicenseInactiveReason::ActiveOnlySince).since(since.to_string()).day(day.to_string()).into()
        }
    }
}

pub fn privilege_invalid(problem: PrivilegeProblem, at: &Jurisdiction, cx: &Context<'_>) -> CompactPrivilegeInvalid {
    let p = |reason: Invalid| CompactPrivilegeInvalid::new().reason(reason).place(at.name);
    let day = || cx.day.to_string();
    match problem {
        PrivilegeProblem::NoCompact(profession) => p(Invalid::NoCompact).profession(profession),
        PrivilegeProblem::GrantsLicenses(id) => p(Invalid::GrantsLicenses).compact(id),
        PrivilegeProblem::ProfessionNotCovered(id, profession) => {
            p(Invalid::ProfessionNotCovered).compact(id).profession(profession)
        }
        PrivilegeProblem::NotOperational(id) => {
            let p = p(Invalid::NotOperational).compact(id).day(day());
            match Compact::get(id).and_then(|c| c.member(at.code)).map(|m| m.operational) {
                None => p.membership(CompactPrivilegeInvalidMembership::NotMember),
                Some(Operational::Since(from)) => {
                    p.membership(CompactPrivilegeInvalidMembership::Since).from(from.to_string())
                }
                Some(Operational::Uncertain) => p.membership(CompactPrivilegeInvalidMembership::Uncertain),
            }
        }
        PrivilegeProblem::InPersonOnly(id) => p(Invalid::InPersonOnly).compact(id),
        PrivilegeProblem::HomeNotResidence(id) => {
            let residence = cx.residence.and_then(crate::location::of_record).map_or("", |j| j.name);
            p(Invalid::HomeNotResidence).compact(id).residence(residence)
        }
        PrivilegeProblem::HomeLicenseSupervised(id) => p(Invalid::HomeLicenseSupervised).compact(id),
        PrivilegeProblem::NoHomeLicense(id, profession) => {
            p(Invalid::NoHomeLicense).compact(id).profession(profession).day(day())
        }
        PrivilegeProblem::ProviderOutsideHomeState(id) => {
            let (kind, where_) = match cx.provider_location.map(resolve) {
                Some(Resolved::Jurisdiction(j)) => (CompactPrivilegeInvalidAtKind::Jurisdiction, j.name.to_owned()),
                _ => (
                    CompactPrivilegeInvalidAtKind::Text,
                    cx.provider_location.map(crate::text::excerpt).unwrap_or_default(),
                ),
            };
            p(Invalid::ProviderOutsideHomeState).compact(id).at_kind(kind).at(where_)
        }
    }
}

pub fn registration_not_recognized(at: &Jurisdiction, profession: Profession, day: Date) -> RegistrationNotRecognized {
    use RegistrationNotRecognizedReason as Reason;
    let program = Registration::all().iter().find(|r| r.jurisdiction == at.code);
    let p = |reason: Reason| RegistrationNotRecognized::new().reason(reason).place(at.name);
    let p = match program {
        None => p(Reason::NoProgram),
        Some(r) if !r.professions.contains(&profession) => {
            p(Reason::ProfessionNotOpen).law(r.law).profession(profession)
        }
        Some(Registration { since: Some(from), law, .. }) if *from > day => {
            p(Reason::NotYet).law(*law).from(from.to_string())
        }
        Some(r) => p(Reason::NoDate).law(r.law),
    };
    p.day(day.to_string())
}

pub fn registration_invalid(program: &Registration, at: &Jurisdiction, day: Date) -> RegistrationInvalid {
    RegistrationInvalid::new()
        .reason(RegistrationInvalidReason::NoValidLicenseElsewhere)
        .place(at.name)
        .law(program.law)
        .day(day.to_string())
}

/// The `compact_privilege` params: the home license it rests on and, for
/// PSYPACT when where the provider was is not known, a reminder that the
/// APIT covers only sessions given from the home state.
pub fn privilege_only(
    name: &'static str,
    id: CompactId,
    home: Option<&'static str>,
    provider_location_known: bool,
) -> CompactPrivilege {
    let reminder = if id == CompactId::Psypact && !provider_location_known {
        CompactPrivilegeReminder::HomeState
    } else {
        CompactPrivilegeReminder::None
    };
    CompactPrivilege::new().place(name).compact(id).home(home.unwrap_or("")).reminder(reminder)
}

/// `license_scope_mismatch` or `license_title_unknown`, as the problem says.
pub fn scope(problem: &ScopeProblem, at: &Jurisdiction) -> Coded {
    let mismatch = |reason| LicenseScopeMismatch::new().reason(reason).place(at.name);
    let unknown = |reason| LicenseTitleUnknown::new().reason(reason).place(at.name);
    match problem {
        ScopeProblem::NotPractised(profession) => {
            mismatch(LicenseScopeMismatchReason::NotPractised).profession(*profession).into()
        }
        ScopeProblem::OtherProfession { entry, practised } => {
            mismatch(LicenseScopeMismatchReason::OtherProfession).profession(*entry).practised(*practised).into()
        }
        ScopeProblem::TitleUnknown(title) if title.is_empty() => unknown(LicenseTitleUnknownReason::NoTitle).into(),
        ScopeProblem::TitleUnknown(title) => {
            unknown(LicenseTitleUnknownReason::UnknownTitle).title(title.clone()).into()
        }
    }
}

pub fn supervised(license: &License, at: &Jurisdiction) -> LicenseSupervisedLevel {
    let p = LicenseSupervisedLevel::new().place(at.name);
    match (license.level, super::levels::supervised_title(license)) {
        (None, Some(row)) => p.reason(LicenseSupervisedLevelReason::Title).title(row.title),
        _ => p.reason(LicenseSupervisedLevelReason::Entry),
    }
}
