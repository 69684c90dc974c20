//! Length of relevant work experience (Rules p.10 sub.2; RULES.md §6.1).
//!
//! The periods the Commission accepts are united (an overlap counts once, adjacent periods join),
//! each period is counted inclusively as calendar years, months and days, the parts are summed, and
//! the sum is normalised with 30 days = 1 month and 12 months = 1 year — the customary method of
//! counting length of service. Points go by **completed** years.
//!
//! Only work done counts (Rules p.10 subp.2; App 2 p.8: the documents confirm work history): a
//! period is counted up to the registration date inclusive, the part after it is dropped, and a
//! period that begins after it is an input error (RULES.md §6.1).

use crate::RulesError;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period of work, both ends included. Can only be made with `from <= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ts_rs::TS)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

/// No date of a person's work or life before this is taken as real: an earlier one is a typing
/// error (a year 1850 would otherwise earn points).
pub fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date")
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, RulesError> {
        for d in [from, to] {
            if d < earliest_date() {
                return Err(RulesError::DateTooEarly(d, earliest_date()));
            }
        }
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
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    ts_rs::TS,
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

/// One period as the Commission counts it: as presented, and up to the registration date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CountedPeriod {
    pub from: NaiveDate,
    /// The end as presented (it may lie after the registration date).
    pub to: NaiveDate,
    /// The last day counted: `to`, or the registration date when `to` is later.
    pub counted_to: NaiveDate,
    /// Calendar years, months and days of this period as counted (inclusive).
    pub length: Length,
}

/// The experience the points are based on, with the periods behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Count {
    pub periods: Vec<CountedPeriod>,
    /// The customary sum (30 days = 1 month, 12 months = 1 year) of the union: what is scored.
    pub total: Length,
    /// Days in the union of the periods, both ends included.
    pub days: u32,
    /// The same days as calendar years, months and days (laid end to end from the first day), so
    /// that a Commission member sees where the customary figure differs from the calendar.
    pub calendar: Length,
}

/// Counts the periods up to `registered_on` (Rules p.10 subp.2; RULES.md §6.1): the part of a period
/// after the registration date is dropped; a period that begins after it is refused.
pub fn count_until(periods: &[Period], registered_on: NaiveDate) -> Result<Count, RulesError> {
    let mut counted = Vec::with_capacity(periods.len());
    let mut clipped = Vec::with_capacity(periods.len());
    for p in periods {
        if p.from > registered_on {
            return Err(RulesError::PeriodAfterRegistration {
                from: p.from,
                registered_on,
            });
        }
        let q = Period {
            from: p.from,
            to: p.to.min(registered_on),
        };
        counted.push(CountedPeriod {
            from: p.from,
            to: p.to,
            counted_to: q.to,
            length: total(&[q]),
        });
        clipped.push(q);
    }
    let union = union(&clipped);
    let days: u32 = union
        .iter()
        .map(|p| (p.to - p.from).num_days() as u32 + 1)
        .sum();
    let calendar = match union.first() {
        Some(first) => {
            let until = first
                .from
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(first.from);
            let (y, m, d) = calendar_difference(first.from, until);
            Length {
                years: y,
                months: m,
                days: d,
            }
        }
        None => Length::default(),
    };
    Ok(Count {
        periods: counted,
        total: total(&clipped),
        days,
        calendar,
    })
}

/// Total relevant experience of periods already counted (RULES.md §6.1).
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
