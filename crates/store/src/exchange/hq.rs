//! What a higher office lists from the bundles it holds: offices, conflicts, the consolidated
//! register.

use crate::error::{Result, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HqOffice {
    pub office_id: String,
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub fingerprint: String,
    pub trusted_at: NaiveDateTime,
    pub bundles: i64,
    pub last_period: Option<String>,
    pub last_created_at: Option<NaiveDateTime>,
    pub last_imported_at: Option<NaiveDateTime>,
    pub cases: i64,
    pub certificates: i64,
}

/// The offices this higher office has bundles from, with the last bundle of each.
pub fn hq_offices(db: &impl crate::Db) -> Result<Vec<HqOffice>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(
        "SELECT o.office_id, o.code, o.name_kk, o.name_ru, o.name_en, o.fingerprint, o.trusted_at,
                (SELECT count(*) FROM hq_bundles b WHERE b.office_id = o.office_id),
                l.period, l.created_at, l.imported_at,
                (SELECT count(*) FROM hq_cases c WHERE c.office_id = o.office_id),
                (SELECT count(*) FROM hq_certificates t WHERE t.office_id = o.office_id)
         FROM hq_offices o
         LEFT JOIN hq_bundles l ON l.sha256 = (SELECT sha256 FROM hq_bundles b WHERE b.office_id = o.office_id
                                               ORDER BY b.imported_at DESC, b.created_at DESC LIMIT 1)
         ORDER BY o.code, o.office_id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(HqOffice {
                office_id: r.get(0)?,
                code: r.get(1)?,
                name_kk: r.get(2)?,
                name_ru: r.get(3)?,
                name_en: r.get(4)?,
                fingerprint: r.get(5)?,
                trusted_at: r.get(6)?,
                bundles: r.get(7)?,
                last_period: r.get(8)?,
                last_created_at: r.get(9)?,
                last_imported_at: r.get(10)?,
                cases: r.get(11)?,
                certificates: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HqConflict {
    pub id: i64,
    pub kind: String,
    pub detail: Value,
    pub found_at: NaiveDateTime,
}

pub fn hq_conflicts(db: &impl crate::Db) -> Result<Vec<HqConflict>> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt =
        conn.prepare("SELECT id, kind, detail, found_at FROM hq_conflicts ORDER BY id DESC")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(HqConflict {
                id: r.get(0)?,
                kind: r.get(1)?,
                detail: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or(Value::Null),
                found_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HqRegisterRow {
    pub office_code: String,
    pub office_id: String,
    pub number: String,
    pub date: NaiveDate,
    pub holder: String,
    pub citizenship: String,
    pub profession_id: String,
    /// issued, extended, reissued, duplicate, refused, revoked
    pub event: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

/// The consolidated register of a month: every office's decisions and revocations, by office.
pub fn hq_register(db: &impl crate::Db, year: i32, month: u32) -> Result<Vec<HqRegisterRow>> {
    let conn = crate::sealed::Sealed::conn(db);
    let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or(StoreError::Invalid {
        field: "month",
        detail: format!("{year}-{month}"),
    })?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .expect("in range");
    let mut stmt = conn.prepare(&format!(
        "SELECT code, office_id, number, date, holder, citizenship, profession_id, event, valid_from, valid_to FROM (
            SELECT o.code, c.office_id, coalesce(t.number, '') AS number, c.decided_on AS date, c.holder, c.citizenship,
                   c.profession_id,
                   {DECISION_EVENT} AS event,
                   -- Each row keeps the term its own event set (as the office's register does).
                   CASE WHEN c.status = 'issued' THEN CASE WHEN c.kind = 'extend'
                        THEN json_extract(c.data, '$.extensions[0].valid_from') ELSE t.valid_from END END AS valid_from,
                   CASE WHEN c.status = 'issued' THEN CASE WHEN c.kind = 'extend'
                        THEN json_extract(c.data, '$.extensions[0].valid_to')
                        ELSE coalesce((SELECT json_extract(e.data, '$.extensions[0].previous_valid_to') FROM hq_cases e
                                       WHERE e.kind = 'extend' AND e.office_id = c.office_id
                                         AND json_extract(e.data, '$.extensions[0].certificate_id') = t.certificate_id
                                       ORDER BY e.case_id LIMIT 1), t.valid_to) END END AS valid_to
            FROM hq_cases c JOIN hq_offices o ON o.office_id = c.office_id
            LEFT JOIN hq_certificates t ON t.office_id = c.office_id AND t.certificate_id = c.result_certificate_id
            WHERE c.decided_on >= ?1 AND c.decided_on < ?2 AND c.status IN ('issued', 'refused')
            UNION ALL
            SELECT o.code, t.office_id, t.number, t.invalid_from, t.holder, t.citizenship, t.profession_id, 'revoked',
                   t.valid_from, t.valid_to
            FROM hq_certificates t JOIN hq_offices o ON o.office_id = t.office_id
            WHERE t.status = 'revoked' AND t.invalid_from >= ?1 AND t.invalid_from < ?2
         ) ORDER BY code, office_id, date, number",
        DECISION_EVENT = crate::records::DECISION_EVENT
    ))?;
    let rows = stmt
        .query_map(params![first, next], |r| {
            Ok(HqRegisterRow {
                office_code: r.get(0)?,
                office_id: r.get(1)?,
                number: r.get(2)?,
                date: r.get(3)?,
                holder: r.get(4)?,
                citizenship: r.get(5)?,
                profession_id: r.get(6)?,
                event: r.get(7)?,
                valid_from: r.get(8)?,
                valid_to: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
