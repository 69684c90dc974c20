//! Reading the store: cases and certificates for lists and registers, search, and what is due.

use crate::error::Result;
use crate::model::*;
use crate::{search, Law};
use anyqtama_rules::deadlines::{self, Progress};
use anyqtama_rules::{RuleSets, Service};
use chrono::{Days, NaiveDate};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CaseSummary {
    pub id: i64,
    pub kind: Service,
    pub status: CaseStatus,
    /// Full name in the passport's spelling.
    pub applicant: String,
    pub applicant_cyrillic: String,
    pub passport_number: String,
    pub registered_on: NaiveDate,
    pub rule_set: String,
    pub profession_id: String,
    /// The certificate concerned or produced.
    pub certificate: Option<String>,
    pub filed_late: bool,
}

const CASE_SELECT: &str = "SELECT c.id, c.kind, c.status, a.surname_latin || ' ' || a.given_names_latin,
        trim(a.surname_cyrillic || ' ' || a.given_names_cyrillic || ' ' || a.patronymic), a.passport_number,
        c.registered_on, c.rule_set, c.profession_id,
        (SELECT number FROM certificates WHERE id = coalesce(c.result_certificate_id, c.certificate_id)), c.filed_late
    FROM cases c JOIN applicants a ON a.id = c.applicant_id";

fn case_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaseSummary> {
    Ok(CaseSummary {
        id: r.get(0)?,
        kind: r.get::<_, String>(1)?.parse().expect("schema"),
        status: CaseStatus::parse(&r.get::<_, String>(2)?).expect("schema"),
        applicant: r.get(3)?,
        applicant_cyrillic: r.get(4)?,
        passport_number: r.get(5)?,
        registered_on: r.get(6)?,
        rule_set: r.get(7)?,
        profession_id: r.get(8)?,
        certificate: r.get(9)?,
        filed_late: r.get(10)?,
    })
}

/// Cases, newest first; with `text`, those whose applicant (any script), passport, IIN/BIN or
/// certificate number matches every word as a prefix.
pub fn cases(
    db: &impl crate::Db,
    text: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<CaseSummary>> {
    let conn = crate::sealed::Sealed::conn(db);
    let limit = limit.map(|l| l as i64).unwrap_or(-1);
    match text.map(search::query) {
        Some(None) => Ok(Vec::new()),
        Some(Some(q)) => {
            let sql = format!(
                "{CASE_SELECT} WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2) ORDER BY c.id DESC"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(params![q, limit], case_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        }
        None => {
            let mut stmt = conn.prepare(&format!("{CASE_SELECT} ORDER BY c.id DESC LIMIT ?1"))?;
            let rows = stmt
                .query_map([limit], case_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        }
    }
}

/// A page of a search: how many cases match in all, and `limit` of them from `offset`, newest
/// first. The count comes from the index alone, so a common surname costs about what a rare one
/// does (issue 14: 6,742 hits were 2.4 MB of JSON).
pub fn search_page(
    db: &impl crate::Db,
    text: &str,
    limit: usize,
    offset: usize,
) -> Result<(usize, Vec<CaseSummary>)> {
    let conn = crate::sealed::Sealed::conn(db);
    let Some(q) = search::query(text) else {
        return Ok((0, Vec::new()));
    };
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM case_search WHERE case_search MATCH ?1",
        [&q],
        |r| r.get(0),
    )?;
    let sql = format!(
        "{CASE_SELECT} WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2 OFFSET ?3) ORDER BY c.id DESC"
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(params![q, limit as i64, offset as i64], case_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((total as usize, rows))
}

/// One case by id.
pub fn case(db: &impl crate::Db, id: CaseId) -> Result<CaseSummary> {
    let conn = crate::sealed::Sealed::conn(db);
    let mut stmt = conn.prepare(&format!("{CASE_SELECT} WHERE c.id = ?1"))?;
    stmt.query_row([id.0], case_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => crate::StoreError::NotFound {
            what: "case",
            id: id.to_string(),
        },
        e => e.into(),
    })
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CertificateSummary {
    pub id: i64,
    pub number: CertificateNumber,
    /// 0 for the original, 1.. for duplicates.
    pub copy: i64,
    pub duplicate: bool,
    pub holder: String,
    pub holder_cyrillic: String,
    pub profession_id: String,
    pub profession: String,
    pub issued_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// valid, expired, superseded, revoked or replaced, as of the day asked.
    pub status: ShownStatus,
    /// For a reissue: the number it replaces.
    pub replaces: Option<String>,
}

/// Certificates issued in a month (or all), oldest first, with their status on `today`.
pub fn certificates(
    db: &impl crate::Db,
    law: &Law,
    month: Option<(i32, u32)>,
    today: NaiveDate,
    lang: anyqtama_rules::Lang,
) -> Result<Vec<CertificateSummary>> {
    let conn = crate::sealed::Sealed::conn(db);
    // Dates are stored as ISO text, so the bounds are text too (chrono's MIN/MAX print with a sign).
    let (from, to) = match month {
        Some((y, m)) => {
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or(
                anyqtama_rules::RulesError::InvalidDate(format!("{y}-{m:02}")),
            )?;
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .expect("date in range");
            (first.to_string(), next.to_string())
        }
        None => ("0000-01-01".to_string(), "9999-12-31".to_string()),
    };
    let mut stmt = conn.prepare(
        "SELECT c.id, c.number, c.copy, a.surname_latin || ' ' || a.given_names_latin,
                trim(a.surname_cyrillic || ' ' || a.given_names_cyrillic || ' ' || a.patronymic),
                c.profession_id, c.issued_on, c.valid_from, c.valid_to, c.status,
                (SELECT number FROM certificates r WHERE r.id = c.replaces_id)
         FROM certificates c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.issued_on >= ?1 AND c.issued_on < ?2 ORDER BY c.issued_on, c.id",
    )?;
    let names = profession_names(law, lang);
    let rows = stmt
        .query_map(params![from, to], |r| {
            let stored: CertificateStatus = r.get(9)?;
            let valid_to: NaiveDate = r.get(8)?;
            let status = ShownStatus::on(stored, valid_to, today);
            let profession_id: String = r.get(5)?;
            let copy: i64 = r.get(2)?;
            Ok(CertificateSummary {
                id: r.get(0)?,
                number: r.get(1)?,
                copy,
                duplicate: copy > 0,
                holder: r.get(3)?,
                holder_cyrillic: r.get(4)?,
                profession: names.get(&profession_id).cloned().unwrap_or_default(),
                profession_id,
                issued_on: r.get(6)?,
                valid_from: r.get(7)?,
                valid_to,
                status,
                replaces: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Profession id -> name in a language (professions and recommended positions of order 236).
pub fn profession_names(
    law: &Law,
    lang: anyqtama_rules::Lang,
) -> std::collections::HashMap<String, String> {
    law.lists
        .professions()
        .map(|e| (e.id.to_string(), e.names.get(lang).to_string()))
        .collect()
}

/// A step that is due, with its deadline.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Due {
    pub case_id: i64,
    pub kind: Service,
    pub status: CaseStatus,
    pub applicant: String,
    /// What must happen next: to_commission, commission_decision, decision.
    pub step: &'static str,
    pub deadline: NaiveDate,
    /// Working days past the deadline (0 when due today).
    pub late_by: u32,
    /// Working days left before the deadline: after today up to and including the deadline
    /// (0 when due today or late). Shown beside every upcoming deadline (issue 15).
    pub left: u32,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Ending {
    pub number: String,
    pub holder: String,
    pub valid_to: NaiveDate,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub due_today: Vec<Due>,
    pub late: Vec<Due>,
    /// Open steps due later, soonest first.
    pub upcoming: Vec<Due>,
    pub ending_soon: Vec<Ending>,
    /// The day of the last backup (the trail's last `backup` event), none if there never was one.
    pub last_backup: Option<NaiveDate>,
    /// Days since then; the dashboard asks for a backup from [`BACKUP_DUE_DAYS`] on.
    pub days_since_backup: Option<i64>,
    pub backup_due: bool,
}

/// A backup a week old is due again: the office's whole record is on one PC.
pub const BACKUP_DUE_DAYS: i64 = 7;

/// The next deadline of an open case (RULES.md §6.8: from the actual date of the step before).
pub fn next_deadline(
    rule_sets: &RuleSets,
    cal: &anyqtama_rules::Calendar,
    kind: Service,
    status: CaseStatus,
    rule_set: &str,
    registered_on: NaiveDate,
    sent_on: Option<NaiveDate>,
) -> Result<Option<(&'static str, NaiveDate)>> {
    let rs = rule_sets.get(&rule_sets.id(rule_set)?);
    let mut cites = Vec::new();
    let d = deadlines::deadlines(
        cal,
        rs,
        kind,
        registered_on,
        Progress {
            sent_to_commission_on: sent_on,
        },
        &mut cites,
    )?;
    Ok(match (kind, status) {
        (Service::Issue, CaseStatus::Registered) => d.to_commission.map(|x| ("to_commission", x)),
        (Service::Issue, CaseStatus::SentToCommission) => Some(match d.commission_decision {
            Some(x) => ("commission_decision", x),
            None => ("decision", d.decision),
        }),
        (Service::Issue, CaseStatus::Assessed) => Some(("decision", d.decision)),
        (_, CaseStatus::Registered) => Some(("decision", d.decision)),
        _ => None,
    })
}

/// What is due today and late, in working days, and certificates ending within `ending_within` days.
pub fn dashboard(
    db: &impl crate::Db,
    law: &Law,
    today: NaiveDate,
    ending_within: u64,
) -> Result<Dashboard> {
    let conn = crate::sealed::Sealed::conn(db);
    let cal = &law.calendar;
    let mut stmt = conn.prepare(
        "SELECT c.id, c.kind, c.status, a.surname_latin || ' ' || a.given_names_latin, c.rule_set, c.registered_on, c.sent_to_commission_on
         FROM cases c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.status IN ('registered', 'sent_to_commission', 'assessed') ORDER BY c.registered_on, c.id",
    )?;
    let open = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, NaiveDate>(5)?,
                r.get::<_, Option<NaiveDate>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (mut due_today, mut late, mut upcoming) = (Vec::new(), Vec::new(), Vec::new());
    for (id, kind, status, applicant, rule_set, registered_on, sent_on) in open {
        let kind: Service = kind.parse()?;
        let status = CaseStatus::parse(&status).expect("schema");
        let Some((step, deadline)) = next_deadline(
            &law.rule_sets,
            cal,
            kind,
            status,
            &rule_set,
            registered_on,
            sent_on,
        )?
        else {
            continue;
        };
        let late_by = if deadline < today {
            cal.working_days_between(deadline, today)?
        } else {
            0
        };
        let left = cal.working_days_between(today, deadline)?;
        let due = Due {
            case_id: id,
            kind,
            status,
            applicant,
            step,
            deadline,
            late_by,
            left,
        };
        if deadline == today {
            due_today.push(due);
        } else if deadline < today {
            late.push(due);
        } else {
            upcoming.push(due);
        }
    }
    late.sort_by_key(|d| std::cmp::Reverse(d.late_by));
    upcoming.sort_by_key(|d| d.deadline);
    let until = today
        .checked_add_days(Days::new(ending_within))
        .unwrap_or(today);
    let mut stmt = conn.prepare(
        "SELECT c.number, a.surname_latin || ' ' || a.given_names_latin, c.valid_to FROM certificates c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.status = 'valid' AND c.valid_to >= ?1 AND c.valid_to <= ?2 ORDER BY c.valid_to, c.number",
    )?;
    let ending_soon = stmt
        .query_map(params![today, until], |r| {
            Ok(Ending {
                number: r.get(0)?,
                holder: r.get(1)?,
                valid_to: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // The newest backup event, through the index of backups (migration 13).
    let last: Option<String> = conn
        .query_row(
            "SELECT at FROM audit WHERE action = 'backup' ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let last_backup = last.and_then(|at| NaiveDate::parse_from_str(at.get(..10)?, "%Y-%m-%d").ok());
    let days_since_backup = last_backup.map(|d| (today - d).num_days().max(0));
    Ok(Dashboard {
        today,
        due_today,
        late,
        upcoming,
        ending_soon,
        last_backup,
        days_since_backup,
        backup_due: days_since_backup.is_none_or(|n| n >= BACKUP_DUE_DAYS),
    })
}

/// Counts per status, for summaries and tests.
pub fn count_cases(db: &impl crate::Db) -> Result<i64> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?)
}

/// How much a store holds: cases, certificates, and cases still open.
pub fn totals(db: &impl crate::Db) -> Result<(i64, i64, i64)> {
    let conn = crate::sealed::Sealed::conn(db);
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    Ok((
        count("SELECT count(*) FROM cases")?,
        count("SELECT count(*) FROM certificates")?,
        count("SELECT count(*) FROM cases WHERE status IN ('registered','sent_to_commission','assessed')")?,
    ))
}
