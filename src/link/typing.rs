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

use super::registry::{Entry, Hosts, ENTRIES};
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
    /// The path can still grow into a room shape.
    pub path_room: bool,
    /// The text ends in a query key (no `=` yet).
    pub query_key: bool,
}

/// Quotes and brackets a pasted link may start with.
const OPENERS: &[char] = &['<', '(', '[', '"', '\'', '\u{201C}', '\u{2018}'];

impl Open {
    /// What the scheme and host of `text` (a link, trimmed) leave open.
    pub(super) fn of_text(&mut self, text: &str) {
        // A link inside a wrapper starts afresh (what was trimmed before either stays).
        *self = Open { lead_space: self.lead_space, lead_punctuation: self.lead_punctuation, ..Open::default() };
        let bare = text.trim_start_matches(OPENERS);
        self.scheme = "https://".get(..bare.len()).is_some_and(|head| head.eq_ignore_ascii_case(bare));
        self.quoted = bare.len() != text.len();
        self.host = super::scan::host_is_last(text);
    }

    /// What the host and path of a parsed link on a known platform leave open.
    pub(super) fn of_url(&mut self, url: &Url, host: &str, entry: &Entry, segments: &[&str]) {
        self.host_grows = self.host && grows(host);
        let path_open = url.query().is_none() && url.fragment().is_none();
        if path_open {
            let last_open = !url.path().ends_with('/') && !segments.is_empty();
            self.path_better = shape::reachable(entry.shapes, entry.otherwise, segments, last_open, false);
            self.path_room = shape::reachable(entry.shapes, entry.otherwise, segments, last_open, true);
        }
        self.query_key = url.query().is_some_and(|q| !q.rsplit('&').next().unwrap_or(q).contains('='));
    }

    /// Whether a finding with `code` stays whatever is typed after the link.
    pub(super) fn is_final(&self, code: Code) -> bool {
        match code {
            Code::Empty => false,
            Code::WhitespaceTrimmed => self.lead_space,
            Code::PunctuationTrimmed => self.lead_punctuation,
            Code::NotAUrl => !(self.scheme || self.host || self.quoted),
            Code::IpAddressHost | Code::LookalikeHost | Code::UnknownPlatform => !self.host,
            Code::UrlShortener
            | Code::ConsumerPlatform
            | Code::PublicPlatform
            | Code::PlatformRetired
            | Code::NoWaitingRoom
            | Code::AudioOnly => !self.host_grows,
            Code::NotAMeetingLink | Code::MalformedMeetingId | Code::WebinarLink => {
                !(self.path_better || self.host_grows)
            }
            Code::ExpiringLink => !(self.path_room || self.host_grows),
            Code::HostStartLink => !(self.path_better || self.query_key || self.host_grows),
            Code::TrackingRemoved => !self.query_key,
            // The scheme, credentials, lookalike characters, a wrapper, a
            // length over the limit: nothing typed after them goes back.
            _ => true,
        }
    }
}

/// Whether `host`, or its labels after any dot, begin a longer known domain:
/// `zoom.u`, `acme.zo`, `teams.microsoft.co`.
fn grows(host: &str) -> bool {
    let starts = std::iter::once(0).chain(host.match_indices('.').map(|(at, _)| at + 1));
    starts
        .filter_map(|at| host.get(at..))
        .any(|tail| ENTRIES.iter().flat_map(|e| e.domains).any(|d| d.len() > tail.len() && d.starts_with(tail)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_that_grow() {
        assert!(grows("zoom.u"));
        assert!(grows("acme.zo"));
        assert!(grows("teams.microsoft.co"));
        assert!(!grows("zoom.us"));
        assert!(!grows("example.org"));
    }
}
