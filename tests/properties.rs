#![cfg(not(target_arch = "wasm32"))]
//! Property tests (issue 8): whatever comes in, the rules never panic, give
//! a verdict that agrees with the findings' severities, answer the same input
//! the same way twice, give a `normalized` link that is a fixed point, and
//! give fixes that remove the finding they came with; and the keystroke
//! module's wire (`src/wire.rs`) reads back to the report it was written from.
//!
//! Inputs are arbitrary strings, link-like strings built from the registry's
//! own domains and link shapes (wrapped up to three deep), and request JSON
//! values with random fields, wrong types, invalid dates and nested junk.
//! Case counts keep the whole file well under 30 s in a debug build; raise
//! them for a long run with `PROPTEST_CASES=20000 cargo test --test properties`.
//!
//! The 10 MB inputs, the 100,000-element arrays and the deep nesting of the
//! adversarial corpus are built here in code (too big to commit as vectors).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};
use telehealth_rules::link::{self, registry};
use telehealth_rules::{
    check_json, check_json_report, location, Code, Date, LocationRequest, Report, Severity, Verdict,
};

const TODAY: &str = "2026-11-26";

fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

/// Cases per property: the default, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// What every report must satisfy.
// ---------------------------------------------------------------------------

/// The verdict the contract derives from the findings' severities.
fn verdict_of(report: &Report) -> Verdict {
    let findings = report.findings();
    if findings.iter().any(|f| f.severity == Severity::Error) {
        Verdict::Reject
    } else if findings.iter().any(|f| f.severity == Severity::Warning) {
        Verdict::Review
    } else {
        Verdict::Accept
    }
}

/// Consistency of one report: verdict from severities, each finding with its
/// code's one severity, no attestations on a rejected link, and JSON that is
/// valid and equal to serde_json's.
fn assert_consistent(report: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(report.verdict(), verdict_of(report), "verdict disagrees with severities: {:?}", report);
    for f in report.findings() {
        prop_assert_eq!(f.severity, f.code.severity(), "{:?} has the wrong severity", f.code);
        prop_assert!(!f.message.is_empty(), "{:?} has no message", f.code);
    }
    if let Report::Link(r) = report {
        if r.verdict == Verdict::Reject {
            prop_assert!(r.attestations.is_empty(), "a rejected link asks for attestations: {:?}", r);
        }
    }
    if let Report::InvalidRequest(r) = report {
        prop_assert_eq!(r.findings.len(), 1);
        prop_assert_eq!(r.findings[0].code, Code::InvalidRequest);
    }
    let text = report.to_json();
    prop_assert_eq!(&text, &serde_json::to_string(report).unwrap());
    let parsed: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
    prop_assert!(parsed["kind"].is_string());
    Ok(())
}

/// Everything the request-level properties say about one request text.
fn assert_request_properties(text: &str) -> Result<(), TestCaseError> {
    let report = check_json_report(text, today());
    assert_consistent(&report)?;
    // Same input, same report: the typed path and the text path agree, twice.
    prop_assert_eq!(check_json(text, today()), report.to_json());
    prop_assert_eq!(check_json(text, today()), check_json(text, today()));
    match &report {
        Report::Link(_) => {
            let value: Value = serde_json::from_str(text).unwrap();
            let input = value["input"].as_str().unwrap();
            let as_of = value["as_of"].as_str().map_or_else(today, |d| Date::parse(d).unwrap());
            assert_link_properties(input, as_of)?;
        }
        Report::Location(_) => {
            let value: Value = serde_json::from_str(text).unwrap();
            let request = LocationRequest {
                state: value["state"].as_str().unwrap().to_owned(),
                zip: value["zip"].as_str().map(str::to_owned),
                country: value["country"].as_str().map(str::to_owned),
                as_of: None,
                locale: None,
                typing: false,
            };
            assert_location_fix(&request)?;
        }
        _ => {}
    }
    Ok(())
}

/// Codes whose `fix` must make the finding go away when applied.
const LINK_FIX_CODES: &[Code] =
    &[Code::MissingScheme, Code::HttpsRequired, Code::WrappedLink, Code::MalformedMeetingId];

/// The link properties that hold for every input: consistent, deterministic,
/// `normalized` idempotent (checking it again gives the same `normalized`),
/// and each fix removes its finding.
fn assert_link_properties(input: &str, as_of: Date) -> Result<(), TestCaseError> {
    let report = link::check(input, as_of);
    assert_consistent(&Report::Link(report.clone()))?;
    prop_assert_eq!(&report, &link::check(input, as_of), "not deterministic");
    if let Some(normalized) = &report.normalized {
        // Safe to put in an href or show as is: https, no markup or quote
        // breakers, no whitespace, control or invisible characters.
        prop_assert!(normalized.starts_with("https://"), "[normalized not https] {:?} -> {:?}", input, normalized);
        prop_assert!(
            !normalized
                .chars()
                .any(|c| matches!(c, '<' | '>' | '"') || c.is_whitespace() || c.is_control() || !c.is_ascii()),
            "[normalized has unsafe characters] {:?} -> {:?}",
            input,
            normalized
        );
        let again = link::check(normalized, as_of);
        prop_assert!(
            again.normalized.as_ref() == Some(normalized),
            "[normalized not idempotent; again {:?}] {:?} -> {:?} -> {:?}",
            again.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
            input,
            normalized,
            again.normalized
        );
    }
    for finding in &report.findings {
        let Some(fix) = finding.fix.as_deref().filter(|_| LINK_FIX_CODES.contains(&finding.code)) else { continue };
        let fixed = link::check(fix, as_of);
        prop_assert!(
            !fixed.findings.iter().any(|f| f.code == finding.code),
            "[fix of {:?} does not remove it] {:?} -> {:?} -> {:?}",
            finding.code,
            input,
            fix,
            fixed.findings.iter().map(|f| f.code).collect::<Vec<_>>()
        );
    }
    Ok(())
}

/// For links that are accepted or sent for review, `normalized` is a fixed
/// point: checking it again gives accept or review and the same `normalized`.
/// (For rejected links it cannot be: `https://doxy.me.evil.example/` is the
/// canonical form of a lookalike and stays rejected.)
fn assert_fixed_point(input: &str, as_of: Date) -> Result<(), TestCaseError> {
    let report = link::check(input, as_of);
    if report.verdict == Verdict::Reject {
        return Ok(());
    }
    let Some(normalized) = &report.normalized else {
        return Err(TestCaseError::fail(format!("{input:?} is {:?} without a normalized link", report.verdict)));
    };
    let again = link::check(normalized, as_of);
    prop_assert!(
        again.verdict != Verdict::Reject && again.normalized.as_ref() == Some(normalized),
        "[normalized not a fixed point; {:?} then {:?} {:?}] {:?} -> {:?} -> {:?}",
        report.verdict,
        again.verdict,
        again.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        input,
        normalized,
        again.normalized
    );
    Ok(())
}

/// The `unknown_jurisdiction` fix, typed instead, is a jurisdiction.
fn assert_location_fix(request: &LocationRequest) -> Result<(), TestCaseError> {
    let report = location::check(request);
    for finding in report.findings.iter().filter(|f| f.code == Code::UnknownJurisdiction) {
        if let Some(fix) = &finding.fix {
            let fixed = location::check(&LocationRequest { state: fix.clone(), ..request.clone() });
            prop_assert!(
                !fixed.findings.iter().any(|f| f.code == Code::UnknownJurisdiction),
                "the fix {:?} of {:?} is not a jurisdiction",
                fix,
                request.state
            );
            prop_assert!(fixed.jurisdiction.is_some_and(|j| j.code == fix));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies: link-like strings.
// ---------------------------------------------------------------------------

/// Every domain in the registry, plus hosts that are not in it.
fn hosts() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = registry::ENTRIES.iter().flat_map(|e| e.domains.iter().copied()).collect();
    all.extend([
        "evil.example",
        "example.com",
        "zoom.us.evil.example",
        "doxy.me.evil.example",
        "evilzoom.us",
        "localhost",
        "127.0.0.1",
        "2130706433",
        "[::1]",
        "xn--dxy-1na.me",
        "d\u{043E}xy.me",
        "z\u{03BF}\u{03BF}m.us",
        "\u{FF5A}\u{FF4F}\u{FF4F}\u{FF4D}.us",
        "DOXY.ME",
        "Zoom.Us",
        "nam12.safelinks.protection.outlook.com",
    ]);
    all
}

fn scheme() -> impl Strategy<Value = &'static str> {
    select(vec![
        "https://",
        "https://",
        "https://",
        "http://",
        "",
        "",
        "HTTPS://",
        "hTTp://",
        "//",
        "https:",
        "https:/",
        "https:\\\\",
        "https:///",
        "javascript:",
        "tel:",
        "zoommtg://",
        "ftp://",
        "data:text/html,",
        "facetime:",
    ])
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "j", "my", "s", "start", "w", "wc", "join", "meet", "l", "meetup-join", "url", "v2", "v3", "p",
            "telehealth", "u", "sign-in", "new", "j.php", "drsmith", "dr.smith", "Dr.Smith.", "room", "..", ".",
            "%2e%2e", "%2F", "0", "help",
        ])
        .prop_map(str::to_owned),
        2 => "[0-9]{8,12}",
        1 => "[a-z]{3}-[a-z]{4}-[a-z]{3}",
        1 => "[a-zA-Z]{10}",
        1 => "[a-zA-Z][a-zA-Z0-9.]{0,12}",
        1 => "19%3ameeting_[A-Za-z0-9]{4,10}%40thread.v2",
        2 => "[a-zA-Z0-9._%~!$&'()*+,;=:@-]{0,12}",
        1 => "\\PC{0,6}",
    ]
}

fn query_pair() -> impl Strategy<Value = String> {
    prop_oneof![
        "pwd=[a-zA-Z0-9.]{1,8}",
        "zak=[a-z0-9]{1,6}",
        "ZAK=[a-z0-9]{1,6}",
        "utm_[a-z]{1,6}=[a-z]{0,5}",
        "(fbclid|gclid|_ga|igshid|Utm_source)=[a-z]{0,3}",
        "p=[a-zA-Z0-9]{4}",
        "context=%7b%22Tid%22%7d",
        "tk=[a-z]{3}",
        "MTID=m[0-9a-f]{6}",
        "data=[a-zA-Z0-9%|]{0,8}",
        "[a-z%]{0,4}=?[a-z.]{0,4}",
        Just(String::new()),
    ]
}

/// A link built from parts: scheme, userinfo, host, port, path, query, fragment.
fn simple_link() -> BoxedStrategy<String> {
    let userinfo = prop::option::weighted(0.08, select(vec!["user@", "user:pass@", "zoom.us@", ":@", "doxy.me@"]));
    let sub =
        prop::option::weighted(0.25, select(vec!["www.", "us02web.", "acme.", "nam12.", "x.", "meet.", "login."]));
    let host = select(hosts());
    let after =
        prop::option::weighted(0.15, select(vec![".", ".evil.example", "-evil.com", ":443", ":8080", ":80", "%2e"]));
    let path = prop::collection::vec(segment(), 0..4);
    let slash = prop::option::weighted(0.2, select(vec!["/", "//", "."]));
    let query = prop::option::weighted(0.35, prop::collection::vec(query_pair(), 1..4));
    let fragment = prop::option::weighted(0.1, "#[a-z0-9=&/]{0,6}");
    (scheme(), userinfo, sub, host, after, path, slash, query, fragment)
        .prop_map(|(scheme, userinfo, sub, host, after, path, slash, query, fragment)| {
            let mut out =
                format!("{scheme}{}{}{host}{}", userinfo.unwrap_or(""), sub.unwrap_or(""), after.unwrap_or(""));
            for seg in path {
                out.push('/');
                out.push_str(&seg);
            }
            out.push_str(slash.unwrap_or(""));
            if let Some(query) = query {
                out.push('?');
                out.push_str(&query.join("&"));
            }
            out.push_str(&fragment.unwrap_or_default());
            out
        })
        .boxed()
}

/// Percent-encodes everything but the unreserved characters.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Proofpoint v2's encoding: `-XX` for escapes, `_` for `/`.
fn proofpoint_v2(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'/' => "_".to_owned(),
            b if b.is_ascii_alphanumeric() || b".~".contains(&b) => char::from(b).to_string(),
            b => format!("-{b:02X}"),
        })
        .collect()
}

/// A link inside one of the wrappers the rules know.
fn wrap(inner: &str, how: u8) -> String {
    match how % 6 {
        0 => format!("https://nam12.safelinks.protection.outlook.com/?url={}&data=05%7C01&reserved=0", encode(inner)),
        1 => format!("https://www.google.com/url?q={}&sa=D&source=editors", encode(inner)),
        2 => format!("https://urldefense.proofpoint.com/v2/url?u={}&d=DwMF", proofpoint_v2(inner)),
        3 => format!("https://urldefense.com/v3/__{inner}__;!!abc"),
        4 => format!("https://eur01.safelinks.protection.outlook.com/?data=x&url={}", encode(inner)),
        _ => format!("https://urldefense.proofpoint.com/v1/url?u={}", encode(inner)),
    }
}

/// Link-like strings: built links, wrapped up to three deep, with what
/// people paste around them.
fn link_like() -> BoxedStrategy<String> {
    let wrapped =
        simple_link().prop_recursive(3, 8, 1, |inner| (inner, any::<u8>()).prop_map(|(inner, how)| wrap(&inner, how)));
    let around = select(vec![
        ("", ""),
        ("", ""),
        ("", ""),
        (" ", "\n"),
        ("<", ">"),
        ("(", ")."),
        ("\"", "\""),
        ("\u{201C}", "\u{201D}"),
        ("", "."),
        ("", ","),
        ("", ")"),
        ("\u{00A0}", "\t"),
        ("\u{202E}", ""),
        ("", "\u{200B}"),
    ]);
    (wrapped, around).prop_map(|(link, (before, after))| format!("{before}{link}{after}")).boxed()
}

// ---------------------------------------------------------------------------
// Strategies: requests.
// ---------------------------------------------------------------------------

/// Any JSON value, nested a few levels.
fn junk() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{0,8}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<String, Value>>())),
        ]
    })
    .boxed()
}

/// A date field: valid, well-formed but nonexistent (2026-02-30), or junk.
fn date() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])".prop_map(Value::from),
        2 => "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
        2 => select(vec![
            "2026-02-30", "2026-02-29", "2028-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "9999-12-31",
            "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-26", "2026-02-20", "2026-02-19", "2025-05-05",
            "2026-11-26T00:00:00Z", "11/26/2026", "2026-1-1", "", "\u{FF12}026-11-26",
        ])
        .prop_map(Value::from),
        1 => junk(),
    ]
    .boxed()
}

/// A string field, or (sometimes) a value of the wrong type.
fn text(strings: impl Strategy<Value = String> + 'static) -> impl Strategy<Value = Value> {
    prop_oneof![8 => strings.prop_map(Value::from), 1 => junk()]
}

/// A field that may be absent (None), null, or a value.
fn field(value: impl Strategy<Value = Value> + 'static) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![1 => Just(None), 1 => Just(Some(Value::Null)), 8 => value.prop_map(Some)]
}

fn place() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(vec![
            "NY", "ny", "New York", "  new   york ", "CA", "Calif.", "Califrnia", "Texsa", "n. carolina", "N.C.",
            "Carolina", "DC", "Washington, D.C.", "Washington", "PR", "Guam", "USVI", "AA", "AE", "AP", "FM", "MH",
            "PW", "Palau", "XX", "", "   ", "Georgia", "GA", "W.Va.", "So. Dakota", "California ", "\u{200B}NY",
            "\u{FF2E}\u{FF39}", "Nеw York",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,20}",
        1 => "[A-Za-z .,-]{0,12}",
    ]
    .boxed()
}

fn zip() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "10001", "94110", "94110-1234", "941101234", " 94110 ", "00001", "09001", "96910", "96950", "9411",
            "ABCDE", "97635", "02861", "20001", "00601", "",
        ])
        .prop_map(str::to_owned),
        2 => "[0-9]{5}",
        1 => "[0-9 -]{0,11}",
        1 => "\\PC{0,8}",
    ]
    .boxed()
}

fn country() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "US", "USA", "U.S.", "United States", "united states of america", "Mexico", "Canada", "CA", "Palau",
            "FM", "Marshall Islands", "Puerto Rico", "Guam", "", " ", "Georgia", "Narnia",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,10}",
    ]
    .boxed()
}

/// `"kind"`: the right one mostly, sometimes not.
fn kind(right: &'static str) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        12 => Just(Some(Value::from(right))),
        1 => select(vec!["LINK", "Link", "video", "", "invalid_request", "location "]).prop_map(|k| Some(Value::from(k))),
        1 => field(junk()),
    ]
}

fn object(members: Vec<(&'static str, Option<Value>)>, extra: Vec<(String, Value)>) -> Value {
    let mut map = Map::new();
    for (key, value) in members {
        if let Some(value) = value {
            map.insert(key.to_owned(), value);
        }
    }
    for (key, value) in extra {
        map.entry(key).or_insert(value);
    }
    Value::Object(map)
}

fn extra() -> impl Strategy<Value = Vec<(String, Value)>> {
    prop::collection::vec(("[a-z_]{1,8}", junk()), 0..2)
}

fn enum_field(names: Vec<&'static str>) -> impl Strategy<Value = Option<Value>> {
    field(prop_oneof![6 => select(names).prop_map(Value::from), 1 => "[a-z_]{0,10}".prop_map(Value::from), 1 => junk()])
}

fn license() -> BoxedStrategy<Value> {
    (
        (
            field(text(place())),
            field(text(
                select(vec!["LCSW", "LPC", "PsyD", "LMFT", "psychologist", "PMHNP", "MD", "RN", "APIT", ""])
                    .prop_map(str::to_owned),
            )),
            enum_field(vec!["state_license", "compact_privilege", "telehealth_registration", "temporary_permit"]),
            enum_field(vec!["active", "expired", "suspended", "revoked", "surrendered", "pending"]),
        ),
        (
            enum_field(vec![
                "psychologist",
                "counselor",
                "social_worker",
                "marriage_family_therapist",
                "nurse_practitioner",
                "physician",
                "other",
            ]),
            enum_field(vec!["psypact", "counseling", "social_work", "nlc", "imlc"]),
            field(date()),
            field(date()),
            field(date()),
        ),
    )
        .prop_map(|((jurisdiction, kind, basis, status), (profession, compact, status_since, issued, expires))| {
            object(
                vec![
                    ("jurisdiction", jurisdiction),
                    ("type", kind),
                    ("profession", profession),
                    ("basis", basis),
                    ("compact", compact),
                    ("status", status),
                    ("status_since", status_since),
                    ("issued", issued),
                    ("expires", expires),
                ],
                vec![],
            )
        })
        .boxed()
}

/// A `session_start`: RFC 3339 with an offset, near misses, or junk.
fn session_start() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => ("20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", "[Tt]", "([01][0-9]|2[0-4]):[0-6][0-9]:[0-6][0-9](\\.[0-9]{1,10})?", "[Zz]|[+-][0-2][0-9]:[0-6][0-9]")
            .prop_map(|(d, t, time, offset)| Value::from(format!("{d}{t}{time}{offset}"))),
        1 => select(vec![
            "2026-06-30T21:30:00-07:00", "2026-06-30T21:30:00", "2026-06-30 21:30:00Z", "2026-06-30", "2026-02-30T00:00:00Z",
            "2026-06-30T21:30:00−07:00", "2026-06-30T21:30:00+0700", "T", "",
        ])
        .prop_map(Value::from),
        1 => "\\PC{0,30}".prop_map(Value::from),
        1 => junk(),
    ]
    .boxed()
}

fn credential() -> BoxedStrategy<Value> {
    (field(text(place())), enum_field(vec!["active", "pending"]), field(date()))
        .prop_map(|(jurisdiction, status, effective)| {
            object(vec![("jurisdiction", jurisdiction), ("status", status), ("effective", effective)], vec![])
        })
        .boxed()
}

fn list(item: impl Strategy<Value = Value> + 'static) -> impl Strategy<Value = Value> {
    prop_oneof![8 => prop::collection::vec(item, 0..4).prop_map(Value::Array), 1 => junk()]
}

fn provider() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => (field(list(license())), field(list(credential())))
            .prop_map(|(licenses, credentials)| object(vec![("licenses", licenses), ("credentials", credentials)], vec![])),
        1 => junk(),
    ]
    .boxed()
}

fn client() -> BoxedStrategy<Value> {
    prop_oneof![
        8 => (
            enum_field(vec!["in_network", "out_of_network", "none", "medicare", "medicaid"]),
            field(list(text(place()).boxed())),
        )
            .prop_map(|(coverage, saved)| object(vec![("coverage", coverage), ("saved_locations", saved)], vec![])),
        1 => junk(),
    ]
    .boxed()
}

fn link_request() -> BoxedStrategy<Value> {
    let input = prop_oneof![4 => link_like(), 1 => any::<String>(), 1 => "\\PC{0,40}"];
    (kind("link"), field(text(input)), field(date()), extra())
        .prop_map(|(kind, input, as_of, extra)| object(vec![("kind", kind), ("input", input), ("as_of", as_of)], extra))
        .boxed()
}

fn instructions_text() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        3 => "[A-Za-z ,.:]{0,20}",
        2 => link_like(),
        1 => select(vec![
            "<b>", "</p>", "<!--", "<?xml", "<script>alert(1)</script>", "javascript:", "JaVaScRiPt:", "data:text/html",
            "I <3 you", "2 < 3", "Meeting ID: 123 456 7890", "Call (646) 558-8656", "+44 20 7946 0958", "tel:+1646",
            "Passcode 1234567890", "www.", "www.example.com", "doxy.me/drsmith", "Doxy.me", "\u{202E}", "\u{200B}",
            "\n", "\t", "é", "日本",
        ])
        .prop_map(str::to_owned),
        1 => "[0-9 ()+.-]{0,18}",
        1 => "\\PC{0,10}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" ")).boxed()
}

fn instructions_request() -> BoxedStrategy<Value> {
    let own = prop_oneof![3 => link_like(), 1 => "\\PC{0,20}"];
    (kind("instructions"), field(text(instructions_text())), field(text(own)), field(date()), extra())
        .prop_map(|(kind, input, link, as_of, extra)| {
            object(vec![("kind", kind), ("input", input), ("link", link), ("as_of", as_of)], extra)
        })
        .boxed()
}

fn location_request() -> BoxedStrategy<Value> {
    (kind("location"), field(text(place())), field(text(zip())), field(text(country())), field(date()), extra())
        .prop_map(|(kind, state, zip, country, as_of, extra)| {
            object(vec![("kind", kind), ("state", state), ("zip", zip), ("country", country), ("as_of", as_of)], extra)
        })
        .boxed()
}

fn continuity_request() -> BoxedStrategy<Value> {
    (kind("continuity"), field(text(place())), field(provider()), field(client()), field(date()), extra())
        .prop_map(|(kind, location, provider, client, as_of, extra)| {
            object(
                vec![
                    ("kind", kind),
                    ("location", location),
                    ("provider", provider),
                    ("client", client),
                    ("as_of", as_of),
                ],
                extra,
            )
        })
        .boxed()
}

fn session_request() -> BoxedStrategy<Value> {
    (
        (kind("session"), field(text(place())), field(provider()), field(client())),
        (field(date()), enum_field(vec!["video", "audio_only"]), enum_field(vec!["insurance", "private_pay"])),
        (field(date()), field(session_start()), field(text(place())), extra()),
    )
        .prop_map(
            |((kind, location, provider, client), (session_date, modality, payment), (as_of, start, at, extra))| {
                object(
                    vec![
                        ("kind", kind),
                        ("location", location),
                        ("provider", provider),
                        ("client", client),
                        ("session_date", session_date),
                        ("session_start", start),
                        ("provider_location", at),
                        ("modality", modality),
                        ("payment", payment),
                        ("as_of", as_of),
                    ],
                    extra,
                )
            },
        )
        .boxed()
}

/// Any request: each kind, with random, missing and wrongly typed fields.
fn request() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => link_request(),
        2 => instructions_request(),
        2 => location_request(),
        2 => continuity_request(),
        2 => session_request(),
        1 => junk(),
    ]
}

/// Request text: valid JSON requests, and the same text cut or mangled.
fn request_text() -> impl Strategy<Value = String> {
    (request(), 0u8..10, any::<prop::sample::Index>(), "\\PC{0,3}").prop_map(|(value, how, at, junk)| {
        let text = if how == 0 { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        let cut = at.index(text.len() + 1);
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        match how {
            1 => text[..cut].to_owned(),
            2 => format!("{}{junk}{}", &text[..cut], &text[cut..]),
            _ => text,
        }
    })
}

// ---------------------------------------------------------------------------
// The properties.
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(1500))]

    /// Any text at all, as a request: never a panic, always a consistent report.
    #[test]
    fn arbitrary_text_as_a_request(text in prop_oneof![any::<String>(), "\\PC{0,64}", "[{}\\[\\]\":,a-z0-9 \\\\]{0,64}"]) {
        let report = check_json_report(&text, today());
        assert_consistent(&report)?;
        prop_assert_eq!(check_json(&text, today()), check_json(&text, today()));
    }

    /// Any text at all, as a link, an instructions text or a location.
    #[test]
    fn arbitrary_text_as_each_field(text in prop_oneof![any::<String>(), "\\PC{0,80}"]) {
        assert_link_properties(&text, today())?;
        assert_fixed_point(&text, today())?;
        let request = |kind: &str, key: &str| json!({"kind": kind, key: text, "as_of": TODAY}).to_string();
        assert_request_properties(&request("instructions", "input"))?;
        assert_request_properties(&request("instructions", "link"))?;
        assert_request_properties(&request("location", "state"))?;
        assert_request_properties(&json!({"kind": "location", "state": "NY", "zip": text, "country": text}).to_string())?;
    }

    /// Generated requests of every kind, valid or not, whole or cut.
    #[test]
    fn arbitrary_requests(text in request_text()) {
        assert_request_properties(&text)?;
    }
}

proptest! {
    #![proptest_config(config(3000))]

    /// Link-like strings reach deep into the rules: every property holds.
    #[test]
    fn link_like_strings(input in link_like(), as_of in "20(2[4-8])-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])") {
        let as_of = Date::parse(&as_of).unwrap();
        assert_link_properties(&input, as_of)?;
    }

    /// For accepted and reviewed links, `normalized` is a fixed point.
    #[test]
    fn normalized_is_a_fixed_point_for_accepted_links(input in link_like()) {
        assert_fixed_point(&input, today())?;
    }
}

// ---------------------------------------------------------------------------
// Huge and deep inputs, built in code (the adversarial corpus's big cases).
// ---------------------------------------------------------------------------

/// Runs `f`, and fails if it takes longer than `limit` (a debug build).
fn timed<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    out
}

fn codes(report_json: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(report_json).unwrap();
    report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect()
}

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn ten_megabyte_fields_are_too_long() {
    let limit = Duration::from_secs(10);
    let big = "a".repeat(TEN_MB);
    for (kind, key) in [("link", "input"), ("instructions", "input")] {
        let request = json!({"kind": kind, key: big, "as_of": TODAY}).to_string();
        let report = timed(kind, limit, || check_json(&request, today()));
        assert_eq!(codes(&report), ["too_long"], "{kind}");
        assert!(report.len() < 2000, "the report repeats the input");
    }
    // A 10 MB link made of link characters, multibyte characters and spaces.
    for unit in ["https://doxy.me/", "\u{0434}", " ", "\u{202E}"] {
        let input = unit.repeat(TEN_MB / unit.len());
        let report = timed("link", limit, || link::check(&input, today()));
        assert_eq!(report.findings.iter().map(|f| f.code).collect::<Vec<_>>(), [Code::TooLong], "{unit:?}");
        assert_eq!(report.normalized, None);
    }
    // The instructions' own link and location fields: bounded, no echo.
    let request =
        json!({"kind": "instructions", "input": "Join with the link.", "link": big, "as_of": TODAY}).to_string();
    let report = timed("instructions.link", limit, || check_json(&request, today()));
    assert_eq!(codes(&report), Vec::<String>::new());
    for key in ["state", "zip", "country"] {
        let mut request = json!({"kind": "location", "state": "NY"});
        request[key] = Value::from(big.clone());
        let report = timed(key, limit, || check_json(&request.to_string(), today()));
        assert!(report.len() < 2000, "{key}: the report repeats the input");
        assert!(report.contains("\"verdict\":\"reject\""), "{key}: {report}");
    }
    // A 10 MB continuity location and a 10 MB saved location.
    let request = json!({"kind": "continuity", "location": big, "provider": {}, "client": {"coverage": "none"}});
    let report = timed("continuity", limit, || check_json(&request.to_string(), today()));
    assert_eq!(codes(&report), ["unknown_jurisdiction"]);
}

#[test]
fn requests_over_the_size_limit_are_invalid() {
    let big = "a".repeat(telehealth_rules::decode::MAX_REQUEST_BYTES);
    let request = json!({"kind": "link", "input": big}).to_string();
    let report = timed("17 MB request", Duration::from_secs(5), || check_json(&request, today()));
    assert_eq!(codes(&report), ["invalid_request"]);
    assert!(report.len() < 2000);
}

#[test]
fn deep_nesting_is_an_invalid_request_not_a_stack_overflow() {
    for depth in [65, 1000, 100_000, 1_000_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            let report = timed("deep", Duration::from_secs(5), || check_json(&text, today()));
            assert_eq!(codes(&report), ["invalid_request"], "depth {depth}");
            assert!(report.contains("nested too deeply"), "{report}");
            // Inside a valid request, as an ignored extra field.
            let text = format!(
                "{{\"kind\":\"location\",\"state\":\"NY\",\"x\":{}1{}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            assert!(check_json(&text, today()).contains("nested too deeply"));
            // Unterminated.
            let text = open.repeat(depth);
            assert_eq!(codes(&check_json(&text, today())), ["invalid_request"]);
        }
    }
    // 64 levels are fine.
    let text = format!("{{\"kind\":\"location\",\"state\":\"NY\",\"x\":{}{}}}", "[".repeat(63), "]".repeat(63));
    assert!(check_json(&text, today()).contains("\"verdict\":\"accept\""));
}

#[test]
fn hundred_thousand_element_arrays() {
    let limit = Duration::from_secs(10);
    let n = 100_000;
    let licenses = vec![json!({"jurisdiction": "NY", "status": "active"}); n];
    let credentials = vec![json!({"jurisdiction": "NY", "status": "active"}); n];
    let saved = vec![json!("NY"); n];
    let client = json!({"coverage": "none"});
    for (name, request) in [
        (
            "licenses",
            json!({"kind": "continuity", "location": "NY", "provider": {"licenses": licenses}, "client": client}),
        ),
        (
            "credentials",
            json!({"kind": "continuity", "location": "NY", "provider": {"credentials": credentials}, "client": client}),
        ),
        (
            "saved_locations",
            json!({"kind": "session", "location": "NY", "provider": {}, "session_date": TODAY, "modality": "video",
                   "payment": "private_pay", "client": {"coverage": "none", "saved_locations": saved}}),
        ),
    ] {
        let report = timed(name, limit, || check_json(&request.to_string(), today()));
        assert_eq!(codes(&report), ["invalid_request"], "{name}");
        assert!(report.contains("at most 1000"), "{name}: {report}");
    }
    // Junk lists: 100,000 nulls, objects or strings in an ignored field, and
    // an object with 100,000 members (the last `kind` wins).
    let junk = vec![Value::Null; n];
    let request = json!({"kind": "location", "state": "NY", "extra": junk}).to_string();
    assert!(timed("junk list", limit, || check_json(&request, today())).contains("\"accept\""));
    let mut members: Vec<String> = (0..n).map(|i| format!("\"k{i}\":[{i}]")).collect();
    members.push("\"kind\":\"location\",\"state\":\"NY\"".to_owned());
    let request = format!("{{{}}}", members.join(","));
    assert!(timed("wide object", limit, || check_json(&request, today())).contains("\"accept\""));
    let repeated = format!("{{{}\"state\":\"NY\"}}", "\"kind\":\"location\",".repeat(n));
    assert!(timed("repeated keys", limit, || check_json(&repeated, today())).contains("\"accept\""));
    // At the limit: 1,000 licenses and 1,000 long saved locations are read.
    let licenses = vec![json!({"jurisdiction": "CA", "status": "expired", "expires": "2020-01-01"}); 1000];
    let saved = vec![json!("x".repeat(63)); 1000];
    let request = json!({"kind": "session", "location": "NY", "provider": {"licenses": licenses}, "session_date": TODAY,
                         "modality": "video", "payment": "private_pay", "client": {"coverage": "none", "saved_locations": saved}});
    let report = timed("1,000 entries", limit, || check_json(&request.to_string(), today()));
    assert!(report.contains("not_licensed") && report.contains("location_not_saved"), "{report}");
}

#[test]
fn long_inputs_at_the_limits_stay_fast() {
    let limit = Duration::from_secs(5);
    // The worst shapes for the link scanner at 2,048 characters.
    let inputs = [
        "(".repeat(2048),
        ")".repeat(2048),
        "<".repeat(2047) + ">",
        ".".repeat(2048),
        format!("https://doxy.me/{}", "(".repeat(2030)),
        format!("https://{}.me/x", "a.".repeat(1010)),
        format!("https://zoom.us/j/1?{}", "utm_a=1&".repeat(250)),
        format!("https://evil.example/{}", "%".repeat(2000)),
        "1".repeat(2048),
        "+1 (".repeat(512),
        format!("https://nam12.safelinks.protection.outlook.com/?url={}", "https%253A%252F%252F".repeat(90)),
    ];
    for input in &inputs {
        let report = timed("link", limit, || link::check(input, today()));
        assert!(report.findings.iter().all(|f| f.code != Code::TooLong), "{input}");
        assert_link_properties(input, today()).unwrap();
    }
    // Instructions at 1,000 characters: many links, many numbers, many tags.
    let texts = [
        "https://evil.example/ ".repeat(45),
        "doxy.me/x ".repeat(100),
        "www.a.com ".repeat(100),
        "(646) 558-8656 x".repeat(62),
        "1 ".repeat(500),
        "<".repeat(1000),
        "http".repeat(250),
        "https://".repeat(125),
        "\u{00E9}".repeat(1000),
    ];
    for text in &texts {
        let request = json!({"kind": "instructions", "input": text, "link": "https://doxy.me/drsmith", "as_of": TODAY});
        let report = timed("instructions", limit, || check_json(&request.to_string(), today()));
        assert!(!codes(&report).contains(&"too_long".to_owned()), "{text}");
    }
}

// ---------------------------------------------------------------------------
// A survey, for long runs: `cargo test --test properties -- --ignored survey --nocapture`
// samples many inputs and prints each kind of property violation with a count
// and the shortest example, instead of stopping at the first.
// ---------------------------------------------------------------------------

#[test]
#[ignore = "a long survey run, not a test"]
fn survey() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeMap;

    let samples: usize = std::env::var("SURVEY_SAMPLES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let mut runner = TestRunner::deterministic();
    let mut found: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    let mut note = |input: &str, result: Result<(), TestCaseError>| {
        if let Err(e) = result {
            let message = e.to_string();
            let key = match (message.find('['), message.find(']')) {
                (Some(start), Some(end)) if start < end => message[start..=end].to_owned(),
                _ => message.chars().take(100).collect(),
            };
            let entry = found.entry(key).or_insert((0, usize::MAX, String::new()));
            entry.0 += 1;
            if input.len() < entry.1 {
                entry.1 = input.len();
                entry.2 = message;
            }
        }
    };
    let links = link_like();
    let requests = request_text();
    for _ in 0..samples {
        let input = links.new_tree(&mut runner).unwrap().current();
        note(&input, assert_link_properties(&input, today()));
        note(&input, assert_fixed_point(&input, today()));
        let text = requests.new_tree(&mut runner).unwrap().current();
        note(&text, assert_request_properties(&text));
    }
    for (key, (count, _, example)) in &found {
        println!("{count:6}  {key}\n      {example}\n");
    }
    println!("{} kinds of violation in {samples} samples", found.len());
}

// ---------------------------------------------------------------------------
// The keystroke module's wire (src/wire.rs) reads back to the report.
// ---------------------------------------------------------------------------

/// Reads a wire as npm/io.js and npm/wire.js do (UTF-16 slices of the input
/// and of the wire's text), natively: every string is in the input or the
/// text, since addresses here do not fit the 30 bits a static token has.
struct WireReader<'a> {
    words: &'a [u32],
    input: Vec<u16>,
    text: Vec<u16>,
    at: usize,
}

impl WireReader<'_> {
    fn count(&mut self) -> usize {
        self.at += 1;
        self.words[self.at - 1] as usize
    }

    fn text(&mut self) -> Option<String> {
        use telehealth_rules::wire::{HEAP, INPUT, JOIN};
        let (head, n) = (self.words[self.at], self.words[self.at + 1] as usize);
        self.at += 2;
        let offset = (head & (JOIN - 1)) as usize;
        let slice = |units: &[u16]| String::from_utf16(&units[offset..offset + n]).unwrap();
        match head & !(JOIN - 1) {
            _ if head == 0 => None,
            INPUT => Some(slice(&self.input)),
            HEAP => Some(slice(&self.text)),
            JOIN => Some((0..offset).map(|_| self.text().unwrap()).collect()),
            _ => panic!("a static token natively: {head:#x}"),
        }
    }

    fn value(&mut self) -> Value {
        self.text().map_or(Value::Null, Value::String)
    }

    /// A flag word: 0 absent, 1 false, 2 true.
    fn flag(&mut self) -> Option<bool> {
        match self.count() {
            0 => None,
            n => Some(n == 2),
        }
    }
}

/// The report as the wire carries it: its JSON without the texts the package
/// renders from the catalog (messages, platform guidance and BAA) and the ruleset.
fn read_wire(report: &Report, input: &str) -> Value {
    let mut wire = telehealth_rules::wire::Wire::default();
    wire.write(report, input);
    let mut r = WireReader {
        words: wire.words(),
        input: input.encode_utf16().collect(),
        text: wire.text().encode_utf16().collect(),
        at: 0,
    };
    let (kind, verdict) = (r.value(), r.value());
    let findings: Vec<Value> = (0..r.count())
        .map(|_| {
            let (code, severity, field, fix) = (r.value(), r.value(), r.value(), r.value());
            let params: Map<String, Value> = (0..r.count()).map(|_| (r.text().unwrap(), r.value())).collect();
            let mut finding = json!({ "code": code, "severity": severity, "field": field, "params": params });
            if !fix.is_null() {
                finding["fix"] = fix;
            }
            if let Some(is_final) = r.flag() {
                finding["final"] = Value::Bool(is_final);
            }
            finding
        })
        .collect();
    let mut out = json!({ "kind": kind, "verdict": verdict, "findings": findings });
    if kind == "link" {
        out["normalized"] = r.value();
        out["platform"] = match r.text() {
            None => Value::Null,
            Some(id) => {
                let (name, waiting_room, _class) = (r.value(), r.value(), r.value());
                json!({ "id": id, "name": name, "waiting_room": waiting_room })
            }
        };
        out["attestations"] = (0..r.count()).map(|_| r.value()).collect();
    }
    if let Some(settled) = r.flag() {
        out["settled"] = Value::Bool(settled);
    }
    assert_eq!(r.at, r.words.len(), "words left over");
    out
}

/// The report's JSON without what the wire leaves to the catalog.
fn without_rendered_texts(report: &Report) -> Value {
    let mut value: Value = serde_json::from_str(&report.to_json()).unwrap();
    let object = value.as_object_mut().unwrap();
    object.remove("ruleset");
    for finding in object["findings"].as_array_mut().unwrap() {
        finding.as_object_mut().unwrap().remove("message");
    }
    if let Some(platform) = object.get_mut("platform").and_then(Value::as_object_mut) {
        platform.remove("guidance");
        platform.remove("baa");
    }
    value
}

proptest! {
    #![proptest_config(config(1500))]

    /// Whatever the input, the wire gives back every finding, param, fix,
    /// the normalized link and the platform, in order, as UTF-16 slices.
    #[test]
    fn the_wire_reads_back_to_the_report(
        input in prop_oneof![link_like(), any::<String>(), "[ \\u{a0}]{0,2}(https?://)?\\PC{0,40}/?"],
        words in "\\PC{0,30}",
        typing in any::<bool>(),
    ) {
        let link = Report::Link(link::check_typing(&input, today(), typing));
        prop_assert_eq!(read_wire(&link, &input), without_rendered_texts(&link));
        let request = telehealth_rules::InstructionsRequest {
            input: Some(format!("{words} {input}")),
            link: Some(input.clone()),
            as_of: None,
            locale: None,
            typing,
        };
        let instructions = Report::Instructions(telehealth_rules::instructions::check(&request, today()));
        let text = request.input.clone().unwrap_or_default();
        prop_assert_eq!(read_wire(&instructions, &text), without_rendered_texts(&instructions));
    }
}
