#![cfg(not(target_arch = "wasm32"))]
//! The tables of licensure compacts and telehealth registrations in
//! docs/compacts.md, rendered from `Compact::all()` and `Registration::all()`
//! so the docs cannot drift from the data the rules use. Refresh them with
//! `make generate` (or `UPDATE_DOCS=1 cargo test --test readme_compacts`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod readme;

use telehealth_rules::licensure::compacts::{Compact, Grant, Operational};
use telehealth_rules::licensure::registrations::Registration;
use telehealth_rules::request::{CompactId, Profession};

fn profession_name(profession: Profession) -> &'static str {
    Profession::NAMES.iter().find(|(_, p)| *p == profession).map(|(name, _)| *name).unwrap()
}

fn compact_name(id: CompactId) -> &'static str {
    CompactId::NAMES.iter().find(|(_, c)| *c == id).map(|(name, _)| *name).unwrap()
}

fn grant_name(grant: Grant) -> &'static str {
    match grant {
        Grant::Privilege => "privilege to practice",
        Grant::MultistateLicense => "multistate license",
        Grant::ExpeditedLicense => "expedited full license (enter as `state_license`)",
    }
}

fn professions(list: &[Profession], covers: &str) -> String {
    if list.is_empty() {
        return format!("none of ours: {covers}");
    }
    list.iter().map(|p| format!("`{}`", profession_name(*p))).collect::<Vec<_>>().join(", ")
}

fn or_none(items: Vec<String>) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn render() -> String {
    let mut out = String::from(
        "| compact | id | professions | grant | operational (first day usable) | enacted, not operational or uncertain | source | checked |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for c in Compact::all() {
        let mut operational = Vec::new();
        let mut uncertain = Vec::new();
        for m in c.members {
            match m.operational {
                Operational::Since(day) => operational.push(format!("{} {day}", m.jurisdiction)),
                Operational::Uncertain => uncertain.push(m.jurisdiction.to_string()),
            }
        }
        out += &format!(
            "| {} | `{}` | {} | {} | {} | {} | <{}> | {} |\n",
            c.name,
            compact_name(c.id),
            professions(c.professions, c.covers),
            grant_name(c.grant),
            or_none(operational),
            or_none(uncertain),
            c.source.url,
            c.source.checked,
        );
    }
    out += "\nOut-of-state telehealth registrations (`telehealth_registration`):\n\n\
            | jurisdiction | law | first day usable | professions | source | checked |\n\
            |---|---|---|---|---|---|\n";
    for r in Registration::all() {
        let since = r.since.map_or_else(|| "not sourced: not recognized".to_string(), |d| d.to_string());
        out += &format!(
            "| {} | {} | {} | {} | <{}> | {} |\n",
            r.jurisdiction,
            r.law,
            since,
            professions(r.professions, ""),
            r.source.url,
            r.source.checked,
        );
    }
    out
}

#[test]
fn readme_compacts_table_is_current() {
    readme::check_section("docs/compacts.md", "compacts-table", &render());
}
