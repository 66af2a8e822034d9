//! Prometheus metrics (prometheus-client), served on their own address
//! (`--metrics-addr`, off by default) so that the page's origin never exposes
//! them. Every label takes a value from a short fixed list (routes, report
//! kinds, verdicts, status codes): the series count is bounded whatever
//! clients send.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

/// One answered request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// What was asked for (`check`, `healthz`, `page`, ...: `Route::as_str`).
    pub route: &'static str,
    /// The report's kind for `check` (`link`, ..., `invalid_request`), else `none`.
    pub kind: &'static str,
    /// The report's verdict for `check`, else `none`.
    pub verdict: &'static str,
    pub status: u16,
    /// The ruleset that judged it.
    pub ruleset: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PhaseLabels {
    /// `head` (no request head within the idle timeout), `request` (408:
    /// no answer within the request timeout), `write` (the client read
    /// nothing for the write timeout: the connection is reset).
    pub phase: &'static str,
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    pub open_connections: Gauge,
    /// Connections accepted while every slot was taken (they wait for
    /// `relieve_pressure` to make room).
    pub at_cap: Counter,
    /// Connections closed to make room for a waiting client.
    pub evicted: Counter,
    /// `accept` failures (out of descriptors, a reset before accept).
    pub accept_errors: Counter,
    pub timeouts: Family<PhaseLabels, Counter>,
    /// `POST /v1/check` bodies refused as over the limit (413).
    pub body_too_large: Counter,
    /// Files that could not be opened for lack of resources (503).
    pub files_unavailable: Counter,
}

fn latency_histogram() -> Histogram {
    // 100 µs to about 6.5 s.
    Histogram::new(exponential_buckets(0.0001, 4.0, 9))
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("telehealth_rules");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, report kind, verdict and status",
            requests.clone(),
        );
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        registry.register_with_unit(
            "http_request_duration",
            "Time from the request head to the end of the response body",
            prometheus_client::registry::Unit::Seconds,
            latency.clone(),
        );
        let open_connections = Gauge::default();
        registry.register("open_connections", "Connections open now", open_connections.clone());
        let at_cap = Counter::default();
        registry.register(
            "connections_at_cap",
            "Connections that arrived while --max-connections were open and had to wait for room",
            at_cap.clone(),
        );
        let evicted = Counter::default();
        registry.register(
            "connections_evicted",
            "Idle or stalled connections closed to make room for a waiting client",
            evicted.clone(),
        );
        let accept_errors = Counter::default();
        registry.register("accept_errors", "Failed accepts (such as out of file descriptors)", accept_errors.clone());
        let timeouts = Family::<PhaseLabels, Counter>::default();
        registry.register("timeouts", "Connections or requests that ran out of time, by phase", timeouts.clone());
        let body_too_large = Counter::default();
        registry.register(
            "body_limit_refusals",
            "Request bodies refused as over the limit (413)",
            body_too_large.clone(),
        );
        let files_unavailable = Counter::default();
        registry.register(
            "files_unavailable",
            "Files that could not be opened for lack of resources (503)",
            files_unavailable.clone(),
        );
        let build = Info::new(vec![
            ("ruleset".to_owned(), telehealth_rules::RULESET.to_owned()),
            ("version".to_owned(), env!("CARGO_PKG_VERSION").to_owned()),
        ]);
        registry.register("build", "The ruleset and the program version", build);
        Metrics {
            registry,
            requests,
            latency,
            open_connections,
            at_cap,
            evicted,
            accept_errors,
            timeouts,
            body_too_large,
            files_unavailable,
        }
    }

    pub fn timeout(&self, phase: &'static str) {
        self.timeouts.get_or_create(&PhaseLabels { phase }).inc();
    }

    /// The OpenMetrics text exposition.
    pub fn encode(&self) -> Option<String> {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).ok()?;
        Some(out)
    }
}

/// Serves `GET /metrics` on its own listener until the process ends.
pub async fn serve(addr: SocketAddr, metrics: Arc<Metrics>) -> std::io::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let app = Router::new().route(
        "/metrics",
        get(move || {
            let metrics = metrics.clone();
            async move { exposition(&metrics) }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(bound)
}

fn exposition(metrics: &Metrics) -> Response {
    let Some(text) = metrics.encode() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}
