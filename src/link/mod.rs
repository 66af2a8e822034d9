//! The `link` kind: the provider's default telehealth link.
//!
//! The text is bounded, trimmed and scanned for tricks first; then its scheme
//! is checked and repaired (`missing_scheme`, `https_required`), it is parsed
//! once as an https URL by the WHATWG URL parser (`url`, our own: it
//! decides exactly as the `url` crate does), and the parsed link is judged
//! against the platform [`registry`]. Wrapped links are unwrapped and
//! the inner link judged in turn, so every problem shows at once.

mod message;
pub mod registry;
pub(crate) mod scan;
pub mod shape;
mod typing;
mod unwrap;
#[cfg(feature = "testing")]
pub mod url;
#[cfg(not(feature = "testing"))]
mod url;

use self::url::{Host, Url};
use serde::Serialize;

use crate::code::params::{self, kind, NotAUrlReason};
use crate::code::{Code, Coded};
use crate::date::Date;
use crate::finding::{Finding, Verdict, RULESET};
use crate::json::{json_enum, ObjectWriter, ToJson};
use crate::messages::{Catalog, Locale, Params, PlatformClass, RENDERED_HERE};
use registry::{Class, Entry, WaitingRoom};
use shape::Outcome;

/// Longest link accepted, in characters; checked before any parsing.
pub const MAX_CHARS: usize = 2048;

/// Wrappers inside wrappers are unwrapped this deep at most.
const MAX_WRAP_DEPTH: u8 = 4;

/// The field every link finding is about.
const FIELD: &str = "input";

/// Query parameters that only track clicks; dropped from `normalized`.
const TRACKING_PARAMS: &[&str] =
    &["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmkt", "igshid", "yclid", "_ga", "_gl"];

/// The answer to a `link` request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkReport {
    /// `reject` when any finding is an error, `review` when the worst is a warning.
    pub verdict: Verdict,
    /// Everything the rules noticed, in the order they noticed it.
    pub findings: Vec<Finding>,
    /// The canonical link (https, lowercase host, no tracking parameters), or
    /// `null` when the input cannot be read as a safe https link.
    pub normalized: Option<String>,
    /// The recognized platform, or `null`.
    pub platform: Option<PlatformInfo>,
    /// What the provider must confirm before saving (empty when rejected).
    pub attestations: Vec<Attestation>,
    /// Only for a value being typed (`typing`): whether every error and
    /// warning is final.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub settled: Option<bool>,
    /// Version of the rule data.
    pub ruleset: &'static str,
    /// The shipped locale the messages are in, only when the request's
    /// `locale` tag did not name it as written (`es-MX` gives `es`, `fr` gives `en`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<crate::Locale>,
}

/// A recognized platform, as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlatformInfo {
    /// Stable platform id (`zoom`, `google_meet`, `microsoft_teams`, `webex`, `doxy_me`, ...).
    #[cfg_attr(feature = "schema", schemars(schema_with = "registry::platform_id_schema"))]
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Whether clients wait until the provider admits them.
    pub waiting_room: WaitingRoom,
    /// Which setting makes the waiting room the default (in the request's locale).
    pub guidance: &'static str,
    /// What plan a Business Associate Agreement needs on this platform (in the request's locale).
    pub baa: &'static str,
    /// Where the facts the verdict rests on (BAA terms, waiting room,
    /// retirement date) were read, and when; absent for a platform whose
    /// registry entry cites no page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<PlatformSource>,
    /// Which catalog texts `guidance` and `baa` are.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    class: PlatformClass,
}

impl PlatformInfo {
    /// Which catalog texts it takes: its own, or its class's (consumer, public).
    #[must_use]
    pub fn class(&self) -> PlatformClass {
        self.class
    }

    /// Takes `guidance` and `baa` from the catalog of `locale`.
    pub fn localize(&mut self, locale: Locale) {
        if RENDERED_HERE {
            (self.guidance, self.baa) = Catalog::of(locale).platform_texts(self.id, self.class);
        }
    }
}

/// The page a platform's facts were read on (`platform.source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlatformSource {
    /// The page (an https URL).
    pub url: &'static str,
    /// The day it was read (`YYYY-MM-DD`).
    // The registry's text, not a `Date`: the keystroke module sends it by
    // address and formats nothing.
    #[cfg_attr(feature = "schema", schemars(with = "Date"))]
    pub checked: &'static str,
}

/// Something a link cannot prove, so the provider confirms it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attestation {
    /// A Business Associate Agreement is signed with the platform.
    BaaSigned,
    /// The waiting room (or lobby) is on by default.
    WaitingRoomOn,
    /// Sessions use audio and video.
    AudioAndVideo,
}

impl LinkReport {
    pub(crate) fn write_fields(&self, w: &mut ObjectWriter<'_>) {
        w.field("verdict", &self.verdict).field("findings", &self.findings).field("normalized", &self.normalized);
        w.field("platform", &self.platform).field("attestations", &self.attestations);
        if let Some(settled) = &self.settled {
            w.field("settled", settled);
        }
        w.field("ruleset", self.ruleset);
    }
}

impl ToJson for PlatformInfo {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        w.field("id", self.id).field("name", self.name).field("waiting_room", &self.waiting_room);
        w.field("guidance", self.guidance).field("baa", self.baa);
        if let Some(source) = &self.source {
            w.field("source", source);
        }
        w.end();
    }
}

impl ToJson for PlatformSource {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out).field("url", self.url).field("checked", self.checked).end();
    }
}

json_enum!(Attestation {
    Attestation::BaaSigned => "baa_signed",
    Attestation::WaitingRoomOn => "waiting_room_on",
    Attestation::AudioAndVideo => "audio_and_video",
});

/// What has been found so far about one link (and the links inside it).
#[derive(Default)]
struct Judged {
    findings: Vec<Finding>,
    normalized: Option<String>,
    platform: Option<&'static Entry>,
    /// Indexes of findings whose fix is the final normalized link.
    repairs: Vec<usize>,
    /// A wrapper held nothing readable (or something unsafe): the
    /// `wrapped_link` finding gets no fix and says so.
    wrapped_unreadable: bool,
    /// The wrapper the `wrapped_link` finding names (the outermost).
    wrapper: Option<&'static Entry>,
    /// The value is still being typed: `open` says what is open at its end.
    typing: bool,
    open: typing::Open,
}

impl Judged {
    #[inline(never)]
    fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    // The params are built only when the finding is new (`params` is a
    // closure); the rest is one non-generic copy, to keep the wasm small.
    fn push<P: kind::Link>(&mut self, params: impl FnOnce() -> P) {
        if !self.has(P::CODE) {
            self.add(P::CODE, params().into_params(), None, false);
        }
    }

    fn push_fix<P: kind::Link>(&mut self, params: impl FnOnce() -> P, fix: Option<String>) {
        if !self.has(P::CODE) {
            self.add(P::CODE, params().into_params(), fix, false);
        }
    }

    /// A finding whose fix is the repaired link, filled in at the end.
    fn push_repair<P: kind::Link>(&mut self, params: impl FnOnce() -> P) {
        if !self.has(P::CODE) {
            self.add(P::CODE, params().into_params(), None, true);
        }
    }

    #[inline(never)]
    fn add(&mut self, code: Code, params: Params, fix: Option<String>, repair: bool) {
        if repair {
            self.repairs.push(self.findings.len());
        }
        self.findings.push(Finding::new(FIELD, Coded::rejoin(code, params)).with_fix(fix));
    }
}

/// Applies the link rules to `input` as typed or pasted, on date `as_of`.
#[must_use]
pub fn check(input: &str, as_of: Date) -> LinkReport {
    check_typing(input, as_of, false)
}

/// As [`check`]; when `typing`, the value is still being typed at its end:
/// each finding says whether it is `final` and the report whether it is `settled`.
#[must_use]
pub fn check_typing(input: &str, as_of: Date, typing: bool) -> LinkReport {
    let mut j = Judged { typing, ..Judged::default() };
    judge_text(input, as_of, &mut j);
    finish(j)
}

fn judge_text(input: &str, as_of: Date, j: &mut Judged) {
    // Characters are counted only when the bytes could be too many.
    if input.len() > MAX_CHARS && input.chars().nth(MAX_CHARS).is_some() {
        j.push(|| message::too_long(input.chars().count()));
        return;
    }
    if crate::text::trim_ws(input).is_empty() {
        j.push(message::empty);
        return;
    }
    judge_pasted(input, as_of, 0, j);
}

/// Cleans what comes with pasted text (whitespace, punctuation around the
/// link) and refuses invisible characters, then judges the link: for the
/// input and, in turn, for a link found inside a wrapper.
fn judge_pasted(text: &str, as_of: Date, depth: u8, j: &mut Judged) {
    let trimmed = crate::text::trim_ws(text);
    if trimmed.len() != text.len() {
        j.push(message::whitespace_trimmed);
    }
    let core = scan::trim_punctuation(trimmed);
    if core.len() != trimmed.len() {
        j.push(params::PunctuationTrimmed::new);
    }
    if j.typing {
        let offset = |outer: &str, inner: &str| inner.as_ptr() as usize - outer.as_ptr() as usize;
        j.open.lead_space |= offset(text, trimmed) > 0;
        j.open.lead_punctuation |= offset(trimmed, core) > 0;
    }
    // Every invisible control is non-ASCII: typed links skip the scan.
    if !core.is_ascii() && core.chars().any(crate::text::is_invisible_control) {
        j.wrapped_unreadable = true;
        return j.push(message::invisible_characters);
    }
    judge(core, as_of, depth, j);
}

/// Judges one link (the input, or a link found inside a wrapper).
fn judge(text: &str, as_of: Date, depth: u8, j: &mut Judged) {
    if j.typing {
        j.open.of_text(text);
    }
    let scheme = scan::split_scheme(text);
    let web = match scheme {
        Some((name, _)) => name.eq_ignore_ascii_case("https") || name.eq_ignore_ascii_case("http"),
        None => scan::looks_like_host(text),
    };
    // Before any repair: a lookalike host is the whole story.
    if web && scan::host_has_lookalike_characters(text) {
        j.wrapped_unreadable = true;
        return j.push(message::lookalike_characters);
    }
    let mut was_http = false;
    // Parsed as `https:` + the rest, without building that text.
    let parsed = match scheme {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => Url::parse_after_https(rest),
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => {
            j.push_repair(message::https_required);
            was_http = true;
            Url::parse_after_https(rest)
        }
        Some((scheme, _)) => return judge_scheme(scheme, as_of, j),
        None if scan::is_phone_number(text) => return j.push(message::audio_only_phone),
        None if scan::looks_like_host(text) => {
            j.push_repair(params::MissingScheme::new);
            // As `https://` + the text: the parser skips the slashes before a host.
            Url::parse_after_https(text)
        }
        None => return j.push(|| message::not_a_url(NotAUrlReason::None)),
    };
    if j.typing {
        j.open.host_is_last(parsed.as_ref().ok(), text);
    }
    let url = match parsed {
        Ok(url) => url,
        Err(e) => return j.push(|| message::not_a_url_error(e)),
    };
    let host = match url.host() {
        Host::Domain(domain) => domain.trim_end_matches('.').to_owned(),
        Host::Ipv4(_) | Host::Ipv6(_) => {
            j.push(params::IpAddressHost::new);
            return finish_url(url, None, was_http, j);
        }
    };
    if !scan::is_public_domain(&host) {
        return j.push(|| message::incomplete_host(&host));
    }
    if url.has_credentials() {
        j.push(|| message::credentials_in_url(&host));
    }
    let Some(entry) = registry::lookup(&host) else {
        match registry::lookalike_of(&host) {
            Some(known) => j.push(|| message::lookalike_host(known, &host)),
            None => j.push(|| message::unknown_platform(&host)),
        }
        return finish_url(url, None, was_http, j);
    };
    if entry.retired.is_some_and(|day| day <= as_of) {
        let since = entry.retired.map(Date::iso).unwrap_or_default();
        j.push(|| message::platform_retired(entry, since));
    }
    let segments: Vec<&str> = url.path_segments().filter(|seg| !seg.is_empty()).collect();
    let outcome = shape::classify(entry.shapes, &segments).unwrap_or(entry.otherwise);
    if j.typing {
        j.open.of_url(&url, &host, entry, &segments);
    }
    match entry.class {
        Class::Wrapper(wrap) if outcome != Outcome::NotMeeting => {
            let inner = unwrap::inner_link(wrap, &url).filter(|_| depth < MAX_WRAP_DEPTH);
            if let Some(inner) = inner {
                j.wrapper = j.wrapper.or(Some(entry));
                j.push_repair(|| message::wrapped_link(entry, true));
                return judge_pasted(&inner, as_of, depth + 1, j);
            }
            // No meeting link can be read inside: no fix to offer, at any depth.
            j.wrapped_unreadable = true;
            j.push_fix(|| message::wrapped_link(entry, false), None);
        }
        Class::Wrapper(_) => j.push(|| params::NotAMeetingLink::new().platform(entry)),
        Class::Shortener => j.push(|| message::url_shortener(&host)),
        Class::DialIn => j.push(|| message::audio_only_service(entry)),
        Class::Consumer => j.push(|| params::ConsumerPlatform::new().platform(entry)),
        Class::Public => j.push(|| params::PublicPlatform::new().platform(entry)),
        Class::Meeting { waiting_room, .. } => {
            let start_param = !entry.host_start_params.is_empty()
                && url.query_pairs().any(|(k, _)| entry.host_start_params.iter().any(|p| k == *p));
            if start_param || outcome == Outcome::HostStart {
                j.push(|| params::HostStartLink::new().platform(entry));
            }
            judge_outcome(outcome, entry, &segments, j);
            if waiting_room == WaitingRoom::None {
                j.push(|| params::NoWaitingRoom::new().platform(entry));
            }
        }
    }
    finish_url(url, Some(entry), was_http, j);
}

fn judge_outcome(outcome: Outcome, entry: &Entry, segments: &[&str], j: &mut Judged) {
    match outcome {
        Outcome::Room | Outcome::HostStart => {}
        Outcome::Expiring => j.push(|| params::ExpiringLink::new().platform(entry)),
        Outcome::Webinar => j.push(params::WebinarLink::new),
        Outcome::NotMeeting => j.push(|| params::NotAMeetingLink::new().platform(entry)),
        Outcome::Malformed => j.push(|| params::MalformedMeetingId::new().platform(entry)),
        Outcome::MalformedMeetCode => {
            let fix = segments
                .first()
                .and_then(|code| shape::dash_meet_code(code))
                .map(|code| String::from("https://meet.google.com/") + &code);
            j.push_fix(|| params::MalformedMeetingId::new().platform(entry), fix);
        }
    }
}

/// A scheme other than http(s): `tel:` is audio only; a few app schemes say
/// more about what they open; everything else is simply unsupported.
fn judge_scheme(scheme: &str, as_of: Date, j: &mut Judged) {
    let lower = scheme.to_ascii_lowercase();
    let known = scan::SCHEMES.iter().find(|s| s.scheme == lower);
    if known.is_some_and(|s| s.audio_only && s.platform.is_none()) {
        return j.push(message::audio_only_phone);
    }
    j.push(|| message::unsupported_scheme(&lower));
    let Some(known) = known else { return };
    let entry = known.platform.and_then(|id| registry::ENTRIES.iter().find(|e| e.id == id));
    if let Some(entry) = entry {
        j.platform = Some(entry);
        match entry.class {
            Class::Consumer => j.push(|| params::ConsumerPlatform::new().platform(entry)),
            _ => j.push(|| params::HostStartLink::new().platform(entry)),
        }
        if entry.retired.is_some_and(|day| day <= as_of) {
            let since = entry.retired.map(Date::iso).unwrap_or_default();
            j.push(|| message::platform_retired(entry, since));
        }
    }
    if known.audio_only {
        j.push(message::audio_only_phone);
    }
}

/// Records the platform and the canonical form of a parsed link.
fn finish_url(mut url: Url, entry: Option<&'static Entry>, was_http: bool, j: &mut Judged) {
    j.platform = entry.filter(|e| e.is_platform());
    if url.has_credentials() {
        // No canonical form: dropping the user part would change where it goes.
        j.normalized = None;
        return;
    }
    if was_http && url.port() == Some(80) {
        url.remove_port();
    }
    url.trim_domain_dots();
    // Pasted punctuation can hide behind a slash, a fragment or a tracking
    // parameter (`drsmith./`, `room.?utm_source=x`): trim again once those
    // are gone, so that `normalized` checks clean (a fixed point).
    for _ in 0..3 {
        canonicalize(&mut url, entry, j);
        let text = url.into_string();
        let trimmed = scan::trim_punctuation(&text);
        let next = if trimmed.len() == text.len() { None } else { Url::parse(trimmed).ok() };
        let Some(next) = next else {
            j.normalized = Some(text);
            return;
        };
        j.push(params::PunctuationTrimmed::new);
        url = next;
    }
    j.normalized = Some(url.into_string());
}

/// Drops tracking parameters and, on known platforms, the fragment and a
/// trailing slash; lowercases case-insensitive codes.
fn canonicalize(url: &mut Url, entry: Option<&'static Entry>, j: &mut Judged) {
    if let Some(query) = url.query() {
        let pairs = query.split('&').filter(|pair| !pair.is_empty());
        let untidy = query.is_empty() || query.contains("&&") || query.starts_with('&') || query.ends_with('&');
        if untidy || pairs.clone().any(is_tracking) {
            if query.split('&').any(is_tracking) {
                j.push(params::TrackingRemoved::new);
            }
            // Joined by hand: no Vec, and no generic `join` in the keystroke module.
            let mut kept = String::new();
            for pair in pairs.filter(|pair| !is_tracking(pair)) {
                if !kept.is_empty() {
                    kept.push('&');
                }
                kept.push_str(pair);
            }
            url.set_query(if kept.is_empty() { None } else { Some(&kept) });
        }
    }
    if let Some(entry) = entry.filter(|e| matches!(e.class, Class::Meeting { .. })) {
        url.remove_fragment();
        let path = url.path();
        let trimmed = path.trim_end_matches('/');
        let needs_case = entry.lowercase_path && trimmed.bytes().any(|b| b.is_ascii_uppercase());
        if !trimmed.is_empty() && (trimmed.len() != path.len() || needs_case) {
            url.truncate_path(trimmed.len(), entry.lowercase_path);
        }
    }
}

fn is_tracking(pair: &str) -> bool {
    let key = pair.split('=').next().unwrap_or(pair);
    // Decoded (and so allocated) only when it has an escape.
    let decoded;
    let key = if key.contains('%') {
        decoded = shape::percent_decode(key);
        decoded.as_str()
    } else {
        key
    };
    key.get(..4).is_some_and(|head| head.eq_ignore_ascii_case("utm_"))
        || TRACKING_PARAMS.iter().any(|p| key.eq_ignore_ascii_case(p))
}

fn finish(mut j: Judged) -> LinkReport {
    for at in std::mem::take(&mut j.repairs) {
        let fix = j.normalized.clone();
        if let Some(finding) = j.findings.get_mut(at) {
            let unreadable = finding.code == Code::WrappedLink && j.wrapped_unreadable;
            finding.fix = if unreadable { None } else { fix };
            if let (true, Some(wrapper)) = (unreadable, j.wrapper) {
                // Nothing readable at the end of the chain: the finding says so.
                let (_, params) = Coded::from(message::wrapped_link(wrapper, false)).into_parts();
                finding.params = params;
                finding.render(Locale::En);
            }
        }
    }
    let verdict = Verdict::from_findings(&j.findings);
    let platform = j.platform.map(platform_info);
    let attestations = if verdict == Verdict::Reject {
        Vec::new()
    } else {
        match j.platform.map(|e| e.class) {
            Some(Class::Meeting { waiting_room: WaitingRoom::BuiltIn, .. }) => {
                vec![Attestation::BaaSigned, Attestation::AudioAndVideo]
            }
            _ => vec![Attestation::BaaSigned, Attestation::WaitingRoomOn, Attestation::AudioAndVideo],
        }
    };
    let normalized = if j.has(Code::LookalikeCharacters) { None } else { j.normalized };
    let settled = if j.typing { Some(j.open.mark(&mut j.findings)) } else { None };
    LinkReport {
        verdict,
        findings: j.findings,
        normalized,
        platform,
        attestations,
        settled,
        ruleset: RULESET,
        locale: None,
    }
}

fn platform_info(entry: &'static Entry) -> PlatformInfo {
    let (waiting_room, class) = match entry.class {
        Class::Meeting { waiting_room } => (waiting_room, PlatformClass::Meeting),
        Class::Public => (WaitingRoom::None, PlatformClass::Public),
        _ => (WaitingRoom::None, PlatformClass::Consumer),
    };
    let (guidance, baa) =
        if RENDERED_HERE { Catalog::of(Locale::En).platform_texts(entry.id, class) } else { ("", "") };
    let source = (!entry.source_url.is_empty())
        .then_some(PlatformSource { url: entry.source_url, checked: registry::CHECKED_ON });
    PlatformInfo { id: entry.id, name: entry.name, waiting_room, guidance, baa, source, class }
}
