//! The command line, declared once with clap (derive): every subcommand and
//! flag, its help text, its default and its environment variable. `--help`
//! prints it; docs/cli.md is generated from it (`telehealth-rules
//! help-markdown`, checked by tests/js/cli.test.mjs). Also the `check`
//! command.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use telehealth_rules::code::params::{InvalidRequest, InvalidRequestProblem as Problem};
use telehealth_rules::decode::MAX_REQUEST_BYTES;
use telehealth_rules::{check_json_report, Date, InvalidRequestReport, Report};

const EXIT_STATUS: &str = "\
Exit status: 0 when reports were printed (also when the reader of the output
went away, as with `| head -1`), 2 when the single request of `check` was
invalid, 1 on an I/O failure or bad arguments.

Every flag can also be set by the environment variable named in its help;
a flag on the command line wins.";

const SERVE_NOTES: &str = "\
DURATION is a number of seconds, or a number with ms or s (500ms, 2s). A flag given twice
takes its last value (--allow-host adds each). docs/service.md covers probes, metrics, logs
and shutdown; SECURITY.md what the limits withstand.";

/// Largest request `check` reads by default. The JSON reader needs about 17
/// times the text it reads, so this bounds the memory of `check` (about
/// 20 MB) where the contract's own limit (16 MiB) would allow ~300 MB.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 1024 * 1024;

#[derive(Parser)]
#[command(name = "telehealth-rules", about = "Telehealth compliance rules (contract v1): check requests, audit stored records, serve the HTTP API", after_help = EXIT_STATUS, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read one JSON request on stdin and print one JSON report (or, with
    /// --jsonl, one report per request line).
    Check(CheckArgs),
    /// Read stored records (JSONL) on stdin; print the ones the current
    /// ruleset judges differently, and a summary on stderr.
    Audit(crate::audit::AuditArgs),
    /// Serve the settings page, the npm package under /pkg/, POST /v1/check,
    /// /healthz, /readyz and /v1/openapi.json.
    #[command(args_override_self = true, after_help = SERVE_NOTES)]
    Serve(Box<crate::serve::ServeArgs>),
    /// Print a completion script for SHELL on stdout (bash: `source <(telehealth-rules
    /// completions bash)`; zsh, fish, elvish and powershell likewise).
    Completions {
        /// The shell the script is for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print this command line's reference (docs/cli.md) as Markdown.
    #[command(hide = true)]
    HelpMarkdown,
}

#[derive(Args)]
struct CheckArgs {
    /// One request per line in, one report per line out (line N answers line
    /// N; flushed whenever the next request has not arrived yet).
    #[arg(long, env = "TELEHEALTH_RULES_JSONL")]
    jsonl: bool,
    /// Largest request (or line) read, in bytes; a larger one gets an
    /// invalid_request report (request_larger) and memory stays bounded. At
    /// most 16777216.
    #[arg(long, value_name = "BYTES", env = "TELEHEALTH_RULES_MAX_REQUEST_BYTES", default_value_t = DEFAULT_MAX_REQUEST_BYTES, value_parser = request_bytes)]
    max_request_bytes: usize,
}

fn request_bytes(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_REQUEST_BYTES).contains(&n) => Ok(n),
        _ => Err(format!("not a whole number from 1 to {MAX_REQUEST_BYTES}")),
    }
}

/// The command line as declared, with the version line (which names the
/// ruleset, known only at run time for clap).
fn command() -> clap::Command {
    let version = format!("{} (ruleset {})", env!("CARGO_PKG_VERSION"), telehealth_rules::RULESET);
    Cli::command().version(version)
}

pub fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return usage_error(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Audit(args) => return crate::audit::main(&args),
        Command::Serve(args) => match crate::serve::Options::from_args(*args) {
            Ok(options) => crate::serve::run(options).map(|()| ExitCode::SUCCESS),
            Err(message) => {
                let error = command().error(clap::error::ErrorKind::ValueValidation, message);
                return usage_error(&error);
            }
        },
        Command::Completions { shell } => completions(shell),
        Command::HelpMarkdown => print_text(&markdown()),
    };
    match result {
        Ok(code) => code,
        // The reader of the output went away (`| head -1`): like any filter,
        // stop quietly; what it read was complete lines.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("telehealth-rules: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--help` and `--version` print to stdout and exit 0; bad arguments print
/// the error and the usage to stderr and exit 1 (2 means an invalid request).
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let _ = e.print();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn print_text(text: &str) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn completions(shell: clap_complete::Shell) -> io::Result<ExitCode> {
    // The generators offer hidden subcommands too: complete the visible ones only.
    let root = command();
    let mut visible = clap::Command::new("telehealth-rules")
        .version(root.get_version().map(str::to_owned).unwrap_or_default())
        .disable_help_subcommand(true)
        .subcommands(root.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut visible, "telehealth-rules", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == clap_complete::Shell::Bash {
        // clap_complete's bash script spells a hyphenated program's states
        // two ways, so no subcommand's flags ever complete
        // (https://github.com/clap-rs/clap/issues/6421): one spelling.
        script = script.replace("telehealth__subcmd__rules__", "telehealth__rules__");
    }
    let mut out = io::stdout().lock();
    out.write_all(script.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// docs/cli.md: each command's `--help`, as clap prints it, under a heading.
fn markdown() -> String {
    // The values set in this environment are not part of the reference.
    let mut root =
        command().mut_args(|a| a.hide_env_values(true)).mut_subcommands(|s| s.mut_args(|a| a.hide_env_values(true)));
    root.build();
    let mut out = String::from(
        "# Command line reference\n\n\
         Generated from the CLI's declaration (`telehealth-rules help-markdown > docs/cli.md`;\n\
         `tests/js/cli.test.mjs` fails when this file is not current). Every flag can also be set\n\
         by the environment variable shown in its help; a flag on the command line wins.\n\n",
    );
    let mut sections = vec![("telehealth-rules".to_owned(), root.render_long_help().to_string())];
    for sub in root.get_subcommands_mut() {
        if sub.is_hide_set() {
            continue;
        }
        let name = format!("telehealth-rules {}", sub.get_name());
        sections.push((name, sub.render_long_help().to_string()));
    }
    for (name, help) in sections {
        // Lines without trailing blanks (clap indents its empty lines).
        let help: Vec<&str> = help.trim_end().lines().map(str::trim_end).collect();
        out.push_str(&format!("## `{name}`\n\n```text\n{}\n```\n\n", help.join("\n")));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn check(args: &CheckArgs) -> io::Result<ExitCode> {
    if args.jsonl {
        check_lines(args.max_request_bytes)
    } else {
        check_one(args.max_request_bytes)
    }
}

/// Reads stdin up to the request size limit: one request, one report.
fn check_one(max: usize) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX) + 1;
    io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    let report = report_for(&bytes, (bytes.len() > max).then_some(max));
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
/// input). Streamed: memory stays bounded by one line (at most `max` bytes)
/// however long the input is.
///
/// The reports are written in blocks, and flushed whenever the next request
/// is not already in the input buffer: a program that writes one request and
/// waits for its report (a co-process) gets it at once, while a file or a
/// fast pipe is still answered in blocks.
fn check_lines(max: usize) -> io::Result<ExitCode> {
    let mut input = BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut line = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX) + 1;
    loop {
        if !input.buffer().contains(&b'\n') {
            out.flush()?;
        }
        line.clear();
        let read = (&mut input).take(limit).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        let oversized = !line.ends_with(b"\n") && line.len() > max;
        if oversized {
            skip_rest_of_line(&mut input)?;
        }
        let request = line.strip_suffix(b"\n").unwrap_or(&line);
        let request = request.strip_suffix(b"\r").unwrap_or(request);
        writeln!(out, "{}", report_for(request, oversized.then_some(max)).to_json())?;
        // A long line's buffer is not kept for the short ones after it.
        if line.capacity() > 64 * 1024 {
            line = Vec::new();
        }
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

/// The report for one request; `oversized` is the limit it went past.
fn report_for(bytes: &[u8], oversized: Option<usize>) -> Report {
    if let Some(max) = oversized {
        let params = InvalidRequest::new().problem(Problem::RequestLarger).max(max.to_string());
        return Report::InvalidRequest(InvalidRequestReport::new("", params));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_json_report(text, Date::today_utc()),
        Err(_) => {
            let params = InvalidRequest::new().problem(Problem::RequestNotUtf8);
            Report::InvalidRequest(InvalidRequestReport::new("", params))
        }
    }
}
