//! The types of the case store. Identifiers and numbers are their own types, and every status is an
//! enum, so a wrong state cannot be written.

use anyqtama_rules::Service;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            Serialize,
            Deserialize,
            ts_rs::TS,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}
id_type!(UserId);
id_type!(ApplicantId);
id_type!(CaseId);
id_type!(CertificateId);
id_type!(SittingId);
id_type!(MemberId);
id_type!(ComplaintId);
id_type!(NotificationId);

/// A certificate's number as printed, made by the office's numbering pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(transparent)]
pub struct CertificateNumber(pub(crate) String);

impl rusqlite::types::FromSql for CertificateNumber {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        String::column_result(v).map(CertificateNumber)
    }
}

impl CertificateNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
impl fmt::Display for CertificateNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }
        /// Read from its column: a value the program does not know is an error, not a default.
        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("{} {s:?}", stringify!($name)).into()))
            }
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $s),+ } }
            pub fn parse(s: &str) -> Option<$name> { match s { $($s => Some($name::$variant),)+ _ => None } }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

str_enum!(
    /// What a user may do is decided by role (PRODUCT.md, "Users").
    Role { Registrar = "registrar", Secretary = "secretary", Head = "head", Admin = "admin" }
);

str_enum!(
    /// Where a case stands. `issue` goes registered -> sent_to_commission -> assessed -> issued |
    /// refused; the other services go registered -> issued | refused. `not_accepted` is the refusal to
    /// accept an incomplete application (App 2 p.9).
    CaseStatus {
        Registered = "registered",
        NotAccepted = "not_accepted",
        SentToCommission = "sent_to_commission",
        Assessed = "assessed",
        Issued = "issued",
        Refused = "refused",
    }
);

str_enum!(
    /// A certificate's stored status; "expired" is not stored but follows from `valid_to` and the date.
    CertificateStatus { Valid = "valid", Superseded = "superseded", Revoked = "revoked", Replaced = "replaced" }
);

str_enum!(
    /// A certificate's status as shown on a day: the stored one, or "expired" once a valid
    /// certificate's end has passed.
    ShownStatus {
        Valid = "valid",
        Expired = "expired",
        Superseded = "superseded",
        Revoked = "revoked",
        Replaced = "replaced",
    }
);

impl ShownStatus {
    /// The stored status as of `today`.
    pub fn on(stored: CertificateStatus, valid_to: NaiveDate, today: NaiveDate) -> ShownStatus {
        match stored {
            CertificateStatus::Valid if valid_to < today => ShownStatus::Expired,
            CertificateStatus::Valid => ShownStatus::Valid,
            CertificateStatus::Superseded => ShownStatus::Superseded,
            CertificateStatus::Revoked => ShownStatus::Revoked,
            CertificateStatus::Replaced => ShownStatus::Replaced,
        }
    }
}

str_enum!(
    /// Notices the holder must send (Rules p.18, p.20).
    NotificationKind { EmployerChange = "employer_change", ContractTermination = "contract_termination" }
);

str_enum!(
    /// Where a complaint was filed (Rules ch.3).
    ComplaintAddressee { Leb = "leb", QualityBody = "quality_body" }
);

str_enum!(
    ComplaintStatus { Open = "open", Satisfied = "satisfied", Forwarded = "forwarded", Rejected = "rejected" }
);

str_enum!(Outcome { Issue = "issue", Refuse = "refuse" });

pub fn service_str(s: Service) -> &'static str {
    s.as_str()
}

/// Office details, in three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Office {
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub region_kk: String,
    pub region_ru: String,
    pub region_en: String,
    pub address: String,
}

/// A person applying: names in the passport's Latin spelling and in Cyrillic (and the native script
/// where the passport has one), passport data, citizenship and contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
pub struct ApplicantData {
    pub surname_latin: String,
    pub given_names_latin: String,
    #[serde(default)]
    pub surname_cyrillic: String,
    #[serde(default)]
    pub given_names_cyrillic: String,
    #[serde(default)]
    pub patronymic: String,
    #[serde(default)]
    pub name_native: String,
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// ISO 3166 alpha-3; `XXA` for a stateless person.
    pub citizenship: String,
    pub passport_number: String,
    #[serde(default)]
    pub passport_issued_on: Option<NaiveDate>,
    #[serde(default)]
    pub passport_issuer: String,
    #[serde(default)]
    pub iin: Option<String>,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address_kz: String,
    #[serde(default)]
    pub residence_address: String,
    #[serde(default)]
    pub residence_phone: String,
}

impl ApplicantData {
    /// "SURNAME Given Names" in the passport's spelling.
    pub fn full_name_latin(&self) -> String {
        format!("{} {}", self.surname_latin, self.given_names_latin)
            .trim()
            .to_string()
    }
}

/// One document of the checklist as the registrar found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DocumentCheck {
    pub kind: anyqtama_rules::ruleset::DocumentKind,
    pub present: bool,
    /// Where a document has a validity (a passport, a contract): its last day.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

/// The employer block of an extension or an employer-change reissue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Employer {
    pub name: String,
    /// BIN or IIN, checked.
    pub bin: String,
    pub contract_from: NaiveDate,
    pub contract_to: NaiveDate,
}

/// A new application.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct NewApplication {
    pub kind: Service,
    /// An applicant already on file, or a new one.
    pub applicant: ApplicantRef,
    pub received_at: NaiveDateTime,
    /// Profession id from the list of order 236 (e.g. `o236.3.1.2`).
    pub profession_id: String,
    pub documents: Vec<DocumentCheck>,
    /// Extend, reissue, duplicate: the certificate concerned.
    #[serde(default)]
    pub certificate: Option<CertificateId>,
    #[serde(default)]
    pub employer: Option<Employer>,
    /// Reissue: why.
    #[serde(default)]
    pub change_ground: Option<anyqtama_rules::ruleset::ReissueGround>,
    /// The day the applicant's 5 working days run from: the contract (extension), the change
    /// (reissue), the loss or damage (duplicate).
    #[serde(default)]
    pub event_on: Option<NaiveDate>,
}

// A form's value, made once an application: boxing the new applicant's data would only change
// every place that builds one.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantRef {
    Existing(ApplicantId),
    New(ApplicantData),
}

/// What the Commission accepts for one applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssessmentInput {
    pub profession_in_list: bool,
    pub qualification_matches: bool,
    pub documents_reliable: bool,
    pub education: anyqtama_rules::points::Education,
    pub periods: Vec<(NaiveDate, NaiveDate)>,
}

impl AssessmentInput {
    /// The accepted periods as the rules' type (each checked: from <= to, nothing before 1900).
    pub fn periods(
        &self,
    ) -> Result<Vec<anyqtama_rules::experience::Period>, anyqtama_rules::RulesError> {
        self.periods
            .iter()
            .map(|(f, t)| anyqtama_rules::experience::Period::new(*f, *t))
            .collect()
    }

    /// The Commission's computation for these findings under a rule set (Rules p.10; App 2 p.9).
    /// Work is counted up to `registered_on` (Rules p.10 subp.2).
    pub fn assess(
        &self,
        rs: &anyqtama_rules::RuleSet,
        kind: anyqtama_rules::Service,
        registered_on: NaiveDate,
        cites: &mut Vec<String>,
    ) -> Result<anyqtama_rules::evaluate::AssessmentResult, anyqtama_rules::RulesError> {
        let periods = self.periods()?;
        let findings = anyqtama_rules::evaluate::Findings {
            profession_in_list: self.profession_in_list,
            qualification_matches: self.qualification_matches,
            documents_reliable: self.documents_reliable,
            education: self.education,
            periods: &periods,
            registered_on,
        };
        anyqtama_rules::evaluate::assess(rs, kind, &findings, cites)
    }
}

impl From<anyqtama_rules::points::Recommendation> for Outcome {
    fn from(r: anyqtama_rules::points::Recommendation) -> Outcome {
        match r {
            anyqtama_rules::points::Recommendation::Issue => Outcome::Issue,
            anyqtama_rules::points::Recommendation::Refuse => Outcome::Refuse,
        }
    }
}

/// A control body's act on which a certificate is revoked (Rules p.21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RevocationAct {
    pub body: String,
    pub number: String,
    pub date: NaiveDate,
}
