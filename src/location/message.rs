//! The params of each location finding, each built with its code's typed
//! builder (the words are in the message catalog, `messages/<locale>.json`).

use super::jurisdictions::{Jurisdiction, FREELY_ASSOCIATED_NAMES};
use crate::code::params::{
    Empty, EmptySubject, FreelyAssociatedState, FreelyAssociatedStateCode, FreelyAssociatedStateSubject,
    MilitaryMailCode, MilitaryMailCodeSubject, UnknownJurisdiction, UnknownJurisdictionReason, ZipStateMismatch,
    ZipStateMismatchPlaces,
};
use crate::text::excerpt;

pub fn empty() -> Empty {
    Empty::new().subject(EmptySubject::Location)
}

pub fn unknown(text: &str, meant: Option<&Jurisdiction>) -> UnknownJurisdiction {
    let p = UnknownJurisdiction::new().value(excerpt(crate::text::trim_ws(text)));
    match meant {
        Some(j) => p.reason(UnknownJurisdictionReason::DidYouMean).meant(j.name),
        None => p.reason(UnknownJurisdictionReason::Unknown),
    }
}

pub fn military(code: &'static str) -> MilitaryMailCode {
    MilitaryMailCode::new().subject(MilitaryMailCodeSubject::State).code(code)
}

pub fn military_zip(zip: &str) -> MilitaryMailCode {
    MilitaryMailCode::new().subject(MilitaryMailCodeSubject::Zip).zip(zip.to_owned())
}

/// The name of a freely associated state (FM, MH, PW) for a sentence.
pub fn freely_associated_name(code: &str) -> Option<&'static str> {
    FREELY_ASSOCIATED_NAMES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

/// The `code` param of a freely associated state's two-letter code (every
/// code of `FREELY_ASSOCIATED_NAMES` is one).
fn freely_associated_code(code: &str) -> Option<FreelyAssociatedStateCode> {
    match code {
        "FM" => Some(FreelyAssociatedStateCode::Fm),
        "MH" => Some(FreelyAssociatedStateCode::Mh),
        "PW" => Some(FreelyAssociatedStateCode::Pw),
        _ => None,
    }
}

fn with_code(p: FreelyAssociatedState, code: &str) -> FreelyAssociatedState {
    match freely_associated_code(code) {
        Some(code) => p.code(code),
        None => p,
    }
}

pub fn freely_associated(code: &str) -> FreelyAssociatedState {
    with_code(FreelyAssociatedState::new().subject(FreelyAssociatedStateSubject::State), code)
}

pub fn freely_associated_zip(zip: &str, code: &str) -> FreelyAssociatedState {
    with_code(FreelyAssociatedState::new().subject(FreelyAssociatedStateSubject::Zip).zip(zip.to_owned()), code)
}

/// `places` are the names of where the ZIP is; `state` is the one typed.
pub fn zip_mismatch(zip: &str, places: &[&'static str], state: &'static str) -> ZipStateMismatch {
    let p = ZipStateMismatch::new().zip(zip.to_owned());
    let p = match places {
        [] => p.places(ZipStateMismatchPlaces::None),
        [one] => p.places(ZipStateMismatchPlaces::One).place(*one),
        [init @ .., last] => p.places(ZipStateMismatchPlaces::Many).others(init.join(", ")).place(*last),
    };
    p.state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_freely_associated_state_has_its_code_param() {
        for (code, _) in FREELY_ASSOCIATED_NAMES {
            assert_eq!(freely_associated_code(code).map(FreelyAssociatedStateCode::as_str), Some(*code));
        }
        assert_eq!(FREELY_ASSOCIATED_NAMES.len(), FreelyAssociatedStateCode::ALL.len());
    }
}
