#![cfg(not(target_arch = "wasm32"))]
//! `telehealth-rules audit` on a generated file of 100,000 stored records:
//! every shared vector's request with its golden report, some reports altered
//! the way an older ruleset would have answered (another verdict, a code that
//! is gone, an authority on another entry) and some only reworded or
//! stamped with an old ruleset (not a change). Exactly the altered records come out, bad lines are named by
//! number, and the peak memory does not grow with the input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

const RECORDS: usize = 100_000;

/// Lines that are not records, by the record index they come after.
const BAD_LINES: &[(usize, &str)] = &[(0, "not json"), (50_000, ""), (70_000, r#"{"id":1,"request":{}}"#)];

/// What record `i` is and whether the audit must report it.
fn record(i: usize, cases: &[(Value, Value)]) -> (Value, bool) {
    let (request, golden) = &cases[i % cases.len()];
    let mut report = golden.clone();
    let changed = match i % 10 {
        // Same verdict and codes under an old ruleset, reworded: no change.
        3 => {
            report["ruleset"] = json!("2026.11.27");
            if let Some(f) = report["findings"].as_array_mut().and_then(|f| f.first_mut()) {
                f["message"] = json!("An older wording.");
            }
            false
        }
        // The saved decision stood on another entry: a change, same verdict.
        // (An index past any provider's licenses: a vector has 1,000 of them.)
        5 if report["authority"].is_object() => {
            report["authority"]["license"] = json!(1_000_000);
            true
        }
        // The saved verdict was another one.
        7 => {
            let other = if report["verdict"] == "accept" { "review" } else { "accept" };
            report["verdict"] = json!(other);
            true
        }
        // The saved report had a code the current rules do not give.
        9 => {
            report["findings"].as_array_mut().unwrap().push(json!({"code": "retired_code", "severity": "warning"}));
            true
        }
        _ => false,
    };
    (json!({"id": format!("r{i}"), "request": request, "report": report}), changed)
}

/// Every vector whose request is a JSON value, with its golden report. A
/// request nested too deeply to be read at all cannot be read inside its
/// record either (the audit says so: `src/audit.rs`); those vectors are left
/// out here.
fn stored_cases() -> Vec<(Value, Value)> {
    common::cases()
        .into_iter()
        .filter(|c| telehealth_rules::json::parse(&c.request).map_err(|e| e.what) != Err("too_deep"))
        .filter_map(|c| {
            let request: Value = serde_json::from_str(&c.request).ok()?;
            Some((request, serde_json::from_str(c.golden?).unwrap()))
        })
        .collect()
}

/// Writes `count` records (and the bad lines among them); returns the ids
/// that must come out and the line numbers of the bad lines.
fn write_records(path: &Path, count: usize) -> (BTreeSet<String>, Vec<u64>) {
    let cases = stored_cases();
    assert!(cases.len() > 1000, "{} cases", cases.len());
    let mut out = BufWriter::new(File::create(path).unwrap());
    let mut changed = BTreeSet::new();
    let mut bad = Vec::new();
    let mut line = 0u64;
    for i in 0..count {
        for (_, text) in BAD_LINES.iter().filter(|(at, _)| *at == i) {
            line += 1;
            bad.push(line);
            writeln!(out, "{text}").unwrap();
        }
        let (record, is_changed) = record(i, &cases);
        if is_changed {
            changed.insert(format!("r{i}"));
        }
        line += 1;
        writeln!(out, "{record}").unwrap();
    }
    out.flush().unwrap();
    (changed, bad)
}

/// Runs the audit on `input`; returns stdout, stderr and the peak resident
/// memory (VmHWM, KiB) read from /proc while it runs.
fn run_audit(input: &Path) -> (String, String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telehealth-rules"))
        .args(["audit", "--as-of", common::TODAY])
        .stdin(File::open(input).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        let hwm = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse::<u64>().ok());
        peak = peak.max(hwm.unwrap_or(0));
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    (reader.join().unwrap(), String::from_utf8(output.stderr).unwrap(), peak)
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    dir.join(name)
}

#[test]
fn audit_reports_exactly_the_changed_records_in_constant_memory() {
    let small = scratch("audit-10k.jsonl");
    let large = scratch("audit-100k.jsonl");
    write_records(&small, RECORDS / 10);
    let (expected, bad) = write_records(&large, RECORDS);

    let (out, err, peak_large) = run_audit(&large);
    let mut ids = BTreeSet::new();
    let mut bad_seen = Vec::new();
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if let Some(n) = v["line"].as_u64() {
            assert_eq!(v["report"]["kind"], "invalid_request", "{line}");
            bad_seen.push(n);
            continue;
        }
        let id = v["id"].as_str().unwrap().to_owned();
        assert_eq!(v["after"]["ruleset"], telehealth_rules::RULESET);
        assert_eq!(v["after"]["verdict"], v["report"]["verdict"], "{line}");
        let judged = |side: &str| (&v[side]["verdict"], &v[side]["codes"], &v[side]["authority"]);
        assert_ne!(judged("before"), judged("after"), "{line}");
        assert!(ids.insert(id), "{line}");
    }
    assert_eq!(bad_seen, bad);
    assert_eq!(ids.len(), expected.len());
    assert!(
        ids == expected,
        "changed ids differ: {:?}",
        ids.symmetric_difference(&expected).take(5).collect::<Vec<_>>()
    );
    let lines = RECORDS + BAD_LINES.len();
    let head = format!("{lines} lines read, {RECORDS} records, {} changed, {} not records", expected.len(), bad.len());
    assert!(err.contains(&head), "{err}");
    assert!(err.contains(" -> "), "{err}");

    // Ten times the input, the same memory (within allocator noise).
    let (_, _, peak_small) = run_audit(&small);
    assert!(peak_small > 0 && peak_large > 0, "no /proc readings");
    assert!(peak_large < peak_small + 4096, "peak RSS {peak_large} KiB for 100k records vs {peak_small} KiB for 10k");
}
