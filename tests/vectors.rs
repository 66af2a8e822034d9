#![cfg(not(target_arch = "wasm32"))]
//! The shared test vectors, run natively, in English and in Spanish. With
//! `UPDATE_GOLDEN=1` this test rewrites `tests/golden/*.jsonl` and
//! `tests/golden-es/*.jsonl` from the native reports (review the diff: the
//! golden files are what wasm in Node and in Chromium are held to).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use telehealth_rules::{check_json, Date};

fn today() -> Date {
    Date::parse(common::TODAY).unwrap()
}

#[test]
fn vectors_native() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update {
        write_golden();
    }
    for (locale, _) in common::LOCALES {
        let (count, failures) = common::run_in(locale, |request| check_json(request, today()), !update);
        assert!(count >= 900, "only {count} cases");
        assert!(failures.is_empty(), "{locale}: {} of {count} cases fail:\n{}", failures.len(), failures.join("\n"));
    }
}

fn write_golden() {
    for (locale, golden) in common::LOCALES {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(golden);
        std::fs::create_dir_all(&dir).unwrap();
        let mut by_file: std::collections::BTreeMap<&str, String> = std::collections::BTreeMap::new();
        for case in common::cases_in(locale) {
            let text = by_file.entry(case.file).or_default();
            text.push_str(&check_json(&case.request, today()));
            text.push('\n');
        }
        for (file, text) in by_file {
            std::fs::write(dir.join(format!("{file}.jsonl")), text).unwrap();
        }
    }
}

/// The crate's own JSON writer gives exactly the bytes of `serde_json` for
/// every report: Rust callers may serialize reports either way.
#[test]
fn reports_serialize_like_serde_json() {
    for case in common::cases().into_iter().chain(common::cases_in("es")) {
        let report = telehealth_rules::check_json_report(&case.request, today());
        assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap(), "{}", case.name);
    }
}
