//! `telehealth-rules audit [--as-of YYYY-MM-DD] [--max-record-bytes N]`: stored records in (JSONL),
//! one line out per record the current ruleset judges differently, a summary
//! on stderr. Streamed: memory stays bounded by one line however long the
//! input is.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use telehealth_rules::audit::{audit_bytes, Audit, MAX_RECORD_BYTES};
use telehealth_rules::code::params::{InvalidRequest, InvalidRequestProblem as Problem};
use telehealth_rules::{Date, InvalidRequestReport, Report, Verdict};

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

/// Default longest record line `audit` reads: the JSON reader needs about 17
/// times the text it reads, so this bounds the memory of `audit` (about
/// 40 MB) where the contract's own limit (32 MiB) would allow ~600 MB.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 2 * crate::cli::DEFAULT_MAX_REQUEST_BYTES;

#[derive(clap::Args)]
pub struct AuditArgs {
    /// Judge requests without `as_of` as of this day (YYYY-MM-DD) instead of
    /// today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD", env = "TELEHEALTH_RULES_AS_OF", value_parser = day)]
    as_of: Option<Date>,
    /// Longest record line read, in bytes; a longer one is reported as not a
    /// record (record_too_long) and memory stays bounded. At most 33554432.
    #[arg(long, value_name = "BYTES", env = "TELEHEALTH_RULES_MAX_RECORD_BYTES", default_value_t = DEFAULT_MAX_RECORD_BYTES, value_parser = record_bytes)]
    max_record_bytes: usize,
}

fn day(value: &str) -> Result<Date, String> {
    Date::parse(value).map_err(|_| "not a YYYY-MM-DD date".to_owned())
}

fn record_bytes(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_RECORD_BYTES).contains(&n) => Ok(n),
        _ => Err(format!("not a whole number from 1 to {MAX_RECORD_BYTES}")),
    }
}

pub fn main(args: &AuditArgs) -> ExitCode {
    let today = args.as_of.unwrap_or_else(Date::today_utc);
    match run(today, args.max_record_bytes) {
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

/// What a line longer than the limit gets: the core's `not a record` answer,
/// with this run's limit.
fn too_long(line: u64, max: usize) -> String {
    let params = InvalidRequest::new().problem(Problem::RecordTooLong).max(max.to_string());
    let report = Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json();
    format!("{{\"line\":{line},\"report\":{report}}}")
}

fn run(today: Date, max: usize) -> io::Result<Tally> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let progress = io::stderr().is_terminal();
    let mut next_progress = Instant::now() + PROGRESS_EVERY;
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX) + 1;
    loop {
        line.clear();
        let read = (&mut input).take(limit).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        tally.lines += 1;
        let oversized = !line.ends_with(b"\n") && line.len() > max;
        if oversized {
            crate::cli::skip_rest_of_line(&mut input)?;
            tally.not_records += 1;
            writeln!(out, "{}", too_long(tally.lines, max))?;
        } else {
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            let audit = audit_bytes(text, Some(tally.lines), today);
            match &audit {
                Audit::Unchanged => tally.records += 1,
                Audit::Changed { before, after, .. } => {
                    tally.records += 1;
                    tally.changed += 1;
                    if let Some(n) = tally.by_verdict.get_mut(index(*before)).and_then(|row| row.get_mut(index(*after)))
                    {
                        *n += 1;
                    }
                }
                Audit::NotARecord { .. } => tally.not_records += 1,
            }
            if let Some(text) = audit.output() {
                writeln!(out, "{text}")?;
            }
        }
        // A long line's buffer is not kept for the short ones after it.
        if line.capacity() > 64 * 1024 {
            line = Vec::new();
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
