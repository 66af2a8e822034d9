//! What the provider reads for each location finding.

use super::jurisdictions::{Jurisdiction, FREELY_ASSOCIATED_NAMES};
use crate::decode::excerpt;

pub fn empty() -> String {
    "Enter the state, district or territory where the client is during sessions.".to_owned()
}

pub fn unknown(text: &str, meant: Option<&Jurisdiction>) -> String {
    let typed = excerpt(crate::text::trim_ws(text));
    match meant {
        Some(j) => format!("\"{typed}\" is not a US state, district or territory. Did you mean {}?", j.name),
        None => format!(
            "\"{typed}\" is not a US state, district or territory. Enter its name or two-letter code, such as New York or NY."
        ),
    }
}

pub fn military(code: &str) -> String {
    format!("{code} is a military mail code: the client is outside the United States, where a US license does not apply. Enter the state where the client is during sessions.")
}

pub fn military_zip(zip: &str) -> String {
    format!("ZIP code {zip} is a military mail (APO/FPO) code: the client is outside the United States, where a US license does not apply.")
}

/// The name of a freely associated state (FM, MH, PW) for a sentence.
pub fn freely_associated_name(code: &str) -> Option<&'static str> {
    FREELY_ASSOCIATED_NAMES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

pub fn freely_associated(code: &str) -> String {
    let name = freely_associated_name(code).unwrap_or("a freely associated state");
    format!("{code} is {name}, a sovereign country that uses US mail codes; a US license does not apply there.")
}

pub fn freely_associated_zip(zip: &str, code: &str) -> String {
    let name = freely_associated_name(code).unwrap_or("a freely associated state");
    format!(
        "ZIP code {zip} is in {name}, a sovereign country that uses US mail codes; a US license does not apply there."
    )
}

pub fn outside_us() -> String {
    "A US license does not apply outside the United States. Enter the US state, district or territory where the client is during sessions.".to_owned()
}

pub fn zip_malformed() -> String {
    "Enter a 5-digit ZIP code, such as 94110, or a ZIP+4, such as 94110-1234.".to_owned()
}

pub fn zip_unassigned(zip: &str) -> String {
    format!("No address uses ZIP code {zip}. Check the ZIP code.")
}

pub fn zip_mismatch(zip: &str, places: &[&str], chosen: &str) -> String {
    let places = match places {
        [] => "another place".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    format!("ZIP code {zip} is in {places}, not {chosen}. Check both: the state is what counts for licensing.")
}
