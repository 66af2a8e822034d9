//! License titles -> professions, for licenses that give a `type` but no
//! `profession`. Titles are matched after folding case, dots, dashes and
//! spaces (`L.P.C.`, `lpc`, `LPC-MH` -> `lpcmh`). A title the table does not
//! know is `other`: it matches no compact and no other title's profession.

use crate::request::Profession;

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
];

/// The profession a license title names; `other` when the table does not know it.
#[must_use]
pub fn of_title(title: &str) -> Profession {
    // Titles are short; a long text is no title.
    if title.len() > 64 {
        return Profession::Other;
    }
    let folded: String = title.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
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
        assert_eq!(of_title("RN"), Profession::Other);
        assert_eq!(of_title("Reiki master"), Profession::Other);
        assert_eq!(of_title(""), Profession::Other);
        assert_eq!(of_title(&"LPC".repeat(30)), Profession::Other);
    }

    #[test]
    fn table_keys_are_folded_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (title, _) in TITLES {
            assert!(title.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{title}");
            assert!(seen.insert(title), "duplicate {title}");
        }
    }
}
