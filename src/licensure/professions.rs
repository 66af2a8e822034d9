//! License titles -> professions, for licenses that give a `type` but no
//! `profession`. Titles are matched after folding case, dots, dashes and
//! spaces (`L.P.C.`, `lpc`, `LPC-MH` -> `lpcmh`). A title the table does not
//! know is `other`: it matches no compact and no other title's profession.
//!
//! A compact privilege may instead be titled by its document (APIT,
//! E.Passport, TAP, IPC, multistate license): such a title names no
//! profession of its own ([`document`]); the compact gives it.

use crate::request::{CompactId, PrivilegeKind, Profession};

/// Folded title -> profession. Sources: state board title lists as collected
/// in `docs/domain.md` ("Authority to practice") and `docs/contract.md`;
/// checked 2026-11-29.
const TITLES: &[(&str, Profession)] = &[
    // Psychologists.
    ("psychologist", Profession::Psychologist),
    ("licensedpsychologist", Profession::Psychologist),
    ("clinicalpsychologist", Profession::Psychologist),
    ("psyd", Profession::Psychologist),
    ("lp", Profession::Psychologist),
    ("llp", Profession::Psychologist),
    ("limitedlicensepsychologist", Profession::Psychologist),
    // Professional counselors.
    ("lpc", Profession::Counselor),
    ("lpcc", Profession::Counselor),
    ("lmhc", Profession::Counselor),
    ("lcpc", Profession::Counselor),
    ("lpcmh", Profession::Counselor),
    ("lpcs", Profession::Counselor),
    ("lcmhc", Profession::Counselor),
    ("lpcmhsp", Profession::Counselor),
    ("cmhc", Profession::Counselor),
    ("counselor", Profession::Counselor),
    ("lpcassociate", Profession::Counselor),
    ("lpca", Profession::Counselor),
    ("lapc", Profession::Counselor),
    ("apc", Profession::Counselor),
    ("lgpc", Profession::Counselor),
    ("professionalcounselor", Profession::Counselor),
    // Social workers.
    ("lcsw", Profession::SocialWorker),
    ("licsw", Profession::SocialWorker),
    ("lisw", Profession::SocialWorker),
    ("liswcp", Profession::SocialWorker),
    ("lmsw", Profession::SocialWorker),
    ("lcswc", Profession::SocialWorker),
    ("lsw", Profession::SocialWorker),
    ("csw", Profession::SocialWorker),
    ("socialworker", Profession::SocialWorker),
    // Marriage and family therapists.
    ("lmft", Profession::MarriageFamilyTherapist),
    ("lcmft", Profession::MarriageFamilyTherapist),
    ("mft", Profession::MarriageFamilyTherapist),
    ("marriageandfamilytherapist", Profession::MarriageFamilyTherapist),
    ("lamft", Profession::MarriageFamilyTherapist),
    ("amft", Profession::MarriageFamilyTherapist),
    ("lmftassociate", Profession::MarriageFamilyTherapist),
    ("lmfta", Profession::MarriageFamilyTherapist),
    ("plmft", Profession::MarriageFamilyTherapist),
    // Nurse practitioners (the NLC covers RNs and LPNs, never these).
    ("pmhnp", Profession::NursePractitioner),
    ("pmhnpbc", Profession::NursePractitioner),
    ("aprn", Profession::NursePractitioner),
    ("np", Profession::NursePractitioner),
    ("crnp", Profession::NursePractitioner),
    ("arnp", Profession::NursePractitioner),
    ("nursepractitioner", Profession::NursePractitioner),
    // Physicians.
    ("md", Profession::Physician),
    ("do", Profession::Physician),
    ("physician", Profession::Physician),
    ("psychiatrist", Profession::Physician),
    // Registered and practical nurses: a nurse's license authorizes no
    // session on this platform (psychotherapy and psychiatric care).
    ("rn", Profession::RegisteredNurse),
    ("registerednurse", Profession::RegisteredNurse),
    ("lpn", Profession::RegisteredNurse),
    ("licensedpracticalnurse", Profession::RegisteredNurse),
    ("lvn", Profession::RegisteredNurse),
    ("licensedvocationalnurse", Profession::RegisteredNurse),
];

/// What a compact document's title says: the compact it belongs to (when
/// the title names one) and the kind of PSYPACT privilege.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Document {
    /// The compact the title belongs to; `None` for a title any compact
    /// uses ("multistate license"): the entry's `compact` says which.
    pub compact: Option<CompactId>,
    /// The PSYPACT privilege it names, if any.
    pub privilege: Option<PrivilegeKind>,
}

/// Folded document title -> what it names. PSYPACT's documents: the APIT
/// with the E.Passport (telepsychology), the TAP with the IPC (temporary
/// in-person practice), per the Mississippi board's PSYPACT page
/// (https://www.psychologyboard.ms.gov/2020-05/mississippi-joins-psychology-interjurisdictional-compact-psypact,
/// checked 2026-12-07).
const DOCUMENTS: &[(&str, Document)] = &[
    ("apit", PSYPACT_APIT),
    ("epassport", PSYPACT_APIT),
    ("authoritytopracticeinterjurisdictionaltelepsychology", PSYPACT_APIT),
    ("tap", PSYPACT_TAP),
    ("ipc", PSYPACT_TAP),
    ("temporaryauthorizationtopractice", PSYPACT_TAP),
    ("interjurisdictionalpracticecertificate", PSYPACT_TAP),
    ("multistatelicense", ANY_COMPACT),
    ("multistate", ANY_COMPACT),
    ("privilegetopractice", ANY_COMPACT),
    ("compactprivilege", ANY_COMPACT),
];

const PSYPACT_APIT: Document = Document { compact: Some(CompactId::Psypact), privilege: Some(PrivilegeKind::Apit) };
const PSYPACT_TAP: Document = Document { compact: Some(CompactId::Psypact), privilege: Some(PrivilegeKind::Tap) };
const ANY_COMPACT: Document = Document { compact: None, privilege: None };

/// The title folded for lookups (ASCII letters and digits, lowercase);
/// `None` for a text too long to be a title.
#[must_use]
pub fn fold(title: &str) -> Option<String> {
    // Titles are short; a long text is no title.
    if title.len() > 64 {
        return None;
    }
    Some(title.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect())
}

/// What a compact document's title names, when `title` is one.
#[must_use]
pub fn document(title: &str) -> Option<Document> {
    let folded = fold(title)?;
    DOCUMENTS.iter().find(|(t, _)| *t == folded).map(|(_, d)| *d)
}

/// The profession a license title names; `other` when the table does not know it.
#[must_use]
pub fn of_title(title: &str) -> Profession {
    let Some(folded) = fold(title) else { return Profession::Other };
    TITLES.iter().find(|(t, _)| *t == folded).map_or(Profession::Other, |(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(of_title("LPC"), Profession::Counselor);
        assert_eq!(of_title("L.P.C.-M.H."), Profession::Counselor);
        assert_eq!(of_title(" lcsw "), Profession::SocialWorker);
        assert_eq!(of_title("Psychologist"), Profession::Psychologist);
        assert_eq!(of_title("PMHNP-BC"), Profession::NursePractitioner);
        assert_eq!(of_title("RN"), Profession::RegisteredNurse);
        assert_eq!(of_title("L.V.N."), Profession::RegisteredNurse);
        assert_eq!(of_title("LPC Associate"), Profession::Counselor);
        assert_eq!(of_title("APIT"), Profession::Other);
        assert_eq!(document("E.Passport").and_then(|d| d.privilege), Some(PrivilegeKind::Apit));
        assert_eq!(document("IPC").and_then(|d| d.privilege), Some(PrivilegeKind::Tap));
        assert_eq!(document("Multistate license").map(|d| d.compact), Some(None));
        assert_eq!(document("LPC"), None);
        assert_eq!(of_title("Reiki master"), Profession::Other);
        assert_eq!(of_title(""), Profession::Other);
        assert_eq!(of_title(&"LPC".repeat(30)), Profession::Other);
    }

    #[test]
    fn table_keys_are_folded_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        let documents = DOCUMENTS.iter().map(|(t, _)| t);
        for title in TITLES.iter().map(|(t, _)| t).chain(documents) {
            assert!(title.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{title}");
            assert!(seen.insert(title), "duplicate {title}");
        }
    }
}
