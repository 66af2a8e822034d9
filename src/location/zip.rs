//! ZIP codes as a consistency hint for the chosen jurisdiction.

use super::zip3_table::{ZIP3_INDEX, ZIP3_SETS, ZIP5_PLACES};

/// ZIP codes whose addresses lie in two states (USPS; `shared/domain/locations.md`):
/// the ZIP3 table gives each ZIP5 one state, these add the other.
const STRADDLING: &[(&str, &str)] = &[
    ("02861", "MA"),
    ("02861", "RI"),
    ("42223", "KY"),
    ("42223", "TN"),
    ("59221", "MT"),
    ("59221", "ND"),
    ("63673", "IL"),
    ("63673", "MO"),
    ("71749", "AR"),
    ("71749", "LA"),
    ("73949", "OK"),
    ("73949", "TX"),
    ("81137", "CO"),
    ("81137", "NM"),
    ("84536", "AZ"),
    ("84536", "UT"),
    ("86044", "AZ"),
    ("86044", "UT"),
    ("86515", "AZ"),
    ("86515", "NM"),
    ("88063", "NM"),
    ("88063", "TX"),
    ("89439", "CA"),
    ("89439", "NV"),
    ("97635", "CA"),
    ("97635", "OR"),
];

/// Military mail codes, which a ZIP can carry instead of a jurisdiction.
pub const MILITARY_CODES: &[&str] = &["AA", "AE", "AP"];

/// The 5-digit ZIP of `12345`, `12345-6789` or `123456789` (spaces ignored).
#[must_use]
pub fn parse(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).take(12).collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let five = match compact.split_once('-') {
        Some((zip, plus4)) if digits(zip, 5) && digits(plus4, 4) => zip,
        None if digits(&compact, 5) || digits(&compact, 9) => compact.get(..5)?,
        _ => return None,
    };
    Some(five.to_owned())
}

/// Whether more text typed after `text` could make it a ZIP code that
/// [`parse`] reads: up to 9 digits, or 5 digits, a dash and up to 4 more
/// (spaces ignored).
#[must_use]
pub fn may_become_valid(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).take(12).collect();
    let digits = |s: &str, max: usize| s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    match compact.split_once('-') {
        Some((zip, plus4)) => zip.len() == 5 && digits(zip, 5) && digits(plus4, 4),
        None => digits(&compact, 9),
    }
}

/// Whether addresses with this ZIP lie in the jurisdiction `code`.
#[must_use]
pub fn is_in(zip5: &str, code: &str) -> bool {
    codes(zip5).any(|c| c == code)
}

/// The jurisdiction (and military and freely associated state) codes whose
/// addresses use this ZIP.
pub fn codes(zip5: &str) -> impl Iterator<Item = &'static str> + '_ {
    // A ZIP5 listed on its own (96799 American Samoa, 96940 Palau) is that place
    // alone: its prefix's set is another place's (Hawaii, Guam).
    let own = ZIP5_PLACES.iter().find(|(z, _)| *z == zip5).map(|(_, code)| std::slice::from_ref(code));
    let prefix = zip5.get(..3).and_then(|p| p.parse::<usize>().ok());
    let set = own
        .or_else(|| prefix.and_then(|p| ZIP3_INDEX.get(p)).and_then(|i| ZIP3_SETS.get(usize::from(*i))).copied())
        .unwrap_or(&[]);
    let extra = STRADDLING.iter().filter(move |(z, _)| *z == zip5).map(|(_, code)| *code);
    set.iter().copied().chain(extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse("94110").as_deref(), Some("94110"));
        assert_eq!(parse(" 94110-1234 ").as_deref(), Some("94110"));
        assert_eq!(parse("941101234").as_deref(), Some("94110"));
        for bad in ["9411", "941100", "94110-12", "ABCDE", "94110-", "-1234", "９４１１０"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn table_facts() {
        assert!(is_in("01001", "MA") && !is_in("01001", "CT"));
        assert!(is_in("88001", "NM"));
        assert!(is_in("98660", "WA"));
        assert!(is_in("20101", "VA"));
        assert!(is_in("96910", "GU") && is_in("96950", "MP"));
        assert_eq!(codes("96799").collect::<Vec<_>>(), ["AS"]);
        assert_eq!(codes("96701").collect::<Vec<_>>(), ["HI"]);
        assert_eq!(codes("96938").collect::<Vec<_>>(), ["GU", "MP"]);
        assert_eq!(codes("96939").collect::<Vec<_>>(), ["PW"]);
        assert_eq!(codes("96944").collect::<Vec<_>>(), ["FM"]);
        assert_eq!(codes("96945").collect::<Vec<_>>(), ["GU", "MP"]);
        assert_eq!(codes("96970").collect::<Vec<_>>(), ["MH"]);
        assert!(is_in("97635", "CA") && is_in("97635", "OR"));
        assert_eq!(codes("00001").count(), 0);
        assert!(is_in("09001", "AE"));
    }
}
