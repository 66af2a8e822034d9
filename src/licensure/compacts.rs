//! Interstate licensure compacts as dated data: which professions each one
//! covers, what kind of authority it grants, and the first day its authority
//! can be used in each member jurisdiction (operational, not enacted).
//!
//! The rows live in [`super::compact_table`]; `docs/compacts.md` says how they
//! were gathered and how to refresh them.

use crate::date::Date;
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

/// One member jurisdiction of a compact.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    /// USPS code of the jurisdiction (`GA`).
    pub jurisdiction: &'static str,
    /// First day the compact's authority can be used there.
    pub operational: Operational,
    /// Where the date comes from (a URL).
    pub source: &'static str,
    /// The day the source was read.
    pub checked: Date,
    /// What the source says, briefly (enactment date, why uncertain, ...).
    pub note: &'static str,
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
    /// Who it covers, in words, for messages and the README.
    pub covers: &'static str,
    /// The kind of authority it grants.
    pub grant: Grant,
    /// The compact's own page on who is a member and what it grants.
    pub source: &'static str,
    /// The day the source was read.
    pub checked: Date,
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
