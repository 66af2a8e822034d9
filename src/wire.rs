//! The compact wire of the keystroke module: a link or instructions report
//! as one string of tokens that `npm/wire.js` reads back into the very report
//! object `JSON.parse` would give, rendering the messages and platform texts
//! from the message catalog. The keystroke module then builds no JSON and
//! carries no catalog, and a keystroke costs no `JSON.parse`.
//!
//! A token is `<length>:<text>` (the length in UTF-16 code units, as
//! JavaScript counts) or `~` for null; a count is `<number>:`. A report is, in order: kind, verdict,
//! the number of findings and for each its code, severity, field, fix (or
//! null), the number of params and each name and value; a link report then
//! adds normalized (or null), the platform (null, or id, name, waiting room
//! and class), and the number of attestations and each one.

use crate::link::LinkReport;
use crate::report::{Finding, Report};

/// The wire form of a keystroke report (`link`, `instructions` or
/// `invalid_request`; another kind gives its envelope only).
#[must_use]
pub fn encode(report: &Report) -> String {
    let mut w = Wire(String::with_capacity(256));
    let kind = match report {
        Report::Link(_) => "link",
        Report::Instructions(_) => "instructions",
        Report::Location(_) => "location",
        Report::Continuity(_) => "continuity",
        Report::Session(_) => "session",
        Report::InvalidRequest(_) => "invalid_request",
    };
    w.text(kind);
    w.text(report.verdict().as_str());
    findings(&mut w, report.findings());
    if let Report::Link(r) = report {
        link(&mut w, r);
    }
    w.0
}

fn findings(w: &mut Wire, findings: &[Finding]) {
    w.count(findings.len());
    for f in findings {
        w.text(f.code.as_str());
        w.text(f.severity.as_str());
        w.text(&f.field);
        w.opt(f.fix.as_deref());
        w.count(f.params.iter().count());
        for (name, value) in f.params.iter() {
            w.text(name);
            w.text(value);
        }
    }
}

fn link(w: &mut Wire, r: &LinkReport) {
    w.opt(r.normalized.as_deref());
    match &r.platform {
        None => w.null(),
        Some(p) => {
            w.text(p.id);
            w.text(p.name);
            w.text(p.waiting_room.as_str());
            w.text(p.class().as_str());
        }
    }
    w.count(r.attestations.len());
    for a in &r.attestations {
        w.text(a.as_str());
    }
}

struct Wire(String);

impl Wire {
    fn text(&mut self, text: &str) {
        // Most tokens are ASCII (codes, the normalized link): one byte per unit.
        let units = if text.is_ascii() { text.len() } else { text.encode_utf16().count() };
        self.count(units);
        self.0.push_str(text);
    }

    fn opt(&mut self, text: Option<&str>) {
        match text {
            Some(t) => self.text(t),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.0.push('~');
    }

    /// A number and `:`.
    fn count(&mut self, n: usize) {
        crate::text::push_padded(&mut self.0, n, 1);
        self.0.push(':');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    #[test]
    fn a_link_report_as_tokens() {
        let day = Date::parse("2026-11-26").unwrap();
        let wire = encode(&Report::Link(crate::link::check("doxy.me/drsmith", day)));
        assert!(
            wire.starts_with("4:link6:reject1:14:missing_scheme5:error5:input23:https://doxy.me/drsmith"),
            "{wire}"
        );
        // Rejected: no attestations.
        assert!(wire.ends_with("7:doxy_me7:Doxy.me8:built_in7:meeting0:"), "{wire}");
        let ok = encode(&Report::Link(crate::link::check("https://doxy.me/drsmith", day)));
        assert!(ok.ends_with("7:meeting2:10:baa_signed15:audio_and_video"), "{ok}");
        let none = encode(&Report::Link(crate::link::check("", day)));
        assert_eq!(none, "4:link6:reject1:5:empty5:error5:input~1:7:subject4:link~~0:");
    }

    #[test]
    fn lengths_count_utf16_units() {
        let mut w = Wire(String::new());
        w.text("é😀");
        w.count(1_234_567);
        assert_eq!(w.0, "3:é😀1234567:");
    }
}
