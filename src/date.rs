//! Calendar dates (`YYYY-MM-DD`, proleptic Gregorian, no time zone).
//!
//! The rules never read a clock: every request carries or is given an "as of"
//! date, so the same input always gives the same answer.

use std::fmt;

/// A valid calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when it does not exist (2026-02-30).
    #[must_use]
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || month == 0 || month > 12 || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`DateError::Format`] for any other shape, [`DateError::NoSuchDay`] for a
    /// well-formed date that does not exist.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shape_ok {
            return Err(DateError::Format);
        }
        let num = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u16>().ok()).unwrap_or(0);
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        let month = u8::try_from(month).unwrap_or(0);
        let day = u8::try_from(day).unwrap_or(0);
        Date::new(year, month, day).ok_or(DateError::NoSuchDay)
    }

    /// The date `days` days after 1970-01-01 (negative: before), clamped to
    /// years 1..=9999.
    #[must_use]
    pub fn from_unix_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days.clamp(-719_162, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: u16::try_from(year).unwrap_or(1),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Days since 1970-01-01 (negative: before); the inverse of [`Date::from_unix_days`].
    #[must_use]
    pub fn to_unix_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier when negative), clamped to years 1..=9999.
    #[must_use]
    pub fn add_days(self, days: i64) -> Date {
        Date::from_unix_days(self.to_unix_days().saturating_add(days))
    }

    /// Today's date in UTC from the system clock (native builds only; the
    /// wasm binding reads the JavaScript clock instead).
    #[cfg(not(target_arch = "wasm32"))]
    #[must_use]
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// `YYYY-MM-DD`, written without `core::fmt` (the keystroke module
    /// writes a retirement date and carries no formatting machinery).
    #[must_use]
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        crate::text::push_padded(&mut out, usize::from(self.year), 4);
        out.push('-');
        crate::text::push_padded(&mut out, usize::from(self.month), 2);
        out.push('-');
        crate::text::push_padded(&mut out, usize::from(self.day), 2);
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A session's start as written by the caller: RFC 3339 with an offset
/// (`2026-06-30T21:30:00-07:00`). Its [`date`](SessionStart::date) is the
/// calendar date as written at that offset, never converted to UTC: the date
/// at the client's location is the one licensure is judged on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionStart {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    /// Minutes east of UTC (`-07:00` is -420; `Z` is 0).
    offset_minutes: i16,
}

impl SessionStart {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`; `T` and `Z`
    /// may be lower case (RFC 3339, section 5.6). A fraction is read and not
    /// kept: only the date and the offset matter to the rules.
    ///
    /// # Errors
    /// [`DateError::Format`] for any other shape (no offset, a space for `T`,
    /// hour 24), [`DateError::NoSuchDay`] for a date that does not exist.
    pub fn parse(text: &str) -> Result<SessionStart, DateError> {
        let (date_part, rest) = (text.get(..10).ok_or(DateError::Format)?, text.get(10..).ok_or(DateError::Format)?);
        let date = Date::parse(date_part)?;
        let bytes = rest.as_bytes();
        let two = |at: usize, max: u8| -> Result<u8, DateError> {
            match (bytes.get(at), bytes.get(at + 1)) {
                (Some(a @ b'0'..=b'9'), Some(b @ b'0'..=b'9')) => {
                    let value = (a - b'0') * 10 + (b - b'0');
                    if value <= max {
                        Ok(value)
                    } else {
                        Err(DateError::Format)
                    }
                }
                _ => Err(DateError::Format),
            }
        };
        let at = |i: usize, expected: &[u8]| bytes.get(i).is_some_and(|b| expected.contains(b));
        if !(at(0, b"Tt") && at(3, b":") && at(6, b":")) {
            return Err(DateError::Format);
        }
        // RFC 3339 allows second 60 (a leap second).
        let (hour, minute, second) = (two(1, 23)?, two(4, 59)?, two(7, 60)?);
        let mut i = 9;
        if at(i, b".") {
            i += 1;
            let digits = bytes.get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
            if digits == 0 || digits > 9 {
                return Err(DateError::Format);
            }
            i += digits;
        }
        let offset_minutes = match bytes.get(i..) {
            Some(b"Z" | b"z") => 0,
            Some([sign @ (b'+' | b'-'), _, _, b':', _, _]) => {
                let minutes = i16::from(two(i + 1, 23)?) * 60 + i16::from(two(i + 4, 59)?);
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return Err(DateError::Format),
        };
        Ok(SessionStart { date, hour, minute, second, offset_minutes })
    }

    /// The calendar date as written (at the given offset).
    #[must_use]
    pub const fn date(&self) -> Date {
        self.date
    }
}

impl fmt::Display for SessionStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.unsigned_abs();
        write!(
            f,
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

/// Why a date could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in `YYYY-MM-DD` form.
    Format,
    /// `YYYY-MM-DD`, but no such day (2026-02-30, 2025-02-29).
    NoSuchDay,
}

impl crate::json::ToJson for Date {
    fn write_json(&self, out: &mut String) {
        self.to_string().write_json(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2026-11-26").map(|d| d.to_string()), Ok("2026-11-26".to_owned()));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.to_string()), Ok("2024-02-29".to_owned()));
        assert_eq!(Date::parse("2026-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2025-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("0000-01-01"), Err(DateError::NoSuchDay));
        for bad in ["2026-1-01", "11/26/2026", "2026-11-26T00:00:00Z", "", "２０２６-11-26", "2026-11-2a"] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad}");
        }
    }

    #[test]
    fn unix_days() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_418).to_string(), "2025-11-26");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_unix_days(i64::MAX).to_string(), "9999-12-31");
        assert_eq!(Date::from_unix_days(i64::MIN).to_string(), "0001-01-01");
    }

    #[test]
    fn day_arithmetic() {
        let d = |t: &str| Date::parse(t).unwrap();
        assert_eq!(d("1970-01-01").to_unix_days(), 0);
        assert_eq!(d("2025-11-26").to_unix_days(), 20_418);
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
        assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
        assert_eq!(d("9999-12-31").add_days(1), d("9999-12-31"));
        assert_eq!(d("0001-01-01").add_days(-1), d("0001-01-01"));
        for days in [-719_162, -1, 0, 1, 11_016, 20_418, 2_932_896] {
            assert_eq!(Date::from_unix_days(days).to_unix_days(), days);
        }
    }

    #[test]
    fn session_start_keeps_the_written_date() {
        let start = SessionStart::parse("2026-06-30T21:30:00-07:00").unwrap();
        assert_eq!(start.date().to_string(), "2026-06-30");
        assert_eq!(start.to_string(), "2026-06-30T21:30:00-07:00");
        let late = SessionStart::parse("2026-07-01T04:30:00.123Z").unwrap();
        assert_eq!(late.date().to_string(), "2026-07-01");
        assert_eq!(late.to_string(), "2026-07-01T04:30:00+00:00");
        assert_eq!(SessionStart::parse("2026-12-31t23:59:60+14:00").unwrap().date().to_string(), "2026-12-31");
        assert_eq!(SessionStart::parse("2026-02-30T10:00:00Z"), Err(DateError::NoSuchDay));
        for bad in [
            "2026-06-30",
            "2026-06-30T21:30:00",
            "2026-06-30 21:30:00-07:00",
            "2026-06-30T24:00:00Z",
            "2026-06-30T21:30-07:00",
            "2026-06-30T21:30:00-0700",
            "2026-06-30T21:30:00.Z",
            "2026-06-30T21:30:00.1234567890Z",
            "2026-06-30T21:30:00+07:60",
            "2026-06-30T21:30:00Z ",
            "2026-06-30T21:30:00−07:00",
            "２０２６-06-30T21:30:00Z",
            "",
        ] {
            assert_eq!(SessionStart::parse(bad), Err(DateError::Format), "{bad}");
        }
    }

    #[test]
    fn ordering_is_chronological() {
        let a = Date::new(2026, 2, 19);
        let b = Date::new(2026, 2, 20);
        assert!(a < b);
    }
}
