//! Looking at link text before it is parsed: pasted punctuation, the scheme,
//! phone numbers, and tricks in the host that the parser would hide.

/// A non-web scheme with something more to say than "unsupported".
pub struct Scheme {
    pub scheme: &'static str,
    /// The registry id of the app it opens.
    pub platform: Option<&'static str>,
    /// It places a voice call.
    pub audio_only: bool,
}

/// App schemes providers paste. Any other scheme is `unsupported_scheme`.
pub const SCHEMES: &[Scheme] = &[
    Scheme { scheme: "tel", platform: None, audio_only: true },
    Scheme { scheme: "callto", platform: None, audio_only: true },
    Scheme { scheme: "facetime", platform: Some("facetime"), audio_only: false },
    Scheme { scheme: "facetime-audio", platform: Some("facetime"), audio_only: true },
    Scheme { scheme: "skype", platform: Some("skype"), audio_only: false },
    Scheme { scheme: "whatsapp", platform: Some("whatsapp"), audio_only: false },
    // Zoom's desktop-app scheme; pasted links of this kind start the meeting as the host.
    Scheme { scheme: "zoommtg", platform: Some("zoom"), audio_only: false },
    Scheme { scheme: "zoomus", platform: Some("zoom"), audio_only: false },
];

/// Quote and bracket pairs pasted around a link.
const PAIRS: &[(char, char)] =
    &[('<', '>'), ('(', ')'), ('[', ']'), ('"', '"'), ('\'', '\''), ('\u{201C}', '\u{201D}'), ('\u{2018}', '\u{2019}')];

/// Sentence punctuation that ends up after a link pasted from an email.
pub const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?'];

/// Characters that browsers read as a dot in a host name (full-width and
/// ideographic full stops): a lookalike typed without a scheme still splits
/// into labels.
const DOTS: &[char] = &['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];

/// Strips what is pasted around a link: a matching pair of brackets or quotes
/// (`<https://...>`, `"https://..."`), sentence punctuation after it, and a
/// lone closing bracket whose opening one was not copied. Brackets that
/// belong to the text, such as `(646) 558-8656`, stay.
pub fn trim_punctuation(text: &str) -> &str {
    // The usual case, on every keystroke: nothing pasted around the link.
    let plain_start = text.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    let plain_end = text.bytes().next_back().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'/');
    if plain_start && plain_end {
        return text;
    }
    let mut text = text;
    loop {
        let before = text.len();
        // `javascript:` and `tel:` typed so far are a scheme, not a sentence.
        let bare_scheme = text.strip_suffix(':').is_some_and(is_scheme_name);
        if !bare_scheme {
            text = text.trim_end_matches(TRAILING);
        }
        for (open, close) in PAIRS {
            if text.len() >= 2 && text.starts_with(*open) && text.ends_with(*close) {
                text = text.strip_prefix(*open).and_then(|t| t.strip_suffix(*close)).unwrap_or(text);
            } else if text.ends_with(*close) && open != close && !text.contains(*open) {
                text = text.strip_suffix(*close).unwrap_or(text);
            } else if text.starts_with(*open) && open != close && !text.contains(*close) {
                text = text.strip_prefix(*open).unwrap_or(text);
            } else if open == close && text.ends_with(*close) && text.matches(*close).count() % 2 == 1 {
                // A lone closing quote: its opening one was not copied.
                text = text.strip_suffix(*close).unwrap_or(text);
            }
        }
        if text.len() == before {
            return text;
        }
    }
}

/// A URL scheme name: a letter, then letters, digits, `+`, `-` (a `.` would
/// make `doxy.me:` read as a scheme).
fn is_scheme_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'))
}

/// `scheme:rest` when the text starts with a URL scheme. `doxy.me:443/x` is
/// a host and port, not a scheme.
pub fn split_scheme(text: &str) -> Option<(&str, &str)> {
    // Only the scheme's own characters are scanned, not the whole link.
    let bytes = text.as_bytes();
    let end = bytes.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    if bytes.get(end) != Some(&b':') || !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let (scheme, rest) = (text.get(..end)?, text.get(end + 1..)?);
    let host_and_port = scheme.contains('.') && rest.starts_with(|c: char| c.is_ascii_digit());
    (!host_and_port).then_some((scheme, rest))
}

/// What phone numbers are written with besides digits and spaces (dashes
/// include the en dash, em dash and non-breaking hyphen word processors use).
pub const PHONE_PUNCTUATION: &[char] =
    &['+', '-', '(', ')', '.', ',', '#', '*', ';', '/', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}'];

/// Digits and phone punctuation only, with 7 to 15 digits before any
/// extension or PIN: `+1 (646) 558-8656`, `646.558.8656,,123#`. A dotted
/// IPv4 address is not a phone number.
pub fn is_phone_number(text: &str) -> bool {
    let lower = text.to_ascii_lowercase().replace("ext", ",").replace('x', ",");
    let phone_chars = lower.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || PHONE_PUNCTUATION.contains(&c));
    let number = lower.split([',', ';', '#', '*']).next().unwrap_or("");
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    phone_chars && (7..=15).contains(&digits) && !is_ipv4_like(text)
}

fn is_ipv4_like(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The host part of a link typed without a scheme looks like a site name:
/// `doxy.me/drsmith`, `www.example.com`, `//zoom.us/j/1`, `10.0.0.1/x`.
pub fn looks_like_host(text: &str) -> bool {
    let host = raw_host(text.trim_start_matches('/'));
    if host.starts_with('[') {
        return true;
    }
    let labels: Vec<&str> = host.split(DOTS).collect();
    // Non-ASCII letters count here, so that a lookalike typed without a
    // scheme is still read as a host (and then rejected as a lookalike).
    let letter = |c: char| c.is_ascii_alphabetic() || !c.is_ascii();
    let label_ok = |l: &&str| !l.is_empty() && l.chars().all(|c| letter(c) || c.is_ascii_digit() || c == '-');
    let tld_ok = labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(letter));
    labels.len() >= 2 && labels.iter().all(label_ok) && (tld_ok || is_ipv4_like(host))
}

/// The host as written in `text` (after the scheme, if any): userinfo and
/// port removed, nothing decoded.
fn raw_host(text: &str) -> &str {
    let after_scheme = match split_scheme(text) {
        Some((_, rest)) => rest,
        None => text,
    }
    .trim_start_matches(['/', '\\']);
    let end = after_scheme.bytes().position(|b| matches!(b, b'/' | b'?' | b'#' | b'\\')).unwrap_or(after_scheme.len());
    let authority = after_scheme.get(..end).unwrap_or(after_scheme);
    // Byte scans from the end (a `char` searcher costs more than the whole
    // rest of this on a short authority, every keystroke).
    let host = last_byte(authority, b'@').map_or(authority, |at| authority.get(at + 1..).unwrap_or(""));
    if host.starts_with('[') {
        return host;
    }
    match last_byte(host, b':') {
        Some(at) if host.bytes().skip(at + 1).all(|b| b.is_ascii_digit()) => host.get(..at).unwrap_or(host),
        _ => host,
    }
}

fn last_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().rposition(|b| b == byte)
}

/// Non-ASCII letters, `xn--` labels or percent-encoding in the host: the
/// parser would turn these into a different-looking name.
pub fn host_has_lookalike_characters(url_text: &str) -> bool {
    let host = raw_host(url_text).as_bytes();
    let punycode_at = |i: usize| {
        (i == 0 || host.get(i - 1) == Some(&b'.'))
            && host.get(i..i + 4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
    };
    host.iter().enumerate().any(|(i, b)| !b.is_ascii() || *b == b'%' || ((*b == b'x' || *b == b'X') && punycode_at(i)))
}

/// A domain a client could reach on the internet: at least two labels and
/// an alphabetic top-level label (`localhost`, `doxy`, `example.123` are not).
pub fn is_public_domain(host: &str) -> bool {
    match host.rsplit_once('.') {
        Some((rest, tld)) => !rest.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert_eq!(split_scheme("https://doxy.me"), Some(("https", "//doxy.me")));
        assert_eq!(split_scheme("javascript:alert(1)"), Some(("javascript", "alert(1)")));
        assert_eq!(split_scheme("doxy.me:443/x"), None);
        assert_eq!(split_scheme("doxy.me/drsmith"), None);
        assert_eq!(split_scheme("1http://x"), None);
    }

    #[test]
    fn punctuation() {
        assert_eq!(trim_punctuation("<https://doxy.me/x>."), "https://doxy.me/x");
        assert_eq!(trim_punctuation("(646) 558-8656"), "(646) 558-8656");
        assert_eq!(trim_punctuation("https://doxy.me/x)"), "https://doxy.me/x");
        assert_eq!(trim_punctuation("\u{201C}https://doxy.me/x\u{201D}"), "https://doxy.me/x");
        assert_eq!(trim_punctuation("..."), "");
        assert_eq!(trim_punctuation("javascript:"), "javascript:");
        assert_eq!(trim_punctuation("https://doxy.me/x:"), "https://doxy.me/x");
        assert_eq!(trim_punctuation("https://doxy.me/drsmith\""), "https://doxy.me/drsmith");
        assert_eq!(trim_punctuation("\"https://doxy.me/drsmith\""), "https://doxy.me/drsmith");
    }

    #[test]
    fn phones() {
        assert!(is_phone_number("+1 (646) 558-8656"));
        assert!(is_phone_number("646.558.8656"));
        assert!(is_phone_number("6465588656,,123456#"));
        assert!(!is_phone_number("192.168.100.200"));
        assert!(!is_phone_number("12345"));
        assert!(!is_phone_number("doxy.me"));
    }

    #[test]
    fn hosts() {
        assert!(looks_like_host("doxy.me/drsmith"));
        assert!(looks_like_host("//zoom.us/j/1"));
        assert!(looks_like_host("10.0.0.1/x"));
        assert!(looks_like_host("user@doxy.me"));
        assert!(!looks_like_host("drsmith"));
        assert!(!looks_like_host("hello world"));
        assert!(host_has_lookalike_characters("https://d\u{043E}xy.me/x"));
        assert!(host_has_lookalike_characters("https://XN--dxy-1na.me/x"));
        assert!(host_has_lookalike_characters("https://%64oxy.me/x"));
        assert!(!host_has_lookalike_characters("https://doxy.me/d%C3%A9"));
        assert!(is_public_domain("doxy.me"));
        assert!(!is_public_domain("localhost"));
        assert!(!is_public_domain("example.123"));
    }
}
