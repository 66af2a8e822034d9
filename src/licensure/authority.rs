//! Provenance: on what authority a continuity or session decision stands.
//! The `authority` of a report names the entry of `provider.licenses` that
//! authorizes practice at the client's location on the date, the license it
//! rests on, and every data-table fact the decision rests on with its source;
//! the findings that rest on such a fact carry the same `source`.

use serde::Serialize;

use super::compacts::{Cited, Compact, Member, Operational};
use super::registrations::Registration;
use crate::date::Date;
use crate::finding::FactSource;
use crate::json::{ObjectWriter, ToJson};
use crate::request::{CompactId, LicenseBasis};

impl FactSource {
    fn new(fact: String, cited: &Cited, from: Option<Date>) -> Self {
        FactSource { fact, url: cited.url, checked: cited.checked, from }
    }

    /// The member row of `compact` for one jurisdiction.
    #[must_use]
    pub fn member(compact: &Compact, member: &Member) -> Self {
        let from = match member.operational {
            Operational::Since(day) => Some(day),
            Operational::Uncertain => None,
        };
        Self::new(format!("{}:{}", compact_key(compact.id), member.jurisdiction), &member.source, from)
    }

    /// What `compact` says of `jurisdiction`: its member row, else its member
    /// list (the jurisdiction is not a member).
    #[must_use]
    pub fn membership(compact: &Compact, jurisdiction: &str) -> Self {
        match compact.member(jurisdiction) {
            Some(member) => Self::member(compact, member),
            None => Self::new(compact_key(compact.id).to_owned(), &compact.source, None),
        }
    }

    /// A telehealth registration program's row.
    #[must_use]
    pub fn registration(program: &Registration) -> Self {
        Self::new(format!("registration:{}", program.jurisdiction), &program.source, program.since)
    }
}

/// What authorizes practice at the client's location on the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Authority {
    /// Index in `provider.licenses` of the entry that authorizes (when
    /// several do: a state license first, then a temporary permit, a compact
    /// privilege, a registration; the first listed of a kind).
    pub license: usize,
    /// That entry's basis.
    pub basis: LicenseBasis,
    /// The client's jurisdiction (USPS code).
    pub jurisdiction: &'static str,
    /// The compact of a compact privilege, else `null`.
    pub compact: Option<CompactId>,
    /// Index in `provider.licenses` of the license a privilege or a
    /// registration rests on, else `null`.
    pub home_license: Option<usize>,
    /// Every data-table fact the decision rests on (empty for a state license
    /// or a permit).
    pub sources: Vec<FactSource>,
}

/// The JSON spelling of a compact id.
#[must_use]
pub fn compact_key(id: CompactId) -> &'static str {
    CompactId::NAMES.iter().find(|(_, c)| *c == id).map_or("psypact", |(name, _)| *name)
}

fn basis_key(basis: LicenseBasis) -> &'static str {
    LicenseBasis::NAMES.iter().find(|(_, b)| *b == basis).map_or("state_license", |(name, _)| *name)
}

/// A non-negative integer, as JSON writes it.
struct Index(usize);

impl ToJson for Index {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.0.to_string());
    }
}

impl ToJson for Authority {
    fn write_json(&self, out: &mut String) {
        let mut w = ObjectWriter::new(out);
        w.field("license", &Index(self.license)).field("basis", basis_key(self.basis));
        w.field("jurisdiction", self.jurisdiction).field("compact", &self.compact.map(compact_key));
        w.field("home_license", &self.home_license.map(Index)).field("sources", &self.sources);
        w.end();
    }
}
