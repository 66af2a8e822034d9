//! Argument handling and the `check` command.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
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
  telehealth-rules serve [OPTIONS]  serve the settings page, /pkg/ and POST /v1/check
  telehealth-rules --version

Options of serve:
";

const EXIT_STATUS: &str = "\
Exit status: 0 when reports were printed (also when the reader of the output
went away, as with `| head -1`), 2 when the single request was invalid, 1 on
an I/O failure or bad arguments.";

/// Why a command did not finish.
enum Failure {
    /// Bad arguments: the usage follows the message.
    Usage(String),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.split_first() {
        Some((command, rest)) => run(command, rest),
        None => Err(Failure::Usage("no command".to_owned())),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("telehealth-rules: {message}\n\n{}", usage());
            ExitCode::FAILURE
        }
        // The reader of the output went away (`| head -1`): like any filter,
        // stop quietly; what it read was complete lines.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            eprintln!("telehealth-rules: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One entry per subcommand.
fn run(command: &str, rest: &[&str]) -> Result<ExitCode, Failure> {
    match command {
        "check" => check(rest),
        "audit" => Ok(crate::audit::main(rest)),
        "serve" => serve(rest),
        "--version" | "-V" => {
            let version = env!("CARGO_PKG_VERSION");
            print_line(&format!("telehealth-rules {version} (ruleset {})", telehealth_rules::RULESET))
        }
        "--help" | "-h" | "help" => print_line(&usage()),
        other => Err(Failure::Usage(format!("unknown command {other}"))),
    }
}

fn usage() -> String {
    format!("{USAGE}{}\n\n{EXIT_STATUS}", crate::serve::FLAGS)
}

fn print_line(text: &str) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn check(args: &[&str]) -> Result<ExitCode, Failure> {
    let jsonl = match args {
        [] => false,
        ["--jsonl"] => true,
        _ => return Err(Failure::Usage(format!("check: unknown arguments {}", args.join(" ")))),
    };
    Ok(if jsonl { check_lines()? } else { check_one()? })
}

fn serve(args: &[&str]) -> Result<ExitCode, Failure> {
    let options = crate::serve::Options::parse(args).map_err(Failure::Usage)?;
    crate::serve::run(options)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads stdin up to the request size limit: one request, one report.
fn check_one() -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_REQUEST_BYTES).unwrap_or(u64::MAX) + 1;
    io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    let report = report_for(&bytes, bytes.len() > MAX_REQUEST_BYTES);
    let mut out = io::stdout().lock();
    let written = writeln!(out, "{}", report.to_json()).and_then(|()| out.flush());
    // A reader that went away does not change what the request was.
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
        _ => {}
    }
    Ok(if matches!(report, Report::InvalidRequest(_)) { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One request per line, one report per line (a blank line too gets its
/// `invalid_request` report, so line N of the output answers line N of the
/// input). Streamed: memory stays bounded by one line (at most the request
/// size limit) however long the input is.
///
/// The reports are written in blocks, and flushed whenever the next request
/// is not already in the input buffer: a program that writes one request and
/// waits for its report (a co-process) gets it at once, while a file or a
/// fast pipe is still answered in blocks.
fn check_lines() -> io::Result<ExitCode> {
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_REQUEST_BYTES).unwrap_or(u64::MAX) + 1;
    loop {
        if !input.buffer().contains(&b'\n') {
            out.flush()?;
        }
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

/// Reads past the end of an oversized line (shared with `audit`).
pub(crate) fn skip_rest_of_line(input: &mut impl BufRead) -> io::Result<()> {
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
