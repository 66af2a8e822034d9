//! Native benchmarks of every kind, typical and worst-case inputs
//! (issue 7; `make bench`, results in BENCHMARKS.md).
//!
//! `cargo bench --bench rules` (profile `bench` = `release`: opt-level 3,
//! LTO, one codegen unit). Each benchmark is one call; the `link/typical_mix`
//! group checks all ten typical links per iteration and reports links/s.

mod fixtures;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use telehealth_rules::{check_json, LocationRequest};

fn link(c: &mut Criterion) {
    let day = fixtures::day();
    let mut g = c.benchmark_group("link");
    for (i, input) in fixtures::TYPICAL_LINKS.iter().enumerate() {
        g.bench_with_input(BenchmarkId::new("check", format!("typical{i}")), input, |b, input| {
            b.iter(|| telehealth_rules::link::check(black_box(input), day));
        });
    }
    let long = fixtures::link_2048();
    g.bench_function("check/2048_chars", |b| b.iter(|| telehealth_rules::link::check(black_box(&long), day)));
    g.bench_function("check/safe_links", |b| {
        b.iter(|| telehealth_rules::link::check(black_box(fixtures::SAFE_LINKS), day));
    });
    g.bench_function("check_to_json/doxy", |b| {
        b.iter(|| {
            telehealth_rules::Report::Link(telehealth_rules::link::check(black_box("https://doxy.me/drsmith"), day))
                .to_json()
        });
    });
    let doxy = fixtures::link_json("https://doxy.me/drsmith");
    g.bench_function("check_json/doxy", |b| b.iter(|| check_json(black_box(&doxy), day)));
    let teams = fixtures::link_json(fixtures::TYPICAL_LINKS.get(4).copied().unwrap_or_default());
    g.bench_function("check_json/teams", |b| b.iter(|| check_json(black_box(&teams), day)));
    g.finish();

    let mut g = c.benchmark_group("link_mix");
    g.throughput(Throughput::Elements(fixtures::TYPICAL_LINKS.len() as u64));
    g.bench_function("check/typical10", |b| {
        b.iter(|| {
            for input in fixtures::TYPICAL_LINKS.iter() {
                black_box(telehealth_rules::link::check(black_box(input), day));
            }
        });
    });
    let requests: Vec<String> = fixtures::TYPICAL_LINKS.iter().map(|l| fixtures::link_json(l)).collect();
    g.bench_function("check_json/typical10", |b| {
        b.iter(|| {
            for request in &requests {
                black_box(check_json(black_box(request), day));
            }
        });
    });
    g.finish();
}

fn location(c: &mut Criterion) {
    let day = fixtures::day();
    let mut g = c.benchmark_group("location");
    let cases = [
        ("typical_code_zip", "CA", Some("94110")),
        ("typical_name", "California", None),
        ("fuzzy_miss", "Califrnia", None),
        ("junk_64", "qwzx vbnm plkj hgfd qwzx vbnm plkj hgfd qwzx vbnm plkj hgfd qwzx", None),
    ];
    for (name, state, zip) in cases {
        let request = LocationRequest {
            state: state.to_owned(),
            zip: zip.map(str::to_owned),
            country: None,
            as_of: None,
            locale: None,
            typing: false,
        };
        g.bench_function(BenchmarkId::new("check", name), |b| {
            b.iter(|| telehealth_rules::location::check(black_box(&request)));
        });
    }
    let json = r#"{"kind":"location","state":"CA","zip":"94110"}"#;
    g.bench_function("check_json/typical_code_zip", |b| b.iter(|| check_json(black_box(json), day)));
    g.finish();
}

fn continuity(c: &mut Criterion) {
    let day = fixtures::day();
    let mut g = c.benchmark_group("continuity");
    for n in [1, 60] {
        let request = fixtures::continuity(n);
        g.bench_function(BenchmarkId::new("check", format!("{n}_licenses")), |b| {
            b.iter(|| telehealth_rules::continuity::check(black_box(&request), day));
        });
        let json = fixtures::continuity_json(n);
        g.bench_function(BenchmarkId::new("check_json", format!("{n}_licenses")), |b| {
            b.iter(|| check_json(black_box(&json), day));
        });
    }
    g.finish();
}

fn session(c: &mut Criterion) {
    let day = fixtures::day();
    let mut g = c.benchmark_group("session");
    let request = fixtures::session();
    g.bench_function("check/typical", |b| b.iter(|| telehealth_rules::session::check(black_box(&request), day)));
    g.bench_function("check_json/typical", |b| b.iter(|| check_json(black_box(fixtures::SESSION_JSON), day)));
    g.finish();
}

fn instructions(c: &mut Criterion) {
    let day = fixtures::day();
    let mut g = c.benchmark_group("instructions");
    let request = fixtures::instructions_1000();
    g.bench_function("check/1000_chars", |b| {
        b.iter(|| telehealth_rules::instructions::check(black_box(&request), day));
    });
    g.finish();
}

fn config() -> Criterion {
    // Short runs: the machine is shared, so BENCHMARKS.md reports two runs
    // rather than one long one.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
        .noise_threshold(0.05)
}

criterion_group! {
    name = benches;
    config = config();
    targets = link, location, continuity, session, instructions
}
criterion_main!(benches);
