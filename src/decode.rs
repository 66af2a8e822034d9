//! JSON text -> [`Request`], with an error that names the field at fault.
//!
//! Decoding is written out rather than derived so that every runtime gives
//! the same message (serde's would carry line and column numbers of whatever
//! text the caller happened to send) and so that every list is bounded before
//! its elements are read.

use crate::code::params::{
    InvalidRequest, InvalidRequestExpected as Expected, InvalidRequestGot as Got, InvalidRequestProblem as Problem,
    InvalidRequestWhat as What,
};
use crate::json::{self, Value};
use crate::messages::message_in;
use crate::text::excerpt;

use crate::date::{Date, DateError, SessionStart};
use crate::request::{
    Client, CompactId, ContinuityRequest, Coverage, Credential, CredentialStatus, InstructionsRequest, License,
    LicenseBasis, LicenseLevel, LicenseStatus, LinkRequest, Locale, LocationRequest, Modality, Payment, PrivilegeKind,
    Profession, Provider, Request, SessionRequest,
};

/// Largest request text accepted, in bytes. Generous on purpose: a 10 MB link
/// still gets the link rules' own `too_long` answer.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

/// Most entries accepted in any list (licenses, credentials, saved locations).
pub const MAX_LIST: usize = 1000;

/// The request kinds, as the `kind` field spells them.
pub const KINDS: &str = "link, instructions, location, continuity or session";

/// Why a request could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Path of the field at fault (`provider.licenses[2].status`); empty for the whole request.
    pub field: String,
    /// A sentence naming the problem, in English.
    pub message: String,
    /// The `invalid_request` params: `problem` (a stable key) and what it needs.
    pub params: InvalidRequest,
    /// The request's `locale` when it could be read, else `en`: the
    /// `invalid_request` report is rendered in it.
    pub locale: Locale,
}

impl DecodeError {
    /// The error `problem` at `field`, with the params `more` adds.
    fn new(field: &str, problem: Problem, more: impl FnOnce(InvalidRequest) -> InvalidRequest) -> Self {
        Self::of_params(field, more(InvalidRequest::new().problem(problem)))
    }

    #[inline(never)]
    fn of_params(field: &str, params: InvalidRequest) -> Self {
        let message = message_in(Locale::En, crate::Code::InvalidRequest, params.params());
        DecodeError { field: field.to_owned(), message, params, locale: Locale::En }
    }

    /// The same error, to be reported in `locale`.
    #[must_use]
    pub fn in_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }
}

/// Reads one request from JSON text.
///
/// # Errors
/// A [`DecodeError`] when the text is too large or not JSON, the `kind` is
/// missing or unknown, or a field is missing, of the wrong type or out of range.
pub fn decode_request(text: &str) -> Result<Request, DecodeError> {
    decode_request_matched(text).0
}

/// As [`decode_request`], with the locale the request's `locale` tag was
/// matched to ([`Locale::negotiate`]) when the tag is not that locale's
/// name as written (`es-MX`, `fr`, `EN`): the report then says `locale`.
pub fn decode_request_matched(text: &str) -> (Result<Request, DecodeError>, Option<Locale>) {
    match parse_request(text) {
        Ok(value) => decode_value_matched(&value),
        Err(e) => (Err(e), None),
    }
}

fn parse_request(text: &str) -> Result<Value, DecodeError> {
    if text.len() > MAX_REQUEST_BYTES {
        return Err(DecodeError::new("", Problem::RequestTooLarge, |p| {
            p.bytes(text.len().to_string()).max(MAX_REQUEST_BYTES.to_string())
        }));
    }
    json::parse(text).map_err(|e| DecodeError::new("", Problem::NotJson, |p| with_what(p, e.what).at(e.at.to_string())))
}

/// Reads one request from a parsed JSON value.
///
/// # Errors
/// As [`decode_request`], less the JSON syntax errors.
pub fn decode_value(value: &Value) -> Result<Request, DecodeError> {
    decode_value_matched(value).0
}

/// As [`decode_value`], with the locale a `locale` tag was matched to when
/// it is not that locale's name as written (see [`decode_request_matched`]).
pub fn decode_value_matched(value: &Value) -> (Result<Request, DecodeError>, Option<Locale>) {
    let Value::Object(members) = value else {
        return (Err(DecodeError::new("", Problem::NotAnObject, |p| p.got(describe(value)))), None);
    };
    let obj = Obj { members, path: Path::Root };
    // The locale first: every later error is reported in it. Any string is a
    // language tag, matched to a shipped locale (English when none fits).
    let tag = match obj.optional("locale", Obj::str_of) {
        Ok(tag) => tag,
        Err(e) => return (Err(e), None),
    };
    let locale = tag.map(Locale::negotiate).unwrap_or_default();
    let matched = tag.filter(|t| *t != locale.name()).map(|_| locale);
    let request = request_of(&obj, locale).map_err(|e| e.in_locale(locale)).and_then(|request| {
        validate(&request)?;
        Ok(request)
    });
    (request, matched)
}

/// The rules a request's fields must keep together, beyond each field's own
/// type: checked for decoded and typed requests alike ([`crate::check`]).
///
/// # Errors
/// A [`DecodeError`] naming the field: a `temporary_permit` without
/// `expires`; a session with neither `session_date` nor `session_start`, or
/// with both on different dates.
pub fn validate(request: &Request) -> Result<(), DecodeError> {
    validate_fields(request).map_err(|e| e.in_locale(request.locale()))
}

fn validate_fields(request: &Request) -> Result<(), DecodeError> {
    let (provider, session) = match request {
        Request::Continuity(r) => (&r.provider, None),
        Request::Session(r) => (&r.provider, Some(r)),
        Request::Link(_) | Request::Instructions(_) | Request::Location(_) => return Ok(()),
    };
    let permit_without_end =
        provider.licenses.iter().position(|l| l.basis == LicenseBasis::TemporaryPermit && l.expires.is_none());
    if let Some(i) = permit_without_end {
        let path = format!("provider.licenses[{i}].expires");
        return Err(DecodeError::new(&path, Problem::PermitWithoutExpires, |p| p.field(path.clone())));
    }
    match session.map(|s| (s.session_date, s.session_start)) {
        Some((None, None)) => Err(DecodeError::new("session_date", Problem::NoSessionDate, |p| p)),
        Some((Some(date), Some(start))) if start.date() != date => {
            Err(DecodeError::new("session_start", Problem::DatesDisagree, |p| {
                p.start_date(start.date().to_string()).session_date(date.to_string())
            }))
        }
        _ => Ok(()),
    }
}

fn request_of(obj: &Obj<'_, '_>, locale: Locale) -> Result<Request, DecodeError> {
    let locale = (locale != Locale::En).then_some(locale);
    let kind = obj.required("kind", Obj::str_of)?;
    let as_of = obj.optional("as_of", Obj::date_of)?;
    match kind {
        "link" => Ok(Request::Link(LinkRequest {
            input: obj.required("input", Obj::string_of)?,
            as_of,
            locale,
            typing: obj.optional("typing", Obj::bool_of)?.unwrap_or(false),
        })),
        "instructions" => Ok(Request::Instructions(InstructionsRequest {
            input: obj.optional("input", Obj::string_of)?,
            link: obj.optional("link", Obj::string_of)?,
            as_of,
            locale,
            typing: obj.optional("typing", Obj::bool_of)?.unwrap_or(false),
        })),
        "location" => Ok(Request::Location(LocationRequest {
            state: obj.required("state", Obj::string_of)?,
            zip: obj.optional("zip", Obj::string_of)?,
            country: obj.optional("country", Obj::string_of)?,
            as_of,
            locale,
            typing: obj.optional("typing", Obj::bool_of)?.unwrap_or(false),
        })),
        "continuity" => Ok(Request::Continuity(ContinuityRequest {
            location: obj.required("location", Obj::string_of)?,
            provider: obj.required("provider", |o, k| o.object_of(k, provider_of))?,
            client: obj.required("client", |o, k| o.object_of(k, client_of))?,
            as_of,
            locale,
        })),
        "session" => Ok(Request::Session(SessionRequest {
            location: obj.optional("location", Obj::string_of)?,
            provider: obj.required("provider", |o, k| o.object_of(k, provider_of))?,
            client: obj.required("client", |o, k| o.object_of(k, client_of))?,
            session_date: obj.optional("session_date", Obj::date_of)?,
            session_start: obj.optional("session_start", Obj::start_of)?,
            provider_location: obj.optional("provider_location", Obj::string_of)?,
            modality: obj.required("modality", |o, k| o.enum_of(k, Modality::NAMES))?,
            payment: obj.required("payment", |o, k| o.enum_of(k, Payment::NAMES))?,
            as_of,
            locale,
        })),
        other => Err(DecodeError::new("kind", Problem::UnknownKind, |p| p.value(excerpt(other)))),
    }
}

fn provider_of(obj: &Obj<'_, '_>) -> Result<Provider, DecodeError> {
    Ok(Provider {
        profession: obj.optional("profession", |o, k| o.enum_of(k, Profession::NAMES))?,
        residence: obj.optional("residence", Obj::jurisdiction_of)?,
        licenses: obj.optional("licenses", |o, k| o.list_of(k, |item| item.object(license_of)))?.unwrap_or_default(),
        credentials: obj
            .optional("credentials", |o, k| o.list_of(k, |item| item.object(credential_of)))?
            .unwrap_or_default(),
    })
}

fn license_of(obj: &Obj<'_, '_>) -> Result<License, DecodeError> {
    Ok(License {
        jurisdiction: obj.required("jurisdiction", Obj::jurisdiction_of)?,
        license_type: obj.optional("type", Obj::string_of)?,
        profession: obj.optional("profession", |o, k| o.enum_of(k, Profession::NAMES))?,
        basis: obj.optional("basis", |o, k| o.enum_of(k, LicenseBasis::NAMES))?.unwrap_or_default(),
        compact: obj.optional("compact", |o, k| o.enum_of(k, CompactId::NAMES))?,
        level: obj.optional("level", |o, k| o.enum_of(k, LicenseLevel::NAMES))?,
        privilege: obj.optional("privilege", |o, k| o.enum_of(k, PrivilegeKind::NAMES))?,
        status: obj.required("status", |o, k| o.enum_of(k, LicenseStatus::NAMES))?,
        status_since: obj.optional("status_since", Obj::date_of)?,
        issued: obj.optional("issued", Obj::date_of)?,
        expires: obj.optional("expires", Obj::date_of)?,
    })
}

fn credential_of(obj: &Obj<'_, '_>) -> Result<Credential, DecodeError> {
    Ok(Credential {
        jurisdiction: obj.required("jurisdiction", Obj::jurisdiction_of)?,
        status: obj.required("status", |o, k| o.enum_of(k, CredentialStatus::NAMES))?,
        effective: obj.optional("effective", Obj::date_of)?,
    })
}

fn client_of(obj: &Obj<'_, '_>) -> Result<Client, DecodeError> {
    Ok(Client {
        coverage: obj.required("coverage", |o, k| o.enum_of(k, Coverage::NAMES))?,
        saved_locations: obj
            .optional("saved_locations", |o, k| o.list_of(k, |item| item.string()))?
            .unwrap_or_default(),
    })
}

/// Where a value sits in the request (`provider.licenses[2].status`),
/// written out only when an error needs it.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Field(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Field(Path::Root, key) => (*key).to_owned(),
            Path::Field(parent, key) => format!("{}.{key}", parent.render()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

/// A JSON object being read.
struct Obj<'a, 'p> {
    members: &'a [(String, Value)],
    path: Path<'p>,
}

impl<'a, 'p> Obj<'a, 'p> {
    /// The error `problem` at field `key`: params `problem`, `field` and what `more` adds.
    fn error(&self, key: &str, problem: Problem, more: impl FnOnce(InvalidRequest) -> InvalidRequest) -> DecodeError {
        let path = Path::Field(&self.path, key).render();
        DecodeError::new(&path, problem, |p| more(p.field(path.clone())))
    }

    /// A present, non-null field read by `read`; "is required" otherwise.
    fn required<T>(&self, key: &str, read: impl Fn(&Self, &str) -> Result<T, DecodeError>) -> Result<T, DecodeError> {
        match self.get(key) {
            None | Some(Value::Null) => Err(self.error(key, Problem::Required, |p| p)),
            Some(_) => read(self, key),
        }
    }

    /// An absent or null field is `None`; anything else is read by `read`.
    fn optional<T>(
        &self,
        key: &str,
        read: impl Fn(&Self, &str) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => read(self, key).map(Some),
        }
    }

    /// The member `key` (the last one, if repeated).
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn value(&self, key: &str) -> &'a Value {
        self.get(key).unwrap_or(&Value::Null)
    }

    /// `expected` is a stable key (`string`, `date`, `one_of`, ...); `choices` go with `one_of`.
    fn wrong_type(&self, key: &str, expected: Expected, choices: Option<String>) -> DecodeError {
        let got = describe(self.value(key));
        self.error(key, Problem::WrongType, |p| {
            let p = p.expected(expected);
            let p = match choices {
                Some(c) => p.choices(c),
                None => p,
            };
            p.got(got)
        })
    }

    fn str_of(&self, key: &str) -> Result<&'a str, DecodeError> {
        match self.value(key) {
            Value::String(s) => Ok(s),
            _ => Err(self.wrong_type(key, Expected::String, None)),
        }
    }

    fn bool_of(&self, key: &str) -> Result<bool, DecodeError> {
        match self.value(key) {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.wrong_type(key, Expected::OneOf, Some("true, false".to_owned()))),
        }
    }

    fn string_of(&self, key: &str) -> Result<String, DecodeError> {
        self.str_of(key).map(str::to_owned)
    }

    /// A jurisdiction named by code or full name, as in provider records.
    fn jurisdiction_of(&self, key: &str) -> Result<String, DecodeError> {
        let text = self.str_of(key)?;
        match crate::location::of_record(text) {
            Some(_) => Ok(text.to_owned()),
            None => Err(self.error(key, Problem::NotAJurisdiction, |p| p.value(excerpt(text)))),
        }
    }

    fn date_of(&self, key: &str) -> Result<Date, DecodeError> {
        let text = self.str_of(key).map_err(|_| self.wrong_type(key, Expected::Date, None))?;
        parse_date(&Path::Field(&self.path, key).render(), text)
    }

    fn start_of(&self, key: &str) -> Result<SessionStart, DecodeError> {
        let text = self.str_of(key).map_err(|_| self.wrong_type(key, Expected::DateTime, None))?;
        SessionStart::parse(text).map_err(|e| match e {
            DateError::Format => self.error(key, Problem::BadDateTime, |p| p.value(excerpt(text))),
            DateError::NoSuchDay => self.error(key, Problem::NoSuchDayTime, |p| p.value(excerpt(text))),
        })
    }

    fn enum_of<T: Copy>(&self, key: &str, names: &[(&str, T)]) -> Result<T, DecodeError> {
        let choices = || names.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ");
        let text = self.str_of(key).map_err(|_| self.wrong_type(key, Expected::OneOf, Some(choices())))?;
        names
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| self.error(key, Problem::NotOneOf, |p| p.value(excerpt(text)).choices(choices())))
    }

    /// Reads the object `key` with `read`.
    fn object_of<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Obj<'a, '_>) -> Result<T, DecodeError>,
    ) -> Result<T, DecodeError> {
        match self.value(key) {
            Value::Object(members) => read(&Obj { members, path: Path::Field(&self.path, key) }),
            _ => Err(self.wrong_type(key, Expected::Object, None)),
        }
    }

    /// Reads each element of the list `key` with `read`, after checking its length.
    fn list_of<T>(
        &self,
        key: &str,
        read: impl Fn(&Item<'a, '_>) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let Value::Array(items) = self.value(key) else {
            return Err(self.wrong_type(key, Expected::List, None));
        };
        if items.len() > MAX_LIST {
            let count = items.len();
            return Err(self.error(key, Problem::TooMany, |p| p.count(count.to_string()).max(MAX_LIST.to_string())));
        }
        let list_path = Path::Field(&self.path, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, value) in items.iter().enumerate() {
            out.push(read(&Item { value, path: Path::Index(&list_path, i) })?);
        }
        Ok(out)
    }
}

/// One element of a JSON list being read.
struct Item<'a, 'p> {
    value: &'a Value,
    path: Path<'p>,
}

impl<'a> Item<'a, '_> {
    /// `expected` is a stable key, as for [`Obj::wrong_type`].
    fn error(&self, expected: Expected) -> DecodeError {
        let path = self.path.render();
        let got = describe(self.value);
        DecodeError::new(&path, Problem::WrongType, |p| p.field(path.clone()).expected(expected).got(got))
    }

    fn object<T>(&self, read: impl FnOnce(&Obj<'a, '_>) -> Result<T, DecodeError>) -> Result<T, DecodeError> {
        match self.value {
            Value::Object(members) => read(&Obj { members, path: self.path }),
            _ => Err(self.error(Expected::Object)),
        }
    }

    fn string(&self) -> Result<String, DecodeError> {
        match self.value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(self.error(Expected::String)),
        }
    }
}

/// Reads the date field at `path`, naming the problem as the decoder does:
/// also used by callers that take a date outside a JSON request (the wasm
/// keystroke entry points' `as_of`).
///
/// # Errors
/// A [`DecodeError`] for text that is not `YYYY-MM-DD` or not a real day.
pub fn parse_date(path: &str, text: &str) -> Result<Date, DecodeError> {
    Date::parse(text).map_err(|e| {
        let (problem, value) = match e {
            DateError::Format => (Problem::BadDate, excerpt(text)),
            DateError::NoSuchDay => (Problem::NoSuchDay, text.to_owned()),
        };
        DecodeError::new(path, problem, |p| p.field(path.to_owned()).value(value))
    })
}

/// The JSON type of a value, as a stable key (`terms.got` has it in words).
fn describe(value: &Value) -> Got {
    match value {
        Value::Null => Got::Null,
        Value::Bool(_) => Got::Boolean,
        Value::Number(_) => Got::Number,
        Value::String(_) => Got::String,
        Value::Array(_) => Got::List,
        Value::Object(_) => Got::Object,
    }
}

/// `params` with `what`, the JSON reader's stable key for what is wrong
/// (every key it gives is one of the table's; the JSON tests hold each to
/// its words).
pub(crate) fn with_what(params: InvalidRequest, what: &str) -> InvalidRequest {
    match What::ALL.iter().find(|w| w.as_str() == what) {
        Some(w) => params.what(*w),
        None => params,
    }
}

#[cfg(test)]
mod tests {

    /// Every JSON error the reader gives names its `what` with one of the
    /// codes table's values (`with_what` would leave it out otherwise).
    #[test]
    fn every_json_error_is_a_what_of_the_table() {
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        let texts = [
            "",
            "{",
            "{\"a\" 1}",
            "[1,]",
            "01",
            "1.",
            "\"\\ud800\"",
            "\"a\tb\"",
            "\"\\x\"",
            "nul",
            "[1 2]",
            "{\"a\":1 \"b\"}",
            "-",
            "\"abc",
            "\"\\u12G4\"",
            "{1:2}",
            deep.as_str(),
        ];
        for text in texts {
            let Err(e) = json::parse(text) else { panic!("{text:?} parsed") };
            let params = with_what(InvalidRequest::new(), e.what);
            assert_eq!(params.params().get("what"), Some(e.what), "{text:?}");
        }
    }
    use super::*;

    #[test]
    fn locale_tags_match_by_their_language() {
        let cases = [
            ("es", Locale::Es),
            ("es-MX", Locale::Es),
            ("es-419", Locale::Es),
            ("ES", Locale::Es),
            ("eS-mX", Locale::Es),
            ("es_US", Locale::Es),
            ("en", Locale::En),
            ("en-US", Locale::En),
            ("fr", Locale::En),
            ("fr-CA", Locale::En),
            ("zh-Hant-TW", Locale::En),
            ("español", Locale::En),
            ("-es", Locale::En),
            ("", Locale::En),
        ];
        for (tag, want) in cases {
            assert_eq!(Locale::negotiate(tag), want, "{tag}");
        }
    }

    #[test]
    fn a_matched_locale_is_said_only_when_the_tag_was_not_its_name() {
        let matched = |locale: &str| decode_request_matched(&format!(r#"{{"kind":"link","input":"x"{locale}}}"#)).1;
        assert_eq!(matched(r#","locale":"es-MX""#), Some(Locale::Es));
        assert_eq!(matched(r#","locale":"fr""#), Some(Locale::En));
        assert_eq!(matched(r#","locale":"EN""#), Some(Locale::En));
        assert_eq!(matched(r#","locale":"es""#), None);
        assert_eq!(matched(r#","locale":"en""#), None);
        assert_eq!(matched(r#","locale":null"#), None);
        assert_eq!(matched(""), None);
        // Not a string: an invalid request, and no locale to say.
        let (request, locale) = decode_request_matched(r#"{"kind":"link","input":"x","locale":7}"#);
        assert_eq!(request.map_err(|e| e.field), Err("locale".to_owned()));
        assert_eq!(locale, None);
    }
}
