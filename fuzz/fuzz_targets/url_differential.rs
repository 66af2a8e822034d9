//! `link::url` against the `url` crate it replaced (url 2.5.8 with the
//! ASCII-only idna_adapter 1.0.0), on `"https:" + input`: the same error
//! kind, or the same serialization and parts, and the same text after the
//! edits `link::finish_url` makes (a domain with `*` excepted: the parser
//! refuses it, docs/url-boundary.md). tests/url_differential.rs does the same
//! on the vectors, a list of nasty cases and generated text.
//!
//! Build it with `-O` as scripts/fuzz.sh does: with debug assertions,
//! idna_adapter 1.0.0 asserts on a host like `Aé` instead of failing it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telehealth_rules::link::url::{Host, ParseError, Url};

#[path = "../../tests/common/url_kind.rs"]
mod url_kind;
use url_kind::{kind, star_domain_first};

fn same(t: &url::Url, o: &Url) {
    assert_eq!(o.as_str(), t.as_str());
    let host = match o.host() {
        Host::Domain(d) => url::Host::Domain(d),
        Host::Ipv4(a) => url::Host::Ipv4(a),
        Host::Ipv6(a) => url::Host::Ipv6(a),
    };
    assert_eq!(Some(host), t.host());
    assert_eq!(o.port(), t.port());
    assert_eq!(o.path(), t.path());
    assert!(o.path_segments().eq(t.path_segments().into_iter().flatten()));
    assert_eq!(o.query(), t.query());
    assert!(o.query_pairs().eq(t.query_pairs()));
    assert_eq!(o.fragment(), t.fragment());
    assert_eq!(o.username(), t.username());
    assert_eq!(o.password(), t.password());
    assert_eq!(o.has_credentials(), !t.username().is_empty() || t.password().is_some());
}

fuzz_target!(|input: &str| {
    let text = format!("https:{input}");
    let ours = Url::parse(&text);
    assert_eq!(ours, Url::parse_after_https(input));
    let (mut t, mut o) = match (url::Url::parse(&text), ours) {
        // The one deliberate difference: a domain with `*`, which Chromium
        // reads as `%2A` (docs/url-boundary.md), whether the `url` crate
        // accepts the URL or fails on something after the host.
        (Ok(t), Err(ParseError::InvalidDomainCharacter)) if t.domain().is_some_and(|d| d.contains('*')) => return,
        (Err(_), Err(ParseError::InvalidDomainCharacter)) if star_domain_first(&text) => return,
        (Err(t), Err(o)) => return assert_eq!(o, kind(t)),
        (Ok(t), Ok(o)) => (t, o),
        (t, o) => panic!("url gives {t:?}, ours gives {o:?}"),
    };
    same(&t, &o);
    // The edits of finish_url and canonicalize.
    if t.port().is_some() {
        t.set_port(None).unwrap();
        o.remove_port();
    }
    if let Some(domain) = t.domain().map(|d| d.trim_end_matches('.').to_owned()) {
        // Only public domains (scan::is_public_domain) get there.
        let public = domain.rsplit_once('.').is_some_and(|(rest, tld)| {
            !rest.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if public {
            t.set_host(Some(&domain)).unwrap();
            o.trim_domain_dots();
        }
    }
    if let Some(query) = t.query().map(str::to_owned) {
        let kept = query.split('&').filter(|p| !p.is_empty()).skip(1).collect::<Vec<_>>().join("&");
        t.set_query(Some(&kept));
        o.set_query(Some(&kept));
        same(&t, &o);
    }
    t.set_fragment(None);
    o.remove_fragment();
    let path = t.path().to_owned();
    let trimmed = path.trim_end_matches('/');
    if !trimmed.is_empty() {
        t.set_path(&trimmed.to_ascii_lowercase());
        o.truncate_path(trimmed.len(), true);
    }
    same(&t, &o);
});
