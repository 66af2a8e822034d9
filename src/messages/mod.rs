//! The message catalog: every finding message and platform text, once, as
//! data. The source is `messages/<locale>.json` (one file per locale, with
//! the codes table `messages/codes.json` declaring each code's params); `node
//! scripts/gen-messages.mjs` generates `catalog`'s tables from it, and
//! `npm/messages.js` for JavaScript, which renders with `npm/render.js`
//! exactly as [`render()`] does here.
//!
//! A finding carries its `code` and [`Params`]; its `message` is the code's
//! template rendered with them in the request's [`Locale`].

#[rustfmt::skip]
mod catalog;
pub mod render;

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use crate::code::Code;
use crate::json::{ObjectWriter, ToJson};
pub use crate::request::Locale;
pub use render::{render, template_error, MAX_DEPTH, MAX_OUTPUT};

/// Whether this build renders messages and platform texts: every build but
/// the keystroke wasm module, whose reports JavaScript renders from the same
/// catalog (`npm/wire.js`), so that the module carries no catalog at all.
pub const RENDERED_HERE: bool = !cfg!(all(target_arch = "wasm32", feature = "keystroke", not(feature = "records")));

/// The message of `code` with `params` in `locale`; empty in the keystroke
/// wasm module (see [`RENDERED_HERE`]). Every finding's message is made here.
#[must_use]
pub fn message_in(locale: Locale, code: Code, params: &Params) -> String {
    if RENDERED_HERE {
        Catalog::of(locale).message(code, params)
    } else {
        String::new()
    }
}

/// One locale's tables (generated).
pub struct Catalog {
    template: fn(Code) -> &'static str,
    /// `(group, [(value, text)])`: a param's stable value in words.
    terms: &'static [(&'static str, &'static [(&'static str, &'static str)])],
    /// `(platform id, guidance, baa)` of each meeting platform.
    platforms: &'static [(&'static str, &'static str, &'static str)],
    /// `(guidance, baa)` of consumer apps.
    consumer: (&'static str, &'static str),
    /// `(guidance, baa)` of public broadcasting services.
    public: (&'static str, &'static str),
}

/// Which generic texts a platform without its own gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlatformClass {
    /// A meeting platform: its own texts.
    Meeting,
    /// A consumer app.
    Consumer,
    /// A public broadcasting service.
    Public,
}

impl PlatformClass {
    /// The class as `npm/render.js` names it (`platformClasses` of a catalog).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PlatformClass::Meeting => "meeting",
            PlatformClass::Consumer => "consumer",
            PlatformClass::Public => "public",
        }
    }
}

impl Catalog {
    /// The catalog of a shipped locale.
    #[must_use]
    pub fn of(locale: Locale) -> &'static Catalog {
        catalog::catalog(locale)
    }

    /// The template of `code`'s message.
    #[must_use]
    pub fn template(&self, code: Code) -> &'static str {
        (self.template)(code)
    }

    /// The words for a param's stable `value` (group = the param's name),
    /// falling back to English.
    #[must_use]
    pub fn term(&self, group: &str, value: &str) -> Option<&'static str> {
        let find = |c: &Catalog| {
            c.terms.iter().find(|(g, _)| *g == group).and_then(|(_, t)| t.iter().find(|(v, _)| *v == value))
        };
        find(self).or_else(|| find(Catalog::of(Locale::En))).map(|(_, text)| *text)
    }

    /// `(guidance, baa)` of platform `id`, or of its class.
    #[must_use]
    pub fn platform_texts(&self, id: &str, class: PlatformClass) -> (&'static str, &'static str) {
        match class {
            PlatformClass::Consumer => self.consumer,
            PlatformClass::Public => self.public,
            PlatformClass::Meeting => {
                self.platforms.iter().find(|(p, _, _)| *p == id).map_or(("", ""), |(_, g, b)| (*g, *b))
            }
        }
    }

    /// The catalog as the package's JavaScript renderer reads it
    /// (`{"messages", "terms"}`, terms falling back to English as
    /// [`Catalog::term`] does): the records module hands it to the package,
    /// whose own JS carries only the keystroke codes' messages.
    #[must_use]
    pub fn to_json(&'static self) -> String {
        let mut out = String::new();
        ObjectWriter::new(&mut out).field("messages", &Templates(self)).field("terms", &Terms(self)).end();
        out
    }

    /// The message of `code` with `params`.
    #[must_use]
    pub fn message(&self, code: Code, params: &Params) -> String {
        render(self.template(code), |name| params.get(name), |group, value| self.term(group, value))
    }
}

/// Every code's template, as a JSON object.
struct Templates(&'static Catalog);

impl ToJson for Templates {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        for code in Code::ALL {
            w.field(code.as_str(), self.0.template(*code));
        }
        w.end();
    }
}

/// Every term group (English's), each value in this catalog's words.
struct Terms(&'static Catalog);

impl ToJson for Terms {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        for &(group, values) in Catalog::of(Locale::En).terms {
            w.field(group, &TermGroup(self.0, group, values));
        }
        w.end();
    }
}

struct TermGroup(&'static Catalog, &'static str, &'static [(&'static str, &'static str)]);

impl ToJson for TermGroup {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        for &(value, english) in self.2 {
            w.field(value, self.0.term(self.1, value).unwrap_or(english));
        }
        w.end();
    }
}

/// The values a finding's message uses, by name, in the order the codes
/// table (`messages/codes.json`) lists them for its code: strings only. Made
/// by a code's typed builder ([`crate::code::params`]), so a finding carries
/// only its code's params, each of its type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, Cow<'static, str>)>);

impl Params {
    /// No params.
    #[must_use]
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// These params and `name` = `value`: for the typed builders of
    /// [`crate::code::params`] only, which name each code's params.
    #[must_use]
    #[inline]
    pub(crate) fn with(self, name: &'static str, value: impl Into<Cow<'static, str>>) -> Self {
        self.push(name, value.into())
    }

    // One copy of the push for every call site (they are many): smaller wasm.
    #[inline(never)]
    fn push(mut self, name: &'static str, value: Cow<'static, str>) -> Self {
        self.0.push((name, value));
        self
    }

    /// The value of `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }

    /// Every `(name, value)`, in order, each value as it is held (borrowed: it lives as long as the program).
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &Cow<'static, str>)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// Every `(name, value)`, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.entries().map(|(n, v)| (n, v.as_ref()))
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl ToJson for Params {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        for (name, value) in self.iter() {
            w.field(name, value);
        }
        w.end();
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Params {
    fn schema_name() -> Cow<'static, str> {
        "Params".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "The values the finding's message uses, by name (messages/codes.json lists each code's): stable values such as `psychologist` or `zoom` for words a catalog translates, text as is otherwise."
        })
    }
}
