//! Arbitrary state, ZIP and country (the text split at U+001F: state, then
//! ZIP, then country; a missing part is an absent field): the location rules
//! never panic, a ZIP they report is five digits, and the fix for an unknown
//! jurisdiction is a jurisdiction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telehealth_rules::{location, Code, LocationRequest};

fuzz_target!(|text: &str| {
    let mut parts = text.split('\u{1f}');
    let state = parts.next().unwrap_or("").to_owned();
    let zip = parts.next().map(str::to_owned);
    let country = parts.next().map(str::to_owned);
    let request = LocationRequest { state, zip, country, as_of: None, locale: None, typing: false };
    let report = location::check(&request);
    for finding in &report.findings {
        assert_eq!(finding.severity, finding.code.severity());
        if finding.code == Code::UnknownJurisdiction {
            if let Some(fix) = &finding.fix {
                let fixed = location::check(&LocationRequest { state: fix.clone(), ..request.clone() });
                assert!(fixed.jurisdiction.is_some(), "fix {fix:?} of {:?} is not a jurisdiction", request.state);
            }
        }
    }
    if let Some(zip) = &report.zip {
        assert!(zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()), "zip {zip:?}");
    }
    // The resolver on its own, as the continuity and session kinds use it.
    let _ = location::resolve(&request.state);
});
