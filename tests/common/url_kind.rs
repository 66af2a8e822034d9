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
