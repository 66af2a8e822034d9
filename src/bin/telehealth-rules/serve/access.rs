//! The access log and request ids: one `tracing` event per request, when its
//! response has been written (or abandoned), with the method, the path (never
//! the query), the status, what was asked for, the report's kind and verdict,
//! the latency, the bytes sent and the request id. Never a body, a query, a
//! header other than the request id, or anything from a report but its kind
//! and verdict: links and client locations identify people.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::http::{HeaderMap, HeaderValue};

use super::metrics::{Metrics, RequestLabels, RouteLabels};

/// The request id header, read and echoed.
pub const REQUEST_ID: &str = "x-request-id";

/// Longest request id taken from a client.
const MAX_REQUEST_ID_BYTES: usize = 64;

/// Longest path written to the log (a longer one is cut, marked with `…`).
const MAX_LOGGED_PATH_BYTES: usize = 256;

/// Request ids for requests that bring none: a random process prefix and a
/// counter, unique within the process and across restarts.
pub struct RequestIds {
    prefix: u64,
    next: AtomicU64,
}

impl RequestIds {
    pub fn new() -> RequestIds {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher
            .write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
        hasher.write_u32(std::process::id());
        RequestIds { prefix: hasher.finish(), next: AtomicU64::new(1) }
    }

    /// The client's `X-Request-Id` when it is well-formed (1 to 64 of
    /// `A-Z a-z 0-9 . _ - :`, exactly one such header), else a new one.
    pub fn for_request(&self, headers: &HeaderMap) -> HeaderValue {
        let mut given = headers.get_all(REQUEST_ID).iter();
        if let (Some(value), None) = (given.next(), given.next()) {
            let bytes = value.as_bytes();
            let well_formed = (1..=MAX_REQUEST_ID_BYTES).contains(&bytes.len())
                && bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b':'));
            if well_formed {
                return value.clone();
            }
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:016x}{n:016x}", self.prefix)).unwrap_or(HeaderValue::from_static("0"))
    }
}

/// What the service knows of a request when it logs it.
pub struct Entry {
    pub started: Instant,
    pub method: String,
    pub path: String,
    pub request_id: String,
    pub route: &'static str,
    pub status: u16,
    /// The report's kind and verdict (`POST /v1/check`), else `none`.
    pub kind: &'static str,
    pub verdict: &'static str,
}

impl Entry {
    pub fn new(started: Instant, method: &str, path: &str, request_id: &HeaderValue, route: &'static str) -> Entry {
        let mut logged = String::with_capacity(path.len().min(MAX_LOGGED_PATH_BYTES + 3));
        for c in path.chars() {
            if logged.len() + c.len_utf8() > MAX_LOGGED_PATH_BYTES {
                logged.push('…');
                break;
            }
            logged.push(c);
        }
        Entry {
            started,
            method: method.chars().take(16).collect(),
            path: logged,
            request_id: request_id.to_str().unwrap_or("").to_owned(),
            route,
            status: 0,
            kind: "none",
            verdict: "none",
        }
    }

    /// Counts and logs the request once its response is done with.
    pub fn finish(&self, bytes: u64, metrics: &Metrics) {
        let elapsed = self.started.elapsed();
        metrics
            .requests
            .get_or_create(&RequestLabels {
                route: self.route,
                kind: self.kind,
                verdict: self.verdict,
                status: self.status,
                ruleset: telehealth_rules::RULESET,
            })
            .inc();
        metrics.latency.get_or_create(&RouteLabels { route: self.route }).observe(elapsed.as_secs_f64());
        tracing::info!(
            target: "telehealth_rules::access",
            method = %self.method,
            path = %self.path,
            status = self.status,
            route = self.route,
            kind = self.kind,
            verdict = self.verdict,
            latency_ms = elapsed.as_secs_f64() * 1000.0,
            bytes,
            request_id = %self.request_id,
            "request"
        );
    }
}
