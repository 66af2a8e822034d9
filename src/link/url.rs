//! The WHATWG URL parser, for the one kind of URL the link rules parse:
//! `https:` with no base. It decides, serializes and fails exactly as
//! url 2.5.8 with idna 1.1.0 and the ASCII-only `idna_adapter` 1.0.0 do
//! (`tests/url_differential.rs` and the `url_differential` fuzz target hold
//! it to that), except that it refuses a domain with `*`, which Chromium
//! reads differently (`tests/js/url-boundary.test.mjs` holds it to what Node
//! and Chromium read; docs/url-boundary.md). The general crate cost the
//! keystroke module far more bytes than this parser.
//!
//! What that ASCII-only IDNA means for a host: any non-ASCII byte (after
//! percent-decoding) is an `IdnaError`, ASCII letters are lowercased, an
//! `xn--` label must be valid Punycode, and the forbidden domain code points
//! are errors. The serialization is always ASCII.

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Why a text is not an https URL (url's `ParseError` kinds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    EmptyHost,
    IdnaError,
    InvalidPort,
    InvalidIpv4Address,
    InvalidIpv6Address,
    /// A domain with `*`, which browsers read differently (url 2.5.8
    /// accepts it; docs/url-boundary.md).
    InvalidDomainCharacter,
    /// Anything else (here: a scheme other than `https`).
    Other,
}

/// The host of a parsed URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host<'a> {
    /// Lowercase ASCII, as serialized (a trailing dot kept).
    Domain(&'a str),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HostKind {
    Domain,
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// A parsed https URL: its serialization and where each part starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    serialization: String,
    username_end: usize,
    host_start: usize,
    host_end: usize,
    host: HostKind,
    port: Option<u16>,
    path_start: usize,
    query_start: Option<usize>,
    fragment_start: Option<usize>,
}

/// `https://`: where the authority starts in every serialization.
const AUTHORITY: usize = 8;

// Percent-encode sets (bit n: byte n is encoded; non-ASCII always is).
const fn with(mut set: u128, mut bytes: &[u8]) -> u128 {
    while let [first, rest @ ..] = bytes {
        set |= 1 << *first;
        bytes = rest;
    }
    set
}
const CONTROLS: u128 = ((1 << 32) - 1) | (1 << 0x7F);
const FRAGMENT: u128 = with(CONTROLS, b" \"<>`");
const PATH: u128 = with(FRAGMENT, b"#?{}");
const USERINFO: u128 = with(PATH, b"/:;=@[\\]^|");
const SPECIAL_QUERY: u128 = with(CONTROLS, b" \"#<>'");
/// Forbidden in a domain (besides uppercase, which is lowercased):
/// controls, space, DEL and the forbidden domain code points.
const DOMAIN_DENY: u128 = with(((1 << 33) - 1) | (1 << 0x7F), b"%#/:<>?@[\\]^|");

fn in_set(set: u128, b: u8) -> bool {
    b < 0x80 && (set >> b) & 1 == 1
}

fn is_tab_or_newline(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r')
}

fn push_byte(out: &mut String, b: u8, set: u128) {
    if b >= 0x80 || in_set(set, b) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push('%');
        out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
        out.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
    } else {
        out.push(char::from(b));
    }
}

/// Appends `bytes`, tabs and newlines dropped, the rest encoded with `set`:
/// runs that need nothing are copied whole (a keystroke parses the whole
/// link again, and most of it is such a run).
fn push_encoded(out: &mut String, bytes: &[u8], set: u128) {
    let mut rest = bytes;
    while !rest.is_empty() {
        // Letters and digits are in no set: the common case, tested first.
        let stops = |b: u8| !b.is_ascii_alphanumeric() && (b >= 0x80 || in_set(set, b) || is_tab_or_newline(b));
        let clean = rest.iter().position(|&b| stops(b)).unwrap_or(rest.len());
        let (run, tail) = rest.split_at_checked(clean).unwrap_or((rest, &[]));
        // Bytes below 0x80 only: always UTF-8.
        out.push_str(std::str::from_utf8(run).unwrap_or_default());
        let Some((&b, after)) = tail.split_first() else { break };
        if !is_tab_or_newline(b) {
            push_byte(out, b, set);
        }
        rest = after;
    }
}

impl Url {
    /// Parses `input`, which must be an `https:` URL (scheme in any case);
    /// any other scheme is [`ParseError::Other`].
    pub fn parse(input: &str) -> Result<Url, ParseError> {
        let bytes = input.as_bytes();
        let mut i = bytes.iter().position(|&b| b > b' ').unwrap_or(bytes.len());
        for &expected in b"https:" {
            while bytes.get(i).copied().is_some_and(is_tab_or_newline) {
                i += 1;
            }
            if bytes.get(i).map(u8::to_ascii_lowercase) != Some(expected) {
                return Err(ParseError::Other);
            }
            i += 1;
        }
        Url::parse_after_https(input.get(i..).unwrap_or(""))
    }

    /// Parses `https:` followed by `rest`, without building that text.
    pub fn parse_after_https(rest: &str) -> Result<Url, ParseError> {
        // Trailing C0 controls and spaces go; so do tabs and newlines anywhere.
        let b = rest.as_bytes();
        let end = b.iter().rposition(|&c| c > b' ').map_or(0, |at| at + 1);
        let b = b.get(..end).unwrap_or_default();
        let mut out = String::with_capacity(b.len() + 10);
        out.push_str("https://");

        // Any run of slashes and backslashes before the authority.
        let mut i = b.iter().position(|&c| !matches!(c, b'/' | b'\\' | b'\t' | b'\n' | b'\r')).unwrap_or(b.len());

        // Userinfo: everything before the last `@` of the authority.
        let authority_end =
            b.iter().skip(i).position(|&c| matches!(c, b'/' | b'?' | b'#' | b'\\')).map_or(b.len(), |n| i + n);
        let authority = b.get(i..authority_end).unwrap_or_default();
        let mut username_end = AUTHORITY;
        if let Some(at) = authority.iter().rposition(|&c| c == b'@') {
            let userinfo = authority.get(..at).unwrap_or_default();
            let after = i + at + 1;
            match userinfo.iter().rposition(|&c| !is_tab_or_newline(c)) {
                None => {
                    let next = b.iter().skip(after).find(|&&c| !is_tab_or_newline(c));
                    if matches!(next, Some(b'/' | b'?' | b'#' | b'\\')) {
                        return Err(ParseError::EmptyHost);
                    }
                }
                Some(last) => {
                    let (mut colon, mut has_username, mut has_password) = (false, false, false);
                    for (n, &c) in userinfo.iter().enumerate() {
                        if is_tab_or_newline(c) {
                            continue;
                        }
                        if c == b':' && !colon {
                            colon = true;
                            username_end = out.len();
                            // No colon for an empty password.
                            if n < last {
                                out.push(':');
                                has_password = true;
                            }
                        } else {
                            has_username |= !has_password;
                            push_byte(&mut out, c, USERINFO);
                        }
                    }
                    if !colon {
                        username_end = out.len();
                    }
                    if has_username || has_password {
                        out.push('@');
                    }
                }
            }
            i = after;
        }

        // Host: up to `:` (outside brackets), `/`, `\`, `?` or `#`.
        let host_start = out.len();
        let mut brackets = false;
        let mut host_end_in = b.len();
        for (n, &c) in b.iter().enumerate().skip(i) {
            match c {
                b':' if !brackets => {}
                b'/' | b'\\' | b'?' | b'#' => {}
                b'[' => {
                    brackets = true;
                    continue;
                }
                b']' => {
                    brackets = false;
                    continue;
                }
                _ => continue,
            }
            host_end_in = n;
            break;
        }
        let raw = b.get(i..host_end_in).unwrap_or_default();
        let host_text: Cow<'_, [u8]> = if raw.iter().copied().any(is_tab_or_newline) {
            Cow::Owned(raw.iter().copied().filter(|&c| !is_tab_or_newline(c)).collect())
        } else {
            Cow::Borrowed(raw)
        };
        let host = parse_host(&host_text, &mut out)?;
        let host_end = out.len();
        i = host_end_in;

        // Port: digits only, up to the path; 443 is the default and dropped.
        let mut port = None;
        if b.get(i) == Some(&b':') {
            i += 1;
            let mut value: u32 = 0;
            let mut digits = false;
            while let Some(&c) = b.get(i) {
                if c.is_ascii_digit() {
                    value = value * 10 + u32::from(c - b'0');
                    if value > u32::from(u16::MAX) {
                        return Err(ParseError::InvalidPort);
                    }
                    digits = true;
                } else if matches!(c, b'/' | b'\\' | b'?' | b'#') {
                    break;
                } else if !is_tab_or_newline(c) {
                    return Err(ParseError::InvalidPort);
                }
                i += 1;
            }
            port = u16::try_from(value).ok().filter(|&p| digits && p != 443);
            if let Some(p) = port {
                out.push(':');
                crate::text::push_padded(&mut out, p.into(), 1);
            }
        }

        // Path: always at least `/`.
        let path_start = out.len();
        out.push('/');
        while b.get(i).copied().is_some_and(is_tab_or_newline) {
            i += 1;
        }
        if matches!(b.get(i), Some(b'/' | b'\\')) {
            i += 1;
        }
        i = parse_path(b, i, &mut out, path_start);

        let mut query_start = None;
        let mut fragment_start = None;
        if b.get(i) == Some(&b'?') {
            query_start = Some(out.len());
            out.push('?');
            let rest = b.get(i + 1..).unwrap_or_default();
            let end = rest.iter().position(|&c| c == b'#').unwrap_or(rest.len());
            push_encoded(&mut out, rest.get(..end).unwrap_or_default(), SPECIAL_QUERY);
            i += 1 + end;
        }
        if b.get(i) == Some(&b'#') {
            fragment_start = Some(out.len());
            out.push('#');
            push_encoded(&mut out, b.get(i + 1..).unwrap_or_default(), FRAGMENT);
        }
        Ok(Url {
            serialization: out,
            username_end,
            host_start,
            host_end,
            host,
            port,
            path_start,
            query_start,
            fragment_start,
        })
    }

    /// The serialization.
    pub fn as_str(&self) -> &str {
        &self.serialization
    }

    /// The serialization, owned.
    pub fn into_string(self) -> String {
        self.serialization
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        self.serialization.get(start..end).unwrap_or_default()
    }

    pub fn host(&self) -> Host<'_> {
        match self.host {
            HostKind::Domain => Host::Domain(self.slice(self.host_start, self.host_end)),
            HostKind::Ipv4(a) => Host::Ipv4(a),
            HostKind::Ipv6(a) => Host::Ipv6(a),
        }
    }

    /// The host as serialized (IPv6 in brackets).
    pub fn host_str(&self) -> &str {
        self.slice(self.host_start, self.host_end)
    }

    pub fn domain(&self) -> Option<&str> {
        (self.host == HostKind::Domain).then(|| self.host_str())
    }

    /// Percent-encoded; empty when there is none.
    pub fn username(&self) -> &str {
        self.slice(AUTHORITY, self.username_end)
    }

    /// Percent-encoded; `None` when there is none.
    pub fn password(&self) -> Option<&str> {
        let has = self.serialization.as_bytes().get(self.username_end) == Some(&b':');
        has.then(|| self.slice(self.username_end + 1, self.host_start.saturating_sub(1)))
    }

    /// A user name or a password (an `@` before the host).
    pub fn has_credentials(&self) -> bool {
        self.host_start > AUTHORITY
    }

    /// The port, unless absent or the default (443).
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    fn path_end(&self) -> usize {
        self.query_start.or(self.fragment_start).unwrap_or(self.serialization.len())
    }

    /// The path, percent-encoded; starts with `/`.
    pub fn path(&self) -> &str {
        self.slice(self.path_start, self.path_end())
    }

    /// The path's segments (what follows each `/`).
    pub fn path_segments(&self) -> std::str::Split<'_, char> {
        self.path().get(1..).unwrap_or_default().split('/')
    }

    pub fn query(&self) -> Option<&str> {
        let start = self.query_start?;
        Some(self.slice(start + 1, self.fragment_start.unwrap_or(self.serialization.len())))
    }

    pub fn fragment(&self) -> Option<&str> {
        Some(self.slice(self.fragment_start? + 1, self.serialization.len()))
    }

    /// The query as `application/x-www-form-urlencoded` name/value pairs
    /// (`+` is a space; percent-decoded; invalid UTF-8 replaced).
    pub fn query_pairs(&self) -> QueryPairs<'_> {
        QueryPairs { rest: self.query().unwrap_or_default().as_bytes() }
    }

    /// Replaces `start..end` of the serialization, moving the parts after it.
    fn splice(&mut self, start: usize, end: usize, with: &str) {
        if start > end || end > self.serialization.len() {
            return;
        }
        self.serialization.replace_range(start..end, with);
        let moved = |at: usize| if at >= end { at - (end - start) + with.len() } else { at };
        self.host_end = moved(self.host_end);
        self.path_start = moved(self.path_start);
        self.query_start = self.query_start.map(moved);
        self.fragment_start = self.fragment_start.map(moved);
    }

    /// As url's `set_port(None)`.
    pub fn remove_port(&mut self) {
        self.splice(self.host_end, self.path_start, "");
        self.port = None;
    }

    /// Drops the trailing dots of a domain (`doxy.me.` -> `doxy.me`), as
    /// url's `set_host` with the trimmed domain does for any domain whose
    /// last label is not a number (a host without one does nothing).
    pub fn trim_domain_dots(&mut self) {
        if let Some(domain) = self.domain() {
            let kept = domain.trim_end_matches('.').len();
            if kept > 0 {
                self.splice(self.host_start + kept, self.host_end, "");
            }
        }
    }

    /// As url's `set_query`, for a query already in serialized form (such
    /// as pairs of this URL's query joined with `&`): nothing to encode.
    pub fn set_query(&mut self, query: Option<&str>) {
        let start = self.query_start.unwrap_or(self.path_end());
        let end = self.fragment_start.unwrap_or(self.serialization.len());
        self.query_start = None;
        match query {
            Some(query) => {
                let mut text = String::with_capacity(query.len() + 1);
                text.push('?');
                text.push_str(query);
                self.splice(start, end, &text);
                self.query_start = Some(start);
            }
            None => self.splice(start, end, ""),
        }
    }

    /// As url's `set_fragment(None)`.
    pub fn remove_fragment(&mut self) {
        if let Some(start) = self.fragment_start.take() {
            self.serialization.truncate(start);
        }
    }

    /// Keeps the first `len` bytes of the path and lowercases them: as url's
    /// `set_path` with that text, which a parsed path never has a dot
    /// segment or a character to encode in.
    pub fn truncate_path(&mut self, len: usize, lowercase: bool) {
        let start = self.path_start + len.min(self.path().len());
        self.splice(start, self.path_end(), "");
        if lowercase {
            if let Some(path) = self.serialization.get_mut(self.path_start..start) {
                path.make_ascii_lowercase();
            }
        }
    }
}

impl From<Url> for String {
    fn from(url: Url) -> String {
        url.serialization
    }
}

/// Pairs of a query, as `form_urlencoded::parse` reads them.
pub struct QueryPairs<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for QueryPairs<'a> {
    type Item = (Cow<'a, str>, Cow<'a, str>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let (pair, rest) = split_at_byte(self.rest, b'&');
            self.rest = rest;
            if !pair.is_empty() {
                let (name, value) = split_at_byte(pair, b'=');
                return Some((form_decode(name), form_decode(value)));
            }
        }
    }
}

/// What comes before the first `sep` and what comes after it (empty when none).
fn split_at_byte(bytes: &[u8], sep: u8) -> (&[u8], &[u8]) {
    match bytes.iter().position(|&b| b == sep) {
        Some(at) => (bytes.get(..at).unwrap_or_default(), bytes.get(at + 1..).unwrap_or_default()),
        None => (bytes, &[]),
    }
}

/// The bytes `bytes` stand for, each `%XX` escape decoded once (an invalid
/// escape is kept as it is); with `plus_is_space`, a `+` is a space (form
/// encoding; an escaped `%2B` stays `+`). The one percent-decoder of the
/// link rules: hosts, query pairs, path segments (`shape`).
pub(crate) fn percent_decoded(bytes: &[u8], plus_is_space: bool) -> impl Iterator<Item = u8> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = *bytes.get(i)?;
        i += 1;
        // The digits are read only after a `%`.
        if b == b'%' {
            if let (Some(hi), Some(lo)) = (hex_value(bytes.get(i)), hex_value(bytes.get(i + 1))) {
                i += 2;
                return Some(hi * 16 + lo);
            }
        }
        Some(if plus_is_space && b == b'+' { b' ' } else { b })
    })
}

fn hex_value(b: Option<&u8>) -> Option<u8> {
    b.and_then(|&b| char::from(b).to_digit(16)).and_then(|d| u8::try_from(d).ok())
}

/// `+` to space, then percent-decoding, then UTF-8 (invalid bytes replaced).
fn form_decode(bytes: &[u8]) -> Cow<'_, str> {
    if !bytes.iter().any(|&b| b == b'+' || b == b'%') {
        return String::from_utf8_lossy(bytes);
    }
    let out: Vec<u8> = percent_decoded(bytes, true).collect();
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Parses the host (tabs and newlines already gone) and appends its
/// serialization.
fn parse_host(host: &[u8], out: &mut String) -> Result<HostKind, ParseError> {
    if host.is_empty() {
        return Err(ParseError::EmptyHost);
    }
    if let Some(inner) = host.strip_prefix(b"[") {
        let inner = inner.strip_suffix(b"]").ok_or(ParseError::InvalidIpv6Address)?;
        let address = parse_ipv6(inner)?;
        out.push('[');
        push_ipv6(out, &address.segments());
        out.push(']');
        return Ok(HostKind::Ipv6(address));
    }
    let decoded: Cow<'_, [u8]> =
        if host.contains(&b'%') { Cow::Owned(percent_decoded(host, false).collect()) } else { Cow::Borrowed(host) };
    let start = out.len();
    push_domain(out, &decoded)?;
    let domain = out.get(start..).unwrap_or_default();
    if domain.is_empty() {
        return Err(ParseError::EmptyHost);
    }
    // The URL standard allows `*` in a domain, and Node keeps it, but
    // Chromium reads it as `%2A`: a host browsers read differently is
    // refused (docs/url-boundary.md), where the url crate accepts it.
    if domain.contains('*') {
        return Err(ParseError::InvalidDomainCharacter);
    }
    if !ends_in_a_number(domain) {
        return Ok(HostKind::Domain);
    }
    let address = parse_ipv4(domain)?;
    out.truncate(start);
    for (n, octet) in address.octets().iter().enumerate() {
        if n > 0 {
            out.push('.');
        }
        crate::text::push_padded(out, (*octet).into(), 1);
    }
    Ok(HostKind::Ipv4(address))
}

/// UTS 46 ToASCII as idna 1.1.0 runs it for URLs with the ASCII-only
/// adapter: lowercase ASCII labels, valid `xn--` labels, nothing else.
fn push_domain(out: &mut String, domain: &[u8]) -> Result<(), ParseError> {
    for (n, label) in domain.split(|&b| b == b'.').enumerate() {
        if n > 0 {
            out.push('.');
        }
        let punycode = label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"));
        if punycode && !valid_punycode_label(label) {
            return Err(ParseError::IdnaError);
        }
        for &b in label {
            if !punycode && (b >= 0x80 || in_set(DOMAIN_DENY, b)) {
                return Err(ParseError::IdnaError);
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
    }
    Ok(())
}

/// An `xn--` label idna accepts: Punycode that decodes (the ASCII part free
/// of forbidden characters), no joiner first, at most 1000 characters
/// decoded.
fn valid_punycode_label(label: &[u8]) -> bool {
    let Some(encoded) = label.get(4..) else { return false };
    if label.last() == Some(&b'-') || encoded.len() > 2000 || !label.is_ascii() {
        return false;
    }
    let (base, digits) = match encoded.iter().rposition(|&b| b == b'-') {
        Some(0) | None => (&[][..], encoded),
        Some(at) => (encoded.get(..at).unwrap_or_default(), encoded.get(at + 1..).unwrap_or_default()),
    };
    // The decoder lowercases the ASCII part.
    if base.iter().any(|&b| b == b'.' || in_set(DOMAIN_DENY, b)) {
        return false;
    }
    // RFC 3492 decoding, counting what it inserts and what ends up first.
    const BASE: u32 = 36;
    let mut length = base.len() as u32;
    let (mut code_point, mut bias, mut i) = (0x80u32, 72u32, 0u32);
    let mut first = base.first().map(|&b| char::from(b));
    let mut digits = digits.iter();
    while let Some(mut byte) = digits.next() {
        let previous_i = i;
        let (mut weight, mut k) = (1u32, BASE);
        loop {
            let digit = match byte {
                b'0'..=b'9' => u32::from(byte - b'0') + 26,
                b'a'..=b'z' => u32::from(byte - b'a'),
                b'A'..=b'Z' => u32::from(byte - b'A'),
                _ => return false,
            };
            let Some(next_i) = digit.checked_mul(weight).and_then(|p| i.checked_add(p)) else { return false };
            i = next_i;
            let t = if k <= bias {
                1
            } else if k >= bias + 26 {
                26
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            let Some(w) = weight.checked_mul(BASE - t) else { return false };
            weight = w;
            k += BASE;
            let Some(b) = digits.next() else { return false };
            byte = b;
        }
        bias = adapt(i - previous_i, length + 1, previous_i == 0);
        let Some(cp) = code_point.checked_add(i / (length + 1)) else { return false };
        code_point = cp;
        i %= length + 1;
        let Some(c) = char::from_u32(code_point) else { return false };
        if i == 0 {
            first = Some(c);
        }
        length += 1;
        i += 1;
    }
    !matches!(first, Some('\u{200C}' | '\u{200D}')) && length <= 1000
}

fn adapt(mut delta: u32, points: u32, first_time: bool) -> u32 {
    delta /= if first_time { 700 } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

/// The last label (or the one before a trailing dot) is a number.
fn ends_in_a_number(domain: &str) -> bool {
    let mut labels = domain.rsplit('.');
    let mut last = labels.next().unwrap_or_default();
    if last.is_empty() {
        match labels.next() {
            Some(label) => last = label,
            None => return false,
        }
    }
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last.as_bytes()).is_ok()
}

/// A decimal, `0x` hex or `0` octal number; `Ok(None)` when it does not fit 32 bits.
fn ipv4_number(text: &[u8]) -> Result<Option<u32>, ()> {
    if text.is_empty() {
        return Err(());
    }
    let (radix, digits) = match text {
        [b'0', b'x' | b'X', rest @ ..] => (16, rest),
        [b'0', rest @ ..] if !rest.is_empty() => (8, rest),
        _ => (10, text),
    };
    let mut value: Option<u32> = Some(0);
    for &b in digits {
        let digit = char::from(b).to_digit(radix).ok_or(())?;
        value = value.and_then(|v| v.checked_mul(radix)).and_then(|v| v.checked_add(digit));
    }
    Ok(value)
}

fn parse_ipv4(domain: &str) -> Result<Ipv4Addr, ParseError> {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let mut numbers = [0u32; 4];
    let mut count = 0;
    for part in domain.split('.') {
        let slot = numbers.get_mut(count).ok_or(ParseError::InvalidIpv4Address)?;
        *slot = ipv4_number(part.as_bytes()).ok().flatten().ok_or(ParseError::InvalidIpv4Address)?;
        count += 1;
    }
    let (last, rest) = numbers.get(..count).and_then(<[u32]>::split_last).ok_or(ParseError::InvalidIpv4Address)?;
    let shift = 8 * rest.len() as u32;
    if u64::from(*last) > u64::from(u32::MAX) >> shift || rest.iter().any(|&n| n > 255) {
        return Err(ParseError::InvalidIpv4Address);
    }
    let mut address = *last;
    for (n, part) in rest.iter().enumerate() {
        address += part << (8 * (3 - n as u32));
    }
    Ok(Ipv4Addr::from(address))
}

/// The IPv6 parser of the URL Standard (`[` and `]` already removed).
fn parse_ipv6(input: &[u8]) -> Result<Ipv6Addr, ParseError> {
    const ERR: ParseError = ParseError::InvalidIpv6Address;
    let at = |i: usize| input.get(i).copied();
    let len = input.len();
    let mut pieces = [0u16; 8];
    let mut piece = 0usize;
    let mut compress = None;
    let mut i = 0;
    if len < 2 {
        return Err(ERR);
    }
    if at(0) == Some(b':') {
        if at(1) != Some(b':') {
            return Err(ERR);
        }
        i = 2;
        piece = 1;
        compress = Some(1);
    }
    let mut ipv4 = false;
    while i < len {
        if piece == 8 {
            return Err(ERR);
        }
        if at(i) == Some(b':') {
            if compress.is_some() {
                return Err(ERR);
            }
            i += 1;
            piece += 1;
            compress = Some(piece);
            continue;
        }
        let start = i;
        let mut value = 0u16;
        while i < len.min(start + 4) {
            match at(i).and_then(|b| char::from(b).to_digit(16)) {
                Some(digit) => {
                    value = value * 16 + digit as u16;
                    i += 1;
                }
                None => break,
            }
        }
        match at(i) {
            None => {}
            Some(b'.') => {
                if i == start || piece > 6 {
                    return Err(ERR);
                }
                i = start;
                ipv4 = true;
                break;
            }
            Some(b':') => {
                i += 1;
                if i == len {
                    return Err(ERR);
                }
            }
            Some(_) => return Err(ERR),
        }
        *pieces.get_mut(piece).ok_or(ERR)? = value;
        piece += 1;
    }
    if ipv4 {
        let mut seen = 0;
        while i < len {
            if seen > 0 {
                if seen < 4 && at(i) == Some(b'.') {
                    i += 1;
                } else {
                    return Err(ERR);
                }
            }
            let mut number: Option<u16> = None;
            while let Some(b @ b'0'..=b'9') = at(i) {
                let digit = u16::from(b - b'0');
                number = match number {
                    None => Some(digit),
                    Some(0) => return Err(ERR),
                    Some(v) if v * 10 + digit > 255 => return Err(ERR),
                    Some(v) => Some(v * 10 + digit),
                };
                i += 1;
            }
            let slot = pieces.get_mut(piece).ok_or(ERR)?;
            *slot = *slot * 0x100 + number.ok_or(ERR)?;
            seen += 1;
            if seen == 2 || seen == 4 {
                piece += 1;
            }
        }
        if seen != 4 {
            return Err(ERR);
        }
    }
    match compress {
        Some(compress) => {
            let mut swaps = piece - compress;
            let mut to = 7;
            while swaps > 0 {
                pieces.swap(to, compress + swaps - 1);
                swaps -= 1;
                to -= 1;
            }
        }
        None if piece != 8 => return Err(ERR),
        None => {}
    }
    Ok(Ipv6Addr::from(pieces))
}

/// RFC 5952 text: lowercase hex, the first longest run of two or more zero
/// pieces as `::`.
fn push_ipv6(out: &mut String, pieces: &[u16; 8]) {
    let (mut best, mut best_len, mut run) = (8, 1, None::<usize>);
    for n in 0..=8 {
        match (pieces.get(n), run) {
            (Some(0), None) => run = Some(n),
            (Some(0), Some(_)) => {}
            (_, Some(start)) => {
                if n - start > best_len {
                    (best, best_len) = (start, n - start);
                }
                run = None;
            }
            _ => {}
        }
    }
    let mut n = 0;
    while n < 8 {
        if n == best {
            out.push_str(if n == 0 { "::" } else { ":" });
            n += best_len;
            if n >= 8 {
                break;
            }
        }
        let piece = pieces.get(n).copied().unwrap_or(0);
        let mut started = false;
        for shift in [12, 8, 4, 0] {
            let digit = (piece >> shift) & 15;
            if digit != 0 || started || shift == 0 {
                started = true;
                out.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
            }
        }
        if n < 7 {
            out.push(':');
        }
        n += 1;
    }
}

/// The path state of the URL Standard, for a special URL: `\` is `/`, dot
/// segments (also `%2e`) are resolved. Returns where the path ends.
fn parse_path(b: &[u8], mut i: usize, out: &mut String, path_start: usize) -> usize {
    loop {
        let segment_start = out.len();
        let rest = b.get(i..).unwrap_or_default();
        let len = rest.iter().position(|&c| matches!(c, b'?' | b'#' | b'/' | b'\\')).unwrap_or(rest.len());
        push_encoded(out, rest.get(..len).unwrap_or_default(), PATH);
        i += len;
        let slash = matches!(b.get(i), Some(b'/' | b'\\'));
        if slash {
            out.push('/');
            i += 1;
        }
        let segment = out.get(segment_start..out.len() - usize::from(slash)).unwrap_or_default();
        match dot_segment(segment.as_bytes()) {
            2 => {
                out.truncate(segment_start);
                if out.ends_with('/') && last_slash_can_be_removed(out, path_start) {
                    out.pop();
                }
                // Shorten the path: drop its last segment.
                if out.len() > path_start {
                    if let Some(last) = out.get(path_start..).and_then(|p| p.rfind('/')) {
                        out.truncate(path_start + last + 1);
                    }
                }
                if slash && !out.ends_with('/') {
                    out.push('/');
                }
            }
            1 => {
                out.truncate(segment_start);
                if !out.ends_with('/') {
                    out.push('/');
                }
            }
            _ => {}
        }
        if !slash {
            return i;
        }
    }
}

/// 1 for `.`, 2 for `..` (either dot may be written `%2e` or `%2E`), else 0.
fn dot_segment(mut segment: &[u8]) -> u8 {
    let mut dots = 0;
    while !segment.is_empty() {
        segment = match segment {
            [b'.', rest @ ..] => rest,
            [b'%', b'2', b'e' | b'E', rest @ ..] => rest,
            _ => return 0,
        };
        dots += 1;
    }
    if dots <= 2 {
        dots
    } else {
        0
    }
}

/// url 2.5.8 keeps the slash before a `..` when the segment before it looks
/// like a Windows drive letter (`/c:/..` stays `/c:/`), even for https.
fn last_slash_can_be_removed(out: &str, path_start: usize) -> bool {
    let before = out.get(..out.len().saturating_sub(1)).unwrap_or_default();
    match before.rfind('/') {
        Some(at) => at >= path_start && !drive_letter_segment(out.as_bytes().get(at..).unwrap_or_default()),
        None => false,
    }
}

fn drive_letter_segment(text: &[u8]) -> bool {
    match text {
        [b'/' | b'\\' | b'?' | b'#', letter, b':' | b'|', rest @ ..] => {
            letter.is_ascii_alphabetic() && matches!(rest.first(), None | Some(b'/' | b'\\' | b'?' | b'#'))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<String, ParseError> {
        Url::parse(s).map(Url::into_string)
    }

    #[test]
    fn examples() {
        assert_eq!(parse("https://Doxy.ME/DrSmith?a=b#c").as_deref(), Ok("https://doxy.me/DrSmith?a=b#c"));
        assert_eq!(parse("https:\\\\0x7f.1:443/a/../b/./c").as_deref(), Ok("https://127.0.0.1/b/c"));
        assert_eq!(parse("https://[::1]:8080").as_deref(), Ok("https://[::1]:8080/"));
        assert_eq!(parse("https://u:p@h/").as_deref(), Ok("https://u:p@h/"));
        assert_eq!(parse("https://h:x/"), Err(ParseError::InvalidPort));
        assert_eq!(parse("https://1.2.3.256/"), Err(ParseError::InvalidIpv4Address));
        assert_eq!(parse("https://d\u{f6}xy.me/"), Err(ParseError::IdnaError));
        assert_eq!(parse("https:///x").as_deref(), Ok("https://x/"));
        assert_eq!(parse("https://?x"), Err(ParseError::EmptyHost));
        assert_eq!(parse("http://x"), Err(ParseError::Other));
        // Chromium reads `*` in a host as `%2A`.
        assert_eq!(parse("https://a*b.com/"), Err(ParseError::InvalidDomainCharacter));
        assert_eq!(parse("https://a%2Ab.com/"), Err(ParseError::InvalidDomainCharacter));
    }

    #[test]
    fn setters() {
        let mut url = Url::parse("https://doxy.me.:80/A/B//?x=1&y=2#f").unwrap();
        url.remove_port();
        url.trim_domain_dots();
        url.set_query(Some("y=2"));
        url.remove_fragment();
        url.truncate_path(4, true);
        assert_eq!(url.as_str(), "https://doxy.me/a/b?y=2");
        assert_eq!(url.query_pairs().next(), Some(("y".into(), "2".into())));
    }
}
