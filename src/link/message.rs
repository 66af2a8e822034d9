//! The params of each link finding: the values its message uses. The words
//! are in the message catalog (`messages/<locale>.json`), so they can change
//! (or be translated) without touching a decision.

use super::url::ParseError;
use super::MAX_CHARS;
use crate::messages::Params;

const SUBJECT: (&str, &str) = ("subject", "link");

fn subject() -> Params {
    Params::new().with(SUBJECT.0, SUBJECT.1)
}

pub fn too_long(chars: usize) -> Params {
    subject().with("chars", crate::text::decimal(chars)).with("max", crate::text::decimal(MAX_CHARS))
}

pub fn empty() -> Params {
    subject()
}

pub fn whitespace_trimmed() -> Params {
    subject()
}

pub fn invisible_characters() -> Params {
    Params::new().with("reason", "invisible")
}

pub fn lookalike_characters() -> Params {
    Params::new().with("reason", "lookalike")
}

/// Not a link, for `reason` (`none`, `no_host`).
pub fn not_a_url(reason: &'static str) -> Params {
    Params::new().with("reason", reason)
}

/// Not a link: the WHATWG parser's error, as a stable key.
pub fn not_a_url_error(e: ParseError) -> Params {
    let error = match e {
        ParseError::EmptyHost => "empty_host",
        ParseError::IdnaError => "idna",
        ParseError::InvalidPort => "invalid_port",
        ParseError::InvalidIpv4Address => "invalid_ipv4",
        ParseError::InvalidIpv6Address => "invalid_ipv6",
        ParseError::InvalidDomainCharacter => "invalid_domain_character",
        ParseError::Other => "other",
    };
    Params::new().with("reason", "url_error").with("error", error)
}

pub fn incomplete_host(host: &str) -> Params {
    Params::new().with("reason", "incomplete_host").with("host", host.to_owned())
}

pub fn https_required() -> Params {
    subject()
}

pub fn unsupported_scheme(scheme: &str) -> Params {
    Params::new().with("scheme", scheme.to_owned())
}

pub fn audio_only_phone() -> Params {
    Params::new().with("reason", "phone_number")
}

pub fn audio_only_service(platform: &'static str) -> Params {
    Params::new().with("reason", "dial_in").with("platform", platform)
}

pub fn host(host: &str) -> Params {
    Params::new().with("host", host.to_owned())
}

pub fn lookalike_host(known: &'static str, host: &str) -> Params {
    Params::new().with("known", known).with("host", host.to_owned())
}

pub fn wrapped_link(platform: &'static str, has_inner: bool) -> Params {
    Params::new().with("inner", if has_inner { "readable" } else { "unreadable" }).with("platform", platform)
}

/// `platform` alone: start links, rooms, consumer and public apps, ...
pub fn platform(platform: &'static str) -> Params {
    Params::new().with("platform", platform)
}

pub fn platform_retired(platform: &'static str, since: String) -> Params {
    Params::new().with("platform", platform).with("since", since)
}
