//! Authority to practice, judged on a date at the client's location: state
//! licenses, compact privileges, telehealth registrations and temporary
//! permits, each valid only between its dates and while in good standing.

pub mod compacts;
mod compact_table;
pub mod registrations;
mod registration_table;
