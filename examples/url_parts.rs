//! Prints how the link rules' URL parser (`link::url::Url::parse`) reads each
//! input, in the shape of the WHATWG `URL` object, so that a test can compare
//! it with `new URL()` in Node and in a browser (tests/js/url-boundary.test.mjs,
//! docs/url-boundary.md).
//!
//! Input: one JSON string per line (so tabs and newlines survive). Output: one
//! JSON object per line, in the same order: `{"ok":true,"href",...}` with the
//! parts as `URL` names them (`search` and `hash` are empty for an empty query
//! or fragment, as `URL` gives them), or `{"ok":false,"error":"IdnaError"}`;
//! and in both, `rules`: the link rules' `verdict`, finding `codes` and
//! `normalized` link for the same text as a link request.
//!
//! `cargo run --example url_parts < inputs.jsonl`

use std::io::{self, BufRead, BufWriter, Write};

use serde_json::{json, Value};
use telehealth_rules::link::url::{ParseError, Url};
use telehealth_rules::{check_json, Date};

fn error_name(e: ParseError) -> &'static str {
    match e {
        ParseError::EmptyHost => "EmptyHost",
        ParseError::IdnaError => "IdnaError",
        ParseError::InvalidPort => "InvalidPort",
        ParseError::InvalidIpv4Address => "InvalidIpv4Address",
        ParseError::InvalidIpv6Address => "InvalidIpv6Address",
        ParseError::InvalidDomainCharacter => "InvalidDomainCharacter",
        ParseError::Other => "Other",
    }
}

/// `?query` or `#fragment` as `URL` gives it: empty when absent or empty.
fn prefixed(mark: char, part: Option<&str>) -> String {
    match part {
        Some(text) if !text.is_empty() => format!("{mark}{text}"),
        _ => String::new(),
    }
}

/// What the link rules answer for `input`, judged on a fixed day.
fn rules(input: &str, day: Date) -> Value {
    let request = json!({ "kind": "link", "input": input }).to_string();
    let report: Value = serde_json::from_str(&check_json(&request, day)).unwrap_or(Value::Null);
    let field = |name: &str| report.get(name).cloned().unwrap_or(Value::Null);
    let codes: Vec<Value> = report
        .get("findings")
        .and_then(Value::as_array)
        .map(|findings| findings.iter().filter_map(|f| f.get("code").cloned()).collect())
        .unwrap_or_default();
    json!({ "verdict": field("verdict"), "codes": codes, "normalized": field("normalized") })
}

fn parts(input: &str) -> Value {
    match Url::parse(input) {
        Ok(url) => json!({
            "ok": true,
            "href": url.as_str(),
            "protocol": "https:",
            "username": url.username(),
            "password": url.password().unwrap_or_default(),
            "hostname": url.host_str(),
            "port": url.port().map(|p| p.to_string()).unwrap_or_default(),
            "pathname": url.path(),
            "search": prefixed('?', url.query()),
            "hash": prefixed('#', url.fragment()),
        }),
        Err(e) => json!({ "ok": false, "error": error_name(e) }),
    }
}

fn main() -> io::Result<()> {
    let day = Date::parse("2026-12-07").map_err(|_| io::Error::other("bad date"))?;
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let answer = match serde_json::from_str::<String>(&line) {
            Ok(input) => {
                let mut answer = parts(&input);
                if let Some(object) = answer.as_object_mut() {
                    object.insert("rules".to_owned(), rules(&input, day));
                }
                answer
            }
            Err(e) => json!({ "ok": false, "error": format!("not a JSON string: {e}") }),
        };
        writeln!(out, "{answer}")?;
    }
    out.flush()
}
