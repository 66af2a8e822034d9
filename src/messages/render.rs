//! The one message renderer: templates in a small ICU MessageFormat subset,
//! `{name}` and `{name, select, value {text} ... other {text}}` (nestable).
//! `npm/render.js` is its JavaScript twin and must stay so: the same
//! template, params and terms give the same text in both (a Node test holds
//! them to every golden finding).
//!
//! - `{name}` is the param's value, or the term `terms(name, value)` when
//!   there is one; a param that is absent is written back as `{name}`.
//! - A select takes the branch named by the value, else `other` (also when
//!   the param is absent); a select without `other` does not parse.
//! - There is no quoting: `{` and `}` are never literal text.
//! - A template that does not parse renders as itself. Selects nest at most
//!   [`MAX_DEPTH`] deep; the output stops before the first piece (a run of
//!   text or one value) that would take it past [`MAX_OUTPUT`] UTF-16 code
//!   units (the unit JavaScript counts in).

/// Deepest select nesting a template may have.
pub const MAX_DEPTH: usize = 8;

/// Longest output, in UTF-16 code units.
pub const MAX_OUTPUT: usize = 16_384;

/// Renders `template` with the params `param(name)` and the terms
/// `term(group, value)` (the group is the param's name).
#[must_use]
pub fn render<'a>(
    template: &str,
    param: impl Fn(&str) -> Option<&'a str>,
    term: impl Fn(&str, &str) -> Option<&'a str>,
) -> String {
    let mut r = Renderer { t: template, param, term, out: String::new(), full: false };
    match r.block(0, 0, true) {
        Ok(end) if end == template.len() => r.out,
        _ => template.to_owned(),
    }
}

/// Why `template` does not parse, or `None` when it does.
#[must_use]
pub fn template_error(template: &str) -> Option<&'static str> {
    let mut r =
        Renderer { t: template, param: |_: &str| None, term: |_: &str, _: &str| None, out: String::new(), full: false };
    match r.block(0, 0, false) {
        Ok(end) if end == template.len() => None,
        Ok(_) => Some("unbalanced }"),
        Err(e) => Some(e),
    }
}

/// Each select of `template`, with the branch keys it names, and each
/// `{name}` (with no keys), in order: for the catalog's tests.
#[must_use]
pub fn uses(template: &str) -> Vec<(String, Option<Vec<String>>)> {
    let mut out = Vec::new();
    collect(template, &mut out);
    out
}

fn collect(t: &str, out: &mut Vec<(String, Option<Vec<String>>)>) {
    // A light walk over a template that parses (`template_error` is None).
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find('}');
        let comma = after.find(',');
        let simple = match (close, comma) {
            (Some(c), Some(m)) => c < m && !after.get(..c).unwrap_or("").contains('{'),
            (Some(c), None) => !after.get(..c).unwrap_or("").contains('{'),
            _ => false,
        };
        if simple {
            let c = close.unwrap_or(0);
            out.push((strip(after.get(..c).unwrap_or("")).to_owned(), None));
            rest = after.get(c + 1..).unwrap_or("");
            continue;
        }
        let m = comma.unwrap_or(0);
        let name = strip(after.get(..m).unwrap_or("")).to_owned();
        let body = after.get(m + 1..).unwrap_or("");
        let body = body.find(',').and_then(|s| body.get(s + 1..)).unwrap_or("");
        // Branches: key {text} ... up to the select's closing brace.
        let mut keys = Vec::new();
        let mut inner = Vec::new();
        let mut b = body;
        loop {
            b = b.trim_start_matches([' ', '\t', '\n', '\r']);
            if b.starts_with('}') || b.is_empty() {
                b = b.get(1..).unwrap_or("");
                break;
            }
            let Some(o) = b.find('{') else { break };
            keys.push(strip(b.get(..o).unwrap_or("")).to_owned());
            let text = b.get(o + 1..).unwrap_or("");
            let end = matching(text);
            inner.push(text.get(..end).unwrap_or("").to_owned());
            b = text.get(end + 1..).unwrap_or("");
        }
        out.push((name, Some(keys)));
        for text in inner {
            collect(&text, out);
        }
        rest = b;
    }
}

/// Where the `}` that closes text starting after a `{` is.
fn matching(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

fn strip(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\n', '\r'])
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

struct Renderer<'t, P, T> {
    t: &'t str,
    param: P,
    term: T,
    out: String,
    /// A piece did not fit: nothing more is written.
    full: bool,
}

type Step = Result<usize, &'static str>;

impl<'t, 'a, P: Fn(&str) -> Option<&'a str>, T: Fn(&str, &str) -> Option<&'a str>> Renderer<'t, P, T> {
    fn find(&self, from: usize, c: char) -> Option<usize> {
        self.t.get(from..).and_then(|s| s.find(c)).map(|i| i + from)
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.t.as_bytes().get(at).copied()
    }

    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.t.get(from..to).unwrap_or("")
    }

    /// Text up to an unmatched `}` (or the end) from `at`; returns where it stopped.
    fn block(&mut self, at: usize, depth: usize, emit: bool) -> Step {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        let mut i = at;
        while let Some(c) = self.byte(i) {
            match c {
                b'}' => break,
                b'{' => i = self.placeholder(i + 1, depth, emit)?,
                _ => {
                    let next = self.t.get(i..).and_then(|s| s.find(['{', '}'])).map_or(self.t.len(), |n| n + i);
                    if emit {
                        let t = self.t;
                        self.push(t.get(i..next).unwrap_or(""));
                    }
                    i = next;
                }
            }
        }
        Ok(i)
    }

    /// After `{`: a name, then `}` or `, select, branches }`. Returns the index after the closing `}`.
    fn placeholder(&mut self, at: usize, depth: usize, emit: bool) -> Step {
        let close = self.find(at, '}');
        let comma = self.find(at, ',');
        if let Some(close) = close.filter(|&c| comma.is_none_or(|m| c < m) && !self.slice(at, c).contains('{')) {
            let name = strip(self.slice(at, close));
            if !is_name(name) {
                return Err("bad name");
            }
            if emit {
                self.value(name);
            }
            return Ok(close + 1);
        }
        let comma = comma.ok_or("unclosed {")?;
        let name = strip(self.slice(at, comma));
        let second = self.find(comma + 1, ',').ok_or("bad placeholder")?;
        if !is_name(name) || strip(self.slice(comma + 1, second)) != "select" {
            return Err("bad placeholder");
        }
        // Params are read only on the rendered path (a test relies on it).
        let chosen = if emit { (self.param)(name) } else { None };
        let (mut picked, mut other) = (None, None);
        let mut i = second + 1;
        loop {
            while matches!(self.byte(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                i += 1;
            }
            match self.byte(i) {
                None => return Err("unclosed select"),
                Some(b'}') => break,
                Some(_) => {}
            }
            let open = self.find(i, '{').ok_or("select branch without text")?;
            let key = strip(self.slice(i, open));
            if !is_name(key) {
                return Err("bad branch key");
            }
            let end = self.block(open + 1, depth + 1, false)?;
            if self.byte(end) != Some(b'}') {
                return Err("unclosed branch");
            }
            if picked.is_none() && chosen == Some(key) {
                picked = Some(open + 1);
            }
            if other.is_none() && key == "other" {
                other = Some(open + 1);
            }
            i = end + 1;
        }
        let other = other.ok_or("select without other")?;
        if emit {
            self.block(picked.unwrap_or(other), depth + 1, true)?;
        }
        Ok(i + 1)
    }

    fn value(&mut self, name: &str) {
        match (self.param)(name) {
            Some(v) => {
                let shown = (self.term)(name, v).unwrap_or(v);
                self.push(shown);
            }
            None => {
                let mut missing = String::with_capacity(name.len() + 2);
                missing.push('{');
                missing.push_str(name);
                missing.push('}');
                self.push(&missing);
            }
        }
    }

    /// Appends one piece whole, or stops the output for good.
    fn push(&mut self, piece: &str) {
        if self.full {
            return;
        }
        // UTF-16 units never outnumber UTF-8 bytes: count them only near the limit.
        let fits = self.out.len() + piece.len() <= MAX_OUTPUT || utf16_len(&self.out) + utf16_len(piece) <= MAX_OUTPUT;
        if fits {
            self.out.push_str(piece);
        } else {
            self.full = true;
        }
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(template: &str, params: &[(&'static str, &'static str)]) -> String {
        let params = params.to_vec();
        render(
            template,
            |n| params.iter().find(|(k, _)| *k == n).map(|(_, v)| *v),
            |g, v| if g == "p" && v == "psy" { Some("a psychologist") } else { None },
        )
    }

    #[test]
    fn placeholders_selects_and_terms() {
        assert_eq!(r("Hi {name}!", &[("name", "Ann")]), "Hi Ann!");
        assert_eq!(r("Hi {name}!", &[]), "Hi {name}!");
        assert_eq!(r("as {p}", &[("p", "psy")]), "as a psychologist");
        let t = "{k, select, a {A {x}} b {B{k, select, b {!} other {?}}} other {O}}";
        assert_eq!(r(t, &[("k", "a"), ("x", "1")]), "A 1");
        assert_eq!(r(t, &[("k", "b")]), "B!");
        assert_eq!(r(t, &[("k", "zzz")]), "O");
        assert_eq!(r(t, &[]), "O");
        assert_eq!(r("x{k, select, a { (a)} other {}}.", &[("k", "a")]), "x (a).");
    }

    #[test]
    fn malformed_templates_render_as_themselves() {
        for bad in [
            "{",
            "}",
            "a {b",
            "{k, select, a {x}}",
            "{k, plural, other {x}}",
            "{bad name}",
            "{k, select, a {x} other {y}",
        ] {
            assert_eq!(r(bad, &[("k", "a")]), bad, "{bad}");
            assert!(template_error(bad).is_some(), "{bad}");
        }
        let deep = format!("{}x{}", "{k, select, other {".repeat(MAX_DEPTH + 1), "}}".repeat(MAX_DEPTH + 1));
        assert_eq!(r(&deep, &[]), deep);
        let ok = format!("{}x{}", "{k, select, other {".repeat(MAX_DEPTH), "}}".repeat(MAX_DEPTH));
        assert_eq!(r(&ok, &[]), "x");
    }

    #[test]
    fn output_is_bounded() {
        let long: &'static str = Box::leak("é".repeat(MAX_OUTPUT - 1).into_boxed_str());
        let out = r("{v}{v}", &[("v", long)]);
        assert_eq!(out.chars().count(), MAX_OUTPUT - 1);
        assert!(r("a{v}", &[("v", long)]) == format!("a{long}"), "exactly MAX_OUTPUT fits");
        assert!(r("ab{v}", &[("v", long)]) == "ab", "one more does not");
    }

    #[test]
    fn uses_lists_placeholders_and_selects() {
        let u = uses("{k, select, a {A {x}} other {O {y, select, c {} other {}}}} {z}");
        let names: Vec<&str> = u.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["k", "x", "y", "z"]);
        assert_eq!(u[0].1.as_deref(), Some(&["a".to_owned(), "other".to_owned()][..]));
    }
}
