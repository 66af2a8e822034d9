//! The params of licensure findings: what is wrong on that date, as values
//! (the words are in the message catalog, `messages/<locale>.json`).

use super::authority::compact_key;
use super::compacts::{Compact, Operational};
use super::registrations::Registration;
use super::{Context, Lapse, PrivilegeProblem, ScopeProblem};
use crate::date::Date;
use crate::location::{resolve, Jurisdiction, Resolved};
use crate::messages::Params;
use crate::request::{CompactId, License, LicenseStatus, Profession};

fn profession_key(profession: Profession) -> &'static str {
    Profession::NAMES.iter().find(|(_, p)| *p == profession).map_or("other", |(name, _)| *name)
}

fn place(place: &'static str) -> Params {
    Params::new().with("place", place)
}

pub fn not_licensed(name: &'static str) -> Params {
    place(name)
}

pub fn lapse(lapse: Lapse, name: &'static str, day: Date) -> Params {
    let p = place(name);
    match lapse {
        Lapse::Expired(Some(end)) => {
            p.with("reason", "dated").with("expires", end.to_string()).with("day", day.to_string())
        }
        Lapse::Expired(None) => p.with("reason", "undated"),
        Lapse::Inactive(LicenseStatus::Pending, _) => p.with("reason", "pending"),
        Lapse::Inactive(status, since) => {
            let standing = match status {
                LicenseStatus::Revoked => "revoked",
                LicenseStatus::Surrendered => "surrendered",
                _ => "suspended",
            };
            match since {
                Some(s) => p
                    .with("reason", "inactive_since")
                    .with("status", standing)
                    .with("since", s.to_string())
                    .with("day", day.to_string()),
                None => p.with("reason", "inactive").with("status", standing).with("day", day.to_string()),
            }
        }
        Lapse::NotYetIssued(issued) => {
            p.with("reason", "not_yet_issued").with("issued", issued.to_string()).with("day", day.to_string())
        }
        Lapse::ActiveOnlySince(since) => {
            p.with("reason", "active_only_since").with("since", since.to_string()).with("day", day.to_string())
        }
    }
}

pub fn privilege_invalid(problem: PrivilegeProblem, at: &Jurisdiction, cx: &Context<'_>) -> Params {
    let p = |reason: &'static str| Params::new().with("reason", reason).with("place", at.name);
    let day = || cx.day.to_string();
    match problem {
        PrivilegeProblem::NoCompact(profession) => p("no_compact").with("profession", profession_key(profession)),
        PrivilegeProblem::GrantsLicenses(id) => p("grants_licenses").with("compact", compact_key(id)),
        PrivilegeProblem::ProfessionNotCovered(id, profession) => {
            p("profession_not_covered").with("compact", compact_key(id)).with("profession", profession_key(profession))
        }
        PrivilegeProblem::NotOperational(id) => {
            let p = p("not_operational").with("compact", compact_key(id)).with("day", day());
            match Compact::get(id).and_then(|c| c.member(at.code)).map(|m| m.operational) {
                None => p.with("membership", "not_member"),
                Some(Operational::Since(from)) => p.with("membership", "since").with("from", from.to_string()),
                Some(Operational::Uncertain) => p.with("membership", "uncertain"),
            }
        }
        PrivilegeProblem::InPersonOnly(id) => p("in_person_only").with("compact", compact_key(id)),
        PrivilegeProblem::HomeNotResidence(id) => {
            let residence = cx.residence.and_then(crate::location::of_record).map_or("", |j| j.name);
            p("home_not_residence").with("compact", compact_key(id)).with("residence", residence)
        }
        PrivilegeProblem::HomeLicenseSupervised(id) => p("home_license_supervised").with("compact", compact_key(id)),
        PrivilegeProblem::NoHomeLicense(id, profession) => p("no_home_license")
            .with("compact", compact_key(id))
            .with("profession", profession_key(profession))
            .with("day", day()),
        PrivilegeProblem::ProviderOutsideHomeState(id) => {
            let (kind, where_) = match cx.provider_location.map(resolve) {
                Some(Resolved::Jurisdiction(j)) => ("jurisdiction", j.name.to_owned()),
                _ => ("text", cx.provider_location.map(crate::text::excerpt).unwrap_or_default()),
            };
            p("provider_outside_home_state").with("compact", compact_key(id)).with("at_kind", kind).with("at", where_)
        }
    }
}

pub fn registration_not_recognized(at: &Jurisdiction, profession: Profession, day: Date) -> Params {
    let program = Registration::all().iter().find(|r| r.jurisdiction == at.code);
    let p = |reason: &'static str| Params::new().with("reason", reason).with("place", at.name);
    let p = match program {
        None => p("no_program"),
        Some(r) if !r.professions.contains(&profession) => {
            p("profession_not_open").with("law", r.law).with("profession", profession_key(profession))
        }
        Some(Registration { since: Some(from), law, .. }) if *from > day => {
            p("not_yet").with("law", *law).with("from", from.to_string())
        }
        Some(r) => p("no_date").with("law", r.law),
    };
    p.with("day", day.to_string())
}

pub fn registration_invalid(program: &Registration, at: &Jurisdiction, day: Date) -> Params {
    Params::new()
        .with("reason", "no_valid_license_elsewhere")
        .with("place", at.name)
        .with("law", program.law)
        .with("day", day.to_string())
}

/// The `compact_privilege` params: the home license it rests on and, for
/// PSYPACT when where the provider was is not known, a reminder that the
/// APIT covers only sessions given from the home state.
pub fn privilege_only(
    name: &'static str,
    id: CompactId,
    home: Option<&'static str>,
    provider_location_known: bool,
) -> Params {
    let reminder = if id == CompactId::Psypact && !provider_location_known { "home_state" } else { "none" };
    place(name).with("compact", compact_key(id)).with("home", home.unwrap_or("")).with("reminder", reminder)
}

pub fn scope(problem: &ScopeProblem, at: &Jurisdiction) -> Params {
    let p = |reason: &'static str| Params::new().with("reason", reason).with("place", at.name);
    match problem {
        ScopeProblem::NotPractised(profession) => p("not_practised").with("profession", profession_key(*profession)),
        ScopeProblem::OtherProfession { entry, practised } => p("other_profession")
            .with("profession", profession_key(*entry))
            .with("practised", profession_key(*practised)),
        ScopeProblem::TitleUnknown(title) if title.is_empty() => p("no_title"),
        ScopeProblem::TitleUnknown(title) => p("unknown_title").with("title", title.clone()),
    }
}

pub fn supervised(license: &License, at: &Jurisdiction) -> Params {
    let p = Params::new().with("place", at.name);
    match (license.level, super::levels::supervised_title(license)) {
        (None, Some(row)) => p.with("reason", "title").with("title", row.title),
        _ => p.with("reason", "entry"),
    }
}
