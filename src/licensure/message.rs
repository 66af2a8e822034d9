//! The wording of licensure findings: what is wrong on that date and what to
//! do about it.

use super::compacts::{Compact, Operational};
use super::registrations::Registration;
use super::{Context, Lapse, PrivilegeProblem};
use crate::date::Date;
use crate::location::{resolve, Jurisdiction, Resolved};
use crate::request::{CompactId, LicenseStatus, Profession};

/// "a psychologist", ...: the holder of a license of that profession.
fn a_holder(profession: Profession) -> &'static str {
    match profession {
        Profession::Psychologist => "a psychologist",
        Profession::Counselor => "a professional counselor",
        Profession::SocialWorker => "a social worker",
        Profession::MarriageFamilyTherapist => "a marriage and family therapist",
        Profession::NursePractitioner => "a nurse practitioner",
        Profession::Physician => "a physician",
        Profession::Other => "a license title these rules do not recognize",
    }
}

fn compact_name(id: CompactId) -> &'static str {
    Compact::get(id).map_or("compact", |c| c.name)
}

pub fn not_licensed(place: &str) -> String {
    format!("You are not licensed in {place}, so you cannot see this client while they are there, whoever pays. Refer them to a provider licensed in {place}.")
}

pub fn lapse(lapse: Lapse, place: &str, day: Date) -> String {
    let refer = format!("refer this client to a provider licensed in {place}");
    match lapse {
        Lapse::Expired(Some(end)) => format!(
            "Your {place} license expired on {end}, before {day}. Renew it before seeing this client there; until then, {refer}."
        ),
        Lapse::Expired(None) => {
            format!("Your {place} license expired. Renew it before seeing this client there; until then, {refer}.")
        }
        Lapse::Inactive(LicenseStatus::Pending, _) => {
            format!("Your {place} license is pending: it does not authorize practice until the board issues it. Until then, {refer}.")
        }
        Lapse::Inactive(status, since) => {
            let standing = match status {
                LicenseStatus::Revoked => "revoked",
                LicenseStatus::Surrendered => "surrendered",
                _ => "suspended",
            };
            let standing = since.map_or(format!("is {standing}"), |s| format!("has been {standing} since {s}"));
            format!("Your {place} license {standing}, so it does not authorize practice there on {day}. Renewing does not change that: {refer}.")
        }
        Lapse::NotYetIssued(issued) => format!(
            "Your {place} license was issued on {issued}, after {day}: it did not authorize practice there on {day}. {}.",
            capitalized(&refer)
        ),
        Lapse::ActiveOnlySince(since) => format!(
            "Your {place} license has been active only since {since}; its standing on {day} is not known, so it does not count for that day. {}.",
            capitalized(&refer)
        ),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

pub fn privilege_invalid(problem: PrivilegeProblem, place: &Jurisdiction, cx: &Context<'_>) -> String {
    let (name, day) = (place.name, cx.day);
    let tail = format!("Refer this client to a provider licensed in {name}, or get licensed in {name}.");
    match problem {
        PrivilegeProblem::NoCompact(profession) => format!(
            "Your compact privilege in {name} names no compact, and no compact gives privileges to {}. {tail}",
            a_holder(profession)
        ),
        PrivilegeProblem::GrantsLicenses(id) => format!(
            "The {} grants full state licenses, not privileges: enter your {name} license as a state_license with its own dates.",
            compact_name(id)
        ),
        PrivilegeProblem::ProfessionNotCovered(id, profession) => {
            let covers = Compact::get(id).map_or("other professions", |c| c.covers);
            format!(
                "The {} covers {covers}, not {}: this privilege does not authorize your practice in {name}. {tail}",
                compact_name(id),
                a_holder(profession)
            )
        }
        PrivilegeProblem::NotOperational(id) => {
            let compact = Compact::get(id);
            let why = match compact.and_then(|c| c.member(place.code)).map(|m| m.operational) {
                None => format!("{name} is not a member of the {}", compact_name(id)),
                Some(Operational::Since(from)) => {
                    format!("{} privileges can be used in {name} only from {from}", compact_name(id))
                }
                Some(Operational::Uncertain) => format!(
                    "{name} has joined the {} but no date from which its privileges can be used is confirmed",
                    compact_name(id)
                ),
            };
            format!("Your compact privilege does not authorize practice in {name} on {day}: {why}. {tail}")
        }
        PrivilegeProblem::NoHomeLicense(id, profession) => format!(
            "Your {} privilege in {name} counts only with a home-state license as {}, valid on {day}, in a state where the compact is in effect; none of your licenses is one. {tail}",
            compact_name(id),
            a_holder(profession)
        ),
        PrivilegeProblem::ProviderOutsideHomeState(id) => {
            let at = match cx.provider_location.map(resolve) {
                Some(Resolved::Jurisdiction(j)) => j.name.to_owned(),
                _ => format!("\"{}\"", cx.provider_location.map(crate::decode::excerpt).unwrap_or_default()),
            };
            format!(
                "Under the {} you must be in your home state during the session, and you were in {at}. Hold the session from your home state, or get licensed in {name}.",
                compact_name(id)
            )
        }
    }
}

pub fn registration_not_recognized(place: &Jurisdiction, profession: Profession, day: Date) -> String {
    let name = place.name;
    let program = Registration::all().iter().find(|r| r.jurisdiction == place.code);
    let why = match program {
        None => format!("{name} does not issue out-of-state telehealth registrations"),
        Some(r) if !r.professions.contains(&profession) => {
            format!("{name}'s telehealth registration ({}) is not open to {}", r.law, a_holder(profession))
        }
        Some(Registration { since: Some(from), law, .. }) if *from > day => {
            format!("{name}'s telehealth registrations ({law}) can be used only from {from}")
        }
        Some(r) => format!(
            "No first day of use is confirmed for {name}'s telehealth registration ({}), so these rules do not count it yet",
            r.law
        ),
    };
    format!("{why}: this registration does not authorize practice there on {day}. Refer this client to a provider licensed in {name}.")
}

pub fn privilege_only(place: &str, id: CompactId) -> String {
    format!(
        "Your authority to practice in {place} is a {} privilege, not a state license: it lasts only while your home-state license stays valid.",
        compact_name(id)
    )
}
