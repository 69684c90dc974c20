//! Deadlines of the local executive body in working days (RULES.md §2, §6.4, §6.8).
//!
//! Each deadline is the N-th working day after the day it counts from. The Commission's term counts
//! from the day the documents were actually sent to it; before they are sent, from the last day
//! allowed for sending them (RULES.md §6.8).

use crate::{Calendar, RuleSet, RulesError, Service};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Deadlines {
    /// Documents to the Commission (Rules p.7): issue only.
    pub to_commission: Option<NaiveDate>,
    /// The Commission's decision (Rules p.9 as amended by order 426): issue only, where the version has it.
    pub commission_decision: Option<NaiveDate>,
    /// The LEB's decision (Rules p.11, p.16, p.22, p.22-1; App 2 p.3).
    pub decision: NaiveDate,
    /// The whole service (App 2 p.3), issue only, where the version sets it apart from the decision.
    pub service: Option<NaiveDate>,
}

/// What has happened so far on a case, to count from actual dates (RULES.md §6.8).
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub sent_to_commission_on: Option<NaiveDate>,
}

pub fn deadlines(
    cal: &Calendar,
    rs: &RuleSet,
    service: Service,
    registered_on: NaiveDate,
    progress: Progress,
    cites: &mut Vec<String>,
) -> Result<Deadlines, RulesError> {
    let decision_term = rs.decision_term(service);
    cites.push(format!("{}: {}", rs.id, decision_term.cite));
    let decision = cal.add_working_days(registered_on, decision_term.value)?;
    if service != Service::Issue {
        return Ok(Deadlines {
            to_commission: None,
            commission_decision: None,
            decision,
            service: None,
        });
    }
    let to_commission = cal.add_working_days(registered_on, rs.terms.to_commission.value)?;
    cites.push(format!("{}: {}", rs.id, rs.terms.to_commission.cite));
    let commission_decision = match &rs.terms.commission_decision {
        Some(term) => {
            cites.push(format!("{}: {}", rs.id, term.cite));
            let from = progress.sent_to_commission_on.unwrap_or(to_commission);
            Some(cal.add_working_days(from, term.value)?)
        }
        None => None,
    };
    // Order 503: the decision within 5 working days (p.11), the service within 6 (App 2 p.3).
    let service = match &rs.terms.service_issue {
        Some(term) if term.value != decision_term.value => {
            cites.push(format!("{}: {}", rs.id, term.cite));
            Some(cal.add_working_days(registered_on, term.value)?)
        }
        _ => None,
    };
    Ok(Deadlines {
        to_commission: Some(to_commission),
        commission_decision,
        decision,
        service,
    })
}

/// The last day for an applicant's own step (filing an extension, a notice), `days` working days
/// after the event; and whether a filing on `filed_on` is late (flagged only: RULES.md §6.7).
pub fn applicant_due(
    cal: &Calendar,
    event_on: NaiveDate,
    days: u32,
) -> Result<NaiveDate, RulesError> {
    cal.add_working_days(event_on, days)
}

pub fn is_late(
    cal: &Calendar,
    event_on: NaiveDate,
    days: u32,
    filed_on: NaiveDate,
) -> Result<bool, RulesError> {
    Ok(filed_on > applicant_due(cal, event_on, days)?)
}
