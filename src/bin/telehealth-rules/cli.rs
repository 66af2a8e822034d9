//! Argument handling and the `check` command.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use telehealth_rules::decode::MAX_REQUEST_BYTES;
use telehealth_rules::messages::Params;
use telehealth_rules::{check_json_report, Date, InvalidRequestReport, Report};

const USAGE: &str = "\
telehealth-rules: telehealth compliance rules (contract v1)

Usage:
  telehealth-rules check            read one JSON request on stdin, print one JSON report
  telehealth-rules check --jsonl    one request per line in, one report per line out
  telehealth-rules audit [--as-of YYYY-MM-DD]   stored records in, the ones judged differently now out
  telehealth-rules serve [--addr 127.0.0.1:8080] [--www DIR] [--pkg DIR]
                                    serve the settings page and POST /v1/check
  telehealth-rules --version

Exit status: 0 when reports were printed, 2 when the single request was invalid,
1 on I/O failure or bad arguments.";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["check"] => check_one(),
        ["check", "--jsonl"] => check_lines(),
        ["audit", rest @ ..] => return crate::audit::main(rest),
        ["serve", rest @ ..] => match crate::serve::Options::parse(rest) {
            Ok(options) => crate::serve::run(options).map(|()| ExitCode::SUCCESS),
            Err(message) => return usage_error(&message),
        },
        ["--version" | "-V"] => {
            println!("telehealth-rules {} (ruleset {})", env!("CARGO_PKG_VERSION"), telehealth_rules::RULESET);
            Ok(ExitCode::SUCCESS)
        }
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => return usage_error("unknown command"),
    };
    result.unwrap_or_else(|e| {
        eprintln!("telehealth-rules: {e}");
        ExitCode::FAILURE
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("telehealth-rules: {message}\n\n{USAGE}");
    ExitCode::FAILURE
}

/// Reads stdin up to the request size limit: one request, one report.
fn check_one() -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_REQUEST_BYTES).unwrap_or(u64::MAX) + 1;
    io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    let report = report_for(&bytes, bytes.len() > MAX_REQUEST_BYTES);
    let mut out = io::stdout().lock();
    writeln!(out, "{}", report.to_json())?;
    out.flush()?;
    Ok(if matches!(report, Report::InvalidRequest(_)) { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One request per line, one report per line (a blank line too gets its
/// `invalid_request` report, so line N of the output answers line N of the
/// input). Streamed: memory stays bounded by one line (at most the request
/// size limit) however long the input is.
fn check_lines() -> io::Result<ExitCode> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_REQUEST_BYTES).unwrap_or(u64::MAX) + 1;
    loop {
        line.clear();
        let read = (&mut input).take(limit).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        let oversized = !line.ends_with(b"\n") && line.len() > MAX_REQUEST_BYTES;
        if oversized {
            skip_rest_of_line(&mut input)?;
        }
        let request = line.strip_suffix(b"\n").unwrap_or(&line);
        let request = request.strip_suffix(b"\r").unwrap_or(request);
        writeln!(out, "{}", report_for(request, oversized).to_json())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn skip_rest_of_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(at) = buf.iter().position(|b| *b == b'\n') {
            input.consume(at + 1);
            return Ok(());
        }
        let len = buf.len();
        input.consume(len);
    }
}

fn report_for(bytes: &[u8], oversized: bool) -> Report {
    if oversized {
        let params = Params::new().with("problem", "request_larger").with("max", MAX_REQUEST_BYTES.to_string());
        return Report::InvalidRequest(InvalidRequestReport::new("", params));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_json_report(text, Date::today_utc()),
        Err(_) => {
            Report::InvalidRequest(InvalidRequestReport::new("", Params::new().with("problem", "request_not_utf8")))
        }
    }
}
