//! Arbitrary text as a link: the link rules never panic, and what they
//! answer holds together (verdict from severities, no attestations when
//! rejected, normalized idempotent); the JSON writer and the keystroke
//! module's wire writer are total.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telehealth_rules::{link, Date, Report, Severity, Verdict};

fuzz_target!(|input: &str| {
    let Some(as_of) = Date::new(2026, 11, 26) else { return };
    let report = link::check(input, as_of);
    let worst = report.findings.iter().map(|f| f.severity).max();
    let verdict = match worst {
        Some(Severity::Error) => Verdict::Reject,
        Some(Severity::Warning) => Verdict::Review,
        _ => Verdict::Accept,
    };
    assert_eq!(report.verdict, verdict);
    if report.verdict == Verdict::Reject {
        assert!(report.attestations.is_empty());
    }
    for finding in &report.findings {
        assert_eq!(finding.severity, finding.code.severity());
    }
    // The JSON writer is total too.
    let json = Report::Link(report.clone()).to_json();
    assert!(json.starts_with("{\"kind\":\"link\""));
    let mut wire = telehealth_rules::wire::Wire::new();
    wire.write(&Report::Link(report.clone()), input);
    assert!(!wire.words().is_empty());
    if let Some(normalized) = &report.normalized {
        // Checking the normalized link again must terminate and not panic.
        let _ = link::check(normalized, as_of);
    }
});
