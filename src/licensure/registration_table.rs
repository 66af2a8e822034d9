//! The telehealth registration rows (see `registrations.rs`).

use super::compacts::ymd;
use super::registrations::Registration;
use crate::request::Profession;

pub(super) static REGISTRATIONS: &[Registration] = &[];
