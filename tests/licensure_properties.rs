#![cfg(not(target_arch = "wasm32"))]
//! Property tests of authority to practice (contracts v1.1 and v1.2):
//! whatever the provider's record says, a session is never confirmed without
//! an entry in force that day at the client's location, a compact privilege
//! never counts where its compact is not operational that day, no entry of
//! another profession, of a supervised level, or a TAP ever authorizes, a
//! registration never authorizes without a valid independent license of the
//! same profession elsewhere, and `authority.license` always names an entry
//! in force that day.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::select;
use telehealth_rules::continuity::Outcome;
use telehealth_rules::licensure::compacts::Compact;
use telehealth_rules::licensure::levels::level_of;
use telehealth_rules::licensure::professions::document;
use telehealth_rules::licensure::{entry_profession, profession_of, standing_on, Authority};
use telehealth_rules::{
    check, Client, CompactId, ContinuityRequest, Coverage, Credential, CredentialStatus, Date, License, LicenseBasis,
    LicenseLevel, LicenseStatus, Modality, Payment, PrivilegeKind, Profession, Provider, Report, Request,
    SessionRequest, SessionStart,
};

const PLACES: &[&str] = &["AZ", "CO", "CA", "NY", "MN", "GA", "FL", "VT", "TX", "PA", "MT", "AL", "CT", "OH", "TN"];

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(512);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// A day between 2019-01-01 and 2028-12-31.
fn day() -> impl Strategy<Value = Date> {
    let start = Date::parse("2019-01-01").unwrap().to_unix_days();
    (0i64..3653).prop_map(move |n| Date::from_unix_days(start + n))
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    select(items)
}

fn license() -> impl Strategy<Value = License> {
    (
        (
            pick(PLACES),
            pick(&[
                "LCSW",
                "LPC",
                "LMHC",
                "psychologist",
                "PsyD",
                "LMFT",
                "PMHNP",
                "MD",
                "RN",
                "LPN",
                "APIT",
                "TAP",
                "IPC",
                "E.Passport",
                "LPC Associate",
                "LSW",
                "LMSW",
                "LAPC",
                "LPCC",
                "Reiki master",
                "x",
            ]),
        ),
        (
            proptest::option::weighted(0.2, pick(Profession::NAMES).prop_map(|(_, p)| p)),
            pick(LicenseBasis::NAMES).prop_map(|(_, b)| b),
            proptest::option::weighted(0.4, pick(CompactId::NAMES).prop_map(|(_, c)| c)),
            pick(LicenseStatus::NAMES).prop_map(|(_, s)| s),
        ),
        (proptest::option::of(day()), proptest::option::of(day()), proptest::option::of(day())),
        (
            proptest::option::weighted(0.2, pick(LicenseLevel::NAMES).prop_map(|(_, l)| l)),
            proptest::option::weighted(0.2, pick(PrivilegeKind::NAMES).prop_map(|(_, k)| k)),
        ),
    )
        .prop_map(
            |(
                (place, title),
                (profession, basis, compact, status),
                (status_since, issued, expires),
                (level, privilege),
            )| {
                // A temporary permit always has a last day (validation refuses it otherwise).
                let expires = match basis {
                    LicenseBasis::TemporaryPermit => expires.or(Date::parse("2030-12-31").ok()),
                    _ => expires,
                };
                License {
                    jurisdiction: place.to_owned(),
                    license_type: Some(title.to_owned()),
                    profession,
                    basis,
                    compact,
                    level,
                    privilege,
                    status,
                    status_since,
                    issued,
                    expires,
                }
            },
        )
}

fn provider() -> impl Strategy<Value = Provider> {
    (
        prop::collection::vec(license(), 0..6),
        pick(PLACES),
        proptest::option::weighted(0.4, pick(Profession::NAMES).prop_map(|(_, p)| p)),
        proptest::option::weighted(0.3, pick(PLACES)),
    )
        .prop_map(|(licenses, credentialed, profession, residence)| Provider {
            profession,
            residence: residence.map(str::to_owned),
            licenses,
            credentials: vec![Credential {
                jurisdiction: credentialed.to_owned(),
                status: CredentialStatus::Active,
                effective: None,
            }],
        })
}

/// A record built to hold a compact privilege at `PLACES[at]`, with home
/// licenses that are sometimes right (same profession, in force, in a member
/// state) and sometimes not, so that both answers occur often.
fn privilege_record() -> impl Strategy<Value = (&'static str, Provider)> {
    let status = || prop_oneof![6 => Just(LicenseStatus::Active), 1 => pick(LicenseStatus::NAMES).prop_map(|(_, s)| s)];
    let dates = || (proptest::option::weighted(0.3, day()), proptest::option::weighted(0.3, day()));
    // Places where PSYPACT or the Counseling Compact is (or is soon) in force,
    // and a few where neither is.
    let place = || pick(&["AZ", "CO", "DE", "AL", "CT", "MN", "OH", "GA", "TX", "CA", "NY", "TN", "MT", "VA"]);
    let same_title = prop_oneof![3 => Just(None), 1 => pick(&["psychologist", "LPC", "LCSW", "MD"]).prop_map(Some)];
    let home = (place(), same_title, status(), dates())
        .prop_map(|(place, other_title, status, (issued, expires))| (place, other_title, status, issued, expires));
    let compact = proptest::option::weighted(0.3, pick(CompactId::NAMES).prop_map(|(_, c)| c));
    let title = pick(&["psychologist", "LPC", "LMHC", "LCSW", "APIT", "TAP", "IPC", "LPC Associate"]);
    (place(), title, status(), dates(), compact, prop::collection::vec(home, 0..4)).prop_map(
        |(place, title, status, (issued, expires), compact, homes)| {
            let license = |jurisdiction: &str, title: &str, basis, compact, status, issued, expires| License {
                basis,
                compact,
                status,
                issued,
                expires,
                ..License::state_license(jurisdiction, title)
            };
            let mut licenses: Vec<License> = homes
                .into_iter()
                .map(|(at, other, status, issued, expires)| {
                    license(at, other.unwrap_or(title), LicenseBasis::StateLicense, None, status, issued, expires)
                })
                .collect();
            licenses.push(license(place, title, LicenseBasis::CompactPrivilege, compact, status, issued, expires));
            let credentials =
                vec![Credential { jurisdiction: place.to_owned(), status: CredentialStatus::Active, effective: None }];
            (place, Provider { profession: None, residence: None, licenses, credentials })
        },
    )
}

/// A Counseling Compact privilege whose home licenses are often of a
/// supervised level (Ohio LPC, Georgia LAPC) beside independent ones, and a
/// registration resting on them, so the level rules decide often.
fn supervised_home_record() -> impl Strategy<Value = (&'static str, Provider)> {
    let home = (pick(&[("OH", "LPC"), ("OH", "LPCC"), ("GA", "LAPC"), ("GA", "LPC"), ("AZ", "LPC")]), any::<bool>());
    (
        pick(&["MN", "AZ", "LA", "IN", "FL"]),
        prop::collection::vec(home, 1..3),
        proptest::option::weighted(0.3, pick(&["OH", "GA", "AZ"])),
    )
        .prop_map(|(place, homes, residence)| {
            let basis =
                if place == "FL" { LicenseBasis::TelehealthRegistration } else { LicenseBasis::CompactPrivilege };
            let entry = |jurisdiction: &str, title: &str, basis, status| License {
                basis,
                status,
                ..License::state_license(jurisdiction, title)
            };
            let mut licenses: Vec<License> = homes
                .into_iter()
                .map(|((at, title), active)| {
                    let status = if active { LicenseStatus::Active } else { LicenseStatus::Suspended };
                    entry(at, title, LicenseBasis::StateLicense, status)
                })
                .collect();
            licenses.push(entry(place, "LPC", basis, LicenseStatus::Active));
            let credentials =
                vec![Credential { jurisdiction: place.to_owned(), status: CredentialStatus::Active, effective: None }];
            (place, Provider { profession: None, residence: residence.map(str::to_owned), licenses, credentials })
        })
}

/// A day, most often in 2026 (when most compacts are in force).
fn recent_day() -> impl Strategy<Value = Date> {
    let start = Date::parse("2026-01-01").unwrap().to_unix_days();
    prop_oneof![3 => (0i64..365).prop_map(move |n| Date::from_unix_days(start + n)), 1 => day()]
}

fn continuity(location: &str, provider: Provider, as_of: Date) -> Request {
    Request::Continuity(ContinuityRequest {
        location: location.to_owned(),
        provider,
        client: Client { coverage: Coverage::None, saved_locations: Vec::new() },
        as_of: Some(as_of),
        locale: None,
    })
}

fn outcome(report: &Report) -> Option<Outcome> {
    match report {
        Report::Continuity(r) => r.outcome,
        Report::Session(r) => r.outcome,
        _ => None,
    }
}

fn authorized(report: &Report) -> bool {
    outcome(report).is_some_and(|o| o != Outcome::Refer)
}

fn authority(report: &Report) -> Option<&Authority> {
    match report {
        Report::Continuity(r) => r.authority.as_ref(),
        Report::Session(r) => r.authority.as_ref(),
        _ => None,
    }
}

/// The PSYPACT privilege kind an entry names: given, else by its title.
fn kind_of(license: &License) -> Option<PrivilegeKind> {
    license.privilege.or_else(|| license.license_type.as_deref().and_then(document).and_then(|d| d.privilege))
}

/// A session on `day` at `location`, judged on `as_of`.
fn session_on(location: &str, provider: Provider, day: Date, as_of: Date) -> Request {
    Request::Session(SessionRequest {
        location: Some(location.to_owned()),
        provider,
        client: Client { coverage: Coverage::None, saved_locations: vec![location.to_owned()] },
        session_date: Some(day),
        session_start: None,
        provider_location: None,
        modality: Modality::Video,
        payment: Payment::PrivatePay,
        as_of: Some(as_of),
        locale: None,
    })
}

proptest! {
    #![proptest_config(config())]

    /// Authorized means some entry for the client's jurisdiction was in force that day.
    #[test]
    fn authority_needs_an_entry_in_force(location in pick(PLACES), provider in provider(), as_of in day()) {
        let report = check(&continuity(location, provider.clone(), as_of), as_of);
        if authorized(&report) {
            let in_force = provider
                .licenses
                .iter()
                .any(|l| l.jurisdiction == location && standing_on(l, as_of, as_of).is_ok());
            prop_assert!(in_force, "authorized with nothing in force: {report:?}");
        }
    }

    /// The costliest mistake: a privilege alone never authorizes where its
    /// compact is not operational that day, nor without a home-state license
    /// of the same profession in force in an operational member state.
    #[test]
    fn a_privilege_counts_only_where_its_compact_is_operational(
        (location, provider) in prop_oneof![3 => privilege_record(), 1 => (pick(PLACES), provider())],
        as_of in recent_day(),
    ) {
        let only_privileges = Provider {
            profession: provider.profession,
            residence: provider.residence.clone(),
            licenses: provider
                .licenses
                .iter()
                .filter(|l| l.jurisdiction != location || l.basis == LicenseBasis::CompactPrivilege)
                .cloned()
                .collect(),
            credentials: provider.credentials.clone(),
        };
        let report = check(&continuity(location, only_privileges.clone(), as_of), as_of);
        if authorized(&report) {
            // Restated from the contract, not from the code: some privilege
            // there belongs to a compact (named, or the profession's own) that
            // is operational there that day, and the provider holds a state
            // license in force that day where that compact is operational.
            let ok = only_privileges.licenses.iter().filter(|l| l.jurisdiction == location).any(|p| {
                let inferred = match entry_profession(p) {
                    Profession::Psychologist => Some(CompactId::Psypact),
                    Profession::Counselor => Some(CompactId::Counseling),
                    Profession::SocialWorker => Some(CompactId::SocialWork),
                    _ => None,
                };
                let titled = p.license_type.as_deref().and_then(document).and_then(|d| d.compact);
                p.compact.or(titled).or(inferred).and_then(Compact::get).is_some_and(|c| {
                    c.operational_in(location, as_of)
                        && only_privileges.licenses.iter().any(|h| {
                            h.basis == LicenseBasis::StateLicense
                                && c.operational_in(&h.jurisdiction, as_of)
                                && standing_on(h, as_of, as_of).is_ok()
                        })
                })
            });
            prop_assert!(ok, "a privilege authorized where its compact does not: {report:?}");
        }
    }

    /// Adding an entry to the record never takes authority away.
    #[test]
    fn more_licenses_never_take_authority_away(
        location in pick(PLACES), provider in provider(), extra in license(), as_of in day(),
    ) {
        let before = check(&continuity(location, provider.clone(), as_of), as_of);
        let mut more = provider;
        more.licenses.push(extra);
        let after = check(&continuity(location, more, as_of), as_of);
        if authorized(&before) {
            prop_assert!(authorized(&after), "before {before:?}\nafter {after:?}");
        }
    }

    /// Contract v1.2: whatever authorizes is within the provider's scope: an
    /// entry of the profession practised (when given), never a nurse's or an
    /// `other` entry, never a supervised level, never a TAP; a privilege or a
    /// registration rests on an independent license of the same profession,
    /// and the authority names an entry in force that day at the client's
    /// location (a session's date, judged later).
    #[test]
    fn authority_is_within_scope_and_in_force(
        (location, provider) in prop_oneof![
            2 => privilege_record(),
            1 => supervised_home_record(),
            3 => (pick(PLACES), provider()),
        ],
        day in recent_day(),
        later in 0i64..200,
        session in any::<bool>(),
    ) {
        let as_of = Date::from_unix_days(day.to_unix_days() + later);
        let (request, status_day) = if session {
            (session_on(location, provider.clone(), day, as_of), as_of)
        } else {
            (continuity(location, provider.clone(), day), day)
        };
        let report = check(&request, status_day);
        let Some(a) = authority(&report) else {
            prop_assert!(!authorized(&report), "authorized with no authority: {report:?}");
            return Ok(());
        };
        prop_assert!(authorized(&report), "an authority on a refusal: {report:?}");
        let entry = provider.licenses.get(a.license).expect("authority.license is an index of provider.licenses");
        prop_assert_eq!(a.jurisdiction, location);
        prop_assert_eq!(entry.jurisdiction.as_str(), location);
        prop_assert_eq!(entry.basis, a.basis);
        prop_assert!(standing_on(entry, day, status_day).is_ok(), "not in force that day: {entry:?}");
        let profession = entry_profession(entry);
        prop_assert!(!matches!(profession, Profession::RegisteredNurse | Profession::Other), "{entry:?}");
        if let Some(practised) = provider.profession {
            prop_assert_eq!(profession, practised, "another profession authorized: {:?}", entry);
        }
        if entry.basis != LicenseBasis::CompactPrivilege || entry.level.is_some() {
            prop_assert_eq!(level_of(entry), LicenseLevel::Independent, "a supervised level authorized: {:?}", entry);
        }
        prop_assert_ne!(kind_of(entry), Some(PrivilegeKind::Tap), "a TAP authorized: {:?}", entry);
        match a.basis {
            LicenseBasis::CompactPrivilege | LicenseBasis::TelehealthRegistration => {
                let home = a.home_license.and_then(|h| provider.licenses.get(h));
                let home = home.expect("a privilege or registration names the license it rests on");
                prop_assert_eq!(home.basis, LicenseBasis::StateLicense);
                prop_assert_eq!(entry_profession(home), profession);
                prop_assert_eq!(level_of(home), LicenseLevel::Independent, "rests on a supervised level: {:?}", home);
                prop_assert!(standing_on(home, day, status_day).is_ok(), "rests on a license not in force: {home:?}");
                if a.basis == LicenseBasis::TelehealthRegistration {
                    prop_assert_ne!(home.jurisdiction.as_str(), location, "a registration rests on a license elsewhere");
                }
                prop_assert!(!a.sources.is_empty(), "no source for {:?}", a.basis);
            }
            LicenseBasis::StateLicense | LicenseBasis::TemporaryPermit => {
                prop_assert!(a.home_license.is_none() && a.sources.is_empty() && a.compact.is_none());
            }
        }
    }

    /// A registration alone never authorizes without a valid independent
    /// license of the same profession in another jurisdiction that day.
    #[test]
    fn a_registration_needs_a_license_elsewhere(
        location in pick(&["FL", "VT", "AZ"]), provider in provider(), as_of in recent_day(),
        title in pick(&["LPC", "psychologist", "LCSW", "LMFT"]),
    ) {
        let mut record = provider;
        record.licenses.retain(|l| l.jurisdiction != location);
        record.licenses.push(License {
            basis: LicenseBasis::TelehealthRegistration,
            ..License::state_license(location, title)
        });
        let report = check(&continuity(location, record.clone(), as_of), as_of);
        if authorized(&report) {
            let profession = profession_of(record.licenses.last().expect("pushed"));
            let elsewhere = record.licenses.iter().any(|l| {
                l.basis == LicenseBasis::StateLicense
                    && l.jurisdiction != location
                    && entry_profession(l) == profession
                    && level_of(l) == LicenseLevel::Independent
                    && standing_on(l, as_of, as_of).is_ok()
            });
            prop_assert!(elsewhere, "a registration authorized alone: {report:?}");
        }
    }


    /// `session_start` is judged on its date as written, whatever the offset.
    #[test]
    fn session_start_is_its_written_date(
        provider in provider(), date in day(), hour in 0u8..24, minute in 0u8..60,
        offset in -12 * 60i16..=14 * 60, location in pick(PLACES),
    ) {
        let sign = if offset < 0 { '-' } else { '+' };
        let text = format!("{date}T{hour:02}:{minute:02}:00{sign}{:02}:{:02}", offset.unsigned_abs() / 60, offset.unsigned_abs() % 60);
        let start = SessionStart::parse(&text).unwrap();
        prop_assert_eq!(start.date(), date);
        let session = |session_date, session_start| Request::Session(SessionRequest {
            location: Some(location.to_owned()),
            provider: provider.clone(),
            client: Client { coverage: Coverage::None, saved_locations: vec![location.to_owned()] },
            session_date,
            session_start,
            provider_location: None,
            modality: Modality::Video,
            payment: Payment::PrivatePay,
            as_of: Some(date),
            locale: None,
        });
        let by_start = check(&session(None, Some(start)), date).to_json().replace("session_start", "session_date");
        let by_date = check(&session(Some(date), None), date).to_json();
        prop_assert_eq!(by_start, by_date);
    }
}
