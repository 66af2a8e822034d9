#![cfg(not(target_arch = "wasm32"))]
//! The platforms table of docs/platforms.md, rendered from the registry
//! itself (and the English message catalog's BAA texts): every entry with its
//! hosts, waiting room, BAA terms, source and the date the source was checked;
//! unverified facts are marked. `make generate` (or `UPDATE_DOCS=1 cargo test
//! --test readme_platforms`) rewrites it.

mod readme;

use telehealth_rules::link::registry::{Class, Entry, Fact, WaitingRoom, CHECKED_ON, ENTRIES};
use telehealth_rules::messages::{Catalog, PlatformClass};
use telehealth_rules::Locale;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn unverified(entry: &Entry, fact: Fact, text: &str) -> String {
    // Texts for the provider may say so already.
    if entry.unverified.contains(&fact) && !text.contains("unverified") {
        format!("{text} (unverified)")
    } else {
        text.to_owned()
    }
}

fn render() -> String {
    let mut out = String::from(
        "| id | name | hosts | waiting room | BAA terms | source | checked on |\n|---|---|---|---|---|---|---|\n",
    );
    for e in ENTRIES {
        let hosts: Vec<String> = e.domains.iter().map(|d| format!("`{d}`")).collect();
        let (room, baa) = match e.class {
            Class::Meeting { waiting_room } => {
                // The BAA terms as the English catalog words them.
                let (_, baa) = Catalog::of(Locale::En).platform_texts(e.id, PlatformClass::Meeting);
                let room = match waiting_room {
                    WaitingRoom::BuiltIn => "built in",
                    WaitingRoom::Setting => "setting",
                    WaitingRoom::None => "none",
                };
                (unverified(e, Fact::WaitingRoom, room), unverified(e, Fact::Baa, baa))
            }
            Class::Consumer => ("-".to_owned(), "Never: a consumer app or service.".to_owned()),
            Class::Public => ("-".to_owned(), "Never: a public broadcast.".to_owned()),
            Class::DialIn => ("-".to_owned(), "-: audio only.".to_owned()),
            Class::Shortener => ("-".to_owned(), "-: a URL shortener.".to_owned()),
            Class::Wrapper(_) => ("-".to_owned(), "-: wraps another link.".to_owned()),
        };
        let (source, checked) = if e.source_url.is_empty() {
            (cell(e.source.value), "-")
        } else {
            (format!("[{}]({})", cell(e.source.value), e.source_url), CHECKED_ON)
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            e.id,
            cell(e.name),
            unverified(e, Fact::Hosts, &hosts.join(", ")),
            room,
            cell(&baa),
            source,
            checked,
        ));
    }
    out
}

#[test]
fn readme_platforms_table_is_current() {
    readme::check_section("docs/platforms.md", "platforms-table", &render());
}
