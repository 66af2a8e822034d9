//! A link still being typed (`"typing": true`): which findings more text
//! typed at the end could still remove (`final: false`), decided from what
//! the rules know of links, not from a list of codes:
//! - the text so far begins `https://`: everything can still change;
//! - the host is the last thing typed: it can still grow into a known
//!   platform's host (`https://zoom.u`), or into another host altogether;
//! - the path is the last thing typed: it can still grow into one of the
//!   platform's link shapes (`https://zoom.us/j` before the meeting ID);
//! - the text ends in a query key (`?zak`, `?fbclid`): the key can still grow;
//! - punctuation or whitespace after the link goes when more is typed.
//!
//! What nothing typed after it removes is final: a missing or non-web
//! scheme (`http://`, `javascript:`), lookalike characters, credentials, a
//! host that names a consumer, public, dial-in or retired service (unless
//! it is the beginning of a longer known host), a start, webinar or
//! expiring link whose path can grow into no room shape, and whatever was
//! trimmed before the link.

use super::registry::{Class, Entry, Hosts, WaitingRoom, ENTRIES};
use super::shape;
use super::url::Url;
use crate::code::Code;

/// What is still open at the end of the link being judged (the innermost
/// one, for a wrapped link).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Open {
    /// Whitespace was trimmed before the link.
    pub lead_space: bool,
    /// Punctuation (a bracket, a quote) was trimmed before the link.
    pub lead_punctuation: bool,
    /// The text is a beginning of `https://`.
    pub scheme: bool,
    /// The text starts with a quote or bracket not trimmed yet (its closing
    /// one is still to come): the link inside is read once it is.
    pub quoted: bool,
    /// Nothing follows the host.
    pub host: bool,
    /// Nothing follows the host, and it (or its last labels) begins a
    /// longer known domain.
    pub host_grows: bool,
    /// The path can still grow into a room or expiring link shape.
    pub path_better: bool,
    /// The text ends in a query key (no `=` yet).
    pub query_key: bool,
}

impl Open {
    /// What the scheme and host of `text` (a link, trimmed) leave open.
    #[inline(never)]
    pub(super) fn of_text(&mut self, text: &str) {
        // A link inside a wrapper starts afresh (what was trimmed before either stays).
        *self = Open { lead_space: self.lead_space, lead_punctuation: self.lead_punctuation, ..Open::default() };
        // A quote is trimmed only with its closing one: until then it starts the text.
        let quotes = text.bytes().take_while(|b| matches!(b, b'"' | b'\'')).count();
        let bare = text.get(quotes..).unwrap_or_default();
        self.scheme = "https://".get(..bare.len()).is_some_and(|head| head.eq_ignore_ascii_case(bare));
        self.quoted = quotes > 0;
    }

    /// Nothing follows the host of the parsed link (`None`: the text could
    /// not be parsed, so what it becomes is left open).
    pub(super) fn host_is_last(&mut self, url: Option<&Url>, text: &str) {
        self.host = url.is_none_or(|url| {
            url.path() == "/"
                && url.query().is_none()
                && url.fragment().is_none()
                && !matches!(text.as_bytes().last(), Some(b'/' | b'\\'))
        });
    }

    /// What the host and path of a parsed link on a known platform leave open.
    pub(super) fn of_url(&mut self, url: &Url, host: &str, entry: &Entry, segments: &[&str]) {
        self.host_grows = self.host && grows(host);
        let path_open = url.query().is_none() && url.fragment().is_none();
        if path_open {
            let last_open = !url.path().ends_with('/') && !segments.is_empty();
            self.path_better = shape::reachable(entry.shapes, entry.otherwise, segments, last_open);
        }
        // The last pair has no `=` yet.
        self.query_key = url.query().is_some_and(|q| !q.bytes().rev().take_while(|b| *b != b'&').any(|b| b == b'='));
    }

    /// Marks each finding final or not, and says whether the report is settled.
    #[inline(never)]
    pub(super) fn mark(&self, findings: &mut [crate::finding::Finding]) -> bool {
        let open = self.open_codes();
        for f in findings.iter_mut() {
            f.is_final = Some(open & bit(f.code) == 0);
        }
        crate::finding::settled(findings)
    }

    /// The codes whose findings more text typed after the link could still
    /// remove, as bits; every other finding is final (the scheme,
    /// credentials, lookalike characters, a wrapper, a length over the limit).
    fn open_codes(&self) -> u64 {
        const HOST: u64 = bit(Code::IpAddressHost) | bit(Code::LookalikeHost) | bit(Code::UnknownPlatform);
        const SERVICE: u64 = bit(Code::UrlShortener)
            | bit(Code::ConsumerPlatform)
            | bit(Code::PublicPlatform)
            | bit(Code::PlatformRetired)
            | bit(Code::NoWaitingRoom)
            | bit(Code::AudioOnly);
        // An expiring link whose path can still grow is left open too,
        // though only a room would remove it.
        const PATH: u64 = bit(Code::NotAMeetingLink)
            | bit(Code::MalformedMeetingId)
            | bit(Code::WebinarLink)
            | bit(Code::ExpiringLink)
            | bit(Code::HostStartLink);
        const KEY: u64 = bit(Code::HostStartLink) | bit(Code::TrackingRemoved);
        let when = |yes: bool, bits: u64| if yes { bits } else { 0 };
        bit(Code::Empty)
            | when(!self.lead_space, bit(Code::WhitespaceTrimmed))
            | when(!self.lead_punctuation, bit(Code::PunctuationTrimmed))
            | when(self.scheme || self.host || self.quoted, bit(Code::NotAUrl))
            | when(self.host, HOST)
            | when(self.host_grows, SERVICE | PATH)
            | when(self.path_better, PATH)
            | when(self.query_key, KEY)
    }
}

/// A code as a bit (there are fewer than 64 codes: the shift would not
/// compile otherwise, as every use is a constant or checked by a unit test).
const fn bit(code: Code) -> u64 {
    1 << code as u8
}

/// Whether `host` begins a longer meeting platform's domain, or its labels
/// after a dot begin one whose subdomains count: `zoom.u`, `acme.zo`,
/// `teams.microsoft.co` (only a meeting platform with a waiting room can be
/// better than what the host is now).
fn grows(host: &str) -> bool {
    for entry in ENTRIES {
        let Class::Meeting { waiting_room } = entry.class else { continue };
        if waiting_room == WaitingRoom::None {
            continue;
        }
        for domain in entry.domains {
            // The whole host, then (for platforms whose subdomains count) the labels after each dot.
            let mut tail = host;
            loop {
                if domain.len() > tail.len() && domain.starts_with(tail) {
                    return true;
                }
                match tail.bytes().position(|b| b == b'.') {
                    Some(dot) if entry.hosts == Hosts::AndSubdomains => tail = tail.get(dot + 1..).unwrap_or_default(),
                    _ => break,
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_bit() {
        assert!(Code::ALL.len() <= 64);
        assert!(Code::ALL.iter().all(|c| (*c as u8) < 64 && bit(*c) != 0));
    }

    #[test]
    fn hosts_that_grow() {
        assert!(grows("zoom.u"));
        assert!(grows("acme.zo"));
        assert!(grows("teams.microsoft.co"));
        assert!(!grows("zoom.us"));
        assert!(!grows("example.org"));
    }
}
