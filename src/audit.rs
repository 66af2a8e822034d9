//! Re-judging stored reports when the ruleset changes.
//!
//! A stored record is one JSON line, `{"id", "request", "report"}`: a
//! request as it was checked and the report saved with it. [`audit_record`]
//! checks the request again under the current ruleset and says whether the
//! verdict, the set of finding codes or the `authority` differs. Messages
//! and the `ruleset` version alone do not count: a reworded message is not a
//! new finding. The authority (the entry that authorizes, its basis, compact
//! and home license, and the sources the decision rests on) is compared when
//! the saved report has one (`null` included): a decision that now stands on
//! another entry or another source is a change, even with the same verdict.
//! A report saved before reports carried it is judged on verdict and codes.
//!
//! Requests without `as_of` are judged as of `today`, so a date that has
//! passed (a retirement, an expired license) shows as a change too.
//!
//! A record may nest one level deeper than a request, so every request the
//! rules can read is read inside its record; a request nested too deeply to
//! be read at all makes its record unreadable too (not a record).

use crate::code::params::{InvalidRequest, InvalidRequestProblem as Problem};
use crate::code::Code;
use crate::date::Date;
use crate::finding::Verdict;
use crate::json::{self, ObjectWriter, ToJson, Value};
use crate::report::{InvalidRequestReport, Report};

/// Longest record line accepted: a request at its own limit plus its report.
pub const MAX_RECORD_BYTES: usize = 2 * crate::decode::MAX_REQUEST_BYTES;

/// The outcome of auditing one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audit {
    /// Same verdict and the same set of codes: nothing to write.
    Unchanged,
    /// Verdict or codes differ; `line` is the JSON line to write.
    Changed { before: Verdict, after: Verdict, line: String },
    /// Not a stored record; `line` is `{"line": N, "report": {invalid_request}}`.
    NotARecord { line: String },
}

impl Audit {
    /// The JSON line to write, if any.
    #[must_use]
    pub fn output(&self) -> Option<&str> {
        match self {
            Audit::Unchanged => None,
            Audit::Changed { line, .. } | Audit::NotARecord { line } => Some(line),
        }
    }
}

/// A verdict and a set of codes, as saved or as judged now.
struct Judgment<'a> {
    ruleset: &'a str,
    verdict: Verdict,
    /// Sorted, without repeats.
    codes: Vec<&'a str>,
    /// The report's `authority` (`null` included), when the report has one.
    authority: Option<Value>,
}

impl ToJson for Judgment<'_> {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        w.field("ruleset", self.ruleset).field("verdict", &self.verdict).field("codes", &self.codes);
        if let Some(authority) = &self.authority {
            w.field("authority", &Canonical(authority));
        }
        w.end();
    }
}

/// A parsed value written back as compact JSON, in the order it was read:
/// the bytes the report writer gives for the same value.
struct Canonical<'a>(&'a Value);

impl ToJson for Canonical<'_> {
    fn write_json(&self, out: &mut String) {
        match self.0 {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(text) => out.push_str(text),
            Value::String(text) => text.write_json(out),
            Value::Array(items) => {
                let items: Vec<Canonical<'_>> = items.iter().map(Canonical).collect();
                items.write_json(out);
            }
            Value::Object(members) => {
                let mut w = ObjectWriter::new(out);
                for (key, value) in members {
                    w.field(key, &Canonical(value));
                }
                w.end();
            }
        }
    }
}

/// The `authority` of a report as a JSON value, or `None` for a kind without one.
fn authority_of(report: &Report) -> Option<Value> {
    let text = match report {
        Report::Continuity(r) => crate::json::to_string(&r.authority),
        Report::Session(r) => crate::json::to_string(&r.authority),
        _ => return None,
    };
    json::parse(&text).ok()
}

/// Whether two values are the same JSON, whatever the order of object
/// members (a stored record may have been rewritten by a tool that sorts keys).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// JSON text written as is (a report already serialized).
struct Raw<'a>(&'a str);

impl ToJson for Raw<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

/// Audits one stored record (one line of text). `line` is its 1-based line
/// number, named in the answer when it is not a record (`None`: a single
/// record, as the wasm binding passes it). `today` stands in for a missing
/// `as_of`.
#[must_use]
pub fn audit_record(text: &str, line: Option<u64>, today: Date) -> Audit {
    audit_bytes(text.as_bytes(), line, today)
}

/// As [`audit_record`], for a line read as bytes: a line longer than
/// [`MAX_RECORD_BYTES`] (a reader may stop one byte past it) or not UTF-8
/// is not a record.
#[must_use]
pub fn audit_bytes(bytes: &[u8], line: Option<u64>, today: Date) -> Audit {
    if bytes.len() > MAX_RECORD_BYTES {
        let params = problem(Problem::RecordTooLong).max(MAX_RECORD_BYTES.to_string());
        return not_a_record(line, "", params);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return not_a_record(line, "", problem(Problem::RecordNotUtf8));
    };
    // The request sits one level down in the record.
    let value = match json::parse_within(text, 1) {
        Ok(value) => value,
        Err(e) => {
            let params = crate::decode::with_what(problem(Problem::RecordNotJson), e.what).at(e.at.to_string());
            return not_a_record(line, "", params);
        }
    };
    match read_record(&value) {
        Ok((id, request, saved)) => compare(id, request, &saved, today),
        Err((field, key)) => not_a_record(line, field, problem(key)),
    }
}

fn compare(id: &str, request: &Value, before: &Judgment<'_>, today: Date) -> Audit {
    let (request, matched) = crate::decode::decode_value_matched(request);
    let mut report = match request {
        Ok(request) => crate::check(&request, today),
        Err(e) => Report::InvalidRequest(InvalidRequestReport::of_error(e)),
    };
    report.set_locale(matched);
    // The authority is compared (and written) only when the saved report has one.
    let authority = before.authority.as_ref().and(authority_of(&report));
    let after =
        Judgment { ruleset: crate::RULESET, verdict: report.verdict(), codes: code_set(report.findings()), authority };
    let same_authority = match (&before.authority, &after.authority) {
        (Some(saved), Some(now)) => same_json(saved, now),
        // Saved with an authority, now of a kind without one: the verdict and codes differ too.
        _ => true,
    };
    if after.verdict == before.verdict && after.codes == before.codes && same_authority {
        return Audit::Unchanged;
    }
    let report = report.to_json();
    let mut out = String::with_capacity(report.len() + 256);
    let mut w = ObjectWriter::new(&mut out);
    w.field("id", id).field("before", before).field("after", &after).field("report", &Raw(&report));
    w.end();
    Audit::Changed { before: before.verdict, after: after.verdict, line: out }
}

fn code_set(findings: &[crate::Finding]) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = findings.iter().map(|f| Code::as_str(f.code)).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The `invalid_request` params of a record problem.
fn problem(problem: Problem) -> InvalidRequest {
    InvalidRequest::new().problem(problem)
}

fn not_a_record(line: Option<u64>, field: &str, params: InvalidRequest) -> Audit {
    let report = Report::InvalidRequest(InvalidRequestReport::new(field, params)).to_json();
    let mut out = String::with_capacity(report.len() + 32);
    let mut w = ObjectWriter::new(&mut out);
    if let Some(n) = line {
        // A line number is a JSON number; the writer has no numbers to write.
        w.field("line", &Raw(&n.to_string()));
    }
    w.field("report", &Raw(&report)).end();
    Audit::NotARecord { line: out }
}

/// The field at fault and what is wrong with it (an `invalid_request` problem).
type RecordProblem = (&'static str, Problem);

const NOT_AN_OBJECT: RecordProblem = ("", Problem::RecordNotAnObject);
const BAD_ID: RecordProblem = ("id", Problem::RecordId);
const NO_REQUEST: RecordProblem = ("request", Problem::RecordRequest);
const BAD_REPORT: RecordProblem = ("report", Problem::RecordReport);
const BAD_VERDICT: RecordProblem = ("report.verdict", Problem::RecordVerdict);
const BAD_CODE: RecordProblem = ("report.findings", Problem::RecordCodes);

/// The record's id, request and saved judgment.
fn read_record(value: &Value) -> Result<(&str, &Value, Judgment<'_>), RecordProblem> {
    if !matches!(value, Value::Object(_)) {
        return Err(NOT_AN_OBJECT);
    }
    let Some(Value::String(id)) = value.get("id") else { return Err(BAD_ID) };
    let request = value.get("request").ok_or(NO_REQUEST)?;
    let report = value.get("report").filter(|r| matches!(r, Value::Object(_))).ok_or(BAD_REPORT)?;
    let (Some(Value::String(ruleset)), Some(Value::Array(findings))) = (report.get("ruleset"), report.get("findings"))
    else {
        return Err(BAD_REPORT);
    };
    let verdict = match report.get("verdict") {
        Some(Value::String(v)) if v == "accept" => Verdict::Accept,
        Some(Value::String(v)) if v == "review" => Verdict::Review,
        Some(Value::String(v)) if v == "reject" => Verdict::Reject,
        _ => return Err(BAD_VERDICT),
    };
    let mut codes = Vec::with_capacity(findings.len());
    for finding in findings {
        let Some(Value::String(code)) = finding.get("code") else { return Err(BAD_CODE) };
        codes.push(code.as_str());
    }
    codes.sort_unstable();
    codes.dedup();
    let authority = report.get("authority").cloned();
    Ok((id, request, Judgment { ruleset, verdict, codes, authority }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-29").unwrap()
    }

    fn record(report: &str) -> String {
        format!(
            r#"{{"id":"r1","request":{{"kind":"link","input":"https://doxy.me/drsmith","as_of":"2026-11-29"}},"report":{report}}}"#
        )
    }

    #[test]
    fn same_verdict_and_codes_is_unchanged_whatever_the_ruleset_or_messages() {
        let saved = r#"{"kind":"link","verdict":"accept","findings":[],"ruleset":"2026.11.27"}"#;
        assert_eq!(audit_record(&record(saved), Some(1), today()), Audit::Unchanged);
    }

    #[test]
    fn a_different_verdict_or_code_set_is_a_change() {
        let saved =
            r#"{"kind":"link","verdict":"review","findings":[{"code":"unknown_platform"}],"ruleset":"2026.11.27"}"#;
        let audit = audit_record(&record(saved), Some(7), today());
        let Audit::Changed { before, after, line } = audit else { panic!("{audit:?}") };
        assert_eq!((before, after), (Verdict::Review, Verdict::Accept));
        let expected = format!(
            r#"{{"id":"r1","before":{{"ruleset":"2026.11.27","verdict":"review","codes":["unknown_platform"]}},"after":{{"ruleset":"{}","verdict":"accept","codes":[]}},"report":{}}}"#,
            crate::RULESET,
            crate::check_json(r#"{"kind":"link","input":"https://doxy.me/drsmith","as_of":"2026-11-29"}"#, today())
        );
        assert_eq!(line, expected);
        let same_verdict =
            r#"{"kind":"link","verdict":"accept","findings":[{"code":"tracking_removed"}],"ruleset":"x"}"#;
        assert!(matches!(audit_record(&record(same_verdict), None, today()), Audit::Changed { .. }));
    }

    /// A continuity record: NY licensed twice, the report saved as `report`.
    fn continuity_record(report: &str) -> String {
        let request = r#"{"kind":"continuity","as_of":"2026-11-29","location":"NY","provider":{"licenses":[{"jurisdiction":"NY","type":"LCSW","status":"active"},{"jurisdiction":"NY","type":"LCSW","status":"active"}],"credentials":[{"jurisdiction":"NY","status":"active"}]},"client":{"coverage":"none"}}"#;
        format!(r#"{{"id":"c1","request":{request},"report":{report}}}"#)
    }

    #[test]
    fn a_changed_authority_is_a_change_even_with_the_same_verdict() {
        let now = r#"{"license":0,"basis":"state_license","jurisdiction":"NY","compact":null,"home_license":null,"sources":[]}"#;
        let saved = |authority: &str| {
            format!(
                r#"{{"kind":"continuity","verdict":"accept","findings":[{{"code":"credentialed"}}],"authority":{authority},"ruleset":"2026.11.29"}}"#
            )
        };
        assert_eq!(audit_record(&continuity_record(&saved(now)), Some(1), today()), Audit::Unchanged);
        let other_entry = now.replace(r#""license":0"#, r#""license":1"#);
        let Audit::Changed { before, after, line } =
            audit_record(&continuity_record(&saved(&other_entry)), None, today())
        else {
            panic!("an authority on another entry is a change")
        };
        assert_eq!((before, after), (Verdict::Accept, Verdict::Accept));
        assert!(line.contains(&format!(r#""authority":{other_entry}}}"#)), "{line}");
        assert!(line.contains(&format!(r#""authority":{now}}}"#)), "{line}");
        let other_source = now.replace(
            r#""sources":[]"#,
            r#""sources":[{"fact":"psypact:NY","url":"https://x","checked":"2026-11-29","from":null}]"#,
        );
        assert!(matches!(
            audit_record(&continuity_record(&saved(&other_source)), None, today()),
            Audit::Changed { .. }
        ));
        assert!(matches!(audit_record(&continuity_record(&saved("null")), None, today()), Audit::Changed { .. }));
        // A report saved before reports named their authority: verdict and codes only.
        let older =
            r#"{"kind":"continuity","verdict":"accept","findings":[{"code":"credentialed"}],"ruleset":"2026.11.27"}"#;
        assert_eq!(audit_record(&continuity_record(older), None, today()), Audit::Unchanged);
    }

    #[test]
    fn not_a_record() {
        for (text, field) in [
            ("", ""),
            ("not json", ""),
            ("[]", ""),
            (r#"{"request":{},"report":{}}"#, "id"),
            (r#"{"id":"a","report":{}}"#, "request"),
            (r#"{"id":"a","request":{},"report":[]}"#, "report"),
            (r#"{"id":"a","request":{},"report":{"verdict":"accept","findings":[]}}"#, "report"),
            (r#"{"id":"a","request":{},"report":{"verdict":"maybe","findings":[],"ruleset":"x"}}"#, "report.verdict"),
            (
                r#"{"id":"a","request":{},"report":{"verdict":"accept","findings":[{}],"ruleset":"x"}}"#,
                "report.findings",
            ),
        ] {
            let audit = audit_record(text, Some(3), today());
            let Audit::NotARecord { line } = &audit else { panic!("{text}: {audit:?}") };
            assert!(line.starts_with(r#"{"line":3,"report":{"kind":"invalid_request","verdict":"reject""#), "{line}");
            assert!(line.contains(&format!(r#""field":"{field}""#)), "{text}: {line}");
        }
        let Audit::NotARecord { line } = audit_record("{", None, today()) else { panic!() };
        assert!(line.starts_with(r#"{"report":{"kind":"invalid_request""#), "{line}");
        let Audit::NotARecord { line } = audit_bytes(b"{\xff}", Some(2), today()) else { panic!() };
        assert!(line.contains("not valid UTF-8"), "{line}");
        let long = vec![b' '; MAX_RECORD_BYTES + 1];
        let Audit::NotARecord { line } = audit_bytes(&long, Some(4), today()) else { panic!() };
        assert!(line.contains("longer than"), "{line}");
    }

    #[test]
    fn an_invalid_request_in_a_record_is_judged_as_one() {
        let text = r#"{"id":"x","request":{"kind":"nope"},"report":{"verdict":"accept","findings":[],"ruleset":"1"}}"#;
        let Audit::Changed { after, line, .. } = audit_record(text, Some(1), today()) else { panic!() };
        assert_eq!(after, Verdict::Reject);
        let after_json =
            format!(r#""after":{{"ruleset":"{}","verdict":"reject","codes":["invalid_request"]}}"#, crate::RULESET);
        assert!(line.contains(&after_json), "{line}");
    }
}
