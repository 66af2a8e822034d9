//! The connection's socket as hyper sees it: a write that makes no progress
//! for the write timeout fails, and the socket is then closed with a reset
//! (`SO_LINGER` 0) so that the kernel drops its send queue at once instead of
//! keeping it, orphaned, for as long as the client keeps its end open; and
//! the error responses hyper writes by itself (400, 414, 431 for a request it
//! cannot parse) are replaced by ours, which carry the security headers and an
//! `invalid_request` report.
//!
//! Hyper answers a request it cannot parse with a bare head
//! (`HTTP/1.1 431 Request Header Fields Too Large`, `connection: close`,
//! `content-length: 0`, `date`) as the very last bytes of the connection, and
//! offers no hook to change it. Every response of the service itself carries a
//! `content-security-policy` header (`serve::finish`), so a response head at
//! the end of a write without one can only be hyper's; the bodies before it are
//! reports (JSON never holds a raw CR LF) or the package's own files.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

/// Whether the connection waits for its client: for input (its last read
/// found nothing) or to take output (a write is blocked).
#[derive(Default)]
pub struct IoFlags {
    pub read_blocked: AtomicBool,
    pub write_blocked: AtomicBool,
    /// A write ran out of time (the connection is reset when it closes).
    pub write_timed_out: AtomicBool,
    /// Since when the current write has been blocked.
    pub write_blocked_since: std::sync::Mutex<Option<std::time::Instant>>,
    /// Close with a reset (set when the connection is closed to make room
    /// while its client reads nothing: its unsent bytes are dropped).
    pub reset_on_close: AtomicBool,
}

pub struct GuardedIo {
    stream: TcpStream,
    write_timeout: Duration,
    /// Running while a write waits for the client to read.
    stall: Option<Pin<Box<Sleep>>>,
    /// What the connection waits for, for its owner.
    flags: Arc<IoFlags>,
    /// Bytes accepted from hyper but not yet written (only once hyper's error
    /// response was replaced: the connection ends after them).
    out: Vec<u8>,
    out_at: usize,
    replaced: bool,
    /// Our response in place of hyper's bare error head, for its status
    /// (and the access-log line of the request that could not be read).
    refuse: Box<dyn FnMut(u16) -> Vec<u8> + Send>,
}

impl GuardedIo {
    pub fn new(
        stream: TcpStream,
        write_timeout: Duration,
        flags: Arc<IoFlags>,
        refuse: Box<dyn FnMut(u16) -> Vec<u8> + Send>,
    ) -> Self {
        GuardedIo { stream, write_timeout, stall: None, flags, out: Vec::new(), out_at: 0, replaced: false, refuse }
    }

    /// Passes a write's outcome on, failing it once the socket has accepted
    /// nothing for the write timeout.
    fn watch<T>(&mut self, cx: &mut Context<'_>, result: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        match result {
            Poll::Pending => {
                let timeout = self.write_timeout;
                let flags = &self.flags;
                let stall = self.stall.get_or_insert_with(|| {
                    if let Ok(mut since) = flags.write_blocked_since.lock() {
                        *since = Some(std::time::Instant::now());
                    }
                    flags.write_blocked.store(true, Ordering::Relaxed);
                    Box::pin(tokio::time::sleep(timeout))
                });
                if stall.as_mut().poll(cx).is_ready() {
                    // Closed with a reset: the unsent bytes are discarded.
                    let _ = self.stream.set_zero_linger();
                    self.flags.write_timed_out.store(true, Ordering::Relaxed);
                    return Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client read nothing for the write timeout",
                    )));
                }
                Poll::Pending
            }
            ready => {
                if self.stall.take().is_some() {
                    self.flags.write_blocked.store(false, Ordering::Relaxed);
                }
                ready
            }
        }
    }

    fn poll_drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.out_at < self.out.len() {
            let rest = self.out.get(self.out_at..).unwrap_or_default();
            let result = Pin::new(&mut self.stream).poll_write(cx, rest);
            match ready!(self.watch(cx, result))? {
                0 => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                n => self.out_at += n,
            }
        }
        Poll::Ready(Ok(()))
    }
}

impl Drop for GuardedIo {
    fn drop(&mut self) {
        if self.flags.reset_on_close.load(Ordering::SeqCst) {
            let _ = self.stream.set_zero_linger();
        }
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let result = Pin::new(&mut self.stream).poll_read(cx, buf);
        self.flags.read_blocked.store(result.is_pending(), Ordering::Relaxed);
        result
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        ready!(this.poll_drain(cx))?;
        if !this.replaced {
            if let Some((at, status)) = hyper_error_at(buf) {
                this.replaced = true;
                let mut out = buf.get(..at).unwrap_or_default().to_vec();
                out.extend_from_slice(&(this.refuse)(status));
                this.out = out;
                this.out_at = 0;
                // Whatever is not written now is written by the flush that
                // follows: hyper counts all of `buf` as taken.
                if let Poll::Ready(Err(e)) = this.poll_drain(cx) {
                    return Poll::Ready(Err(e));
                }
                return Poll::Ready(Ok(buf.len()));
            }
        }
        let result = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.watch(cx, result)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        ready!(this.poll_drain(cx))?;
        let result = Pin::new(&mut this.stream).poll_flush(cx);
        this.watch(cx, result)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        ready!(this.poll_drain(cx))?;
        let result = Pin::new(&mut this.stream).poll_shutdown(cx);
        this.watch(cx, result)
    }

    // One buffer per write, so a head hyper writes is never split across the
    // slices of a vectored write.
    fn is_write_vectored(&self) -> bool {
        false
    }
}

/// Where hyper's own error response starts in `buf`, and its status: a head
/// that ends the buffer, with status 400, 414 or 431, `content-length: 0` and
/// no `content-security-policy`.
pub fn hyper_error_at(buf: &[u8]) -> Option<(usize, u16)> {
    const START: &[u8] = b"HTTP/1.1 4";
    if !buf.ends_with(b"\r\n\r\n") {
        return None;
    }
    let at = buf.windows(START.len()).rposition(|w| w == START)?;
    let head = buf.get(at..)?;
    let status = std::str::from_utf8(head.get(9..12)?).ok()?.parse::<u16>().ok()?;
    if !matches!(status, 400 | 414 | 431) || head.get(12) != Some(&b' ') {
        return None;
    }
    let head = std::str::from_utf8(head).ok()?.to_ascii_lowercase();
    let is_bare = head.contains("\r\ncontent-length: 0\r\n") && !head.contains("content-security-policy");
    // Exactly one head: the blank line that ends it is the end of the buffer.
    (is_bare && head.find("\r\n\r\n") == Some(head.len() - 4)).then_some((at, status))
}

#[cfg(test)]
mod tests {
    use super::hyper_error_at;

    #[test]
    fn finds_hyper_error_heads_only() {
        let error = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: Sun, 29 Nov 2026 09:25:03 GMT\r\n\r\n";
        assert_eq!(hyper_error_at(error), Some((0, 431)));
        let ours = b"HTTP/1.1 200 OK\r\ncontent-security-policy: x\r\ncontent-length: 2\r\n\r\n{}";
        let both = [ours.as_slice(), error.as_slice()].concat();
        assert_eq!(hyper_error_at(&both), Some((ours.len(), 431)));
        assert_eq!(hyper_error_at(ours), None);
        let ours_400 = b"HTTP/1.1 400 Bad Request\r\ncontent-security-policy: x\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(hyper_error_at(ours_400), None);
        assert_eq!(hyper_error_at(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"), None);
    }
}
