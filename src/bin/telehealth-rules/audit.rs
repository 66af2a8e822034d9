//! `telehealth-rules audit [--as-of YYYY-MM-DD]`: stored records in (JSONL),
//! one line out per record the current ruleset judges differently, a summary
//! on stderr. Streamed: memory stays bounded by one line however long the
//! input is.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use telehealth_rules::audit::{audit_bytes, Audit, MAX_RECORD_BYTES};
use telehealth_rules::{Date, Verdict};

/// How often the progress line is redrawn on a terminal; inputs that take
/// less than this never show one.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

#[derive(Default)]
struct Tally {
    lines: u64,
    records: u64,
    changed: u64,
    not_records: u64,
    /// Changed records by saved verdict, then new verdict.
    by_verdict: [[u64; 3]; 3],
}

const VERDICTS: [Verdict; 3] = [Verdict::Accept, Verdict::Review, Verdict::Reject];

fn index(v: Verdict) -> usize {
    match v {
        Verdict::Accept => 0,
        Verdict::Review => 1,
        Verdict::Reject => 2,
    }
}

pub fn main(args: &[&str]) -> ExitCode {
    let today = match args {
        [] => Date::today_utc(),
        ["--as-of", day] => match Date::parse(day) {
            Ok(day) => day,
            Err(_) => return usage(&format!("--as-of {day} is not a YYYY-MM-DD date")),
        },
        _ => return usage("audit takes no arguments but --as-of YYYY-MM-DD"),
    };
    match run(today) {
        Ok(tally) => {
            summary(&tally);
            ExitCode::SUCCESS
        }
        // The reader went away (`| head -1`): stop quietly, like `check`.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("telehealth-rules: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("telehealth-rules: {message}\nUsage: telehealth-rules audit [--as-of YYYY-MM-DD] < records.jsonl > changes.jsonl");
    ExitCode::FAILURE
}

fn run(today: Date) -> io::Result<Tally> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let progress = io::stderr().is_terminal();
    let mut next_progress = Instant::now() + PROGRESS_EVERY;
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_RECORD_BYTES).unwrap_or(u64::MAX) + 1;
    loop {
        line.clear();
        let read = (&mut input).take(limit).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        tally.lines += 1;
        let oversized = !line.ends_with(b"\n") && line.len() > MAX_RECORD_BYTES;
        if oversized {
            crate::cli::skip_rest_of_line(&mut input)?;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        // An oversized line is read one byte past the limit: the core says so.
        let audit = audit_bytes(text, Some(tally.lines), today);
        match &audit {
            Audit::Unchanged => tally.records += 1,
            Audit::Changed { before, after, .. } => {
                tally.records += 1;
                tally.changed += 1;
                if let Some(n) = tally.by_verdict.get_mut(index(*before)).and_then(|row| row.get_mut(index(*after))) {
                    *n += 1;
                }
            }
            Audit::NotARecord { .. } => tally.not_records += 1,
        }
        if let Some(text) = audit.output() {
            writeln!(out, "{text}")?;
        }
        if progress && tally.lines % 4096 == 0 && Instant::now() >= next_progress {
            eprint!("\raudit: {} lines read, {} changed", tally.lines, tally.changed);
            next_progress = Instant::now() + PROGRESS_EVERY;
        }
    }
    out.flush()?;
    if progress {
        // Clear the progress line before the summary.
        eprint!("\r\x1b[K");
    }
    Ok(tally)
}

fn summary(t: &Tally) {
    eprintln!(
        "audit (ruleset {}): {} lines read, {} records, {} changed, {} not records",
        telehealth_rules::RULESET,
        t.lines,
        t.records,
        t.changed,
        t.not_records
    );
    for before in VERDICTS {
        for after in VERDICTS {
            let n = t.by_verdict.get(index(before)).and_then(|row| row.get(index(after))).copied().unwrap_or(0);
            if n > 0 {
                eprintln!("  {} -> {}: {n}", before.as_str(), after.as_str());
            }
        }
    }
}
