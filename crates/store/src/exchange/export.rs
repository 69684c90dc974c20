//! An office's records of a period, read for its bundle.

use super::*;
use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::records::{day, maybe_day};
use crate::Store;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

/// One SQL row as a JSON object (column name -> value; blobs as hex), serialised straight from its
/// values: a 100,000-case export built gigabytes of `Value` trees before (issue 14).
struct Row<'n> {
    names: &'n [String],
    values: Vec<SqlValue>,
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.names.len()))?;
        for (n, v) in self.names.iter().zip(&self.values) {
            m.serialize_entry(n, &Cell(v))?;
        }
        m.end()
    }
}

/// A prepared query of the rows of one record, with its column names read once.
struct Rows<'c> {
    stmt: rusqlite::Statement<'c>,
    names: Vec<String>,
}

impl<'c> Rows<'c> {
    fn new(conn: &'c Connection, sql: &str) -> Result<Rows<'c>> {
        let stmt = conn.prepare(sql)?;
        let names = stmt.column_names().iter().map(|s| s.to_string()).collect();
        Ok(Rows { stmt, names })
    }

    fn many(&mut self, id: i64) -> Result<Vec<Row<'_>>> {
        let n = self.names.len();
        let mut rows = self.stmt.query([id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let values = (0..n)
                .map(|i| r.get::<_, SqlValue>(i))
                .collect::<rusqlite::Result<_>>()?;
            out.push(values);
        }
        let names = &self.names;
        Ok(out
            .into_iter()
            .map(|values| Row { names, values })
            .collect())
    }

    fn one(&mut self, id: i64) -> Result<Option<Row<'_>>> {
        Ok(self.many(id)?.into_iter().next())
    }
}

/// A case's other fields in a record (the keys in the order the first format's trees had them).
#[derive(Serialize)]
struct CaseData<'n> {
    acceptance_refusal: Option<Row<'n>>,
    applicant: Option<Row<'n>>,
    assessment: Option<Row<'n>>,
    case: Option<Row<'n>>,
    decision: Option<Row<'n>>,
    documents: Vec<Row<'n>>,
    extensions: Vec<Row<'n>>,
    scans: Vec<Row<'n>>,
}

#[derive(Serialize)]
struct CertificateData<'n> {
    certificate: Option<Row<'n>>,
    revocation: Option<Row<'n>>,
}

/// A notice, complaint or sitting: its row, and a sitting's members.
struct OtherData<'n> {
    row: Option<Row<'n>>,
    members: Option<Vec<Row<'n>>>,
}

impl Serialize for OtherData<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Some(row) = &self.row else {
            return s.serialize_unit();
        };
        let mut m = s.serialize_map(None)?;
        for (n, v) in row.names.iter().zip(&row.values) {
            m.serialize_entry(n, &Cell(v))?;
        }
        if let Some(members) = &self.members {
            m.serialize_entry("members", members)?;
        }
        m.end()
    }
}

/// One SQL value as JSON (blobs as hex).
struct Cell<'v>(&'v SqlValue);

impl Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.0 {
            SqlValue::Null => s.serialize_unit(),
            SqlValue::Integer(x) => s.serialize_i64(*x),
            SqlValue::Real(x) => s.serialize_f64(*x),
            SqlValue::Text(t) => s.serialize_str(t),
            SqlValue::Blob(b) => s.serialize_str(&hex::encode(b)),
        }
    }
}

fn raw(v: &impl Serialize) -> Json {
    Json(serde_json::value::to_raw_value(v).expect("rows serialise"))
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
    head_of(crate::sealed::Sealed::conn(db))
}

fn head_of(conn: &Connection) -> Result<(i64, String)> {
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

/// The entities whose versions a record carries, by their names in the trail.
const ENTITIES: [&str; 5] = [
    "case",
    "certificate",
    "notification",
    "complaint",
    "sitting",
];

fn entity_index(e: &str) -> Option<usize> {
    entity_index_of(e.as_bytes())
}

fn entity_index_of(e: &[u8]) -> Option<usize> {
    ENTITIES.iter().position(|x| x.as_bytes() == e)
}

/// An entity's id as the trail names it (decimal text), if it is a number.
fn entity_id_of(t: &[u8]) -> Option<i64> {
    std::str::from_utf8(t).ok()?.parse().ok()
}

/// The records of a period, one at a time to `sink` in the order of a streamed bundle: its audit
/// events, then the current state of everything they touched (cases, certificates, then notices,
/// complaints and sittings). Memory stays bounded by the ids touched, whatever the period's size.
///
/// With [`Contents::Register`] the audit events go to `trail` as their hashes (each run of them
/// after the hash of the event before it) and the records carry what the higher office reads;
/// with [`Contents::Full`] the events go to `sink` whole, and the records carry every row.
pub fn write_records(
    db: &impl crate::Db,
    period: Period,
    contents: Contents,
    trail: &mut dyn FnMut(TrailEntry) -> Result<()>,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<Written> {
    let conn = crate::sealed::Sealed::conn(db);
    // One read transaction for the whole period, and a larger page cache while it lasts: each of
    // the half a million statements of a 100,000-case export began and ended a read of its own,
    // and the default 2 MB cache read the indexes' pages again and again (issue 14: the reading
    // side of that export 2.8 s -> 2.1 s for its cases).
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -32768)?;
    let written = in_one_read(conn, || {
        write_all_records(conn, period, contents, trail, sink)
    });
    // The cache goes back whatever happened to the reading.
    let restored = conn.pragma_update(None, "cache_size", cache);
    let written = written?;
    restored?;
    Ok(written)
}

/// `read` inside one read transaction, unless the caller has one open already.
fn in_one_read<T>(conn: &Connection, read: impl FnOnce() -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        return read();
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    let done = read();
    // A read transaction ends the same way whether the reading succeeded or not.
    let ended = conn.execute_batch("COMMIT");
    let done = done?;
    ended?;
    Ok(done)
}

fn write_all_records(
    conn: &Connection,
    period: Period,
    contents: Contents,
    trail: &mut dyn FnMut(TrailEntry) -> Result<()>,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<Written> {
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
    let after = match period {
        Period::Since { after } => after,
        Period::Month { .. } => 0,
    };
    // The head first, in the read transaction the records are read in: read before it, an event
    // written in between would be in the trail and the records but after the head the manifest
    // names.
    let (head_seq, head_hash) = head_of(conn)?;
    let mut written = Written {
        head_seq,
        head_hash,
        ..Written::default()
    };
    // The ids each kind of entity has events of, in the period.
    let mut touched: [BTreeSet<i64>; 5] = Default::default();
    // The last event of every entity, where the period's events tell it.
    let mut last: Option<[HashMap<i64, i64>; 5]> = None;
    if contents == Contents::Register {
        let mut seen: [HashMap<i64, i64>; 5] = Default::default();
        write_trail(
            conn,
            (&from, &to, after),
            &mut touched,
            &mut seen,
            &mut written,
            trail,
        )?;
        // Since a point of the trail, the period runs to its end: every record it touches had
        // its last event in it (a month's may have later ones).
        if let Period::Since { .. } = period {
            last = Some(seen);
        }
    } else {
        let mut stmt = conn.prepare(
            "SELECT seq, at, login, role, action, entity, entity_id, before, after, prev_hash, hash, user_id, rows FROM audit
             WHERE CASE WHEN ?1 = '' THEN seq > ?3 ELSE at >= ?1 AND at < ?2 END ORDER BY seq",
        )?;
        let mut rows = stmt.query(params![from, to, after])?;
        while let Some(r) = rows.next()? {
            let e = AuditRecord {
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
            };
            if let (Some(k), Ok(id)) = (entity_index(&e.entity), e.entity_id.parse()) {
                touched[k].insert(id);
            }
            written.seq_from.get_or_insert(e.seq);
            written.seq_to = Some(e.seq);
            written.counts.audit_events += 1;
            sink(Record::Audit(e))?;
        }
    }
    let [cases, mut certificates, notifications, complaints, sittings] = touched;
    // Versions in one pass over the trail: the last event of every entity.
    let last = match last {
        Some(last) => last,
        None => last_events(conn)?,
    };
    let version = |k: usize, id: i64| last[k].get(&id).copied().unwrap_or(0);
    // In one pass over the cases that produced or concern a certificate: the certificates of the
    // cases touched go with them, and a certificate changes with its own events and with the
    // decisions of those cases (an extension supersedes it, a duplicate replaces it). (A lookup
    // per case touched was a tenth of a 100,000-case export's reading, issue 14.)
    let mut certificate_version: HashMap<i64, i64> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, result_certificate_id, certificate_id FROM cases
             WHERE result_certificate_id IS NOT NULL OR certificate_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let v = version(0, id);
            let touched = cases.contains(&id);
            for t in [r.get::<_, Option<i64>>(1)?, r.get(2)?]
                .into_iter()
                .flatten()
            {
                let e = certificate_version.entry(t).or_insert(0);
                *e = (*e).max(v);
                if touched {
                    certificates.insert(t);
                }
            }
        }
        let mut of_notice =
            conn.prepare_cached("SELECT certificate_id FROM notifications WHERE id = ?1")?;
        for n in &notifications {
            certificates.insert(of_notice.query_row([n], |r| r.get(0))?);
        }
    }

    if contents == Contents::Register {
        register_cases(conn, &cases, &version, &mut written, sink)?;
        let version =
            |id: i64| version(1, id).max(certificate_version.get(&id).copied().unwrap_or(0));
        register_certificates(conn, &certificates, &version, &mut written, sink)?;
    } else {
        full_cases(conn, &cases, &version, &mut written, sink)?;
        full_certificates(
            conn,
            &certificates,
            &version,
            &certificate_version,
            &mut written,
            sink,
        )?;
    }
    others(
        conn,
        [notifications, complaints, sittings],
        &version,
        &mut written,
        sink,
    )?;
    Ok(written)
}

/// Every row of each case (format 2).
fn full_cases(
    conn: &Connection,
    cases: &BTreeSet<i64>,
    version: &dyn Fn(usize, i64) -> i64,
    written: &mut Written,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let mut case_row = Rows::new(conn, "SELECT * FROM cases WHERE id = ?1")?;
    let mut applicant = Rows::new(
        conn,
        "SELECT a.* FROM applicants a JOIN cases c ON c.applicant_id = a.id WHERE c.id = ?1",
    )?;
    let mut documents = Rows::new(
        conn,
        "SELECT kind, present, valid_until FROM case_documents WHERE case_id = ?1 ORDER BY rowid",
    )?;
    let mut scans = Rows::new(
        conn,
        "SELECT id, document_kind, file_name, media_type, sha256, size, added_at FROM attachments WHERE case_id = ?1 ORDER BY id",
    )?;
    let mut refusal = Rows::new(conn, "SELECT * FROM acceptance_refusals WHERE case_id = ?1")?;
    let mut assessment = Rows::new(conn, "SELECT * FROM assessments WHERE case_id = ?1")?;
    let mut decision = Rows::new(conn, "SELECT * FROM decisions WHERE case_id = ?1")?;
    let mut extensions = Rows::new(conn, "SELECT * FROM extensions WHERE case_id = ?1")?;
    let mut head = conn.prepare(
        "SELECT c.kind, c.status, c.registered_on, c.decided_on,
            a.surname_latin || ' ' || a.given_names_latin, a.passport_number, a.citizenship,
            c.profession_id, c.result_certificate_id
         FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
    )?;
    for &id in cases {
        let data = raw(&CaseData {
            acceptance_refusal: refusal.one(id)?,
            applicant: applicant.one(id)?,
            assessment: assessment.one(id)?,
            case: case_row.one(id)?,
            decision: decision.one(id)?,
            documents: documents.many(id)?,
            extensions: extensions.many(id)?,
            scans: scans.many(id)?,
        });
        let rec = head.query_row([id], |r| {
            Ok(CaseRecord {
                id,
                version: version(0, id),
                kind: r.get(0)?,
                status: r.get(1)?,
                registered_on: day(r, 2)?,
                decided_on: maybe_day(r, 3)?,
                holder: r.get(4)?,
                passport: r.get(5)?,
                citizenship: r.get(6)?,
                profession_id: r.get(7)?,
                result_certificate_id: r.get(8)?,
                data,
            })
        })?;
        written.counts.cases += 1;
        sink(Record::Case(rec))?;
    }
    Ok(())
}

/// Every row of each certificate (format 2).
fn full_certificates(
    conn: &Connection,
    certificates: &BTreeSet<i64>,
    version: &dyn Fn(usize, i64) -> i64,
    certificate_version: &HashMap<i64, i64>,
    written: &mut Written,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let mut certificate = Rows::new(conn, "SELECT * FROM certificates WHERE id = ?1")?;
    let mut revocation = Rows::new(conn, "SELECT * FROM revocations WHERE certificate_id = ?1")?;
    let mut head = conn.prepare(
        "SELECT t.number, t.copy, t.case_id, a.surname_latin || ' ' || a.given_names_latin,
            a.passport_number, a.citizenship, t.profession_id, t.issued_on, t.valid_from,
            t.valid_to, t.status, t.invalid_from
         FROM certificates t JOIN applicants a ON a.id = t.applicant_id WHERE t.id = ?1",
    )?;
    for &id in certificates {
        let data = raw(&CertificateData {
            certificate: certificate.one(id)?,
            revocation: revocation.one(id)?,
        });
        let v = version(1, id).max(certificate_version.get(&id).copied().unwrap_or(0));
        let rec = head.query_row([id], |r| {
            Ok(CertificateRecord {
                id,
                version: v,
                number: r.get(0)?,
                copy: r.get(1)?,
                case_id: r.get(2)?,
                holder: r.get(3)?,
                passport: r.get(4)?,
                citizenship: r.get(5)?,
                profession_id: r.get(6)?,
                issued_on: day(r, 7)?,
                valid_from: day(r, 8)?,
                valid_to: day(r, 9)?,
                status: r.get(10)?,
                invalid_from: maybe_day(r, 11)?,
                data,
            })
        })?;
        written.counts.certificates += 1;
        sink(Record::Certificate(rec))?;
    }
    Ok(())
}

/// Notices, complaints and sittings: their rows whole (in either format).
fn others(
    conn: &Connection,
    [notifications, complaints, sittings]: [BTreeSet<i64>; 3],
    version: &dyn Fn(usize, i64) -> i64,
    written: &mut Written,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let mut members = Rows::new(
        conn,
        "SELECT m.full_name, m.position, m.organisation, s.present FROM sitting_members s
         JOIN commission_members m ON m.id = s.member_id WHERE s.sitting_id = ?1 ORDER BY m.id",
    )?;
    for (k, kind, table, set) in [
        (2, "notification", "notifications", notifications),
        (3, "complaint", "complaints", complaints),
        (4, "sitting", "sittings", sittings),
    ] {
        let mut row = Rows::new(conn, &format!("SELECT * FROM {table} WHERE id = ?1"))?;
        for id in set {
            let data = raw(&OtherData {
                row: row.one(id)?,
                members: if kind == "sitting" {
                    Some(members.many(id)?)
                } else {
                    None
                },
            });
            written.counts.others += 1;
            sink(Record::Other(OtherRecord {
                kind: kind.into(),
                id,
                version: version(k, id),
                data,
            }))?;
        }
    }
    Ok(())
}

/// The last event of every entity a record is made of, in one pass over the trail's index.
fn last_events(conn: &Connection) -> Result<[HashMap<i64, i64>; 5]> {
    let mut last: [HashMap<i64, i64>; 5] = Default::default();
    let mut stmt = conn.prepare(
        "SELECT entity, entity_id, max(seq) FROM audit
         WHERE entity IN ('case', 'certificate', 'notification', 'complaint', 'sitting')
         GROUP BY entity, entity_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (entity, id): (String, String) = (r.get(0)?, r.get(1)?);
        if let (Some(k), Ok(id)) = (entity_index(&entity), id.parse()) {
            last[k].insert(id, r.get(2)?);
        }
    }
    Ok(last)
}

/// The period's audit events as a trail (format 3): each event's hash, and before each run of
/// consecutive events the hash of the one before it (so the higher office sees the run join what
/// it holds). Read from the `audit_trail` index, not the events' rows with their content.
fn write_trail(
    conn: &Connection,
    (from, to, after): (&str, &str, i64),
    touched: &mut [BTreeSet<i64>; 5],
    last: &mut [HashMap<i64, i64>; 5],
    written: &mut Written,
    trail: &mut dyn FnMut(TrailEntry) -> Result<()>,
) -> Result<()> {
    let mut stmt = if from.is_empty() {
        conn.prepare(
            "SELECT seq, entity, entity_id, hash FROM audit INDEXED BY audit_trail
             WHERE seq > ?1 ORDER BY seq",
        )?
    } else {
        conn.prepare(
            "SELECT seq, entity, entity_id, hash FROM audit INDEXED BY audit_trail
             WHERE at >= ?2 AND at < ?3 AND seq > ?1 ORDER BY seq",
        )?
    };
    let mut prev_hash = conn.prepare("SELECT hash FROM audit WHERE seq = ?1")?;
    let mut rows = if from.is_empty() {
        stmt.query(params![after])?
    } else {
        stmt.query(params![after, from, to])?
    };
    let mut prior: Option<i64> = None;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        // A run begins: the event before it first (the first event of all has none).
        if prior != Some(seq - 1) && seq > 1 {
            let before: Option<String> = prev_hash.query_row([seq - 1], |r| r.get(0)).optional()?;
            if let Some(h) = before {
                trail((seq - 1, hash_bytes(seq - 1, &h)?))?;
                written.counts.audit_events += 1;
            }
        }
        // Read in place, not copied into strings: there is a row for every event.
        let text = |i: usize| -> Result<&[u8]> {
            r.get_ref(i)?.as_bytes().map_err(|e| {
                StoreError::from(rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                ))
            })
        };
        if let (Some(k), Some(id)) = (entity_index_of(text(1)?), entity_id_of(text(2)?)) {
            // An entity's first event names it touched; later ones only move its version.
            if last[k].insert(id, seq).is_none() {
                touched[k].insert(id);
            }
        }
        trail((seq, hash_bytes(seq, text(3)?)?))?;
        written.seq_from.get_or_insert(seq);
        written.seq_to = Some(seq);
        written.counts.audit_events += 1;
        prior = Some(seq);
    }
    Ok(())
}

/// An event's hash as its 32 bytes (the store keeps it as hex). With SIMD: one for each event of
/// the period, on the export's critical path.
fn hash_bytes(seq: i64, hex_hash: impl AsRef<[u8]>) -> Result<[u8; 32]> {
    let mut out = [0u8; 32];
    const_hex::decode_to_slice(hex_hash, &mut out).map_err(|_| StoreError::AuditBroken {
        seq,
        reason: "hash".into(),
    })?;
    Ok(out)
}

/// Each row of `ids`, by `select` (its first column the id; it ends in the id's column, to
/// which a condition is added): one pass over their range when they fill a good part of it (a
/// bundle of everything), one lookup each when they are few in it (a month). Every id must have
/// its row.
fn each_row(
    conn: &Connection,
    what: &'static str,
    select: &str,
    ids: &BTreeSet<i64>,
    f: &mut dyn FnMut(i64, &rusqlite::Row<'_>) -> Result<()>,
) -> Result<()> {
    let (Some(&lo), Some(&hi)) = (ids.first(), ids.last()) else {
        return Ok(());
    };
    let mut found = 0usize;
    if (ids.len() as i64).saturating_mul(4) > hi - lo {
        let mut stmt = conn.prepare(&format!("{select} BETWEEN ?1 AND ?2 ORDER BY 1"))?;
        let mut rows = stmt.query(params![lo, hi])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if ids.contains(&id) {
                found += 1;
                f(id, r)?;
            }
        }
    } else {
        let mut stmt = conn.prepare(&format!("{select} = ?1"))?;
        for &id in ids {
            let mut rows = stmt.query([id])?;
            if let Some(r) = rows.next()? {
                found += 1;
                f(id, r)?;
            }
        }
    }
    if found != ids.len() {
        let missing = ids.len() - found;
        return Err(StoreError::NotFound {
            what,
            id: format!("{missing}"),
        });
    }
    Ok(())
}

/// An extension's terms, as the higher office's register reads them (the first format's
/// `extensions` rows held the same names).
#[derive(Serialize)]
struct ExtensionTerm {
    certificate_id: i64,
    valid_from: String,
    valid_to: String,
    previous_valid_to: String,
}

#[derive(Serialize)]
struct RegisterCaseData {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extensions: Vec<ExtensionTerm>,
}

/// Each case as the higher office reads it (format 3): its register columns, and an extension's
/// certificate and terms.
fn register_cases(
    conn: &Connection,
    cases: &BTreeSet<i64>,
    version: &dyn Fn(usize, i64) -> i64,
    written: &mut Written,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let select = "SELECT c.id, c.kind, c.status, c.registered_on, c.decided_on,
            a.surname_latin || ' ' || a.given_names_latin, a.passport_number, a.citizenship,
            c.profession_id, c.result_certificate_id,
            e.certificate_id, e.valid_from, e.valid_to, e.previous_valid_to
         FROM cases c JOIN applicants a ON a.id = c.applicant_id
         LEFT JOIN extensions e ON c.kind = 'extend'
              AND e.id = (SELECT min(x.id) FROM extensions x WHERE x.case_id = c.id)
         WHERE c.id";
    each_row(conn, "case", select, cases, &mut |id, r| {
        let extensions = match r.get::<_, Option<i64>>(10)? {
            Some(certificate_id) => vec![ExtensionTerm {
                certificate_id,
                valid_from: r.get(11)?,
                valid_to: r.get(12)?,
                previous_valid_to: r.get(13)?,
            }],
            None => Vec::new(),
        };
        let rec = CaseRecord {
            id,
            version: version(0, id),
            kind: r.get(1)?,
            status: r.get(2)?,
            registered_on: day(r, 3)?,
            decided_on: maybe_day(r, 4)?,
            holder: r.get(5)?,
            passport: r.get(6)?,
            citizenship: r.get(7)?,
            profession_id: r.get(8)?,
            result_certificate_id: r.get(9)?,
            data: raw(&RegisterCaseData { extensions }),
        };
        written.counts.cases += 1;
        sink(Record::Case(rec))
    })
}

/// Each certificate as the higher office reads it (format 3): the columns its register and
/// conflict checks read; its rows stay in the office.
fn register_certificates(
    conn: &Connection,
    certificates: &BTreeSet<i64>,
    version: &dyn Fn(i64) -> i64,
    written: &mut Written,
    sink: &mut dyn FnMut(Record) -> Result<()>,
) -> Result<()> {
    let select = "SELECT t.id, t.number, t.copy, t.case_id,
            a.surname_latin || ' ' || a.given_names_latin, a.passport_number, a.citizenship,
            t.profession_id, t.issued_on, t.valid_from, t.valid_to, t.status, t.invalid_from
         FROM certificates t JOIN applicants a ON a.id = t.applicant_id WHERE t.id";
    let empty = raw(&serde_json::Map::new());
    each_row(conn, "certificate", select, certificates, &mut |id, r| {
        let rec = CertificateRecord {
            id,
            version: version(id),
            number: r.get(1)?,
            copy: r.get(2)?,
            case_id: r.get(3)?,
            holder: r.get(4)?,
            passport: r.get(5)?,
            citizenship: r.get(6)?,
            profession_id: r.get(7)?,
            issued_on: day(r, 8)?,
            valid_from: day(r, 9)?,
            valid_to: day(r, 10)?,
            status: r.get(11)?,
            invalid_from: maybe_day(r, 12)?,
            data: empty.clone(),
        };
        written.counts.certificates += 1;
        sink(Record::Certificate(rec))
    })
}

/// The months whose registers a bundle of `period` carries: a month's its own; a "since" bundle's
/// each month in which a case it carries (one with events after `after`) was decided, the same
/// months its records show. Asked first, so the registers are rendered while the trail is read.
pub fn register_months(db: &impl crate::Db, period: Period) -> Result<Vec<(i32, u32)>> {
    let after = match period {
        Period::Month { year, month } => return Ok(vec![(year, month)]),
        Period::Since { after } => after,
    };
    let conn = crate::sealed::Sealed::conn(db);
    let (head, _) = audit_head(db)?;
    let decided: i64 = conn.query_row(
        "SELECT count(*) FROM cases INDEXED BY cases_decided_on WHERE decided_on IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    // A month's first day, from its `YYYY-MM`.
    let first_of = |m: &str| -> Result<NaiveDate> {
        crate::records::ymd(format!("{m}-01").as_bytes()).ok_or_else(|| StoreError::Invalid {
            field: "decided_on",
            detail: m.to_string(),
        })
    };
    let month = |first: NaiveDate| {
        use chrono::Datelike;
        (first.year(), first.month())
    };
    // Few events since `after` (the usual month): the months of the cases they name. Many (a
    // first bundle): month by month, whether any case decided in it has an event since, which
    // the first such case answers (issue 14: the events' way took a quarter of a second there).
    if head - after <= decided {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT substr(c.decided_on, 1, 7) FROM audit a INDEXED BY audit_trail
             JOIN cases c ON c.id = CAST(a.entity_id AS INTEGER)
             WHERE a.seq > ?1 AND a.entity = 'case' AND c.decided_on IS NOT NULL
             ORDER BY 1",
        )?;
        let months = stmt
            .query_map([after], |r| r.get::<_, String>(0))?
            .map(|m| Ok(month(first_of(&m?)?)))
            .collect::<Result<Vec<_>>>()?;
        return Ok(months);
    }
    let mut first_on_or_after = conn.prepare(
        "SELECT substr(min(decided_on), 1, 7) FROM cases INDEXED BY cases_decided_on
         WHERE decided_on >= ?1",
    )?;
    let mut touched_in = conn.prepare(
        "SELECT EXISTS (SELECT 1 FROM cases c INDEXED BY cases_decided_on
             WHERE c.decided_on >= ?1 AND c.decided_on < ?2 AND EXISTS (
                 SELECT 1 FROM audit a INDEXED BY audit_entity
                 WHERE a.entity = 'case' AND a.entity_id = CAST(c.id AS TEXT) AND a.seq > ?3))",
    )?;
    let mut months = Vec::new();
    let mut from = String::new();
    while let Some(m) = first_on_or_after.query_row([&from], |r| r.get::<_, Option<String>>(0))? {
        let first = first_of(&m)?;
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .ok_or_else(|| StoreError::Invalid {
                field: "decided_on",
                detail: m.clone(),
            })?
            .to_string();
        if touched_in.query_row(params![first.to_string(), next, after], |r| {
            r.get::<_, bool>(0)
        })? {
            months.push(month(first));
        }
        from = next;
    }
    Ok(months)
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
    // Never back: two "since" exports at once (the window and the command line) read the same
    // cursor; the one that ends last may have read fewer events, and moving the cursor back to
    // it would only send the other's events again.
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('last_export_seq', ?1)
         ON CONFLICT(key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(?1 AS INTEGER)) AS TEXT)",
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
