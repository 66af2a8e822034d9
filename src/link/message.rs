//! What the provider reads for each link finding: what is wrong and what to
//! do, in one or two sentences. Kept apart from the rules so the wording can
//! change (or be translated) without touching a decision.

use super::MAX_CHARS;

pub fn too_long(chars: usize) -> String {
    format!("This is {chars} characters long; a link can be at most {MAX_CHARS}. Paste only the meeting link.")
}

pub fn empty() -> String {
    "Enter the link clients use to join your sessions, starting with https://.".to_owned()
}

pub fn whitespace_trimmed() -> String {
    "Spaces or line breaks around the link were removed.".to_owned()
}

pub fn punctuation_trimmed() -> String {
    "Punctuation pasted around the link (brackets, quotes or a closing period) was removed.".to_owned()
}

pub fn invisible_characters() -> String {
    "This link contains invisible characters that can make it read differently from where it goes. Type the link again instead of pasting it.".to_owned()
}

pub fn lookalike_characters() -> String {
    "The address uses characters that only look like ordinary letters (or encoded ones), a trick used to imitate real sites. Type the link again from your platform's account page.".to_owned()
}

pub fn not_a_url(detail: &str) -> String {
    format!("This is not a link{detail}. Paste the full meeting link from your telehealth platform, starting with https://.")
}

pub fn missing_scheme() -> String {
    "The link must start with https://.".to_owned()
}

pub fn https_required() -> String {
    "Links must use https://, which encrypts the connection. Use the https:// form of the link.".to_owned()
}

pub fn unsupported_scheme(scheme: &str) -> String {
    format!(
        "A link starting with \"{scheme}:\" does not open a video session in a browser. Paste the meeting's https:// link instead."
    )
}

pub fn audio_only_phone() -> String {
    "This looks like a phone number. Sessions must have audio and video: paste your video meeting link instead."
        .to_owned()
}

pub fn audio_only_service(name: &str) -> String {
    format!("{name} is a dial-in conference-call service. Sessions must have audio and video: use a video platform with a waiting room.")
}

pub fn credentials_in_url(host: &str) -> String {
    format!("This link contains a user name or password before \"@\", and actually opens {host}. Remove everything before the \"@\" or copy the link again.")
}

pub fn ip_address_host() -> String {
    "The link goes to a bare IP address rather than a named site, so clients cannot tell where it leads. Use your platform's https:// meeting link.".to_owned()
}

pub fn lookalike_host(known: &str, host: &str) -> String {
    format!("This link does not go to {known}: it goes to {host}, a different site whose name starts the same way. Copy the link from your {known} account instead.")
}

pub fn wrapped_link(wrapper: &str, has_inner: bool) -> String {
    if has_inner {
        format!("This link is wrapped by {wrapper}. Use the original meeting link inside it.")
    } else {
        format!("This link is wrapped by {wrapper}, and the meeting link inside cannot be read. Copy the link again from your platform.")
    }
}

pub fn url_shortener(host: &str) -> String {
    format!("{host} is a link shortener, so where it leads cannot be checked. Paste the full meeting link instead.")
}

pub fn host_start_link(platform: &str, invite_hint: &str) -> String {
    format!("This is a {platform} start link: anyone who opens it joins as the host. Copy the invite link instead{invite_hint}.")
}

pub fn webinar_link() -> String {
    "This is a Zoom webinar link: webinars have no waiting room. Use your personal meeting room link (zoom.us/j/... or zoom.us/my/...).".to_owned()
}

pub fn not_a_meeting_link(platform: &str) -> String {
    format!("This is a {platform} page, not a meeting room. Paste the invite link of your meeting room.")
}

pub fn malformed_meeting_id(platform: &str, expected: &str) -> String {
    format!("This {platform} meeting link is not complete or has a typo: {expected}. Copy the invite link again.")
}

pub fn consumer_platform(platform: &str) -> String {
    format!("{platform} is a consumer app that never signs a Business Associate Agreement (BAA), so it cannot be used for sessions. Use a HIPAA-compliant platform such as Doxy.me, Zoom for Healthcare or Google Meet on Workspace.")
}

pub fn public_platform(platform: &str) -> String {
    format!("{platform} broadcasts publicly and can never be used for private sessions. Use a HIPAA-compliant video platform with a waiting room.")
}

pub fn platform_retired(platform: &str, since: &str) -> String {
    format!("{platform} was retired on {since}, so this link no longer works. Move your sessions to a HIPAA-compliant platform and paste its link.")
}

pub fn no_waiting_room(platform: &str) -> String {
    format!("{platform} has no private room or waiting room, so one client could join while another's session is running. Use a platform with a waiting room.")
}

pub fn unknown_platform(host: &str) -> String {
    format!("{host} is not a telehealth platform these rules know. Before saving, confirm that it is HIPAA compliant with a signed BAA, has a waiting room, and uses audio and video.")
}

pub fn expiring_link(platform: &str, why: &str) -> String {
    format!(
        "This {platform} link {why}. Your default link should be a permanent room, such as your personal meeting room."
    )
}

pub fn tracking_removed() -> String {
    "Tracking parameters (such as utm_source) were removed from the link.".to_owned()
}

pub const CONSUMER_GUIDANCE: &str =
    "Not usable for sessions: a consumer app has no waiting room you control and no BAA.";
pub const PUBLIC_GUIDANCE: &str = "Not usable for sessions: anyone can watch a public broadcast.";
pub const NO_BAA: &str = "No BAA is available.";
