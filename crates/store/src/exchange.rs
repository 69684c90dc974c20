//! The records an office sends its higher office, and their import there (issue 6).
//!
//! A period is chosen by the office's audit trail: the events of a month, or every event after a
//! sequence number (for "everything since the last export"). The records are the current state of
//! every case, certificate, notice, complaint and sitting those events touched, each with its
//! *version*: the sequence number of the last event that changed it. The higher office keeps a
//! record only when its version is newer than the one it holds, so an older bundle never overwrites
//! newer data and the same bundle imported twice changes nothing. The file format (manifest,
//! checksums, signature) is `anyqtama-sync`'s; this module is the data and the transaction.

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};

/// Which audit events a bundle covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Period {
    Month {
        year: i32,
        month: u32,
    },
    /// Every event with a sequence number above `after`.
    Since {
        after: i64,
    },
}

impl Period {
    pub fn label(&self) -> String {
        match self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Since { after } => format!("since-{after}"),
        }
    }
}

/// The sending office, as its bundle names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct OfficeIdent {
    /// The store's id: two stores are two offices even under the same code.
    pub id: String,
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub fingerprint: String,
    /// The Ed25519 public key, hex.
    pub public_key: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CaseRecord {
    pub id: i64,
    pub version: i64,
    pub kind: String,
    pub status: String,
    pub registered_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub holder: String,
    pub passport: String,
    pub citizenship: String,
    pub profession_id: String,
    pub result_certificate_id: Option<i64>,
    /// Everything else: the case row, applicant, checklist, assessment, decision, extension,
    /// refusal to accept, the scans' names and checksums (not their content).
    pub data: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CertificateRecord {
    pub id: i64,
    pub version: i64,
    pub number: String,
    pub copy: i64,
    pub case_id: i64,
    pub holder: String,
    pub passport: String,
    pub citizenship: String,
    pub profession_id: String,
    pub issued_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub status: String,
    pub invalid_from: Option<NaiveDate>,
    /// The certificate row and its revocation, if any.
    pub data: Value,
}

/// Notices, complaints and sittings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct OtherRecord {
    pub kind: String,
    pub id: i64,
    pub version: i64,
    pub data: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: String,
    /// Part of the event's hash; bundles of the first format lack it (their hashes cannot be
    /// recomputed at the higher office, only compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Option<i64>>,
    pub login: String,
    pub role: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Records {
    pub cases: Vec<CaseRecord>,
    pub certificates: Vec<CertificateRecord>,
    pub others: Vec<OtherRecord>,
    pub audit: Vec<AuditRecord>,
}

impl Records {
    /// The months in which the included cases were decided (for the registers a bundle carries).
    pub fn decision_months(&self) -> BTreeSet<(i32, u32)> {
        use chrono::Datelike;
        self.cases
            .iter()
            .filter_map(|c| c.decided_on)
            .map(|d| (d.year(), d.month()))
            .collect()
    }
}

/// One SQL row as a JSON object (column name -> value); blobs as hex.
fn row_object(
    stmt: &mut rusqlite::CachedStatement<'_>,
    p: impl rusqlite::Params,
) -> Result<Vec<Value>> {
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let rows = stmt.query_map(p, |r| {
        let mut m = Map::new();
        for (i, n) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(x) => json!(x),
                ValueRef::Real(x) => json!(x),
                ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                ValueRef::Blob(b) => json!(hex::encode(b)),
            };
            m.insert(n.clone(), v);
        }
        Ok(Value::Object(m))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn one(conn: &Connection, sql: &str, id: i64) -> Result<Value> {
    Ok(row_object(&mut conn.prepare_cached(sql)?, [id])?
        .into_iter()
        .next()
        .unwrap_or(Value::Null))
}

fn many(conn: &Connection, sql: &str, id: i64) -> Result<Value> {
    Ok(Value::Array(row_object(
        &mut conn.prepare_cached(sql)?,
        [id],
    )?))
}

/// The office this store belongs to, as a bundle names it.
pub fn office_ident(store: &Store) -> Result<OfficeIdent> {
    let conn = store.connection();
    let o = crate::records::office(conn)?;
    let id: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'store_id'", [], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(StoreError::NoOffice)?;
    let key = store.own_key()?.ok_or(StoreError::NoOffice)?;
    let public = key.verifying_key();
    Ok(OfficeIdent {
        id,
        code: o.code,
        name_kk: o.name_kk,
        name_ru: o.name_ru,
        name_en: o.name_en,
        fingerprint: crate::keys::fingerprint(&public),
        public_key: hex::encode(public.as_bytes()),
    })
}

/// The last event the office's store holds, and the cursor of the last "since last" export.
pub fn audit_head(db: &impl crate::Db) -> Result<(i64, String)> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, String::new())))
}

pub fn last_export(db: &impl crate::Db) -> Result<i64> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'last_export_seq'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// The records of a period: its audit events and the current state of everything they touched.
pub fn export_records(db: &impl crate::Db, period: Period) -> Result<Records> {
    let conn = crate::sealed::Sealed::conn(db);
    let (from, to) = match period {
        Period::Month { year, month } => {
            let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or(StoreError::Invalid {
                field: "month",
                detail: format!("{year}-{month}"),
            })?;
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .expect("in range");
            (first.to_string(), next.to_string())
        }
        Period::Since { .. } => (String::new(), String::new()),
    };
    let mut stmt = conn.prepare(
        "SELECT seq, at, login, role, action, entity, entity_id, before, after, prev_hash, hash, user_id FROM audit
         WHERE CASE WHEN ?1 = '' THEN seq > ?3 ELSE at >= ?1 AND at < ?2 END ORDER BY seq",
    )?;
    let after = match period {
        Period::Since { after } => after,
        Period::Month { .. } => 0,
    };
    let audit: Vec<AuditRecord> = stmt
        .query_map(params![from, to, after], |r| {
            Ok(AuditRecord {
                seq: r.get(0)?,
                at: r.get(1)?,
                user_id: Some(r.get(11)?),
                login: r.get(2)?,
                role: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                before: r.get(7)?,
                after: r.get(8)?,
                prev_hash: r.get(9)?,
                hash: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let ids = |entity: &str| -> BTreeSet<i64> {
        audit
            .iter()
            .filter(|e| e.entity == entity)
            .filter_map(|e| e.entity_id.parse().ok())
            .collect()
    };
    let cases = ids("case");
    let mut certificates = ids("certificate");
    for c in &cases {
        let (result, concerned): (Option<i64>, Option<i64>) = conn.query_row(
            "SELECT result_certificate_id, certificate_id FROM cases WHERE id = ?1",
            [c],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        certificates.extend(result);
        certificates.extend(concerned);
    }
    let notifications = ids("notification");
    for n in &notifications {
        certificates.insert(conn.query_row(
            "SELECT certificate_id FROM notifications WHERE id = ?1",
            [n],
            |r| r.get(0),
        )?);
    }

    // Versions in one pass over the trail: the last event of every entity.
    let mut last: HashMap<(String, i64), i64> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT entity, entity_id, max(seq) FROM audit
             WHERE entity IN ('case', 'certificate', 'notification', 'complaint', 'sitting')
             GROUP BY entity, entity_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (entity, id, seq) = row?;
            if let Ok(id) = id.parse() {
                last.insert((entity, id), seq);
            }
        }
    }
    let version = |entity: &str, id: i64| -> Result<i64> {
        Ok(last.get(&(entity.to_string(), id)).copied().unwrap_or(0))
    };
    // A certificate changes with its own events and with the decisions of the cases that
    // produced it or concern it (an extension supersedes it, a duplicate replaces it).
    let mut certificate_version: HashMap<i64, i64> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, result_certificate_id, certificate_id FROM cases
             WHERE result_certificate_id IS NOT NULL OR certificate_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })?;
        for row in rows {
            let (case, result, concerned) = row?;
            let v = version("case", case)?;
            for t in [result, concerned].into_iter().flatten() {
                let e = certificate_version.entry(t).or_insert(0);
                *e = (*e).max(v);
            }
        }
    }
    let complaints = ids("complaint");
    let sittings = ids("sitting");
    let mut out = Records {
        audit,
        ..Records::default()
    };
    for &id in &cases {
        let data = json!({
            "case": one(conn, "SELECT * FROM cases WHERE id = ?1", id)?,
            "applicant": one(conn, "SELECT a.* FROM applicants a JOIN cases c ON c.applicant_id = a.id WHERE c.id = ?1", id)?,
            "documents": many(conn, "SELECT kind, present, valid_until FROM case_documents WHERE case_id = ?1 ORDER BY rowid", id)?,
            "scans": many(conn, "SELECT id, document_kind, file_name, media_type, sha256, size, added_at FROM attachments WHERE case_id = ?1 ORDER BY id", id)?,
            "acceptance_refusal": one(conn, "SELECT * FROM acceptance_refusals WHERE case_id = ?1", id)?,
            "assessment": one(conn, "SELECT * FROM assessments WHERE case_id = ?1", id)?,
            "decision": one(conn, "SELECT * FROM decisions WHERE case_id = ?1", id)?,
            "extensions": many(conn, "SELECT * FROM extensions WHERE case_id = ?1", id)?,
        });
        let rec = conn.query_row(
            "SELECT c.kind, c.status, c.registered_on, c.decided_on,
                    a.surname_latin || ' ' || a.given_names_latin, a.passport_number, a.citizenship,
                    c.profession_id, c.result_certificate_id
             FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
            [id],
            |r| {
                Ok(CaseRecord {
                    id,
                    version: 0,
                    kind: r.get(0)?,
                    status: r.get(1)?,
                    registered_on: r.get(2)?,
                    decided_on: r.get(3)?,
                    holder: r.get(4)?,
                    passport: r.get(5)?,
                    citizenship: r.get(6)?,
                    profession_id: r.get(7)?,
                    result_certificate_id: r.get(8)?,
                    data: Value::Null,
                })
            },
        )?;
        out.cases.push(CaseRecord {
            version: version("case", id)?,
            data,
            ..rec
        });
    }
    for &id in &certificates {
        let rec = conn.query_row(
            "SELECT t.number, t.copy, t.case_id, a.surname_latin || ' ' || a.given_names_latin,
                    a.passport_number, a.citizenship, t.profession_id, t.issued_on, t.valid_from,
                    t.valid_to, t.status, t.invalid_from
             FROM certificates t JOIN applicants a ON a.id = t.applicant_id WHERE t.id = ?1",
            [id],
            |r| {
                Ok(CertificateRecord {
                    id,
                    version: 0,
                    number: r.get(0)?,
                    copy: r.get(1)?,
                    case_id: r.get(2)?,
                    holder: r.get(3)?,
                    passport: r.get(4)?,
                    citizenship: r.get(5)?,
                    profession_id: r.get(6)?,
                    issued_on: r.get(7)?,
                    valid_from: r.get(8)?,
                    valid_to: r.get(9)?,
                    status: r.get(10)?,
                    invalid_from: r.get(11)?,
                    data: Value::Null,
                })
            },
        )?;
        let v = version("certificate", id)?.max(certificate_version.get(&id).copied().unwrap_or(0));
        out.certificates.push(CertificateRecord {
            version: v,
            data: json!({
                "certificate": one(conn, "SELECT * FROM certificates WHERE id = ?1", id)?,
                "revocation": one(conn, "SELECT * FROM revocations WHERE certificate_id = ?1", id)?,
            }),
            ..rec
        });
    }
    for (kind, table, set) in [
        ("notification", "notifications", notifications),
        ("complaint", "complaints", complaints),
        ("sitting", "sittings", sittings),
    ] {
        for id in set {
            let mut data = one(conn, &format!("SELECT * FROM {table} WHERE id = ?1"), id)?;
            if kind == "sitting" {
                data["members"] = many(
                    conn,
                    "SELECT m.full_name, m.position, m.organisation, s.present FROM sitting_members s
                     JOIN commission_members m ON m.id = s.member_id WHERE s.sitting_id = ?1 ORDER BY m.id",
                    id,
                )?;
            }
            out.others.push(OtherRecord {
                kind: kind.into(),
                id,
                version: version(kind, id)?,
                data,
            });
        }
    }
    Ok(out)
}

/// Remembers where "since the last export" starts next time.
pub fn mark_exported(
    store: &mut Store,
    up_to: i64,
    actor: &Actor,
    now: NaiveDateTime,
    file: &str,
) -> Result<()> {
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('last_export_seq', ?1)
         ON CONFLICT(key) DO UPDATE SET value = ?1",
        [up_to.to_string()],
    )?;
    audit::append(
        &tx,
        actor,
        Event {
            at: now,
            action: "export_bundle",
            entity: "store",
            entity_id: "1".into(),
            before: None,
            after: Some(json!({"up_to_seq": up_to, "file": file})),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// What a bundle is, for the higher office's list of bundles.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct BundleInfo {
    pub sha256: String,
    pub period: String,
    pub seq_from: Option<i64>,
    pub seq_to: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Held here in a newer version: the bundle's older one is not applied.
    pub older_skipped: usize,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Conflict {
    pub kind: String,
    pub detail: Value,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportReport {
    pub office: String,
    pub office_id: String,
    pub fingerprint: String,
    pub period: String,
    pub new_office: bool,
    /// The same file was imported before: nothing was changed.
    pub already_imported: bool,
    pub dry_run: bool,
    pub cases: Counts,
    pub certificates: Counts,
    pub others: Counts,
    pub audit_new: usize,
    pub conflicts: Vec<Conflict>,
}

/// Folds a passport number for comparison across offices (spaces, dashes, case).
fn passport_key(p: &str) -> String {
    p.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

/// Whether a record of `version` is written over the one held here (`held`, its version), counting
/// the outcome: only a newer version replaces, so an older bundle never overwrites newer data.
fn newer(held: Option<i64>, version: i64, counts: &mut Counts) -> bool {
    match held {
        Some(v) if v > version => counts.older_skipped += 1,
        Some(v) if v == version => counts.unchanged += 1,
        Some(_) => counts.updated += 1,
        None => counts.new += 1,
    }
    held.is_none_or(|v| v < version)
}

fn held(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Option<i64>> {
    Ok(tx.query_row(sql, p, |r| r.get(0)).optional()?)
}

/// Whether this higher office may take a bundle signed by `office`: a known office must sign
/// with the key it was first trusted with; an unknown one only when the administrator trusts it
/// now (`trust_new_office`). Returns whether the office is already known.
pub fn check_trust(
    db: &impl crate::Db,
    office: &OfficeIdent,
    trust_new_office: bool,
) -> Result<bool> {
    let conn = crate::sealed::Sealed::conn(db);
    let known: Option<String> = conn
        .query_row(
            "SELECT fingerprint FROM hq_offices WHERE office_id = ?1",
            [&office.id],
            |r| r.get(0),
        )
        .optional()?;
    match known {
        Some(fp) if fp != office.fingerprint => Err(StoreError::OfficeKeyChanged {
            office: office.code.clone(),
            known: fp,
            presented: office.fingerprint.clone(),
        }),
        Some(_) => Ok(true),
        None if trust_new_office => Ok(false),
        None => Err(StoreError::UnknownOffice {
            office: format!("{} ({})", office.code, office.name_ru),
            fingerprint: office.fingerprint.clone(),
        }),
    }
}

/// Checks a bundle's audit events against themselves and against the history held for the office.
fn check_history(
    tx: &rusqlite::Transaction<'_>,
    office_id: &str,
    code: &str,
    events: &[AuditRecord],
) -> Result<()> {
    let rewritten = |seq: i64, reason: &'static str| StoreError::HistoryRewritten {
        office: code.to_string(),
        seq,
        reason,
    };
    let mut held_hash = tx.prepare_cached(
        "SELECT hash, json_extract(data, '$.prev_hash') FROM hq_audit WHERE office_id = ?1 AND seq = ?2",
    )?;
    let mut held = |seq: i64| -> Result<Option<(String, String)>> {
        Ok(held_hash
            .query_row(params![office_id, seq], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    };
    let mut previous: Option<&AuditRecord> = None;
    for e in events {
        // Its hash is the hash of its content (where the bundle carries every part of it).
        if let Some(user_id) = e.user_id {
            let computed = crate::audit::event_hash(
                e.seq,
                &e.at,
                user_id,
                &e.login,
                &e.role,
                &e.action,
                &e.entity,
                &e.entity_id,
                e.before.as_deref(),
                e.after.as_deref(),
                &e.prev_hash,
            );
            if computed != e.hash {
                return Err(rewritten(e.seq, "content"));
            }
        }
        match previous {
            Some(p) if p.seq + 1 == e.seq && e.prev_hash != p.hash => {
                return Err(rewritten(e.seq, "chain"))
            }
            _ => {}
        }
        if let Some((hash, _)) = held(e.seq)? {
            if hash != e.hash {
                return Err(rewritten(e.seq, "differs"));
            }
        }
        // Joins what is held before it and after it.
        if previous.is_none_or(|p| p.seq + 1 != e.seq) {
            if let Some((hash, _)) = held(e.seq - 1)? {
                if hash != e.prev_hash {
                    return Err(rewritten(e.seq, "chain"));
                }
            }
        }
        previous = Some(e);
    }
    if let Some(last) = previous {
        if let Some((_, next_prev)) = held(last.seq + 1)? {
            if next_prev != last.hash {
                return Err(rewritten(last.seq + 1, "chain"));
            }
        }
    }
    Ok(())
}

/// Imports an office's verified records into this higher office's store, in one transaction.
/// An office seen for the first time needs `trust_new_office`; a known office must sign with the
/// key it was first trusted with. With `dry_run` nothing is kept and the report says what would be.
#[allow(clippy::too_many_arguments)]
pub fn import_records(
    store: &mut Store,
    office: &OfficeIdent,
    public_key: &[u8; 32],
    bundle: &BundleInfo,
    records: &Records,
    trust_new_office: bool,
    dry_run: bool,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<ImportReport> {
    if store.has_office()? {
        return Err(StoreError::NotHigherOffice);
    }
    let today = now.date();
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut report = ImportReport {
        office: format!("{} — {}", office.code, office.name_ru),
        office_id: office.id.clone(),
        fingerprint: office.fingerprint.clone(),
        period: bundle.period.clone(),
        new_office: false,
        already_imported: false,
        dry_run,
        cases: Counts::default(),
        certificates: Counts::default(),
        others: Counts::default(),
        audit_new: 0,
        conflicts: Vec::new(),
    };
    if !check_trust(&tx, office, trust_new_office)? {
        tx.execute(
            "INSERT INTO hq_offices (office_id, code, name_kk, name_ru, name_en, fingerprint, public_key, trusted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![office.id, office.code, office.name_kk, office.name_ru, office.name_en, office.fingerprint, &public_key[..], now],
        )?;
        report.new_office = true;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('role', 'higher_office') ON CONFLICT(key) DO NOTHING",
        [],
    )?;
    let seen: bool = tx.query_row(
        "SELECT count(*) FROM hq_bundles WHERE sha256 = ?1",
        [&bundle.sha256],
        |r| r.get::<_, i64>(0),
    )? > 0;
    if seen {
        report.already_imported = true;
        drop(tx);
        return Ok(report);
    }
    let o = office.id.as_str();
    // The office's history as the higher office already holds it must go on unchanged: every event
    // the bundle re-sends is the same, each follows the one before it, and the bundle joins what is
    // held at both ends. A history rewritten after it was sent is refused whole.
    check_history(&tx, o, &office.code, &records.audit)?;

    for c in &records.cases {
        let h = held(
            &tx,
            "SELECT version FROM hq_cases WHERE office_id = ?1 AND case_id = ?2",
            params![o, c.id],
        )?;
        if newer(h, c.version, &mut report.cases) {
            tx.execute(
                "INSERT OR REPLACE INTO hq_cases (office_id, case_id, version, kind, status, registered_on, decided_on, holder, passport, citizenship, profession_id, result_certificate_id, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![o, c.id, c.version, c.kind, c.status, c.registered_on, c.decided_on, c.holder, c.passport, c.citizenship, c.profession_id, c.result_certificate_id, c.data.to_string()],
            )?;
        }
    }
    let mut touched = Vec::new();
    for t in &records.certificates {
        let h = held(
            &tx,
            "SELECT version FROM hq_certificates WHERE office_id = ?1 AND certificate_id = ?2",
            params![o, t.id],
        )?;
        if newer(h, t.version, &mut report.certificates) {
            tx.execute(
                "INSERT OR REPLACE INTO hq_certificates (office_id, certificate_id, version, number, copy, case_id, holder, passport, passport_key, citizenship, profession_id, issued_on, valid_from, valid_to, status, invalid_from, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                params![o, t.id, t.version, t.number, t.copy, t.case_id, t.holder, t.passport, passport_key(&t.passport), t.citizenship, t.profession_id, t.issued_on, t.valid_from, t.valid_to, t.status, t.invalid_from, t.data.to_string()],
            )?;
            touched.push(t.id);
        }
    }
    for r in &records.others {
        let h = held(
            &tx,
            "SELECT version FROM hq_records WHERE office_id = ?1 AND kind = ?2 AND record_id = ?3",
            params![o, r.kind, r.id],
        )?;
        if newer(h, r.version, &mut report.others) {
            tx.execute(
                "INSERT OR REPLACE INTO hq_records (office_id, kind, record_id, version, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![o, r.kind, r.id, r.version, r.data.to_string()],
            )?;
        }
    }
    let mut conflicts: Vec<(String, String, Value)> = Vec::new();
    for e in &records.audit {
        let held: Option<String> = tx
            .query_row(
                "SELECT hash FROM hq_audit WHERE office_id = ?1 AND seq = ?2",
                params![o, e.seq],
                |r| r.get(0),
            )
            .optional()?;
        match held {
            None => {
                tx.execute(
                    "INSERT INTO hq_audit (office_id, seq, at, action, entity, entity_id, hash, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![o, e.seq, e.at, e.action, e.entity, e.entity_id, e.hash, serde_json::to_string(e).expect("serialisable")],
                )?;
                report.audit_new += 1;
            }
            Some(h) if h != e.hash => conflicts.push((
                "audit_differs".into(),
                format!("audit:{o}:{}:{}", e.seq, e.hash),
                json!({"office": office.code, "seq": e.seq, "held": h, "bundle": e.hash}),
            )),
            Some(_) => {}
        }
    }

    // Conflicts are reported, never resolved here: the same certificate number with different
    // content, and the same passport holding overlapping live certificates in two offices.
    for id in touched {
        let (number, copy, passport, from, to, status, holder): (String, i64, String, NaiveDate, NaiveDate, String, String) = tx.query_row(
            "SELECT number, copy, passport_key, valid_from, valid_to, status, holder FROM hq_certificates WHERE office_id = ?1 AND certificate_id = ?2",
            params![o, id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )?;
        let mut same_number = tx.prepare_cached(
            "SELECT office_id, certificate_id, holder, passport_key, valid_from FROM hq_certificates
             WHERE number = ?1 AND copy = ?2 AND NOT (office_id = ?3 AND certificate_id = ?4)",
        )?;
        let others: Vec<(String, i64, String, String, NaiveDate)> = same_number
            .query_map(params![number, copy, o, id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (other, other_id, other_holder, other_passport, other_from) in others {
            if other_holder != holder || other_passport != passport || other_from != from {
                let (a, b) = order((o, id), (&other, other_id));
                conflicts.push((
                    "number_content".into(),
                    format!("number:{number}:{copy}:{}:{}:{}:{}", a.0, a.1, b.0, b.1),
                    json!({"number": number, "copy": copy, "a": {"office": a.0, "certificate": a.1}, "b": {"office": b.0, "certificate": b.1}}),
                ));
            }
        }
        if status != "valid" || to < today {
            continue;
        }
        let mut overlap = tx.prepare_cached(
            "SELECT office_id, certificate_id, number, valid_from, valid_to FROM hq_certificates
             WHERE passport_key = ?1 AND office_id <> ?2 AND status = 'valid' AND valid_to >= ?3
               AND valid_from <= ?5 AND valid_to >= ?4",
        )?;
        let hits: Vec<(String, i64, String, NaiveDate, NaiveDate)> = overlap
            .query_map(params![passport, o, today, from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (other, other_id, other_number, of, ot) in hits {
            let (a, b) = order((o, id), (&other, other_id));
            conflicts.push((
                "passport_overlap".into(),
                format!("passport:{passport}:{}:{}:{}:{}", a.0, a.1, b.0, b.1),
                json!({"passport": passport, "holder": holder,
                       "a": {"office": o, "number": number, "valid_from": from, "valid_to": to},
                       "b": {"office": other, "number": other_number, "valid_from": of, "valid_to": ot}}),
            ));
        }
    }
    for (kind, key, detail) in conflicts {
        let added = tx.execute(
            "INSERT OR IGNORE INTO hq_conflicts (kind, key, detail, found_at, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![kind, key, detail.to_string(), now, bundle.sha256],
        )?;
        if added > 0 {
            report.conflicts.push(Conflict { kind, detail });
        }
    }
    tx.execute(
        "INSERT INTO hq_bundles (sha256, office_id, period, seq_from, seq_to, created_at, imported_at, report)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![bundle.sha256, o, bundle.period, bundle.seq_from, bundle.seq_to, bundle.created_at, now, serde_json::to_string(&report).expect("serialisable")],
    )?;
    audit::append(
        &tx,
        actor,
        Event {
            at: now,
            action: "import_bundle",
            entity: "bundle",
            entity_id: bundle.sha256.clone(),
            before: None,
            after: Some(
                json!({"office": office.id, "fingerprint": office.fingerprint, "period": bundle.period,
                               "cases": report.cases, "certificates": report.certificates, "conflicts": report.conflicts.len()}),
            ),
        },
    )?;
    if dry_run {
        drop(tx); // rolled back
    } else {
        tx.commit()?;
    }
    Ok(report)
}

fn order<'a>(a: (&'a str, i64), b: (&'a str, i64)) -> ((&'a str, i64), (&'a str, i64)) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

// ------------------------------------------------------------------ the higher office's view

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
