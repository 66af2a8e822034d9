//! What the static file server (tower-http's `ServeDir`) may be handed: a
//! path whose file, once symbolic links are resolved, is a regular file (or a
//! directory with a regular `index.html`) inside its folder. A link out of
//! the folder, a FIFO (whose `open` would block a thread for as long as no
//! one writes to it), a socket or a device is a 404 before `ServeDir` sees
//! it. Also: the redirect `ServeDir` makes for a directory, rewritten to a
//! same-origin absolute path, and an `If-Modified-Since` in the future, which
//! is no validator.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use axum::http::{header, HeaderMap};

/// What to do with a static file request.
#[derive(Debug, PartialEq, Eq)]
pub enum Screen {
    /// `ServeDir` may serve it (or say 404 itself: the file does not exist).
    Serve,
    /// Outside its folder, or not a regular file: 404.
    Refuse,
    /// The file system could not be asked (out of descriptors): 503.
    Unavailable,
}

/// A folder of static files, canonical when it exists.
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    pub fn new(path: &Path) -> Folder {
        Folder { root: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) }
    }

    /// Screens the request path `within` (the URL path below the folder's
    /// mount point, percent-encoded as received); `variants` are the suffixes
    /// of the precompressed files `ServeDir` may open instead.
    pub fn screen(&self, within: &str, variants: &[&str]) -> Screen {
        let Some(relative) = decode(within) else { return Screen::Refuse };
        let mut path = self.root.clone();
        for segment in relative.split('/') {
            match segment {
                "" | "." => {}
                ".." => return Screen::Refuse,
                name => path.push(name),
            }
        }
        let target = match self.resolve(&path) {
            Ok(Some(Target::File)) => {
                for suffix in variants {
                    let mut variant = path.clone().into_os_string();
                    variant.push(suffix);
                    match self.resolve(Path::new(&variant)) {
                        Ok(None | Some(Target::File)) => {}
                        Ok(Some(_)) => return Screen::Refuse,
                        Err(_) => return Screen::Unavailable,
                    }
                }
                return Screen::Serve;
            }
            Ok(target) => target,
            Err(_) => return Screen::Unavailable,
        };
        match target {
            // Missing: ServeDir's own 404.
            None => Screen::Serve,
            Some(Target::Directory) => match self.resolve(&path.join("index.html")) {
                Ok(None | Some(Target::File | Target::Directory)) => Screen::Serve,
                Ok(Some(Target::Refused)) => Screen::Refuse,
                Err(_) => Screen::Unavailable,
            },
            Some(_) => Screen::Refuse,
        }
    }

    /// What `path` is once links are resolved: `None` when it does not
    /// exist; an error when the file system could not be asked.
    fn resolve(&self, path: &Path) -> io::Result<Option<Target>> {
        let real = match std::fs::canonicalize(path) {
            Ok(real) => real,
            // A loop of links is no file.
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Ok(Some(Target::Refused)),
            Err(e) if is_missing(&e) => return Ok(None),
            Err(e) => return Err(e),
        };
        if !real.starts_with(&self.root) {
            return Ok(Some(Target::Refused));
        }
        let metadata = match std::fs::metadata(&real) {
            Ok(metadata) => metadata,
            Err(e) if is_missing(&e) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(Some(if metadata.is_file() {
            Target::File
        } else if metadata.is_dir() {
            Target::Directory
        } else {
            Target::Refused
        }))
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Target {
    File,
    Directory,
    /// Outside the folder, or neither a regular file nor a directory.
    Refused,
}

/// Errors that mean "there is no such file" (and which `ServeDir` answers
/// with 404 too): anything else, such as EMFILE, is the server's trouble.
fn is_missing(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound
            | io::ErrorKind::PermissionDenied
            | io::ErrorKind::NotADirectory
            | io::ErrorKind::InvalidInput
    )
}

/// Percent-decodes a URL path; `None` when the result is not UTF-8 or holds
/// a NUL (no file name does).
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

/// The same-origin absolute path a directory redirect must name: the
/// request's own path with its empty segments dropped and a `/` at the end.
/// `/pkg///messages` gives `/pkg/messages/`, never `//messages/` (which a
/// browser reads as another host).
pub fn directory_location(path: &str) -> String {
    let mut location = String::with_capacity(path.len() + 1);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        location.push('/');
        location.push_str(segment);
    }
    location.push('/');
    location
}

/// Drops an `If-Modified-Since` that names a time in the future: no file was
/// modified "since" then, and a cache cannot have seen it (RFC 9110, 13.1.3:
/// a date later than the server's time is invalid).
pub fn drop_future_if_modified_since(headers: &mut HeaderMap) {
    let future = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .is_some_and(|date| date > SystemTime::now());
    if future {
        headers.remove(header::IF_MODIFIED_SINCE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_on_this_origin() {
        assert_eq!(directory_location("/pkg///messages"), "/pkg/messages/");
        assert_eq!(directory_location("/pkg/messages"), "/pkg/messages/");
        assert_eq!(directory_location("//evil.example"), "/evil.example/");
        assert_eq!(directory_location("/"), "/");
    }

    #[test]
    fn decodes_paths() {
        assert_eq!(decode("/a%2Fb%20c").as_deref(), Some("/a/b c"));
        assert_eq!(decode("/%zz").as_deref(), Some("/%zz"));
        assert_eq!(decode("/a%00"), None);
        assert_eq!(decode("/%ff"), None);
    }
}
