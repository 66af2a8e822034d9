#![cfg(not(target_arch = "wasm32"))]
//! Property tests of authority to practice (contract v1.1): whatever the
//! provider's record says, a session is never confirmed without an entry in
//! force that day at the client's location, and a compact privilege never
//! counts where its compact is not operational that day.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use proptest::prelude::*;
use proptest::sample::select;
use telehealth_rules::continuity::Outcome;
use telehealth_rules::licensure::compacts::Compact;
use telehealth_rules::licensure::{profession_of, standing_on};
use telehealth_rules::{
    check, Client, CompactId, ContinuityRequest, Coverage, Credential, CredentialStatus, Date, License, LicenseBasis,
    LicenseStatus, Modality, Payment, Profession, Provider, Report, Request, SessionRequest, SessionStart,
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
            pick(&["LCSW", "LPC", "LMHC", "psychologist", "PsyD", "LMFT", "PMHNP", "MD", "RN", "APIT", "x"]),
        ),
        (
            proptest::option::weighted(0.2, pick(Profession::NAMES).prop_map(|(_, p)| p)),
            pick(LicenseBasis::NAMES).prop_map(|(_, b)| b),
            proptest::option::weighted(0.4, pick(CompactId::NAMES).prop_map(|(_, c)| c)),
            pick(LicenseStatus::NAMES).prop_map(|(_, s)| s),
        ),
        (proptest::option::of(day()), proptest::option::of(day()), proptest::option::of(day())),
    )
        .prop_map(|((place, title), (profession, basis, compact, status), (status_since, issued, expires))| {
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
                level: None,
                privilege: None,
                status,
                status_since,
                issued,
                expires,
            }
        })
}

fn provider() -> impl Strategy<Value = Provider> {
    (prop::collection::vec(license(), 0..6), pick(PLACES)).prop_map(|(licenses, credentialed)| Provider {
        profession: None,
        residence: None,
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
    let title = pick(&["psychologist", "LPC", "LMHC", "LCSW", "APIT"]);
    (place(), title, status(), dates(), compact, prop::collection::vec(home, 0..4)).prop_map(
        |(place, title, status, (issued, expires), compact, homes)| {
            let license = |jurisdiction: &str, title: &str, basis, compact, status, issued, expires| License {
                jurisdiction: jurisdiction.to_owned(),
                license_type: Some(title.to_owned()),
                profession: None,
                basis,
                compact,
                level: None,
                privilege: None,
                status,
                status_since: None,
                issued,
                expires,
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
                let inferred = match profession_of(p) {
                    Profession::Psychologist => Some(CompactId::Psypact),
                    Profession::Counselor => Some(CompactId::Counseling),
                    Profession::SocialWorker => Some(CompactId::SocialWork),
                    _ => None,
                };
                p.compact.or(inferred).and_then(Compact::get).is_some_and(|c| {
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
