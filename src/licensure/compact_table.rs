//! The compact rows (see `compacts.rs` for their meaning and
//! `docs/compacts.md` for how they were gathered). Every member row names its
//! source and the day it was read; an uncertain date is `Uncertain`.

use super::compacts::{ymd, Compact, Grant, Member, Operational};
use crate::request::{CompactId, Profession};

pub(super) static COMPACTS: &[Compact] = &[];
