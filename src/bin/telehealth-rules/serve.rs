//! `telehealth-rules serve`: the settings page, the npm package it loads,
//! and `POST /v1/check`, on one loopback address.
//!
//! Every connection is bounded: it must send each request head within the
//! idle timeout (counted from its opening or its previous response), the
//! request must be read and answered within the request timeout, a response
//! the client does not read for the write timeout drops the connection, and
//! after `--max-requests` requests the connection is closed. At most
//! `--max-connections` are served at once; when they are all taken and
//! another client waits, connections idle for a request head make room
//! (`Shared::relieve_pressure`). On SIGTERM or Ctrl-C the listener
//! is closed at once, requests already received are answered (with
//! `Connection: close`), idle connections are closed, and the process exits
//! within the shutdown grace period whatever the clients do.

mod guard;

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

use telehealth_rules::messages::Params;
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

/// The limits of `serve`, each a flag.
#[derive(Clone, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub max_requests: usize,
    pub idle_timeout: Duration,
    pub request_timeout: Duration,
    pub write_timeout: Duration,
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            max_requests: 1000,
            idle_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

pub struct Options {
    addr: SocketAddr,
    www: PathBuf,
    pkg: PathBuf,
    allow_hosts: Vec<String>,
    limits: Limits,
}

pub const FLAGS: &str = "  --addr ADDR                 address to listen on (default 127.0.0.1:8080; port 0 picks one)
  --www DIR, --pkg DIR        the page and the npm package (default: www/ and pkg/ of the source tree)
  --allow-host HOST           accept this Host header too (repeatable; HOST or HOST:PORT); by
                              default only localhost, 127.0.0.1, [::1] and the bound address
  --max-connections N         connections served at once (default 1024)
  --max-requests N            requests per connection before it is closed (default 1000)
  --idle-timeout DURATION     time to send a request head, from the connection's opening or its
                              previous response (default 10s)
  --request-timeout DURATION  time to send the body and get the answer (default 10s)
  --write-timeout DURATION    longest a response may wait for the client to read (default 10s)
  --shutdown-grace DURATION   on SIGTERM/Ctrl-C, time given to requests in flight (default 5s)
  DURATION is a number of seconds, or a number with ms or s (500ms, 2s).";

impl Options {
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut options = Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            www: here.join("www"),
            pkg: here.join("pkg"),
            allow_hosts: Vec::new(),
            limits: Limits::default(),
        };
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let limits = &mut options.limits;
            match *flag {
                "--addr" => {
                    options.addr =
                        value.parse().map_err(|_| format!("--addr {value}: not an address such as 127.0.0.1:8080"))?
                }
                "--www" => options.www = PathBuf::from(value),
                "--pkg" => options.pkg = PathBuf::from(value),
                "--allow-host" => options.allow_hosts.push(parse_host(value)?),
                "--max-connections" => limits.max_connections = parse_count(flag, value)?,
                "--max-requests" => limits.max_requests = parse_count(flag, value)?,
                "--idle-timeout" => limits.idle_timeout = parse_duration(flag, value)?,
                "--request-timeout" => limits.request_timeout = parse_duration(flag, value)?,
                "--write-timeout" => limits.write_timeout = parse_duration(flag, value)?,
                "--shutdown-grace" => limits.shutdown_grace = parse_duration(flag, value)?,
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(options)
    }
}

fn parse_count(flag: &str, value: &str) -> Result<usize, String> {
    // The semaphore's permits are counted in u32.
    match value.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n as usize),
        _ => Err(format!("{flag} {value}: not a whole number from 1 to {}", u32::MAX)),
    }
}

fn parse_duration(flag: &str, value: &str) -> Result<Duration, String> {
    let (number, millis_per_unit) = if let Some(ms) = value.strip_suffix("ms") {
        (ms, 1)
    } else {
        (value.strip_suffix('s').unwrap_or(value), 1000)
    };
    match number.parse::<u64>() {
        Ok(n) if n > 0 && n <= 86_400_000 / millis_per_unit => Ok(Duration::from_millis(n * millis_per_unit)),
        _ => Err(format!("{flag} {value}: not a duration such as 10s or 500ms (at least 1 ms, at most a day)")),
    }
}

fn parse_host(value: &str) -> Result<String, String> {
    let host = value.trim().to_ascii_lowercase();
    let valid = !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']' | b'_'));
    if valid {
        Ok(host)
    } else {
        Err(format!("--allow-host {value}: not a host name such as telehealth.example.org or example.org:8443"))
    }
}

pub fn run(options: Options) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let result = runtime.block_on(async move {
        let socket = if options.addr.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
        #[cfg(unix)]
        socket.set_reuseaddr(true)?;
        socket.bind(options.addr)?;
        let listener = socket.listen(LISTEN_BACKLOG)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            app: app(&options),
            hosts: AllowedHosts::new(addr, &options.allow_hosts),
            limits: options.limits.clone(),
            draining: AtomicBool::new(false),
            connections: Mutex::new(HashMap::new()),
        });
        let shutdown = shutdown_signal();
        say(&format!("telehealth-rules: serving http://{addr}/ (ruleset {}); Ctrl-C stops", telehealth_rules::RULESET));
        serve_connections(listener, shared, shutdown).await;
        say("telehealth-rules: stopped");
        Ok(())
    });
    // Connections still open after the grace period are dropped here.
    runtime.shutdown_timeout(Duration::from_millis(500));
    result
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
    /// The open connections, for `relieve_pressure`.
    connections: Mutex<HashMap<u64, Arc<ConnState>>>,
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
    /// Asked to close now, if it is still waiting for a request head.
    evict: tokio::sync::Notify,
    evicted: AtomicBool,
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
        }
    }

    /// Since when the connection has been waiting for a request head: no
    /// request in service, nothing left to write, and all the client sent has
    /// been read (a connection the server has not got round to reading is not
    /// waiting for its client).
    fn waiting_since(&self) -> Option<Instant> {
        let blocked_on_client = self.io.read_blocked.load(Ordering::SeqCst);
        if self.busy.load(Ordering::SeqCst) > 0 || self.io.write_blocked.load(Ordering::SeqCst) || !blocked_on_client {
            return None;
        }
        self.idle_since.lock().ok().map(|since| *since)
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

/// A response body that releases its `Busy` when written (or dropped).
struct TrackedBody {
    inner: Body,
    _busy: Busy,
}

impl axum::body::HttpBody for TrackedBody {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
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
    /// connection that has waited longest beyond `PRESSURE_IDLE` (or
    /// `PRESSURE_KEEP_ALIVE_IDLE`) for a request head, or else asks the
    /// longest-open connection to close after its current response.
    fn relieve_pressure(&self) {
        let Ok(connections) = self.connections.lock() else { return };
        let live = || connections.values().filter(|c| !c.evicted.load(Ordering::SeqCst));
        let overdue = |c: &Arc<ConnState>| {
            let idle = c.waiting_since()?.elapsed();
            let allowed = if c.served_any.load(Ordering::SeqCst) { PRESSURE_KEEP_ALIVE_IDLE } else { PRESSURE_IDLE };
            idle.checked_sub(allowed)
        };
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

/// Accepts connections until `shutdown` completes, then closes the listener,
/// answers what is in flight and closes the rest (see the module comment).
/// Waiting for a free connection slot never delays the shutdown.
async fn serve_connections(listener: tokio::net::TcpListener, shared: Arc<Shared>, shutdown: impl Future<Output = ()>) {
    let limits = shared.limits.clone();
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout)
        .max_buf_size(MAX_BUF_BYTES)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS);
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
            Err(_) => {
                // Out of file descriptors or a connection reset before it
                // was accepted: try again shortly rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        // A slot for it: at once, or once `relieve_pressure` has made room;
        // the shutdown signal is heard meanwhile.
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(tokio::sync::TryAcquireError::Closed) => break,
            Err(tokio::sync::TryAcquireError::NoPermits) => loop {
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
            },
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::new(ConnState::new());
        next_id = next_id.wrapping_add(1);
        let id = next_id;
        if let Ok(mut connections) = shared.connections.lock() {
            connections.insert(id, state.clone());
        }
        let io = TokioIo::new(guard::GuardedIo::new(stream, limits.write_timeout, state.io.clone()));
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
            let _registered = Registered(shared, id);
            tokio::pin!(connection);
            loop {
                tokio::select! {
                    // A client that hangs up or times out is not the server's error.
                    _ = connection.as_mut() => return,
                    _ = stopped.changed() => break,
                    () = state.evict.notified() => {
                        if state.waiting_since().is_some() {
                            // Dropped: closed without a word, as no request is in it.
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
    // Every connection gives its slot back when it ends.
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let all_closed = slots.acquire_many(all);
    tokio::pin!(all_closed);
    // First, keep-alive connections may still send the request they had
    // on its way: it is answered, with `Connection: close`.
    tokio::select! {
        _ = &mut all_closed => return,
        () = tokio::time::sleep(DRAIN.min(limits.shutdown_grace / 2)) => {}
    }
    // Then idle connections are closed, and busy ones after their response.
    let _ = stop.send(true);
    tokio::select! {
        _ = &mut all_closed => {}
        () = &mut grace => {}
    }
}

/// Removes a connection from `Shared::connections` when it ends.
struct Registered(Arc<Shared>, u64);

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut connections) = self.0.connections.lock() {
            connections.remove(&self.1);
        }
    }
}

/// The service for one connection: checks the Host, the target's length and
/// the per-connection request budget, then hands the request to the router,
/// and puts the security and cache headers on whatever comes back.
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

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        let busy = Busy::new(&self.state);
        let served = self.served.fetch_add(1, Ordering::Relaxed) + 1;
        let last = served >= self.shared.limits.max_requests;
        let kind = Kind::of(request.uri().path());
        let refusal = self.shared.screen(&request, kind);
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
            finish(&mut response, kind, close);
            Ok(response.map(|inner| Body::new(TrackedBody { inner, _busy: busy })))
        })
    }
}

/// What a path asks for: an API answer (reports, `no-store`), a package file
/// (compressed variants, `Vary`) or a page file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Api,
    Package,
    Page,
}

impl Kind {
    fn of(path: &str) -> Kind {
        if path.starts_with("/v1/") {
            Kind::Api
        } else if path == "/pkg" || path.starts_with("/pkg/") {
            Kind::Package
        } else {
            Kind::Page
        }
    }
}

impl Shared {
    /// A refusal for a request the router must not see: a Host that is not
    /// this service's (DNS rebinding), a request target over 8 KiB, a file
    /// path no file system would take.
    fn screen(&self, request: &Request<Incoming>, kind: Kind) -> Option<Response> {
        let host = request.headers().get(header::HOST).and_then(|v| v.to_str().ok());
        let Some(host) = host.or_else(|| request.uri().authority().map(|a| a.as_str())) else {
            return Some(invalid(StatusCode::BAD_REQUEST, problem("no_host")));
        };
        if !self.hosts.allows(host) {
            return Some(invalid(StatusCode::MISDIRECTED_REQUEST, problem("unknown_host")));
        }
        let target = request.uri().path_and_query().map_or(0, |p| p.as_str().len());
        if target > MAX_URI_BYTES {
            return Some(invalid(StatusCode::URI_TOO_LONG, target_too_long()));
        }
        let path = request.uri().path();
        let too_long = path.len() > MAX_STATIC_PATH_BYTES
            || path.split('/').any(|name| name.len().saturating_sub(2 * name.matches('%').count()) > MAX_NAME_BYTES);
        (kind != Kind::Api && too_long).then(|| StatusCode::NOT_FOUND.into_response())
    }
}

/// Security headers on everything; `no-store` on API answers (they hold
/// client locations and coverage), `no-cache` on files; `Vary:
/// Accept-Encoding` on package files (served compressed when asked);
/// `Connection: close` when the connection's budget is spent or the service is
/// stopping. A file that cannot be read is a 404: no client input makes a 5xx.
fn finish(response: &mut Response, kind: Kind, close: bool) {
    if kind != Kind::Api && response.status().is_server_error() {
        *response = StatusCode::NOT_FOUND.into_response();
    }
    if kind == Kind::Api && response.status() == StatusCode::REQUEST_TIMEOUT && is_empty(response) {
        *response = invalid(StatusCode::REQUEST_TIMEOUT, problem("request_timeout"));
    }
    let is_report = response.headers().get(header::CONTENT_TYPE).is_some_and(|t| t == "application/json");
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    let cache = if kind == Kind::Api || is_report { "no-store" } else { "no-cache" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if kind == Kind::Package {
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
fn parse_error_response(status: u16) -> String {
    let (reason, params) = match status {
        414 => ("URI Too Long", target_too_long()),
        431 => (
            "Request Header Fields Too Large",
            problem("head_too_large").with("max", MAX_HEAD_BYTES.to_string()).with("fields", MAX_HEADERS.to_string()),
        ),
        _ => ("Bad Request", problem("not_http")),
    };
    let body = Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json();
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\ncache-control: no-store\r\n",
        body.len()
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

fn app(options: &Options) -> Router {
    let timeout = options.limits.request_timeout;
    Router::new()
        .route("/v1/check", post(check).fallback(only_post))
        .route("/v1/ruleset", get(ruleset).fallback(only_get))
        .nest_service(
            "/pkg",
            ServeDir::new(&options.pkg).precompressed_br().precompressed_gzip().with_buf_chunk_size(FILE_CHUNK_BYTES),
        )
        .fallback_service(ServeDir::new(&options.www).with_buf_chunk_size(FILE_CHUNK_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
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
    let params = problem("method_not_allowed").with("method", method.to_string()).with("allow", allow);
    let mut response = invalid(StatusCode::METHOD_NOT_ALLOWED, params);
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

/// JSON in, JSON out: 200 with the report, 400 for an invalid request, 413
/// for a body over 64 KiB, 415 for a body that is not JSON. Every answer is a report.
async fn check(request: Request<Body>) -> Response {
    let headers = request.headers().clone();
    if !is_json(&headers) {
        return invalid(StatusCode::UNSUPPORTED_MEDIA_TYPE, problem("not_json_content_type"));
    }
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    let too_large =
        || invalid(StatusCode::PAYLOAD_TOO_LARGE, problem("body_too_large").with("max", MAX_BODY_BYTES.to_string()));
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return too_large();
    }
    let bytes = match to_bytes(request.into_body(), MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) if is_length_limit(&e) => return too_large(),
        Err(_) => return invalid(StatusCode::BAD_REQUEST, problem("body_unreadable")),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return invalid(StatusCode::BAD_REQUEST, problem("request_not_utf8"));
    };
    let report = check_json_report(text, Date::today_utc());
    let status = if matches!(report, Report::InvalidRequest(_)) { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    json(status, report.to_json())
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
fn problem(key: &'static str) -> Params {
    Params::new().with("problem", key)
}

fn target_too_long() -> Params {
    problem("target_too_long").with("max", MAX_URI_BYTES.to_string())
}

fn invalid(status: StatusCode, params: Params) -> Response {
    json(status, Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json())
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Completes on SIGTERM or SIGINT (Ctrl-C). The handlers are installed
/// before this returns, so a signal sent as soon as the address is printed
/// is not missed (or fatal).
fn shutdown_signal() -> impl Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let terminate = signal(SignalKind::terminate());
        let interrupt = signal(SignalKind::interrupt());
        async move {
            match (terminate, interrupt) {
                (Ok(mut terminate), Ok(mut interrupt)) => {
                    tokio::select! {
                        _ = terminate.recv() => {},
                        _ = interrupt.recv() => {},
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}
