//! The shared test vectors, run as wasm: in Node by default, in headless
//! Chromium with `WASM_BINDGEN_USE_BROWSER=1` (see the Makefile). Every
//! report must equal the golden one, byte for byte, in English
//! (`tests/golden/`) and in Spanish (`tests/golden-es/`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use telehealth_rules::{check_json, Date};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn vectors_wasm() {
    let today = Date::parse(common::TODAY).unwrap();
    for (locale, _) in common::LOCALES {
        let (count, failures) = common::run_in(locale, |request| check_json(request, today), true);
        assert!(count >= 900, "only {count} cases");
        assert!(failures.is_empty(), "{locale}: {} of {count} cases fail:\n{}", failures.len(), failures.join("\n"));
    }
}

#[wasm_bindgen_test]
fn bad_input_never_traps() {
    let today = Date::parse(common::TODAY).unwrap();
    let huge = format!("{{\"kind\":\"link\",\"input\":\"{}\"}}", "a".repeat(10 * 1024 * 1024));
    assert!(check_json(&huge, today).contains("\"too_long\""));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(check_json(&deep, today).contains("nested too deeply"));
    let many = format!("{{\"kind\":\"continuity\",\"location\":\"NY\",\"client\":{{\"coverage\":\"none\"}},\"provider\":{{\"licenses\":[{}]}}}}", vec!["{}"; 100_000].join(","));
    assert!(check_json(&many, today).contains("at most 1000"));
    let many_es = many.replacen('{', "{\"locale\":\"es\",", 1);
    assert!(check_json(&many_es, today).contains("como máximo 1000"));
    // The module still answers after all of that.
    assert!(check_json(r#"{"kind":"location","state":"NY"}"#, today).contains("\"accept\""));
}
