//! Prints the JSON Schema of the v1 contract (requests and reports),
//! generated from the Rust types: `cargo run --example schema --features schema`.
//! The npm package ships it as `schema.json`, and its TypeScript types are
//! generated from it.

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use telehealth_rules::{Code, Report, Request};

fn main() {
    // Requests are read (optional fields may be left out); reports are
    // written (every field is present, `null` where the contract says so).
    let mut reads = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let request = reads.subschema_for::<Request>();
    let mut writes = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let report = writes.subschema_for::<Report>();
    let mut defs = reads.take_definitions(true);
    defs.extend(writes.take_definitions(true));
    inline_tags(&mut defs);
    add_severities(&mut defs);
    locale_tags(&mut defs);
    // Titles make generated types keep their Rust names (`Code`, `Verdict`).
    for (name, def) in &mut defs {
        if let Some(def) = def.as_object_mut() {
            def.insert("title".into(), Value::from(name.as_str()));
        }
    }
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://telehealth-rules.invalid/contract-v1.schema.json",
        "title": "TelehealthRulesContract",
        "description": format!("telehealth-rules contract v1 (ruleset {}): a Request and the Report it gets.", telehealth_rules::RULESET),
        "anyOf": [request, report],
        "$defs": defs,
    });
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("schema: {e}");
            std::process::exit(1);
        }
    }
}

/// Each finding code carries its one severity as `x-severity` and the report
/// kinds that may carry it as `x-kinds`, so other languages (and the
/// TypeScript generator) need not read the Rust source.
fn add_severities(defs: &mut Map<String, Value>) {
    let Some(variants) = defs.get_mut("Code").and_then(|c| c.get_mut("oneOf")).and_then(Value::as_array_mut) else {
        return;
    };
    for variant in variants {
        let code =
            variant.get("const").and_then(Value::as_str).and_then(|name| Code::ALL.iter().find(|c| c.as_str() == name));
        if let (Some(code), Some(object)) = (code, variant.as_object_mut()) {
            object.insert("x-severity".into(), Value::from(code.severity().as_str()));
            object.insert("x-kinds".into(), Value::from(code.kinds().to_vec()));
        }
    }
}

/// schemars writes a tagged variant as `{"$ref": "#/$defs/LinkRequest",
/// "properties": {"kind": ...}}`. Moves the `kind` into the referenced
/// definition instead, so that validators and generators that ignore
/// keywords beside `$ref` (draft-07 ones, json-schema-to-typescript) see it.
fn inline_tags(defs: &mut Map<String, Value>) {
    let mut moves = Vec::new();
    for def in defs.values_mut() {
        let Some(variants) = def.get_mut("oneOf").and_then(Value::as_array_mut) else { continue };
        for variant in variants {
            let target =
                variant.get("$ref").and_then(Value::as_str).map(|r| r.trim_start_matches("#/$defs/").to_owned());
            let kind = variant.pointer("/properties/kind").cloned();
            if let (Some(target), Some(kind)) = (target, kind) {
                moves.push((target.clone(), kind));
                *variant = json!({ "$ref": format!("#/$defs/{target}") });
            }
        }
    }
    for (target, kind) in moves {
        let Some(def) = defs.get_mut(&target).and_then(Value::as_object_mut) else { continue };
        let mut properties = Map::new();
        properties.insert("kind".into(), kind);
        if let Some(Value::Object(existing)) = def.remove("properties") {
            properties.extend(existing);
        }
        def.insert("properties".into(), Value::Object(properties));
        let mut required = vec![Value::from("kind")];
        if let Some(Value::Array(existing)) = def.remove("required") {
            required.extend(existing);
        }
        def.insert("required".into(), Value::Array(required));
    }
}

/// A request's `locale` is any BCP 47 language tag (the decoder matches it
/// to a shipped locale by its language), not only a shipped locale's name.
fn locale_tags(defs: &mut Map<String, Value>) {
    for (name, def) in defs.iter_mut() {
        if !name.ends_with("Request") {
            continue;
        }
        if let Some(locale) = def.pointer_mut("/properties/locale") {
            *locale = json!({
                "description": "The language of the report's messages and platform texts, as a BCP 47 tag matched to a shipped locale by its language (`es-MX` and `es-419` give `es`, `en-US` gives `en`); English when absent or for a language not shipped.",
                "type": ["string", "null"],
                "examples": ["en", "es", "es-MX", "en-US"]
            });
        }
    }
}
