//! What the documents print, read from the store as plain records (the docs crate never opens the
//! store; `anyqtama-app` turns these into views).

use crate::error::{Result, StoreError};
use crate::model::{
    AssessmentInput, CaseStatus, CertificateNumber, CertificateStatus, Office, Outcome, ShownStatus,
};
use anyqtama_rules::points::RefusalGround;
use anyqtama_rules::ruleset::DocumentKind;
use anyqtama_rules::Service;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A column read into one of our types; a stored value the program cannot read is an error, never
/// a default.
fn parsed<T, E: std::fmt::Display>(
    r: &rusqlite::Row<'_>,
    i: usize,
    parse: impl Fn(&str) -> std::result::Result<T, E>,
) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    parse(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            e.to_string().into(),
        )
    })
}

/// A JSON column read back into the type that wrote it.
fn json<T: serde::de::DeserializeOwned>(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<T> {
    parsed(r, i, |s| serde_json::from_str::<T>(s))
}

/// A JSON column that may be NULL.
fn json_opt<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<Option<T>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(_) => json(r, i).map(Some),
    }
}

fn service(s: &str) -> std::result::Result<Service, anyqtama_rules::RulesError> {
    s.parse()
}

fn document(s: &str) -> std::result::Result<DocumentKind, String> {
    DocumentKind::parse(s).ok_or_else(|| format!("document kind {s:?}"))
}

fn not_found(what: &'static str, id: impl ToString) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |e| match e {
        rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
            what,
            id: id.to_string(),
        },
        e => e.into(),
    }
}

pub fn office(db: &impl crate::Db) -> Result<Office> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT code, name_kk, name_ru, name_en, region_kk, region_ru, region_en, address FROM office WHERE id = 1")?.query_row( [], |r| {
        Ok(Office {
            code: r.get(0)?,
            name_kk: r.get(1)?,
            name_ru: r.get(2)?,
            name_en: r.get(3)?,
            region_kk: r.get(4)?,
            region_ru: r.get(5)?,
            region_en: r.get(6)?,
            address: r.get(7)?,
        })
    })
    .optional()?
    .ok_or(StoreError::NoOffice)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CertificateRecord {
    pub id: i64,
    pub number: CertificateNumber,
    pub copy: i64,
    pub issued_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub status: CertificateStatus,
    pub holder_latin: String,
    pub holder_cyrillic: String,
    pub profession_id: String,
    pub case_kind: Service,
    pub decided_on: Option<NaiveDate>,
    pub sitting_on: Option<NaiveDate>,
    pub change_ground: Option<String>,
    pub replaces: Option<String>,
    /// A duplicate: when the copy before it became invalid.
    pub previous_invalid_from: Option<NaiveDate>,
    /// The latest extension: employer, BIN, contract date.
    pub extension: Option<(String, String, NaiveDate)>,
    pub signatory: String,
    /// The seal made when it was decided (the signed QR payload), and who decided: none for a
    /// certificate decided before seals were stored.
    pub seal: Option<String>,
    pub sealed_by: Option<String>,
}

/// The newest copy of a certificate by its number.
pub fn certificate(db: &impl crate::Db, number: &str) -> Result<CertificateRecord> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut rec = conn
        .prepare_cached("SELECT c.id, c.number, c.copy, c.issued_on, c.valid_from, c.valid_to, c.status,
                    a.surname_latin || ' ' || a.given_names_latin,
                    trim(a.surname_cyrillic || ' ' || a.given_names_cyrillic || ' ' || a.patronymic),
                    c.profession_id, k.kind, k.decided_on,
                    (SELECT s.held_on FROM assessments x JOIN sittings s ON s.id = x.sitting_id WHERE x.case_id = k.id),
                    k.change_ground, (SELECT number FROM certificates r WHERE r.id = c.replaces_id),
                    (SELECT invalid_from FROM certificates p WHERE p.number = c.number AND p.copy = c.copy - 1),
                    coalesce((SELECT u.full_name FROM decisions d JOIN users u ON u.id = d.decided_by WHERE d.case_id = k.id), ''),
                    c.seal, (SELECT full_name FROM users WHERE id = c.sealed_by)
             FROM certificates c JOIN applicants a ON a.id = c.applicant_id JOIN cases k ON k.id = c.case_id
             WHERE c.number = ?1 ORDER BY c.copy DESC LIMIT 1")?
        .query_row(
            [number],
            |r| {
                Ok(CertificateRecord {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    copy: r.get(2)?,
                    issued_on: r.get(3)?,
                    valid_from: r.get(4)?,
                    valid_to: r.get(5)?,
                    status: r.get(6)?,
                    holder_latin: r.get(7)?,
                    holder_cyrillic: r.get(8)?,
                    profession_id: r.get(9)?,
                    case_kind: parsed(r, 10, service)?,
                    decided_on: r.get(11)?,
                    sitting_on: r.get(12)?,
                    change_ground: r.get(13)?,
                    replaces: r.get(14)?,
                    previous_invalid_from: r.get(15)?,
                    extension: None,
                    signatory: r.get(16)?,
                    seal: r.get(17)?,
                    sealed_by: r.get(18)?,
                })
            },
        )
        .map_err(not_found("certificate", number))?;
    rec.extension = conn
        .prepare_cached("SELECT employer_name, employer_bin, contract_from FROM extensions WHERE certificate_id = ?1 ORDER BY id DESC LIMIT 1")?
        .query_row(
            [rec.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(rec)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CaseRecord {
    pub id: i64,
    pub kind: Service,
    pub status: CaseStatus,
    pub received_on: NaiveDate,
    pub registered_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub rule_set: String,
    pub profession_id: String,
    pub applicant_latin: String,
    pub applicant_cyrillic: String,
    pub passport: String,
    pub passport_issued_on: Option<NaiveDate>,
    pub passport_issuer: String,
    pub address: String,
    pub phone: String,
    pub residence: String,
    pub employer: Option<(String, String)>,
    pub documents: Vec<DocumentKind>,
    /// Refusal: grounds, the official's reason, signatory.
    pub refusal_grounds: Vec<RefusalGround>,
    pub reason: Option<String>,
    pub signatory: String,
    pub total: Option<u32>,
    pub threshold: Option<u32>,
    pub sitting_id: Option<i64>,
    /// The Commission's grounds (App 2 p.9) and its written justification of its findings.
    pub commission_grounds: Vec<RefusalGround>,
    pub commission_note: Option<String>,
    /// A refusal to accept: the documents missing, those expired (with their last day), the note.
    pub not_accepted: Option<NotAccepted>,
    /// Who registered the case (or refused to accept it).
    pub registrar: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NotAccepted {
    pub missing: Vec<DocumentKind>,
    pub expired: Vec<(DocumentKind, Option<NaiveDate>)>,
    pub note: String,
}

pub fn case(db: &impl crate::Db, id: i64) -> Result<CaseRecord> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut rec = conn
        .prepare_cached("SELECT c.id, c.kind, c.status, date(c.received_at), c.registered_on, c.decided_on, c.rule_set, c.profession_id,
                    a.surname_latin || ' ' || a.given_names_latin,
                    trim(a.surname_cyrillic || ' ' || a.given_names_cyrillic || ' ' || a.patronymic),
                    a.passport_number, a.passport_issued_on, a.passport_issuer, a.address_kz, a.phone,
                    trim(a.residence_address || ' ' || a.residence_phone), c.employer_name, c.employer_bin,
                    d.refusal_grounds, d.reason, coalesce(u.full_name, ''), s.total, s.threshold, s.sitting_id,
                    s.refusal_grounds, s.departure_reason,
                    coalesce((SELECT full_name FROM users WHERE id = c.created_by), '')
             FROM cases c JOIN applicants a ON a.id = c.applicant_id
             LEFT JOIN decisions d ON d.case_id = c.id LEFT JOIN users u ON u.id = d.decided_by
             LEFT JOIN assessments s ON s.case_id = c.id
             WHERE c.id = ?1")?
        .query_row(
            [id],
            |r| {
                Ok(CaseRecord {
                    id: r.get(0)?,
                    kind: parsed(r, 1, service)?,
                    status: r.get(2)?,
                    received_on: r.get(3)?,
                    registered_on: r.get(4)?,
                    decided_on: r.get(5)?,
                    rule_set: r.get(6)?,
                    profession_id: r.get(7)?,
                    applicant_latin: r.get(8)?,
                    applicant_cyrillic: r.get(9)?,
                    passport: r.get(10)?,
                    passport_issued_on: r.get(11)?,
                    passport_issuer: r.get(12)?,
                    address: r.get(13)?,
                    phone: r.get(14)?,
                    residence: r.get(15)?,
                    employer: match (r.get::<_, Option<String>>(16)?, r.get::<_, Option<String>>(17)?) {
                        (Some(n), Some(b)) => Some((n, b)),
                        _ => None,
                    },
                    documents: Vec::new(),
                    refusal_grounds: json_opt(r, 18)?.unwrap_or_default(),
                    reason: r.get(19)?,
                    signatory: r.get(20)?,
                    total: r.get(21)?,
                    threshold: r.get(22)?,
                    sitting_id: r.get(23)?,
                    commission_grounds: json_opt(r, 24)?.unwrap_or_default(),
                    commission_note: r.get(25)?,
                    not_accepted: None,
                    registrar: r.get(26)?,
                })
            },
        )
        .map_err(not_found("case", id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT kind FROM case_documents WHERE case_id = ?1 AND present = 1 ORDER BY rowid",
    )?;
    rec.documents = stmt
        .query_map([id], |r| parsed(r, 0, document))?
        .collect::<rusqlite::Result<_>>()?;
    let refusal: Option<(String, String, String)> = conn
        .prepare_cached(
            "SELECT missing, expired, note FROM acceptance_refusals WHERE case_id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((missing, expired, note)) = refusal {
        let list = |s: &str| -> Result<Vec<DocumentKind>> {
            serde_json::from_str(s).map_err(|e| {
                StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    e.into(),
                ))
            })
        };
        let mut until = conn.prepare_cached(
            "SELECT valid_until FROM case_documents WHERE case_id = ?1 AND kind = ?2",
        )?;
        let expired = list(&expired)?
            .into_iter()
            .map(|k| {
                let d: Option<NaiveDate> = until
                    .query_row(params![id, k.as_str()], |r| r.get(0))
                    .optional()?
                    .flatten();
                Ok((k, d))
            })
            .collect::<rusqlite::Result<_>>()?;
        rec.not_accepted = Some(NotAccepted {
            missing: list(&missing)?,
            expired,
            note,
        });
    }
    Ok(rec)
}

/// The certificate a case produced (issued, extended, reissued, duplicated), if any: its id and
/// number, and the applicant's id.
pub fn result_certificate(db: &impl crate::Db, case: i64) -> Result<Option<(i64, String, i64)>> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .prepare_cached("SELECT t.id, t.number, t.applicant_id FROM cases c JOIN certificates t ON t.id = c.result_certificate_id WHERE c.id = ?1")?
        .query_row(
            [case],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// One copy of a certificate as held: its status today (a valid one past its end is `expired`),
/// its end and its holder's name as printed.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HeldCertificate {
    pub status: ShownStatus,
    pub valid_to: NaiveDate,
    pub holder: String,
    /// The seal stored at the decision, and the name of who decided.
    pub seal: Option<String>,
    pub sealed_by: Option<String>,
}

pub fn certificate_copy(
    db: &impl crate::Db,
    number: &str,
    copy: u32,
    today: NaiveDate,
) -> Result<Option<HeldCertificate>> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .prepare_cached("SELECT CASE WHEN c.status = 'valid' AND c.valid_to < ?3 THEN 'expired' ELSE c.status END,
                    c.valid_to, a.surname_latin || ' ' || a.given_names_latin,
                    c.seal, (SELECT full_name FROM users WHERE id = c.sealed_by)
             FROM certificates c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.number = ?1 AND c.copy = ?2")?
        .query_row(
            params![number, copy, today],
            |r| {
                Ok(HeldCertificate {
                    status: r.get(0)?,
                    valid_to: r.get(1)?,
                    holder: r.get(2)?,
                    seal: r.get(3)?,
                    sealed_by: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// The numbers of the certificates issued (or extended, reissued, duplicated: any decision that
/// produced one) from `from` to `until` inclusive, in number order: a day's or a month's print run.
pub fn certificates_decided(
    db: &impl crate::Db,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<String>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare_cached(
        // Only those that still hold: a certificate revoked or replaced since is not printed as
        // an original (its draft can be).
        "SELECT DISTINCT t.number FROM cases c JOIN certificates t ON t.id = c.result_certificate_id
         WHERE c.status = 'issued' AND c.decided_on >= ?1 AND c.decided_on <= ?2
           AND EXISTS (SELECT 1 FROM certificates v WHERE v.number = t.number AND v.status = 'valid')
         ORDER BY t.number",
    )?;
    let rows = stmt
        .query_map(params![from, until], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The holder's applicant id and the profession of a certificate (a later application refers to them).
pub fn certificate_holder(db: &impl crate::Db, certificate: i64) -> Result<(i64, String)> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT applicant_id, profession_id FROM certificates WHERE id = ?1")?
        .query_row([certificate], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(not_found("certificate", certificate))
}

/// A certificate's number by its id.
pub fn certificate_number(
    db: &impl crate::Db,
    certificate: i64,
) -> Result<crate::CertificateNumber> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT number FROM certificates WHERE id = ?1")?
        .query_row([certificate], |r| r.get(0))
        .map_err(not_found("certificate", certificate))
}

/// The day a case's documents were sent to the Commission, if they were (RULES.md §6.8).
pub fn sent_to_commission_on(db: &impl crate::Db, case: i64) -> Result<Option<NaiveDate>> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT sent_to_commission_on FROM cases WHERE id = ?1")?
        .query_row([case], |r| r.get(0))
        .map_err(not_found("case", case))
}

/// Whether a notice from the holder came after its 5 working days (flagged: RULES.md §6.7).
pub fn notification_late(db: &impl crate::Db, notification: i64) -> Result<bool> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT late FROM notifications WHERE id = ?1")?
        .query_row([notification], |r| r.get(0))
        .map_err(not_found("notification", notification))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AssessmentRecord {
    pub case: i64,
    pub applicant: String,
    pub passport: String,
    pub profession_id: String,
    pub registered_on: NaiveDate,
    pub inputs: AssessmentInput,
    pub points: StoredPoints,
    pub total: u32,
    pub threshold: u32,
    pub rule_set: String,
    pub recommendation: Outcome,
    pub decision: Outcome,
    pub departure_reason: Option<String>,
    pub grounds: Vec<RefusalGround>,
}

/// The Commission's computation as stored with its assessment (the rules' own types).
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct StoredPoints {
    pub experience: Option<anyqtama_rules::experience::Length>,
    pub points: Option<anyqtama_rules::points::Points>,
    /// Absent in assessments stored before the counts were kept.
    #[serde(default)]
    pub count: Option<anyqtama_rules::experience::Count>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SittingRecord {
    pub id: i64,
    pub held_on: NaiveDate,
    pub place: String,
    /// (name, position, organisation, present)
    pub members: Vec<(String, String, String, bool)>,
    pub assessments: Vec<AssessmentRecord>,
}

pub fn sitting(db: &impl crate::Db, id: i64) -> Result<SittingRecord> {
    let conn = crate::sealed::Sealed::conn(db);
    let (held_on, place): (NaiveDate, String) = conn
        .prepare_cached("SELECT held_on, place FROM sittings WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(not_found("sitting", id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.full_name, m.position, m.organisation, s.present FROM sitting_members s JOIN commission_members m ON m.id = s.member_id
         WHERE s.sitting_id = ?1 ORDER BY m.id",
    )?;
    let members = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT x.case_id, a.surname_latin || ' ' || a.given_names_latin, a.passport_number, c.profession_id, x.inputs, x.points,
                x.total, x.threshold, x.rule_set, x.recommendation, x.commission_decision, x.departure_reason, x.refusal_grounds,
                c.registered_on
         FROM assessments x JOIN cases c ON c.id = x.case_id JOIN applicants a ON a.id = c.applicant_id
         WHERE x.sitting_id = ?1 ORDER BY x.case_id",
    )?;
    let assessments = stmt
        .query_map([id], |r| {
            Ok(AssessmentRecord {
                case: r.get(0)?,
                applicant: r.get(1)?,
                passport: r.get(2)?,
                profession_id: r.get(3)?,
                inputs: json(r, 4)?,
                points: json(r, 5)?,
                total: r.get(6)?,
                threshold: r.get(7)?,
                rule_set: r.get(8)?,
                recommendation: r.get(9)?,
                decision: r.get(10)?,
                departure_reason: r.get(11)?,
                grounds: json(r, 12)?,
                registered_on: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(SittingRecord {
        id,
        held_on,
        place,
        members,
        assessments,
    })
}

/// A decided case's event in a register (`c`: the case): an office's register and a higher
/// office's consolidated one name decisions alike.
pub(crate) const DECISION_EVENT: &str = "CASE WHEN c.status = 'refused' THEN 'refused' WHEN c.kind = 'issue' THEN 'issued'
     WHEN c.kind = 'extend' THEN 'extended' WHEN c.kind = 'reissue' THEN 'reissued' ELSE 'duplicate' END";

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RegisterRecord {
    pub number: String,
    pub date: NaiveDate,
    pub holder: String,
    pub citizenship: String,
    pub profession_id: String,
    pub event: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub status: String,
}

/// The register of a month: every decision (issue or refusal), refusal to accept and revocation
/// in `[first, next)`, by date and then case. Collected from [`register_each`].
pub fn register(
    db: &impl crate::Db,
    first: NaiveDate,
    next: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<RegisterRecord>> {
    let mut rows = Vec::new();
    register_each::<StoreError>(db, first, next, today, &mut |r| {
        rows.push(r);
        Ok(())
    })?;
    Ok(rows)
}

/// The register of a month, one row at a time to `each`, in the order of [`register`]: the
/// decisions come in that order from the `decided_on` index (date, then case id), and the few
/// refusals to accept and revocations are merged in, so a register of 10,000 rows can be written
/// while it is read (issue 14). At one key the decision comes first, then a refusal to accept,
/// then a revocation.
pub fn register_each<E: From<StoreError>>(
    db: &impl crate::Db,
    first: NaiveDate,
    next: NaiveDate,
    today: NaiveDate,
    each: &mut dyn FnMut(RegisterRecord) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let sql = |e: rusqlite::Error| E::from(StoreError::from(e));
    let conn = crate::sealed::Sealed::conn(db);
    let mut decisions = conn.prepare_cached(&format!(
        "SELECT coalesce(t.number, ''), c.decided_on, a.surname_latin || ' ' || a.given_names_latin,
               a.citizenship, c.profession_id,
               {DECISION_EVENT},
               -- Each row shows the term its own event set: an extension's from its record, an
               -- issue's (reissue's, duplicate's) as it was before any later extension.
               CASE WHEN c.status = 'issued' THEN CASE WHEN c.kind = 'extend' THEN x.valid_from ELSE t.valid_from END END,
               CASE WHEN c.status = 'issued' THEN CASE WHEN c.kind = 'extend' THEN x.valid_to
                    ELSE coalesce((SELECT e.previous_valid_to FROM extensions e WHERE e.certificate_id = t.id ORDER BY e.id LIMIT 1), t.valid_to) END END,
               CASE WHEN c.status = 'refused' THEN 'refused'
                    WHEN t.status = 'valid' AND t.valid_to < ?3 THEN 'expired' ELSE t.status END,
               c.id
        FROM cases c JOIN applicants a ON a.id = c.applicant_id
        LEFT JOIN certificates t ON t.id = c.result_certificate_id
        LEFT JOIN extensions x ON x.case_id = c.id
        -- `+c.status`: the month's decisions by the index on decided_on; the planner would
        -- otherwise walk every issued case by the status index (issue 14: 7x the work). The
        -- index gives them by date and case id: no sorting.
        WHERE c.decided_on >= ?1 AND c.decided_on < ?2 AND +c.status IN ('issued', 'refused')
        ORDER BY c.decided_on, c.id"
    )).map_err(sql)?;
    let mut rows = decisions.query(params![first, next, today]).map_err(sql)?;
    merged(db, first, next, each, &mut |emit| {
        while let Some(r) = rows.next().map_err(sql)? {
            let (key, rec) = register_record(r).map_err(sql)?;
            emit(key, rec)?;
        }
        Ok(())
    })
}

/// A certificate's columns as a register row shows them.
struct CertificateTerm {
    number: String,
    valid_from: NaiveDate,
    valid_to: NaiveDate,
    status: String,
}

/// What the decisions of many months' registers join, read once in a pass over each table, so
/// that each register reads only its cases (issue 14: a first bundle carries the registers of
/// every month the office has worked, and their joins, a few lookups a row, were a fifth of the
/// export). Rows from [`RegisterTerms::each`] are those of [`register_each`]; a test holds them
/// alike.
pub struct RegisterTerms {
    today: NaiveDate,
    /// Applicant: the holder's name in Latin letters and citizenship.
    holders: HashMap<i64, (String, String)>,
    certificates: HashMap<i64, CertificateTerm>,
    /// Case: its extensions' terms (valid from, valid to), by extension id.
    extensions: HashMap<i64, Vec<(NaiveDate, NaiveDate)>>,
    /// Certificate: the term it had before its first extension.
    before_extending: HashMap<i64, NaiveDate>,
}

impl RegisterTerms {
    /// Read in the caller's read transaction (the registers are then of one moment).
    pub fn read(db: &impl crate::Db, today: NaiveDate) -> Result<RegisterTerms> {
        let conn = crate::sealed::Sealed::conn(db);
        // Each map made as large as it will be: grown a row at a time, rehashing was a tenth of
        // reading them (issue 14).
        let rows_of = |table: &str| -> Result<usize> {
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        let mut holders = HashMap::with_capacity(rows_of("applicants")?);
        let mut stmt = conn.prepare(
            "SELECT id, surname_latin || ' ' || given_names_latin, citizenship FROM applicants",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            holders.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        let mut certificates = HashMap::with_capacity(rows_of("certificates")?);
        let mut stmt =
            conn.prepare("SELECT id, number, valid_from, valid_to, status FROM certificates")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let term = CertificateTerm {
                number: r.get(1)?,
                valid_from: day(r, 2)?,
                valid_to: day(r, 3)?,
                status: r.get(4)?,
            };
            certificates.insert(r.get(0)?, term);
        }
        let mut extensions: HashMap<i64, Vec<_>> = HashMap::new();
        let mut before_extending = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT case_id, certificate_id, valid_from, valid_to, previous_valid_to FROM extensions ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            extensions
                .entry(r.get(0)?)
                .or_default()
                .push((day(r, 2)?, day(r, 3)?));
            // By id: the first extension's is the term before any.
            before_extending.entry(r.get(1)?).or_insert(day(r, 4)?);
        }
        Ok(RegisterTerms {
            today,
            holders,
            certificates,
            extensions,
            before_extending,
        })
    }

    /// The register of a month, as [`register_each`] gives it, its decisions' joins from here.
    pub fn each<E: From<StoreError>>(
        &self,
        db: &impl crate::Db,
        first: NaiveDate,
        next: NaiveDate,
        each: &mut dyn FnMut(RegisterRecord) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let sql = |e: rusqlite::Error| E::from(StoreError::from(e));
        let missing = |what: &'static str, id: i64| {
            E::from(StoreError::NotFound {
                what,
                id: id.to_string(),
            })
        };
        let conn = crate::sealed::Sealed::conn(db);
        let mut decisions = conn
            .prepare_cached(
                // As in `register_each`: the month's decisions by the decided_on index.
                "SELECT c.id, c.decided_on, c.applicant_id, c.profession_id, c.kind, c.status,
                        c.result_certificate_id
                 FROM cases c
                 WHERE c.decided_on >= ?1 AND c.decided_on < ?2 AND +c.status IN ('issued', 'refused')
                 ORDER BY c.decided_on, c.id",
            )
            .map_err(sql)?;
        let mut rows = decisions.query(params![first, next]).map_err(sql)?;
        merged(db, first, next, each, &mut |emit| {
            while let Some(r) = rows.next().map_err(sql)? {
                let id: i64 = r.get(0).map_err(sql)?;
                let date = day(r, 1).map_err(sql)?;
                let applicant: i64 = r.get(2).map_err(sql)?;
                let kind: &str = r.get_ref(4).and_then(|v| Ok(v.as_str()?)).map_err(sql)?;
                let refused = r.get_ref(5).and_then(|v| Ok(v.as_str()?)).map_err(sql)? == "refused";
                let event = match (refused, kind) {
                    (true, _) => "refused",
                    (_, "issue") => "issued",
                    (_, "extend") => "extended",
                    (_, "reissue") => "reissued",
                    _ => "duplicate",
                };
                let extend = kind == "extend";
                let result: Option<i64> = r.get(6).map_err(sql)?;
                let t = match result {
                    Some(t) => Some((
                        t,
                        self.certificates
                            .get(&t)
                            .ok_or_else(|| missing("certificate", t))?,
                    )),
                    None => None,
                };
                let (holder, citizenship) = self
                    .holders
                    .get(&applicant)
                    .ok_or_else(|| missing("applicant", applicant))?;
                let status = match (refused, t) {
                    (true, _) => "refused".to_owned(),
                    (false, Some((_, t))) if t.status == "valid" && t.valid_to < self.today => {
                        "expired".to_owned()
                    }
                    (false, Some((_, t))) => t.status.clone(),
                    // An issued case always names its certificate (the query's NULL status
                    // could not be read either).
                    (false, None) => return Err(missing("certificate", id)),
                };
                let profession_id: String = r.get(3).map_err(sql)?;
                let row = |term: Option<(NaiveDate, NaiveDate)>| RegisterRecord {
                    number: t.map(|(_, t)| t.number.clone()).unwrap_or_default(),
                    date,
                    holder: holder.clone(),
                    citizenship: citizenship.clone(),
                    profession_id: profession_id.clone(),
                    event: event.to_owned(),
                    valid_from: term.map(|(from, _)| from),
                    valid_to: term.map(|(_, to)| to),
                    status: status.clone(),
                };
                // A row each extension of the case has (the query's LEFT JOIN), one if none.
                let of_case = self.extensions.get(&id).map(Vec::as_slice).unwrap_or(&[]);
                let n = of_case.len().max(1);
                for k in 0..n {
                    let x = of_case.get(k);
                    // Each row shows the term its own event set: an extension's from its record,
                    // an issue's (reissue's, duplicate's) as it was before any later extension.
                    let term = match (refused, extend, t) {
                        (true, _, _) => None,
                        (false, true, _) => x.copied(),
                        (false, false, Some((tid, t))) => Some((
                            t.valid_from,
                            self.before_extending
                                .get(&tid)
                                .copied()
                                .unwrap_or(t.valid_to),
                        )),
                        (false, false, None) => None,
                    };
                    emit((date, id), row(term))?;
                }
            }
            Ok(())
        })
    }
}

/// A register row as its queries select it: number, date, holder, citizenship, profession,
/// event, valid from, valid to, status, case; keyed by date and case.
fn register_record(r: &rusqlite::Row) -> rusqlite::Result<((NaiveDate, i64), RegisterRecord)> {
    let date = day(r, 1)?;
    Ok((
        (date, r.get(9)?),
        RegisterRecord {
            number: r.get(0)?,
            date,
            holder: r.get(2)?,
            citizenship: r.get(3)?,
            profession_id: r.get(4)?,
            event: r.get(5)?,
            valid_from: maybe_day(r, 6)?,
            valid_to: maybe_day(r, 7)?,
            status: r.get(8)?,
        },
    ))
}

type Emit<'a, E> = dyn FnMut((NaiveDate, i64), RegisterRecord) -> std::result::Result<(), E> + 'a;

/// The month's decisions from `decisions` (in the register's order), with its few refusals to
/// accept and revocations merged in, to `each`. At one key the decision comes first, then a
/// refusal to accept, then a revocation.
fn merged<E: From<StoreError>>(
    db: &impl crate::Db,
    first: NaiveDate,
    next: NaiveDate,
    each: &mut dyn FnMut(RegisterRecord) -> std::result::Result<(), E>,
    decisions: &mut dyn FnMut(&mut Emit<'_, E>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let sql = |e: rusqlite::Error| E::from(StoreError::from(e));
    let conn = crate::sealed::Sealed::conn(db);
    let mut others = conn
        .prepare_cached(
            "SELECT '', c.registered_on, a.surname_latin || ' ' || a.given_names_latin, a.citizenship, c.profession_id,
                   'not_accepted', NULL, NULL, 'refused', c.id
            FROM cases c INDEXED BY cases_not_accepted JOIN applicants a ON a.id = c.applicant_id
            WHERE c.status = 'not_accepted' AND c.registered_on >= ?1 AND c.registered_on < ?2
          UNION ALL
            SELECT t.number, v.revoked_on, a.surname_latin || ' ' || a.given_names_latin, a.citizenship, t.profession_id,
                   'revoked', t.valid_from, t.valid_to, 'revoked', t.case_id
            FROM revocations v JOIN certificates t ON t.id = v.certificate_id JOIN applicants a ON a.id = t.applicant_id
            WHERE v.revoked_on >= ?1 AND v.revoked_on < ?2",
        )
        .map_err(sql)?
        .query_map(params![first, next], register_record)
        .map_err(sql)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(sql)?;
    // Stable: at one key a refusal to accept stays before a revocation.
    others.sort_by_key(|(key, _)| *key);
    let mut others = others.into_iter().peekable();
    decisions(&mut |key, rec| {
        while let Some((_, o)) = others.next_if(|(k, _)| *k < key) {
            each(o)?;
        }
        each(rec)
    })?;
    for (_, o) in others {
        each(o)?;
    }
    Ok(())
}

/// A `YYYY-MM-DD` column as a date, read from its digits: the conversion `rusqlite` does runs
/// chrono's format parser for every value (a tenth of reading an 11,000-row register, issue 14).
pub(crate) fn day(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDate> {
    // The error made only when there is one: its name is a `String` (an allocation and a free
    // for every date read, a few percent of reading a bundle's registers, issue 14).
    maybe_day(r, i)?.ok_or_else(|| {
        rusqlite::Error::InvalidColumnType(i, "date".into(), rusqlite::types::Type::Null)
    })
}

pub(crate) fn maybe_day(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    use rusqlite::types::ValueRef;
    let bad = |t| rusqlite::Error::InvalidColumnType(i, "date".into(), t);
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(t) => ymd(t)
            .map(Some)
            .ok_or_else(|| bad(rusqlite::types::Type::Text)),
        v => Err(bad(v.data_type())),
    }
}

/// `YYYY-MM-DD`, exactly, as a date.
pub(crate) fn ymd(t: &[u8]) -> Option<NaiveDate> {
    let digits = |s: &[u8]| {
        s.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    match t {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => NaiveDate::from_ymd_opt(
            digits(y)? as i32,
            digits(&[*m1, *m2])?,
            digits(&[*d1, *d2])?,
        ),
        _ => None,
    }
}

/// A certificate's stored status, by id.
pub fn certificate_status(db: &impl crate::Db, id: i64) -> Result<CertificateStatus> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT status FROM certificates WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .map_err(not_found("certificate", id))
}

/// A certificate's holder, profession and end, by id.
pub fn certificate_holding(db: &impl crate::Db, id: i64) -> Result<(i64, String, NaiveDate)> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached(
        "SELECT applicant_id, profession_id, valid_to FROM certificates WHERE id = ?1",
    )?
    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .map_err(not_found("certificate", id))
}

/// A case's registration date and the rule set it is judged by.
pub fn case_registration(db: &impl crate::Db, case: i64) -> Result<(NaiveDate, String)> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.prepare_cached("SELECT registered_on, rule_set FROM cases WHERE id = ?1")?
        .query_row([case], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(not_found("case", case))
}

/// The store's own id (made at setup; a backup or bundle names it).
pub fn store_id(db: &impl crate::Db) -> Result<String> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'store_id'")?
        .query_row([], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::ymd;
    use chrono::NaiveDate;

    #[test]
    fn dates_are_read_from_exactly_ten_characters() {
        let d = |s: &str| ymd(s.as_bytes());
        assert_eq!(d("2026-12-31"), NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(d("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026-01-01 ",
            "2026/01/01",
            "2026-0a-01",
            "+026-01-01",
            "",
            "2026-01-01T00:00:00",
        ] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }
}
