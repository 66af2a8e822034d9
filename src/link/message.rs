//! The params of each link finding: the values its message uses, each built
//! with its code's typed builder (`crate::code::params`). The words are in
//! the message catalog (`messages/<locale>.json`), so they can change (or be
//! translated) without touching a decision.

use super::registry::Entry;
use super::url::ParseError;
use super::MAX_CHARS;
use crate::code::params::{
    AudioOnly, AudioOnlyReason, CredentialsInUrl, Empty, EmptySubject, HttpsRequired, HttpsRequiredSubject,
    LookalikeCharacters, LookalikeCharactersReason, LookalikeHost, NotAUrl, NotAUrlError, NotAUrlReason,
    PlatformRetired, TooLong, TooLongSubject, UnknownPlatform, UnsupportedScheme, UrlShortener, WhitespaceTrimmed,
    WhitespaceTrimmedSubject, WrappedLink, WrappedLinkInner,
};

pub fn too_long(chars: usize) -> TooLong {
    TooLong::new().subject(TooLongSubject::Link).chars(crate::text::decimal(chars)).max(crate::text::decimal(MAX_CHARS))
}

pub fn empty() -> Empty {
    Empty::new().subject(EmptySubject::Link)
}

pub fn whitespace_trimmed() -> WhitespaceTrimmed {
    WhitespaceTrimmed::new().subject(WhitespaceTrimmedSubject::Link)
}

pub fn invisible_characters() -> LookalikeCharacters {
    LookalikeCharacters::new().reason(LookalikeCharactersReason::Invisible)
}

pub fn lookalike_characters() -> LookalikeCharacters {
    LookalikeCharacters::new().reason(LookalikeCharactersReason::Lookalike)
}

/// Not a link, for `reason` (`None`, `NoHost`).
pub fn not_a_url(reason: NotAUrlReason) -> NotAUrl {
    NotAUrl::new().reason(reason)
}

/// Not a link: the WHATWG parser's error, as a stable key.
pub fn not_a_url_error(e: ParseError) -> NotAUrl {
    let error = match e {
        ParseError::EmptyHost => NotAUrlError::EmptyHost,
        ParseError::IdnaError => NotAUrlError::Idna,
        ParseError::InvalidPort => NotAUrlError::InvalidPort,
        ParseError::InvalidIpv4Address => NotAUrlError::InvalidIpv4,
        ParseError::InvalidIpv6Address => NotAUrlError::InvalidIpv6,
        ParseError::InvalidDomainCharacter => NotAUrlError::InvalidDomainCharacter,
        ParseError::Other => NotAUrlError::Other,
    };
    NotAUrl::new().reason(NotAUrlReason::UrlError).error(error)
}

pub fn incomplete_host(host: &str) -> NotAUrl {
    NotAUrl::new().reason(NotAUrlReason::IncompleteHost).host(owned(host))
}

pub fn https_required() -> HttpsRequired {
    HttpsRequired::new().subject(HttpsRequiredSubject::Link)
}

pub fn unsupported_scheme(scheme: &str) -> UnsupportedScheme {
    UnsupportedScheme::new().scheme(scheme.to_owned())
}

pub fn audio_only_phone() -> AudioOnly {
    AudioOnly::new().reason(AudioOnlyReason::PhoneNumber)
}

pub fn audio_only_service(platform: &Entry) -> AudioOnly {
    AudioOnly::new().reason(AudioOnlyReason::DialIn).platform(platform)
}

/// A host for a `host` param: one copy for the findings that name one, to
/// keep the wasm small.
#[inline(never)]
fn owned(host: &str) -> String {
    host.to_owned()
}

pub fn credentials_in_url(host: &str) -> CredentialsInUrl {
    CredentialsInUrl::new().host(owned(host))
}

pub fn unknown_platform(host: &str) -> UnknownPlatform {
    UnknownPlatform::new().host(owned(host))
}

pub fn url_shortener(host: &str) -> UrlShortener {
    UrlShortener::new().host(owned(host))
}

pub fn lookalike_host(known: &'static str, host: &str) -> LookalikeHost {
    LookalikeHost::new().known(known).host(owned(host))
}

pub fn wrapped_link(platform: &Entry, has_inner: bool) -> WrappedLink {
    let inner = if has_inner { WrappedLinkInner::Readable } else { WrappedLinkInner::Unreadable };
    WrappedLink::new().inner(inner).platform(platform)
}

pub fn platform_retired(platform: &Entry, since: String) -> PlatformRetired {
    PlatformRetired::new().platform(platform).since(since)
}
