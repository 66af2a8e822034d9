//! The crate's layers, held: the parts every report is made of (codes,
//! messages, findings, dates, text helpers, JSON) import no rules, and the
//! rules of each kind import no report of another layer above them. A `use`
//! that breaks this would bring back the circles that made a change to one
//! kind recompile and re-read every other.

#![allow(clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

/// Modules below the kinds, and the crate paths none of them may name.
const LEAVES: &[&str] =
    &["src/code.rs", "src/code", "src/finding.rs", "src/date.rs", "src/text.rs", "src/json.rs", "src/messages"];
const KINDS: &[&str] = &[
    "crate::link",
    "crate::instructions",
    "crate::location",
    "crate::licensure",
    "crate::continuity",
    "crate::session",
    "crate::report",
    "crate::decode",
    "crate::audit",
    "crate::wire",
];

/// The rules of each kind, which build on the leaves and never on the `Report` sum above them.
const RULES: &[&str] =
    &["src/link", "src/instructions.rs", "src/location", "src/licensure", "src/continuity.rs", "src/session.rs"];

fn sources(path: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if path.is_dir() {
        let mut out = Vec::new();
        for entry in fs::read_dir(&path).expect("a source directory") {
            let file = entry.expect("a directory entry").path();
            if file.extension().is_some_and(|e| e == "rs") {
                out.push((file.display().to_string(), fs::read_to_string(&file).expect("a source file")));
            }
        }
        out
    } else {
        vec![(path.display().to_string(), fs::read_to_string(&path).expect("a source file"))]
    }
}

/// The code before the file's unit tests (which may use anything), without
/// comments (which may point anywhere).
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or(text);
    before_tests.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

#[test]
fn leaves_import_no_kind() {
    for leaf in LEAVES {
        for (file, text) in sources(leaf) {
            for kind in KINDS {
                assert!(!code(&text).contains(kind), "{file} names {kind}: the leaves sit below every kind");
            }
        }
    }
}

#[test]
fn rules_do_not_reach_up_to_the_report_sum() {
    for rules in RULES {
        for (file, text) in sources(rules) {
            for above in ["crate::report", "crate::Report", "crate::audit", "crate::wire"] {
                assert!(!code(&text).contains(above), "{file} names {above}: the kinds' rules sit below it");
            }
        }
    }
}

#[test]
fn the_parser_and_the_wire_are_not_api() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("src/lib.rs");
    for module in ["mod json;", "mod wire;"] {
        let public = format!("pub {module}");
        let gated = format!("#[cfg(feature = \"testing\")]\n{public}");
        assert_eq!(lib.matches(&public).count(), lib.matches(&gated).count(), "`{public}` only behind `testing`");
    }
    let link = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/link/mod.rs")).expect("link");
    assert!(link.contains("#[cfg(feature = \"testing\")]\npub mod url;"), "`pub mod url` only behind `testing`");
}
