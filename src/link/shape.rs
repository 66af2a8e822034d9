//! A tiny pattern language for link paths, so each platform's link shapes
//! are data in the registry rather than code.

/// One path segment pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg {
    /// This literal (ASCII case-insensitive).
    Lit(&'static str),
    /// One of these literals (ASCII case-insensitive).
    OneOf(&'static [&'static str]),
    /// Only digits, between `min` and `max` of them.
    Digits(usize, usize),
    /// Zoom personal link name: 5-40 characters, starts with a letter, then
    /// letters, digits or `.`.
    ZoomName,
    /// Google Meet code `xxx-xxxx-xxx` (letters, any case).
    MeetCode,
    /// Ten letters: a Meet code typed without its dashes.
    MeetLetters,
    /// Teams meeting thread `19:meeting_...@thread.v2` (percent-encoded in links).
    TeamsThread,
    /// Webex personal room id: 1-64 of letters, digits, `.`, `_`, `-`, with a letter.
    WebexId,
    /// A room name: 1-64 of letters, digits, `.`, `_`, `-`.
    RoomName,
    /// Any one segment.
    Any,
    /// Any number of further segments, including none. Last only.
    Rest,
}

/// What a path shape means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A joinable, persistent meeting room.
    Room,
    /// A joinable link that stops working (one-time or per appointment).
    Expiring,
    /// Starts the meeting as the host.
    HostStart,
    /// A webinar.
    Webinar,
    /// A home, sign-in, download or help page.
    NotMeeting,
    /// Meant as a meeting link, but the ID is not in the platform's form.
    Malformed,
    /// A Meet code typed without dashes: malformed, with a fix.
    MalformedMeetCode,
}

/// A path pattern and what it means.
#[derive(Clone, Copy, Debug)]
pub struct Shape(pub &'static [Seg], pub Outcome);

/// The outcome of the first shape that matches `segments`, if any.
pub fn classify(shapes: &[Shape], segments: &[&str]) -> Option<Outcome> {
    shapes.iter().find(|Shape(pattern, _)| matches(pattern, segments)).map(|Shape(_, outcome)| *outcome)
}

fn matches(pattern: &[Seg], segments: &[&str]) -> bool {
    match (pattern.split_first(), segments.split_first()) {
        (Some((Seg::Rest, _)), _) => true,
        (None, None) => true,
        (Some((seg, more_pattern)), Some((first, more_segments))) => {
            seg_matches(*seg, first) && matches(more_pattern, more_segments)
        }
        _ => false,
    }
}

fn seg_matches(seg: Seg, text: &str) -> bool {
    let is_room_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    match seg {
        Seg::Lit(lit) => text.eq_ignore_ascii_case(lit),
        Seg::OneOf(lits) => lits.iter().any(|lit| text.eq_ignore_ascii_case(lit)),
        Seg::Digits(min, max) => (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()),
        Seg::ZoomName => {
            (5..=40).contains(&text.len())
                && text.starts_with(|c: char| c.is_ascii_alphabetic())
                && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        }
        Seg::MeetCode => {
            let groups: Vec<&str> = text.split('-').collect();
            groups.iter().map(|g| g.len()).eq([3, 4, 3])
                && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_alphabetic()))
        }
        Seg::MeetLetters => text.len() == 10 && text.bytes().all(|b| b.is_ascii_alphabetic()),
        Seg::TeamsThread => {
            let decoded = percent_decode(text).to_ascii_lowercase();
            decoded.starts_with("19:meeting_") && decoded.ends_with("@thread.v2") && decoded.len() > 21
        }
        Seg::WebexId => {
            (1..=64).contains(&text.len())
                && text.chars().all(is_room_char)
                && text.chars().any(|c| c.is_ascii_alphabetic())
        }
        Seg::RoomName => (1..=64).contains(&text.len()) && text.chars().all(is_room_char),
        Seg::Any => !text.is_empty(),
        Seg::Rest => true,
    }
}

/// Decodes `%XX` escapes once; invalid escapes and invalid UTF-8 are kept or
/// replaced, never an error.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|h| char::from(*h).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `abcdefghij` -> `abc-defg-hij` (pushed, not formatted: no `core::fmt` on the keystroke path).
pub fn dash_meet_code(letters: &str) -> Option<String> {
    let mut code = String::with_capacity(12);
    for part in [letters.get(..3)?, "-", letters.get(3..7)?, "-", letters.get(7..10)?] {
        code.push_str(part);
    }
    code.make_ascii_lowercase();
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments() {
        assert!(seg_matches(Seg::MeetCode, "abc-defg-hij"));
        assert!(seg_matches(Seg::MeetCode, "ABC-DEFG-HIJ"));
        assert!(!seg_matches(Seg::MeetCode, "abc-defg-hi"));
        assert!(!seg_matches(Seg::MeetCode, "ab1-defg-hij"));
        assert!(seg_matches(Seg::Digits(9, 11), "12345678901"));
        assert!(!seg_matches(Seg::Digits(9, 11), "12345678"));
        assert!(seg_matches(Seg::ZoomName, "dr.smith"));
        assert!(!seg_matches(Seg::ZoomName, "1smith"));
        assert!(!seg_matches(Seg::ZoomName, "drs"));
        assert!(seg_matches(Seg::TeamsThread, "19%3ameeting_NjQ5ZTk3%40thread.v2"));
        assert!(!seg_matches(Seg::TeamsThread, "19%3ameeting_%40thread.v2"));
        assert!(seg_matches(Seg::WebexId, "drsmith"));
        assert!(!seg_matches(Seg::WebexId, "12345"));
    }

    #[test]
    fn patterns() {
        let shapes = [
            Shape(&[Seg::Lit("j"), Seg::Digits(9, 11)], Outcome::Room),
            Shape(&[Seg::Lit("j"), Seg::Rest], Outcome::Malformed),
        ];
        assert_eq!(classify(&shapes, &["j", "1234567890"]), Some(Outcome::Room));
        assert_eq!(classify(&shapes, &["j", "123"]), Some(Outcome::Malformed));
        assert_eq!(classify(&shapes, &["j"]), Some(Outcome::Malformed));
        assert_eq!(classify(&shapes, &[]), None);
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%20b%zz%4"), "a b%zz%4");
        assert_eq!(percent_decode("%E2%9C%93"), "\u{2713}");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(dash_meet_code("ABCDEFGHIJ").as_deref(), Some("abc-defg-hij"));
    }
}
