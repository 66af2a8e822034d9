//! What the static file server (tower-http's `ServeDir`) may be handed: a
//! path whose file, once symbolic links are resolved, is a regular file (or a
//! directory with a regular `index.html`) inside its folder. A link out of
//! the folder, a FIFO (whose `open` would block a thread for as long as no
//! one writes to it), a socket or a device is a 404 before `ServeDir` sees
//! it. A precompressed variant older than its file is not served (the file
//! changed after the variants were made). Also: the redirect `ServeDir`
//! makes for a directory, rewritten to a same-origin absolute path, and an
//! `If-Modified-Since` in the future, which is no validator.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use axum::http::{header, HeaderMap};

/// What to do with a static file request.
#[derive(Debug, PartialEq, Eq)]
pub enum Screen {
    /// `ServeDir` may serve it, or one of its precompressed variants (or say
    /// 404 itself: the file does not exist).
    Serve,
    /// `ServeDir` may serve the file itself, never a variant: a variant is
    /// older than the file (the file changed after the variants were made),
    /// so it may hold another version.
    Identity,
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
    /// of the precompressed files `ServeDir` may open instead. A directory
    /// stands for its `index.html`.
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
        let modified = match self.resolve(&path) {
            Ok(Some(Target::File(modified))) => modified,
            Ok(Some(Target::Directory)) => {
                path.push("index.html");
                match self.resolve(&path) {
                    Ok(Some(Target::File(modified))) => modified,
                    // Missing, or a directory: ServeDir's own 404.
                    Ok(None | Some(Target::Directory)) => return Screen::Serve,
                    Ok(Some(Target::Refused)) => return Screen::Refuse,
                    Err(_) => return Screen::Unavailable,
                }
            }
            // Missing: ServeDir's own 404.
            Ok(None) => return Screen::Serve,
            Ok(Some(Target::Refused)) => return Screen::Refuse,
            Err(_) => return Screen::Unavailable,
        };
        let mut screen = Screen::Serve;
        for suffix in variants {
            let mut variant = path.clone().into_os_string();
            variant.push(suffix);
            match self.resolve(Path::new(&variant)) {
                Ok(None) => {}
                Ok(Some(Target::File(made))) => {
                    if is_older(made, modified) {
                        screen = Screen::Identity;
                    }
                }
                Ok(Some(_)) => return Screen::Refuse,
                Err(_) => return Screen::Unavailable,
            }
        }
        screen
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
            Target::File(metadata.modified().ok())
        } else if metadata.is_dir() {
            Target::Directory
        } else {
            Target::Refused
        }))
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A regular file, with its modification time when the file system keeps one.
    File(Option<SystemTime>),
    Directory,
    /// Outside the folder, or neither a regular file nor a directory.
    Refused,
}

/// Whether a variant made at `made` predates the file it compresses,
/// modified at `modified`. Without both times there is no telling: the
/// variant is taken as current (the build writes variants after their files).
fn is_older(made: Option<SystemTime>, modified: Option<SystemTime>) -> bool {
    matches!((made, modified), (Some(made), Some(modified)) if made < modified)
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

    /// A folder of its own under the system's temporary directory, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> io::Result<Scratch> {
            let dir = std::env::temp_dir().join(format!("telehealth-rules-files-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir)?;
            Ok(Scratch(dir))
        }

        /// Writes `name`, modified `seconds` after the epoch.
        fn file(&self, name: &str, seconds: u64) -> io::Result<()> {
            let path = self.0.join(name);
            std::fs::write(&path, name)?;
            let file = std::fs::File::options().write(true).open(&path)?;
            file.set_modified(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(seconds))
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn variants_older_than_their_file_are_not_served() -> io::Result<()> {
        let dir = Scratch::new("variants")?;
        let variants = [".br", ".gz"];
        // Made after the file: served.
        dir.file("app.js", 1_000)?;
        dir.file("app.js.br", 2_000)?;
        dir.file("app.js.gz", 2_000)?;
        // Made at the same time: served.
        dir.file("same.js", 1_000)?;
        dir.file("same.js.br", 1_000)?;
        // The file changed after its variants were made: the file itself.
        dir.file("edited.js", 3_000)?;
        dir.file("edited.js.br", 2_000)?;
        dir.file("edited.js.gz", 2_000)?;
        // One of two variants stale is enough.
        dir.file("half.js", 2_000)?;
        dir.file("half.js.br", 3_000)?;
        dir.file("half.js.gz", 1_000)?;
        // No variant at all.
        dir.file("plain.css", 1_000)?;
        // A directory stands for its index.html.
        dir.file("index.html", 3_000)?;
        dir.file("index.html.br", 2_000)?;
        std::fs::create_dir(dir.0.join("sub"))?;
        std::fs::create_dir(dir.0.join("sub/index.html.gz"))?;
        std::fs::write(dir.0.join("sub/index.html"), "x")?;
        let folder = Folder::new(&dir.0);
        assert_eq!(folder.screen("/app.js", &variants), Screen::Serve);
        assert_eq!(folder.screen("/same.js", &variants), Screen::Serve);
        assert_eq!(folder.screen("/edited.js", &variants), Screen::Identity);
        assert_eq!(folder.screen("/half.js", &variants), Screen::Identity);
        assert_eq!(folder.screen("/plain.css", &variants), Screen::Serve);
        assert_eq!(folder.screen("/", &variants), Screen::Identity);
        assert_eq!(folder.screen("/index.html", &variants), Screen::Identity);
        // A variant that is no regular file: refused, as before.
        assert_eq!(folder.screen("/sub/", &variants), Screen::Refuse);
        // Without variants to serve, nothing is judged stale.
        assert_eq!(folder.screen("/edited.js", &[]), Screen::Serve);
        assert_eq!(folder.screen("/missing.js", &variants), Screen::Serve);
        Ok(())
    }

    #[test]
    fn decodes_paths() {
        assert_eq!(decode("/a%2Fb%20c").as_deref(), Some("/a/b c"));
        assert_eq!(decode("/%zz").as_deref(), Some("/%zz"));
        assert_eq!(decode("/a%00"), None);
        assert_eq!(decode("/%ff"), None);
    }
}
