//! The versions of the Rules as data (RULES.md §5).
//!
//! Each version is a TOML file in `assets/rulesets/` with its effective date, threshold, points,
//! experience brackets and terms, every value with its citation. A case is judged by the version in
//! force on its registration date. A new amendment is a new file, not a code change.

use crate::{RulesError, Service};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The rule sets' folder, embedded whole at build time: every `*.toml` in it is a version of the
/// Rules. A new amendment is a new file; nothing here lists them.
static FOLDER: include_dir::Dir<'_> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/../../assets/rulesets");

/// The rule set files found in the folder: (file name, content), in name order.
pub fn shipped_files() -> Vec<(String, String)> {
    crate::toml_files(&FOLDER, &[])
}

/// The id of a rule set, e.g. `order-426-2026`. Only ids of loaded rule sets can be made, through
/// [`RuleSets::id`], so holding one means the rule set exists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(transparent)]
pub struct RuleSetId(String);

impl RuleSetId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleSetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value of the law with the paragraph it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Cited<T> {
    #[serde(alias = "points", alias = "days")]
    pub value: T,
    pub cite: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Threshold {
    pub points: u32,
    pub cite: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct EducationPoints {
    pub higher_education: Cited<u32>,
    pub academic_degree: Cited<u32>,
    pub english_teaching_certificate: Cited<u32>,
}

/// Points for completed years of experience in `[from_years, to_years)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExperienceBracket {
    pub from_years: u32,
    pub to_years: Option<u32>,
    pub points: u32,
    pub cite: String,
}

impl ExperienceBracket {
    fn contains(&self, years: u32) -> bool {
        years >= self.from_years && self.to_years.is_none_or(|to| years < to)
    }
}

/// Terms of the local executive body in working days. A term the version does not have is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Terms {
    pub to_commission: Cited<u32>,
    pub commission_decision: Option<Cited<u32>>,
    pub decision_issue: Cited<u32>,
    pub decision_extend: Cited<u32>,
    pub decision_reissue: Cited<u32>,
    pub decision_duplicate: Cited<u32>,
    pub complaint_forward: Option<Cited<u32>>,
    pub complaint_review_leb: Cited<u32>,
    pub complaint_review_quality_body: Cited<u32>,
    /// The whole issue service (App 2 p.3), where it differs from the decision's term.
    #[serde(default)]
    pub service_issue: Option<Cited<u32>>,
}

/// Terms of the applicant in working days (lateness is flagged, never a refusal: RULES.md §6.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ApplicantTerms {
    pub extension_filing: Cited<u32>,
    pub employer_change_notice: Cited<u32>,
    pub termination_notice: Cited<u32>,
    pub reissue_filing: Cited<u32>,
    pub duplicate_filing: Option<Cited<u32>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ValidityRules {
    pub issue_max_months: u32,
    pub issue_cite: String,
    pub extension_max_years: u32,
    pub extension_cite: String,
    pub duplicate_cite: String,
}

/// Why a certificate may be reissued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ReissueGround {
    NameChange,
    IdentityDocumentChange,
    EmployerChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
/// Rules p.22: the grounds of a reissue (a new number is always assigned); p.19: what a change of
/// employer leads to, in words (under order 426 a reissue: `grounds` then has `employer_change`).
pub struct ReissueRules {
    pub grounds: Vec<ReissueGround>,
    pub cite: String,
    pub employer_change_cite: String,
}

/// The grounds and steps an evaluation cites, as this version words them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Cites {
    /// App 2 p.7: when an application counts as received.
    pub registration: String,
    /// App 2 p.9 subp.1.
    pub qualification_mismatch: String,
    /// App 2 p.9 subp.3.
    pub unreliable_documents: String,
}

/// A kind of document in the checklist of App 2 p.8; its name is the message `doc-<id>`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Application,
    IdentityDocument,
    EducationTranslation,
    WorkHistory,
    PreviousCertificate,
    EmploymentContract,
    ChangeDocument,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::Application,
        DocumentKind::IdentityDocument,
        DocumentKind::EducationTranslation,
        DocumentKind::WorkHistory,
        DocumentKind::PreviousCertificate,
        DocumentKind::EmploymentContract,
        DocumentKind::ChangeDocument,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Application => "application",
            DocumentKind::IdentityDocument => "identity_document",
            DocumentKind::EducationTranslation => "education_translation",
            DocumentKind::WorkHistory => "work_history",
            DocumentKind::PreviousCertificate => "previous_certificate",
            DocumentKind::EmploymentContract => "employment_contract",
            DocumentKind::ChangeDocument => "change_document",
        }
    }

    pub fn parse(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RequiredDocument {
    pub id: DocumentKind,
    pub cite: String,
}

/// The checklist of App 2 p.8 for each service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Documents {
    pub issue: Vec<RequiredDocument>,
    pub extend: Vec<RequiredDocument>,
    pub reissue: Vec<RequiredDocument>,
    pub duplicate: Vec<RequiredDocument>,
    pub refuse_acceptance_cite: String,
}

impl Documents {
    pub fn for_service(&self, service: Service) -> &[RequiredDocument] {
        match service {
            Service::Issue => &self.issue,
            Service::Extend => &self.extend,
            Service::Reissue => &self.reissue,
            Service::Duplicate => &self.duplicate,
        }
    }
}

/// One version of the Rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RuleSet {
    #[serde(skip_deserializing, default = "placeholder_id")]
    pub id: RuleSetId,
    pub order: String,
    pub effective_from: NaiveDate,
    /// True while the date is the project's assumption (order 426: publication date unknown).
    pub effective_from_assumed: bool,
    pub effective_from_cite: String,
    pub cites: Cites,
    pub threshold: Threshold,
    pub points: EducationPoints,
    pub experience: Vec<ExperienceBracket>,
    pub terms: Terms,
    pub applicant_terms: ApplicantTerms,
    pub validity: ValidityRules,
    pub reissue: ReissueRules,
    pub documents: Documents,
}

fn placeholder_id() -> RuleSetId {
    RuleSetId(String::new())
}

#[derive(Deserialize)]
struct RuleSetFile {
    id: String,
    #[serde(flatten)]
    rule_set: RuleSet,
}

impl RuleSet {
    /// The experience bracket for completed years, if any earns points.
    pub fn experience_bracket(&self, completed_years: u32) -> Option<&ExperienceBracket> {
        self.experience.iter().find(|b| b.contains(completed_years))
    }

    /// The LEB's term for its decision on a service.
    pub fn decision_term(&self, service: Service) -> &Cited<u32> {
        match service {
            Service::Issue => &self.terms.decision_issue,
            Service::Extend => &self.terms.decision_extend,
            Service::Reissue => &self.terms.decision_reissue,
            Service::Duplicate => &self.terms.decision_duplicate,
        }
    }
}

/// All rule sets known to the program, ordered by effective date.
#[derive(Debug, Clone)]
pub struct RuleSets {
    sets: Vec<RuleSet>,
}

impl RuleSets {
    /// The rule sets shipped with the program.
    pub fn embedded() -> RuleSets {
        RuleSets::from_files(shipped_files())
            .expect("embedded rule sets are valid (checked by tests)")
    }

    /// Rule sets from TOML texts (file name, content); checks that the data hangs together.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<RuleSets, RulesError> {
        let mut sets = Vec::new();
        for (name, text) in files {
            let data = |detail: String| RulesError::Data {
                file: name.clone(),
                detail,
            };
            let file: RuleSetFile = toml::from_str(&text).map_err(|e| data(e.to_string()))?;
            let mut set = file.rule_set;
            set.id = RuleSetId(file.id);
            check_brackets(&set.experience).map_err(data)?;
            sets.push(set);
        }
        sets.sort_by_key(|s| s.effective_from);
        for pair in sets.windows(2) {
            if pair[0].effective_from == pair[1].effective_from {
                return Err(RulesError::Data {
                    file: pair[1].id.to_string(),
                    detail: format!("same effective date as {}", pair[0].id),
                });
            }
        }
        Ok(RuleSets { sets })
    }

    /// Sets the effective date of a rule set, as an administrator confirms it (order 426: the
    /// publication date). The date is then no longer an assumption.
    pub fn confirm_effective_from(
        &mut self,
        id: &RuleSetId,
        date: NaiveDate,
    ) -> Result<(), RulesError> {
        let set = self
            .sets
            .iter_mut()
            .find(|s| &s.id == id)
            .ok_or_else(|| RulesError::UnknownRuleSet(id.to_string()))?;
        set.effective_from = date;
        set.effective_from_assumed = false;
        self.sets.sort_by_key(|s| s.effective_from);
        Ok(())
    }

    pub fn all(&self) -> &[RuleSet] {
        &self.sets
    }

    /// The id for a name, if such a rule set is loaded.
    pub fn id(&self, name: &str) -> Result<RuleSetId, RulesError> {
        self.sets
            .iter()
            .find(|s| s.id.as_str() == name)
            .map(|s| s.id.clone())
            .ok_or_else(|| RulesError::UnknownRuleSet(name.to_string()))
    }

    pub fn get(&self, id: &RuleSetId) -> &RuleSet {
        self.sets
            .iter()
            .find(|s| &s.id == id)
            .expect("a RuleSetId is only made for a loaded rule set")
    }

    /// The version in force on a date: the latest whose effective date is on or before it
    /// (RULES.md §5: a case is judged by the version in force on its registration date).
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&RuleSet, RulesError> {
        self.sets
            .iter()
            .rev()
            .find(|s| s.effective_from <= date)
            .ok_or(RulesError::NoRuleSetInForce(date))
    }
}

/// Brackets must be ordered and must not overlap, or a number of years would score twice.
fn check_brackets(brackets: &[ExperienceBracket]) -> Result<(), String> {
    for pair in brackets.windows(2) {
        match pair[0].to_years {
            Some(to) if to <= pair[1].from_years => {}
            _ => {
                return Err(format!(
                    "experience brackets overlap or are out of order at {} years",
                    pair[1].from_years
                ))
            }
        }
    }
    for b in brackets {
        if b.to_years.is_some_and(|to| to <= b.from_years) {
            return Err(format!(
                "empty experience bracket from {} years",
                b.from_years
            ));
        }
    }
    Ok(())
}
