//! What the window's screens list: users, Commission members and sittings, the cases waiting for a
//! step, what hangs off one case (scans, certificates, notices, complaints), the audit trail.
//! Read-only; every change still goes through [`crate::Store::write`].

use crate::error::Result;
use crate::model::*;
use crate::queries::{self, CaseSummary};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub full_name: String,
    pub lang: String,
    pub active: bool,
    pub roles: Vec<Role>,
    /// The fingerprint of the office key this user's password opens (a signatory's key slot).
    pub seal: Option<String>,
}

pub fn users(db: &impl crate::Db) -> Result<Vec<UserRow>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(
        "SELECT u.id, u.login, u.full_name, u.lang, u.active,
                coalesce((SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id), ''),
                (SELECT fingerprint FROM key_slots k WHERE k.user_id = u.id)
         FROM users u ORDER BY u.login",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let roles: String = r.get(5)?;
            Ok(UserRow {
                id: r.get(0)?,
                login: r.get(1)?,
                full_name: r.get(2)?,
                lang: r.get(3)?,
                active: r.get(4)?,
                roles: roles.split(',').filter_map(Role::parse).collect(),
                seal: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct MemberRow {
    pub id: i64,
    pub full_name: String,
    pub position: String,
    pub organisation: String,
    pub active: bool,
}

pub fn members(db: &impl crate::Db) -> Result<Vec<MemberRow>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(
        "SELECT id, full_name, position, organisation, active FROM commission_members ORDER BY active DESC, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(MemberRow {
                id: r.get(0)?,
                full_name: r.get(1)?,
                position: r.get(2)?,
                organisation: r.get(3)?,
                active: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SittingRow {
    pub id: i64,
    pub held_on: NaiveDate,
    pub place: String,
    pub present: i64,
    pub assessed: i64,
}

/// Sittings, newest first.
pub fn sittings(db: &impl crate::Db, limit: usize) -> Result<Vec<SittingRow>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(
        "SELECT s.id, s.held_on, s.place,
                (SELECT count(*) FROM sitting_members m WHERE m.sitting_id = s.id AND m.present = 1),
                (SELECT count(*) FROM assessments a WHERE a.sitting_id = s.id)
         FROM sittings s ORDER BY s.held_on DESC, s.id DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit as i64], |r| {
            Ok(SittingRow {
                id: r.get(0)?,
                held_on: r.get(1)?,
                place: r.get(2)?,
                present: r.get(3)?,
                assessed: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Cases in one state, oldest first: the Commission's agenda (`sent_to_commission`), the head's
/// desk (`assessed`, and `registered` extensions, reissues and duplicates).
pub fn cases_in(
    db: &impl crate::Db,
    statuses: &[CaseStatus],
    limit: usize,
) -> Result<Vec<CaseSummary>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut out = Vec::new();
    let mut stmt = conn.prepare("SELECT id FROM cases WHERE status = ?1 ORDER BY id LIMIT ?2")?;
    for s in statuses {
        let ids: Vec<i64> = stmt
            .query_map(params![s.as_str(), limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            out.push(queries::case(conn, CaseId(id))?);
        }
    }
    out.sort_by_key(|c| c.id);
    out.truncate(limit);
    Ok(out)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AttachmentRow {
    pub id: i64,
    pub document_kind: Option<anyqtama_rules::ruleset::DocumentKind>,
    pub file_name: String,
    pub size: i64,
    pub sha256: String,
    pub added_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CertificateRow {
    pub id: i64,
    pub number: CertificateNumber,
    pub copy: i64,
    pub issued_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// As stored: a valid certificate past its end is still `valid` here (see `valid_to`).
    pub status: CertificateStatus,
    pub invalid_from: Option<NaiveDate>,
    /// Who decided and sealed it (issue 12); none for one decided before seals were stored.
    pub sealed_by: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: NotificationKind,
    pub event_on: NaiveDate,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    pub late: bool,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ComplaintRow {
    pub id: i64,
    pub addressee: ComplaintAddressee,
    pub registered_on: NaiveDate,
    pub forward_due: Option<NaiveDate>,
    pub review_due: NaiveDate,
    pub status: ComplaintStatus,
    pub resolved_on: Option<NaiveDate>,
    pub summary: String,
    pub outcome: Option<String>,
}

/// Everything that hangs off one case, for its page.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CaseExtras {
    pub applicant_id: i64,
    pub citizenship: String,
    pub checklist: Vec<(
        anyqtama_rules::ruleset::DocumentKind,
        bool,
        Option<NaiveDate>,
    )>,
    pub attachments: Vec<AttachmentRow>,
    /// The certificate an extension, reissue or duplicate concerns.
    pub concerns: Option<CertificateRow>,
    /// The certificate this case produced.
    pub produced: Option<CertificateRow>,
    pub notifications: Vec<NotificationRow>,
    pub complaints: Vec<ComplaintRow>,
    pub acceptance_refusal: Option<(Vec<String>, Vec<String>, String)>,
}

/// A checklist document's kind from its column; one the program does not know is an error.
fn document_kind(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<anyqtama_rules::ruleset::DocumentKind> {
    let s: String = r.get(i)?;
    anyqtama_rules::ruleset::DocumentKind::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("document kind {s:?}").into(),
        )
    })
}

const CERT_COLUMNS: &str =
    "id, number, copy, issued_on, valid_from, valid_to, status, invalid_from,
    (SELECT full_name FROM users u WHERE u.id = sealed_by) FROM certificates";

fn cert_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CertificateRow> {
    Ok(CertificateRow {
        id: r.get(0)?,
        number: r.get(1)?,
        copy: r.get(2)?,
        issued_on: r.get(3)?,
        valid_from: r.get(4)?,
        valid_to: r.get(5)?,
        status: r.get(6)?,
        invalid_from: r.get(7)?,
        sealed_by: r.get(8)?,
    })
}

fn certificate_by_id(conn: &Connection, id: Option<i64>) -> Result<Option<CertificateRow>> {
    let Some(id) = id else { return Ok(None) };
    Ok(conn
        .query_row(
            &format!("SELECT {CERT_COLUMNS} WHERE id = ?1"),
            [id],
            cert_row,
        )
        .optional()?)
}

pub fn case_extras(db: &impl crate::Db, case: CaseId) -> Result<CaseExtras> {
    let conn = crate::sealed::Sealed::conn(db);
    let (applicant_id, citizenship, concerns, produced): (i64, String, Option<i64>, Option<i64>) =
        conn.query_row(
            "SELECT c.applicant_id, a.citizenship, c.certificate_id, c.result_certificate_id
             FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
            [case.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let checklist = conn
        .prepare("SELECT kind, present, valid_until FROM case_documents WHERE case_id = ?1 ORDER BY rowid")?
        .query_map([case.0], |r| Ok((document_kind(r, 0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let attachments = conn
        .prepare(
            "SELECT id, document_kind, file_name, size, sha256, added_at FROM attachments WHERE case_id = ?1 ORDER BY id",
        )?
        .query_map([case.0], |r| {
            Ok(AttachmentRow {
                id: r.get(0)?,
                document_kind: r
                    .get::<_, Option<String>>(1)?
                    .map(|_| document_kind(r, 1))
                    .transpose()?,
                file_name: r.get(2)?,
                size: r.get(3)?,
                sha256: r.get(4)?,
                added_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let concerns = certificate_by_id(conn, concerns)?;
    let produced = certificate_by_id(conn, produced)?;
    // Notices concern the holder's certificate: the one produced, else the one concerned.
    let notified = produced
        .as_ref()
        .or(concerns.as_ref())
        .map(|c| c.number.clone());
    let notifications = match notified {
        None => Vec::new(),
        Some(number) => conn
            .prepare(
                "SELECT n.id, n.kind, n.event_on, n.received_on, n.due_on, n.late, n.note
                 FROM notifications n JOIN certificates t ON t.id = n.certificate_id
                 WHERE t.number = ?1 ORDER BY n.id",
            )?
            .query_map([number.as_str()], |r| {
                Ok(NotificationRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    event_on: r.get(2)?,
                    received_on: r.get(3)?,
                    due_on: r.get(4)?,
                    late: r.get(5)?,
                    note: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?,
    };
    let complaints = conn
        .prepare(
            "SELECT id, addressee, registered_on, forward_due, review_due, status, resolved_on, summary, outcome
             FROM complaints WHERE case_id = ?1 ORDER BY id",
        )?
        .query_map([case.0], |r| {
            Ok(ComplaintRow {
                id: r.get(0)?,
                addressee: r.get(1)?,
                registered_on: r.get(2)?,
                forward_due: r.get(3)?,
                review_due: r.get(4)?,
                status: r.get(5)?,
                resolved_on: r.get(6)?,
                summary: r.get(7)?,
                outcome: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let acceptance_refusal = conn
        .query_row(
            "SELECT missing, expired, note FROM acceptance_refusals WHERE case_id = ?1",
            [case.0],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?
        .map(|(m, e, n)| {
            let list = |s: &str| serde_json::from_str::<Vec<String>>(s).unwrap_or_default();
            (list(&m), list(&e), n)
        });
    Ok(CaseExtras {
        applicant_id,
        citizenship,
        checklist,
        attachments,
        concerns,
        produced,
        notifications,
        complaints,
        acceptance_refusal,
    })
}

/// The stored bytes of one scan, to save it back out.
pub fn attachment(db: &impl crate::Db, id: i64) -> Result<(String, Vec<u8>)> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.query_row(
        "SELECT file_name, content FROM attachments WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map_err(|_| crate::StoreError::NotFound {
        what: "attachment",
        id: id.to_string(),
    })
}

/// A certificate by number for the pages that act on it (the original, not a duplicate's copy).
pub fn certificate(db: &impl crate::Db, number: &str) -> Result<CertificateRow> {
    let conn = crate::sealed::Sealed::conn(db);
    conn.query_row(
        &format!("SELECT {CERT_COLUMNS} WHERE number = ?1 ORDER BY copy DESC LIMIT 1"),
        [number.trim()],
        cert_row,
    )
    .map_err(|_| crate::StoreError::NotFound {
        what: "certificate",
        id: number.to_string(),
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub login: String,
    /// The user's name as the store knows it now (none for the command line's operator).
    pub full_name: Option<String>,
    pub role: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
}

/// The audit trail, newest first, a page at a time (`before`: the last `seq` already shown).
pub fn audit(db: &impl crate::Db, before: Option<i64>, limit: usize) -> Result<Vec<AuditRow>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(
        "SELECT a.seq, a.at, a.login, a.role, a.action, a.entity, a.entity_id, u.full_name
         FROM audit a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.seq < ?1 ORDER BY a.seq DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![before.unwrap_or(i64::MAX), limit as i64], |r| {
            Ok(AuditRow {
                seq: r.get(0)?,
                at: r.get(1)?,
                login: r.get(2)?,
                role: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                full_name: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OfficeSettings {
    pub office: Office,
    pub hours_open: String,
    pub hours_close: String,
    pub number_pattern: String,
    /// The next sequence number for this year (what numbering would give next).
    pub next_number: i64,
}

pub fn office_settings(db: &impl crate::Db, year: i32) -> Result<OfficeSettings> {
    let conn = crate::sealed::Sealed::conn(db);
    let office = crate::records::office(conn)?;
    let (hours_open, hours_close, number_pattern) = conn.query_row(
        "SELECT hours_open, hours_close, number_pattern FROM office WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let next_number = crate::numbering::stored_next(conn, year)?.unwrap_or(1);
    Ok(OfficeSettings {
        office,
        hours_open,
        hours_close,
        number_pattern,
        next_number,
    })
}
