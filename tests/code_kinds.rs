#![cfg(not(target_arch = "wasm32"))]
//! The `kinds` and `fix` columns of the codes table (`messages/codes.json`,
//! as `Code::kinds` and `Code::has_fix`, from which the npm types give each
//! report kind only its codes and `fix` only to its codes) are what the
//! shared vectors' golden reports carry: every finding's code names its
//! report's kind, and every kind a code names is shown by at least one golden
//! report; a finding has a `fix` only when its code may, and each code that
//! may is shown with one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use telehealth_rules::Code;

/// Every finding of every golden report (English and Spanish): the case's
/// name, the report's kind, the finding's code and the finding.
fn golden_findings() -> Vec<(String, String, Code, serde_json::Value)> {
    let mut out = Vec::new();
    for case in common::cases().into_iter().chain(common::cases_in("es")) {
        let report: serde_json::Value =
            serde_json::from_str(case.golden.expect("every case has a golden report")).unwrap();
        let kind = report["kind"].as_str().unwrap().to_owned();
        for finding in report["findings"].as_array().unwrap() {
            let name = finding["code"].as_str().unwrap();
            let code = Code::ALL.iter().find(|c| c.as_str() == name).unwrap_or_else(|| panic!("unknown code {name}"));
            out.push((case.name.clone(), kind.clone(), *code, finding.clone()));
        }
    }
    out
}

#[test]
fn kinds_column_is_what_the_vectors_emit() {
    let mut seen = BTreeSet::new();
    let mut undeclared = BTreeSet::new();
    for (case, kind, code, _) in golden_findings() {
        let name = code.as_str();
        if !code.kinds().contains(&kind.as_str()) {
            undeclared.insert(format!("{name} in a {kind} report ({case})"));
        }
        seen.insert((name.to_owned(), kind));
    }
    assert!(undeclared.is_empty(), "messages/codes.json does not list these kinds:\n{undeclared:#?}");
    let unseen: Vec<String> = Code::ALL
        .iter()
        .flat_map(|c| c.kinds().iter().map(move |k| (c.as_str().to_owned(), (*k).to_owned())))
        .filter(|pair| !seen.contains(pair))
        .map(|(code, kind)| format!("{code} in a {kind} report"))
        .collect();
    assert!(
        unseen.is_empty(),
        "no vector shows these (add one, or drop the kind from messages/codes.json):\n{unseen:#?}"
    );
}

#[test]
fn fix_column_is_what_the_vectors_emit() {
    let mut shown = BTreeSet::new();
    let mut undeclared = BTreeSet::new();
    for (case, _, code, finding) in golden_findings() {
        if finding.get("fix").is_none() {
            continue;
        }
        if code.has_fix() {
            shown.insert(code.as_str());
        } else {
            undeclared.insert(format!("{} ({case})", code.as_str()));
        }
    }
    assert!(undeclared.is_empty(), "findings with a fix whose code has no \"fix\": true:\n{undeclared:#?}");
    let unshown: Vec<&str> =
        Code::ALL.iter().filter(|c| c.has_fix() && !shown.contains(c.as_str())).map(|c| c.as_str()).collect();
    assert!(unshown.is_empty(), "codes with \"fix\": true that no golden finding shows with a fix: {unshown:?}");
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
