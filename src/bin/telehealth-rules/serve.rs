//! `telehealth-rules serve`: the settings page, the npm package it loads,
//! and `POST /v1/check`, on one loopback address.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use telehealth_rules::messages::Params;
use telehealth_rules::{check_json_report, Date, InvalidRequestReport, Report};

/// Largest request body accepted by `POST /v1/check`.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Time a client has to send its headers, and then its whole request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections served at once; more wait in the listen queue.
const MAX_CONNECTIONS: usize = 1024;

/// The page may run its own scripts and compile wasm; nothing inline, no
/// other origin, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

pub struct Options {
    addr: SocketAddr,
    www: PathBuf,
    pkg: PathBuf,
}

impl Options {
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut options =
            Options { addr: SocketAddr::from(([127, 0, 0, 1], 8080)), www: here.join("www"), pkg: here.join("pkg") };
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match *flag {
                "--addr" => {
                    options.addr =
                        value.parse().map_err(|_| format!("--addr {value}: not an address such as 127.0.0.1:8080"))?
                }
                "--www" => options.www = PathBuf::from(value),
                "--pkg" => options.pkg = PathBuf::from(value),
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(options)
    }
}

pub fn run(options: Options) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr).await?;
        let addr = listener.local_addr()?;
        println!("telehealth-rules: serving http://{addr}/ (ruleset {}); Ctrl-C stops", telehealth_rules::RULESET);
        serve_connections(listener, app(&options)).await;
        println!("telehealth-rules: stopped");
        Ok(())
    })
}

/// Accepts connections until Ctrl-C, then lets the open ones finish. Each
/// connection must send its headers within `REQUEST_TIMEOUT` (a client that
/// never finishes them is dropped), and at most `MAX_CONNECTIONS` are served
/// at once; the rest wait in the listen queue.
async fn serve_connections(listener: tokio::net::TcpListener, app: Router) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(REQUEST_TIMEOUT);
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let Ok((stream, _)) = accepted else { continue };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let connection = http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up or times out is not the server's error.
            let _ = connection.await;
            drop(slot);
        });
    }
    // Requests in flight get a few seconds to finish.
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}

fn app(options: &Options) -> Router {
    let security =
        |name, value: &'static str| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    Router::new()
        .route("/v1/check", post(check))
        .route("/v1/ruleset", get(ruleset))
        .nest_service("/pkg", ServeDir::new(&options.pkg))
        .fallback_service(ServeDir::new(&options.www))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(security(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .layer(security(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security(header::REFERRER_POLICY, "no-referrer"))
        .layer(security(header::CACHE_CONTROL, "no-cache"))
}

async fn ruleset() -> Response {
    json(StatusCode::OK, format!("{{\"ruleset\":\"{}\"}}", telehealth_rules::RULESET))
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

fn invalid(status: StatusCode, params: Params) -> Response {
    json(status, Report::InvalidRequest(InvalidRequestReport::new("", params)).to_json())
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
