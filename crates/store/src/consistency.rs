//! The tables held against the audit trail and the seals (issue 12, item 4): `verify` finds an
//! edit made outside the program even when the audit chain itself was left whole.
//!
//! - every certificate sealed at its decision still says what its seal says (number, copy, dates,
//!   holder, profession), and the seal is the office's;
//! - every case and every user has the event that made it, and every case an event made still
//!   exists;
//! - every user's roles are the roles the trail last gave them;
//! - every revoked certificate (by the trail) is revoked in its table.
//!
//! Each finding names the table, the row and the field.

use crate::error::{Result, StoreError};
use crate::{keys, seal};
use ed25519_dalek::VerifyingKey;
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};

fn differs(table: &'static str, row: impl ToString, column: &'static str) -> StoreError {
    StoreError::TableDiffers {
        table: table.into(),
        row: row.to_string(),
        column: column.into(),
    }
}

/// Checks the office's tables against its trail and seals; the first difference found is named.
pub(crate) fn check(conn: &Connection) -> Result<()> {
    let keys = keys_are_vouched(conn)?;
    certificates_match_their_seals(conn, &keys)?;
    rows_have_their_events(
        conn,
        "cases",
        "case",
        &["register_application", "refuse_acceptance"],
    )?;
    rows_have_their_events(conn, "users", "user", &["create_user", "manage_users"])?;
    roles_are_the_trails(conn)?;
    revocations_hold(conn)?;
    signed_events_hold(conn, &keys)?;
    // Last, every row of every table against the trail's record of it: the checks above name
    // what an edit means (a certificate's end date against its seal); this one finds any edit.
    crate::rows::tables_match_the_trail(conn)?;
    Ok(())
}

/// The office's signatory keys, each with its holder: every key but the office's first is vouched
/// for by an earlier one, is held by the user it names, and was made by an event that still names
/// it. A key inserted by someone without a signatory's password cannot carry an endorsement.
fn keys_are_vouched(conn: &Connection) -> Result<BTreeMap<String, (VerifyingKey, i64)>> {
    let Some(root) = keys::root(conn)? else {
        return Ok(BTreeMap::new());
    };
    let listed = keys::signatory_keys(conn)?;
    let vouched =
        keys::vouched(&root, &listed).map_err(|fp| differs("signatory_keys", fp, "endorsement"))?;
    let mut out = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT s.fingerprint, s.user_id, s.login = coalesce(u.login, '') FROM signatory_keys s
         LEFT JOIN users u ON u.id = s.user_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let fp: String = r.get(0)?;
        if !r.get::<_, bool>(2)? {
            return Err(differs("signatory_keys", fp, "user_id"));
        }
        let key = *vouched
            .get(&fp)
            .ok_or_else(|| differs("signatory_keys", &fp, "endorsement"))?;
        out.insert(fp, (key, r.get(1)?));
    }
    // A key the trail made is still there (its removal would hide whose seals they were).
    let made: Vec<String> = conn
        .prepare("SELECT entity_id FROM audit WHERE action IN ('signatory_key', 'office_key')")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(gone) = made.iter().find(|fp| !out.contains_key(*fp)) {
        return Err(differs("signatory_keys", gone, "deleted"));
    }
    Ok(out)
}

/// Every signed event's signature is its signer's key's over its hash, and that key is held by
/// the event's user; every decision (only a head with their key unlocked can take one) is signed,
/// once any event is: a rewrite that dropped the signatures is found too.
fn signed_events_hold(
    conn: &Connection,
    keys: &BTreeMap<String, (VerifyingKey, i64)>,
) -> Result<()> {
    use ed25519_dalek::Verifier;
    let Some(root) = keys::root(conn)? else {
        return Ok(());
    };
    let mut stmt = conn.prepare(
        "SELECT seq, hash, signature, user_id FROM audit WHERE signature IS NOT NULL ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut first_signed: Option<i64> = None;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        first_signed.get_or_insert(seq);
        let hash: String = r.get(1)?;
        let stored: String = r.get(2)?;
        let user: Option<i64> = r.get(3)?;
        let bad = || differs("audit", seq, "signature");
        // `<fingerprint>:<signature>`; the first signed events carried the shared office key's
        // signature alone.
        let (key, sig) = match stored.split_once(':') {
            Some((fp, sig)) => {
                let (key, holder) = keys.get(fp).ok_or_else(bad)?;
                if Some(*holder) != user {
                    return Err(bad());
                }
                (*key, sig)
            }
            None => (root, stored.as_str()),
        };
        let sig = hex::decode(sig)
            .ok()
            .and_then(|b| ed25519_dalek::Signature::from_slice(&b).ok())
            .ok_or_else(bad)?;
        key.verify(hash.as_bytes(), &sig).map_err(|_| bad())?;
    }
    if let Some(first) = first_signed {
        let unsigned: Option<i64> = conn
            .query_row(
                "SELECT seq FROM audit WHERE action = 'decide' AND signature IS NULL AND seq > ?1 LIMIT 1",
                [first],
                |r| r.get(0),
            )
            .ok();
        if let Some(seq) = unsigned {
            return Err(differs("audit", seq, "signature"));
        }
    }
    Ok(())
}

/// Every sealed certificate still says what its seal says; the seal is a key of this office's,
/// held by whoever the row says sealed it.
fn certificates_match_their_seals(
    conn: &Connection,
    keys: &BTreeMap<String, (VerifyingKey, i64)>,
) -> Result<()> {
    let public: Vec<VerifyingKey> = keys.values().map(|(k, _)| *k).collect();
    let root = keys::root(conn)?.map(|k| keys::fingerprint(&k));
    let mut stmt = conn.prepare(&format!(
        "SELECT c.id, c.seal, c.sealed_by, {} FROM certificates c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.seal IS NOT NULL ORDER BY c.id",
        seal::SEALED_COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let sealed = seal::verify(&r.get::<_, String>(1)?, &public)
            .map_err(|_| differs("certificates", id, "seal"))?;
        // (Before keys of their own, every signatory sealed with the office's first key.)
        let shared = root.as_ref() == Some(&sealed.office);
        if let (Some(by), false) = (r.get::<_, Option<i64>>(2)?, shared) {
            if keys.get(&sealed.office).map(|(_, holder)| *holder) != Some(by) {
                return Err(differs("certificates", id, "sealed_by"));
            }
        }
        let now = seal::sealed_data(r, 3)?;
        let field = if seal::clean(&now.number) != sealed.number {
            Some("number")
        } else if now.copy != sealed.copy {
            Some("copy")
        } else if now.issued_on != sealed.issued_on {
            Some("issued_on")
        } else if now.valid_from != sealed.valid_from {
            Some("valid_from")
        } else if now.valid_to != sealed.valid_to {
            Some("valid_to")
        } else if seal::clean(&now.holder) != sealed.holder {
            Some("holder")
        } else if seal::clean(&now.profession_id) != sealed.profession_id {
            Some("profession_id")
        } else {
            None
        };
        if let Some(field) = field {
            return Err(differs("certificates", id, field));
        }
    }
    Ok(())
}

/// Every row of `table` was made by one of `actions` on `entity`, and every such event's row is
/// still there.
fn rows_have_their_events(
    conn: &Connection,
    table: &'static str,
    entity: &str,
    actions: &[&str],
) -> Result<()> {
    let rows: BTreeSet<String> = conn
        .prepare(&format!("SELECT CAST(id AS TEXT) FROM {table}"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let list = actions
        .iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let made: BTreeSet<String> = conn
        .prepare(&format!(
            "SELECT DISTINCT entity_id FROM audit WHERE entity = ?1 AND action IN ({list})
               AND (action <> 'manage_users' OR json_extract(after, '$.login') IS NOT NULL)"
        ))?
        .query_map([entity], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(extra) = rows.difference(&made).next() {
        return Err(differs(table, extra, "row"));
    }
    if let Some(gone) = made.difference(&rows).next() {
        return Err(differs(table, gone, "deleted"));
    }
    Ok(())
}

fn roles_are_the_trails(conn: &Connection) -> Result<()> {
    // The last event on each user that says their roles.
    let mut given: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT entity_id, json_extract(after, '$.roles') FROM audit
         WHERE entity = 'user' AND json_extract(after, '$.roles') IS NOT NULL ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let roles: Vec<String> = serde_json::from_str(&r.get::<_, String>(1)?).unwrap_or_default();
        given.insert(r.get(0)?, roles.into_iter().collect());
    }
    let mut held: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT CAST(user_id AS TEXT), role FROM user_roles")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        held.entry(r.get(0)?).or_default().insert(r.get(1)?);
    }
    for (user, roles) in &held {
        if given.get(user) != Some(roles) {
            return Err(differs("user_roles", user, "role"));
        }
    }
    for (user, roles) in &given {
        if !roles.is_empty() && !held.contains_key(user) {
            return Err(differs("user_roles", user, "role"));
        }
    }
    Ok(())
}

fn revocations_hold(conn: &Connection) -> Result<()> {
    let undone: Option<String> = conn
        .query_row(
            "SELECT e.entity_id FROM audit e
             WHERE e.entity = 'certificate' AND e.action = 'revoke'
               AND NOT EXISTS (SELECT 1 FROM certificates c
                               WHERE CAST(c.id AS TEXT) = e.entity_id AND c.status = 'revoked')
             LIMIT 1",
            [],
            |r| r.get(0),
        )
        .ok();
    match undone {
        Some(id) => Err(differs("certificates", id, "status")),
        None => Ok(()),
    }
}
