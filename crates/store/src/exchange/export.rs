//! An office's records of a period, read for its bundle.

use super::*;
use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};

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
    let public = store.own_public_key()?.ok_or(StoreError::NoOffice)?;
    Ok(OfficeIdent {
        id,
        code: o.code,
        name_kk: o.name_kk,
        name_ru: o.name_ru,
        name_en: o.name_en,
        fingerprint: crate::keys::fingerprint(&public),
        public_key: hex::encode(public.as_bytes()),
        keys: crate::keys::signatory_keys(conn)?,
        signer: None,
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
        "SELECT seq, at, login, role, action, entity, entity_id, before, after, prev_hash, hash, user_id, rows FROM audit
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
                rows_digest: r
                    .get::<_, Option<String>>(12)?
                    .as_deref()
                    .map(crate::audit::rows_digest),
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
        let (result, concerned): (Option<i64>, Option<i64>) = conn
            .prepare_cached(
                "SELECT result_certificate_id, certificate_id FROM cases WHERE id = ?1",
            )?
            .query_row([c], |r| Ok((r.get(0)?, r.get(1)?)))?;
        certificates.extend(result);
        certificates.extend(concerned);
    }
    let notifications = ids("notification");
    for n in &notifications {
        certificates.insert(
            conn.prepare_cached("SELECT certificate_id FROM notifications WHERE id = ?1")?
                .query_row([n], |r| r.get(0))?,
        );
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
        let rec = conn
            .prepare_cached(
                "SELECT c.kind, c.status, c.registered_on, c.decided_on,
                    a.surname_latin || ' ' || a.given_names_latin, a.passport_number, a.citizenship,
                    c.profession_id, c.result_certificate_id
             FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
            )?
            .query_row([id], |r| {
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
                    data: Json::null(),
                })
            })?;
        out.cases.push(CaseRecord {
            version: version("case", id)?,
            data: Json::of(&data),
            ..rec
        });
    }
    for &id in &certificates {
        let rec = conn
            .prepare_cached(
                "SELECT t.number, t.copy, t.case_id, a.surname_latin || ' ' || a.given_names_latin,
                    a.passport_number, a.citizenship, t.profession_id, t.issued_on, t.valid_from,
                    t.valid_to, t.status, t.invalid_from
             FROM certificates t JOIN applicants a ON a.id = t.applicant_id WHERE t.id = ?1",
            )?
            .query_row([id], |r| {
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
                    data: Json::null(),
                })
            })?;
        let v = version("certificate", id)?.max(certificate_version.get(&id).copied().unwrap_or(0));
        out.certificates.push(CertificateRecord {
            version: v,
            data: Json::of(&json!({
                "certificate": one(conn, "SELECT * FROM certificates WHERE id = ?1", id)?,
                "revocation": one(conn, "SELECT * FROM revocations WHERE certificate_id = ?1", id)?,
            })),
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
                data: Json::of(&data),
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
