//! The compact rows (see `compacts.rs` for their meaning and
//! `docs/compacts.md` for how they were gathered). Every member row names its
//! source and the day it was read; an uncertain date is `Uncertain`.
//!
//! A date is either the first day a source gives for that member, or, where a
//! source only shows the member in force on a dated snapshot ("participating
//! states as of ..."), the snapshot's date: a conservative bound that can only
//! refuse sessions the compact allowed, never allow one it did not. The note
//! says which.

use super::compacts::{cite, ymd, Compact, Grant, Member, Operational};
use crate::date::Date;
use crate::request::{CompactId, Profession};

/// The day the sources below were read, unless a row says otherwise.
const CHECKED: Date = ymd(2026, 11, 29);
/// The day the corrected rows (named in their notes) were read.
const RECHECKED: Date = ymd(2026, 12, 7);

/// A member usable from `day` on.
const fn on(jurisdiction: &'static str, day: Date, source: &'static str, note: &'static str) -> Member {
    Member { jurisdiction, operational: Operational::Since(day), source: cite(source, CHECKED, note) }
}

/// A member usable from `day` on, from a source read on [`RECHECKED`].
const fn on_rechecked(jurisdiction: &'static str, day: Date, source: &'static str, note: &'static str) -> Member {
    Member { jurisdiction, operational: Operational::Since(day), source: cite(source, RECHECKED, note) }
}

/// A member whose first day of use no source gives (taken as not operational).
const fn uncertain(jurisdiction: &'static str, source: &'static str, note: &'static str) -> Member {
    Member { jurisdiction, operational: Operational::Uncertain, source: cite(source, CHECKED, note) }
}

// PSYPACT. The official map lists each state's enacted and effective dates;
// the stored copy read here is a provider's verbatim copy of it (39 effective).
const PSY_LIST: &str = "https://southpsychology.com/team/psypact-licensed-providers";
const PSY_FAQ: &str = "https://psypact.gov/general/custom.asp?page=faq";
// Dated snapshots of the member list (stored versions of one page: 2023-01,
// 2023-07 and 2024-05).
const PSY_SNAPSHOTS: &str = "https://www.drworthen.net/psypact-states.html";
const PSY_2020: &str = "effective 2020-07-01, the day PSYPACT applications opened";
const PSY_2023_01: &str = "in the member list as of 2023-01-01; first day not read (conservative bound)";
const PSY_2023_07: &str = "in the member list as of 2023-07-01; first day not read (conservative bound)";

static PSYPACT: &[Member] = &[
    on("AL", ymd(2021, 6, 1), PSY_LIST, "AL SB 102 enacted 2021-03-18, effective 2021-06-01"),
    on("AZ", ymd(2020, 7, 1), PSY_LIST, PSY_2020),
    on("AR", ymd(2021, 11, 18), PSY_LIST, "AR HB 1760 enacted 2021-04-25, effective 2021-11-18"),
    on("CO", ymd(2020, 7, 1), PSY_LIST, PSY_2020),
    on("CT", ymd(2022, 10, 1), PSY_LIST, "CT S 2 enacted 2022-05-24, effective 2022-10-01"),
    on("DE", ymd(2020, 7, 1), PSY_LIST, PSY_2020),
    on("DC", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("FL", ymd(2023, 7, 1), PSY_SNAPSHOTS, PSY_2023_07),
    on("GA", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("ID", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on_rechecked(
        "IL",
        ymd(2020, 7, 1),
        "https://legalfix.com/statutes/state-codes/illinois/chapter-45/act-45-ilcs-195",
        "45 ILCS 195 (P.A. 100-1028) effective 2020-01-01; usable from 2020-07-01, the day PSYPACT applications opened",
    ),
    on("IN", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("KS", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("KY", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("ME", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("MD", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on_rechecked(
        "MI",
        ymd(2023, 3, 29),
        "https://www.mha.org/newsroom/michigan-joins-psychology-interjurisdictional-compact/",
        "joined 2023-03-29 under Public Acts 254 and 255 of 2022 (signed 2022-12-22, per mha.org)",
    ),
    on("MN", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on_rechecked(
        "MS",
        ymd(2024, 4, 8),
        "https://www.psychologyboard.ms.gov/2020-05/mississippi-joins-psychology-interjurisdictional-compact-psypact",
        "SB 2157 approved 2024-04-08; the board: effective 2024-04-08, applications on or after that day",
    ),
    on("MO", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    Member {
        jurisdiction: "MT",
        operational: Operational::Uncertain,
        source: cite(
            "https://www.billtrack50.com/billdetail/1758233",
            RECHECKED,
            "HB 241 passed 2025-04-16, signed 2025-04-17; no effective date for the compact in the sources read (unverified: not operational)",
        ),
    },
    on("NE", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("NV", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("NH", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("NJ", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("NC", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("ND", ymd(2023, 8, 1), PSY_SNAPSHOTS, "effective 2023-08-01"),
    on("MP", ymd(2022, 10, 24), PSY_LIST, "CNMI HB 22-80 enacted and effective 2022-10-24"),
    on("OH", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("OK", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("PA", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("RI", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("SC", ymd(2023, 7, 17), PSY_SNAPSHOTS, "effective 2023-07-17, after technical corrections to the 2022 act"),
    on("SD", ymd(2024, 7, 1), PSY_SNAPSHOTS, "effective 2024-07-01"),
    on("TN", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("TX", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("UT", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("VT", ymd(2024, 7, 1), PSY_SNAPSHOTS, "effective 2024-07-01"),
    on("VA", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("WA", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("WV", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("WI", ymd(2023, 1, 1), PSY_SNAPSHOTS, PSY_2023_01),
    on("WY", ymd(2023, 7, 1), PSY_SNAPSHOTS, PSY_2023_07),
];

// Counseling Compact: enacted in 39 states and DC; privileges are issued state
// by state once a state finishes implementation.
const CC_FIRST: &str = "https://mn.gov/boards/behavioral-health/counseling-compact/index.jsp";
const CC_2026: &str = "https://certoutlook.com/blog/counseling-compact-states-2026/";
const CC_ENACTED: &str = "https://legalclarity.org/which-states-are-in-the-counseling-compact";
const CC_PENDING: &str =
    "enacted; not issuing privileges in the sources read (latest status 2026-06-13; no state added since in the sources read 2026-12-07)";

static COUNSELING: &[Member] = &[
    uncertain("AL", CC_ENACTED, CC_PENDING),
    on("AZ", ymd(2025, 9, 30), CC_FIRST, "first state issuing privileges, from 2025-09-30 with Minnesota"),
    uncertain("AR", CC_ENACTED, CC_PENDING),
    uncertain("CO", CC_ENACTED, CC_PENDING),
    uncertain("CT", CC_ENACTED, CC_PENDING),
    uncertain("DE", CC_ENACTED, CC_PENDING),
    uncertain("DC", CC_ENACTED, CC_PENDING),
    uncertain("FL", CC_ENACTED, CC_PENDING),
    on("GA", ymd(2026, 6, 2), CC_2026, "issuing privileges from 2026-06-02"),
    on("IN", ymd(2026, 6, 8), CC_2026, "issuing privileges from 2026-06-08"),
    uncertain("IA", CC_ENACTED, CC_PENDING),
    uncertain("KS", CC_ENACTED, CC_PENDING),
    uncertain("KY", CC_ENACTED, CC_PENDING),
    on("LA", ymd(2026, 4, 20), CC_2026, "issuing privileges from 2026-04-20"),
    uncertain("ME", CC_ENACTED, CC_PENDING),
    uncertain("MD", CC_ENACTED, CC_PENDING),
    on("MN", ymd(2025, 9, 30), CC_FIRST, "first state issuing privileges, from 2025-09-30 with Arizona"),
    uncertain("MS", CC_ENACTED, CC_PENDING),
    uncertain("MO", CC_ENACTED, CC_PENDING),
    uncertain("MT", CC_ENACTED, CC_PENDING),
    uncertain("NE", CC_ENACTED, CC_PENDING),
    uncertain("NV", CC_ENACTED, "enactment effective 2026-01-01; not issuing privileges in the sources read"),
    uncertain("NH", CC_ENACTED, CC_PENDING),
    uncertain("NJ", CC_ENACTED, CC_PENDING),
    uncertain("NC", CC_ENACTED, CC_PENDING),
    uncertain("ND", CC_ENACTED, CC_PENDING),
    on("OH", ymd(2026, 1, 5), CC_2026, "issuing privileges from 2026-01-05"),
    uncertain("OK", CC_ENACTED, CC_PENDING),
    uncertain("RI", CC_ENACTED, CC_PENDING),
    uncertain("SC", CC_ENACTED, CC_PENDING),
    uncertain("SD", CC_ENACTED, CC_PENDING),
    uncertain("TN", CC_ENACTED, CC_PENDING),
    uncertain("UT", CC_ENACTED, CC_PENDING),
    uncertain("VT", CC_ENACTED, CC_PENDING),
    uncertain("VA", CC_ENACTED, CC_PENDING),
    uncertain("WA", CC_ENACTED, CC_PENDING),
    uncertain("WV", CC_ENACTED, CC_PENDING),
    uncertain("WI", CC_ENACTED, CC_PENDING),
    uncertain("WY", CC_ENACTED, CC_PENDING),
];

// Social Work Licensure Compact: active since April 2024 (seven states), but
// no multistate license issued in any source read (latest: early 2026).
const SW_FOUNDING: &str = "https://swcompact.org/news2/";
const SW_2024: &str = "https://www.clinicalsocialworkassociation.org/Announcements/13353579";
const SW_2026: &str = "https://www.therapywithoutborders.org/news/explainer-the-social-work-compact";
const SW_NONE: &str = "enacted; no multistate licenses issued as of early 2026";
const SW_FOUNDER: &str = "founding state (enacted by 2024-04-12); no multistate licenses issued as of early 2026";

static SOCIAL_WORK: &[Member] = &[
    uncertain("AL", SW_2026, SW_NONE),
    uncertain("AZ", SW_2026, SW_NONE),
    uncertain("AR", SW_2026, SW_NONE),
    uncertain("CO", SW_2026, SW_NONE),
    uncertain("CT", SW_2026, SW_NONE),
    uncertain("DE", SW_2026, SW_NONE),
    uncertain("GA", SW_2024, "enacted April 2024; no multistate licenses issued as of early 2026"),
    uncertain("IA", SW_2024, "enacted April 2024; no multistate licenses issued as of early 2026"),
    uncertain("KS", SW_FOUNDING, SW_FOUNDER),
    uncertain("KY", SW_FOUNDING, SW_FOUNDER),
    uncertain("LA", SW_2026, SW_NONE),
    uncertain("ME", SW_2024, "enacted April 2024; no multistate licenses issued as of early 2026"),
    uncertain("MD", SW_2026, SW_NONE),
    uncertain("MN", SW_2026, SW_NONE),
    uncertain("MS", SW_2026, SW_NONE),
    uncertain("MO", SW_FOUNDING, SW_FOUNDER),
    uncertain("NE", SW_2024, "enacted April 2024; no multistate licenses issued as of early 2026"),
    uncertain("NH", SW_2026, SW_NONE),
    uncertain("NJ", SW_2026, SW_NONE),
    uncertain("NC", SW_2026, SW_NONE),
    uncertain("ND", SW_2026, SW_NONE),
    uncertain("SD", SW_FOUNDING, SW_FOUNDER),
    uncertain("UT", SW_FOUNDING, SW_FOUNDER),
    uncertain("VT", SW_2024, "enacted April 2024; no multistate licenses issued as of early 2026"),
    uncertain("VA", SW_FOUNDING, SW_FOUNDER),
    uncertain("WA", SW_FOUNDING, SW_FOUNDER),
];

// Nurse Licensure Compact (the enhanced NLC, in force since 2018-01-19).
// Per-state implementation dates were not in the pages read, so the dates are
// snapshot bounds: the 2021-07-28 list of implemented states, then the
// 2026-06-17 count (40 of 43 operational: all but MA, VI and GU).
const NLC_2021: &str =
    "https://www.beckershospitalreview.com/nursing/37-states-where-nurses-can-earn-a-multistate-license.html";
const NLC_2025: &str = "https://nursezee.com/compact-nursing-states/";
const NLC_2026: &str = "https://compactstates.com/state-of-the-nurse-licensure-compact";
const NLC_BY_2021: &str = "implemented as of 2021-07-28; first day not read (conservative bound)";
const NLC_BY_2026: &str = "fully operational as of 2026-06-17; first day not read (conservative bound)";

static NLC: &[Member] = &[
    on("AL", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("AZ", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("AR", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("CO", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("CT", ymd(2025, 10, 1), NLC_2025, "implemented 2025-10-01"),
    on("DE", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("FL", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("GA", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    uncertain(
        "GU",
        "https://www.einpresswire.com/article/536543681/guam-becomes-first-us-territory-to-enact-nurse-licensure-compact-nlc",
        "enacted 2021-03-05; partial implementation (multistate licenses from elsewhere recognized, none issued to Guam residents as of 2026-06)",
    ),
    on("ID", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("IN", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("IA", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("KS", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("KY", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("LA", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("ME", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("MD", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    uncertain("MA", NLC_2026, "enacted; not implemented as of 2026-06-17"),
    on("MS", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("MO", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("MT", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("NE", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("NH", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("NJ", ymd(2026, 6, 17), NLC_2026, NLC_BY_2026),
    on("NM", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("NC", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("ND", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("OH", ymd(2026, 6, 17), NLC_2026, NLC_BY_2026),
    on("OK", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("PA", ymd(2025, 7, 7), NLC_2025, "implemented 2025-07-07 (partial implementation before that)"),
    on("RI", ymd(2026, 6, 17), NLC_2026, NLC_BY_2026),
    on("SC", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("SD", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("TN", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("TX", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("UT", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("VT", ymd(2026, 6, 17), NLC_2026, NLC_BY_2026),
    uncertain("VI", NLC_2026, "enacted; awaiting implementation as of 2026-06-17"),
    on("VA", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("WA", ymd(2026, 6, 17), NLC_2026, NLC_BY_2026),
    on("WV", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("WI", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
    on("WY", ymd(2021, 7, 28), NLC_2021, NLC_BY_2021),
];

// Interstate Medical Licensure Compact: the states accepting applications on
// 2023-07-19 (35 states, DC and Guam; later members not read). Its licenses
// are state licenses, so these dates never authorize anything by themselves.
const IMLC_2023: &str = "https://comphealth.com/resources/interstate-medical-licensure-compact";
const IMLC_BY_2023: &str = "accepting applications as of 2023-07-19; first day not read (conservative bound)";
const IMLC_NOT_SPL: &str =
    "accepting applications as of 2023-07-19 (not a state of principal license); first day not read (conservative bound)";

static IMLC: &[Member] = &[
    on("AL", ymd(2023, 7, 19), IMLC_2023, IMLC_NOT_SPL),
    on("AZ", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("CO", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("CT", ymd(2023, 7, 19), IMLC_2023, IMLC_NOT_SPL),
    on("DE", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("DC", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("GA", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("GU", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    uncertain("HI", IMLC_2023, "implementation in process as of 2023-07-19"),
    on("ID", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("IL", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("IN", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("IA", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("KS", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("KY", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("LA", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("ME", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("MD", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("MI", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("MN", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("MS", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("MT", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("NE", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("NV", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("NH", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("ND", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("OH", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("OK", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("SD", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("TN", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("TX", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("UT", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("VT", ymd(2023, 7, 19), IMLC_2023, IMLC_NOT_SPL),
    on("WA", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("WV", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("WI", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
    on("WY", ymd(2023, 7, 19), IMLC_2023, IMLC_BY_2023),
];

pub(super) static COMPACTS: &[Compact] = &[
    Compact {
        id: CompactId::Psypact,
        name: "Psychology Interjurisdictional Compact (PSYPACT)",
        professions: &[Profession::Psychologist],
        covers: "licensed doctoral-level psychologists",
        grant: Grant::Privilege,
        source: cite(PSY_FAQ, CHECKED, ""),
        members: PSYPACT,
    },
    Compact {
        id: CompactId::Counseling,
        name: "Counseling Compact",
        professions: &[Profession::Counselor],
        covers: "licensed professional counselors licensed to practice independently (LPC and equivalent titles)",
        grant: Grant::Privilege,
        source: cite("https://counselingcompact.org/faq/", CHECKED, ""),
        members: COUNSELING,
    },
    Compact {
        id: CompactId::SocialWork,
        name: "Social Work Licensure Compact",
        professions: &[Profession::SocialWorker],
        covers: "bachelor's, master's and clinical social workers",
        grant: Grant::MultistateLicense,
        source: cite("https://swcompact.org/compact-commission", CHECKED, ""),
        members: SOCIAL_WORK,
    },
    Compact {
        id: CompactId::Nlc,
        name: "Nurse Licensure Compact (NLC)",
        // Registered and practical nurses only: the NLC never covers nurse
        // practitioners, and a nurse's license authorizes no session here.
        professions: &[Profession::RegisteredNurse],
        covers: "registered nurses and licensed practical nurses (not nurse practitioners)",
        grant: Grant::MultistateLicense,
        source: cite("https://en.wikipedia.org/wiki/Nurse_Licensure_Compact", CHECKED, ""),
        members: NLC,
    },
    Compact {
        id: CompactId::Imlc,
        name: "Interstate Medical Licensure Compact (IMLC)",
        professions: &[Profession::Physician],
        covers: "physicians (MD, DO): an expedited route to a full license in each state",
        grant: Grant::ExpeditedLicense,
        source: cite("https://imlcc.com/a-faster-pathway-to-physician-licensure", CHECKED, ""),
        members: IMLC,
    },
];
