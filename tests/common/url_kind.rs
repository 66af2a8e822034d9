//! The `url` crate's error as `link::url`'s kind: shared by
//! tests/url_differential.rs and fuzz/fuzz_targets/url_differential.rs.

use telehealth_rules::link::url::ParseError;

pub fn kind(e: url::ParseError) -> ParseError {
    match e {
        url::ParseError::EmptyHost => ParseError::EmptyHost,
        url::ParseError::IdnaError => ParseError::IdnaError,
        url::ParseError::InvalidPort => ParseError::InvalidPort,
        url::ParseError::InvalidIpv4Address => ParseError::InvalidIpv4Address,
        url::ParseError::InvalidIpv6Address => ParseError::InvalidIpv6Address,
        url::ParseError::InvalidDomainCharacter => ParseError::InvalidDomainCharacter,
        _ => ParseError::Other,
    }
}

/// Whether `link::url` refusing `text` with `InvalidDomainCharacter` where
/// the `url` crate fails otherwise is the one deliberate difference, a domain
/// with `*` (docs/url-boundary.md), written or percent-encoded: `link::url`
/// refuses such a host as soon as it reads it, before the port or an IPv4
/// form, as the URL standard does a host with a forbidden code point; the
/// `url` crate takes the `*` and fails on one of those later. It is that
/// difference when the `url` crate, given a code point it refuses in a host
/// (`^`, no delimiter) wherever `text` has `*` (and `%5E` for `%2A`), fails
/// on the host (`IdnaError`, as it does for `^`).
pub fn star_domain_first(text: &str) -> bool {
    let refused = text.replace('*', "^").replace("%2a", "%5E").replace("%2A", "%5E");
    refused != text && url::Url::parse(&refused).err() == Some(url::ParseError::IdnaError)
}
