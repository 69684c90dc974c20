//! The registration date of an application (App 2 p.7).
//!
//! An application that arrives on a non-working day, or at or after closing time, is registered on
//! the next working day. One that arrives before opening on a working day is registered that day:
//! the text moves only what comes "after the end of working time".

use crate::{Calendar, RulesError};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// Opening and closing time of the office; opening strictly before closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct OfficeHours {
    open: NaiveTime,
    close: NaiveTime,
}

impl Default for OfficeHours {
    /// 09:00-18:30, the usual hours of a local executive body.
    fn default() -> Self {
        OfficeHours {
            open: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
        }
    }
}

impl OfficeHours {
    pub fn new(open: NaiveTime, close: NaiveTime) -> Result<OfficeHours, RulesError> {
        if open >= close {
            return Err(RulesError::OfficeHoursReversed {
                open: open.format("%H:%M").to_string(),
                close: close.format("%H:%M").to_string(),
            });
        }
        Ok(OfficeHours { open, close })
    }

    /// From "HH:MM" texts.
    pub fn parse(open: &str, close: &str) -> Result<OfficeHours, RulesError> {
        OfficeHours::new(parse_time(open)?, parse_time(close)?)
    }

    pub fn open(&self) -> NaiveTime {
        self.open
    }
    pub fn close(&self) -> NaiveTime {
        self.close
    }
}

pub fn parse_time(s: &str) -> Result<NaiveTime, RulesError> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| RulesError::InvalidTime(s.to_string()))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, RulesError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| RulesError::InvalidDate(s.to_string()))
}

/// "YYYY-MM-DDTHH:MM" (seconds optional; a space may stand for the T).
pub fn parse_datetime(s: &str) -> Result<NaiveDateTime, RulesError> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .ok_or_else(|| RulesError::InvalidDateTime(s.to_string()))
}

/// The date an application received at `received` is registered (App 2 p.7).
pub fn registration_date(
    cal: &Calendar,
    received: NaiveDateTime,
    hours: &OfficeHours,
) -> Result<NaiveDate, RulesError> {
    let day = received.date();
    if cal.is_working_day(day)? && received.time() < hours.close {
        return Ok(day);
    }
    cal.working_day_on_or_after(
        day.succ_opt()
            .ok_or_else(|| RulesError::InvalidDate(day.to_string()))?,
    )
}
