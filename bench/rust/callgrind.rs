//! A plain loop to count instructions with callgrind (instruction counts are
//! repeatable on a shared machine; times are not). Not a criterion benchmark:
//! `cargo bench --bench callgrind` runs each workload once, quickly, and
//! bench/callgrind.sh runs the built binary under
//! `valgrind --tool=callgrind --toggle-collect='*callgrind::run*'`, so only the
//! loop is counted.
//!
//! Usage: `callgrind [WORKLOAD [ITERATIONS]]` with WORKLOAD one of
//! `link_typical` (the ten typical links, ITERATIONS rounds each),
//! `link_prefixes` (every keystroke prefix of them),
//! `link_doxy`, `link_json_doxy`, `continuity60`, `continuity60_json`, `all`.

mod fixtures;

use std::hint::black_box;

use telehealth_rules::{check_json, Date};

/// One workload: runs `n` iterations on `day`, returns a checksum.
type Workload = fn(usize, Date) -> usize;

#[inline(never)]
fn run_link_typical(n: usize, day: Date) -> usize {
    let mut findings = 0;
    for _ in 0..n {
        for input in fixtures::TYPICAL_LINKS.iter() {
            findings += telehealth_rules::link::check(black_box(input), day).findings.len();
        }
    }
    findings
}

/// What typing does: every prefix of the ten typical links (the browser
/// benchmark's keystroke inputs), each checked once per iteration.
#[inline(never)]
fn run_link_prefixes(n: usize, day: Date) -> usize {
    let prefixes: Vec<&str> = fixtures::TYPICAL_LINKS
        .iter()
        .flat_map(|link| link.char_indices().map(move |(at, c)| &link[..at + c.len_utf8()]))
        .collect();
    let mut findings = 0;
    for _ in 0..n {
        for input in &prefixes {
            findings += telehealth_rules::link::check(black_box(input), day).findings.len();
        }
    }
    findings
}

#[inline(never)]
fn run_link_doxy(n: usize, day: Date) -> usize {
    (0..n).map(|_| telehealth_rules::link::check(black_box("https://doxy.me/drsmith"), day).findings.len()).sum()
}

#[inline(never)]
fn run_link_json_doxy(n: usize, day: Date) -> usize {
    let request = fixtures::link_json("https://doxy.me/drsmith");
    (0..n).map(|_| check_json(black_box(&request), day).len()).sum()
}

#[inline(never)]
fn run_continuity60(n: usize, day: Date) -> usize {
    let request = fixtures::continuity(60);
    (0..n).map(|_| telehealth_rules::continuity::check(black_box(&request), day).findings.len()).sum()
}

#[inline(never)]
fn run_continuity60_json(n: usize, day: Date) -> usize {
    let request = fixtures::continuity_json(60);
    (0..n).map(|_| check_json(black_box(&request), day).len()).sum()
}

fn main() {
    // `cargo bench` passes `--bench`; anything starting with `-` is ignored.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let workload = args.first().map_or("all", String::as_str);
    let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let day = fixtures::day();
    let runs: &[(&str, Workload)] = &[
        ("link_typical", run_link_typical),
        ("link_prefixes", run_link_prefixes),
        ("link_doxy", run_link_doxy),
        ("link_json_doxy", run_link_json_doxy),
        ("continuity60", run_continuity60),
        ("continuity60_json", run_continuity60_json),
    ];
    let mut ran = false;
    for (name, run) in runs {
        if workload == "all" || workload == *name {
            println!("{name}: {n} iterations, checksum {}", run(n, day));
            ran = true;
        }
    }
    if !ran {
        eprintln!("unknown workload {workload}; one of link_typical, link_prefixes, link_doxy, link_json_doxy, continuity60, continuity60_json, all");
        std::process::exit(2);
    }
}
