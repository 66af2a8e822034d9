//! Finding codes and their severities: the stable, machine-readable part of
//! every report. A code never changes meaning; new codes may be added.
//!
//! The codes, with their severity, kinds, params and doc, are one table,
//! `messages/codes.json`; `node scripts/gen-codes.mjs` generates [`Code`] and
//! the typed [`params`] builders from it (`src/code/table.rs`).

use serde::Serialize;

use crate::json::{json_enum, ToJson};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// A person should look before going on.
    Warning,
    /// The value cannot be used as it is.
    Error,
}

json_enum!(Severity { Severity::Info => "info", Severity::Warning => "warning", Severity::Error => "error" });

#[rustfmt::skip]
mod table;

pub use table::{params, Code};

use crate::messages::Params;

/// A code with its params, as a [`params`] builder makes them: the one way
/// to make a [`Finding`](crate::Finding), so that a finding's code and its
/// params always agree.
///
/// ```
/// use telehealth_rules::code::params::{AudioOnly, AudioOnlyReason, CompactPrivilege, NotAUrl, NotAUrlReason};
/// use telehealth_rules::code::Coded;
/// use telehealth_rules::link::registry::ENTRIES;
/// use telehealth_rules::Code;
///
/// let coded = Coded::from(NotAUrl::new().reason(NotAUrlReason::IncompleteHost).host("doxy"));
/// assert_eq!(coded.code(), Code::NotAUrl);
/// assert_eq!(coded.params().iter().collect::<Vec<_>>(), [("reason", "incomplete_host"), ("host", "doxy")]);
/// let zoom = ENTRIES.iter().find(|e| e.id == "zoom").expect("zoom is in the registry");
/// let coded = Coded::from(AudioOnly::new().reason(AudioOnlyReason::DialIn).platform(zoom));
/// assert_eq!(coded.params().get("platform"), Some("zoom"));
/// let coded = Coded::from(CompactPrivilege::new().compact(telehealth_rules::CompactId::Psypact));
/// assert_eq!(coded.params().get("compact"), Some("psypact"));
/// ```
///
/// A param its code does not have does not compile (`not_a_url` has no
/// `platform`, `webinar_link` no params at all), nor does a misspelled one:
///
/// ```compile_fail,E0599
/// # use telehealth_rules::code::params::NotAUrl;
/// # use telehealth_rules::link::registry::ENTRIES;
/// # let zoom = ENTRIES.iter().find(|e| e.id == "zoom").expect("zoom");
/// let _ = NotAUrl::new().platform(zoom);
/// ```
///
/// ```compile_fail,E0599
/// # use telehealth_rules::code::params::WebinarLink;
/// let _ = WebinarLink::new().host("zoom.us");
/// ```
///
/// ```compile_fail,E0599
/// # use telehealth_rules::code::params::{NotAUrl, NotAUrlReason};
/// let _ = NotAUrl::new().reasons(NotAUrlReason::NoHost);
/// ```
///
/// A value of another param's list, or text where the table has a closed
/// list, does not compile either:
///
/// ```compile_fail,E0308
/// # use telehealth_rules::code::params::{AudioOnlyReason, NotAUrl};
/// let _ = NotAUrl::new().reason(AudioOnlyReason::DialIn);
/// ```
///
/// ```compile_fail,E0308
/// # use telehealth_rules::code::params::NotAUrl;
/// let _ = NotAUrl::new().reason("no_host");
/// ```
///
/// ```compile_fail,E0308
/// # use telehealth_rules::code::params::CompactPrivilege;
/// let _ = CompactPrivilege::new().compact(telehealth_rules::Profession::Psychologist);
/// ```
///
/// A rule that takes only its kind's codes (`impl kind::Link`, as the link
/// rules do) takes no code of another kind (`not_licensed` is a continuity
/// and session code):
///
/// ```
/// # use telehealth_rules::code::params::{kind, NotLicensed, UnknownPlatform};
/// fn link_finding(_: impl kind::Link) {}
/// fn continuity_finding(_: impl kind::Continuity) {}
/// link_finding(UnknownPlatform::new().host("example.com"));
/// continuity_finding(NotLicensed::new().place("Texas"));
/// ```
///
/// ```compile_fail,E0277
/// # use telehealth_rules::code::params::{kind, NotLicensed};
/// fn link_finding(_: impl kind::Link) {}
/// link_finding(NotLicensed::new().place("Texas"));
/// ```
///
/// And a code cannot be paired with params other than its builder's (the
/// fields and the constructor are private):
///
/// ```compile_fail,E0451
/// # use telehealth_rules::code::Coded;
/// # use telehealth_rules::messages::Params;
/// let _ = Coded { code: telehealth_rules::Code::WebinarLink, params: Params::new() };
/// ```
///
/// ```compile_fail,E0624
/// # use telehealth_rules::code::Coded;
/// # use telehealth_rules::messages::Params;
/// let _ = Coded::new(telehealth_rules::Code::WebinarLink, Params::new());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coded {
    code: Code,
    params: Params,
}

impl Coded {
    #[inline]
    const fn new(code: Code, params: Params) -> Self {
        Coded { code, params }
    }

    /// The code.
    #[must_use]
    pub const fn code(&self) -> Code {
        self.code
    }

    /// The params.
    #[must_use]
    pub const fn params(&self) -> &Params {
        &self.params
    }

    /// The code and its params.
    #[must_use]
    pub fn into_parts(self) -> (Code, Params) {
        (self.code, self.params)
    }

    /// A code and params taken apart from one builder (`CodeParams::CODE` and
    /// its params), put back together: for a caller that passes them apart
    /// to keep the wasm small (the link rules' one non-generic `add`).
    #[inline]
    pub(crate) const fn rejoin(code: Code, params: Params) -> Self {
        Coded { code, params }
    }
}

/// A platform of the registry, as a `platform` param names it (by its id):
/// `link::registry::Entry` is the one.
pub trait Platform {
    /// The platform's stable id (`zoom`).
    fn platform_id(&self) -> &'static str;
}

/// A code and its params, ready for a [`Finding`](crate::Finding): a
/// [`params`] builder or a [`Coded`]. Sealed: only this crate's builders
/// and `Coded` have it.
pub trait IntoCoded: Sealed {
    /// The code and its params, apart.
    fn split(self) -> (Code, Params);
}

impl IntoCoded for Coded {
    #[inline]
    fn split(self) -> (Code, Params) {
        (self.code, self.params)
    }
}

/// What keeps [`IntoCoded`] and [`params::CodeParams`] to this crate's types.
mod sealed {
    pub trait Sealed {}
}

use sealed::Sealed;

impl Sealed for Coded {}

/// What a param holds (`Code::params`), as the codes table declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// Text shown as is (typed text, a host, a date, a number, a name).
    Text,
    /// A registry platform id, shown through the platform's name.
    Platform,
    /// One of a closed set of stable values.
    OneOf(&'static [&'static str]),
}

impl ToJson for Code {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
            let json = serde_json::to_string(code).unwrap_or_default();
            assert_eq!(json, format!("\"{name}\""));
        }
    }
}
