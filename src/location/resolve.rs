//! Turning what a person typed into a jurisdiction.

use super::abroad;
use super::jurisdictions::{Jurisdiction, ALIASES, FREELY_ASSOCIATED, JURISDICTIONS, MILITARY, WORD_ABBREVIATIONS};
use crate::text::{edit_distance, fold_key};

/// Longest text worth reading as a place name; anything longer is unknown.
const MAX_NAME_CHARS: usize = 64;

/// What a typed location is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Nothing but whitespace.
    Empty,
    /// A state, DC or a territory.
    Jurisdiction(&'static Jurisdiction),
    /// AA, AE or AP.
    Military(&'static str),
    /// FM, MH or PW.
    FreelyAssociated(&'static str),
    /// A country or another place outside the United States (`Mexico`, `UK`, `Ontario`).
    Abroad,
    /// Not recognized; `fix` is the code clearly meant, if one is.
    Unknown { fix: Option<&'static str> },
}

/// Reads a typed state, district or territory.
#[must_use]
pub fn resolve(text: &str) -> Resolved {
    if text.chars().nth(MAX_NAME_CHARS).is_some() {
        return Resolved::Unknown { fix: None };
    }
    let key = fold_key(text);
    if key.is_empty() {
        return Resolved::Empty;
    }
    if let Some(found) = exact(&key).or_else(|| expand_first_word(&key).as_deref().and_then(exact)) {
        return Resolved::Jurisdiction(found);
    }
    if let Some((_, code)) = MILITARY.iter().find(|(k, _)| *k == key) {
        return Resolved::Military(code);
    }
    if let Some((_, code)) = FREELY_ASSOCIATED.iter().find(|(k, _)| *k == key) {
        return Resolved::FreelyAssociated(code);
    }
    if abroad::is_abroad(&key) {
        return Resolved::Abroad;
    }
    Resolved::Unknown { fix: closest(&key) }
}

/// Whether more text typed after `text` could still make it a jurisdiction
/// (a value being typed): folded, it is the beginning of a jurisdiction's
/// name, code or alias, or is once its first word is spelled out
/// (`n car` -> `north car`). `Tex`, `Califo`, `new`, `India` (Indiana) can;
/// `Ontario`, `Palau`, `AE` cannot. Jurisdiction `other_than` (a code)
/// does not count.
#[must_use]
pub fn may_become_jurisdiction(text: &str, other_than: Option<&str>) -> bool {
    let key = fold_key(text);
    let expanded = expand_first_word(&key);
    let begins = |whole: &str, key: &str| {
        whole.len() > key.len() && whole.get(..key.len()).is_some_and(|head| head.eq_ignore_ascii_case(key))
    };
    let counts = |code: &str| other_than != Some(code);
    std::iter::once(key.as_str()).chain(expanded.as_deref()).any(|key| {
        JURISDICTIONS.iter().any(|j| counts(j.code) && (begins(j.code, key) || begins(&fold_key(j.name), key)))
            || ALIASES.iter().any(|(alias, code)| counts(code) && begins(alias, key))
    })
}

/// The jurisdiction with this code (any case), if any.
#[must_use]
pub fn by_code(code: &str) -> Option<&'static Jurisdiction> {
    JURISDICTIONS.iter().find(|j| j.code.eq_ignore_ascii_case(code))
}

fn exact(key: &str) -> Option<&'static Jurisdiction> {
    if key.len() == 2 {
        return by_code(key);
    }
    JURISDICTIONS
        .iter()
        .find(|j| j.name.eq_ignore_ascii_case(key))
        .or_else(|| ALIASES.iter().find(|(alias, _)| *alias == key).and_then(|(_, code)| by_code(code)))
}

/// `n carolina` -> `north carolina`.
fn expand_first_word(key: &str) -> Option<String> {
    let (first, rest) = key.split_once(' ')?;
    let (_, word) = WORD_ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == first)?;
    Some(format!("{word} {rest}"))
}

/// The one code whose name or alias is within a small edit distance of
/// `key`, if exactly one is: `califrnia` -> CA, `carolina` -> none.
fn closest(key: &str) -> Option<&'static str> {
    if key.len() < 3 || !key.is_ascii() {
        return None;
    }
    let limit = if key.len() <= 5 { 1 } else { 2 };
    // Names with periods ("U.S. Virgin Islands") are matched through their aliases.
    let names = JURISDICTIONS.iter().filter(|j| !j.name.contains('.')).map(|j| (j.name, j.code));
    let aliases = ALIASES.iter().filter(|(a, _)| a.len() >= 4).copied();
    let key_letters = letter_counts(key);
    let mut best: Option<(usize, &'static str)> = None;
    let mut ambiguous = false;
    for (name, code) in names.chain(aliases) {
        if bag_distance(&key_letters, &letter_counts(name)) > limit {
            continue;
        }
        let d = edit_distance(key.as_bytes(), name.as_bytes(), limit);
        if d > limit {
            continue;
        }
        match best {
            Some((best_d, best_code)) if d == best_d && best_code != code => ambiguous = true,
            Some((best_d, _)) if d >= best_d => {}
            _ => {
                best = Some((d, code));
                ambiguous = false;
            }
        }
    }
    best.filter(|_| !ambiguous).map(|(_, code)| code)
}

/// How many of each letter (case-folded) a text has; everything else counts as one kind.
fn letter_counts(text: &str) -> [u8; 27] {
    let mut counts = [0u8; 27];
    for b in text.bytes() {
        let slot = if b.is_ascii_alphabetic() { usize::from(b.to_ascii_lowercase() - b'a') } else { 26 };
        if let Some(count) = counts.get_mut(slot) {
            *count = count.saturating_add(1);
        }
    }
    counts
}

/// A lower bound of the edit distance from letter counts alone: it rules out
/// most of the table before the quadratic comparison runs.
fn bag_distance(a: &[u8; 27], b: &[u8; 27]) -> usize {
    let (mut more, mut fewer) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        more += usize::from(x.saturating_sub(*y));
        fewer += usize::from(y.saturating_sub(*x));
    }
    more.max(fewer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        match resolve(text) {
            Resolved::Jurisdiction(j) => Some(j.code),
            _ => None,
        }
    }

    #[test]
    fn typed_forms() {
        assert_eq!(code("ca"), Some("CA"));
        assert_eq!(code("Calif."), Some("CA"));
        assert_eq!(code("n. carolina"), Some("NC"));
        assert_eq!(code("N.C."), Some("NC"));
        assert_eq!(code("W.Va."), Some("WV"));
        assert_eq!(code("Washington"), Some("WA"));
        assert_eq!(code("Washington, D.C."), Some("DC"));
        assert_eq!(code("  new   york "), Some("NY"));
        assert_eq!(code("USVI"), Some("VI"));
        assert_eq!(code("So. Dakota"), Some("SD"));
    }

    #[test]
    fn rejections_and_fixes() {
        assert_eq!(resolve("AE"), Resolved::Military("AE"));
        assert_eq!(resolve("Palau"), Resolved::FreelyAssociated("PW"));
        assert_eq!(resolve("   "), Resolved::Empty);
        assert_eq!(resolve("Califrnia"), Resolved::Unknown { fix: Some("CA") });
        assert_eq!(resolve("Texsa"), Resolved::Unknown { fix: Some("TX") });
        assert_eq!(resolve("Carolina"), Resolved::Unknown { fix: None });
        assert_eq!(resolve("XX"), Resolved::Unknown { fix: None });
        assert_eq!(resolve(&"x".repeat(10_000)), Resolved::Unknown { fix: None });
    }

    #[test]
    fn names_still_being_typed() {
        for typed in ["", "Tex", "Califo", "new", "N. Car", "India", "washington d", "U.S. Vir", "Calif"] {
            assert!(may_become_jurisdiction(typed, None), "{typed}");
        }
        for typed in ["Ontario", "Palau", "AE", "Texas", "Califrnia", "Mexico"] {
            assert!(!may_become_jurisdiction(typed, None), "{typed}");
        }
        assert!(!may_become_jurisdiction("CA", Some("CA")));
        assert!(may_become_jurisdiction("Ne", Some("NE")));
    }

    #[test]
    fn abroad() {
        for typed in
            ["Mexico", "MÉXICO", "méxico", "U.K.", "  united   kingdom ", "England", "Québec", "Baja California"]
        {
            assert_eq!(resolve(typed), Resolved::Abroad, "{typed}");
        }
        assert_eq!(code("New Mexico"), Some("NM"));
        assert_eq!(code("Georgia"), Some("GA"));
        assert_eq!(code("Washington"), Some("WA"));
        assert_eq!(resolve("Jersey"), Resolved::Unknown { fix: None });
        assert_eq!(resolve("Samoa"), Resolved::Unknown { fix: None });
        // Left out of the table: one letter from "Cali".
        assert_eq!(resolve("Mali"), Resolved::Unknown { fix: Some("CA") });
    }

    /// Every foreign name is folded, and none is a US name or a near miss of
    /// one: the table never takes a place, or a "did you mean", from the US.
    #[test]
    fn abroad_never_shadows_a_us_place() {
        for key in abroad::names() {
            assert_eq!(fold_key(key), *key, "{key} is not folded");
            assert!(exact(key).is_none() && expand_first_word(key).as_deref().and_then(exact).is_none(), "{key}");
            assert!(!MILITARY.iter().chain(FREELY_ASSOCIATED).any(|(k, _)| *k == key), "{key}");
            assert_eq!(closest(key), None, "{key} is a near miss of a US name");
        }
    }
}
