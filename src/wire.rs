//! The compact wire of the keystroke module: a link or instructions report
//! as numbers and one text, which `npm/io.js` and `npm/wire.js` read back
//! into the very report object `JSON.parse` would give, rendering the
//! messages and platform texts from the message catalog. The keystroke
//! module then builds no JSON and carries no catalog, and a keystroke costs
//! no `JSON.parse`.
//!
//! The wire is a list of 32-bit words and a text. A count is one word. A
//! token (a string, or null) is two words, its kind in the first word's top
//! two bits:
//! - `[0, 0]`: null;
//! - `[INPUT | at, units]`: the checked input's UTF-16 code units
//!   `at..at + units` (JavaScript's `slice` of the string it passed): the
//!   normalized link, a host, a fix are mostly pieces of what was typed;
//! - `[HEAP | at, units]`: the same of the wire's text, for the rest;
//! - `[JOIN | k, 0]`: the next `k` tokens, joined (what was typed plus a `/`);
//! - `[address, bytes]`: a string that lives in the module's data for its
//!   whole life (a code, a severity, a platform id, a param name), read from
//!   the module's memory at `address`. JavaScript decodes each such string
//!   once and keeps it by address, checked against its length: an ASCII
//!   string's, as all of these are (one that is not would be decoded each
//!   time, still right).
//!
//! So a keystroke mostly decodes no text at all: `TextDecoder` costs
//! hundreds of nanoseconds a call in Chromium. Only a `&'static str` is sent
//! by address: its bytes never change.
//!
//! A report is, in order: kind, verdict, the number of findings and for each
//! its code, severity, field, fix (or null), the number of params and each
//! name and value, and a flag word for `final`; a link report then adds
//! normalized (or null), the platform (null, or id, name, waiting room,
//! class, and its source's URL, null when it has none, then that source's
//! checked date, both by address), and the number of attestations and each
//! one; every report ends
//! with a flag word for `settled`. A flag word is 0 when the field is
//! absent (the value is not being typed), 1 for false, 2 for true.

use std::borrow::Cow;

use crate::finding::{Finding, Verdict};
use crate::instructions::InstructionsReport;
use crate::link::LinkReport;

/// A token in the checked input (the kinds are the first word's top two bits).
pub const INPUT: u32 = 3 << 30;
/// A token in the wire's text.
pub const HEAP: u32 = 2 << 30;
/// Tokens joined.
pub const JOIN: u32 = 1 << 30;
/// A token's offset or count: the first word's other bits.
const VALUE: u32 = JOIN - 1;

/// Inputs up to this many bytes are looked at for the texts sent (a link
/// is at most `link::MAX_CHARS` characters: 8 KB of UTF-8 at worst).
const SEARCHED: usize = 4 * crate::link::MAX_CHARS;

/// A report on the wire; one is kept and rewritten for every keystroke.
#[derive(Debug, Default)]
pub struct Wire {
    words: Vec<u32>,
    text: String,
    /// The text's length in UTF-16 code units.
    units: u32,
}

impl Wire {
    /// An empty wire.
    #[must_use]
    pub const fn new() -> Self {
        Wire { words: Vec::new(), text: String::new(), units: 0 }
    }

    /// Replaces what the wire holds with `report` (`link`, `instructions` or
    /// `invalid_request`; another kind gives its envelope only) on `input`
    /// (the text checked, which the reader has: texts in it are sent as
    /// pieces of it). The keystroke module calls the per-kind writers below;
    /// this one is for the tests and fuzz targets that send any report.
    #[cfg(feature = "testing")]
    pub fn write(&mut self, report: &crate::report::Report, input: &str) {
        use crate::report::Report;
        let kind = match report {
            Report::Link(r) => return self.write_link(r, input),
            Report::Instructions(r) => return self.write_instructions(r, input),
            Report::Location(_) => "location",
            Report::Continuity(_) => "continuity",
            Report::Session(_) => "session",
            Report::InvalidRequest(_) => "invalid_request",
        };
        self.write_parts(kind, report.verdict(), report.findings(), None, None, input);
    }

    /// As [`Wire::write`] for a link report: what the keystroke module
    /// calls, so that it handles (and drops) no other kind of report.
    pub fn write_link(&mut self, r: &LinkReport, input: &str) {
        self.write_parts("link", r.verdict, &r.findings, Some(r), r.settled, input);
    }

    /// As [`Wire::write`] for an instructions report.
    pub fn write_instructions(&mut self, r: &InstructionsReport, input: &str) {
        self.write_parts("instructions", r.verdict, &r.findings, None, r.settled, input);
    }

    /// A report as its parts: kind, verdict, findings, the link report's
    /// own fields (for a link report), and `settled`.
    fn write_parts(
        &mut self,
        kind: &'static str,
        verdict: Verdict,
        findings: &[Finding],
        link: Option<&LinkReport>,
        settled: Option<bool>,
        input: &str,
    ) {
        self.words.clear();
        self.text.clear();
        self.units = 0;
        let w = &mut Writer { wire: self, input };
        w.fixed(kind);
        w.fixed(verdict.as_str());
        w.findings(findings);
        if let Some(r) = link {
            w.link(r);
        }
        w.flag(settled);
    }

    /// The words.
    #[must_use]
    pub fn words(&self) -> &[u32] {
        &self.words
    }

    /// The text the `HEAP` tokens point into.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The wire being written for one report, with the input it was checked on.
struct Writer<'a> {
    wire: &'a mut Wire,
    input: &'a str,
}

impl Writer<'_> {
    fn findings(&mut self, findings: &[Finding]) {
        self.count(findings.len());
        for f in findings {
            self.fixed(f.code.as_str());
            self.fixed(f.severity.as_str());
            self.free(&f.field);
            self.opt(f.fix.as_deref());
            self.count(f.params.iter().count());
            for (name, value) in f.params.entries() {
                self.fixed(name);
                match value {
                    Cow::Borrowed(value) => self.fixed(value),
                    Cow::Owned(value) => self.free(value),
                }
            }
            self.flag(f.is_final);
        }
    }

    /// An optional flag as one word: 0 absent, 1 false, 2 true.
    fn flag(&mut self, flag: Option<bool>) {
        self.wire.words.push(flag.map_or(0, |b| 1 + u32::from(b)));
    }

    fn link(&mut self, r: &LinkReport) {
        self.opt(r.normalized.as_deref());
        match &r.platform {
            None => self.null(),
            Some(p) => {
                self.fixed(p.id);
                self.fixed(p.name);
                self.fixed(p.waiting_room.as_str());
                self.fixed(p.class().as_str());
                match p.source {
                    None => self.null(),
                    Some(source) => {
                        self.fixed(source.url);
                        self.fixed(source.checked);
                    }
                }
            }
        }
        self.count(r.attestations.len());
        for a in &r.attestations {
            self.fixed(a.as_str());
        }
    }

    /// A string that lives as long as the module: by address when it can be
    /// (below `JOIN`: always, in wasm32), else as text.
    fn fixed(&mut self, s: &'static str) {
        let address = u32::try_from(s.as_ptr() as usize).ok().filter(|a| *a < JOIN && *a != 0);
        match (address, u32::try_from(s.len())) {
            (Some(address), Ok(bytes)) => self.token(address, bytes),
            _ => self.copy(s),
        }
    }

    /// Any string: a piece of the input, that piece and a `/`, or a copy in
    /// the text.
    fn free(&mut self, s: &str) {
        // The fields the keystroke rules name.
        if let Some(field) = ["input", "link"].into_iter().find(|f| *f == s) {
            return self.fixed(field);
        }
        if let Some(at) = self.input_offset(s) {
            return self.token(INPUT | at, units(s));
        }
        if let Some(at) = s.strip_suffix('/').filter(|head| !head.is_empty()).and_then(|head| self.input_offset(head)) {
            // What was typed, as the URL serializer ends an empty path.
            self.token(JOIN | 2, 0);
            self.token(INPUT | at, units(s).saturating_sub(1));
            return self.fixed("/");
        }
        self.copy(s);
    }

    /// `s` copied into the text.
    fn copy(&mut self, s: &str) {
        let at = self.wire.units & VALUE;
        self.wire.units = self.wire.units.saturating_add(units(s));
        self.token(HEAP | at, units(s));
        self.wire.text.push_str(s);
    }

    /// Where `s` is in the input, in UTF-16 code units: looked for where
    /// the texts sent usually start (the input itself, what follows leading
    /// whitespace, the host after `://`), not searched for (a searcher costs
    /// more than the copy it saves). An input far over the rules' limits is
    /// not looked at.
    fn input_offset(&self, s: &str) -> Option<u32> {
        let input = self.input;
        if input.len() > SEARCHED {
            return None;
        }
        let after_space = input.len() - input.trim_start().len();
        let host = input.as_bytes().windows(3).position(|w| w == b"://").map(|at| at + 3);
        let starts = [Some(0), Some(after_space), host];
        let at = starts.into_iter().flatten().find(|at| input.get(*at..).is_some_and(|rest| rest.starts_with(s)))?;
        Some(units(input.get(..at)?)).filter(|at| *at <= VALUE)
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.free(s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.token(0, 0);
    }

    fn token(&mut self, head: u32, n: u32) {
        // Two pushes: `extend` with an array is a generic call at opt-level "s".
        self.wire.words.push(head);
        self.wire.words.push(n);
    }

    fn count(&mut self, n: usize) {
        self.wire.words.push(u32::try_from(n).unwrap_or(u32::MAX));
    }
}

/// The length of `s` in UTF-16 code units (saturating; inputs are bounded
/// by `link::MAX_CHARS` and `instructions::MAX_CHARS`, far below).
fn units(s: &str) -> u32 {
    // Mostly ASCII (the normalized link, a host): one unit a byte.
    let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
    u32::try_from(units).unwrap_or(VALUE).min(VALUE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    /// The token at word `at` read as JavaScript reads it, `input` being the
    /// string checked; and the next token's word. (Natively, addresses do
    /// not fit 30 bits: what would go by address is copied into the text.)
    fn token(wire: &Wire, input: &str, at: usize) -> (Option<String>, usize) {
        let (a, n) = (wire.words()[at], wire.words()[at + 1] as usize);
        let slice = |of: &str, from: u32| {
            let units: Vec<u16> = of.encode_utf16().collect();
            String::from_utf16(&units[(from & VALUE) as usize..][..n]).unwrap()
        };
        match a & !VALUE {
            _ if a == 0 => (None, at + 2),
            INPUT => (Some(slice(input, a)), at + 2),
            HEAP => (Some(slice(wire.text(), a)), at + 2),
            JOIN => {
                let (mut joined, mut next) = (String::new(), at + 2);
                for _ in 0..a & VALUE {
                    let (piece, after) = token(wire, input, next);
                    joined += &piece.unwrap();
                    next = after;
                }
                (Some(joined), next)
            }
            _ => panic!("an address on a 64-bit target: {a:#x}"),
        }
    }

    /// The word where a link report's `normalized` is: after its findings.
    fn normalized_at(wire: &Wire, input: &str) -> usize {
        let mut at = 5;
        for _ in 0..wire.words()[4] {
            for _ in 0..4 {
                at = token(wire, input, at).1;
            }
            let params = wire.words()[at];
            at += 1;
            for _ in 0..2 * params {
                at = token(wire, input, at).1;
            }
            at += 1;
        }
        at
    }

    #[test]
    fn a_link_report_as_words_and_text() {
        let day = Date::parse("2026-11-26").unwrap();
        let mut wire = Wire::default();
        let input = "doxy.me/drsmith";
        wire.write_link(&crate::link::check(input, day), input);
        assert_eq!(token(&wire, input, 0).0.as_deref(), Some("link"));
        assert_eq!(token(&wire, input, 2).0.as_deref(), Some("reject"));
        // One finding, with its fix: the repaired link, not in the input: copied.
        assert_eq!(wire.words()[4], 1);
        assert_eq!(token(&wire, input, 5).0.as_deref(), Some("missing_scheme"));
        assert_eq!(token(&wire, input, 11).0.as_deref(), Some("https://doxy.me/drsmith"));
        assert_eq!(wire.words()[11], HEAP | u32::try_from(wire.text().find("https://").unwrap()).unwrap());
        // The platform, then its source's URL and checked date (by address in wasm).
        let platform = "doxy_meDoxy.mebuilt_inmeeting";
        let source = "https://helpcenter.doxy.me/en/articles/8272808-waiting-room-overview2026-11-29";
        assert!(wire.text().ends_with(&format!("{platform}{source}")), "{}", wire.text());
        // Rejected: no attestations; not typed: no settled, the last word.
        assert_eq!(wire.words()[wire.words().len() - 2..], [0, 0]);
        // The wire is rewritten, not appended to.
        wire.write_link(&crate::link::check("", day), "");
        assert_eq!(wire.text(), "linkrejectemptyerrorinputsubjectlink");
        // kind, verdict, count; code, severity, field, fix, count, name, value, final;
        // normalized, platform, count, settled.
        assert_eq!(wire.words().len(), 2 + 2 + 1 + 2 * 4 + 1 + 2 * 2 + 1 + 2 + 2 + 1 + 1);
        assert_eq!(wire.words()[13..], [1, HEAP | 25, 7, HEAP | 32, 4, 0, 0, 0, 0, 0, 0, 0]);
        // Typing: the finding not final (1), the report not settled (1).
        wire.write_link(&crate::link::check_typing("", day, true), "");
        assert_eq!(wire.words()[18], 1);
        assert_eq!(wire.words().last(), Some(&1));
    }

    #[test]
    fn texts_typed_go_as_pieces_of_the_input() {
        let day = Date::parse("2026-11-26").unwrap();
        let mut wire = Wire::default();
        let input = " https://Doxy.me/drsmith";
        wire.write_link(&crate::link::check(input, day), input);
        // The normalized link is not in the input (the host lowercased): copied.
        let normalized = normalized_at(&wire, input);
        let (text, _) = token(&wire, input, normalized);
        assert_eq!(text.as_deref(), Some("https://doxy.me/drsmith"));
        assert_eq!(wire.words()[normalized] & !VALUE, HEAP);
        let input = " https://doxy.me/drsmith";
        wire.write_link(&crate::link::check(input, day), input);
        let normalized = normalized_at(&wire, input);
        assert_eq!(token(&wire, input, normalized).0.as_deref(), Some("https://doxy.me/drsmith"));
        assert_eq!(wire.words()[normalized..normalized + 2], [INPUT | 1, 23]);
    }

    #[test]
    fn offsets_and_lengths_count_utf16_units() {
        let mut wire = Wire::default();
        let input = " 😀é://bc/def";
        let w = &mut Writer { wire: &mut wire, input };
        w.free("😀é://bc/def");
        w.free("bc/");
        w.free("bc/def/");
        w.free("def");
        w.free("input");
        w.null();
        w.count(7);
        let mut at = 0;
        let mut read = Vec::new();
        for _ in 0..6 {
            let (text, next) = token(&wire, input, at);
            read.push(text);
            at = next;
        }
        let expected = [Some("😀é://bc/def"), Some("bc/"), Some("bc/def/"), Some("def"), Some("input"), None];
        assert_eq!(read, expected.map(|t| t.map(str::to_owned)));
        // After the leading space, and after `://`, by UTF-16 offset: the emoji is two units.
        assert_eq!(wire.words()[..4], [INPUT | 1, 12, INPUT | 7, 3]);
        // Not in it, but without its `/`: joined.
        assert_eq!(wire.words()[4..8], [JOIN | 2, 0, INPUT | 7, 6]);
        // Elsewhere in it: copied (after the join's `/`, copied too natively).
        assert_eq!(wire.words()[10..12], [HEAP | 1, 3]);
        assert_eq!(wire.words()[at..], [7]);
    }
}
