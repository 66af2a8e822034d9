//! The README's generated tables: each is rendered by a test from the crate's
//! own data and must equal the text between its markers,
//! `<!-- NAME:start ... -->` and `<!-- NAME:end -->`. With `UPDATE_README=1`
//! the test rewrites the section instead (review the diff).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;

fn readme_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// Holds the README section `name` to `body` (or rewrites it with `UPDATE_README=1`).
pub fn check_section(name: &str, body: &str) {
    let path = readme_path();
    let text = std::fs::read_to_string(&path).unwrap();
    let start_marker = format!("<!-- {name}:start");
    let end_marker = format!("<!-- {name}:end -->");
    let start = text.find(&start_marker).unwrap_or_else(|| panic!("README.md has no {start_marker} marker"));
    let body_start = start + text[start..].find("-->").unwrap() + "-->".len() + 1;
    let end = text.find(&end_marker).unwrap_or_else(|| panic!("README.md has no {end_marker} marker"));
    let current = &text[body_start..end];
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{body}{}", &text[..body_start], &text[end..]);
        std::fs::write(&path, updated).unwrap();
    } else {
        assert_eq!(current, body, "README.md section {name} is stale: run UPDATE_README=1 cargo test --test readme_*");
    }
}
