#![cfg(not(target_arch = "wasm32"))]
//! The message catalog stays whole: every code has a message in every
//! shipped locale, every select has a branch for each value its code can
//! produce, every template uses only params its code declares (and a
//! translation only params the English one uses), and every finding of
//! every vector carries the params its message needs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use telehealth_rules::code::ParamType;
use telehealth_rules::link::registry::ENTRIES;
use telehealth_rules::messages::{render, render::uses, template_error, Catalog, PlatformClass};
use telehealth_rules::{check_json, check_json_report, Code, Date, Locale};

/// What a param can be, from the codes table (`messages/codes.json`, as `Code::params`).
enum Kind {
    Text,
    Platform,
    OneOf(Vec<String>),
}

/// code -> [(param, kind)] in the table's order.
fn declared() -> BTreeMap<String, Vec<(String, Kind)>> {
    Code::ALL
        .iter()
        .map(|code| {
            let list = code
                .params()
                .iter()
                .map(|(name, kind)| {
                    let kind = match kind {
                        ParamType::Text => Kind::Text,
                        ParamType::Platform => Kind::Platform,
                        ParamType::OneOf(values) => Kind::OneOf(values.iter().map(|v| (*v).to_owned()).collect()),
                    };
                    ((*name).to_owned(), kind)
                })
                .collect();
            (code.as_str().to_owned(), list)
        })
        .collect()
}

fn locales() -> impl Iterator<Item = (&'static str, Locale)> {
    Locale::NAMES.iter().copied()
}

fn platform_ids() -> BTreeSet<&'static str> {
    ENTRIES.iter().map(|e| e.id).collect()
}

fn code_of(name: &str) -> Code {
    *Code::ALL.iter().find(|c| c.as_str() == name).unwrap_or_else(|| panic!("no code {name}"))
}

#[test]
fn every_code_has_a_message_in_every_shipped_locale() {
    for (locale, l) in locales() {
        let text = std::fs::read_to_string(format!("{}/messages/{locale}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for code in Code::ALL {
            let in_file = doc["messages"][code.as_str()].as_str();
            assert!(in_file.is_some_and(|t| !t.is_empty()), "{locale}.json has no message for {}", code.as_str());
            let template = Catalog::of(l).template(*code);
            assert_eq!(
                Some(template),
                in_file,
                "{locale}: the generated table is stale (node scripts/gen-messages.mjs)"
            );
            assert_eq!(template_error(template), None, "{locale}: {} does not parse", code.as_str());
        }
    }
}

/// Term groups of names (platforms, compacts' legal names) that a locale may
/// leave to English; every other group's words must be in the locale's file.
const NAME_GROUPS: &[&str] = &["platform", "compact"];

fn own_term(doc: &Value, group: &str, value: &str) -> bool {
    doc["terms"][group][value].is_string()
}

#[test]
fn selects_have_a_branch_for_every_value_and_templates_only_declared_params() {
    let declared = declared();
    let platforms = platform_ids();
    let mut problems = Vec::new();
    for (locale, l) in locales() {
        let text = std::fs::read_to_string(format!("{}/messages/{locale}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for code in Code::ALL {
            let name = code.as_str();
            let params = &declared[name];
            let english: BTreeSet<String> =
                uses(Catalog::of(Locale::En).template(*code)).into_iter().map(|(n, _)| n).collect();
            let used = uses(Catalog::of(l).template(*code));
            let selected: BTreeSet<&str> =
                used.iter().filter(|(_, keys)| keys.is_some()).map(|(n, _)| n.as_str()).collect();
            for (param, keys) in &used {
                let Some((_, kind)) = params.iter().find(|(n, _)| n == param) else {
                    problems.push(format!("{locale}: {name} uses {{{param}}}, which the codes table does not declare"));
                    continue;
                };
                if !english.contains(param) {
                    problems.push(format!("{locale}: {name} uses {{{param}}}, which the English template does not"));
                }
                match (kind, keys) {
                    (Kind::OneOf(values), Some(keys)) => {
                        for v in values {
                            if !keys.contains(v) {
                                problems.push(format!("{locale}: {name}: the select on {param} has no branch {v}"));
                            }
                        }
                        for k in keys {
                            if k != "other" && !values.contains(k) {
                                problems.push(format!("{locale}: {name}: branch {k} is not a value of {param}"));
                            }
                        }
                    }
                    (Kind::Platform, Some(keys)) => {
                        for k in keys {
                            if k != "other" && !platforms.contains(k.as_str()) {
                                problems.push(format!("{locale}: {name}: branch {k} is not a platform id"));
                            }
                        }
                    }
                    (Kind::Text, Some(_)) => problems.push(format!("{locale}: {name} selects on text param {param}")),
                    // Shown through the catalog's terms: every value needs its words,
                    // unless a select on the same param is what says it.
                    (Kind::OneOf(values), None) if !selected.contains(param.as_str()) => {
                        for v in values {
                            let named = NAME_GROUPS.contains(&param.as_str());
                            let found =
                                if named { Catalog::of(l).term(param, v).is_some() } else { own_term(&doc, param, v) };
                            if !found {
                                problems.push(format!("{locale}: {name}: no terms.{param}.{v}"));
                            }
                        }
                    }
                    (Kind::Platform, None) => {
                        for id in &platforms {
                            if Catalog::of(l).term(param, id).is_none() {
                                problems.push(format!("{locale}: {name}: no terms.{param}.{id}"));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn compact_names_are_the_tables() {
    for (key, id) in telehealth_rules::CompactId::NAMES {
        let compact = telehealth_rules::licensure::compacts::Compact::get(*id).unwrap();
        assert_eq!(Catalog::of(Locale::En).term("compact", key), Some(compact.name), "en.json terms.compact.{key}");
    }
}

#[test]
fn platform_names_and_texts() {
    for e in ENTRIES {
        assert_eq!(
            Catalog::of(Locale::En).term("platform", e.id),
            Some(e.name),
            "terms.platform.{} (generated from the registry by scripts/gen-messages.mjs)",
            e.id
        );
        if let telehealth_rules::link::registry::Class::Meeting { .. } = e.class {
            for (locale, l) in locales() {
                let (guidance, baa) = Catalog::of(l).platform_texts(e.id, PlatformClass::Meeting);
                assert!(!guidance.is_empty() && !baa.is_empty(), "{locale}: platform {} needs guidance and baa", e.id);
            }
        }
    }
}

/// Each finding of each vector, in each locale: its params are declared for
/// its code, in declared order, with values its kind allows; its message is
/// its template rendered with them, and every param the rendered path reads
/// is there.
#[test]
fn every_vector_finding_has_the_params_its_message_uses() {
    let declared = declared();
    let platforms = platform_ids();
    let today = Date::parse(common::TODAY).unwrap();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (locale, l) in locales() {
        for case in common::cases_in(locale) {
            // The typed report gives each finding's params in their JSON order
            // (serde_json's `Value` here would sort them by name).
            let typed = check_json_report(&case.request, today);
            let report: Value = serde_json::from_str(&typed.to_json()).unwrap();
            // A request text that cannot be read (or names no locale) is answered in English;
            // a tag matched to another name (`es-MX`) is answered in the `locale` the report says.
            let sent: Option<Value> = serde_json::from_str(&case.request).ok();
            let named = sent.as_ref().and_then(|v| v.get("locale")).and_then(Value::as_str);
            let said = report.get("locale").and_then(Value::as_str).map(Locale::negotiate);
            let l = said.unwrap_or(if named == Some(locale) { l } else { Locale::En });
            assert_eq!(typed.findings().len(), report["findings"].as_array().unwrap().len());
            for (typed, f) in typed.findings().iter().zip(report["findings"].as_array().unwrap()) {
                let name = f["code"].as_str().unwrap();
                let code = code_of(name);
                seen.insert(name.to_owned());
                assert!(f["params"].is_object(), "{}: a finding without params", case.name);
                let params: Vec<(String, String)> =
                    typed.params.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
                let order = &declared[name];
                let mut at = 0;
                for (k, v) in &params {
                    match order.iter().skip(at).position(|(n, _)| n == k) {
                        Some(i) => at += i + 1,
                        None => problems.push(format!("{}: {name}: param {k} undeclared or out of order", case.name)),
                    }
                    match order.iter().find(|(n, _)| n == k).map(|(_, kind)| kind) {
                        Some(Kind::OneOf(values)) if !values.contains(v) => {
                            problems.push(format!("{}: {name}: {k} = {v} is not a declared value", case.name))
                        }
                        Some(Kind::Platform) if !platforms.contains(v.as_str()) => {
                            problems.push(format!("{}: {name}: {k} = {v} is not a platform id", case.name))
                        }
                        _ => {}
                    }
                }
                let missing = RefCell::new(Vec::new());
                let lookup = |n: &str| {
                    let found = params.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
                    if found.is_none() {
                        missing.borrow_mut().push(n.to_owned());
                    }
                    found
                };
                let catalog = Catalog::of(l);
                let message = render(catalog.template(code), lookup, |g, v| catalog.term(g, v));
                for n in missing.borrow().iter() {
                    problems
                        .push(format!("{locale} / {} / {name}: the message uses {{{n}}}, not in params", case.name));
                }
                if message != f["message"].as_str().unwrap() {
                    problems.push(format!("{locale} / {}: {name}: message is not its template rendered", case.name));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The vectors reach every code.
    let all: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    let unseen: Vec<&String> = all.difference(&seen).collect();
    assert!(unseen.is_empty(), "no vector produces {unseen:?}");
}

#[test]
fn a_locale_not_shipped_falls_back_to_english_and_one_not_a_string_is_an_invalid_request() {
    let today = Date::parse(common::TODAY).unwrap();
    let report = check_json(r#"{"kind":"location","state":"Texa","locale":"fr"}"#, today);
    assert!(report.contains(r#""code":"unknown_jurisdiction""#), "{report}");
    assert!(report.ends_with(r#","locale":"en"}"#), "{report}");
    let report = check_json(r#"{"kind":"location","state":"NY","locale":["es"]}"#, today);
    assert!(report.contains(r#""field":"locale""#), "{report}");
    assert!(report.contains(r#"\"locale\" must be a string, not a list."#), "{report}");
    // A request in Spanish gets Spanish messages, its errors included.
    let es = check_json(r#"{"kind":"location","locale":"es"}"#, today);
    assert!(es.contains(r#""message":"\"state\" es obligatorio.""#), "{es}");
    let es = check_json(r#"{"kind":"location","state":"","locale":"es"}"#, today);
    assert!(es.contains("Indique el estado"), "{es}");
}

/// The codes whose messages the package's own JS catalogs carry: those of
/// kinds `link` and `instructions` in the codes table (scripts/gen-messages.mjs).
fn keystroke_codes() -> BTreeSet<String> {
    Code::ALL
        .iter()
        .filter(|c| c.kinds().iter().any(|k| *k == "link" || *k == "instructions"))
        .map(|c| c.as_str().to_owned())
        .collect()
}

#[test]
fn the_keystroke_catalog_has_every_code_link_and_instructions_reports_carry() {
    let listed = keystroke_codes();
    for name in &listed {
        code_of(name);
    }
    let as_of = Date::new(2026, 11, 26).unwrap();
    let mut emitted = BTreeSet::new();
    let mut texts: Vec<String> = Vec::new();
    for case in common::cases() {
        let request: Value = serde_json::from_str(&case.request).unwrap_or(Value::Null);
        for key in ["input", "link"] {
            if let Some(text) = request.get(key).and_then(Value::as_str) {
                texts.push(text.to_owned());
            }
        }
    }
    // The link fuzz corpus: the odd inputs fuzzing kept.
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/link")).unwrap() {
        texts.push(String::from_utf8_lossy(&std::fs::read(entry.unwrap().path()).unwrap()).into_owned());
    }
    for text in &texts {
        let link = telehealth_rules::link::check(text, as_of);
        let request = telehealth_rules::InstructionsRequest {
            input: Some(text.clone()),
            link: Some("https://doxy.me/drsmith".to_owned()),
            as_of: Some(as_of),
            locale: None,
            typing: false,
        };
        let instructions = telehealth_rules::instructions::check(&request, as_of);
        for f in link.findings.iter().chain(&instructions.findings) {
            emitted.insert(f.code.as_str().to_owned());
        }
    }
    let missing: Vec<_> = emitted.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "keystroke reports carry codes the table does not give kind link or instructions: {missing:?}"
    );
    let unused: Vec<_> = listed.difference(&emitted).collect();
    assert!(
        unused.is_empty(),
        "the table gives kind link or instructions to codes no link or instructions input produces: {unused:?}"
    );
}

#[test]
fn the_records_module_catalog_is_the_source_catalog() {
    for (name, locale) in locales() {
        let doc: Value = serde_json::from_str(&Catalog::of(locale).to_json()).unwrap();
        let source: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{}/messages/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        )
        .unwrap();
        let english: Value = serde_json::from_str(include_str!("../messages/en.json")).unwrap();
        assert_eq!(doc["messages"], source["messages"], "{name}: messages");
        for (group, values) in english["terms"].as_object().unwrap() {
            for (value, text) in values.as_object().unwrap() {
                let own = source["terms"].get(group).and_then(|g| g.get(value));
                assert_eq!(&doc["terms"][group][value], own.unwrap_or(text), "{name}: terms.{group}.{value}");
            }
        }
    }
}
