#![cfg(not(target_arch = "wasm32"))]
//! Values being typed (`"typing": true`, contract v1.2), as properties over
//! the shared vectors and over values generated from the registry's own
//! hosts and link shapes and the jurisdiction table:
//!
//! 1. the contract's invariant: for every value the rules accept or send to
//!    review, no prefix of it has a final finding whose code the full value
//!    does not have (for a location, the prefixes of each field in turn,
//!    the other fields whole);
//! 2. for every value rejected for a reason typing cannot fix (the scheme,
//!    lookalike characters, credentials, a consumer, public, retired or
//!    dial-in service, a start or webinar link, markup, a place abroad,
//!    ...), that finding is final at the first prefix where it appears,
//!    unless a continuation is found that removes it and leaves a value
//!    accepted, sent to review or with no error or warning the prefix lacks
//!    (the continuations tried: every ending of every accepted or review
//!    value of the same kind);
//! 3. without `typing` nothing changes: no `final`, no `settled`, and the
//!    same report less those two fields; `settled` is true exactly when
//!    every error and warning is final.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{json, Value};
use telehealth_rules::link::registry::{Class, Hosts, ENTRIES};
use telehealth_rules::link::shape::{Outcome, Seg};
use telehealth_rules::location::jurisdictions::{ALIASES, JURISDICTIONS};
use telehealth_rules::{check_json, Date};

fn today() -> Date {
    Date::parse(common::TODAY).unwrap()
}

/// The report of `request` (a JSON object), parsed.
fn report(request: &Value) -> Value {
    serde_json::from_str(&check_json(&request.to_string(), today())).unwrap()
}

fn with(request: &Value, field: &str, value: &str) -> Value {
    let mut r = request.clone();
    r[field] = Value::String(value.to_owned());
    r
}

fn typing(request: &Value) -> Value {
    let mut r = request.clone();
    r["typing"] = Value::Bool(true);
    r
}

/// The text fields of a request of this kind that a person types.
fn typed_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "link" | "instructions" => &["input"],
        "location" => &["state", "zip", "country"],
        _ => &[],
    }
}

fn codes(report: &Value) -> BTreeSet<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect()
}

/// The codes of the errors and warnings.
fn serious(report: &Value) -> BTreeSet<String> {
    let findings = report["findings"].as_array().unwrap();
    findings.iter().filter(|f| f["severity"] != "info").map(|f| f["code"].as_str().unwrap().to_owned()).collect()
}

fn is_final(report: &Value, code: &str) -> Option<bool> {
    let findings = report["findings"].as_array().unwrap();
    findings.iter().find(|f| f["code"] == code).map(|f| f["final"] == true)
}

/// Every prefix of `text`, shortest first, at character boundaries.
fn prefixes(text: &str) -> impl Iterator<Item = &str> {
    text.char_indices().map(|(at, _)| at).chain([text.len()]).filter_map(|at| text.get(..at))
}

/// Requests of the typed kinds in the shared vectors, as objects.
fn vector_requests() -> Vec<Value> {
    common::cases()
        .into_iter()
        .filter_map(|c| serde_json::from_str::<Value>(&c.request).ok())
        .filter(|r| r.is_object() && r["typing"].is_null())
        .filter(|r| matches!(r["kind"].as_str(), Some("link" | "instructions" | "location")))
        .filter(|r| typed_fields(r["kind"].as_str().unwrap()).iter().any(|f| r[f].is_string()))
        .filter(|r| report(r)["kind"] != "invalid_request")
        .collect()
}

/// Property 1 for one request: what is wrong.
fn invariant_failures(request: &Value) -> Vec<String> {
    let full = report(request);
    if full["verdict"] == "reject" {
        return Vec::new();
    }
    let full_codes = codes(&full);
    let mut out = Vec::new();
    for field in typed_fields(request["kind"].as_str().unwrap()) {
        let Some(whole) = request[field].as_str() else { continue };
        for prefix in prefixes(whole) {
            let typed = report(&typing(&with(request, field, prefix)));
            for f in typed["findings"].as_array().unwrap() {
                let code = f["code"].as_str().unwrap();
                if f["final"] == true && !full_codes.contains(code) {
                    out.push(format!("{field} {prefix:?} of {request}: {code} is final"));
                }
            }
        }
    }
    out
}

#[test]
fn no_prefix_of_a_value_accepted_or_sent_to_review_has_a_final_finding_it_lacks() {
    let requests = vector_requests();
    let checked = requests.iter().filter(|r| report(r)["verdict"] != "reject").count();
    assert!(checked > 300, "only {checked} accepted or review values");
    let failures: Vec<String> = requests.iter().flat_map(invariant_failures).collect();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Codes whose reason no text typed after it removes, once it is there.
const UNFIXABLE: &[&str] = &[
    "too_long",
    "https_required",
    "missing_scheme",
    "unsupported_scheme",
    "lookalike_characters",
    "credentials_in_url",
    "consumer_platform",
    "public_platform",
    "platform_retired",
    "url_shortener",
    "audio_only",
    "no_waiting_room",
    "host_start_link",
    "webinar_link",
    "markup_not_allowed",
    "outside_us",
    "freely_associated_state",
    "military_mail_code",
    "zip_unassigned",
];

/// Continuations to try: every ending of every accepted or review value, by
/// kind and field, and of every jurisdiction's name, code and alias and of
/// the ways to write the United States (as a state, a ZIP's state or a country).
fn endings(requests: &[Value]) -> Vec<(String, &'static str, String)> {
    let mut seen = BTreeSet::new();
    let places = JURISDICTIONS.iter().flat_map(|j| [j.name, j.code]).chain(ALIASES.iter().map(|(a, _)| *a));
    for place in places.chain(["US", "United States", "USA"]) {
        for field in ["state", "country"] {
            for (at, _) in place.char_indices() {
                seen.insert(("location".to_owned(), field, place[at..].to_owned()));
            }
        }
    }
    for r in requests {
        let kind = r["kind"].as_str().unwrap();
        if report(r)["verdict"] == "reject" {
            continue;
        }
        for field in typed_fields(kind) {
            let Some(text) = r[field].as_str() else { continue };
            for (at, _) in text.char_indices() {
                seen.insert((kind.to_owned(), *field, text[at..].to_owned()));
            }
        }
    }
    seen.into_iter().collect()
}

/// A continuation of one of the fields of `request` that removes `code` and
/// leaves a value accepted, sent to review, or with no error or warning
/// `before` lacks.
fn witness(request: &Value, code: &str, before: &Value, endings: &[(String, &'static str, String)]) -> Option<String> {
    let kind = request["kind"].as_str().unwrap();
    let serious_before = serious(before);
    endings.iter().filter(|(k, _, _)| k == kind).find_map(|(_, field, ending)| {
        let typed = request[*field].as_str().unwrap_or("");
        let after = report(&with(request, field, &format!("{typed}{ending}")));
        let better = after["verdict"] != "reject" || serious(&after).is_subset(&serious_before);
        (better && !codes(&after).contains(code)).then(|| format!("{field} + {ending:?}"))
    })
}

#[test]
fn reasons_typing_cannot_fix_are_final_where_they_first_appear() {
    let requests = vector_requests();
    let endings = endings(&requests);
    let mut checked = 0;
    let mut failures = Vec::new();
    for request in &requests {
        let full = report(request);
        for code in codes(&full).iter().filter(|c| UNFIXABLE.contains(&c.as_str())) {
            for field in typed_fields(request["kind"].as_str().unwrap()) {
                let Some(whole) = request[field].as_str() else { continue };
                let first = prefixes(whole).map(|p| (p, report(&typing(&with(request, field, p)))));
                let Some((prefix, typed)) = first.into_iter().find(|(_, r)| codes(r).contains(code)) else { continue };
                checked += 1;
                if is_final(&typed, code) == Some(true) {
                    continue;
                }
                let at = with(request, field, prefix);
                if witness(&at, code, &typed, &endings).is_none() {
                    failures.push(format!(
                        "{field} {prefix:?} of {request}: {code} is not final, and nothing typed after it removes it"
                    ));
                }
            }
        }
    }
    assert!(checked > 150, "only {checked} findings checked");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn without_typing_nothing_changes_and_settled_is_every_serious_finding_final() {
    for request in vector_requests() {
        let plain = report(&request);
        assert!(plain.get("settled").is_none(), "{request}");
        let mut typed = report(&typing(&request));
        let findings = typed["findings"].as_array_mut().unwrap();
        let all_final = findings.iter().all(|f| f["severity"] == "info" || f["final"] == true);
        for f in findings.iter_mut() {
            assert!(f["final"].is_boolean(), "{request}: {f}");
            f.as_object_mut().unwrap().remove("final");
        }
        assert!(plain["findings"].as_array().unwrap().iter().all(|f| f.get("final").is_none()), "{request}");
        assert_eq!(typed["settled"], Value::Bool(all_final), "{request}");
        typed.as_object_mut().unwrap().remove("settled");
        assert_eq!(typed, plain, "{request}");
    }
}

// ---------------------------------------------------------------------------
// Generated values: links from the registry's hosts and link shapes, places
// from the jurisdiction table.
// ---------------------------------------------------------------------------

/// A small deterministic generator, seeded by proptest.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn from(&mut self, alphabet: &str, min: usize, max: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        let n = min + self.next(max - min + 1);
        (0..n).map(|_| chars[self.next(chars.len())]).collect()
    }
}

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const ROOM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

/// A path segment that `seg` matches.
fn sample(seg: Seg, rng: &mut Rng) -> String {
    match seg {
        Seg::Lit(lit) => lit.to_owned(),
        Seg::OneOf(lits) => lits[rng.next(lits.len())].to_owned(),
        Seg::Digits(min, max) => rng.from("0123456789", min, max),
        Seg::ZoomName => rng.from(LOWER, 1, 1) + &rng.from("abcdefghijklmnopqrstuvwxyz0123456789.", 4, 12),
        Seg::MeetCode => [rng.from(LOWER, 3, 3), rng.from(LOWER, 4, 4), rng.from(LOWER, 3, 3)].join("-"),
        Seg::MeetLetters => rng.from(LOWER, 10, 10),
        Seg::TeamsThread => format!(
            "19%3ameeting_{}%40thread.v2",
            rng.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 4, 30)
        ),
        Seg::WebexId => rng.from(LOWER, 1, 1) + &rng.from(ROOM, 0, 12),
        Seg::RoomName => rng.from(ROOM, 1, 16),
        Seg::Any => rng.from(ROOM, 1, 8),
        Seg::Rest => (0..rng.next(3)).map(|_| rng.from(ROOM, 1, 6)).collect::<Vec<_>>().join("/"),
    }
}

/// A room or expiring link on a meeting platform, built from its shapes,
/// sometimes on a subdomain, with a query, in another case or with
/// punctuation around it as pasted.
fn generated_link(seed: u64) -> String {
    let rng = &mut Rng(seed | 1);
    let entries: Vec<_> = ENTRIES.iter().filter(|e| matches!(e.class, Class::Meeting { .. })).collect();
    let entry = entries[rng.next(entries.len())];
    let rooms: Vec<_> = entry.shapes.iter().filter(|s| matches!(s.1, Outcome::Room | Outcome::Expiring)).collect();
    let domain = entry.domains[rng.next(entry.domains.len())];
    let sub = if entry.hosts == Hosts::AndSubdomains && rng.next(3) == 0 {
        rng.from(LOWER, 1, 8) + "."
    } else {
        String::new()
    };
    let path = match rooms.get(rng.next(rooms.len().max(1))) {
        Some(shape) => {
            shape.0.iter().map(|seg| sample(*seg, rng)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("/")
        }
        None => rng.from(ROOM, 1, 10),
    };
    let query = match rng.next(4) {
        0 => format!("?pwd={}", rng.from(ROOM, 1, 10)),
        1 => "?utm_source=mail".to_owned(),
        _ => String::new(),
    };
    let scheme = ["https://", "HTTPS://", "https://"][rng.next(3)];
    let (open, close) = [("", ""), ("<", ">"), ("", "."), (" ", " ")][rng.next(4)];
    format!("{open}{scheme}{sub}{domain}/{path}{query}{close}")
}

/// A place as people type it: a name, code or alias, in any case, maybe
/// abbreviated with periods; a ZIP maybe; the country maybe.
fn generated_location(seed: u64) -> Value {
    let rng = &mut Rng(seed | 1);
    let j = &JURISDICTIONS[rng.next(JURISDICTIONS.len())];
    let alias = ALIASES[rng.next(ALIASES.len())].0;
    let state = match rng.next(4) {
        0 => j.code.to_owned(),
        1 => j.name.to_uppercase(),
        2 => format!("{alias}."),
        _ => j.name.to_owned(),
    };
    let mut request = json!({"kind": "location", "state": state});
    if rng.next(2) == 0 {
        request["zip"] = Value::String(rng.from("0123456789", 5, 5));
    }
    if rng.next(4) == 0 {
        request["country"] = Value::String(["US", "United States", "USA"][rng.next(3)].to_owned());
    }
    request
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_links_keep_the_invariant(seed in any::<u64>()) {
        let request = json!({"kind": "link", "input": generated_link(seed)});
        let failures = invariant_failures(&request);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn generated_instructions_keep_the_invariant(seed in any::<u64>(), words in "[A-Za-z ]{0,20}") {
        let link = generated_link(seed);
        let request = json!({"kind": "instructions", "input": format!("{words} {link}"), "link": link.trim()});
        let failures = invariant_failures(&request);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn generated_locations_keep_the_invariant(seed in any::<u64>()) {
        let failures = invariant_failures(&generated_location(seed));
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// The generators make values the invariant is about: mostly accepted or
/// sent to review.
#[test]
fn generated_values_are_mostly_accepted_or_sent_to_review() {
    let kept = |requests: Vec<Value>| requests.iter().filter(|r| report(r)["verdict"] != "reject").count();
    let links = (1..=200u64).map(|seed| json!({"kind": "link", "input": generated_link(seed * 7919)})).collect();
    let places = (1..=200u64).map(|seed| generated_location(seed * 7919)).collect();
    assert!(kept(links) > 150, "links");
    assert!(kept(places) > 100, "places");
}
