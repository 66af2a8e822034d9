//! Finding codes and their severities: the stable, machine-readable part of
//! every report. A code never changes meaning; new codes may be added.

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

// Each code: its doc, variant, JSON name, severity, and the report kinds
// that may carry it.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident, [$($kind:ident),*];)*) => {
        /// A finding's stable machine code (`snake_case` in JSON).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum Code {
            $($(#[doc = $doc])* #[serde(rename = $name)] $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as it appears in JSON.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The code's one severity: a code always has the same severity.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The kinds of report whose findings may carry the code (`link`,
            /// `instructions`, `location`, `continuity`, `session`,
            /// `invalid_request`), as each report's `kind` spells it: the npm
            /// types give each report only its codes. `tests/code_kinds.rs`
            /// holds this to what the shared vectors' reports carry.
            #[must_use]
            pub const fn kinds(self) -> &'static [&'static str] {
                match self { $(Code::$variant => &[$(stringify!($kind)),*],)* }
            }
        }

        impl ToJson for Code {
            fn write_json(&self, out: &mut String) {
                self.as_str().write_json(out);
            }
        }
    };
}

codes! {
    /// The request is not valid JSON, has an unknown `kind`, or a field of the wrong type.
    InvalidRequest = "invalid_request", Error, [invalid_request];

    // Shared by several kinds.
    /// Nothing but whitespace where a value is needed.
    Empty = "empty", Error, [link, location, continuity];
    /// Longer than the field allows (2,048 characters for a link, 1,000 for instructions).
    TooLong = "too_long", Error, [link, instructions];
    /// Leading or trailing whitespace was removed.
    WhitespaceTrimmed = "whitespace_trimmed", Info, [link, instructions];

    // Link.
    /// The text cannot be read as a link.
    NotAUrl = "not_a_url", Error, [link];
    /// A link without `https://` (`doxy.me/drsmith`); the fix adds it.
    MissingScheme = "missing_scheme", Error, [link];
    /// An `http://` link; the fix is its https form.
    HttpsRequired = "https_required", Error, [link, instructions];
    /// A scheme that is not a web link (`javascript:`, `data:`, `file:`, `ftp:`, `mailto:`, ...).
    UnsupportedScheme = "unsupported_scheme", Error, [link];
    /// A phone number, `tel:` link or dial-in service: sessions must have video.
    AudioOnly = "audio_only", Error, [link];
    /// A user name or password in the link (`https://user:pass@host/`).
    CredentialsInUrl = "credentials_in_url", Error, [link];
    /// The host is an IPv4 or IPv6 address.
    IpAddressHost = "ip_address_host", Error, [link];
    /// Non-ASCII letters, `xn--` labels or encoded characters in the host, or
    /// zero-width or bidirectional control characters anywhere.
    LookalikeCharacters = "lookalike_characters", Error, [link];
    /// A known platform's domain followed by other labels (`doxy.me.evil.example`).
    LookalikeHost = "lookalike_host", Error, [link];
    /// A link wrapped by a mail scanner or redirector; the fix is the inner link.
    WrappedLink = "wrapped_link", Error, [link];
    /// A URL shortener: where it leads cannot be checked.
    UrlShortener = "url_shortener", Error, [link];
    /// A link that starts the meeting as the host (Zoom `/s/`, `zak=`).
    HostStartLink = "host_start_link", Error, [link];
    /// A Zoom webinar link: webinars have no waiting room.
    WebinarLink = "webinar_link", Error, [link];
    /// A platform's home, sign-in, download or help page, not a meeting room.
    NotAMeetingLink = "not_a_meeting_link", Error, [link];
    /// A meeting ID or code that is not in the platform's form.
    MalformedMeetingId = "malformed_meeting_id", Error, [link];
    /// A consumer service that never signs a BAA (FaceTime, WhatsApp, Teams free, ...).
    ConsumerPlatform = "consumer_platform", Error, [link];
    /// A public broadcasting service (Facebook Live, Twitch, TikTok, YouTube).
    PublicPlatform = "public_platform", Error, [link];
    /// The platform was retired on or before `as_of`.
    PlatformRetired = "platform_retired", Error, [link];
    /// The platform has no private room or waiting room.
    NoWaitingRoom = "no_waiting_room", Error, [link];
    /// A well-formed https link on a platform the rules don't know.
    UnknownPlatform = "unknown_platform", Warning, [link];
    /// A one-time or per-appointment link that will stop working.
    ExpiringLink = "expiring_link", Warning, [link];
    /// Tracking parameters (`utm_*` and the like) were dropped from `normalized`.
    TrackingRemoved = "tracking_removed", Info, [link];
    /// Punctuation pasted around the link (`<...>`, a closing period) was removed.
    PunctuationTrimmed = "punctuation_trimmed", Info, [link];

    // Instructions.
    /// HTML tags or script in the instructions.
    MarkupNotAllowed = "markup_not_allowed", Error, [instructions];
    /// A phone number: dial-in instructions suggest an audio-only session.
    PhoneNumber = "phone_number", Warning, [instructions];
    /// A link other than the telehealth link.
    OtherLink = "other_link", Warning, [instructions];

    // Location.
    /// Not a US state, DC or territory; the fix names the one clearly meant.
    UnknownJurisdiction = "unknown_jurisdiction", Error, [location, continuity, session];
    /// A military mail code (AA, AE, AP): the client is abroad.
    MilitaryMailCode = "military_mail_code", Error, [location, continuity, session];
    /// Micronesia, the Marshall Islands or Palau: not a US licensure jurisdiction.
    FreelyAssociatedState = "freely_associated_state", Error, [location, continuity, session];
    /// A country other than the United States.
    OutsideUs = "outside_us", Error, [location, continuity, session];
    /// A ZIP code that is not 5 digits or ZIP+4.
    ZipMalformed = "zip_malformed", Error, [location];
    /// A ZIP code in a range no address uses.
    ZipUnassigned = "zip_unassigned", Error, [location];
    /// The ZIP code is not in the chosen jurisdiction (the jurisdiction stands).
    ZipStateMismatch = "zip_state_mismatch", Warning, [location];

    // Continuity.
    /// Licensed and credentialed where the client is.
    Credentialed = "credentialed", Info, [continuity, session];
    /// Authorized there by a compact privilege rather than a state license.
    CompactPrivilege = "compact_privilege", Info, [continuity, session];
    /// Licensed there but not credentialed: start credentialing.
    LicensedNotCredentialed = "licensed_not_credentialed", Warning, [continuity, session];
    /// Licensed there and credentialing is under way.
    CredentialingPending = "credentialing_pending", Warning, [continuity, session];
    /// No license or compact privilege there: refer the client.
    NotLicensed = "not_licensed", Error, [continuity, session];
    /// The only license there has expired by the date in question.
    LicenseExpired = "license_expired", Error, [continuity, session];
    /// The license there is suspended, revoked, surrendered, pending or not yet
    /// issued on the date in question.
    LicenseInactive = "license_inactive", Error, [continuity, session];
    /// A compact privilege that authorizes nothing there on that date: the
    /// compact is not operational there, no valid home-state license of the
    /// same profession, a profession the compact does not cover, or (PSYPACT)
    /// the provider outside the home state. The message names the reason.
    CompactPrivilegeInvalid = "compact_privilege_invalid", Error, [continuity, session];
    /// A telehealth registration where the jurisdiction issues none (for that profession).
    RegistrationNotRecognized = "registration_not_recognized", Error, [continuity, session];
    /// An entry outside what the provider practises on the platform: a
    /// registered nurse's or an `other` license, or another profession than
    /// `provider.profession`. The message names both.
    LicenseScopeMismatch = "license_scope_mismatch", Error, [continuity, session];
    /// An entry at a supervised level (Ohio LPC or LSW, LPC Associate, LGPC,
    /// ...): it authorizes no session on its own.
    LicenseSupervisedLevel = "license_supervised_level", Error, [continuity, session];
    /// A license title the profession table does not know, with no
    /// `profession`: the message names the title and asks for the profession.
    LicenseTitleUnknown = "license_title_unknown", Error, [continuity, session];
    /// A telehealth registration without an independent license of the same
    /// profession elsewhere, valid and in good standing on the date.
    RegistrationInvalid = "registration_invalid", Error, [continuity, session];
    /// Medicare and Medicaid clients can never be seen through private pay.
    PrivatePayExcluded = "private_pay_excluded", Info, [continuity, session];

    // Session.
    /// Audio-only sessions are not permitted.
    AudioOnlyNotPermitted = "audio_only_not_permitted", Error, [session];
    /// A telehealth session needs the client's location.
    LocationRequired = "location_required", Error, [session];
    /// The location is not among the client's saved virtual-session locations.
    LocationNotSaved = "location_not_saved", Error, [session];
    /// The chosen payment is not allowed for this session.
    PaymentNotAllowed = "payment_not_allowed", Error, [session];
    /// The session is dated more than one day after `as_of`: sessions are
    /// confirmed after they take place.
    SessionInFuture = "session_in_future", Error, [session];
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
