//! `telehealth-rules serve`: the settings page, the npm package it loads,
//! and `POST /v1/check`, on one loopback address.
//!
//! Every connection is bounded: it must send each request head within the
//! idle timeout (counted from its opening or its previous response), the
//! request must be read and answered within the request timeout, a response
//! the client does not read for the write timeout resets the connection, and
//! after `--max-requests` requests the connection is closed. At most
//! `--max-connections` are served at once (fewer if the open-file limit
//! allows fewer); when they are all taken and another client waits,
//! connections waiting for their client (for a request head, for the rest of
//! a body, or to read a response) make room (`Shared::relieve_pressure`).
//! On SIGTERM, SIGINT or SIGHUP the listener
//! is closed at once, requests already received are answered (with
//! `Connection: close`), idle connections are closed, and the process exits
//! within the shutdown grace period whatever the clients do.
//!
//! For operators: `/healthz` (the process answers) and `/readyz` (the page
//! and package are there, and the service is not shutting down: readiness
//! flips at the first signal, `--drain-delay` before the listener closes);
//! SIGHUP drains like SIGTERM, and a second signal ends the grace at once;
//! Prometheus metrics on `--metrics-addr` (`metrics`); one log line per
//! request with its id (`access`); the OpenAPI document at
//! `/v1/openapi.json` (docs/openapi.json, generated from the JSON Schema).

mod access;
mod files;
mod guard;
mod metrics;

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpSocket;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

use telehealth_rules::code::params::{InvalidRequest, InvalidRequestProblem as Problem};
use telehealth_rules::{check_json_report, Date, InvalidRequestReport, Report};

/// Largest request body accepted by `POST /v1/check`.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Largest request head (request line and headers): beyond it, 431.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Most header fields in a request: beyond it, 431.
const MAX_HEADERS: usize = 100;

/// Longest request target: beyond it, 414.
const MAX_URI_BYTES: usize = 8 * 1024;

/// Hyper's read and write buffers per connection (it reads no further ahead
/// than this, however many requests a client pipelines).
const MAX_BUF_BYTES: usize = 32 * 1024;

/// Files are read in pieces of this size: with hyper's buffers, what a
/// connection whose client stopped reading holds until the write timeout.
const FILE_CHUNK_BYTES: usize = 16 * 1024;

/// Connections the kernel completes and queues while every slot is busy
/// (the listen backlog; Linux caps it at `net.core.somaxconn`).
const LISTEN_BACKLOG: u32 = 4096;

/// Longest static file path, and longest name in it (the file system's
/// `NAME_MAX`): a longer one is a 404 without asking the file system.
const MAX_STATIC_PATH_BYTES: usize = 1024;
const MAX_NAME_BYTES: usize = 255;

/// On shutdown, connections stay open this long (at most half the grace
/// period) to answer requests already on their way, with `Connection:
/// close`, before idle ones are closed: a keep-alive client that sends just
/// as its connection closes gets no answer.
const DRAIN: Duration = Duration::from_secs(1);

/// When the connection cap is full and a client is waiting, a connection that
/// has sent no complete request head for this long (slow headers, or opened
/// and silent) is closed to make room; a keep-alive connection idle since its
/// last response, after the longer time (closing one races a request the
/// client may be sending). If there is none, the longest-open connection is
/// closed after its current response (`Connection: close`).
const PRESSURE_IDLE: Duration = Duration::from_millis(250);
const PRESSURE_KEEP_ALIVE_IDLE: Duration = Duration::from_secs(2);
/// A connection still reading a request body this long after the body began
/// (a byte a second, or `Expect: 100-continue` and no body), and waiting for
/// its client, is closed too when a client waits.
const PRESSURE_BODY_IDLE: Duration = Duration::from_secs(2);
/// A connection whose client has taken no byte of its response for this long
/// (a slow reader) is closed too when a client waits, with a reset.
const PRESSURE_WRITE_IDLE: Duration = Duration::from_secs(2);
const PRESSURE_TICK: Duration = Duration::from_millis(10);

/// The page may run its own scripts and compile wasm; nothing inline, no
/// other origin, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// On every response the process sends, including the ones for requests
/// that could not be parsed (`guard`).
const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::REFERRER_POLICY, "no-referrer"),
];

/// The limits of `serve`, each a flag (`ServeArgs` declares their defaults).
#[derive(Clone, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub max_requests: usize,
    pub idle_timeout: Duration,
    pub request_timeout: Duration,
    pub write_timeout: Duration,
    pub shutdown_grace: Duration,
}

/// How `serve` logs.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LogFormat {
    /// One human-readable line per event.
    Text,
    /// One JSON object per line.
    Json,
}

/// The least severe events logged (`info` logs one line per request).
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LogLevel {
    Off,
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

/// The flags of `serve`: each also an environment variable.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, value_name = "ADDR", env = "TELEHEALTH_RULES_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The settings page's folder [default: www/ of the source tree].
    #[arg(long, value_name = "DIR", env = "TELEHEALTH_RULES_WWW")]
    www: Option<PathBuf>,
    /// The built npm package, served under /pkg/ [default: pkg/ of the source tree].
    #[arg(long, value_name = "DIR", env = "TELEHEALTH_RULES_PKG")]
    pkg: Option<PathBuf>,
    /// Also answer for this Host (HOST with any port, or HOST:PORT; repeatable, or
    /// comma-separated in the variable). By default only localhost, 127.0.0.1,
    /// [::1] and the bound address.
    #[arg(long, value_name = "HOST", env = "TELEHEALTH_RULES_ALLOW_HOST", value_delimiter = ',', value_parser = parse_host)]
    allow_host: Vec<String>,
    /// Connections served at once; when full, idle and stalled ones make room. Lowered
    /// at start to what the open-file limit allows (two descriptors per connection).
    #[arg(long, value_name = "N", env = "TELEHEALTH_RULES_MAX_CONNECTIONS", default_value = "1024", value_parser = parse_count)]
    max_connections: usize,
    /// Requests per connection before it is closed.
    #[arg(long, value_name = "N", env = "TELEHEALTH_RULES_MAX_REQUESTS", default_value = "1000", value_parser = parse_count)]
    max_requests: usize,
    /// Time to send a request head, from the connection's opening or its previous response.
    #[arg(long, value_name = "DURATION", env = "TELEHEALTH_RULES_IDLE_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    idle_timeout: Duration,
    /// Time from the request head to the answer, the body included (then 408).
    #[arg(long, value_name = "DURATION", env = "TELEHEALTH_RULES_REQUEST_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    request_timeout: Duration,
    /// Longest a response may wait for the client to read; then the connection is reset.
    #[arg(long, value_name = "DURATION", env = "TELEHEALTH_RULES_WRITE_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    write_timeout: Duration,
    /// On SIGTERM, SIGINT or SIGHUP, time given to requests in flight once the listener
    /// is closed; a second signal ends it at once.
    #[arg(long, value_name = "DURATION", env = "TELEHEALTH_RULES_SHUTDOWN_GRACE", default_value = "5s", value_parser = parse_duration)]
    shutdown_grace: Duration,
    /// On the first signal, time during which /readyz answers 503 while everything is
    /// still served, so that a load balancer stops sending before the listener closes.
    #[arg(long, value_name = "DURATION", env = "TELEHEALTH_RULES_DRAIN_DELAY", default_value = "0s", value_parser = parse_delay)]
    drain_delay: Duration,
    /// Serve Prometheus metrics at GET /metrics on this address (off by default; keep
    /// it private: it is not behind the Host check).
    #[arg(long, value_name = "ADDR", env = "TELEHEALTH_RULES_METRICS_ADDR")]
    metrics_addr: Option<SocketAddr>,
    /// Format of the log on stderr.
    #[arg(long, value_name = "FORMAT", env = "TELEHEALTH_RULES_LOG_FORMAT", default_value = "text")]
    log_format: LogFormat,
    /// Least severe events logged; info logs one line per request.
    #[arg(long, value_name = "LEVEL", env = "TELEHEALTH_RULES_LOG_LEVEL", default_value = "info")]
    log_level: LogLevel,
}

pub struct Options {
    addr: SocketAddr,
    www: PathBuf,
    pkg: PathBuf,
    allow_hosts: Vec<String>,
    limits: Limits,
    drain_delay: Duration,
    metrics_addr: Option<SocketAddr>,
    log_format: LogFormat,
    log_level: LogLevel,
}

impl Options {
    pub fn from_args(args: ServeArgs) -> Result<Options, String> {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        if args.metrics_addr.is_some_and(|m| m == args.addr && m.port() != 0) {
            return Err(format!("--metrics-addr {}: the same address as --addr", args.addr));
        }
        Ok(Options {
            addr: args.addr,
            www: args.www.unwrap_or_else(|| here.join("www")),
            pkg: args.pkg.unwrap_or_else(|| here.join("pkg")),
            allow_hosts: args.allow_host,
            limits: Limits {
                max_connections: args.max_connections,
                max_requests: args.max_requests,
                idle_timeout: args.idle_timeout,
                request_timeout: args.request_timeout,
                write_timeout: args.write_timeout,
                shutdown_grace: args.shutdown_grace,
            },
            drain_delay: args.drain_delay,
            metrics_addr: args.metrics_addr,
            log_format: args.log_format,
            log_level: args.log_level,
        })
    }
}

fn parse_count(value: &str) -> Result<usize, String> {
    // The semaphore's permits are counted in u32.
    match value.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n as usize),
        _ => Err(format!("not a whole number from 1 to {}", u32::MAX)),
    }
}

/// A duration of zero or more: `0`, or as `parse_duration`.
fn parse_delay(value: &str) -> Result<Duration, String> {
    if value.strip_suffix("ms").or_else(|| value.strip_suffix('s')).unwrap_or(value) == "0" {
        return Ok(Duration::ZERO);
    }
    parse_duration(value)
}

/// A number of seconds, or a number with `ms` or `s` (`500ms`, `2s`).
fn parse_duration(value: &str) -> Result<Duration, String> {
    let (number, millis_per_unit) = if let Some(ms) = value.strip_suffix("ms") {
        (ms, 1)
    } else {
        (value.strip_suffix('s').unwrap_or(value), 1000)
    };
    match number.parse::<u64>() {
        Ok(n) if n > 0 && n <= 86_400_000 / millis_per_unit => Ok(Duration::from_millis(n * millis_per_unit)),
        _ => Err("not a duration such as 10s or 500ms (at least 1 ms, at most a day)".to_owned()),
    }
}

fn parse_host(value: &str) -> Result<String, String> {
    let host = value.trim().to_ascii_lowercase();
    let valid = !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']' | b'_'));
    if valid {
        Ok(host)
    } else {
        Err("not a host name such as telehealth.example.org or example.org:8443".to_owned())
    }
}

/// Descriptors kept for the process itself (the runtime, the listeners,
/// stdio, signals), outside two per connection (its socket and a file).
const RESERVED_FDS: u64 = 64;

/// Each accepted socket's send buffer (the kernel doubles it for its
/// bookkeeping): what a client that stops reading can hold in kernel memory,
/// instead of the autotuned megabytes.
const SEND_BUFFER_BYTES: usize = 128 * 1024;

pub fn run(mut options: Options) -> std::io::Result<()> {
    let _log = init_logging(options.log_format, options.log_level);
    options.limits.max_connections = connection_cap(options.limits.max_connections)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let result = runtime.block_on(async move {
        let socket = if options.addr.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
        #[cfg(unix)]
        socket.set_reuseaddr(true)?;
        socket.bind(options.addr)?;
        let listener = socket.listen(LISTEN_BACKLOG)?;
        let addr = listener.local_addr()?;
        let metrics = Arc::new(metrics::Metrics::new());
        let metrics_addr = match options.metrics_addr {
            Some(at) => Some(metrics::serve(at, metrics.clone()).await?),
            None => None,
        };
        let ready = Arc::new(AtomicBool::new(true));
        let shared = Arc::new(Shared {
            app: app(&options, ready.clone()),
            hosts: AllowedHosts::new(addr, &options.allow_hosts),
            limits: options.limits.clone(),
            draining: AtomicBool::new(false),
            ready,
            connections: Mutex::new(HashMap::new()),
            metrics,
            request_ids: access::RequestIds::new(),
            www: files::Folder::new(&options.www),
            pkg: files::Folder::new(&options.pkg),
        });
        let signals = Signals::install();
        say(&format!("telehealth-rules: serving http://{addr}/ (ruleset {}); Ctrl-C stops", telehealth_rules::RULESET));
        if let Some(at) = metrics_addr {
            say(&format!("telehealth-rules: metrics at http://{at}/metrics"));
        }
        tracing::info!(%addr, ruleset = telehealth_rules::RULESET, max_connections = shared.limits.max_connections, "serving");
        serve_connections(listener, shared, signals, options.drain_delay).await;
        tracing::info!("stopped");
        say("telehealth-rules: stopped");
        Ok(())
    });
    // Connections still open after the grace period are dropped here.
    runtime.shutdown_timeout(Duration::from_millis(500));
    result
}

/// Log lines waiting for stderr; beyond them, lines are dropped rather than
/// make a request wait for a stalled log reader.
const LOG_QUEUE_LINES: usize = 64 * 1024;

/// Logs to stderr, as text or JSON lines, from `level` up, through a
/// writer thread (`tracing-appender`): serving never blocks on the log. The
/// guard flushes what is queued when dropped, at exit.
fn init_logging(format: LogFormat, level: LogLevel) -> tracing_appender::non_blocking::WorkerGuard {
    use tracing::level_filters::LevelFilter;
    let level = match level {
        LogLevel::Off => LevelFilter::OFF,
        LogLevel::Error => LevelFilter::ERROR,
        LogLevel::Warn => LevelFilter::WARN,
        LogLevel::Info => LevelFilter::INFO,
        LogLevel::Debug => LevelFilter::DEBUG,
        LogLevel::Trace => LevelFilter::TRACE,
    };
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(true)
        .buffered_lines_limit(LOG_QUEUE_LINES)
        .thread_name("telehealth-rules-log")
        .finish(std::io::stderr());
    let builder = tracing_subscriber::fmt().with_writer(writer).with_max_level(level).with_target(false);
    let _ = match format {
        LogFormat::Text => {
            use std::io::IsTerminal;
            builder.with_ansi(std::io::stderr().is_terminal()).try_init()
        }
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(false).with_span_list(false).try_init(),
    };
    guard
}

/// Raises the soft limit on open files to the hard one, and lowers the
/// connection cap to what the limit allows: a connection serving a file holds
/// two descriptors, and a process out of descriptors can neither accept (so
/// pressure relief never starts) nor open its files.
fn connection_cap(wanted: usize) -> std::io::Result<usize> {
    let limit = rlimit::increase_nofile_limit(u64::MAX)
        .or_else(|_| rlimit::getrlimit(rlimit::Resource::NOFILE).map(|(soft, _)| soft))?;
    let allowed = usize::try_from(limit.saturating_sub(RESERVED_FDS) / 2).unwrap_or(usize::MAX);
    if allowed == 0 {
        return Err(std::io::Error::other(format!(
            "the open-file limit ({limit}) leaves no descriptors for connections: raise it (ulimit -n)"
        )));
    }
    if allowed < wanted {
        tracing::warn!(
            open_file_limit = limit,
            max_connections = allowed,
            asked = wanted,
            "--max-connections lowered to what the open-file limit allows"
        );
    }
    Ok(wanted.min(allowed))
}

/// A line on stdout; a closed stdout does not stop the service.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// What every connection shares.
struct Shared {
    app: Router,
    hosts: AllowedHosts,
    limits: Limits,
    /// Set on shutdown: every response from then on closes its connection.
    draining: AtomicBool,
    /// What `/readyz` says: cleared at the first signal.
    ready: Arc<AtomicBool>,
    /// The open connections, for `relieve_pressure`.
    connections: Mutex<HashMap<u64, Arc<ConnState>>>,
    metrics: Arc<metrics::Metrics>,
    request_ids: access::RequestIds,
    /// The static folders, for `files::Folder::screen`.
    www: files::Folder,
    pkg: files::Folder,
}

/// What the accept loop knows of one connection.
struct ConnState {
    opened: Instant,
    /// Requests in service, until their response body is written.
    busy: AtomicUsize,
    /// Whether a request has been served (a keep-alive connection).
    served_any: AtomicBool,
    /// Since when the connection has had no request in service.
    idle_since: Mutex<Instant>,
    /// Whether the connection waits for input or to write (set by
    /// `guard::GuardedIo`).
    io: Arc<guard::IoFlags>,
    /// The next response closes the connection.
    close_next: AtomicBool,
    /// Asked to close now, if it is still waiting for a request head or body.
    evict: tokio::sync::Notify,
    evicted: AtomicBool,
    /// Since when a request body has been read (`POST /v1/check`), while it is.
    body_since: Mutex<Option<Instant>>,
}

impl ConnState {
    fn new() -> ConnState {
        let now = Instant::now();
        ConnState {
            opened: now,
            busy: AtomicUsize::new(0),
            served_any: AtomicBool::new(false),
            idle_since: Mutex::new(now),
            io: Arc::default(),
            close_next: AtomicBool::new(false),
            evict: tokio::sync::Notify::new(),
            evicted: AtomicBool::new(false),
            body_since: Mutex::new(None),
        }
    }

    /// Since when the connection has been waiting for its client: to take a
    /// response it has stopped reading, for a request head (no request in
    /// service) or for the rest of a request body, with all the client sent
    /// read (a connection the server has not got round to reading is not
    /// waiting for its client).
    fn waiting_since(&self) -> Option<Instant> {
        if self.io.write_blocked.load(Ordering::SeqCst) {
            return self.io.write_blocked_since.lock().ok().and_then(|since| *since);
        }
        if !self.io.read_blocked.load(Ordering::SeqCst) {
            return None;
        }
        if self.busy.load(Ordering::SeqCst) > 0 {
            return self.body_since.lock().ok().and_then(|since| *since);
        }
        self.idle_since.lock().ok().map(|since| *since)
    }

    /// How long the connection may wait for its client before pressure
    /// relief closes it.
    fn pressure_allowance(&self) -> Duration {
        if self.io.write_blocked.load(Ordering::SeqCst) {
            PRESSURE_WRITE_IDLE
        } else if self.busy.load(Ordering::SeqCst) > 0 {
            PRESSURE_BODY_IDLE
        } else if self.served_any.load(Ordering::SeqCst) {
            PRESSURE_KEEP_ALIVE_IDLE
        } else {
            PRESSURE_IDLE
        }
    }
}

/// Marks a connection as reading a request body while it lives.
#[derive(Clone)]
struct BodyWatch(Arc<ConnState>);

impl BodyWatch {
    fn reading(&self) -> ReadingBody {
        if let Ok(mut since) = self.0.body_since.lock() {
            *since = Some(Instant::now());
        }
        ReadingBody(self.0.clone())
    }
}

struct ReadingBody(Arc<ConnState>);

impl Drop for ReadingBody {
    fn drop(&mut self) {
        if let Ok(mut since) = self.0.body_since.lock() {
            *since = None;
        }
    }
}

/// Held while a request is in service, from its head to the end of its
/// response body.
struct Busy(Arc<ConnState>);

impl Busy {
    fn new(state: &Arc<ConnState>) -> Busy {
        state.busy.fetch_add(1, Ordering::SeqCst);
        state.served_any.store(true, Ordering::SeqCst);
        Busy(state.clone())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Ok(mut since) = self.0.idle_since.lock() {
            *since = Instant::now();
        }
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A response body that releases its `Busy` when written (or dropped), and
/// counts the bytes sent for the access log.
struct TrackedBody {
    inner: Body,
    _busy: Busy,
    logged: Logged,
}

impl axum::body::HttpBody for TrackedBody {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let frame = Pin::new(&mut self.inner).poll_frame(cx);
        if let std::task::Poll::Ready(Some(Ok(frame))) = &frame {
            if let Some(data) = frame.data_ref() {
                self.logged.bytes += data.len() as u64;
            }
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

impl Shared {
    /// Makes room for a waiting client when the cap is full: closes the
    /// connection that has waited longest for its client beyond its
    /// allowance (`ConnState::pressure_allowance`), or else asks the
    /// longest-open connection to close after its current response.
    fn relieve_pressure(&self) {
        let Ok(connections) = self.connections.lock() else { return };
        let live = || connections.values().filter(|c| !c.evicted.load(Ordering::SeqCst));
        let overdue = |c: &Arc<ConnState>| c.waiting_since()?.elapsed().checked_sub(c.pressure_allowance());
        if let Some((_, connection)) = live().filter_map(|c| Some((overdue(c)?, c))).max_by_key(|(over, _)| *over) {
            connection.evicted.store(true, Ordering::SeqCst);
            connection.evict.notify_one();
            return;
        }
        if let Some(connection) = live().filter(|c| !c.close_next.load(Ordering::SeqCst)).min_by_key(|c| c.opened) {
            connection.close_next.store(true, Ordering::SeqCst);
        }
    }
}

/// Accepts connections until the first signal (and then `drain_delay`, during
/// which `/readyz` says 503), then closes the listener, answers what is in
/// flight and closes the rest (see the module comment). A second signal ends
/// the drain delay and the grace period at once. Waiting for a free
/// connection slot never delays the shutdown.
async fn serve_connections(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    signals: Signals,
    drain_delay: Duration,
) {
    let limits = shared.limits.clone();
    let metrics = shared.metrics.clone();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout)
        .max_buf_size(MAX_BUF_BYTES)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS);
    let ready = shared.ready.clone();
    let first = signals.count(1);
    let second = signals.count(2);
    let shutdown = async move {
        first.await;
        ready.store(false, Ordering::SeqCst);
        tracing::info!(
            drain_delay_ms = u64::try_from(drain_delay.as_millis()).unwrap_or(u64::MAX),
            "shutting down: not ready"
        );
        tokio::select! {
            () = tokio::time::sleep(drain_delay) => {}
            () = second => {}
        }
    };
    tokio::pin!(shutdown);
    let mut next_id: u64 = 0;
    'accept: loop {
        let accepted = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors or a connection reset before it
                // was accepted: try again shortly rather than spin.
                metrics.accept_errors.inc();
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        // A slot for it: at once, or once `relieve_pressure` has made room;
        // the shutdown signal is heard meanwhile.
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(tokio::sync::TryAcquireError::Closed) => break,
            Err(tokio::sync::TryAcquireError::NoPermits) => {
                metrics.at_cap.inc();
                loop {
                    shared.relieve_pressure();
                    tokio::select! {
                        biased;
                        () = &mut shutdown => break 'accept,
                        slot = slots.clone().acquire_owned() => match slot {
                            Ok(slot) => break slot,
                            Err(_) => break 'accept,
                        },
                        () = tokio::time::sleep(PRESSURE_TICK) => {}
                    }
                }
            }
        };
        let _ = stream.set_nodelay(true);
        let socket = socket2::SockRef::from(&stream);
        let _ = socket.set_send_buffer_size(SEND_BUFFER_BYTES);
        // A connection closed normally with bytes still queued (a response
        // that fit in the send buffer, to a client that never reads) is
        // aborted by the kernel after the write timeout, rather than kept
        // orphaned in FIN-WAIT-1 for as long as the client acknowledges its
        // zero-window probes.
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let _ = socket.set_tcp_user_timeout(Some(limits.write_timeout));
        let state = Arc::new(ConnState::new());
        next_id = next_id.wrapping_add(1);
        let id = next_id;
        if let Ok(mut connections) = shared.connections.lock() {
            connections.insert(id, state.clone());
        }
        let refuse = {
            let (shared, state) = (shared.clone(), state.clone());
            move |status| refuse_unparsed(&shared, &state, status)
        };
        let io = TokioIo::new(guard::GuardedIo::new(stream, limits.write_timeout, state.io.clone(), Box::new(refuse)));
        let service = ConnService {
            shared: shared.clone(),
            app: TowerToHyperService::new(shared.app.clone()),
            state: state.clone(),
            served: Arc::new(AtomicUsize::new(0)),
        };
        let connection = http.serve_connection(io, service);
        let mut stopped = stopped.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let _registered = Registered::new(shared.clone(), id);
            tokio::pin!(connection);
            loop {
                tokio::select! {
                    // A client that hangs up or times out is not the server's error.
                    result = connection.as_mut() => {
                        if result.is_err_and(|e| e.is_timeout()) {
                            shared.metrics.timeout("head");
                        }
                        return;
                    }
                    _ = stopped.changed() => break,
                    () = state.evict.notified() => {
                        if state.waiting_since().is_some() {
                            // Dropped: closed without a word, as no request
                            // is in it (or its body stalled), or reset, as its
                            // client reads nothing.
                            if state.io.write_blocked.load(Ordering::SeqCst) {
                                state.io.reset_on_close.store(true, Ordering::SeqCst);
                            }
                            shared.metrics.evicted.inc();
                            return;
                        }
                        state.evicted.store(false, Ordering::SeqCst);
                    }
                }
            }
            // Idle: closed now. Answering: closed after the response.
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        });
    }
    // New connections are refused from now on, not left in the queue.
    drop(listener);
    shared.draining.store(true, Ordering::SeqCst);
    let grace = tokio::time::sleep(limits.shutdown_grace);
    tokio::pin!(grace);
    let hurry = signals.count(2);
    tokio::pin!(hurry);
    // Every connection gives its slot back when it ends.
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let all_closed = slots.acquire_many(all);
    tokio::pin!(all_closed);
    // First, keep-alive connections may still send the request they had
    // on its way: it is answered, with `Connection: close`.
    tokio::select! {
        _ = &mut all_closed => return,
        () = &mut hurry => return,
        () = tokio::time::sleep(DRAIN.min(limits.shutdown_grace / 2)) => {}
    }
    // Then idle connections are closed, and busy ones after their response.
    let _ = stop.send(true);
    tokio::select! {
        _ = &mut all_closed => {}
        () = &mut grace => tracing::warn!("shutdown grace over: connections still open are dropped"),
        () = &mut hurry => tracing::warn!("second signal: connections still open are dropped"),
    }
}

/// Counts a connection as open while it lives, and removes it from
/// `Shared::connections` when it ends. A connection that ends after a write
/// timeout is counted as one (`guard` has reset it).
struct Registered(Arc<Shared>, u64);

impl Registered {
    fn new(shared: Arc<Shared>, id: u64) -> Registered {
        shared.metrics.open_connections.inc();
        Registered(shared, id)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        self.0.metrics.open_connections.dec();
        let removed = self.0.connections.lock().ok().and_then(|mut connections| connections.remove(&self.1));
        if removed.is_some_and(|state| state.io.write_timed_out.load(Ordering::SeqCst)) {
            self.0.metrics.timeout("write");
        }
    }
}

/// The service for one connection: checks the Host, the target's length,
/// the static file asked for and the per-connection request budget, then
/// hands the request to the router, puts the security and cache headers and
/// the request id on whatever comes back, and logs and counts the request
/// when its response is done with.
#[derive(Clone)]
struct ConnService {
    shared: Arc<Shared>,
    app: TowerToHyperService<Router>,
    state: Arc<ConnState>,
    served: Arc<AtomicUsize>,
}

type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl hyper::service::Service<Request<Incoming>> for ConnService {
    type Response = Response;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn call(&self, mut request: Request<Incoming>) -> Self::Future {
        let started = Instant::now();
        let busy = Busy::new(&self.state);
        let served = self.served.fetch_add(1, Ordering::Relaxed) + 1;
        let last = served >= self.shared.limits.max_requests;
        let path = request.uri().path().to_owned();
        let kind = Kind::of(&path);
        let request_id = self.shared.request_ids.for_request(request.headers());
        let mut entry =
            access::Entry::new(started, request.method().as_str(), &path, &request_id, route_name(kind, &path));
        let refusal = self.shared.screen(&mut request, kind);
        if refusal.is_none() {
            files::drop_future_if_modified_since(request.headers_mut());
            request.extensions_mut().insert(BodyWatch(self.state.clone()));
        }
        let answer = refusal.is_none().then(|| hyper::service::Service::call(&self.app, request));
        let shared = self.shared.clone();
        let state = self.state.clone();
        Box::pin(async move {
            let mut response = match (refusal, answer) {
                (Some(response), _) => response,
                (None, Some(answer)) => answer.await.unwrap_or_else(|never| match never {}),
                (None, None) => StatusCode::NOT_FOUND.into_response(),
            };
            let close = last || shared.draining.load(Ordering::SeqCst) || state.close_next.load(Ordering::SeqCst);
            finish(&mut response, kind, &path, close, &shared.metrics);
            response.headers_mut().insert(HeaderName::from_static(access::REQUEST_ID), request_id);
            entry.status = response.status().as_u16();
            if let Some(outcome) = response.extensions().get::<Outcome>() {
                entry.kind = outcome.kind;
                entry.verdict = outcome.verdict;
            }
            let logged = Logged { entry, shared, bytes: 0 };
            Ok(response.map(|inner| Body::new(TrackedBody { inner, _busy: busy, logged })))
        })
    }
}

/// The kind and verdict of the report a request got, for the log and the
/// metrics (never its content).
#[derive(Clone, Copy)]
struct Outcome {
    kind: &'static str,
    verdict: &'static str,
}

impl Outcome {
    fn of(report: &Report) -> Outcome {
        let kind = match report {
            Report::Link(_) => "link",
            Report::Instructions(_) => "instructions",
            Report::Location(_) => "location",
            Report::Continuity(_) => "continuity",
            Report::Session(_) => "session",
            Report::InvalidRequest(_) => "invalid_request",
        };
        Outcome { kind, verdict: report.verdict().as_str() }
    }
}

/// The access log entry of a response, written when its body is done with.
struct Logged {
    entry: access::Entry,
    shared: Arc<Shared>,
    bytes: u64,
}

impl Drop for Logged {
    fn drop(&mut self) {
        self.entry.finish(self.bytes, &self.shared.metrics);
    }
}

/// What a path asks for: an API answer (reports, `no-store`), a probe
/// (`no-store`, answered for any Host), a package file (compressed variants,
/// `Vary`) or a page file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Api,
    Probe,
    Package,
    Page,
}

impl Kind {
    fn of(path: &str) -> Kind {
        if path == "/v1" || path.starts_with("/v1/") {
            Kind::Api
        } else if path == "/healthz" || path == "/readyz" {
            Kind::Probe
        } else if path == "/pkg" || path.starts_with("/pkg/") {
            Kind::Package
        } else {
            Kind::Page
        }
    }
}

/// The `route` label of the metrics and the log: one of a fixed few.
fn route_name(kind: Kind, path: &str) -> &'static str {
    match (kind, path) {
        (Kind::Api, "/v1/check") => "check",
        (Kind::Api, "/v1/ruleset") => "ruleset",
        (Kind::Api, "/v1/openapi.json") => "openapi",
        (Kind::Api, _) => "api_unknown",
        (Kind::Probe, "/healthz") => "healthz",
        (Kind::Probe, _) => "readyz",
        (Kind::Package, _) => "package",
        (Kind::Page, _) => "page",
    }
}

impl Shared {
    /// A refusal for a request the router must not see: not exactly one
    /// Host (RFC 9112, 3.2: 400), a Host that is not this service's (DNS
    /// rebinding; the probes excepted), a request target over 8 KiB, a file
    /// path no file system would take, a static file that is not a regular
    /// file inside its folder. An absolute-form target's authority is the
    /// request's host, whatever the Host header says (RFC 9112, 3.2.2). A
    /// file whose precompressed variants are older than it loses the
    /// request's `Accept-Encoding`, so `ServeDir` sends the file itself.
    fn screen(&self, request: &mut Request<Incoming>, kind: Kind) -> Option<Response> {
        let mut hosts = request.headers().get_all(header::HOST).iter();
        let (first, second) = (hosts.next(), hosts.next());
        if second.is_some() {
            return Some(invalid(StatusCode::BAD_REQUEST, problem(Problem::NotHttp)));
        }
        let authority = request.uri().authority().map(|a| a.as_str());
        let host = authority.or_else(|| first.and_then(|v| v.to_str().ok()));
        let Some(host) = host else {
            return Some(invalid(StatusCode::BAD_REQUEST, problem(Problem::NoHost)));
        };
        if kind != Kind::Probe && !self.hosts.allows(host) {
            return Some(invalid(StatusCode::MISDIRECTED_REQUEST, problem(Problem::UnknownHost)));
        }
        let target = request.uri().path_and_query().map_or(0, |p| p.as_str().len());
        if target > MAX_URI_BYTES {
            return Some(invalid(StatusCode::URI_TOO_LONG, target_too_long()));
        }
        let path = request.uri().path();
        let too_long = path.len() > MAX_STATIC_PATH_BYTES
            || path.split('/').any(|name| name.len().saturating_sub(2 * name.matches('%').count()) > MAX_NAME_BYTES);
        let screened = match kind {
            Kind::Api | Kind::Probe => return None,
            _ if too_long => files::Screen::Refuse,
            Kind::Package => {
                let within = path.strip_prefix("/pkg").unwrap_or(path);
                self.pkg.screen(within, &[".br", ".gz"])
            }
            Kind::Page => self.www.screen(path, &[".br", ".gz"]),
        };
        match screened {
            files::Screen::Serve => None,
            files::Screen::Identity => {
                request.headers_mut().remove(header::ACCEPT_ENCODING);
                None
            }
            files::Screen::Refuse => Some(StatusCode::NOT_FOUND.into_response()),
            files::Screen::Unavailable => Some(StatusCode::SERVICE_UNAVAILABLE.into_response()),
        }
    }
}

/// Security headers on everything; `no-store` on API answers and probes
/// (reports hold client locations and coverage), `no-cache` on files; `Vary:
/// Accept-Encoding` on files (served compressed when asked);
/// `Connection: close` when the connection's budget is spent or the service is
/// stopping. A file that cannot be read for lack of resources (out of
/// descriptors) is a 503 with `Retry-After`; no client input makes another
/// 5xx. A directory redirect names a same-origin absolute path; an unknown
/// API path gets a JSON 404.
fn finish(response: &mut Response, kind: Kind, path: &str, close: bool, metrics: &metrics::Metrics) {
    let is_file = matches!(kind, Kind::Package | Kind::Page);
    if is_file && response.status().is_server_error() {
        metrics.files_unavailable.inc();
        *response = StatusCode::SERVICE_UNAVAILABLE.into_response();
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    if is_file && response.status().is_redirection() {
        if let Ok(location) = HeaderValue::from_str(&files::directory_location(path)) {
            response.headers_mut().insert(header::LOCATION, location);
        }
    }
    if kind == Kind::Api && response.status() == StatusCode::REQUEST_TIMEOUT && is_empty(response) {
        *response = invalid(StatusCode::REQUEST_TIMEOUT, problem(Problem::RequestTimeout));
    }
    if kind == Kind::Api && response.status() == StatusCode::NOT_FOUND && is_empty(response) {
        *response = invalid(StatusCode::NOT_FOUND, problem(Problem::NotFound));
    }
    match response.status() {
        StatusCode::REQUEST_TIMEOUT => metrics.timeout("request"),
        StatusCode::PAYLOAD_TOO_LARGE => {
            metrics.body_too_large.inc();
        }
        _ => {}
    }
    let is_report = response.headers().get(header::CONTENT_TYPE).is_some_and(|t| t == "application/json");
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    let cache = if matches!(kind, Kind::Api | Kind::Probe) || is_report { "no-store" } else { "no-cache" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if is_file {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if close {
        headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
}

fn is_empty(response: &Response) -> bool {
    use axum::body::HttpBody;
    response.body().size_hint().exact() == Some(0)
}

/// The whole response (head and report) for a request hyper could not parse;
/// `guard` writes it in place of hyper's bare one.
/// The response to a request hyper could not parse, logged and counted as
/// every request is: method and path `-` (none could be read), route
/// `unparsed`, latency from when the connection last became idle.
fn refuse_unparsed(shared: &Shared, state: &ConnState, status: u16) -> Vec<u8> {
    let started = state.idle_since.lock().map_or_else(|_| Instant::now(), |since| *since);
    let request_id = shared.request_ids.for_request(&HeaderMap::new());
    let response = parse_error_response(status, &request_id);
    let mut entry = access::Entry::new(started, "-", "-", &request_id, "unparsed");
    entry.status = status;
    entry.finish(response.len() as u64, &shared.metrics);
    response.into_bytes()
}

fn parse_error_response(status: u16, request_id: &HeaderValue) -> String {
    let (reason, params) = match status {
        414 => ("URI Too Long", target_too_long()),
        431 => (
            "Request Header Fields Too Large",
            problem(Problem::HeadTooLarge).max(MAX_HEAD_BYTES.to_string()).fields(MAX_HEADERS.to_string()),
        ),
        _ => ("Bad Request", problem(Problem::NotHttp)),
    };
    let body = Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json();
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\ncache-control: no-store\r\n{}: {}\r\n",
        body.len(),
        access::REQUEST_ID,
        request_id.to_str().unwrap_or("")
    );
    for (name, value) in SECURITY_HEADERS {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head + "\r\n" + &body
}

/// The Host names the service answers for: `localhost`, `127.0.0.1`, `[::1]`
/// and the bound address, with the bound port (or without one on port 80),
/// and each `--allow-host` (with any port unless it names one).
struct AllowedHosts {
    exact: Vec<String>,
    any_port: Vec<String>,
}

impl AllowedHosts {
    fn new(bound: SocketAddr, extra: &[String]) -> AllowedHosts {
        let port = bound.port();
        let bound_ip = match bound.ip() {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        let mut exact = Vec::new();
        for name in ["localhost".to_owned(), "127.0.0.1".to_owned(), "[::1]".to_owned(), bound_ip] {
            exact.push(format!("{name}:{port}"));
            if port == 80 {
                exact.push(name);
            }
        }
        let (with_port, any_port): (Vec<String>, Vec<String>) =
            extra.iter().cloned().partition(|h| h.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()));
        exact.extend(with_port);
        AllowedHosts { exact, any_port }
    }

    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if self.exact.contains(&host) {
            return true;
        }
        let name = match host.rsplit_once(':') {
            Some((name, port)) if !name.ends_with(':') && port.parse::<u16>().is_ok() => name,
            _ => host.as_str(),
        };
        self.any_port.iter().any(|allowed| *allowed == name)
    }
}

/// The OpenAPI 3.1 description of the API, generated from the contract's
/// JSON Schema (scripts/gen-openapi.mjs; tests/js/openapi.test.mjs checks
/// it is current).
const OPENAPI: &str = include_str!("../../../docs/openapi.json");

fn app(options: &Options, ready: Arc<AtomicBool>) -> Router {
    let timeout = options.limits.request_timeout;
    let page = options.www.join("index.html");
    let pkg = options.pkg.clone();
    Router::new()
        .route("/v1/check", post(check).fallback(only_post))
        .route("/v1/ruleset", get(ruleset).fallback(only_get))
        .route("/v1/openapi.json", get(openapi).fallback(only_get))
        .route("/healthz", get(healthz).fallback(only_get))
        .route(
            "/readyz",
            get(move || readyz(ready.load(Ordering::SeqCst), page.clone(), pkg.clone())).fallback(only_get),
        )
        .nest_service(
            "/pkg",
            ServeDir::new(&options.pkg).precompressed_br().precompressed_gzip().with_buf_chunk_size(FILE_CHUNK_BYTES),
        )
        .fallback_service(
            ServeDir::new(&options.www).precompressed_br().precompressed_gzip().with_buf_chunk_size(FILE_CHUNK_BYTES),
        )
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
}

async fn openapi() -> Response {
    json(StatusCode::OK, OPENAPI.to_owned())
}

/// The process answers.
async fn healthz() -> Response {
    json(StatusCode::OK, "{\"status\":\"ok\"}".to_owned())
}

/// Ready when not shutting down and the page and the package are there
/// (the rules are compiled in): `ready`, else 503 with what is missing.
async fn readyz(ready: bool, page: PathBuf, pkg: PathBuf) -> Response {
    let status = if !ready {
        "shutting_down"
    } else if !std::fs::metadata(&page).is_ok_and(|m| m.is_file()) {
        "page_missing"
    } else if !std::fs::metadata(&pkg).is_ok_and(|m| m.is_dir()) {
        "package_missing"
    } else {
        return json(StatusCode::OK, format!("{{\"status\":\"ready\",\"ruleset\":\"{}\"}}", telehealth_rules::RULESET));
    };
    json(StatusCode::SERVICE_UNAVAILABLE, format!("{{\"status\":\"{status}\"}}"))
}

async fn ruleset() -> Response {
    json(StatusCode::OK, format!("{{\"ruleset\":\"{}\"}}", telehealth_rules::RULESET))
}

async fn only_post(method: Method) -> Response {
    method_not_allowed(&method, "POST")
}

async fn only_get(method: Method) -> Response {
    method_not_allowed(&method, "GET, HEAD")
}

fn method_not_allowed(method: &Method, allow: &'static str) -> Response {
    let params = problem(Problem::MethodNotAllowed).method(method.to_string()).allow(allow);
    let mut response = invalid(StatusCode::METHOD_NOT_ALLOWED, params);
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

/// JSON in, JSON out: 200 with the report, 400 for an invalid request, 413
/// for a body over 64 KiB, 415 for a body that is not JSON. Every answer is a report.
async fn check(request: Request<Body>) -> Response {
    let headers = request.headers().clone();
    if !is_json(&headers) {
        return invalid(StatusCode::UNSUPPORTED_MEDIA_TYPE, problem(Problem::NotJsonContentType));
    }
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let too_large =
        || invalid(StatusCode::PAYLOAD_TOO_LARGE, problem(Problem::BodyTooLarge).max(MAX_BODY_BYTES.to_string()));
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return too_large();
    }
    // While the body is read (and only then: not while the report is made),
    // the connection is one pressure relief may close.
    let reading = request.extensions().get::<BodyWatch>().map(BodyWatch::reading);
    let body = to_bytes(request.into_body(), MAX_BODY_BYTES).await;
    drop(reading);
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(e) if is_length_limit(&e) => return too_large(),
        Err(_) => return invalid(StatusCode::BAD_REQUEST, problem(Problem::BodyUnreadable)),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return invalid(StatusCode::BAD_REQUEST, problem(Problem::RequestNotUtf8));
    };
    let report = check_json_report(text, Date::today_utc());
    let status = if matches!(report, Report::InvalidRequest(_)) { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let mut response = json(status, report.to_json());
    response.extensions_mut().insert(Outcome::of(&report));
    response
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// The `invalid_request` params of a problem with the HTTP request itself.
fn problem(problem: Problem) -> InvalidRequest {
    InvalidRequest::new().problem(problem)
}

fn target_too_long() -> InvalidRequest {
    problem(Problem::TargetTooLong).max(MAX_URI_BYTES.to_string())
}

fn invalid(status: StatusCode, params: InvalidRequest) -> Response {
    json(status, Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json())
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The shutdown signals: SIGTERM, SIGINT (Ctrl-C) and SIGHUP (a closing
/// terminal, some supervisors), counted. The first starts the shutdown, the
/// second ends its grace. The handlers are installed when this is made, so a
/// signal sent as soon as the address is printed is not missed (or fatal).
struct Signals {
    count: tokio::sync::watch::Receiver<u32>,
}

impl Signals {
    fn install() -> Signals {
        let (tx, count) = tokio::sync::watch::channel(0u32);
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let kinds = [SignalKind::terminate(), SignalKind::interrupt(), SignalKind::hangup()];
            for kind in kinds {
                match signal(kind) {
                    Ok(mut stream) => {
                        let tx = tx.clone();
                        tokio::spawn(async move {
                            while stream.recv().await.is_some() {
                                tx.send_modify(|n| *n = n.saturating_add(1));
                                tracing::info!(signal = kind.as_raw_value(), "signal");
                            }
                        });
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot handle a signal"),
                }
            }
        }
        #[cfg(not(unix))]
        {
            let tx = tx.clone();
            tokio::spawn(async move {
                while tokio::signal::ctrl_c().await.is_ok() {
                    tx.send_modify(|n| *n = n.saturating_add(1));
                }
            });
        }
        drop(tx);
        Signals { count }
    }

    /// Completes once `n` signals have come (never, if they cannot).
    fn count(&self, n: u32) -> impl Future<Output = ()> + Send + 'static {
        let mut count = self.count.clone();
        async move {
            if count.wait_for(|seen| *seen >= n).await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_opened_is_503_with_retry_after() {
        let metrics = metrics::Metrics::new();
        for kind in [Kind::Page, Kind::Package] {
            let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            finish(&mut response, kind, "/index.html", false, &metrics);
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers().get(header::RETRY_AFTER), Some(&HeaderValue::from_static("1")));
            assert_eq!(response.headers().get(header::CACHE_CONTROL), Some(&HeaderValue::from_static("no-cache")));
        }
        assert!(metrics.encode().is_some_and(|text| text.contains("telehealth_rules_files_unavailable_total 2")));
    }

    #[test]
    fn directory_redirects_name_this_origin() {
        let metrics = metrics::Metrics::new();
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::TEMPORARY_REDIRECT;
        response.headers_mut().insert(header::LOCATION, HeaderValue::from_static("//messages/"));
        finish(&mut response, Kind::Package, "/pkg///messages", false, &metrics);
        assert_eq!(response.headers().get(header::LOCATION), Some(&HeaderValue::from_static("/pkg/messages/")));
    }

    #[test]
    fn durations_and_counts() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("soon").is_err());
        assert_eq!(parse_delay("0s"), Ok(Duration::ZERO));
        assert_eq!(parse_delay("0"), Ok(Duration::ZERO));
        assert_eq!(parse_delay("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_count("0").is_err());
        assert_eq!(parse_count("7"), Ok(7));
    }
}
