//! The generated tables of the docs: each is rendered by a test from the
//! crate's own data and must equal the text between its markers in its file,
//! `<!-- NAME:start ... -->` and `<!-- NAME:end -->`. With `UPDATE_DOCS=1`
//! (or `UPDATE_README=1`) the test rewrites the section instead (review the
//! diff); `make generate` does that for every table.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::path::PathBuf;

/// Holds the section `name` of `file` (relative to the crate's root) to
/// `body`, or rewrites it with `UPDATE_DOCS=1`.
pub fn check_section(file: &str, name: &str, body: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let start_marker = format!("<!-- {name}:start");
    let end_marker = format!("<!-- {name}:end -->");
    let start = text.find(&start_marker).unwrap_or_else(|| panic!("{file} has no {start_marker} marker"));
    let body_start = start + text[start..].find("-->").unwrap() + "-->".len() + 1;
    let end = text.find(&end_marker).unwrap_or_else(|| panic!("{file} has no {end_marker} marker"));
    let current = &text[body_start..end];
    if std::env::var_os("UPDATE_DOCS").is_some() || std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{body}{}", &text[..body_start], &text[end..]);
        std::fs::write(&path, updated).unwrap();
    } else {
        assert_eq!(current, body, "{file} section {name} is stale: run `make generate` (or UPDATE_DOCS=1 cargo test --test readme_platforms --test readme_compacts)");
    }
}
