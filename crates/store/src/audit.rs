//! The audit trail: append-only events, each hash-chained to the one before.
//!
//! hash(n) = SHA-256 over the event's fields and hash(n-1), as a JSON array (one canonical form).
//! Triggers refuse UPDATE and DELETE from inside SQLite; an edit made around them (dropping the
//! triggers, editing the file) breaks the chain, and [`verify`] names the first broken event. The
//! chain's head (last seq and hash) is also kept in `meta`, written in the same transaction, so that
//! removing events from the end is detected as well.

use crate::error::{Result, StoreError};
use crate::model::{Role, UserId};
use chrono::NaiveDateTime;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Who acts: a signed-in user under one of their roles, or the operating-system user at the command
/// line for administration without a window (`os:<name>`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub login: String,
    pub role: String,
}

impl Actor {
    pub fn user(id: UserId, login: &str, role: Role) -> Actor {
        Actor {
            user_id: Some(id),
            login: login.to_string(),
            role: role.as_str().to_string(),
        }
    }

    /// The person running the command line, named by the operating system.
    pub fn command_line() -> Actor {
        let name = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "unknown".into());
        Actor {
            user_id: None,
            login: format!("os:{name}"),
            role: "system".into(),
        }
    }
}

/// One event to append.
pub struct Event<'a> {
    pub at: NaiveDateTime,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The digest of an event's record of rows, as its hash and its bundle carry it.
pub fn rows_digest(rows: &str) -> String {
    hex::encode(Sha256::digest(rows.as_bytes()))
}

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[allow(clippy::too_many_arguments)]
pub(crate) fn event_hash(
    seq: i64,
    at: &str,
    user_id: Option<i64>,
    login: &str,
    role: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<&str>,
    after: Option<&str>,
    prev: &str,
    rows_digest: Option<&str>,
) -> String {
    let mut canonical = serde_json::json!([
        seq, at, user_id, login, role, action, entity, entity_id, before, after, prev
    ]);
    // The record of rows (crate::rows) is part of the hash, by its digest, where an event has one
    // (so a bundle carries the digest, not the record); events from before hash as they did.
    if let Some(d) = rows_digest {
        canonical.as_array_mut().expect("an array").push(d.into());
    }
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

fn at_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Appends an event inside the caller's transaction.
pub fn append(tx: &rusqlite::Connection, actor: &Actor, ev: Event<'_>) -> Result<i64> {
    append_signed(tx, actor, ev, None)
}

/// [`append`], the event signed with the acting signatory's own key when it is unlocked: the
/// signature over its hash is part of the row, written once (the trail is append-only).
pub(crate) fn append_signed(
    tx: &rusqlite::Connection,
    actor: &Actor,
    ev: Event<'_>,
    key: Option<&ed25519_dalek::SigningKey>,
) -> Result<i64> {
    // The rows this transaction changed since the last event are this event's record.
    let rows = crate::rows::take(tx)?;
    append_with_rows(tx, actor, ev, key, rows)
}

/// [`append_signed`] with the record of rows given.
pub(crate) fn append_with_rows(
    tx: &rusqlite::Connection,
    actor: &Actor,
    ev: Event<'_>,
    key: Option<&ed25519_dalek::SigningKey>,
    rows: Option<String>,
) -> Result<i64> {
    let head: Option<(i64, String)> = tx
        .query_row(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev) = match head {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_string()),
    };
    let at = at_text(ev.at);
    let before = ev.before.map(|v| v.to_string());
    let after = ev.after.map(|v| v.to_string());
    let uid = actor.user_id.map(|u| u.0);
    let hash = event_hash(
        seq,
        &at,
        uid,
        &actor.login,
        &actor.role,
        ev.action,
        ev.entity,
        &ev.entity_id,
        before.as_deref(),
        after.as_deref(),
        &prev,
        rows.as_deref().map(rows_digest).as_deref(),
    );
    // `<key fingerprint>:<signature>`: whose key signed is part of the signature, so verify
    // checks it against that key and its holder.
    let signature = key.map(|k| {
        use ed25519_dalek::Signer;
        format!(
            "{}:{}",
            crate::keys::fingerprint(&k.verifying_key()),
            hex::encode(k.sign(hash.as_bytes()).to_bytes())
        )
    });
    tx.execute(
        "INSERT INTO audit (seq, at, user_id, login, role, action, entity, entity_id, before, after, prev_hash, hash, signature, rows)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![seq, at, uid, actor.login, actor.role, ev.action, ev.entity, ev.entity_id, before, after, prev, hash, signature, rows],
    )?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [format!("{seq}:{hash}")],
    )?;
    Ok(seq)
}

/// The result of a successful verification.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Verified {
    pub events: i64,
    pub head: String,
}

/// Walks the whole chain; the error names the first event that does not verify.
pub fn verify(conn: &rusqlite::Connection) -> Result<Verified> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, user_id, login, role, action, entity, entity_id, before, after, prev_hash, hash, rows FROM audit ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let broken = |reason: &str| StoreError::AuditBroken {
            seq,
            reason: reason.to_string(),
        };
        if seq != expected_seq {
            return Err(StoreError::AuditBroken {
                seq: expected_seq,
                reason: format!("event missing (next stored is {seq})"),
            });
        }
        let stored_prev: String = r.get(10)?;
        if stored_prev != prev {
            return Err(broken("does not follow the event before it"));
        }
        let hash: String = r.get(11)?;
        let computed = event_hash(
            seq,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
            &r.get::<_, String>(5)?,
            &r.get::<_, String>(6)?,
            &r.get::<_, String>(7)?,
            r.get::<_, Option<String>>(8)?.as_deref(),
            r.get::<_, Option<String>>(9)?.as_deref(),
            &stored_prev,
            r.get::<_, Option<String>>(12)?
                .as_deref()
                .map(rows_digest)
                .as_deref(),
        );
        if computed != hash {
            return Err(broken("its content was changed"));
        }
        prev = hash;
        expected_seq += 1;
    }
    let events = expected_seq - 1;
    let head: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'audit_head'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let expected_head = format!("{events}:{prev}");
    match head {
        None if events == 0 => {}
        Some(h) if h == expected_head => {}
        Some(h) => {
            let head_seq = h
                .split(':')
                .next()
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(0);
            return Err(StoreError::AuditBroken {
                seq: if head_seq > events {
                    events + 1
                } else {
                    head_seq
                },
                reason: "the last events were removed or the head was altered".into(),
            });
        }
        None => {
            return Err(StoreError::AuditBroken {
                seq: 1,
                reason: "the record of the chain's head is missing".into(),
            })
        }
    }
    Ok(Verified {
        events,
        head: expected_head,
    })
}
