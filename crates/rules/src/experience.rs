//! Length of relevant work experience (Rules p.10 sub.2; RULES.md §6.1).
//!
//! The periods the Commission accepts are united (an overlap counts once, adjacent periods join),
//! each period is counted inclusively as calendar years, months and days, the parts are summed, and
//! the sum is normalised with 30 days = 1 month and 12 months = 1 year — the customary method of
//! counting length of service. Points go by **completed** years.

use crate::RulesError;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period of work, both ends included. Can only be made with `from <= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, RulesError> {
        if to < from {
            return Err(RulesError::PeriodReversed { from, to });
        }
        Ok(Period { from, to })
    }
    pub fn from(&self) -> NaiveDate {
        self.from
    }
    pub fn to(&self) -> NaiveDate {
        self.to
    }
}

/// Years, months and days of service, normalised (months < 12, days < 30).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Length {
    pub years: u32,
    pub months: u32,
    pub days: u32,
}

impl Length {
    fn normalised(years: u32, months: u32, days: u32) -> Length {
        let months = months + days / 30;
        Length {
            years: years + months / 12,
            months: months % 12,
            days: days % 30,
        }
    }
}

/// The union of the periods: sorted, overlapping or adjacent ones merged.
pub fn union(periods: &[Period]) -> Vec<Period> {
    let mut sorted: Vec<Period> = periods.to_vec();
    sorted.sort();
    let mut out: Vec<Period> = Vec::with_capacity(sorted.len());
    for p in sorted {
        match out.last_mut() {
            // Adjacent (next starts the day after the last ends) or overlapping: one period.
            Some(last) if p.from <= last.to.checked_add_days(Days::new(1)).unwrap_or(last.to) => {
                last.to = last.to.max(p.to);
            }
            _ => out.push(p),
        }
    }
    out
}

/// Calendar years, months and days from `from` up to but not including `until`.
fn calendar_difference(from: NaiveDate, until: NaiveDate) -> (u32, u32, u32) {
    let mut months = (until.year() - from.year()) * 12 + until.month() as i32 - from.month() as i32;
    if until.day() < from.day() {
        months -= 1;
    }
    let months = months.max(0) as u32;
    // Jan 31 + 1 month is the last day of February: the customary count treats it as a full month.
    let anchor = from.checked_add_months(Months::new(months)).unwrap_or(from);
    let days = (until - anchor).num_days().max(0) as u32;
    (months / 12, months % 12, days)
}

/// Total relevant experience (RULES.md §6.1).
pub fn total(periods: &[Period]) -> Length {
    let (mut y, mut m, mut d) = (0, 0, 0);
    for p in union(periods) {
        // Inclusive: a period from 1 Sep 2014 to 31 Aug 2020 is exactly six years.
        let until = p.to.checked_add_days(Days::new(1)).unwrap_or(p.to);
        let (py, pm, pd) = calendar_difference(p.from, until);
        y += py;
        m += pm;
        d += pd;
    }
    Length::normalised(y, m, d)
}
