//! The shared test vectors (`tests/vectors/*.json`) and how a report is held
//! to a case's expectations. Used by the native and the wasm test runs; the
//! JavaScript runs have their twin in `tests/js/vectors.mjs`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use serde_json::Value;

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Each vector file with its golden reports (one compact JSON report
        /// per line, in case order): `tests/golden/` in English,
        /// `tests/golden-es/` with each request given `"locale": "es"`.
        /// Every runtime must reproduce them byte for byte.
        pub const FILES: &[(&str, &str, &str, &str)] = &[$((
            $name,
            include_str!(concat!("../vectors/", $name, ".json")),
            include_str!(concat!("../golden/", $name, ".jsonl")),
            include_str!(concat!("../golden-es/", $name, ".jsonl")),
        )),*];
    };
}

files![
    "link",
    "instructions",
    "location",
    "continuity",
    "session",
    "envelope",
    "adversarial",
    "licensure",
    "platforms",
    "typing"
];

/// The shipped locales other than English that the vectors run in, with
/// their golden directory.
pub const LOCALES: &[(&str, &str)] = &[("en", "golden"), ("es", "golden-es")];

/// The date that stands in for a missing `as_of` in every runtime's vector run.
pub const TODAY: &str = "2026-11-26";

pub struct Case {
    pub file: &'static str,
    pub name: String,
    /// The request text exactly as sent.
    pub request: String,
    pub expect: Value,
    /// The golden report, if the golden file has one for this case.
    pub golden: Option<&'static str>,
}

/// The cases in English.
pub fn cases() -> Vec<Case> {
    cases_in("en")
}

/// The cases in `locale` (`en` or `es`): for `es`, each `request` object
/// without a `locale` gets `"locale": "es"` (a `request_text`, sent as
/// written, is not changed), and the golden reports are `tests/golden-es/`.
pub fn cases_in(locale: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for (file, text, golden_en, golden_es) in FILES {
        let golden = if locale == "es" { golden_es } else { golden_en };
        let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}.json: {e}"));
        let mut golden_lines = golden.lines();
        for case in doc["cases"].as_array().unwrap_or_else(|| panic!("{file}.json has no cases")) {
            let request = match (&case["request"], &case["request_text"]) {
                (Value::Null, Value::String(raw)) => raw.clone(),
                (request, Value::Null) => serde_json::to_string(&in_locale(request, locale)).unwrap(),
                _ => panic!("{file}: {} needs exactly one of request and request_text", case["name"]),
            };
            out.push(Case {
                file,
                name: case["name"].as_str().unwrap_or("?").to_owned(),
                request,
                expect: case["expect"].clone(),
                golden: golden_lines.next(),
            });
        }
    }
    out
}

/// `request` with `"locale": locale` unless it is English, not an object or names a locale already.
pub fn in_locale(request: &Value, locale: &str) -> Value {
    let mut request = request.clone();
    if locale != "en" {
        if let Value::Object(map) = &mut request {
            map.entry("locale").or_insert_with(|| Value::String(locale.to_owned()));
        }
    }
    request
}

/// What in `report` contradicts the case's expectations (empty: it passes).
pub fn mismatches(case: &Case, report_text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let report: Value = match serde_json::from_str(report_text) {
        Ok(v) => v,
        Err(e) => return vec![format!("report is not JSON ({e}): {report_text}")],
    };
    let expect = &case.expect;
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let finding = |code: &str| findings.iter().find(|f| f["code"] == code);

    if report["verdict"] != expect["verdict"] {
        out.push(format!("verdict {} (expected {})", report["verdict"], expect["verdict"]));
    }
    let mut got: Vec<String> = findings.iter().map(|f| f["code"].as_str().unwrap_or("?").to_owned()).collect();
    let mut want: Vec<String> = expect["codes"]
        .as_array()
        .map(|a| a.iter().map(|c| c.as_str().unwrap_or("?").to_owned()).collect())
        .unwrap_or_default();
    got.sort();
    want.sort();
    if got != want {
        out.push(format!("codes {got:?} (expected {want:?})"));
    }
    for (key, per_code) in [("fix", "fix"), ("field", "field")] {
        if let Some(map) = expect[key].as_object() {
            for (code, want) in map {
                match finding(code) {
                    Some(f) if f[per_code] == *want => {}
                    Some(f) => out.push(format!("{code}.{per_code} {} (expected {want})", f[per_code])),
                    None => {}
                }
            }
        }
    }
    // A value being typed: each finding's `final` (null: absent) and the report's `settled`.
    if let Some(map) = expect["final"].as_object() {
        for (code, want) in map {
            match finding(code) {
                Some(f) if f["final"] == *want => {}
                Some(f) => out.push(format!("{code}.final {} (expected {want})", f["final"])),
                None => {}
            }
        }
    }
    let plain = ["normalized", "zip", "outcome", "private_pay", "settled"];
    for key in plain {
        if let Some(want) = expect.get(key) {
            if report[key] != *want {
                out.push(format!("{key} {} (expected {want})", report[key]));
            }
        }
    }
    let nested = [
        ("platform", "platform", "id"),
        ("waiting_room", "platform", "waiting_room"),
        ("jurisdiction", "jurisdiction", "code"),
    ];
    for (key, object, field) in nested {
        if let Some(want) = expect.get(key) {
            let got = if report[object].is_null() { Value::Null } else { report[object][field].clone() };
            if got != *want {
                out.push(format!("{key} {got} (expected {want})"));
            }
        }
    }
    if let Some(want) = expect["attestations"].as_array() {
        let mut got: Vec<String> =
            report["attestations"].as_array().cloned().unwrap_or_default().iter().map(|v| v.to_string()).collect();
        let mut want: Vec<String> = want.iter().map(Value::to_string).collect();
        got.sort();
        want.sort();
        if got != want {
            out.push(format!("attestations {got:?} (expected {want:?})"));
        }
    }
    out
}

/// Runs every case through `check` and returns one line per failing case.
pub fn run(check: impl Fn(&str) -> String, compare_golden: bool) -> (usize, Vec<String>) {
    run_in("en", check, compare_golden)
}

/// As [`run`], for the cases in `locale` (see [`cases_in`]).
pub fn run_in(locale: &str, check: impl Fn(&str) -> String, compare_golden: bool) -> (usize, Vec<String>) {
    let dir = LOCALES.iter().find(|(l, _)| *l == locale).map_or("golden", |(_, d)| *d);
    let cases = cases_in(locale);
    let mut failures = Vec::new();
    for case in &cases {
        let report = check(&case.request);
        let mut problems = mismatches(case, &report);
        if compare_golden && case.golden != Some(report.as_str()) {
            problems.push(format!("differs from tests/{dir}/{}.jsonl: {report}", case.file));
        }
        if !problems.is_empty() {
            failures.push(format!("{} / {}: {}", case.file, case.name, problems.join("; ")));
        }
    }
    (cases.len(), failures)
}
