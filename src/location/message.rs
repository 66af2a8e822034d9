//! The params of each location finding (the words are in the message
//! catalog, `messages/<locale>.json`).

use super::jurisdictions::{Jurisdiction, FREELY_ASSOCIATED_NAMES};
use crate::messages::Params;
use crate::text::excerpt;

pub fn empty() -> Params {
    Params::new().with("subject", "location")
}

pub fn unknown(text: &str, meant: Option<&Jurisdiction>) -> Params {
    let p = Params::new().with("value", excerpt(crate::text::trim_ws(text)));
    match meant {
        Some(j) => p.with("reason", "did_you_mean").with("meant", j.name),
        None => p.with("reason", "unknown"),
    }
}

pub fn military(code: &'static str) -> Params {
    Params::new().with("subject", "state").with("code", code)
}

pub fn military_zip(zip: &str) -> Params {
    Params::new().with("subject", "zip").with("zip", zip.to_owned())
}

/// The name of a freely associated state (FM, MH, PW) for a sentence.
pub fn freely_associated_name(code: &str) -> Option<&'static str> {
    FREELY_ASSOCIATED_NAMES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

pub fn freely_associated(code: &'static str) -> Params {
    Params::new().with("subject", "state").with("code", code)
}

pub fn freely_associated_zip(zip: &str, code: &'static str) -> Params {
    Params::new().with("subject", "zip").with("zip", zip.to_owned()).with("code", code)
}

pub fn zip_unassigned(zip: &str) -> Params {
    Params::new().with("zip", zip.to_owned())
}

/// `places` are the names of where the ZIP is; `state` is the one typed.
pub fn zip_mismatch(zip: &str, places: &[&'static str], state: &'static str) -> Params {
    let p = Params::new().with("zip", zip.to_owned());
    let p = match places {
        [] => p.with("places", "none"),
        [one] => p.with("places", "one").with("place", *one),
        [init @ .., last] => p.with("places", "many").with("others", init.join(", ")).with("place", *last),
    };
    p.with("state", state)
}
