#![cfg(not(target_arch = "wasm32"))]
//! The `kinds` column of the codes table (`Code::kinds`, from which the npm
//! types give each report kind only its codes) is what the shared vectors'
//! golden reports carry: every finding's code names its report's kind, and
//! every kind a code names is shown by at least one golden report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use telehealth_rules::Code;

#[test]
fn kinds_column_is_what_the_vectors_emit() {
    let mut seen = BTreeSet::new();
    let mut undeclared = BTreeSet::new();
    for case in common::cases().into_iter().chain(common::cases_in("es")) {
        let report: serde_json::Value =
            serde_json::from_str(case.golden.expect("every case has a golden report")).unwrap();
        let kind = report["kind"].as_str().unwrap().to_owned();
        for finding in report["findings"].as_array().unwrap() {
            let name = finding["code"].as_str().unwrap();
            let code = Code::ALL.iter().find(|c| c.as_str() == name).unwrap_or_else(|| panic!("unknown code {name}"));
            if !code.kinds().contains(&kind.as_str()) {
                undeclared.insert(format!("{name} in a {kind} report ({})", case.name));
            }
            seen.insert((name.to_owned(), kind.clone()));
        }
    }
    assert!(undeclared.is_empty(), "codes.rs does not list these kinds:\n{undeclared:#?}");
    let unseen: Vec<String> = Code::ALL
        .iter()
        .flat_map(|c| c.kinds().iter().map(move |k| (c.as_str().to_owned(), (*k).to_owned())))
        .filter(|pair| !seen.contains(pair))
        .map(|(code, kind)| format!("{code} in a {kind} report"))
        .collect();
    assert!(unseen.is_empty(), "no vector shows these (add one, or drop the kind from codes.rs):\n{unseen:#?}");
}

#[test]
fn every_code_names_a_known_kind() {
    const KINDS: [&str; 6] = ["link", "instructions", "location", "continuity", "session", "invalid_request"];
    for code in Code::ALL {
        assert!(!code.kinds().is_empty(), "{}", code.as_str());
        for kind in code.kinds() {
            assert!(KINDS.contains(kind), "{}: {kind}", code.as_str());
        }
    }
}
