//! The `instructions` kind: text shown to clients before they join. It is
//! plain text: no markup, no dial-in numbers (sessions need video), no
//! links other than the telehealth link itself, and no `http://` links.

use serde::Serialize;

use crate::code::params;
use crate::date::Date;
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::ObjectWriter;
use crate::request::InstructionsRequest;

/// Longest instructions accepted, in characters.
pub const MAX_CHARS: usize = 1000;

/// At most this many `other_link` findings, and as many `https_required`, are reported.
const MAX_LINKS_REPORTED: usize = 5;

/// The scheme that gets `https_required` (any case: `HTTP://`).
const HTTP: &str = "http://";

/// Words after which a number is an ID or code, not a phone number.
const ID_WORDS: &[&str] = &["meeting id", "id:", "id #", "id", "passcode", "password", "pin", "code", "room"];

/// Text that makes a browser run script.
const SCRIPT_MARKERS: &[&str] = &["javascript:", "vbscript:", "data:text/html"];

const FIELD: &str = "input";

/// The answer to an `instructions` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstructionsReport {
    /// `reject` when any finding is an error, `review` when the worst is a warning.
    pub verdict: Verdict,
    /// Everything the rules noticed.
    pub findings: Vec<Finding>,
    /// Only for a value being typed (`typing`): whether every error and
    /// warning is final.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub settled: Option<bool>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

impl InstructionsReport {
    pub(crate) fn write_fields(&self, w: &mut ObjectWriter<'_>) {
        w.field("verdict", &self.verdict).field("findings", &self.findings);
        if let Some(settled) = &self.settled {
            w.field("settled", settled);
        }
        w.field("ruleset", self.ruleset);
    }
}

/// Applies the instructions rules; `as_of` is passed on to the link rules.
#[must_use]
pub fn check(request: &InstructionsRequest, as_of: Date) -> InstructionsReport {
    let input = request.input.as_deref().unwrap_or("");
    let findings = judge(input, request.link.as_deref(), as_of, request.typing);
    let settled = request.typing.then(|| crate::finding::settled(&findings));
    InstructionsReport { verdict: Verdict::from_findings(&findings), findings, settled, ruleset: RULESET, locale: None }
}

/// The findings on `input`; when `typing`, each says whether it is final:
/// whatever was written before a link or a phone number stays, and only
/// the link or the number the text ends in can still change (a link can
/// grow into the provider's own link, a number into one too long to be a
/// phone number or into part of a link), as can whitespace at the end.
fn judge(input: &str, own_link: Option<&str>, as_of: Date, typing: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let chars = input.chars().count();
    if chars > MAX_CHARS {
        findings.push(Finding::new(FIELD, ours(message::too_long(chars))));
        if typing {
            mark(&mut findings, 0);
        }
        return findings;
    }
    let text = crate::text::trim_ws(input);
    // Where `text` starts in `input`, and whether whitespace follows it.
    let lead = text.as_ptr() as usize - input.as_ptr() as usize;
    let trailing_space = lead + text.len() != input.len();
    // Bit n: finding n can still go (it is about the end of the text).
    let mut open = 0u32;
    if text.len() != input.len() {
        open |= u32::from(lead == 0);
        findings.push(Finding::new(FIELD, ours(message::whitespace_trimmed())));
    }
    if has_markup(text) {
        findings.push(Finding::new(FIELD, ours(params::MarkupNotAllowed::new())));
    }
    let own = own_link.and_then(|l| crate::link::check(l, as_of).normalized);
    let mut without_links = text.to_owned();
    let mut reported: Vec<String> = Vec::new();
    let mut insecure: Vec<String> = Vec::new();
    for (start, len) in links(text) {
        let Some(link) = text.get(start..start + len) else { continue };
        // Still growing: nothing but what can be part of it follows.
        let at_end = !trailing_space && no_space(text.as_bytes().get(start + len..).unwrap_or_default());
        without_links.replace_range(start..start + len, &" ".repeat(len));
        let normalized = crate::link::check(link, as_of).normalized.unwrap_or_else(|| link.to_owned());
        // The scheme and whose link it is are separate problems, reported
        // separately (as the link kind reports every problem at once): an
        // http link is `https_required` even when it is the provider's own
        // (contract v1.1), and also `other_link` when it is not. No fix: the
        // field is the whole text, and the message gives the https form.
        let after_http = link
            .get(..HTTP.len())
            .filter(|s| s.eq_ignore_ascii_case(HTTP))
            .and(link.get(HTTP.len()..))
            .filter(|rest| !rest.is_empty());
        if let Some(rest) = after_http {
            if !insecure.contains(&normalized) && insecure.len() < MAX_LINKS_REPORTED {
                findings.push(Finding::new(FIELD, ours(message::https_required(link, rest))));
                insecure.push(normalized.clone());
            }
        }
        if own.as_deref() != Some(normalized.as_str())
            && !reported.contains(&normalized)
            && reported.len() < MAX_LINKS_REPORTED
        {
            open |= u32::from(at_end) << findings.len();
            findings.push(Finding::new(FIELD, ours(params::OtherLink::new().link(normalized.clone()))));
            reported.push(normalized);
        }
    }
    if let Some((number, at_end)) = find_phone_number(&without_links) {
        open |= u32::from(at_end) << findings.len();
        findings.push(Finding::new(FIELD, ours(params::PhoneNumber::new().number(number))));
    }
    if typing {
        mark(&mut findings, open);
    }
    findings
}

/// Each finding's `final`: all but those whose bit is set in `open`
/// (there are at most 13 findings).
#[inline(never)]
fn mark(findings: &mut [Finding], open: u32) {
    for (n, f) in findings.iter_mut().enumerate() {
        f.is_final = Some((open >> n.min(31)) & 1 == 0);
    }
}

/// No whitespace in `text`: a word still being typed goes on through it
/// (only ASCII whitespace counts: taking a rarer space for part of the word
/// at worst leaves a finding provisional).
fn no_space(text: &[u8]) -> bool {
    !text.iter().any(u8::is_ascii_whitespace)
}

/// HTML tags, comments or declarations (`<b>`, `</p>`, `<!--`, `<?`), or a
/// script scheme anywhere.
fn has_markup(text: &str) -> bool {
    let tag = text.match_indices('<').any(|(at, _)| {
        text.get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    });
    let lower = text.to_ascii_lowercase();
    tag || SCRIPT_MARKERS.iter().any(|m| lower.contains(m))
}

/// Where the links in the text are, as (byte offset, length): URLs with a
/// scheme wherever they start (also inside markup), and words that are a
/// `www.` name or a site name with a path (`doxy.me/drsmith`). A bare name
/// such as `Doxy.me` is prose, not a link.
fn links(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let ends_link = |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`');
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (start, _) in lower.match_indices("http") {
        let tail = lower.get(start..).unwrap_or("");
        let is_url = tail.starts_with("http://") || tail.starts_with("https://");
        let inside_previous = found.last().is_some_and(|(s, l)| start < s + l);
        if is_url && !inside_previous {
            let raw = text.get(start..).unwrap_or("");
            let len = raw.find(ends_link).unwrap_or(raw.len());
            let trimmed = crate::link::scan::trim_punctuation(raw.get(..len).unwrap_or(""));
            found.push((start, trimmed.len()));
        }
    }
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let bare = crate::text::trim_ws(word);
        let token = crate::link::scan::trim_punctuation(bare);
        let lower = token.to_ascii_lowercase();
        let is_bare_link = !lower.contains("://")
            && ((lower.starts_with("www.") && lower.len() > 4)
                || (token.contains('/') && crate::link::scan::looks_like_host(token)));
        if is_bare_link {
            let lead = word.find(token).unwrap_or(0);
            found.push((offset + lead, token.len()));
        }
        offset += word.len();
    }
    found
}

/// The first phone number in the text, if any: 10 to 15 digits written with
/// phone punctuation, not right after a word such as "Meeting ID". `tel:`
/// links count too.
#[cfg(test)]
fn phone_number(text: &str) -> Option<String> {
    find_phone_number(text).map(|(number, _)| number)
}

/// The first phone number in the text, and whether more text typed at the
/// end could still change it: nothing follows its run of phone characters,
/// or (no space between) a word that can still become a link and take the
/// digits with it. A `tel:` link is what it is.
fn find_phone_number(text: &str) -> Option<(String, bool)> {
    let lower = text.to_ascii_lowercase();
    if let Some(at) = lower.find("tel:") {
        return Some((text.get(at..).unwrap_or("").split_whitespace().next().unwrap_or("tel:").to_owned(), false));
    }
    let is_phone_char = |c: char| {
        c.is_ascii_digit()
            || c == ' '
            || (crate::link::scan::PHONE_PUNCTUATION.contains(&c) && !matches!(c, ',' | '#' | '*' | ';' | '/'))
    };
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(') {
        let run_text = rest.get(start..).unwrap_or("");
        let run_len = run_text.find(|c: char| !is_phone_char(c)).unwrap_or(run_text.len());
        let run = run_text.get(..run_len).unwrap_or("").trim_end_matches(|c: char| !c.is_ascii_digit());
        let digits = run.bytes().filter(u8::is_ascii_digit).count();
        let at = offset + start;
        let from = (0..=at.saturating_sub(24)).rev().find(|i| lower.is_char_boundary(*i)).unwrap_or(0);
        let before = lower.get(from..at).unwrap_or("");
        let before = before.trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '#');
        let after_id_word = ID_WORDS.iter().any(|w| before.ends_with(w.trim_end_matches([':', '#', ' '])));
        if (10..=15).contains(&digits) && !after_id_word {
            let bytes = text.as_bytes();
            let rest = bytes.get(at + run_len..).unwrap_or_default();
            let spaced = bytes.get(at + run_len - 1).is_some_and(u8::is_ascii_whitespace);
            let open = rest.is_empty() || (!spaced && no_space(rest));
            return Some((run.trim().to_owned(), open));
        }
        let advance = start + run_len.max(1);
        offset += advance;
        rest = rest.get(advance..).unwrap_or("");
    }
    None
}

/// `params`, which must be of a code of instructions reports (the codes
/// table's `kinds`): a finding here can be of no other.
#[inline(always)]
fn ours<P: params::kind::Instructions>(params: P) -> P {
    params
}

/// The params of the instructions findings (the words are in the message catalog).
mod message {
    use super::MAX_CHARS;
    use crate::code::params::{
        HttpsRequired, HttpsRequiredSubject, TooLong, TooLongSubject, WhitespaceTrimmed, WhitespaceTrimmedSubject,
    };

    pub fn too_long(chars: usize) -> TooLong {
        TooLong::new()
            .subject(TooLongSubject::Instructions)
            .chars(crate::text::decimal(chars))
            .max(crate::text::decimal(MAX_CHARS))
    }

    pub fn whitespace_trimmed() -> WhitespaceTrimmed {
        WhitespaceTrimmed::new().subject(WhitespaceTrimmedSubject::Instructions)
    }

    /// `rest` is the link after `http://`.
    pub fn https_required(link: &str, rest: &str) -> HttpsRequired {
        HttpsRequired::new().subject(HttpsRequiredSubject::Instructions).link(link.to_owned()).rest(rest.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    #[test]
    fn phones() {
        assert_eq!(phone_number("Call (646) 558-8656 if stuck").as_deref(), Some("(646) 558-8656"));
        assert_eq!(phone_number("Meeting ID: 123 456 7890"), None);
        assert_eq!(phone_number("Passcode 1234567890"), None);
        assert_eq!(phone_number("On 2026-11-26 at 10:30"), None);
        assert_eq!(phone_number("+44 20 7946 0958").as_deref(), Some("+44 20 7946 0958"));
        assert!(phone_number("tel:+16465588656").is_some());
    }

    #[test]
    fn https_required_needs_a_link_after_the_scheme() {
        let codes = |text: &str| -> Vec<Code> {
            judge(text, Some("https://doxy.me/drsmith"), Date::parse("2026-11-26").unwrap(), false)
                .iter()
                .map(|f| f.code)
                .collect()
        };
        assert_eq!(codes("Join at http://doxy.me/drsmith"), [Code::HttpsRequired]);
        assert!(!codes("Links start with http:// or https://").contains(&Code::HttpsRequired));
    }

    #[test]
    fn markup() {
        assert!(has_markup("<b>hi</b>"));
        assert!(has_markup("click JavaScript:alert(1)"));
        assert!(!has_markup("I <3 you, and 2 < 3"));
    }
}
