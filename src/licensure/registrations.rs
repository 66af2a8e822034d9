//! Out-of-state telehealth registrations as dated data: the jurisdictions
//! whose boards register providers licensed elsewhere to practice by
//! telehealth (Florida, F.S. 456.47, is the model), and for which professions.
//! A `telehealth_registration` anywhere else authorizes nothing.

use crate::date::Date;
use crate::request::Profession;

/// One jurisdiction's telehealth registration program.
#[derive(Clone, Copy, Debug)]
pub struct Registration {
    /// USPS code of the issuing jurisdiction (`FL`).
    pub jurisdiction: &'static str,
    /// The law that creates it (`F.S. 456.47`).
    pub law: &'static str,
    /// First day a registration could be used; `None` when no source gives one
    /// (then the program is not recognized: the conservative reading).
    pub since: Option<Date>,
    /// The professions it registers.
    pub professions: &'static [Profession],
    /// Where the facts come from (a URL).
    pub source: &'static str,
    /// The day the source was read.
    pub checked: Date,
}

impl Registration {
    /// The registration program of `jurisdiction` usable on `day` for `profession`.
    #[must_use]
    pub fn find(jurisdiction: &str, profession: Profession, day: Date) -> Option<&'static Registration> {
        super::registration_table::REGISTRATIONS.iter().find(|r| {
            r.jurisdiction == jurisdiction && r.since.is_some_and(|s| s <= day) && r.professions.contains(&profession)
        })
    }

    /// Every program the ruleset knows.
    #[must_use]
    pub fn all() -> &'static [Registration] {
        super::registration_table::REGISTRATIONS
    }
}
