//! A tiny pattern language for link paths, so each platform's link shapes
//! are data in the registry rather than code.

use super::url::percent_decoded;

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
            let mut groups = text.split('-');
            [3, 4, 3]
                .iter()
                .all(|n| groups.next().is_some_and(|g| g.len() == *n && g.bytes().all(|b| b.is_ascii_alphabetic())))
                && groups.next().is_none()
        }
        Seg::MeetLetters => text.len() == 10 && text.bytes().all(|b| b.is_ascii_alphabetic()),
        Seg::TeamsThread => is_teams_thread(text),
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

/// Whether some text typed at the end of a path could make it match a shape
/// whose outcome is a room or an expiring link:
/// `segments` are the path's segments so far, the last one still being
/// typed when `last_open`. The outcome of a path no shape matches is
/// `otherwise`.
pub fn reachable(shapes: &[Shape], otherwise: Outcome, segments: &[&str], last_open: bool) -> bool {
    let good = |outcome: Outcome| matches!(outcome, Outcome::Room | Outcome::Expiring);
    good(otherwise)
        || shapes.iter().any(|Shape(pattern, outcome)| good(*outcome) && extends(pattern, segments, last_open))
}

/// Whether `segments` (the last still growing when `last_open`), followed
/// by more text, can match `pattern`.
fn extends(pattern: &[Seg], segments: &[&str], last_open: bool) -> bool {
    match (pattern.split_first(), segments.split_first()) {
        (Some((Seg::Rest, _)), _) | (_, None) => true,
        (None, Some(_)) => false,
        (Some((seg, more_pattern)), Some((first, more_segments))) => {
            if more_segments.is_empty() && last_open {
                seg_grows(*seg, first)
            } else {
                seg_matches(*seg, first) && extends(more_pattern, more_segments, last_open)
            }
        }
    }
}

/// Whether `text`, followed by more text, can match `seg`: it begins the
/// literal, or the pattern is not a literal (a meeting ID, a room name, a
/// Teams thread with an escape not finished yet, ...: taken to be on its way
/// still, whatever its characters so far).
fn seg_grows(seg: Seg, text: &str) -> bool {
    let begins = |lit: &str| lit.get(..text.len()).is_some_and(|head| head.eq_ignore_ascii_case(text));
    match seg {
        Seg::Lit(lit) => begins(lit),
        Seg::OneOf(lits) => lits.iter().any(|lit| begins(lit)),
        _ => true,
    }
}

/// Decodes `%XX` escapes once; invalid escapes and invalid UTF-8 are kept or
/// replaced, never an error.
pub fn percent_decode(text: &str) -> String {
    String::from_utf8_lossy(&percent_decoded(text.as_bytes(), false).collect::<Vec<u8>>()).into_owned()
}

/// `19:meeting_...@thread.v2` once decoded, in any case, with something in
/// between. Decoded on the fly, the last bytes kept in a ring: Teams links
/// are long, and every keystroke typing one checks this.
fn is_teams_thread(text: &str) -> bool {
    const HEAD: &[u8] = b"19:meeting_";
    const TAIL: &[u8; 10] = b"@thread.v2";
    let mut n = 0;
    let mut last = [0u8; 10];
    for b in percent_decoded(text.as_bytes(), false).map(|b| b.to_ascii_lowercase()) {
        if HEAD.get(n).is_some_and(|want| *want != b) {
            return false;
        }
        if let Some(slot) = last.get_mut(n % TAIL.len()) {
            *slot = b;
        }
        n += 1;
    }
    // The k-th of the last ten bytes is at (n + k) % 10.
    n > HEAD.len() + TAIL.len() && TAIL.iter().enumerate().all(|(k, want)| last.get((n + k) % TAIL.len()) == Some(want))
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
    fn paths_still_being_typed() {
        let zoom = [
            Shape(&[Seg::Lit("j"), Seg::Digits(9, 10)], Outcome::Room),
            Shape(&[Seg::Lit("j"), Seg::Rest], Outcome::Malformed),
            Shape(&[Seg::Lit("wc"), Seg::Lit("join"), Seg::Digits(9, 11)], Outcome::Room),
            Shape(&[Seg::Lit("w"), Seg::Rest], Outcome::Webinar),
        ];
        let reach = |segments: &[&str], open: bool| reachable(&zoom, Outcome::NotMeeting, segments, open);
        assert!(reach(&[], false));
        assert!(reach(&["j"], true));
        assert!(reach(&["j", "123"], true));
        assert!(!reach(&["j", "123"], false));
        assert!(reach(&["w"], true));
        assert!(!reach(&["w"], false));
        assert!(!reach(&["s"], true));
        assert!(seg_grows(Seg::TeamsThread, "19%3"));
        assert!(seg_grows(Seg::OneOf(&["s", "start"]), "STA"));
        assert!(!seg_grows(Seg::Lit("wc"), "wcx"));
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%20b%zz%4"), "a b%zz%4");
        assert_eq!(percent_decode("%E2%9C%93"), "\u{2713}");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(dash_meet_code("ABCDEFGHIJ").as_deref(), Some("abc-defg-hij"));
    }

    #[test]
    fn teams_threads_are_read_decoded() {
        let by_decoding = |text: &str| {
            let d = percent_decode(text).to_ascii_lowercase();
            d.starts_with("19:meeting_") && d.ends_with("@thread.v2") && d.len() > 21
        };
        for text in [
            "19%3ameeting_NjM5ZTk1YzQtYjU0Yi00MWU0LWI0MTktMDY2ZTc0NzY0ZTM3%40thread.v2",
            "19:meeting_x@thread.v2",
            "19:meeting_@thread.v2",
            "19%3Ameeting_x%40THREAD.V2",
            "19%3ameeting_x%40thread.v",
            "19%3ameeting",
            "19:MEETING_%zz@thread.v2",
            "19:meeting_%E9@thread.v2",
            "%31%39%3a%6deeting_a%40%74hread%2ev2",
            "19:meeting_@thread.v2@thread.v2",
            "",
        ] {
            assert_eq!(is_teams_thread(text), by_decoding(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn teams_threads_read_on_the_fly_are_teams_threads_decoded(
            text in "(19(%3[aA]|:)(meeting|MEETING|%6[dD]eeting)_)?(19|%3[aA]|:|meeting_|%40|@|thread|\\.|v2|%[0-9a-fA-Fz]{0,2}|[a-zA-Z0-9]){0,12}((%40|@)(thread|THREAD|%74hread)(\\.|%2[eE])v2)?"
        ) {
            let d = percent_decode(&text).to_ascii_lowercase();
            let expected = d.starts_with("19:meeting_") && d.ends_with("@thread.v2") && d.len() > 21;
            proptest::prop_assert_eq!(is_teams_thread(&text), expected);
        }
    }
}
