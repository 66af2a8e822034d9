//! Small text helpers shared by the rules.

/// Zero-width characters and bidirectional controls (Trojan Source): they
/// make a link read differently from where it goes.
pub(crate) fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{180E}'
        // Tag characters and Hangul fillers render as nothing too.
        | '\u{E0000}'..='\u{E007F}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}')
}

/// Trims Unicode whitespace (spaces, tabs, line breaks, no-break spaces).
pub(crate) fn trim_ws(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace())
}

/// Lowercases, drops periods and commas, and folds runs of whitespace into one
/// space: `" N.  Carolina "` -> `"n carolina"`. Used to match typed names.
pub(crate) fn fold_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c == '.' || c == ',' {
            pending_space = pending_space || c == ',';
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '_' {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(fold_letter(c));
    }
    out
}

/// Lowercases ASCII and Latin-1 letters (`É` -> `é`), the only letters the
/// place tables use; full Unicode lowercasing would add its tables (about
/// 5 KB compressed) to the wasm module.
fn fold_letter(c: char) -> char {
    match c {
        // Latin-1 capitals are their small letters minus 0x20; U+00D7 is `×`.
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        _ => c.to_ascii_lowercase(),
    }
}

/// Longest text [`edit_distance`] compares; longer text is never "close".
const MAX_EDIT_LEN: usize = 64;

/// Damerau-Levenshtein (optimal string alignment) distance between two ASCII
/// texts, ignoring ASCII case, giving up and returning `limit + 1` as soon as
/// the distance must exceed `limit`. Runs on the stack: it is called for
/// every table entry on every keystroke of an unknown place.
pub(crate) fn edit_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit || a.len() > MAX_EDIT_LEN || b.len() > MAX_EDIT_LEN {
        return limit + 1;
    }
    let same = |i: usize, j: usize| a.get(i).map(u8::to_ascii_lowercase) == b.get(j).map(u8::to_ascii_lowercase);
    // Three rolling rows: two back (for transpositions), previous, current.
    let mut before = [0usize; MAX_EDIT_LEN + 1];
    let mut prev = [0usize; MAX_EDIT_LEN + 1];
    let mut cur = [0usize; MAX_EDIT_LEN + 1];
    for (j, slot) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *slot = j;
    }
    for i in 0..a.len() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        let mut row_min = i + 1;
        for j in 0..b.len() {
            let cost = usize::from(!same(i, j));
            let sub = prev.get(j).map_or(usize::MAX, |v| v + cost);
            let del = prev.get(j + 1).map_or(usize::MAX, |v| v + 1);
            let ins = cur.get(j).map_or(usize::MAX, |v| v + 1);
            let mut best = sub.min(del).min(ins);
            if i > 0 && j > 0 && same(i - 1, j) && same(i, j - 1) {
                best = best.min(before.get(j - 1).map_or(usize::MAX, |v| v + 1));
            }
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = best;
            }
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().unwrap_or(limit + 1).min(limit + 1)
}

/// `n` in decimal, without `core::fmt` (see [`push_padded`]).
#[must_use]
pub(crate) fn decimal(n: usize) -> String {
    let mut out = String::new();
    push_padded(&mut out, n, 1);
    out
}

/// Appends `n` in decimal, zero-padded to at least `width` digits, without
/// `core::fmt`: the keystroke module writes numbers only here and in the
/// wire, and so carries none of the formatting machinery.
pub(crate) fn push_padded(out: &mut String, n: usize, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut n = n;
    while n > 0 || digits.len() - at < width.max(1) {
        at = at.saturating_sub(1);
        if let Some(d) = digits.get_mut(at) {
            // n % 10 < 10: fits in a u8.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (n % 10) as u8;
            *d = b'0' + digit;
        }
        n /= 10;
        if at == 0 {
            break;
        }
    }
    for d in digits.iter().skip(at) {
        out.push(char::from(*d));
    }
}

/// At most 40 characters of user text, for quoting it back in a message.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    // Control and invisible characters would only confuse the message.
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() || is_invisible_control(c) { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_keys() {
        assert_eq!(fold_key(" N.  Carolina "), "n carolina");
        assert_eq!(fold_key("Washington, D.C."), "washington dc");
        assert_eq!(fold_key("W.Va."), "wva");
        assert_eq!(fold_key("Wilkes-Barre"), "wilkes barre");
        assert_eq!(fold_key("MÉXICO"), "méxico");
        assert_eq!(fold_key("CÔTE D'IVOIRE"), "côte d'ivoire");
        assert_eq!(fold_key("2×3 Ω"), "2×3 Ω");
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance(b"califrnia", b"California", 2), 1);
        assert_eq!(edit_distance(b"texsa", b"texas", 2), 1);
        assert_eq!(edit_distance(b"nwe york", b"New York", 2), 1);
        assert_eq!(edit_distance(b"narnia", b"nevada", 2), 3);
        assert_eq!(edit_distance(b"", b"abc", 5), 3);
        assert_eq!(edit_distance(b"same", b"SAME", 0), 0);
        assert_eq!(edit_distance(&[b'a'; 65], &[b'a'; 65], 2), 3);
    }

    #[test]
    fn invisible_controls() {
        for c in [
            '\u{200B}',
            '\u{200D}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{061C}',
            '\u{200F}',
            '\u{E0041}',
            '\u{3164}',
        ] {
            assert!(is_invisible_control(c), "{c:?}");
        }
        assert!(!is_invisible_control('a'));
        assert!(!is_invisible_control(' '));
    }

    #[test]
    fn numbers_without_fmt() {
        assert_eq!(decimal(0), "0");
        assert_eq!(decimal(2048), "2048");
        assert_eq!(decimal(usize::MAX), usize::MAX.to_string());
        let mut out = String::new();
        push_padded(&mut out, 7, 4);
        push_padded(&mut out, 12_345, 2);
        assert_eq!(out, "000712345");
    }
}
