//! Arbitrary bytes as a request: `check_json` never panics, always returns a
//! report that is valid JSON, and answers the same text the same way twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telehealth_rules::{check_json, check_json_report, Date, Report, Severity, Verdict};

fuzz_target!(|bytes: &[u8]| {
    let Some(today) = Date::new(2026, 11, 26) else { return };
    // The CLI and the HTTP service refuse bytes that are not UTF-8 before
    // the rules see them; here any bytes become text, so no input is wasted.
    let text = String::from_utf8_lossy(bytes);
    let text = text.as_ref();
    let report = check_json_report(text, today);
    let json = report.to_json();
    assert_eq!(json, check_json(text, today));
    assert!(json.starts_with("{\"kind\":\""));
    let rejected = report.verdict() == Verdict::Reject;
    assert_eq!(rejected, report.findings().iter().any(|f| f.severity == Severity::Error));
    if let Report::InvalidRequest(r) = &report {
        assert_eq!(r.findings.len(), 1);
    }
});
