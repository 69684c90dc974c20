//! The Commission's points (Rules p.10), threshold and refusal grounds (App 2 p.9; RULES.md §6.2-6.3).

use crate::experience::Length as Experience;
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};

/// What the Commission accepts about education.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub higher: bool,
    pub academic_degree: bool,
    pub english_teaching_certificate: bool,
}

/// Points per criterion; they add up (the text has no "or": RULES.md §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Points {
    pub higher_education: u32,
    pub academic_degree: u32,
    pub english_teaching_certificate: u32,
    pub experience: u32,
}

impl Points {
    pub fn total(&self) -> u32 {
        self.higher_education
            + self.academic_degree
            + self.english_teaching_certificate
            + self.experience
    }
}

/// A ground for refusing the service (App 2 p.9).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Sub.1: qualification or education does not meet the requirements of a profession in the list.
    QualificationMismatch,
    /// Sub.2: the assessment does not reach the threshold.
    BelowThreshold,
    /// Sub.3: documents or the data in them are unreliable.
    UnreliableDocuments,
}

impl RefusalGround {
    pub const ALL: [RefusalGround; 3] = [
        RefusalGround::QualificationMismatch,
        RefusalGround::BelowThreshold,
        RefusalGround::UnreliableDocuments,
    ];

    /// Its subparagraph of App 2 p.9.
    pub fn subparagraph(self) -> u32 {
        match self {
            RefusalGround::QualificationMismatch => 1,
            RefusalGround::BelowThreshold => 2,
            RefusalGround::UnreliableDocuments => 3,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RefusalGround::QualificationMismatch => "qualification_mismatch",
            RefusalGround::BelowThreshold => "below_threshold",
            RefusalGround::UnreliableDocuments => "unreliable_documents",
        }
    }

    pub fn parse(s: &str) -> Option<RefusalGround> {
        RefusalGround::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// Whether the ground can stand in a refusal of this service: the threshold (subp.2) is the
    /// points of a first issue; extension, reissue and duplicate have no points (App 2 p.9).
    pub fn applies_to(self, service: crate::Service) -> bool {
        self != RefusalGround::BelowThreshold || service == crate::Service::Issue
    }
}

/// "1, 3": the subparagraphs of App 2 p.9 of some grounds, for messages in any language.
pub fn subparagraphs(grounds: &[RefusalGround]) -> String {
    let mut n: Vec<u32> = grounds.iter().map(|g| g.subparagraph()).collect();
    n.sort_unstable();
    n.dedup();
    n.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    Issue,
    Refuse,
}

/// Points under a rule set, with the citation of every value that earned something.
pub fn score(
    rs: &RuleSet,
    education: &Education,
    experience: &Experience,
    cites: &mut Vec<String>,
) -> Points {
    let mut take = |met: bool, value: u32, cite: &str| {
        if met {
            cites.push(format!("{}: {}", rs.id, cite));
            value
        } else {
            0
        }
    };
    let p = &rs.points;
    let higher_education = take(
        education.higher,
        p.higher_education.value,
        &p.higher_education.cite,
    );
    let academic_degree = take(
        education.academic_degree,
        p.academic_degree.value,
        &p.academic_degree.cite,
    );
    let english_teaching_certificate = take(
        education.english_teaching_certificate,
        p.english_teaching_certificate.value,
        &p.english_teaching_certificate.cite,
    );
    // Rules p.10 sub.2 on completed years (RULES.md §6.1).
    let experience = match rs.experience_bracket(experience.years) {
        Some(b) => take(true, b.points, &b.cite),
        None => 0,
    };
    Points {
        higher_education,
        academic_degree,
        english_teaching_certificate,
        experience,
    }
}

/// Pass is total >= threshold: "not reaching the threshold" is the refusal ground (RULES.md §6.3).
pub fn reaches_threshold(rs: &RuleSet, total: u32) -> bool {
    total >= rs.threshold.points
}
