//! The request half of the v1 contract, as typed values.
//!
//! Requests are read from JSON by [`crate::decode`], which names the exact
//! field at fault; the `Serialize` impls here give the same JSON shape back
//! (used by the round-trip tests and the JSON Schema generator).

use serde::{Serialize, Serializer};

use crate::date::{Date, SessionStart};

/// Any request, tagged by `kind`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Judge the provider's default telehealth link.
    Link(LinkRequest),
    /// Judge the text shown to clients before they join.
    Instructions(InstructionsRequest),
    /// Judge a client's virtual-session location.
    Location(LocationRequest),
    /// Decide whether this provider can see this client where the client is.
    Continuity(ContinuityRequest),
    /// Check one telehealth session before it is confirmed.
    Session(SessionRequest),
}

impl Request {
    /// The request's `locale` (`en` when absent).
    #[must_use]
    pub fn locale(&self) -> Locale {
        let locale = match self {
            Request::Link(r) => r.locale,
            Request::Instructions(r) => r.locale,
            Request::Location(r) => r.locale,
            Request::Continuity(r) => r.locale,
            Request::Session(r) => r.locale,
        };
        locale.unwrap_or_default()
    }
}

/// `{"kind": "link", "input": "..."}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkRequest {
    /// The link as typed or pasted.
    pub input: String,
    /// The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The language of the report's messages and platform texts: `en` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The value is still being typed, at its end: each finding gets `final`
    /// and the report `settled`. `false` when absent.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub typing: bool,
}

/// `{"kind": "instructions", "input": "...", "link": "..."}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstructionsRequest {
    /// The instructions text; absent means empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// The provider's current telehealth link, so it is not reported as another link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The language of the report's messages and platform texts: `en` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The value is still being typed, at its end: each finding gets `final`
    /// and the report `settled`. `false` when absent.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub typing: bool,
}

/// `{"kind": "location", "state": "CA", "zip": "94110", "country": "US"}`
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LocationRequest {
    /// The state, district or territory as typed: a code, a name or an abbreviation.
    pub state: String,
    /// The ZIP code, 5 digits or ZIP+4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The country; the United States when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The language of the report's messages and platform texts: `en` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The value is still being typed, at its end: each finding gets `final`
    /// and the report `settled`. `false` when absent.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub typing: bool,
}

/// Where the client is, who the provider is, and how the client pays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContinuityRequest {
    /// The client's location (a state, district or territory) during the session.
    pub location: String,
    /// The provider's licenses and credentials.
    pub provider: Provider,
    /// The client: their insurance coverage.
    pub client: Client,
    /// The date the rules apply on (`YYYY-MM-DD`); today in UTC when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The language of the report's messages and platform texts: `en` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// One telehealth session about to be confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(extend("anyOf" = [{"required": ["session_date"]}, {"required": ["session_start"]}]))
)]
pub struct SessionRequest {
    /// The client's location for this session, chosen from `client.saved_locations`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The provider's licenses and credentials.
    pub provider: Provider,
    /// The client's coverage and saved virtual-session locations.
    pub client: Client,
    /// The calendar date of the session at the client's location: licensure
    /// and credentialing are judged on it. Required unless `session_start` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_date: Option<Date>,
    /// When the session starts, RFC 3339 with the client's offset
    /// (`2026-06-30T21:30:00-07:00`); its date as written is the session date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_start: Option<SessionStart>,
    /// Where the provider is during the session (a state code or name); under
    /// PSYPACT it must be the home state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_location: Option<String>,
    /// `video` (required) or `audio_only` (never permitted).
    pub modality: Modality,
    /// How the session is paid.
    pub payment: Payment,
    /// The date the request is made (`YYYY-MM-DD`); today in UTC when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The language of the report's messages and platform texts: `en` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// What the provider holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Provider {
    /// The profession the provider practises on the platform. When given,
    /// only entries of that profession authorize practice; when absent, each
    /// entry authorizes for its own profession.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profession: Option<Profession>,
    /// The provider's state of primary residence (a jurisdiction code or
    /// name): the Counseling, Social Work and Nurse Licensure compacts take
    /// the home state to be this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence: Option<String>,
    /// State licenses and compact privileges (at most 1,000).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = crate::decode::MAX_LIST)))]
    pub licenses: Vec<License>,
    /// Credentials on the platform, per jurisdiction (at most 1,000).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = crate::decode::MAX_LIST)))]
    pub credentials: Vec<Credential>,
}

/// Authority to practice in one jurisdiction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(extend(
        "if" = {"properties": {"basis": {"const": "temporary_permit"}}, "required": ["basis"]},
        "then" = {"required": ["expires"]}
    ))
)]
pub struct License {
    /// Where it applies: a jurisdiction code such as `NY` (or its full name).
    pub jurisdiction: String,
    /// The license title as issued (LCSW, LPC, psychologist, ...); the
    /// profession is inferred from it when `profession` is absent.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub license_type: Option<String>,
    /// The profession; inferred from `type` when absent (`other` if unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profession: Option<Profession>,
    /// What kind of authority this is; `state_license` when absent.
    #[serde(default)]
    pub basis: LicenseBasis,
    /// The compact of a `compact_privilege`; inferred from the profession when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compact: Option<CompactId>,
    /// `independent` or `supervised`; read from the table of supervised-level
    /// titles (by jurisdiction and title) when absent, else independent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<LicenseLevel>,
    /// The kind of a PSYPACT privilege: `apit` (telepsychology) or `tap`
    /// (temporary in-person practice); read from `type` when absent, else `apit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privilege: Option<PrivilegeKind>,
    /// The standing now (on `as_of`); only `active` authorizes practice on a date
    /// within the license's dates, and an earlier standing counts on earlier dates.
    pub status: LicenseStatus,
    /// The day the license took its current `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_since: Option<Date>,
    /// First day the license is valid (inclusive); valid from any date when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// Last day the license is valid (inclusive); no expiry when absent
    /// (required for a `temporary_permit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

impl License {
    /// An active state license titled `title` in `jurisdiction`, with no
    /// dates and nothing else said: what a record holds at its simplest, for
    /// callers to adjust with struct update syntax
    /// (`License { expires, ..License::state_license("NY", "LCSW") }`).
    #[must_use]
    pub fn state_license(jurisdiction: &str, title: &str) -> Self {
        License {
            jurisdiction: jurisdiction.to_owned(),
            license_type: Some(title.to_owned()),
            profession: None,
            basis: LicenseBasis::StateLicense,
            compact: None,
            level: None,
            privilege: None,
            status: LicenseStatus::Active,
            status_since: None,
            issued: None,
            expires: None,
        }
    }
}

/// Credentialing on the platform in one jurisdiction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Credential {
    /// Where it applies: a jurisdiction code such as `NY` (or its full name).
    pub jurisdiction: String,
    /// `active` or `pending`.
    pub status: CredentialStatus,
    /// First day it is in effect; in effect at once when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
}

/// The client side of a continuity or session request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Client {
    /// The client's insurance coverage.
    pub coverage: Coverage,
    /// The client's saved virtual-session locations (session requests; at most 1,000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = crate::decode::MAX_LIST)))]
    pub saved_locations: Vec<String>,
}

macro_rules! wire_enum {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[doc = $vdoc])* #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// Every value with its JSON spelling, for decoding.
            pub const NAMES: &'static [(&'static str, $name)] = &[$(($text, $name::$variant)),*];
        }
    };
}

wire_enum! {
    /// How the provider is authorized in a jurisdiction.
    LicenseBasis {
        /// A license issued by that jurisdiction's board.
        StateLicense = "state_license",
        /// A privilege to practice under an interstate compact (PSYPACT, Counseling Compact, ...).
        CompactPrivilege = "compact_privilege",
        /// An out-of-state telehealth registration (Florida, F.S. 456.47, is the model).
        TelehealthRegistration = "telehealth_registration",
        /// A board's temporary or limited permit; it must carry `expires`.
        TemporaryPermit = "temporary_permit",
    }
}

wire_enum! {
    /// A license's standing with its board.
    LicenseStatus {
        /// In good standing.
        Active = "active",
        /// Lapsed.
        Expired = "expired",
        /// Suspended by the board.
        Suspended = "suspended",
        /// Revoked by the board.
        Revoked = "revoked",
        /// Given up by the holder.
        Surrendered = "surrendered",
        /// Applied for, not yet issued: never authorizes.
        Pending = "pending",
    }
}

wire_enum! {
    /// The profession a license is for (inferred from its title when absent).
    Profession {
        /// Psychologist (PhD, PsyD, licensed psychologist).
        Psychologist = "psychologist",
        /// Professional counselor (LPC, LPCC, LMHC, LCPC, ...).
        Counselor = "counselor",
        /// Social worker (LCSW, LICSW, LISW, LMSW, ...).
        SocialWorker = "social_worker",
        /// Marriage and family therapist (LMFT, LCMFT, ...).
        MarriageFamilyTherapist = "marriage_family_therapist",
        /// Nurse practitioner (PMHNP, APRN, NP, ...).
        NursePractitioner = "nurse_practitioner",
        /// Physician (MD, DO; psychiatrists).
        Physician = "physician",
        /// Registered or practical nurse (RN, LPN, LVN): authorizes no session on this platform.
        RegisteredNurse = "registered_nurse",
        /// Any other title: authorizes no session on this platform.
        Other = "other",
    }
}

wire_enum! {
    /// The level of a license: whether it allows practice on its own.
    LicenseLevel {
        /// Practice without supervision (LPCC, LCSW, LMFT, ...).
        Independent = "independent",
        /// Practice only under supervision (Ohio LPC and LSW, LPC Associate, LGPC, ...).
        Supervised = "supervised",
    }
}

wire_enum! {
    /// The kind of a PSYPACT privilege.
    PrivilegeKind {
        /// Authority to Practice Interjurisdictional Telepsychology (with the E.Passport).
        Apit = "apit",
        /// Temporary Authorization to Practice (with the IPC): in person only, 30 days a year.
        Tap = "tap",
    }
}

wire_enum! {
    /// An interstate licensure compact.
    CompactId {
        /// Psychology Interjurisdictional Compact (psychologists).
        Psypact = "psypact",
        /// Counseling Compact (licensed professional counselors).
        Counseling = "counseling",
        /// Social Work Licensure Compact (social workers).
        SocialWork = "social_work",
        /// Nurse Licensure Compact (RNs and LPNs; never nurse practitioners).
        Nlc = "nlc",
        /// Interstate Medical Licensure Compact (physicians; grants full licenses, not privileges).
        Imlc = "imlc",
    }
}

wire_enum! {
    /// Where credentialing on the platform stands.
    CredentialStatus {
        /// Credentialed (from `effective` on).
        Active = "active",
        /// Submitted, not yet approved.
        Pending = "pending",
    }
}

wire_enum! {
    /// The client's insurance.
    Coverage {
        /// A plan the platform is in network with.
        InNetwork = "in_network",
        /// A plan the platform is not in network with.
        OutOfNetwork = "out_of_network",
        /// No insurance.
        None = "none",
        /// Medicare: never private pay.
        Medicare = "medicare",
        /// Medicaid: never private pay.
        Medicaid = "medicaid",
    }
}

wire_enum! {
    /// How the session is held.
    Modality {
        /// Audio and video.
        Video = "video",
        /// Audio only: not permitted.
        AudioOnly = "audio_only",
    }
}

wire_enum! {
    /// A shipped locale of the message catalog (`messages/<locale>.json`).
    Locale {
        /// English (the default).
        En = "en",
        /// Spanish (United States).
        Es = "es",
    }
}

wire_enum! {
    /// How the session is paid.
    Payment {
        /// Billed to the client's insurance through the platform.
        Insurance = "insurance",
        /// Paid by the client.
        PrivatePay = "private_pay",
    }
}

// Written out because `wire_enum!` generates the enum.
#[allow(clippy::derivable_impls)]
impl Default for LicenseBasis {
    fn default() -> Self {
        LicenseBasis::StateLicense
    }
}

impl Locale {
    /// The shipped locale a BCP 47 language tag asks for: the one named by
    /// the tag's primary language subtag, in any ASCII case (`es-MX`, `es-419`
    /// and `ES` give `es`; `en-US` gives `en`); English for every other tag
    /// (`fr`, `zh-Hant`, an empty one). `_` separates subtags too (`es_MX`).
    #[must_use]
    pub fn negotiate(tag: &str) -> Locale {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        Locale::NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(language)).map_or(Locale::En, |(_, l)| *l)
    }

    /// The locale's name, as a request's `locale` and the catalog files spell it.
    #[must_use]
    pub fn name(self) -> &'static str {
        Locale::NAMES.iter().find(|(_, l)| *l == self).map_or("en", |(name, _)| name)
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::En
    }
}

// `serde` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

impl Serialize for SessionStart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SessionStart {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SessionStart".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$",
            "description": "RFC 3339 with an offset, such as 2026-06-30T21:30:00-07:00; its date as written is the session date."
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}
