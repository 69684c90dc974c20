//! What the front office checks when an application comes in, under the rule set in force on its
//! registration date: the documents of App 2 p.8 (missing, expired), the grounds a reissue may
//! have (Rules p.22), whether an employer and contract are needed (p.17, p.19), and whether the
//! applicant filed within their own term (p.17, p.18, p.22, p.22-1; lateness is flagged, never a
//! refusal: RULES.md §6.7). The store applies these inside its transaction; the window shows
//! what they answer.

use crate::calendar::Calendar;
use crate::ruleset::{Cited, DocumentKind, ReissueGround, RuleSet};
use crate::{deadlines, RulesError, Service};
use chrono::NaiveDate;

/// A document as the front office ticked it: presented or not, and until when it is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presented {
    pub kind: DocumentKind,
    pub present: bool,
    pub valid_until: Option<NaiveDate>,
}

/// The checklist's answer: what is missing, and what was presented but expired before the
/// registration date. Both empty: the application is complete (App 2 p.9, last part).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completeness {
    pub missing: Vec<DocumentKind>,
    pub expired: Vec<DocumentKind>,
}

impl Completeness {
    pub fn complete(&self) -> bool {
        self.missing.is_empty() && self.expired.is_empty()
    }
}

/// App 2 p.8: the checklist of `service` under `rs`, against what was presented.
pub fn completeness(
    rs: &RuleSet,
    service: Service,
    presented: &[Presented],
    registered_on: NaiveDate,
) -> Completeness {
    let required = rs.documents.for_service(service);
    let found = |k: DocumentKind| presented.iter().find(|d| d.kind == k && d.present);
    Completeness {
        missing: required
            .iter()
            .map(|r| r.id)
            .filter(|k| found(*k).is_none())
            .collect(),
        expired: required
            .iter()
            .filter_map(|r| found(r.id))
            .filter(|d| d.valid_until.is_some_and(|u| u < registered_on))
            .map(|d| d.kind)
            .collect(),
    }
}

/// Why an application is refused at intake, by field and reason code (worded per language by the
/// caller's messages: `error-field-<field>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub field: &'static str,
    pub reason: &'static str,
}

/// Rules p.22: a reissue names its ground, one of this version's (a change of employer only from
/// order 426). Returns whether the ground is a change of employer, which needs the new employer
/// and contract (p.19).
pub fn reissue_ground(rs: &RuleSet, ground: Option<ReissueGround>) -> Result<bool, Refused> {
    let ground = ground.ok_or(Refused {
        field: "change_ground",
        reason: "required",
    })?;
    if !rs.reissue.grounds.contains(&ground) {
        return Err(Refused {
            field: "change_ground",
            reason: "not_in_rule_set",
        });
    }
    Ok(ground == ReissueGround::EmployerChange)
}

/// Whether the application needs an employer and contract: an extension always (Rules p.16,
/// p.17), a reissue on a change of employer (p.19, p.22).
pub fn employer_needed(
    rs: &RuleSet,
    service: Service,
    ground: Option<ReissueGround>,
) -> Result<bool, Refused> {
    match service {
        Service::Extend => Ok(true),
        Service::Reissue => reissue_ground(rs, ground),
        Service::Issue | Service::Duplicate => Ok(false),
    }
}

/// The applicant's own term for `service` (none for a first issue).
pub fn filing_term(rs: &RuleSet, service: Service) -> Option<&Cited<u32>> {
    let t = &rs.applicant_terms;
    match service {
        Service::Issue => None,
        Service::Extend => Some(&t.extension_filing),
        Service::Reissue => Some(&t.reissue_filing),
        Service::Duplicate => t.duplicate_filing.as_ref(),
    }
}

/// Whether the application came after the applicant's term counted from `event_on` (the new
/// contract, the change, the loss). Flagged on the case, never a ground to refuse.
pub fn filed_late(
    rs: &RuleSet,
    cal: &Calendar,
    service: Service,
    event_on: Option<NaiveDate>,
    registered_on: NaiveDate,
) -> Result<bool, RulesError> {
    match (filing_term(rs, service), event_on) {
        (Some(t), Some(ev)) => deadlines::is_late(cal, ev, t.value, registered_on),
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSets;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn app_2_p8_names_what_is_missing_and_what_expired_before_registration() {
        let sets = RuleSets::embedded();
        let rs = sets.in_force_on(d("2026-11-02")).unwrap();
        let presented = [
            Presented {
                kind: DocumentKind::Application,
                present: true,
                valid_until: None,
            },
            Presented {
                kind: DocumentKind::IdentityDocument,
                present: true,
                valid_until: Some(d("2026-11-01")),
            },
        ];
        let c = completeness(rs, Service::Issue, &presented, d("2026-11-02"));
        assert_eq!(c.expired, vec![DocumentKind::IdentityDocument]);
        assert!(c.missing.contains(&DocumentKind::EducationTranslation));
        assert!(!c.missing.contains(&DocumentKind::Application));
        assert!(!c.complete());
    }

    #[test]
    fn an_employer_change_is_a_reissue_ground_only_from_order_426() {
        let sets = RuleSets::embedded();
        let before = sets.in_force_on(d("2024-06-03")).unwrap();
        let after = sets.in_force_on(d("2026-11-02")).unwrap();
        let ground = Some(ReissueGround::EmployerChange);
        assert_eq!(
            reissue_ground(before, ground).unwrap_err().reason,
            "not_in_rule_set"
        );
        assert_eq!(reissue_ground(after, ground), Ok(true));
        assert_eq!(
            employer_needed(after, Service::Reissue, Some(ReissueGround::NameChange)),
            Ok(false)
        );
        assert_eq!(employer_needed(before, Service::Extend, None), Ok(true));
        assert_eq!(reissue_ground(after, None).unwrap_err().reason, "required");
    }
}
