//! Out-of-state telehealth registrations as dated data: the jurisdictions
//! whose boards register providers licensed elsewhere to practice by
//! telehealth (Florida, F.S. 456.47, is the model), and for which professions.
//! A `telehealth_registration` anywhere else authorizes nothing.

use super::compacts::Source;
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
    /// Where the facts come from (scope, why no date, ...).
    pub source: Source,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensure::compacts::ymd;
    use crate::location::resolve::by_code;

    const TODAY: Date = ymd(2026, 12, 7);

    #[test]
    fn rows_are_well_formed() {
        for (i, r) in Registration::all().iter().enumerate() {
            assert!(by_code(r.jurisdiction).is_some(), "{}", r.jurisdiction);
            assert!(r.source.url.starts_with("https://"), "{}", r.jurisdiction);
            assert!(r.source.checked <= TODAY, "{}", r.jurisdiction);
            assert!(!r.professions.is_empty() && !r.law.is_empty(), "{}", r.jurisdiction);
            if let Some(since) = r.since {
                assert!(since > ymd(2015, 12, 31) && since <= TODAY, "{}", r.jurisdiction);
            }
            let again = Registration::all().iter().skip(i + 1).any(|o| o.jurisdiction == r.jurisdiction);
            assert!(!again, "{} twice", r.jurisdiction);
        }
    }

    #[test]
    fn florida_is_the_model() {
        let day = ymd(2019, 7, 1);
        assert!(Registration::find("FL", Profession::Counselor, day).is_some());
        assert!(Registration::find("FL", Profession::Counselor, ymd(2019, 6, 30)).is_none());
        assert!(Registration::find("FL", Profession::Other, TODAY).is_none());
    }

    #[test]
    fn unsourced_or_absent_programs_authorize_nothing() {
        // Arizona's registry is sourced for psychologists, from the day its page was read.
        assert!(Registration::find("AZ", Profession::Psychologist, TODAY).is_some());
        assert!(Registration::find("AZ", Profession::Psychologist, ymd(2026, 12, 6)).is_none());
        assert!(Registration::find("AZ", Profession::Counselor, TODAY).is_none());
        // West Virginia's covers every board, but no first day is sourced.
        assert!(Registration::find("WV", Profession::Psychologist, TODAY).is_none());
        assert!(Registration::find("CA", Profession::Psychologist, TODAY).is_none());
        assert!(Registration::find("IN", Profession::Counselor, TODAY).is_none());
    }
}
