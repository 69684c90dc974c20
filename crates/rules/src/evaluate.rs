//! One assessment, as the command line's `evaluate` takes and prints it (PRODUCT.md, "Command-line
//! contract"): registration date, rule set, experience, points, recommendation, refusal grounds,
//! deadlines and the citations behind them.

use crate::deadlines::{self, Progress};
use crate::experience::{self, CountedPeriod, Length, Period};
use crate::points::{self, Education, Points, Recommendation, RefusalGround};
use crate::registration::{self, OfficeHours};
use crate::{Calendar, RuleSetId, RuleSets, RulesError, Service};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The input, as JSON. Unknown fields are refused so a misspelt field is not silently ignored.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub service: String,
    pub received_at: String,
    #[serde(default)]
    pub office_hours: Option<HoursInput>,
    #[serde(default)]
    pub rule_set: Option<String>,
    #[serde(default)]
    pub profession_in_list: Option<bool>,
    #[serde(default)]
    pub qualification_matches: Option<bool>,
    #[serde(default)]
    pub documents_reliable: Option<bool>,
    #[serde(default)]
    pub education: Option<Education>,
    #[serde(default)]
    pub experience: Option<Vec<PeriodInput>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursInput {
    pub open: String,
    pub close: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodInput {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DeadlinesOut {
    pub to_commission: Option<NaiveDate>,
    pub commission_decision: Option<NaiveDate>,
    pub decision: Option<NaiveDate>,
    /// The term of the whole service (App 2 p.3), where the version sets one apart from the
    /// decision's (order 503: decision 5 working days under p.11, service 6 under App 2 p.3).
    /// Left out where it is the decision's own day, so the documented output stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<NaiveDate>,
}

/// The output; field order is the contract's.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Output {
    pub rule_set: RuleSetId,
    pub registered_on: NaiveDate,
    pub experience: Option<Length>,
    /// The periods as counted: each up to the registration date (Rules p.10 subp.2). Issue only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience_periods: Option<Vec<CountedPeriod>>,
    pub points: Option<Points>,
    pub total: Option<u32>,
    pub threshold: u32,
    pub recommendation: Recommendation,
    pub refusal_grounds: Vec<RefusalGround>,
    pub deadlines: DeadlinesOut,
    pub citations: Vec<String>,
}

/// Checked input: every date and choice parsed and valid.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub service: Service,
    pub received_at: chrono::NaiveDateTime,
    pub office_hours: OfficeHours,
    pub rule_set: Option<RuleSetId>,
    pub profession_in_list: bool,
    pub qualification_matches: bool,
    pub documents_reliable: bool,
    pub education: Education,
    pub experience: Vec<Period>,
}

impl Input {
    /// Parses and checks every field. The points part (education, experience, qualification) is
    /// required for `issue`; for the other services it may be left out.
    pub fn check(&self, sets: &RuleSets) -> Result<Assessment, RulesError> {
        let service: Service = self.service.parse()?;
        let received_at = registration::parse_datetime(&self.received_at)?;
        let office_hours = match &self.office_hours {
            Some(h) => OfficeHours::parse(&h.open, &h.close)?,
            None => OfficeHours::default(),
        };
        let rule_set = self.rule_set.as_deref().map(|r| sets.id(r)).transpose()?;
        let issue = service == Service::Issue;
        let required = |v: Option<bool>, name: &'static str| match v {
            Some(b) => Ok(b),
            None if issue => Err(RulesError::MissingField(name)),
            None => Ok(true),
        };
        let profession_in_list = required(self.profession_in_list, "profession_in_list")?;
        let qualification_matches = required(self.qualification_matches, "qualification_matches")?;
        let documents_reliable = required(self.documents_reliable, "documents_reliable")?;
        let education = match self.education {
            Some(e) => e,
            None if issue => return Err(RulesError::MissingField("education")),
            None => Education::default(),
        };
        let experience = match &self.experience {
            Some(list) => list
                .iter()
                .map(|p| {
                    Period::new(
                        registration::parse_date(&p.from)?,
                        registration::parse_date(&p.to)?,
                    )
                })
                .collect::<Result<Vec<_>, _>>()?,
            None if issue => return Err(RulesError::MissingField("experience")),
            None => Vec::new(),
        };
        Ok(Assessment {
            service,
            received_at,
            office_hours,
            rule_set,
            profession_in_list,
            qualification_matches,
            documents_reliable,
            education,
            experience,
        })
    }
}

/// What the Commission finds about one applicant.
#[derive(Debug, Clone)]
pub struct Findings<'a> {
    pub profession_in_list: bool,
    pub qualification_matches: bool,
    pub documents_reliable: bool,
    pub education: Education,
    pub periods: &'a [Period],
    /// Work is counted up to this day (Rules p.10 subp.2; RULES.md §6.1).
    pub registered_on: NaiveDate,
}

/// The computed part of an assessment: points (issue only), recommendation and refusal grounds.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AssessmentResult {
    /// The periods as counted and the totals (customary and calendar).
    pub count: Option<experience::Count>,
    pub experience: Option<Length>,
    pub points: Option<Points>,
    pub total: Option<u32>,
    pub threshold: u32,
    pub recommendation: Recommendation,
    pub refusal_grounds: Vec<RefusalGround>,
}

/// The Commission's computation under a rule set (Rules p.10; App 2 p.9; RULES.md §6.1-6.3).
/// Refused when a period begins after the registration date.
pub fn assess(
    rs: &crate::RuleSet,
    service: Service,
    f: &Findings<'_>,
    citations: &mut Vec<String>,
) -> Result<AssessmentResult, RulesError> {
    let mut grounds = Vec::new();
    // App 2 p.9 sub.1: the profession must be in the list and the qualification must match it.
    if !(f.profession_in_list && f.qualification_matches) {
        grounds.push(RefusalGround::QualificationMismatch);
        citations.push(format!("{}: {}", rs.id, rs.cites.qualification_mismatch));
    }
    let (count, pts, total) = if service == Service::Issue {
        // Rules p.10 subp.2: work done, so counted up to the registration date.
        let count = experience::count_until(f.periods, f.registered_on)?;
        let p = points::score(rs, &f.education, &count.total, citations);
        let total = p.total();
        if !points::reaches_threshold(rs, total) {
            grounds.push(RefusalGround::BelowThreshold);
            citations.push(format!("{}: {}", rs.id, rs.threshold.cite));
        }
        (Some(count), Some(p), Some(total))
    } else {
        (None, None, None)
    };
    if !f.documents_reliable {
        grounds.push(RefusalGround::UnreliableDocuments);
        citations.push(format!("{}: {}", rs.id, rs.cites.unreliable_documents));
    }
    let recommendation = if grounds.is_empty() {
        Recommendation::Issue
    } else {
        Recommendation::Refuse
    };
    Ok(AssessmentResult {
        experience: count.as_ref().map(|c| c.total),
        count,
        points: pts,
        total,
        threshold: rs.threshold.points,
        recommendation,
        refusal_grounds: grounds,
    })
}

/// Evaluates one checked assessment.
pub fn evaluate(sets: &RuleSets, cal: &Calendar, a: &Assessment) -> Result<Output, RulesError> {
    let registered_on = registration::registration_date(cal, a.received_at, &a.office_hours)?;
    let rs = match &a.rule_set {
        Some(id) => sets.get(id),
        None => sets.in_force_on(registered_on)?,
    };
    let mut citations = vec![format!("{}: {}", rs.id, rs.cites.registration)];
    citations.push(format!(
        "{}: {} (effective {}{})",
        rs.id,
        rs.order,
        rs.effective_from,
        if rs.effective_from_assumed {
            ", assumed"
        } else {
            ""
        }
    ));

    let result = assess(
        rs,
        a.service,
        &Findings {
            profession_in_list: a.profession_in_list,
            qualification_matches: a.qualification_matches,
            documents_reliable: a.documents_reliable,
            education: a.education,
            periods: &a.experience,
            registered_on,
        },
        &mut citations,
    )?;
    let experience_periods = result.count.as_ref().map(|c| c.periods.clone());
    let (experience, pts, total, recommendation, grounds) = (
        result.experience,
        result.points,
        result.total,
        result.recommendation,
        result.refusal_grounds,
    );

    let d = deadlines::deadlines(
        cal,
        rs,
        a.service,
        registered_on,
        Progress::default(),
        &mut citations,
    )?;
    // The term the certificate would have, when it is issued (Rules p.15, p.16, p.22, p.22-1).
    if recommendation == Recommendation::Issue {
        let v = &rs.validity;
        let cite = match a.service {
            Service::Issue => &v.issue_cite,
            Service::Extend => &v.extension_cite,
            Service::Reissue => &rs.reissue.cite,
            Service::Duplicate => &v.duplicate_cite,
        };
        citations.push(format!("{}: {}", rs.id, cite));
    }
    Ok(Output {
        rule_set: rs.id.clone(),
        registered_on,
        experience,
        experience_periods,
        points: pts,
        total,
        threshold: rs.threshold.points,
        recommendation,
        refusal_grounds: grounds,
        deadlines: DeadlinesOut {
            to_commission: d.to_commission,
            commission_decision: d.commission_decision,
            decision: Some(d.decision),
            service: d.service,
        },
        citations,
    })
}

/// Parses, checks and evaluates JSON text.
pub fn evaluate_json(sets: &RuleSets, cal: &Calendar, json: &str) -> Result<Output, EvaluateError> {
    let input: Input = serde_json::from_str(json).map_err(|e| EvaluateError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let a = input.check(sets)?;
    Ok(evaluate(sets, cal, &a)?)
}

#[derive(Debug, thiserror::Error)]
pub enum EvaluateError {
    #[error("malformed JSON at line {line}, column {column}: {detail}")]
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error(transparent)]
    Rules(#[from] RulesError),
}

/// Helper for callers that want the date alone.
pub fn registered_on(
    cal: &Calendar,
    received_at: &str,
    hours: &OfficeHours,
) -> Result<NaiveDate, RulesError> {
    registration::registration_date(cal, registration::parse_datetime(received_at)?, hours)
}
