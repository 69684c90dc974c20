//! How long a certificate is valid (Rules p.15-16, p.22, p.22-1; RULES.md §4, §6.5-6.6).

use crate::{RuleSet, RulesError};
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// Validity from the decision date to an end date, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Validity {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The latest end of an issued certificate: the same day number three months after the decision,
/// or the last day of that month where the day does not exist (Rules p.15; RULES.md §6.5).
pub fn issue_latest_end(rs: &RuleSet, decided_on: NaiveDate) -> NaiveDate {
    decided_on
        .checked_add_months(Months::new(rs.validity.issue_max_months))
        .expect("date in range")
}

/// An issued certificate's validity. The official may choose an earlier end, never a later one.
pub fn issue(
    rs: &RuleSet,
    decided_on: NaiveDate,
    chosen_end: Option<NaiveDate>,
) -> Result<Validity, RulesError> {
    let latest = issue_latest_end(rs, decided_on);
    let to = chosen_end.unwrap_or(latest);
    check_end(decided_on, to, latest)?;
    Ok(Validity {
        from: decided_on,
        to,
    })
}

/// An extension: from the extension decision to the earlier of the contract's end and the decision
/// date plus three years (Rules p.16; RULES.md §6.5).
pub fn extension(
    rs: &RuleSet,
    decided_on: NaiveDate,
    contract_end: NaiveDate,
) -> Result<Validity, RulesError> {
    let cap = decided_on
        .checked_add_months(Months::new(rs.validity.extension_max_years * 12))
        .expect("date in range");
    let to = contract_end.min(cap);
    if to < decided_on {
        return Err(RulesError::EndBeforeStart {
            start: decided_on,
            end: contract_end,
        });
    }
    Ok(Validity {
        from: decided_on,
        to,
    })
}

/// A reissued certificate: a new number, valid from the reissue decision to the original's end
/// (Rules p.22; RULES.md §6.6). The original is superseded from the same day. On a change of
/// employer (Rules p.19, p.22 as amended by order 426) the validity follows the new employment
/// contract (p.16), so it ends on the earlier of the original's end and the new contract's end. A
/// reissue never lengthens the term: that is an extension (p.16-17).
pub fn reissue(
    decided_on: NaiveDate,
    original: Validity,
    new_contract_end: Option<NaiveDate>,
) -> Result<Validity, RulesError> {
    let to = match new_contract_end {
        Some(end) => end.min(original.to),
        None => original.to,
    };
    check_end(decided_on, to, original.to)?;
    Ok(Validity {
        from: decided_on,
        to,
    })
}

/// A duplicate keeps the number and the original's end date; the original is invalid from the day
/// the duplicate was applied for (Rules p.22-1; RULES.md §6.6).
pub struct DuplicateOutcome {
    pub duplicate: Validity,
    pub original_invalid_from: NaiveDate,
}

pub fn duplicate(
    applied_on: NaiveDate,
    decided_on: NaiveDate,
    original: Validity,
) -> Result<DuplicateOutcome, RulesError> {
    check_end(decided_on, original.to, original.to)?;
    Ok(DuplicateOutcome {
        duplicate: Validity {
            from: decided_on,
            to: original.to,
        },
        original_invalid_from: applied_on,
    })
}

fn check_end(start: NaiveDate, end: NaiveDate, latest: NaiveDate) -> Result<(), RulesError> {
    if end < start {
        return Err(RulesError::EndBeforeStart { start, end });
    }
    if end > latest {
        return Err(RulesError::EndAfterLatest { end, latest });
    }
    Ok(())
}
