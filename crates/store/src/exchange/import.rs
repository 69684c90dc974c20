//! A bundle's records into a higher office's store, in one transaction: the signer trusted, the
//! history continued, only newer versions kept, conflicts recorded.

use super::*;
use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

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

/// The version held of a record, or none; never looked up when the higher office holds nothing
/// from this office yet (`fresh`: a first bundle inserts without a lookup per record).
fn held(
    tx: &rusqlite::Transaction<'_>,
    fresh: bool,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Option<i64>> {
    if fresh {
        return Ok(None);
    }
    Ok(tx
        .prepare_cached(sql)?
        .query_row(p, |r| r.get(0))
        .optional()?)
}

/// Whether this higher office may take a bundle signed by `office`: a known office must sign
/// with the key it was first trusted with; an unknown one only when the administrator trusts it
/// now (`trust_new_office`). Returns whether the office is already known.
pub fn check_trust(
    db: &impl crate::Db,
    office: &OfficeIdent,
    created_at: NaiveDateTime,
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
    // A key the higher office already knows to be retired signs nothing made after that: whoever
    // kept an old password and an old copy of the store cannot send in the office's name.
    if let Some(signer) = &office.signer {
        let retired: Option<NaiveDateTime> = conn
            .query_row(
                "SELECT retired_at FROM hq_office_keys WHERE office_id = ?1 AND fingerprint = ?2",
                [&office.id, signer],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if let Some(on) = retired.filter(|on| *on <= created_at) {
            return Err(StoreError::KeyRetired {
                office: office.code.clone(),
                fingerprint: signer.clone(),
                on: on.date().format("%d.%m.%Y").to_string(),
            });
        }
    }
    match known {
        Some(fp) if fp != office.fingerprint => Err(StoreError::OfficeKeyChanged {
            office: office.code.clone(),
            known: fp,
            presented: office.fingerprint.clone(),
        }),
        Some(_) => Ok(true),
        None if trust_new_office => Ok(false),
        None => Err(StoreError::UnknownOffice {
            office: format!("{} — {}", office.code, office.name_ru),
            fingerprint: office.fingerprint.clone(),
        }),
    }
}

/// Keeps the office's signatory keys as its bundle vouches for them (checked by the sync reader
/// from the trusted identity): new ones added, retirements recorded; a key never changes holder.
fn hold_keys(
    tx: &rusqlite::Transaction<'_>,
    office: &OfficeIdent,
    now: NaiveDateTime,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO hq_office_keys (office_id, fingerprint, public_key, login, full_name, created_at, retired_at, endorsed_by, endorsement, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(office_id, fingerprint) DO UPDATE SET retired_at = coalesce(retired_at, excluded.retired_at)",
    )?;
    for k in &office.keys {
        // (The sync reader checked every key against the identity: none fails to parse.)
        let Some(public) = crate::keys::parse_public(&k.public_key) else {
            continue;
        };
        insert.execute(params![
            office.id,
            k.fingerprint,
            public.as_bytes().to_vec(),
            k.login,
            k.full_name,
            k.created_at,
            k.retired_at,
            k.endorsed_by,
            k.endorsement,
            now
        ])?;
    }
    Ok(())
}

/// A bundle's records going into a higher office's store, in one transaction, one record at a
/// time (so a streamed bundle of any size is imported in bounded memory): begun with the office's
/// trust, fed the audit events first and then the records, finished with the conflict checks and
/// the import's own audit event. Dropped unfinished, nothing is kept.
pub struct Importer<'s> {
    tx: rusqlite::Transaction<'s>,
    office: OfficeIdent,
    bundle: BundleInfo,
    report: ImportReport,
    /// Nothing held from this office yet: no record needs a lookup before it is inserted.
    fresh: bool,
    /// The last audit event fed: (seq, hash).
    previous: Option<(i64, String)>,
    /// Certificates written, for the conflict checks at the end.
    touched: Vec<i64>,
    /// The trail's chunk being gathered (format 3), not yet checked and kept.
    pending: Option<Chunk>,
    now: NaiveDateTime,
}

/// Events a chunk of the trail holds at most; a chunk never spans a multiple of it, so the
/// same events sent twice make the same chunks.
const TRAIL_CHUNK: i64 = 4096;

/// Consecutive events of a trail: the first's sequence number and their hashes end to end.
struct Chunk {
    first: i64,
    hashes: Vec<u8>,
}

impl Chunk {
    fn len(&self) -> i64 {
        (self.hashes.len() / 32) as i64
    }

    fn hash(&self, seq: i64) -> &[u8] {
        let i = ((seq - self.first) * 32) as usize;
        &self.hashes[i..i + 32]
    }
}

impl<'s> Importer<'s> {
    /// Opens the transaction: the office is trusted (a known one with the key it was first
    /// trusted with; a new one only with `trust_new_office`), its keys are kept. When the same
    /// file was imported before, [`Importer::already_imported`] says so and nothing is to be fed.
    pub fn begin(
        store: &'s mut Store,
        office: &OfficeIdent,
        public_key: &[u8; 32],
        bundle: &BundleInfo,
        trust_new_office: bool,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> Result<Importer<'s>> {
        if store.has_office()? {
            return Err(StoreError::NotHigherOffice);
        }
        // A bundle of everything is one large transaction: with SQLite's default 2 MB cache its
        // dirty pages spill to the log again and again (issue 14). 64 MiB holds an office's
        // indexes; memory stays bounded.
        store
            .connection()
            .pragma_update(None, "cache_size", -(64i64 << 10))?;
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
        if !check_trust(&tx, office, bundle.created_at, trust_new_office)? {
            tx.execute(
                "INSERT INTO hq_offices (office_id, code, name_kk, name_ru, name_en, fingerprint, public_key, trusted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![office.id, office.code, office.name_kk, office.name_ru, office.name_en, office.fingerprint, &public_key[..], now],
            )?;
            report.new_office = true;
        }
        hold_keys(&tx, office, now)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('role', 'higher_office') ON CONFLICT(key) DO NOTHING",
            [],
        )?;
        report.already_imported = tx.query_row(
            "SELECT count(*) FROM hq_bundles WHERE sha256 = ?1",
            [&bundle.sha256],
            |r| r.get::<_, i64>(0),
        )? > 0;
        let fresh: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM hq_audit WHERE office_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM hq_cases WHERE office_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM hq_certificates WHERE office_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM hq_records WHERE office_id = ?1)
                AND NOT EXISTS (SELECT 1 FROM hq_trail WHERE office_id = ?1)",
            [&office.id],
            |r| r.get(0),
        )?;
        Ok(Importer {
            tx,
            office: office.clone(),
            bundle: bundle.clone(),
            report,
            fresh,
            previous: None,
            touched: Vec::new(),
            pending: None,
            now,
        })
    }

    /// The same file was imported before: feeding it would change nothing.
    pub fn already_imported(&self) -> bool {
        self.report.already_imported
    }

    /// One record of the bundle, in the bundle's order (audit events first, by sequence number).
    pub fn record(&mut self, r: &Record) -> Result<()> {
        self.record_as_sent(r, None)
    }

    /// [`Importer::record`], with an audit event's JSON as the bundle carries it (kept as it is
    /// instead of written again).
    pub fn record_as_sent(&mut self, r: &Record, audit_json: Option<&str>) -> Result<()> {
        if self.report.already_imported {
            return Ok(());
        }
        match r {
            Record::Audit(e) => self.audit(e, audit_json),
            Record::Case(c) => self.case(c),
            Record::Certificate(t) => self.certificate(t),
            Record::Other(o) => self.other(o),
        }
    }

    fn rewritten(&self, seq: i64, reason: &'static str) -> StoreError {
        StoreError::HistoryRewritten {
            office: self.office.code.clone(),
            seq,
            reason,
        }
    }

    /// The hash of an event the higher office holds from this office, and the hash before it
    /// when the event was sent whole (a trail's chunk holds that one as an event of its own).
    fn held_event(&self, seq: i64) -> Result<Option<(String, Option<String>)>> {
        if self.fresh {
            return Ok(None);
        }
        let whole = self
            .tx
            .prepare_cached(
                "SELECT hash, json_extract(data, '$.prev_hash') FROM hq_audit WHERE office_id = ?1 AND seq = ?2",
            )?
            .query_row(params![self.office.id, seq], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if whole.is_some() {
            return Ok(whole);
        }
        let hash: Option<Vec<u8>> = self
            .tx
            .prepare_cached(
                "SELECT substr(hashes, (?2 - seq_first) * 32 + 1, 32) FROM hq_trail
                 WHERE office_id = ?1 AND seq_first BETWEEN ?2 - ?3 AND ?2 AND seq_last >= ?2 LIMIT 1",
            )?
            .query_row(params![self.office.id, seq, TRAIL_CHUNK - 1], |r| r.get(0))
            .optional()?;
        Ok(hash.map(|h| (hex::encode(h), None)))
    }

    /// The bundle's trail (format 3), in order, a batch at a time: each event's hash, the event
    /// before each run of them included. Every event the higher office holds already must have
    /// the same hash (a history rewritten after it was sent is refused whole); the rest is kept.
    pub fn trail(&mut self, entries: &[TrailEntry]) -> Result<()> {
        if self.report.already_imported {
            return Ok(());
        }
        for &(seq, hash) in entries {
            if seq < 1 || self.previous.as_ref().is_some_and(|(last, _)| *last >= seq) {
                return Err(self.rewritten(seq, "order"));
            }
            let joins = self
                .pending
                .as_ref()
                .is_some_and(|c| c.first + c.len() == seq && seq % TRAIL_CHUNK != 0);
            if !joins {
                self.keep_chunk()?;
                self.pending = Some(Chunk {
                    first: seq,
                    hashes: Vec::with_capacity(32 * 256),
                });
            }
            self.pending
                .as_mut()
                .expect("begun above")
                .hashes
                .extend_from_slice(&hash);
            self.previous = Some((seq, hex::encode(hash)));
        }
        Ok(())
    }

    /// The gathered chunk of the trail against what is held (whole events, and chunks of
    /// earlier trails), then kept unless all of it is held already.
    fn keep_chunk(&mut self) -> Result<()> {
        let Some(c) = self.pending.take() else {
            return Ok(());
        };
        let (o, last) = (self.office.id.as_str(), c.first + (c.len() - 1));
        let mut held = vec![false; c.len() as usize];
        if !self.fresh {
            let mut whole = self.tx.prepare_cached(
                "SELECT seq, hash FROM hq_audit WHERE office_id = ?1 AND seq BETWEEN ?2 AND ?3",
            )?;
            let mut rows = whole.query(params![o, c.first, last])?;
            while let Some(r) = rows.next()? {
                let (seq, hash): (i64, String) = (r.get(0)?, r.get(1)?);
                if hex::encode(c.hash(seq)) != hash {
                    return Err(self.rewritten(seq, "differs"));
                }
                held[(seq - c.first) as usize] = true;
            }
            let mut chunks = self.tx.prepare_cached(
                "SELECT seq_first, seq_last, hashes FROM hq_trail
                 WHERE office_id = ?1 AND seq_first BETWEEN ?2 - ?4 AND ?3 AND seq_last >= ?2",
            )?;
            let mut rows = chunks.query(params![o, c.first, last, TRAIL_CHUNK - 1])?;
            while let Some(r) = rows.next()? {
                let held_chunk = Chunk {
                    first: r.get(0)?,
                    hashes: r.get(2)?,
                };
                let held_last: i64 = r.get(1)?;
                for seq in c.first.max(held_chunk.first)..=last.min(held_last) {
                    if held_chunk.hash(seq) != c.hash(seq) {
                        return Err(self.rewritten(seq, "differs"));
                    }
                    held[(seq - c.first) as usize] = true;
                }
            }
        }
        let new = held.iter().filter(|h| !**h).count();
        if new > 0 {
            self.tx
                .prepare_cached(
                    "INSERT INTO hq_trail (office_id, seq_first, seq_last, hashes) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![o, c.first, last, c.hashes])?;
            self.report.audit_new += new;
        }
        Ok(())
    }

    /// An audit event: checked against itself and against the history held for the office (the
    /// office's history as the higher office holds it must go on unchanged: every event the
    /// bundle re-sends is the same, each follows the one before it, and the bundle joins what is
    /// held at both ends; a history rewritten after it was sent is refused whole), then kept.
    fn audit(&mut self, e: &AuditRecord, as_sent: Option<&str>) -> Result<()> {
        // Sequence numbers begin at 1 (a hostile one is not counted down from).
        if e.seq < 1 {
            return Err(self.rewritten(e.seq, "order"));
        }
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
                e.rows_digest.as_deref(),
            );
            if computed != e.hash {
                return Err(self.rewritten(e.seq, "content"));
            }
        }
        let follows = match &self.previous {
            Some((seq, _)) if *seq >= e.seq => return Err(self.rewritten(e.seq, "order")),
            Some((seq, hash)) if seq + 1 == e.seq => {
                if &e.prev_hash != hash {
                    return Err(self.rewritten(e.seq, "chain"));
                }
                true
            }
            _ => false,
        };
        let held = self.held_event(e.seq)?;
        if let Some((hash, _)) = &held {
            if *hash != e.hash {
                return Err(self.rewritten(e.seq, "differs"));
            }
        }
        // Joins what is held before it.
        if !follows {
            if let Some((hash, _)) = self.held_event(e.seq - 1)? {
                if hash != e.prev_hash {
                    return Err(self.rewritten(e.seq, "chain"));
                }
            }
        }
        self.previous = Some((e.seq, e.hash.clone()));
        // Held as a trail's hash only: its content is kept now that it is sent.
        if held.as_ref().is_none_or(|(_, prev)| prev.is_none()) {
            self.tx
                .prepare_cached(
                    "INSERT INTO hq_audit (office_id, seq, at, action, entity, entity_id, hash, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    self.office.id,
                    e.seq,
                    e.at,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.hash,
                    match as_sent {
                        Some(json) => std::borrow::Cow::Borrowed(json),
                        None => serde_json::to_string(e).expect("serialisable").into(),
                    }
                ])?;
            if held.is_none() {
                self.report.audit_new += 1;
            }
        }
        Ok(())
    }

    fn held_version(&self, sql: &str, p: impl rusqlite::Params) -> Result<Option<i64>> {
        held(&self.tx, self.fresh, sql, p)
    }

    fn case(&mut self, c: &CaseRecord) -> Result<()> {
        let o = self.office.id.as_str();
        let h = self.held_version(
            "SELECT version FROM hq_cases WHERE office_id = ?1 AND case_id = ?2",
            params![o, c.id],
        )?;
        if newer(h, c.version, &mut self.report.cases) {
            self.tx.prepare_cached(
                "INSERT OR REPLACE INTO hq_cases (office_id, case_id, version, kind, status, registered_on, decided_on, holder, passport, citizenship, profession_id, result_certificate_id, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?.execute(
                params![o, c.id, c.version, c.kind, c.status, c.registered_on, c.decided_on, c.holder, c.passport, c.citizenship, c.profession_id, c.result_certificate_id, c.data.get()],
            )?;
        }
        Ok(())
    }

    fn certificate(&mut self, t: &CertificateRecord) -> Result<()> {
        let o = self.office.id.as_str();
        let h = self.held_version(
            "SELECT version FROM hq_certificates WHERE office_id = ?1 AND certificate_id = ?2",
            params![o, t.id],
        )?;
        if newer(h, t.version, &mut self.report.certificates) {
            self.tx.prepare_cached(
                "INSERT OR REPLACE INTO hq_certificates (office_id, certificate_id, version, number, copy, case_id, holder, passport, passport_key, citizenship, profession_id, issued_on, valid_from, valid_to, status, invalid_from, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?.execute(
                params![o, t.id, t.version, t.number, t.copy, t.case_id, t.holder, t.passport, passport_key(&t.passport), t.citizenship, t.profession_id, t.issued_on, t.valid_from, t.valid_to, t.status, t.invalid_from, t.data.get()],
            )?;
            self.touched.push(t.id);
        }
        Ok(())
    }

    fn other(&mut self, r: &OtherRecord) -> Result<()> {
        let o = self.office.id.as_str();
        let h = self.held_version(
            "SELECT version FROM hq_records WHERE office_id = ?1 AND kind = ?2 AND record_id = ?3",
            params![o, r.kind, r.id],
        )?;
        if newer(h, r.version, &mut self.report.others) {
            self.tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO hq_records (office_id, kind, record_id, version, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![o, r.kind, r.id, r.version, r.data.get()])?;
        }
        Ok(())
    }

    /// The end of the bundle: it joins what is held after it; conflicts are found and recorded
    /// once; the bundle and the import itself are recorded; committed unless a dry run.
    pub fn finish(mut self, actor: &Actor) -> Result<ImportReport> {
        if self.report.already_imported {
            return Ok(self.report); // dropped: rolled back, nothing changed
        }
        self.keep_chunk()?;
        if let Some((next, hash)) = self
            .previous
            .clone()
            .and_then(|(seq, hash)| Some((seq.checked_add(1)?, hash)))
        {
            if let Some((_, Some(next_prev))) = self.held_event(next)? {
                if next_prev != hash {
                    return Err(self.rewritten(next, "chain"));
                }
            }
        }
        let conflicts = self.conflicts()?;
        let (tx, bundle, office, now) = (&self.tx, &self.bundle, &self.office, self.now);
        for (kind, key, detail) in conflicts {
            let added = tx.execute(
                "INSERT OR IGNORE INTO hq_conflicts (kind, key, detail, found_at, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![kind, key, detail.to_string(), now, bundle.sha256],
            )?;
            if added > 0 {
                self.report.conflicts.push(Conflict { kind, detail });
            }
        }
        let report = &self.report;
        tx.execute(
            "INSERT INTO hq_bundles (sha256, office_id, period, seq_from, seq_to, created_at, imported_at, report)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![bundle.sha256, office.id, bundle.period, bundle.seq_from, bundle.seq_to, bundle.created_at, now, serde_json::to_string(report).expect("serialisable")],
        )?;
        audit::append(
            tx,
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
        if !self.report.dry_run {
            self.tx.commit()?;
        }
        Ok(self.report) // a dry run is rolled back as the transaction is dropped
    }

    /// Conflicts are reported, never resolved here: the same certificate number with different
    /// content, and the same passport holding overlapping live certificates in two offices.
    fn conflicts(&self) -> Result<Vec<(String, String, Value)>> {
        let (tx, o, today) = (&self.tx, self.office.id.as_str(), self.now.date());
        let mut conflicts = Vec::new();
        for &id in &self.touched {
            let (number, copy, passport, from, to, status, holder): (String, i64, String, NaiveDate, NaiveDate, String, String) = tx.prepare_cached(
                "SELECT number, copy, passport_key, valid_from, valid_to, status, holder FROM hq_certificates WHERE office_id = ?1 AND certificate_id = ?2",
            )?.query_row(
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
        Ok(conflicts)
    }
}

fn order<'a>(a: (&'a str, i64), b: (&'a str, i64)) -> ((&'a str, i64), (&'a str, i64)) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}
