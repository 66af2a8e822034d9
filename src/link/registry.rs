//! Every domain the link rules know, as data: meeting platforms with their
//! link shapes, waiting rooms and BAA terms, and the services whose links
//! must never be a default telehealth link (consumer and public apps,
//! shorteners, mail-scanner wrappers, dial-in services).
//!
//! Facts and sources: `shared/domain/platforms.md` (vendor help pages, HHS
//! notices). Hosts match on label boundaries only (`acme.zoom.us` is Zoom,
//! `evilzoom.us` is not).

use serde::Serialize;

use super::shape::{Outcome, Seg, Shape};
use crate::date::Date;
use crate::json::json_enum;

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
    /// A video platform that can host compliant sessions.
    Meeting { waiting_room: WaitingRoom, guidance: &'static str, baa: &'static str },
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
    /// What a valid room link looks like, for `malformed_meeting_id` messages.
    pub shape_hint: &'static str,
    /// Why an expiring link expires, for `expiring_link` messages.
    pub expiry_hint: &'static str,
    /// Where the invite link is, for `host_start_link` messages.
    pub invite_hint: &'static str,
    /// Where the facts come from.
    pub source: &'static str,
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
        shape_hint: "the room name is not in the platform's form",
        expiry_hint: "is for one appointment only",
        invite_hint: "",
        source,
    }
}

/// A meeting platform's waiting room, the setting that turns it on, and its BAA terms.
const fn room(waiting_room: WaitingRoom, guidance: &'static str, baa: &'static str) -> Class {
    Class::Meeting { waiting_room, guidance, baa }
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
        shape_hint: "the room name is not in the platform's form",
        expiry_hint: "is for one appointment only",
        invite_hint: "",
        source,
    }
}

/// The registry. Order matters only for readability; domains never overlap
/// (a unit test checks).
pub static ENTRIES: &[Entry] = &[
    Entry {
        host_start_params: &["zak"],
        shape_hint: "a meeting ID has 9 to 11 digits, and a personal link name 5 to 40 letters, digits or dots",
        expiry_hint: "is for one scheduled meeting and stops working 30 days after it",
        invite_hint: " (it contains /j/ or /my/)",
        ..meeting(
            "zoom",
            "Zoom",
            &["zoom.us", "zoomgov.com"],
            room(WaitingRoom::Setting, "In Zoom, go to Settings > Meeting > Security and turn on Waiting Room; for your personal meeting room, also turn it on under Meetings > Personal Room > Edit.", "A paid Zoom plan with a signed BAA (Zoom for Healthcare or a HIPAA-enabled account); never the free Basic plan."),
            ZOOM_SHAPES,
            "Zoom support 201362373 (meeting IDs), 360041408732 (waiting room), KB0067751 (plans)",
        )
    },
    Entry {
        hosts: Hosts::Exact,
        lowercase_path: true,
        shape_hint: "a meeting code has 10 letters written xxx-xxxx-xxx",
        ..meeting(
            "google_meet",
            "Google Meet",
            &["meet.google.com"],
            room(WaitingRoom::Setting, "In Google Meet, open Host controls and set Meeting access to Restricted, so that everyone outside the invite must ask to join.", "A paid Google Workspace account with the HIPAA BAA accepted in the Admin console; never a personal @gmail.com account."),
            MEET_SHAPES,
            "Google Workspace admin help 3407054; Meet help 9303164",
        )
    },
    Entry {
        shape_hint: "a meeting link contains 19:meeting_...@thread.v2, or /meet/ and a number",
        expiry_hint: "is a short meeting link that expires 60 days after the meeting",
        ..meeting(
        "microsoft_teams",
        "Microsoft Teams",
        &["teams.microsoft.com", "teams.cloud.microsoft", "gov.teams.microsoft.us", "dod.teams.microsoft.us"],
        room(WaitingRoom::Setting, "In Teams, open Meeting options and set \"Who can bypass the lobby\" to \"Only me\" (or \"Only organizers and co-organizers\").", "A commercial Microsoft 365 plan (covered by Microsoft's data protection addendum); never Teams free."),
        TEAMS_SHAPES,
        "Microsoft 365 message center MC772556; Microsoft Teams lobby documentation",
    )
    },
    Entry {
        shape_hint: "a personal room name has letters, digits, dots, dashes or underscores, with at least one letter",
        expiry_hint: "is for one scheduled meeting",
        ..meeting(
        "webex",
        "Webex",
        &["webex.com"],
        room(WaitingRoom::Setting, "In Webex, turn on automatic lock for your Personal Room (lock 0 minutes after the meeting starts), so that guests wait in the lobby until you admit them.", "A Webex plan for which Cisco has signed a BAA."),
        WEBEX_SHAPES,
        "Webex help njvqg5x",
    )
    },
    Entry {
        shape_hint: "a room name has letters, digits, dots, dashes or underscores",
        ..meeting(
        "doxy_me",
        "Doxy.me",
        &["doxy.me"],
        room(WaitingRoom::BuiltIn, "Doxy.me rooms always have a waiting room: clients check in and wait until you start the call.", "A Doxy.me plan with a signed BAA (free-tier BAA terms are disputed between sources: check yours)."),
        DOXY_SHAPES,
        "Doxy.me help center",
    )
    },
    meeting(
        "vsee_clinic",
        "VSee Clinic",
        &["vsee.me"],
        room(WaitingRoom::BuiltIn, "VSee Clinic has a built-in clinic waiting room: clients wait there until you start the visit.", "A VSee Clinic plan with a signed BAA (VSee was on the HHS list of vendors that sign BAAs)."),
        ANY_PATH,
        "HHS OCR notification of enforcement discretion (2020), vendor list",
    ),
    meeting(
        "therapynotes",
        "TherapyNotes",
        &["therapyportal.com"],
        room(WaitingRoom::BuiltIn, "TherapyNotes telehealth has a built-in clinician waiting room.", "Covered by your TherapyNotes EHR agreement."),
        THERAPYNOTES_SHAPES,
        "TherapyNotes help: client portal telehealth links",
    ),
    Entry {
        otherwise: Expiring,
        ..meeting(
            "simplepractice",
            "SimplePractice",
            &["video.simplepractice.com"],
            room(WaitingRoom::BuiltIn, "SimplePractice video appointments have a built-in waiting room.", "Covered by your SimplePractice EHR agreement."),
            &[],
            "platforms.md: one link per appointment (host unverified)",
        )
    },
    meeting(
        "goto_meeting",
        "GoTo Meeting",
        &["meet.goto.com", "app.goto.com", "global.gotomeeting.com", "gotomeet.me", "gotomeeting.com"],
        room(WaitingRoom::None, "GoTo Meeting has no one-at-a-time waiting room: locking the meeting holds everyone, and unlocking admits them all at once.", "On the HHS list of vendors that sign BAAs; plan terms unverified."),
        ANY_PATH,
        "GoTo support: locking meetings",
    ),
    Entry {
        retired: date(2026, 2, 20),
        ..meeting(
            "amazon_chime",
            "Amazon Chime",
            &["chime.aws"],
            room(WaitingRoom::None, "Amazon Chime has no waiting room.", "Amazon signed BAAs for Chime; the service ends on 2026-02-20."),
            ANY_PATH,
            "AWS Amazon Chime end-of-support notice",
        )
    },
    meeting(
        "spruce",
        "Spruce Health",
        &["spruce.care"],
        room(WaitingRoom::None, "Spruce calls start inside the Spruce app: there is no room link with a waiting room.", "BAA in Spruce's terms of service."),
        ANY_PATH,
        "Spruce help 452 and 286",
    ),
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
        ],
        Class::Shortener,
        "platforms.md: URL shorteners",
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
    ENTRIES.iter().flat_map(|e| e.domains.iter()).copied().find(|d| {
        host.strip_prefix(d).is_some_and(|rest| rest.starts_with('.'))
            || host.match_indices(d).any(|(at, _)| {
                let before = host.get(..at).is_some_and(|s| s.ends_with('.'));
                let after = host.get(at + d.len()..).is_some_and(|s| s.starts_with('.'));
                before && after
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_unique_and_lowercase() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in ENTRIES {
            assert!(!entry.source.is_empty(), "{} has no source", entry.id);
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
        assert_eq!(id("us"), None);
        assert_eq!(id(""), None);
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
