//! Where a US license applies (50 states, DC, 5 territories) and how people
//! type them. Source: USPS Publication 28 appendix B (codes and names), AP
//! Stylebook state abbreviations (`docs/domain.md`, "Where a US license applies").

use serde::Serialize;

use crate::json::{json_enum, ObjectWriter, ToJson};

/// What kind of jurisdiction it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionType {
    /// One of the 50 states.
    State,
    /// The District of Columbia.
    District,
    /// Puerto Rico, Guam, the U.S. Virgin Islands, American Samoa, the Northern Mariana Islands.
    Territory,
}

/// A place where a US license applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Jurisdiction {
    /// USPS code (`CA`).
    pub code: &'static str,
    /// Full name (`California`).
    pub name: &'static str,
    /// `state`, `district` or `territory`.
    #[serde(rename = "type")]
    pub kind: JurisdictionType,
}

json_enum!(JurisdictionType {
    JurisdictionType::State => "state",
    JurisdictionType::District => "district",
    JurisdictionType::Territory => "territory",
});

impl ToJson for Jurisdiction {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out).field("code", self.code).field("name", self.name).field("type", &self.kind).end();
    }
}

const fn j(code: &'static str, name: &'static str, kind: JurisdictionType) -> Jurisdiction {
    Jurisdiction { code, name, kind }
}

use JurisdictionType::{District, State, Territory};

/// Every jurisdiction, by code.
pub static JURISDICTIONS: &[Jurisdiction] = &[
    j("AL", "Alabama", State),
    j("AK", "Alaska", State),
    j("AZ", "Arizona", State),
    j("AR", "Arkansas", State),
    j("CA", "California", State),
    j("CO", "Colorado", State),
    j("CT", "Connecticut", State),
    j("DE", "Delaware", State),
    j("DC", "District of Columbia", District),
    j("FL", "Florida", State),
    j("GA", "Georgia", State),
    j("HI", "Hawaii", State),
    j("ID", "Idaho", State),
    j("IL", "Illinois", State),
    j("IN", "Indiana", State),
    j("IA", "Iowa", State),
    j("KS", "Kansas", State),
    j("KY", "Kentucky", State),
    j("LA", "Louisiana", State),
    j("ME", "Maine", State),
    j("MD", "Maryland", State),
    j("MA", "Massachusetts", State),
    j("MI", "Michigan", State),
    j("MN", "Minnesota", State),
    j("MS", "Mississippi", State),
    j("MO", "Missouri", State),
    j("MT", "Montana", State),
    j("NE", "Nebraska", State),
    j("NV", "Nevada", State),
    j("NH", "New Hampshire", State),
    j("NJ", "New Jersey", State),
    j("NM", "New Mexico", State),
    j("NY", "New York", State),
    j("NC", "North Carolina", State),
    j("ND", "North Dakota", State),
    j("OH", "Ohio", State),
    j("OK", "Oklahoma", State),
    j("OR", "Oregon", State),
    j("PA", "Pennsylvania", State),
    j("RI", "Rhode Island", State),
    j("SC", "South Carolina", State),
    j("SD", "South Dakota", State),
    j("TN", "Tennessee", State),
    j("TX", "Texas", State),
    j("UT", "Utah", State),
    j("VT", "Vermont", State),
    j("VA", "Virginia", State),
    j("WA", "Washington", State),
    j("WV", "West Virginia", State),
    j("WI", "Wisconsin", State),
    j("WY", "Wyoming", State),
    j("PR", "Puerto Rico", Territory),
    j("GU", "Guam", Territory),
    j("VI", "U.S. Virgin Islands", Territory),
    j("AS", "American Samoa", Territory),
    j("MP", "Northern Mariana Islands", Territory),
];

/// Other spellings, already folded (lowercase, no periods, single spaces):
/// AP abbreviations, older forms, common names. Codes and full names are
/// matched without being listed here.
pub static ALIASES: &[(&str, &str)] = &[
    // AP Stylebook.
    ("ala", "AL"),
    ("ariz", "AZ"),
    ("ark", "AR"),
    ("calif", "CA"),
    ("colo", "CO"),
    ("conn", "CT"),
    ("del", "DE"),
    ("fla", "FL"),
    ("ga", "GA"),
    ("ill", "IL"),
    ("ind", "IN"),
    ("kan", "KS"),
    ("kans", "KS"),
    ("ky", "KY"),
    ("la", "LA"),
    ("md", "MD"),
    ("mass", "MA"),
    ("mich", "MI"),
    ("minn", "MN"),
    ("miss", "MS"),
    ("mo", "MO"),
    ("mont", "MT"),
    ("neb", "NE"),
    ("nebr", "NE"),
    ("nev", "NV"),
    ("nh", "NH"),
    ("nj", "NJ"),
    ("nm", "NM"),
    ("ny", "NY"),
    ("nc", "NC"),
    ("nd", "ND"),
    ("okla", "OK"),
    ("ore", "OR"),
    ("oreg", "OR"),
    ("pa", "PA"),
    ("ri", "RI"),
    ("sc", "SC"),
    ("sd", "SD"),
    ("tenn", "TN"),
    ("vt", "VT"),
    ("va", "VA"),
    ("wash", "WA"),
    ("wva", "WV"),
    ("w va", "WV"),
    ("wis", "WI"),
    ("wyo", "WY"),
    // Older and common forms.
    ("tex", "TX"),
    ("penna", "PA"),
    ("penn", "PA"),
    ("ida", "ID"),
    ("ia", "IA"),
    ("cal", "CA"),
    ("wisc", "WI"),
    ("cali", "CA"),
    ("hawai'i", "HI"),
    ("hawaiʻi", "HI"),
    // District of Columbia.
    ("dc", "DC"),
    ("d c", "DC"),
    ("washington dc", "DC"),
    ("washington d c", "DC"),
    ("wash dc", "DC"),
    ("district of columbia", "DC"),
    ("washington district of columbia", "DC"),
    // Territories.
    ("usvi", "VI"),
    ("us virgin islands", "VI"),
    ("u s virgin islands", "VI"),
    ("virgin islands", "VI"),
    ("united states virgin islands", "VI"),
    ("virgin islands of the united states", "VI"),
    ("cnmi", "MP"),
    ("northern marianas", "MP"),
    ("northern mariana islands", "MP"),
    ("commonwealth of the northern mariana islands", "MP"),
    ("mariana islands", "MP"),
    ("commonwealth of puerto rico", "PR"),
    ("puerto rico", "PR"),
    ("am samoa", "AS"),
];

/// Words typed for a name's first word: `N. Carolina`, `So. Dakota`, `W Virginia`.
pub static WORD_ABBREVIATIONS: &[(&str, &str)] =
    &[("n", "north"), ("no", "north"), ("s", "south"), ("so", "south"), ("w", "west")];

/// Military mail routing codes: the client is abroad.
pub static MILITARY: &[(&str, &str)] = &[
    ("aa", "AA"),
    ("ae", "AE"),
    ("ap", "AP"),
    ("armed forces americas", "AA"),
    ("armed forces europe", "AE"),
    ("armed forces pacific", "AP"),
    ("armed forces africa", "AE"),
    ("armed forces canada", "AE"),
    ("armed forces middle east", "AE"),
];

/// Freely associated states: sovereign countries that use US mail codes.
pub static FREELY_ASSOCIATED: &[(&str, &str)] = &[
    ("fm", "FM"),
    ("mh", "MH"),
    ("pw", "PW"),
    ("micronesia", "FM"),
    ("federated states of micronesia", "FM"),
    ("marshall islands", "MH"),
    ("republic of the marshall islands", "MH"),
    ("palau", "PW"),
    ("republic of palau", "PW"),
];

/// What messages call each freely associated state.
pub static FREELY_ASSOCIATED_NAMES: &[(&str, &str)] =
    &[("FM", "the Federated States of Micronesia"), ("MH", "the Marshall Islands"), ("PW", "Palau")];

/// Ways of writing "the United States" as a country.
pub static UNITED_STATES: &[&str] =
    &["us", "usa", "u s", "u s a", "united states", "united states of america", "america", "the united states"];
