//! The level of a license: independent, or supervised (practice only under a
//! supervisor, so it authorizes no session on its own and is never a
//! compact's home license nor the license behind a registration).
//!
//! A license's `level` is read from the entry when given, else from
//! [`SUPERVISED`], a table keyed by jurisdiction and title (folded as
//! [`super::professions::fold`] folds titles); a title the table does not
//! list is independent. A row with no jurisdiction names a title that is a
//! supervised level wherever it is issued ("associate" titles). Every row
//! cites its source and the day it was read; a row no source confirms says
//! so (`verified: false`) and takes the conservative reading (supervised).
//! `docs/compacts.md` says how to refresh the table.

use super::compacts::{cite, ymd, Source};
use super::professions::fold;
use crate::date::Date;
use crate::location::of_record;
use crate::request::{License, LicenseLevel};

/// The day every source below was read.
const CHECKED: Date = ymd(2026, 12, 7);

/// One supervised-level title.
#[derive(Clone, Copy, Debug)]
pub struct SupervisedTitle {
    /// USPS code of the issuing jurisdiction; empty for a title that is a
    /// supervised level wherever it is issued.
    pub jurisdiction: &'static str,
    /// The title as boards write it (`LPC Associate`).
    pub title: &'static str,
    /// The folded spellings that match it (`lpcassociate`, `lpca`).
    pub folded: &'static [&'static str],
    /// Whether a source read confirms it; `false`: the conservative reading.
    pub verified: bool,
    /// Where it comes from.
    pub source: Source,
}

const fn row(
    jurisdiction: &'static str,
    title: &'static str,
    folded: &'static [&'static str],
    verified: bool,
    url: &'static str,
    note: &'static str,
) -> SupervisedTitle {
    SupervisedTitle { jurisdiction, title, folded, verified, source: cite(url, CHECKED, note) }
}

/// Every supervised-level title the rules know.
pub static SUPERVISED: &[SupervisedTitle] = &[
    row(
        "OH",
        "LPC",
        &["lpc"],
        true,
        "https://www.licensetrail.com/licenses/ohio/licensed-professional-counselor",
        "ORC 4757.01: an LPC diagnoses and treats mental and emotional disorders only under supervision; the LPCC is the independent clinical license",
    ),
    row(
        "OH",
        "LSW",
        &["lsw"],
        true,
        "https://www.mswguide.org/social-work-licensure-in-ohio/",
        "Ohio issues the LSW and the LISW, which differ in autonomy; an LSW is supervised by an LISW-S (cswmft.ohio.gov)",
    ),
    row(
        "TX",
        "LPC Associate",
        &["lpcassociate", "lpca"],
        true,
        "https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=T&app=9&p_dir=P&p_rloc=203491&p_tloc=&p_ploc=1&pg=9&p_tac=&ti=22&pt=30&ch=681&rl=93",
        "22 TAC 681.91(d): an LPC Associate practices only under an LPC-S and shall not engage in independent practice",
    ),
    row(
        "TX",
        "LMSW",
        &["lmsw"],
        false,
        "https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=T&app=9&p_dir=P&p_rloc=203491&p_tloc=&p_ploc=1&pg=9&p_tac=&ti=22&pt=30&ch=681&rl=93",
        "unverified: independent clinical social work in Texas needs the LCSW; no Texas social work rule was read (conservative reading)",
    ),
    row(
        "GA",
        "LAPC (Associate Professional Counselor)",
        &["lapc", "apc"],
        true,
        "https://www.licensetrail.com/licenses/georgia/licensed-associate-professional-counselor",
        "O.C.G.A. 43-10A-11: an APC/LAPC practices only under direction and supervision, for at most five years",
    ),
    row(
        "MD",
        "LGPC",
        &["lgpc"],
        true,
        "https://www.towson.edu/cla/departments/psychology/grad/psychology/counseling/licensure.html",
        "the LGPC practises graduate professional counseling under an approved supervisor while completing supervised experience for the LCPC",
    ),
    row(
        "NY",
        "LMSW",
        &["lmsw"],
        true,
        "http://www.op.nysed.gov/prof/sw/swprivatepractice.htm",
        "an LMSW may practise clinical social work only under the supervision of an LCSW, a psychologist or a psychiatrist; the LCSW is the independent clinical license",
    ),
    row(
        "CA",
        "AMFT",
        &["amft"],
        true,
        "https://tatianadiakoff.com/what-is-an-mft-intern/",
        "a California MFT associate practises psychotherapy under the supervision of a licensed clinician while completing 3,000 hours",
    ),
    row(
        "SC",
        "LMFT Associate",
        &["lmftassociate", "lmfta"],
        true,
        "https://llr.sc.gov/cou/Lmftintern.aspx",
        "South Carolina LMFT Associates are supervised by an LMFT Supervisor until independent practice",
    ),
    row(
        "LA",
        "PLMFT",
        &["plmft"],
        true,
        "https://www.lpcboard.org/page/lmfts",
        "Louisiana provisional licensed marriage and family therapists practise under an LMFT-approved supervisor",
    ),
    row(
        "MI",
        "LLP (Limited Licensed Psychologist)",
        &["llp", "limitedlicensepsychologist"],
        false,
        "https://www.mha.org/newsroom/michigan-joins-psychology-interjurisdictional-compact/",
        "unverified: Michigan's limited license is taken to need a fully licensed psychologist's supervision; no Michigan rule was read (conservative reading)",
    ),
    row(
        "",
        "LAMFT",
        &["lamft"],
        true,
        "https://onetonline.org/link/licenseinfo?id=05-0000000204",
        "a Licensed Associate Marriage and Family Therapist practises under the direct supervision of an LMFT",
    ),
];

/// The license's level: as given, else from [`SUPERVISED`], else independent.
#[must_use]
pub fn level_of(license: &License) -> LicenseLevel {
    match license.level {
        Some(level) => level,
        None if supervised_title(license).is_some() => LicenseLevel::Supervised,
        None => LicenseLevel::Independent,
    }
}

/// The row that makes the license's title a supervised level there, if any.
#[must_use]
pub fn supervised_title(license: &License) -> Option<&'static SupervisedTitle> {
    let folded = fold(license.license_type.as_deref()?)?;
    let code = of_record(&license.jurisdiction).map(|j| j.code)?;
    SUPERVISED
        .iter()
        .find(|r| (r.jurisdiction.is_empty() || r.jurisdiction == code) && r.folded.contains(&folded.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensure::professions::of_title;
    use crate::location::resolve::by_code;
    use crate::request::Profession;

    fn license(jurisdiction: &str, title: &str) -> License {
        License::state_license(jurisdiction, title)
    }

    #[test]
    fn rows_are_well_formed() {
        for (i, r) in SUPERVISED.iter().enumerate() {
            assert!(r.jurisdiction.is_empty() || by_code(r.jurisdiction).is_some(), "{}", r.title);
            assert!(r.source.url.starts_with("http") && !r.source.note.value.is_empty(), "{}", r.title);
            assert!(r.verified || r.source.note.value.starts_with("unverified"), "{}", r.title);
            for f in r.folded {
                assert_eq!(fold(f).as_deref(), Some(*f), "{}", r.title);
                // Every supervised title still names a profession.
                assert_ne!(of_title(f), Profession::Other, "{f}");
                let again =
                    SUPERVISED.iter().skip(i + 1).any(|o| o.jurisdiction == r.jurisdiction && o.folded.contains(f));
                assert!(!again, "{} {f} twice", r.jurisdiction);
            }
        }
    }

    #[test]
    fn levels_by_jurisdiction_and_title() {
        assert_eq!(level_of(&license("OH", "LPC")), LicenseLevel::Supervised);
        assert_eq!(level_of(&license("Ohio", "L.P.C.")), LicenseLevel::Supervised);
        assert_eq!(level_of(&license("OH", "LPCC")), LicenseLevel::Independent);
        assert_eq!(level_of(&license("AZ", "LPC")), LicenseLevel::Independent);
        assert_eq!(level_of(&license("TX", "LPC-Associate")), LicenseLevel::Supervised);
        assert_eq!(level_of(&license("NY", "LMSW")), LicenseLevel::Supervised);
        assert_eq!(level_of(&license("MI", "LMSW")), LicenseLevel::Independent);
        assert_eq!(level_of(&license("MN", "LAMFT")), LicenseLevel::Supervised);
        let explicit = License { level: Some(LicenseLevel::Independent), ..license("OH", "LPC") };
        assert_eq!(level_of(&explicit), LicenseLevel::Independent);
        let marked = License { level: Some(LicenseLevel::Supervised), ..license("AZ", "LPC") };
        assert_eq!(level_of(&marked), LicenseLevel::Supervised);
    }
}
