//! Interstate licensure compacts as dated data: which professions each one
//! covers, what kind of authority it grants, and the first day its authority
//! can be used in each member jurisdiction (operational, not enacted).
//!
//! The rows live in `compact_table`; `docs/compacts.md` says how they
//! were gathered and how to refresh them.

use crate::date::Date;
use crate::native_only::NativeOnly;
use crate::request::{CompactId, Profession};

/// What holding the compact's authority means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    /// A privilege (or authority) to practice in other member states on the
    /// strength of a home-state license: PSYPACT, the Counseling Compact.
    Privilege,
    /// A multistate license issued by the home state and valid in every member
    /// state: the Social Work Licensure Compact, the Nurse Licensure Compact.
    MultistateLicense,
    /// A faster route to a separate, full license in each state: the IMLC.
    /// Such a license is a `state_license`, never a privilege.
    ExpeditedLicense,
}

/// When a member jurisdiction's compact authority can first be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operational {
    /// Usable from this day on (inclusive).
    Since(Date),
    /// Enacted, but the first day of use is not established by a source:
    /// taken as not operational (the conservative reading).
    Uncertain,
}

/// Where a fact in a data table comes from.
#[derive(Clone, Copy, Debug)]
pub struct Cited {
    /// The page read (a URL).
    pub url: &'static str,
    /// The day it was read.
    pub checked: Date,
    /// What the page says, briefly (enactment date, why uncertain, ...):
    /// documentation, in native builds only (no report carries it).
    pub note: NativeOnly<&'static str>,
}

/// A row's source. Reports cite its URL and checked date (`authority.sources`,
/// a finding's `source`), so those are kept in every build, the wasm records
/// module included; the note is not.
pub type Source = Cited;

/// The source of a row: `url`, read on `checked`, saying `note`.
pub(super) const fn cite(url: &'static str, checked: Date, note: &'static str) -> Source {
    Cited { url, checked, note: NativeOnly::new(note) }
}

/// One member jurisdiction of a compact.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    /// USPS code of the jurisdiction (`GA`).
    pub jurisdiction: &'static str,
    /// First day the compact's authority can be used there.
    pub operational: Operational,
    /// Where the date comes from.
    pub source: Source,
}

/// One compact.
#[derive(Clone, Copy, Debug)]
pub struct Compact {
    /// The compact's id as requests spell it.
    pub id: CompactId,
    /// Its full name, for messages.
    pub name: &'static str,
    /// The professions of this crate's [`Profession`] list it covers (may be
    /// empty: the NLC covers RNs and LPNs only).
    pub professions: &'static [Profession],
    /// Who it covers, in words, for messages and docs/compacts.md.
    pub covers: &'static str,
    /// The kind of authority it grants.
    pub grant: Grant,
    /// The compact's own page on who is a member and what it grants.
    pub source: Source,
    /// Member jurisdictions (enacted ones included, with their operational state).
    pub members: &'static [Member],
}

impl Compact {
    /// The compact with this id.
    #[must_use]
    pub fn get(id: CompactId) -> Option<&'static Compact> {
        super::compact_table::COMPACTS.iter().find(|c| c.id == id)
    }

    /// Every compact the ruleset knows.
    #[must_use]
    pub fn all() -> &'static [Compact] {
        super::compact_table::COMPACTS
    }

    /// Whether the compact's authority can be used in `jurisdiction` on `day`.
    #[must_use]
    pub fn operational_in(&self, jurisdiction: &str, day: Date) -> bool {
        self.member(jurisdiction).is_some_and(|m| matches!(m.operational, Operational::Since(d) if d <= day))
    }

    /// The member row for `jurisdiction`, if it enacted the compact.
    #[must_use]
    pub fn member(&self, jurisdiction: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.jurisdiction == jurisdiction)
    }

    /// Whether the compact covers `profession`.
    #[must_use]
    pub fn covers(&self, profession: Profession) -> bool {
        self.professions.contains(&profession)
    }
}

/// A date in a data table, checked when the table is compiled: an impossible
/// date is a build error, never a runtime panic.
#[allow(clippy::panic)]
pub(super) const fn ymd(year: u16, month: u8, day: u8) -> Date {
    match Date::new(year, month, day) {
        Some(date) => date,
        None => panic!("impossible date in a data table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::resolve::by_code;

    const TODAY: Date = ymd(2026, 12, 7);

    fn compact(id: CompactId) -> &'static Compact {
        Compact::get(id).unwrap()
    }

    #[test]
    fn every_compact_id_has_exactly_one_row() {
        for (name, id) in CompactId::NAMES {
            let rows = Compact::all().iter().filter(|c| c.id == *id).count();
            assert_eq!(rows, 1, "{name}");
        }
        assert_eq!(Compact::all().len(), CompactId::NAMES.len());
    }

    #[test]
    fn members_are_real_jurisdictions_listed_once() {
        for c in Compact::all() {
            for (i, m) in c.members.iter().enumerate() {
                assert!(by_code(m.jurisdiction).is_some(), "{:?}: {}", c.id, m.jurisdiction);
                assert_eq!(m.jurisdiction, m.jurisdiction.to_ascii_uppercase(), "{:?}", c.id);
                let again = c.members.iter().skip(i + 1).any(|o| o.jurisdiction == m.jurisdiction);
                assert!(!again, "{:?}: {} twice", c.id, m.jurisdiction);
            }
        }
    }

    #[test]
    fn dates_and_sources_are_plausible() {
        for c in Compact::all() {
            assert!(c.source.checked <= TODAY && c.source.url.starts_with("https://"), "{:?}", c.id);
            for m in c.members {
                assert!(m.source.checked <= TODAY, "{:?} {}", c.id, m.jurisdiction);
                assert!(m.source.url.starts_with("https://"), "{:?} {}", c.id, m.jurisdiction);
                assert!(!m.source.note.value.is_empty(), "{:?} {}", c.id, m.jurisdiction);
                if let Operational::Since(day) = m.operational {
                    assert!(day > ymd(2015, 12, 31) && day <= TODAY, "{:?} {}", c.id, m.jurisdiction);
                }
            }
        }
    }

    #[test]
    fn grants_and_professions() {
        let nlc = compact(CompactId::Nlc);
        assert!(!nlc.covers(Profession::NursePractitioner));
        assert!(nlc.covers.contains("not nurse practitioners"));
        assert_eq!(compact(CompactId::Imlc).grant, Grant::ExpeditedLicense);
        assert!(compact(CompactId::Psypact).covers(Profession::Psychologist));
        assert!(!compact(CompactId::Psypact).covers(Profession::Counselor));
        assert!(compact(CompactId::Counseling).covers(Profession::Counselor));
        assert!(compact(CompactId::SocialWork).covers(Profession::SocialWorker));
    }

    #[test]
    fn psypact_spot_checks() {
        let psypact = compact(CompactId::Psypact);
        // Arizona: effective 2020-07-01, the day applications opened.
        assert!(psypact.operational_in("AZ", ymd(2020, 7, 1)));
        assert!(!psypact.operational_in("AZ", ymd(2020, 6, 30)));
        // Vermont joined later: effective 2024-07-01.
        assert!(!psypact.operational_in("VT", ymd(2024, 6, 30)));
        assert!(psypact.operational_in("VT", ymd(2024, 7, 1)));
        // California and New York had bills, never an enacted compact.
        assert!(psypact.member("CA").is_none());
        assert!(psypact.member("NY").is_none());
        assert!(psypact.member("MA").is_none());
    }

    #[test]
    fn counseling_and_social_work_spot_checks() {
        let counseling = compact(CompactId::Counseling);
        assert!(counseling.operational_in("MN", ymd(2025, 9, 30)));
        assert!(!counseling.operational_in("MN", ymd(2025, 9, 29)));
        assert!(counseling.operational_in("OH", ymd(2026, 1, 5)));
        // Enacted but not issuing privileges: never operational.
        assert!(counseling.member("FL").is_some());
        assert!(!counseling.operational_in("FL", TODAY));
        // No multistate social work license issued anywhere.
        let social_work = compact(CompactId::SocialWork);
        assert!(social_work.members.iter().all(|m| m.operational == Operational::Uncertain));
        assert!(!social_work.operational_in("KS", TODAY));
    }

    #[test]
    fn a_non_member_is_never_operational() {
        let psypact = compact(CompactId::Psypact);
        assert!(!psypact.operational_in("CA", TODAY));
        assert!(!psypact.operational_in("", TODAY));
    }
}
