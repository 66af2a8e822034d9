//! Every domain the link rules know, as data: meeting platforms with their
//! link shapes, waiting rooms and BAA terms, and the services whose links
//! must never be a default telehealth link (consumer and public apps,
//! shorteners, mail-scanner wrappers, dial-in services).
//!
//! Facts and sources: `docs/domain.md` (vendor help pages, HHS notices) and
//! each entry's own source. Hosts match on label boundaries only (`acme.zoom.us` is Zoom,
//! `evilzoom.us` is not).

use serde::Serialize;

use super::shape::{Outcome, Seg, Shape};
use crate::date::Date;
use crate::json::json_enum;
use crate::native_only::NativeOnly;

/// The day every entry's `source_url` was last read (`YYYY-MM-DD`): the
/// registry's pages are re-read together (`docs/domain.md`), so one date
/// serves them all, and link reports cite it as `platform.source.checked`
/// (one string in the keystroke module's data, sent by address).
pub const CHECKED_ON: &str = "2026-11-29";

/// Whether a platform keeps clients from joining before the provider admits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WaitingRoom {
    /// Always on: nothing to set.
    BuiltIn,
    /// Available, but the provider must turn it on.
    Setting,
    /// No private room or waiting room.
    None,
}

json_enum!(WaitingRoom {
    WaitingRoom::BuiltIn => "built_in",
    WaitingRoom::Setting => "setting",
    WaitingRoom::None => "none",
});

/// What a known domain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A video platform that can host compliant sessions (its texts, guidance
    /// and BAA terms, are in the message catalog, by platform id).
    Meeting { waiting_room: WaitingRoom },
    /// A consumer app: no BAA is ever signed.
    Consumer,
    /// A public broadcasting service.
    Public,
    /// A conference-call service: audio only.
    DialIn,
    /// A URL shortener.
    Shortener,
    /// A redirector that wraps another link.
    Wrapper(Wrap),
}

/// How a wrapper carries the inner link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrap {
    /// Percent-encoded in one of these query parameters.
    Query(&'static [&'static str]),
    /// Proofpoint URL Defense v1 (`/v1/url?u=`, percent-encoded) and v2
    /// (`/v2/url?u=`, with `-` for `%` and `_` for `/`).
    Proofpoint,
    /// Proofpoint URL Defense v3: the link as is between `__` and `__;`.
    ProofpointV3,
}

/// How a host pattern matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hosts {
    /// The domain and any subdomain of it.
    AndSubdomains,
    /// The domain only.
    Exact,
}

/// One known platform or service.
#[derive(Debug)]
pub struct Entry {
    /// Stable id, reported as `platform.id` (meeting, consumer and public entries).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    pub domains: &'static [&'static str],
    pub hosts: Hosts,
    pub class: Class,
    /// Path shapes tried in order; the first match decides. Empty: any path is a room.
    pub shapes: &'static [Shape],
    /// What a path matching no shape is.
    pub otherwise: Outcome,
    /// Query parameters that make any link a host start link (Zoom `zak`).
    pub host_start_params: &'static [&'static str],
    /// Paths are case-insensitive codes (Meet): normalize to lowercase.
    pub lowercase_path: bool,
    /// Retired on and after this date.
    pub retired: Option<Date>,
    /// Where the facts come from, in words: documentation for the
    /// platforms table, in native builds only (no report carries it).
    pub source: NativeOnly<&'static str>,
    /// The vendor page (or, failing one, the public page) the facts were
    /// checked against, read on [`CHECKED_ON`]; empty when the entry
    /// predates per-entry URLs. Kept in every build: link reports cite it
    /// (`platform.source.url`).
    pub source_url: &'static str,
    /// Facts no source confirms: kept as data, never the only evidence for
    /// an error (a unit test holds every entry to that).
    pub unverified: &'static [Fact],
}

/// A fact about a platform that can be unverified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// The hosts its links are on.
    Hosts,
    /// The path shapes of its links (room, per-session, start links).
    LinkShapes,
    /// Whether and how it has a waiting room.
    WaitingRoom,
    /// Whether and on what terms it signs a BAA.
    Baa,
}

impl Fact {
    /// The fact as named in docs/platforms.md's table.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Fact::Hosts => "hosts",
            Fact::LinkShapes => "link shapes",
            Fact::WaitingRoom => "waiting room",
            Fact::Baa => "BAA terms",
        }
    }
}

/// A `platform` param names the entry by its id.
impl crate::code::Platform for Entry {
    fn platform_id(&self) -> &'static str {
        self.id
    }
}

impl Entry {
    /// Whether the report names this entry as the link's platform.
    #[must_use]
    pub fn is_platform(&self) -> bool {
        matches!(self.class, Class::Meeting { .. } | Class::Consumer | Class::Public)
    }
}

const fn date(y: u16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

use Outcome::{Expiring, HostStart, Malformed, MalformedMeetCode, NotMeeting, Room, Webinar};
use Seg::{Any, Digits, Lit, MeetCode, MeetLetters, OneOf, Rest, RoomName, TeamsThread, WebexId, ZoomName};

const ZOOM_SHAPES: &[Shape] = &[
    Shape(&[Lit("j"), Digits(9, 10)], Room),
    Shape(&[Lit("j"), Digits(11, 11)], Expiring),
    Shape(&[Lit("j"), Rest], Malformed),
    Shape(&[Lit("my"), ZoomName], Room),
    Shape(&[Lit("my"), Rest], Malformed),
    Shape(&[Lit("wc"), Lit("join"), Digits(9, 11)], Room),
    Shape(&[Lit("wc"), Digits(9, 11), Lit("join")], Room),
    Shape(&[Lit("wc"), Lit("join"), Rest], Malformed),
    Shape(&[OneOf(&["s", "start"]), Rest], HostStart),
    Shape(&[Lit("w"), Rest], Webinar),
];

const MEET_SHAPES: &[Shape] = &[
    Shape(&[MeetCode], Room),
    Shape(&[OneOf(&["new", "landing", "about", "lookup", "_meet", "linkredirect"]), Rest], NotMeeting),
    Shape(&[MeetLetters], MalformedMeetCode),
    Shape(&[Any], Malformed),
];

const TEAMS_SHAPES: &[Shape] = &[
    Shape(&[Lit("l"), Lit("meetup-join"), TeamsThread, Rest], Room),
    Shape(&[Lit("l"), Lit("meetup-join"), Rest], Malformed),
    Shape(&[Lit("meet"), Digits(6, 20)], Expiring),
    Shape(&[Lit("meet"), Rest], Malformed),
];

const WEBEX_SHAPES: &[Shape] = &[
    Shape(&[OneOf(&["meet", "join"]), WebexId], Room),
    Shape(&[OneOf(&["meet", "join"]), Rest], Malformed),
    Shape(&[Any, Lit("j.php")], Expiring),
];

const DOXY_SHAPES: &[Shape] = &[
    Shape(
        &[
            OneOf(&[
                "sign-in",
                "signin",
                "login",
                "log-in",
                "signup",
                "sign-up",
                "pricing",
                "account",
                "help",
                "support",
                "blog",
                "about",
                "features",
                "en",
                "es",
                "privacy",
                "terms",
                "contact",
                "download",
                "providers",
                "patients",
                "check-in",
            ]),
            Rest,
        ],
        NotMeeting,
    ),
    Shape(&[RoomName], Room),
    Shape(&[RoomName, RoomName], Room),
    // Anything else after the domain was meant as a room: say what a room name is.
    Shape(&[Any, Rest], Malformed),
];

/// Intake-form links (`intakeq.com/new/<code>`, as practices publish them) are
/// not rooms; the telehealth link's own shape is unverified, so anything else
/// counts as one.
const INTAKEQ_SHAPES: &[Shape] = &[Shape(&[Lit("new"), Any], NotMeeting), Shape(&[Rest], Room)];

/// One fixed waiting-room link per therapist; the bare host is not a room.
const PT_SESSIONS_SHAPES: &[Shape] = &[Shape(&[RoomName], Room)];

const THERAPYNOTES_SHAPES: &[Shape] = &[Shape(&[Lit("p"), Any, Lit("telehealth")], Room)];

const ANY_PATH: &[Shape] = &[Shape(&[Rest], Room)];

const fn meeting(
    id: &'static str,
    name: &'static str,
    domains: &'static [&'static str],
    class: Class,
    shapes: &'static [Shape],
    source: &'static str,
) -> Entry {
    Entry {
        id,
        name,
        domains,
        hosts: Hosts::AndSubdomains,
        class,
        shapes,
        otherwise: NotMeeting,
        host_start_params: &[],
        lowercase_path: false,
        retired: None,
        source: NativeOnly::new(source),
        source_url: "",
        unverified: &[],
    }
}

/// A meeting platform's waiting room (the setting that turns it on and its
/// BAA terms are platform texts of the message catalog, `messages/*.json`).
const fn room(waiting_room: WaitingRoom) -> Class {
    Class::Meeting { waiting_room }
}

const fn service(
    id: &'static str,
    name: &'static str,
    domains: &'static [&'static str],
    class: Class,
    source: &'static str,
) -> Entry {
    Entry {
        id,
        name,
        domains,
        hosts: Hosts::AndSubdomains,
        class,
        shapes: ANY_PATH,
        otherwise: Room,
        host_start_params: &[],
        lowercase_path: false,
        retired: None,
        source: NativeOnly::new(source),
        source_url: "",
        unverified: &[],
    }
}

/// The registry. Order matters only for readability; domains never overlap
/// (a unit test checks).
pub static ENTRIES: &[Entry] = &[
    Entry {
        host_start_params: &["zak"],
        // An 11-digit ID is a scheduled meeting; the link does not say
        // whether it recurs, so `expiring_link` gives both lifetimes.
        source_url: "https://support.zoom.us/hc/en-us/articles/201362373",
        ..meeting(
            "zoom",
            "Zoom",
            &["zoom.us", "zoom.com", "zoomgov.com"],
            room(WaitingRoom::Setting),
            ZOOM_SHAPES,
            "Zoom support 201362373 and KB0065196 (meeting IDs and their expiry), 360041408732 (waiting room), KB0067751 (plans); zoom.com hosts as in open-source link detectors",
        )
    },
    Entry {
        hosts: Hosts::Exact,
        lowercase_path: true,
        source_url: "https://support.google.com/a/answer/3407054",
        ..meeting(
            "google_meet",
            "Google Meet",
            &["meet.google.com"],
            room(WaitingRoom::Setting),
            MEET_SHAPES,
            "Google Workspace admin help 3407054; Meet help 9303164",
        )
    },
    Entry {
        // Microsoft's HIPAA/HITECH page: the BAA comes with the Data
        // Protection Addendum and covers the in-scope services, Teams among
        // them (the entry's BAA terms). Read on 2026-12-07, after CHECKED_ON:
        // the shared date understates how recently this page was read.
        source_url: "https://learn.microsoft.com/en-us/compliance/regulatory/offering-hipaa-hitech",
        ..meeting(
        "microsoft_teams",
        "Microsoft Teams",
        // teams.microsoft.us: US government clouds (GCC High at gov., DoD at dod.).
        &["teams.microsoft.com", "teams.cloud.microsoft", "teams.microsoft.us"],
        room(WaitingRoom::Setting),
        TEAMS_SHAPES,
        "Microsoft compliance offering HIPAA/HITECH (Teams in the BAA's in-scope services); Microsoft 365 message center MC772556; Microsoft Teams lobby documentation; GCC High and DoD Teams URLs in ServiceNow's Teams integration docs",
    )
    },
    Entry {
        source_url: "https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences",
        ..meeting(
        "webex",
        "Webex",
        &["webex.com"],
        room(WaitingRoom::Setting),
        WEBEX_SHAPES,
        "Webex help njvqg5x",
    )
    },
    Entry {
        source_url: "https://helpcenter.doxy.me/en/articles/8272808-waiting-room-overview",
        ..meeting(
        "doxy_me",
        "Doxy.me",
        &["doxy.me"],
        room(WaitingRoom::BuiltIn),
        DOXY_SHAPES,
        "Doxy.me help center: waiting room overview",
    )
    },
    Entry {
        source_url: "https://help.vsee.com/kb/articles/clinic-admin-manage-rooms",
        ..meeting(
            "vsee_clinic",
            "VSee Clinic",
            &["vsee.me"],
            room(WaitingRoom::BuiltIn),
            ANY_PATH,
            "HHS OCR notification of enforcement discretion (2020), vendor list; VSee help: Clinic Admin: Manage Rooms (a room is a waiting room with its clinic URL)",
        )
    },
    Entry {
        source_url: "https://support.therapynotes.com/article/318-start-a-telehealth-session-telehealth-2-0",
        ..meeting(
            "therapynotes",
            "TherapyNotes",
            &["therapyportal.com"],
            room(WaitingRoom::BuiltIn),
            THERAPYNOTES_SHAPES,
            "TherapyNotes help: client portal telehealth links",
        )
    },
    Entry {
        otherwise: Expiring,
        source_url: "https://support.simplepractice.com/hc/en-us/articles/7787591542797-Using-Telehealth-features",
        unverified: &[Fact::Hosts, Fact::Baa],
        ..meeting(
            "simplepractice",
            "SimplePractice",
            &["video.simplepractice.com"],
            // The waiting room is a toggle, not built in (help article 7787591542797).
            room(WaitingRoom::Setting),
            &[],
            "SimplePractice help: Using telehealth features (Use waiting room toggle); one link per appointment",
        )
    },
    // Practice-management portals with their own telehealth (the kind of
    // platform Headway's guidance lists). Facts from the vendors' help
    // centers; what no page confirms is listed in `unverified`.
    Entry {
        source_url: "https://www.thera-link.com/faqs/",
        unverified: &[Fact::LinkShapes, Fact::WaitingRoom],
        ..meeting(
            "thera_link",
            "thera-LINK",
            &["thera-link.com"],
            room(WaitingRoom::Setting),
            ANY_PATH,
            "thera-LINK FAQ: the BAA is under the Documents menu",
        )
    },
    Entry {
        source_url: "https://support.psychologytoday.com/scheduling-a-session",
        unverified: &[Fact::Baa],
        ..meeting(
            "psychology_today_sessions",
            "Psychology Today Sessions",
            &["sessions.psychologytoday.com"],
            room(WaitingRoom::BuiltIn),
            PT_SESSIONS_SHAPES,
            "Psychology Today help: Scheduling and hosting a session (one waiting-room link for all clients); link shape as practices publish it",
        )
    },
    Entry {
        otherwise: Expiring,
        source_url: "https://help.theranest.com/en/articles/3793671-how-do-i-share-my-telehealth-link-with-my-clients",
        unverified: &[Fact::Hosts, Fact::Baa],
        ..meeting(
            "theranest",
            "TheraNest (Ensora Mental Health)",
            &["theranest.com", "ensorahealth.com"],
            room(WaitingRoom::BuiltIn),
            &[],
            "TheraNest help: each telehealth session has its own link (3793671); clients join a virtual waiting room (360051512412)",
        )
    },
    Entry {
        source_url: "https://jane.app/guide/1-1-online-appointments-faq",
        unverified: &[Fact::Hosts, Fact::LinkShapes, Fact::WaitingRoom, Fact::Baa],
        ..meeting(
            "jane",
            "Jane",
            &["jane.app", "janeapp.com", "janeapp.co.uk"],
            room(WaitingRoom::Setting),
            ANY_PATH,
            "Jane guide: Online Appointments FAQ (both sides sign in to Jane)",
        )
    },
    Entry {
        source_url: "https://glama.ai/mcp/servers/oktopeak/IntakeQ/tree",
        unverified: &[Fact::LinkShapes, Fact::WaitingRoom, Fact::Baa],
        ..meeting(
            "intakeq",
            "IntakeQ (PracticeQ)",
            &["intakeq.com"],
            room(WaitingRoom::Setting),
            INTAKEQ_SHAPES,
            "IntakeQ's domain from its public API; intake-form links (/new/<code>) as practices publish them; BAA terms from a third-party integration guide (no vendor page found)",
        )
    },
    Entry {
        source_url: "https://docs.gethealthie.com/",
        unverified: &[Fact::LinkShapes, Fact::WaitingRoom, Fact::Baa],
        ..meeting(
            "healthie",
            "Healthie",
            &["gethealthie.com"],
            room(WaitingRoom::Setting),
            ANY_PATH,
            "Healthie's domain from its public API docs (no telehealth help page found)",
        )
    },
    Entry {
        source_url: "https://www.theraplatform.com/About/Conditions",
        unverified: &[Fact::LinkShapes, Fact::WaitingRoom, Fact::Baa],
        ..meeting(
            "theraplatform",
            "TheraPlatform",
            &["theraplatform.com"],
            room(WaitingRoom::Setting),
            ANY_PATH,
            "TheraPlatform terms: an EHR with telehealth for live online therapy",
        )
    },
    Entry {
        source_url: "https://support.sessionshealth.com/article/174-integrated-telehealth",
        unverified: &[Fact::Hosts, Fact::LinkShapes, Fact::Baa],
        ..meeting(
            "sessions_health",
            "Sessions Health",
            &["sessionshealth.com"],
            room(WaitingRoom::BuiltIn),
            ANY_PATH,
            "Sessions Health help: Integrated telehealth (one URL per practitioner, with a waiting room)",
        )
    },
    Entry {
        source_url: "https://support.goto.com/meeting/help/how-do-i-lock-my-meeting",
        ..meeting(
            "goto_meeting",
            "GoTo Meeting",
            &["meet.goto.com", "app.goto.com", "global.gotomeeting.com", "gotomeet.me", "gotomeeting.com"],
            room(WaitingRoom::None),
            ANY_PATH,
            "GoTo support: locking meetings",
        )
    },
    Entry {
        retired: date(2026, 2, 20),
        source_url: "https://docs.aws.amazon.com/chime/",
        ..meeting(
            "amazon_chime",
            "Amazon Chime",
            &["chime.aws"],
            room(WaitingRoom::None),
            ANY_PATH,
            "AWS Amazon Chime end-of-support notice",
        )
    },
    Entry {
        source_url: "https://help.sprucehealth.com/article/452-telehealth-options",
        ..meeting(
            "spruce",
            "Spruce Health",
            &["spruce.care"],
            room(WaitingRoom::None),
            ANY_PATH,
            "Spruce help 452 and 286",
        )
    },
    // Consumer apps: no BAA is ever signed.
    service("microsoft_teams_free", "Microsoft Teams (free)", &["teams.live.com"], Class::Consumer, "platforms.md: consumer product"),
    service("facetime", "FaceTime", &["facetime.apple.com"], Class::Consumer, "HHS OCR 2020 notice: consumer apps"),
    service("whatsapp", "WhatsApp", &["whatsapp.com", "wa.me"], Class::Consumer, "HHS OCR 2020 notice: consumer apps"),
    service("messenger", "Facebook Messenger", &["messenger.com", "m.me"], Class::Consumer, "HHS OCR 2020 notice: consumer apps"),
    service("signal", "Signal", &["signal.me", "signal.group"], Class::Consumer, "platforms.md: consumer apps"),
    service("discord", "Discord", &["discord.com", "discord.gg"], Class::Consumer, "platforms.md: consumer apps"),
    Entry {
        retired: date(2025, 5, 5),
        ..service("skype", "Skype", &["skype.com"], Class::Consumer, "HHS OCR 2020 notice; Skype closed 2025-05-05")
    },
    Entry {
        source_url: "https://jitsi.org/blog/authentication-on-meet-jit-si/",
        // A free public service joined with personal Google, GitHub or
        // Facebook sign-ins: no customer agreement, so no BAA to sign.
        ..service("jitsi_public", "Jitsi Meet (meet.jit.si)", &["meet.jit.si"], Class::Consumer, "jitsi.org: meet.jit.si is a free public service; rooms are created after signing in with a personal account")
    },
    service("google_hangouts", "Google Hangouts", &["hangouts.google.com", "duo.google.com"], Class::Consumer, "HHS OCR 2020 notice: consumer apps"),
    // Public broadcasting: never allowed.
    service("facebook", "Facebook", &["facebook.com", "fb.watch", "fb.com"], Class::Public, "HHS OCR 2020 notice: public-facing services"),
    service("twitch", "Twitch", &["twitch.tv"], Class::Public, "HHS OCR 2020 notice: public-facing services"),
    service("tiktok", "TikTok", &["tiktok.com"], Class::Public, "HHS OCR 2020 notice: public-facing services"),
    service("youtube", "YouTube", &["youtube.com", "youtu.be"], Class::Public, "platforms.md: public-facing services"),
    service("instagram", "Instagram", &["instagram.com"], Class::Public, "platforms.md: public-facing services"),
    // Conference-call services: audio only.
    service("freeconferencecall", "FreeConferenceCall", &["freeconferencecall.com", "freeconference.com"], Class::DialIn, "platforms.md: dial-in services"),
    // Shorteners: the target cannot be seen offline.
    service(
        "shortener",
        "URL shortener",
        &[
            "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly",
            "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "lnkd.in", "aka.ms", "bl.ink", "s.id",
            // Google's shortener: g.co/meet/<name> resolves a Meet nickname on navigation.
            "g.co",
        ],
        Class::Shortener,
        "platforms.md: URL shorteners; g.co/meet links as open-source link detectors resolve them",
    ),
    // Wrappers: the real link is inside.
    service(
        "outlook_safe_links",
        "Outlook Safe Links",
        &["safelinks.protection.outlook.com"],
        Class::Wrapper(Wrap::Query(&["url"])),
        "platforms.md: Outlook Safe Links",
    ),
    Entry {
        hosts: Hosts::Exact,
        shapes: &[Shape(&[Lit("url")], Room)],
        otherwise: NotMeeting,
        ..service("google_redirect", "Google redirect", &["google.com", "www.google.com"], Class::Wrapper(Wrap::Query(&["q", "url"])), "platforms.md: Google redirects")
    },
    service("proofpoint", "Proofpoint URL Defense", &["urldefense.proofpoint.com"], Class::Wrapper(Wrap::Proofpoint), "platforms.md: Proofpoint wrappers"),
    service("proofpoint_v3", "Proofpoint URL Defense", &["urldefense.com"], Class::Wrapper(Wrap::ProofpointV3), "platforms.md: Proofpoint wrappers"),
];

/// The JSON Schema of `platform.id`: every platform id in the registry.
#[cfg(feature = "schema")]
pub fn platform_id_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let ids: Vec<&str> = ENTRIES.iter().filter(|e| e.is_platform()).map(|e| e.id).collect();
    schemars::json_schema!({
        "title": "PlatformId",
        "description": "A platform the rules know (meeting, consumer and public platforms).",
        "type": "string",
        "enum": ids,
    })
}

/// The entry a host belongs to: the longest registered domain that equals
/// the host or is a label-boundary suffix of it.
#[must_use]
pub fn lookup(host: &str) -> Option<&'static Entry> {
    let mut candidate = host;
    loop {
        let exact = candidate.len() == host.len();
        let found =
            ENTRIES.iter().find(|e| (exact || e.hosts == Hosts::AndSubdomains) && e.domains.contains(&candidate));
        if found.is_some() {
            return found;
        }
        let (_, rest) = candidate.split_once('.')?;
        candidate = rest;
    }
}

/// A known domain used as a prefix of another domain, or inside it:
/// `doxy.me.evil.example`, `login.zoom.us.evil.example`. Returns the known
/// domain. Call only for hosts that [`lookup`] did not find.
#[must_use]
pub fn lookalike_of(host: &str) -> Option<&'static str> {
    // Where each label starts: a known domain starting at one and followed by
    // a dot is a lookalike. (A prefix comparison per label start: searching
    // the host for each of the registry's domains cost a keystroke a fifth of
    // its time.)
    let starts: Vec<&str> =
        std::iter::once(host).chain(host.match_indices('.').filter_map(|(at, _)| host.get(at + 1..))).collect();
    ENTRIES
        .iter()
        .flat_map(|e| e.domains.iter())
        .copied()
        .find(|d| starts.iter().any(|rest| rest.strip_prefix(d).is_some_and(|after| after.starts_with('.'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `lookalike_of` implements faster: a known domain at
    /// the start of the host or after a dot, with a dot after it.
    fn lookalike_by_search(host: &str) -> Option<&'static str> {
        ENTRIES.iter().flat_map(|e| e.domains.iter()).copied().find(|d| {
            host.match_indices(d).any(|(at, _)| {
                let before = at == 0 || host.get(..at).is_some_and(|s| s.ends_with('.'));
                before && host.get(at + d.len()..).is_some_and(|s| s.starts_with('.'))
            })
        })
    }

    #[test]
    fn lookalikes_by_label_start_are_lookalikes_by_search() {
        let domains: Vec<&str> = ENTRIES.iter().flat_map(|e| e.domains.iter()).copied().collect();
        let mut hosts = Vec::new();
        for d in &domains {
            let cut = d.get(..d.len() - 1).unwrap_or(d);
            for host in [
                (*d).to_owned(),
                format!("{d}.evil.example"),
                format!("login.{d}.evil.example"),
                format!("x{d}.evil.example"),
                format!("{d}x.evil.example"),
                format!("{cut}.{d}"),
                format!("a.b.{d}.{d}.c"),
                format!("{d}."),
                format!(".{d}.x"),
            ] {
                hosts.push(host);
            }
        }
        let mut found = 0;
        for host in &hosts {
            assert_eq!(lookalike_of(host), lookalike_by_search(host), "{host}");
            found += usize::from(lookalike_of(host).is_some());
        }
        assert!(found > domains.len() * 4, "{found}");
    }

    #[test]
    fn domains_are_unique_and_lowercase() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in ENTRIES {
            assert!(!entry.source.value.is_empty(), "{} has no source", entry.id);
            for domain in entry.domains {
                assert!(seen.insert(*domain), "{domain} listed twice");
                assert_eq!(domain.to_ascii_lowercase(), *domain);
                assert!(domain.contains('.'));
            }
        }
    }

    #[test]
    fn ids_are_unique_and_required_ids_exist() {
        let ids: Vec<&str> = ENTRIES.iter().map(|e| e.id).collect();
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len());
        for required in ["zoom", "google_meet", "microsoft_teams", "webex", "doxy_me"] {
            assert!(unique.contains(required), "{required}");
        }
    }

    #[test]
    fn lookup_matches_on_label_boundaries() {
        let id = |host: &str| lookup(host).map(|e| e.id);
        assert_eq!(id("zoom.us"), Some("zoom"));
        assert_eq!(id("us02web.zoom.us"), Some("zoom"));
        assert_eq!(id("acme.zoomgov.com"), Some("zoom"));
        assert_eq!(id("evilzoom.us"), None);
        assert_eq!(id("zoom.us-meeting.com"), None);
        assert_eq!(id("meet.google.com"), Some("google_meet"));
        assert_eq!(id("x.meet.google.com"), None);
        assert_eq!(id("www.google.com"), Some("google_redirect"));
        assert_eq!(id("nam12.safelinks.protection.outlook.com"), Some("outlook_safe_links"));
        assert_eq!(id("teams.live.com"), Some("microsoft_teams_free"));
        assert_eq!(id("acme.webex.com"), Some("webex"));
        assert_eq!(id("zoom.com"), Some("zoom"));
        assert_eq!(id("teams.microsoft.us"), Some("microsoft_teams"));
        assert_eq!(id("dod.teams.microsoft.us"), Some("microsoft_teams"));
        assert_eq!(id("meet.jit.si"), Some("jitsi_public"));
        assert_eq!(id("jit.si"), None);
        assert_eq!(id("g.co"), Some("shortener"));
        assert_eq!(id("sessions.psychologytoday.com"), Some("psychology_today_sessions"));
        assert_eq!(id("www.psychologytoday.com"), None);
        assert_eq!(id("us"), None);
        assert_eq!(id(""), None);
    }

    #[test]
    fn unverified_facts_never_make_an_error() {
        let harmless = |o: Outcome| matches!(o, Outcome::Room | Outcome::Expiring);
        for e in ENTRIES {
            let Class::Meeting { waiting_room, .. } = e.class else {
                // Consumer, public, dial-in and the rest are errors by class.
                assert!(e.unverified.is_empty(), "{}: a non-meeting entry cannot rest on unverified facts", e.id);
                continue;
            };
            if e.unverified.contains(&Fact::WaitingRoom) {
                assert_ne!(waiting_room, WaitingRoom::None, "{}: no_waiting_room from an unverified fact", e.id);
            }
            if e.unverified.contains(&Fact::LinkShapes) {
                // Listed shapes are observed in real links; what the room
                // link looks like is not known, so whatever else comes is
                // never an error.
                let catch_all = e.shapes.last().is_some_and(|s| s.0 == [Seg::Rest] && harmless(s.1));
                assert!(catch_all || harmless(e.otherwise), "{}: an error from an unverified shape", e.id);
                assert!(e.host_start_params.is_empty(), "{}", e.id);
            }
        }
    }

    #[test]
    fn sources_have_a_url_and_a_date() {
        assert!(Date::parse(CHECKED_ON).is_ok() && CHECKED_ON <= "2026-12-07", "{CHECKED_ON}");
        for e in ENTRIES {
            if !e.source_url.is_empty() {
                assert!(e.source_url.starts_with("https://"), "{}", e.id);
            }
            // Every entry added or corrected since per-entry URLs has one.
            if !e.unverified.is_empty() {
                assert!(!e.source_url.is_empty(), "{}", e.id);
            }
        }
    }

    #[test]
    fn lookalikes() {
        assert_eq!(lookalike_of("doxy.me.evil.example"), Some("doxy.me"));
        assert_eq!(lookalike_of("login.zoom.us.evil.example"), Some("zoom.us"));
        assert_eq!(lookalike_of("meet.google.com.attacker.net"), Some("meet.google.com"));
        assert_eq!(lookalike_of("evil.example"), None);
        assert_eq!(lookalike_of("notdoxy.me.example"), None);
    }
}
