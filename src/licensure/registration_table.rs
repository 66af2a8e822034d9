//! The telehealth registration rows (see `registrations.rs`). A program whose
//! first usable day no source gives has `since: None`: it is listed, so the
//! table in docs/compacts.md shows it was checked, but it authorizes nothing.
//! Checked and left out: Indiana (IC 25-1-9.5-9 is a certification filed by
//! Indiana-licensed practitioners located elsewhere, not a registration of
//! providers licensed elsewhere); Kansas and Delaware (no registration found in the sources read).

use super::compacts::{cite, ymd};
use super::registrations::Registration;
use crate::date::Date;
use crate::request::Profession;

/// The day the sources below were read, unless a row says otherwise.
const CHECKED: Date = ymd(2026, 11, 29);
/// The day the Arizona and West Virginia rows were read again.
const RECHECKED: Date = ymd(2026, 12, 7);

/// Every profession of this crate that holds a license (all but `other`).
const EVERY_LICENSED_PROFESSION: &[Profession] = &[
    Profession::Psychologist,
    Profession::Counselor,
    Profession::SocialWorker,
    Profession::MarriageFamilyTherapist,
    Profession::NursePractitioner,
    Profession::Physician,
];

pub(super) static REGISTRATIONS: &[Registration] = &[
    Registration {
        jurisdiction: "FL",
        law: "F.S. 456.47",
        since: Some(ymd(2019, 7, 1)),
        // The statute names physicians, nurses, psychologists, clinical social
        // workers and mental health counselors among others; the source is the
        // board that also licenses marriage and family therapists.
        professions: EVERY_LICENSED_PROFESSION,
        source: cite(
            "https://floridasmentalhealthprofessions.gov/latest-news/telehealth/",
            CHECKED,
            "signed 2019-06-25, effective 2019-07-01; registration with the Department of Health; no office or in-person care in Florida",
        ),
    },
    Registration {
        jurisdiction: "VT",
        law: "26 V.S.A. ch. 56 (Act 107, 2021 Adj. Sess.)",
        since: Some(ymd(2023, 7, 1)),
        professions: EVERY_LICENSED_PROFESSION,
        source: cite(
            "https://legislature.vermont.gov/statutes/fullchapter/26/056",
            CHECKED,
            "chapter effective 2023-07-01; until its rules apply, the Interim Telehealth Registration (Act 4 of 2023) is the credential issued",
        ),
    },
    Registration {
        jurisdiction: "AZ",
        law: "A.R.S. 36-3606",
        // The Board of Psychologist Examiners "is now accepting Telehealth
        // Registry applications" from out-of-state psychologists (and behavior
        // analysts); the page gives no first day, so the day it was read is
        // the bound (conservative: it can only refuse earlier sessions). The
        // application is shared with other boards, but no other board's
        // page was read: those professions are not listed (unverified).
        since: Some(RECHECKED),
        professions: &[Profession::Psychologist],
        source: cite(
            "https://psychboard.az.gov/telehealth-registry",
            RECHECKED,
            "accepting Telehealth Registry applications (A.R.S. 36-3606) on the day read; no first day given (bound: the day read)",
        ),
    },
    Registration {
        jurisdiction: "WV",
        law: "W. Va. Code 30-1-26",
        // The section covers health care practitioners of every board (each
        // board registers its own profession: cchpca.org); no board's page
        // read gives a first day, so it is listed and recognizes nothing.
        since: None,
        professions: EVERY_LICENSED_PROFESSION,
        source: cite(
            "https://www.cchpca.org/topic/cross-state-licensing-professional-requirements",
            RECHECKED,
            "interstate telehealth registration with the board of the practitioner's profession; first usable day not sourced",
        ),
    },
    Registration {
        jurisdiction: "MN",
        law: "Minn. Stat. 147.032",
        // In the 2006 statutes already; the enactment date was not read.
        since: None,
        professions: &[Profession::Physician],
        source: cite(
            "https://revisor.mn.gov/statutes/?id=147.032&year=2006",
            CHECKED,
            "annual interstate telehealth registration for physicians only; first usable day not sourced",
        ),
    },
];
