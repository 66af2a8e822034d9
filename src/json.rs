//! A small JSON reader and writer: exactly what the contract needs, no more.
//!
//! Why not `serde_json` at run time: it is most of the wasm file's size
//! (float formatting tables, I/O error texts), and its error messages carry
//! positions in whatever text a caller happened to send. This reader gives
//! the same messages in every runtime, bounds nesting, and never converts
//! numbers (no field of the contract is a number). The writer produces the
//! bytes `serde_json::to_string` and JavaScript's `JSON.stringify` produce
//! for the same value; a test holds it to `serde_json` for every report.

use std::fmt::Write as _;

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Object members keep their order; numbers are
/// validated but not converted: a number keeps its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object (the last one, if repeated).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Why text is not JSON, and where (the 1-based character position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong, as a stable key (`too_deep`, `invalid_number`, ...):
    /// the message catalog's `terms.what` has it in words.
    pub what: &'static str,
    pub at: usize,
}

/// Parses one JSON value (surrounded by optional whitespace).
///
/// # Errors
/// A [`ParseError`] for anything that is not exactly one JSON value, or
/// that nests deeper than [`MAX_DEPTH`].
pub fn parse(text: &str) -> Result<Value, ParseError> {
    parse_within(text, 0)
}

/// As [`parse`], for a value that holds a request `levels` deep (a stored
/// record): nesting may go that much deeper, so that every request
/// [`parse`] reads is read inside it too.
///
/// # Errors
/// As [`parse`], with the deeper limit.
pub fn parse_within(text: &str, levels: usize) -> Result<Value, ParseError> {
    let mut p = Parser { text, bytes: text.as_bytes(), pos: 0, max_depth: MAX_DEPTH.saturating_add(levels) };
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing_text"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> ParseError {
        let at = self.text.get(..self.pos).map_or(self.pos, |s| s.chars().count()) + 1;
        ParseError { what, at }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> bool {
        let found = self.bytes.get(self.pos..self.pos + literal.len()) == Some(literal.as_bytes());
        if found {
            self.pos += literal.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.skip_ws();
        match self.peek() {
            None => Err(self.error("ends_before_value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) if self.eat("true") => Ok(Value::Bool(true)),
            Some(_) if self.eat("false") => Ok(Value::Bool(false)),
            Some(_) if self.eat("null") => Ok(Value::Null),
            Some(_) => Err(self.error("expected_value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > self.max_depth {
            return Err(self.error("too_deep"));
        }
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.eat("}") {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected_name"));
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(":") {
                return Err(self.error("expected_colon"));
            }
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_ws();
            if self.eat("}") {
                return Ok(Value::Object(members));
            }
            if !self.eat(",") {
                return Err(self.error("expected_comma_or_brace"));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > self.max_depth {
            return Err(self.error("too_deep"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("expected_comma_or_bracket"));
            }
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let digits = |p: &mut Self| {
            let start = p.pos;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos > start
        };
        let start = self.pos;
        self.eat("-");
        if !self.eat("0") && !digits(self) {
            return Err(self.error("invalid_number"));
        }
        if self.eat(".") && !digits(self) {
            return Err(self.error("invalid_number"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat("+") {
                self.eat("-");
            }
            if !digits(self) {
                return Err(self.error("invalid_number"));
            }
        }
        Ok(Value::Number(self.text.get(start..self.pos).unwrap_or_default().to_owned()))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            let rest = self.bytes.get(start..).unwrap_or(&[]);
            self.pos += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            out.push_str(self.text.get(start..self.pos).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control_character")),
                None => return Err(self.error("ends_in_string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, ParseError> {
        let simple = match self.peek() {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            Some(b'u') => None,
            _ => return Err(self.error("invalid_escape")),
        };
        self.pos += 1;
        if let Some(c) = simple {
            return Ok(c);
        }
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.eat("\\u") {
                    return Err(self.error("lone_surrogate"));
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone_surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone_surrogate")),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid_unicode_escape"))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let hex = self.text.get(self.pos..self.pos + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
        let valid = self.bytes.get(self.pos..self.pos + 4).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        match hex {
            Some(v) if valid => {
                self.pos += 4;
                Ok(v)
            }
            _ => Err(self.error("invalid_unicode_escape")),
        }
    }
}

/// Something that writes itself as compact JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// Writes `value` as compact JSON.
#[must_use]
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    // Reports are a few hundred bytes to a few kilobytes.
    let mut out = String::with_capacity(1024);
    value.write_json(&mut out);
    out
}

/// Writes an object member by member, with the commas in between.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        name.write_json(self.out);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        // Most text needs no escaping: find the next byte that does and copy
        // the run before it in one piece.
        let bytes = self.as_bytes();
        out.push('"');
        let mut from = 0;
        while let Some(at) = bytes.get(from..).and_then(find_escape) {
            let at = from + at;
            out.push_str(self.get(from..at).unwrap_or(""));
            match bytes.get(at).copied().unwrap_or(0) {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0C => out.push_str("\\f"),
                other => {
                    let _ = write!(out, "\\u{other:04x}");
                }
            }
            from = at + 1;
        }
        out.push_str(self.get(from..).unwrap_or(""));
        out.push('"');
    }
}

/// The index of the first byte that JSON must escape (`"`, `\\`, controls).
/// Looks at eight bytes at a time: report text is long and rarely escaped.
fn find_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `v` is below `n` (n <= 128); may also flag a
    // chunk that has none, which the byte scan below then passes over.
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let suspect =
            below(word, 0x20) | below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1);
        if suspect != 0 {
            if let Some(i) = chunk.iter().position(is_escaped) {
                return Some(offset + i);
            }
        }
        offset += 8;
    }
    chunks.remainder().iter().position(is_escaped).map(|i| offset + i)
}

fn is_escaped(b: &u8) -> bool {
    *b < 0x20 || *b == b'"' || *b == b'\\'
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// Gives a fieldless enum its JSON spelling (`as_str`) and writes it as a string.
macro_rules! json_enum {
    ($ty:ty { $($variant:path => $name:literal),* $(,)? }) => {
        impl $ty {
            /// The value as spelled in JSON.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $($variant => $name,)* }
            }
        }

        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::ToJson::write_json(self.as_str(), out);
            }
        }
    };
}
pub(crate) use json_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let v = parse(r#" {"a": [1, -2.5e+3, true, null], "b": "x\u00e9\ud83d\ude00\n", "a": "last"} "#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::String("last".into())));
        assert_eq!(v.get("b"), Some(&Value::String("x\u{e9}\u{1F600}\n".into())));
    }

    #[test]
    fn rejects() {
        for (text, what) in [
            ("", "the text ends where a value should be"),
            ("{", "expected a member name in double quotes"),
            ("{\"a\" 1}", "expected ':' after a member name"),
            ("[1,]", "expected a value"),
            ("01", "unexpected text after the end"),
            ("1.", "invalid number"),
            ("\"\\ud800\"", "lone surrogate in a \\u escape"),
            ("\"a\tb\"", "control character in a string"),
            ("\"\\x\"", "invalid escape in a string"),
            ("nul", "expected a value"),
        ] {
            let words = parse(text).map_err(|e| crate::messages::Catalog::of(crate::Locale::En).term("what", e.what));
            assert_eq!(words, Err(Some(what)), "{text:?}");
        }
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(parse(&deep).map_err(|e| e.what), Err("too_deep"));
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn writes_like_serde_json() {
        let long = "a long message without anything to escape, then one \" quote and \\ and a\ttab at the end\u{1f}";
        for s in [
            "plain",
            "q\"b\\s/",
            "\u{0}\u{1f}\u{7f}\n\t\r\u{8}\u{c}",
            "é\u{2028}\u{1F600}",
            long,
            "\u{80}\u{ff}ÿ~ \u{7f}",
        ] {
            assert_eq!(to_string(s), serde_json::to_string(s).unwrap());
        }
        for n in 0..64 {
            for special in ['"', '\\', '\n', '\u{1}'] {
                let text: String = "x".repeat(n) + &special.to_string() + "yz";
                assert_eq!(find_escape(text.as_bytes()), Some(n), "{n} {special:?}");
                assert_eq!(to_string(text.as_str()), serde_json::to_string(&text).unwrap());
            }
            assert_eq!(find_escape("é".repeat(n).as_bytes()), None);
        }
    }
}
