#![cfg(not(target_arch = "wasm32"))]
//! `link::url` (our https-only WHATWG parser) against the `url` crate it
//! replaced (url 2.5.8, ASCII-only `idna_adapter` 1.0.0): for `"https:" + s`,
//! both fail with the same error kind, or both succeed with the same
//! serialization and parts, and the edits `link::finish_url` makes give the
//! same text (except for a domain with `*`, which the parser refuses because
//! Chromium reads it differently: docs/url-boundary.md). `s` is every string in the shared vectors' requests (and the
//! words and scheme-less rests in them), every line of `bench/links.txt`, a
//! list of nasty cases, and generated URL-ish text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::borrow::Cow;
use std::fs;

use proptest::prelude::*;
use telehealth_rules::link::url::{Host, ParseError, Url};

#[path = "common/url_kind.rs"]
mod url_kind;
use url_kind::{kind, star_domain_first};

/// The parts of a parsed URL, as the `url` crate gives them.
#[derive(Debug, PartialEq)]
struct Parts<'a> {
    text: &'a str,
    host: String,
    domain: Option<&'a str>,
    port: Option<u16>,
    path: &'a str,
    segments: Vec<&'a str>,
    query: Option<&'a str>,
    pairs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    fragment: Option<&'a str>,
    username: &'a str,
    password: Option<&'a str>,
    credentials: bool,
}

fn theirs(u: &url::Url) -> Parts<'_> {
    let host = match u.host() {
        Some(url::Host::Domain(d)) => format!("domain {d}"),
        Some(url::Host::Ipv4(a)) => format!("ipv4 {a}"),
        Some(url::Host::Ipv6(a)) => format!("ipv6 {a}"),
        None => "none".to_owned(),
    };
    Parts {
        text: u.as_str(),
        host,
        domain: u.domain(),
        port: u.port(),
        path: u.path(),
        segments: u.path_segments().map(Iterator::collect).unwrap_or_default(),
        query: u.query(),
        pairs: u.query_pairs().collect(),
        fragment: u.fragment(),
        username: u.username(),
        password: u.password(),
        credentials: !u.username().is_empty() || u.password().is_some(),
    }
}

fn ours(u: &Url) -> Parts<'_> {
    let host = match u.host() {
        Host::Domain(d) => format!("domain {d}"),
        Host::Ipv4(a) => format!("ipv4 {a}"),
        Host::Ipv6(a) => format!("ipv6 {a}"),
    };
    Parts {
        text: u.as_str(),
        host,
        domain: u.domain(),
        port: u.port(),
        path: u.path(),
        segments: u.path_segments().collect(),
        query: u.query(),
        pairs: u.query_pairs().collect(),
        fragment: u.fragment(),
        username: u.username(),
        password: u.password(),
        credentials: u.has_credentials(),
    }
}

/// `scan::is_public_domain`: the only domains `finish_url` trims dots from.
fn public(domain: &str) -> bool {
    domain
        .rsplit_once('.')
        .is_some_and(|(rest, tld)| !rest.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The edits of `link::finish_url` and `canonicalize`, made both ways.
fn edit_both(mut t: url::Url, mut o: Url, input: &str) {
    let same = |t: &url::Url, o: &Url, step: &str| {
        assert_eq!(ours(o), theirs(t), "after {step} of {input:?}");
    };
    if t.port().is_some() {
        t.set_port(None).unwrap();
        o.remove_port();
        same(&t, &o, "removing the port");
    }
    if let Some(domain) = t.domain().map(|d| d.trim_end_matches('.').to_owned()) {
        if public(&domain) {
            t.set_host(Some(&domain)).unwrap();
            o.trim_domain_dots();
            same(&t, &o, "trimming the domain's dots");
        }
    }
    if let Some(query) = t.query().map(str::to_owned) {
        // Some pairs kept (as when tracking parameters go), then none.
        let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).skip(1).collect();
        let kept = kept.join("&");
        t.set_query(Some(&kept));
        o.set_query(Some(&kept));
        same(&t, &o, "keeping some pairs");
        t.set_query(None);
        o.set_query(None);
        same(&t, &o, "removing the query");
    } else {
        t.set_query(Some("a=1&b"));
        o.set_query(Some("a=1&b"));
        same(&t, &o, "adding a query");
    }
    t.set_fragment(None);
    o.remove_fragment();
    same(&t, &o, "removing the fragment");
    let path = t.path().to_owned();
    let trimmed = path.trim_end_matches('/');
    if !trimmed.is_empty() {
        for lowercase in [false, true] {
            let (mut t, mut o) = (t.clone(), o.clone());
            let new = if lowercase { trimmed.to_ascii_lowercase() } else { trimmed.to_owned() };
            t.set_path(&new);
            o.truncate_path(trimmed.len(), lowercase);
            same(&t, &o, "trimming the path");
        }
    }
}

/// Parses `"https:" + s` both ways and compares everything.
fn compare(s: &str) {
    let input = format!("https:{s}");
    let o = Url::parse(&input);
    assert_eq!(o, Url::parse_after_https(s), "parse and parse_after_https differ on {input:?}");
    // `link::judge` parses a link typed without a scheme as `https:` + the
    // text: the same as `https://` + the text without its leading slashes.
    let slashed = format!("//{}", s.trim_start_matches('/'));
    assert_eq!(o, Url::parse_after_https(&slashed), "leading slashes matter in {input:?}");
    match (url::Url::parse(&input), o) {
        // The one deliberate difference: a domain with `*`, which Chromium
        // reads as `%2A` (docs/url-boundary.md), whether the `url` crate
        // accepts the URL or fails on something after the host.
        (Ok(t), Err(ParseError::InvalidDomainCharacter)) if t.domain().is_some_and(|d| d.contains('*')) => {}
        (Err(_), Err(ParseError::InvalidDomainCharacter)) if star_domain_first(&input) => {}
        (Err(t), Err(o)) => assert_eq!(o, kind(t), "error kind for {input:?}"),
        (Ok(t), Ok(o)) => {
            assert_eq!(ours(&o), theirs(&t), "parts of {input:?}");
            // A serialization parses to itself.
            assert_eq!(Url::parse(o.as_str()).as_ref().map(Url::as_str), Ok(o.as_str()), "reparse of {input:?}");
            edit_both(t, o, &input);
        }
        (t, o) => panic!("{input:?}: url gives {t:?}, ours gives {o:?}"),
    }
}

/// Every string in the requests of `tests/vectors/*.json`.
fn vector_strings() -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in fs::read_dir("tests/vectors").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                walk(&case["request"], &mut out);
                if let Some(text) = case["request_text"].as_str() {
                    out.push(text.to_owned());
                }
            }
        }
    }
    out
}

/// A string, each word of it, and what follows a scheme-like prefix.
fn variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_owned()];
    out.extend(s.split_whitespace().map(str::to_owned));
    for piece in out.clone() {
        if let Some((_, rest)) = piece.split_once(':') {
            out.push(rest.to_owned());
        }
        out.push(format!("//{piece}"));
    }
    out
}

const NASTY: &[&str] = &[
    "//a*b.com/",
    "//a%2Ab.com/",
    // Found by the url_differential fuzz target: a domain with `*` (or
    // `%2A`) and a port that is not a number, or a last label that makes it
    // an IPv4 address. `link::url` refuses the host first, as the URL standard does a
    // forbidden code point; the `url` crate the port or the address.
    "kpith*c:dl",
    "//a*b.com:x/",
    "0X*.54",
    "//0x*.1.2.3/",
    "//a*.9",
    "j6%2aempleil.234.5",
    "//a%2Ab.com:x/",
    // A `*` outside the host changes nothing: the bad port is the error.
    "//ab.com:1*2/",
    "",
    "//",
    "///x",
    "example.com",
    "//0x7f.1",
    "//0X7F.0.0.1",
    "//1.2.3.4.",
    "//1.2.3.4..",
    "//1.2.3.4.5",
    "//999999999999",
    "//4294967295",
    "//4294967296",
    "//0x100000000",
    "//0xffffffff",
    "//1.16777215",
    "//1.16777216",
    "//1.2.65535",
    "//1.2.65536",
    "//256.1.1.1",
    "//0377.0.0.1",
    "//08.1.1.1",
    "//09",
    "//0x",
    "//0x.0x.0",
    "//1..2",
    "//.1",
    "//1.",
    "//a.1",
    "//a.0x1",
    "//a.0xg",
    "//a.08",
    "//a.1.",
    "//1.a",
    "//doxy.me.1",
    "//[::1]",
    "//[::]",
    "//[1:2:3:4:5:6:7:8]",
    "//[1:2:3:4:5:6:7:8:9]",
    "//[1::2::3]",
    "//[1:0:0:2:0:0:0:3]",
    "//[0:0:1:0:0:1:0:0]",
    "//[1:0::]",
    "//[::ffff:1.2.3.4]",
    "//[::1.2.3.4]",
    "//[::1.2.3]",
    "//[::1.2.3.4.5]",
    "//[::1.2.3.256]",
    "//[::1.02.3.4]",
    "//[1:2:3:4:5:6:1.2.3.4]",
    "//[1:2:3:4:5:6:7:1.2.3.4]",
    "//[:1]",
    "//[1:]",
    "//[12345::]",
    "//[g::]",
    "//[]",
    "//[",
    "//[::1",
    "//::1]",
    "//[::1]x",
    "//[::1]:443",
    "//[::1]:80/x",
    "//[::%31]",
    "//a[b:c]d",
    "//a/%2e%2E/b",
    "//a/b/%2E%2e",
    "//a/b/.%2e/c",
    "//a/b/%2e./c",
    "//a/b/%2e/c",
    "//a/b/./",
    "//a/b/..",
    "//a/..",
    "//a/../..",
    "//a/b/.../c",
    "//a/c:/..",
    "//a/c|/..",
    "//a/x/c:/../d",
    "//a/c:x/..",
    "//a/c:",
    "//a\\b\\..\\c",
    "\\\\a\\b",
    "/\\/a",
    "\\/\\a/b",
    "//a/p@q",
    "//u@a",
    "//u:p@a",
    "//u:@a",
    "//:p@a",
    "//:@a",
    "//::@a",
    "//@a",
    "//@",
    "//@/x",
    "//@?x",
    "//@#x",
    "//@\\x",
    "//u@",
    "//u@/x",
    "//a@b@c/d",
    "//a:b:c@d",
    "//u\tser@a",
    "//\t@a",
    "//\t@/a",
    "//ü@a",
    "//a b@c",
    "//a:80",
    "//a:443",
    "//a:0443",
    "//a:",
    "//a:/x",
    "//a:65535",
    "//a:65536",
    "//a:99999999999999999999",
    "//a:8x",
    "//a:x8",
    "//a: 80",
    "//a:8\t0",
    "//a:80?x",
    "//a:80#x",
    "//a:80\\x",
    "//a:-1",
    "//a:+1",
    "//a:١",
    "//%61.com",
    "//%41.com",
    "//%2e",
    "//a%2eb",
    "//a%00b",
    "//a%zzb",
    "//a%",
    "//a%2",
    "//a%5bb",
    "//a%3ab",
    "//a%C3%A9b",
    "//a%ffb",
    "//%20",
    "//d\u{f6}xy.me",
    "//Ad\u{f6}xy.me",
    "//\u{ff0e}a",
    "//xn--dxy-1na.me",
    "//XN--dxy-1NA.me",
    "//xn--Dxy-1na.me",
    "//xn--ls8h",
    "//xn--",
    "//xn---",
    "//xn--a-",
    "//xn---abc",
    "//xn--abc",
    "//xn--zz",
    "//xn--9",
    "//xn--99999999999",
    "//xn--ugc",
    "//xn--a-ugc",
    "//xn--1ug",
    "//xn--a.com",
    "//a.xn--b",
    "//xn--e1afmkfd.xn--p1ai",
    "//ab--cd.com",
    "//-a-.com",
    "//a_b.com",
    "//a!b$c.com",
    "//a~b.com",
    "//A.COM",
    "//Doxy.Me./DrSmith",
    "//a..b",
    "//.a",
    "//..",
    "//.",
    "//a.",
    "//a..",
    "//a.b.",
    "//a b",
    "//a\tb",
    "//a\nb/c\rd?e\tf#g\nh",
    "\t//a",
    "//a\t",
    "//a/\u{0}b",
    "//a?\u{0}b#\u{0}c",
    "//a/ b\"c<d>e`f{g}h|i^j",
    "//a? b\"c<d>e`f'g",
    "//a# b\"c<d>e`f'g#h",
    "//a/é?é#é",
    "//a?",
    "//a#",
    "//a?#",
    "//a#?",
    "//a??#?#",
    "//a?a=1&&b=2&",
    "//a?a+b=c%20d&e=%zz&f=%C3&g",
    "//a?=x&x=&=",
    "//a?q=%2B+%2b",
    "//a/%2F%5C",
    "//a/?%23",
    "//a;b",
    "//a,b",
    "//a'b",
    "//a\"b",
    "//a<b",
    "//a`b",
    "//a{b",
    "//a^b",
    "//a|b",
    "//a\u{7f}b",
    "//a\u{1}",
    " //a ",
    "//a\u{1}\u{2} ",
    "https://a",
    "http://a",
    "//a/b/c/d/../../../../..",
];

#[test]
fn vectors_links_and_nasty_cases() {
    let mut inputs: Vec<String> = NASTY.iter().map(|s| (*s).to_owned()).collect();
    for line in fs::read_to_string("bench/links.txt").unwrap().lines() {
        if !line.starts_with('#') {
            inputs.push(line.to_owned());
        }
    }
    inputs.extend(vector_strings());
    // Very long ones.
    inputs.push(format!("//a.com/{}", "x/".repeat(3000)));
    inputs.push(format!("//{}.com", "a".repeat(5000)));
    inputs.push(format!("//xn--{}", "a".repeat(2001)));
    inputs.push(format!("//xn--{}", "a".repeat(1990)));
    // Around idna's limit of 1000 decoded characters.
    inputs.push(format!("//xn--{}", "a".repeat(1000)));
    inputs.push(format!("//xn--{}", "a".repeat(1001)));
    inputs.push(format!("//xn--{}-{}", "b".repeat(500), "a".repeat(500)));
    inputs.push(format!("//xn--{}-{}", "b".repeat(500), "a".repeat(501)));
    inputs.push(format!("//a/{}", "../".repeat(500)));
    let mut count = 0;
    for input in &inputs {
        for s in variants(input) {
            compare(&s);
            count += 1;
        }
    }
    assert!(count > 3000, "only {count} strings compared");
}

/// `Url::parse` reads the scheme as the URL parser does: leading controls
/// and spaces trimmed, tabs and newlines ignored, any case.
#[test]
fn scheme_spellings() {
    for input in ["HTTPS://a/B", "hTtPs:a", "ht\ttps://a", "https\n:\\a", " \u{1}https://a", "\thttps://a\t "] {
        let theirs = url::Url::parse(input).unwrap();
        assert_eq!(Url::parse(input).unwrap().as_str(), theirs.as_str(), "{input:?}");
    }
    for input in ["", " ", "http://a", "httpsx://a", "ftp://a", "https", "//a"] {
        assert_eq!(Url::parse(input), Err(ParseError::Other), "{input:?}");
    }
}

/// URL-ish text: the parser's delimiters, hosts, numbers, escapes and a few
/// non-ASCII characters, in any order.
fn urlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => proptest::sample::select(&[
            'a', 'b', 'x', 'Z', 'e', 'E', 'f', '0', '1', '7', '8', '9', '.', ':', '/', '\\', '@', '?', '#', '%',
            '[', ']', '-', '_', '~', '+', '=', '&', '\t', '\n', ' ', '|', '^', '<', '\'', '\u{0}', '\u{7f}',
            '\u{e9}', '\u{3002}', '\u{200c}', '\u{ff21}',
        ][..])
        .prop_map(String::from),
        1 => proptest::sample::select(&[
            "xn--", "XN--", "%2e", "%2E", "%2e%2E", "0x", "0X", "..", "//", "\\\\", "[::", "::]", "1.2.3.4",
            "255", "256", "4294967296", "%41", "%00", "%zz", "%C3%A9", "doxy.me", "zoom.us", ":443", ":80",
            ":65536", "u:p@", "ls8h", "1na", "ugc", "-", "c:", "/..", "/.", "?q=", "#f",
        ][..])
        .prop_map(str::to_owned),
    ];
    proptest::collection::vec(token, 0..24).prop_map(|t| t.concat())
}

/// Mostly-valid authorities (so that paths, queries, fragments and IPv4
/// numbers get parsed), then any URL-ish text.
fn authority_then_urlish() -> impl Strategy<Value = String> {
    let host_token = prop_oneof![
        6 => proptest::sample::select(&['a', 'z', 'Q', 'e', 'f', 'x', '0', '1', '9', '.', '-', '_'][..]).prop_map(String::from),
        1 => proptest::sample::select(&[
            "xn--", "0x", "0X", "%41", "%2e", "%2E", "%30", "255", "256", "07", "08", "4294967295", "\t", "é",
            "%", ":", "[", "]",
        ][..])
        .prop_map(str::to_owned),
    ];
    let host = proptest::collection::vec(host_token, 1..12).prop_map(|t| t.concat());
    let userinfo = proptest::option::weighted(0.15, "[a-z:@%]{0,4}@");
    let port = proptest::option::weighted(0.2, "[0-9]{0,6}").prop_map(|p| p.map(|p| format!(":{p}")));
    (proptest::sample::select(&["//", "", "/\\", "\\"][..]), userinfo, host, port, urlish()).prop_map(
        |(slashes, userinfo, host, port, rest)| {
            let rest = if rest.starts_with(['/', '?', '#', '\\']) { rest } else { format!("/{rest}") };
            format!("{slashes}{}{host}{}{rest}", userinfo.unwrap_or_default(), port.unwrap_or_default())
        },
    )
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(20_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_urlish_text(s in urlish()) {
        compare(&s);
    }

    #[test]
    fn generated_authority_then_urlish(s in authority_then_urlish()) {
        compare(&s);
    }
}
