//! Keys that sign (issue 12): each signatory (head, administrator) holds an Ed25519 key of their
//! own, whose secret is kept only encrypted under a key derived from their password.
//!
//! - The office's first key, made at setup in the first administrator's hands, is the office's
//!   identity (`office_keys`, `own = 1`): the higher office trusts the office by its fingerprint,
//!   read out on paper or the phone.
//! - Every later key is vouched for (*endorsed*) by a key of the office made before it: the
//!   administrator's when they create a signatory or reset a password, or the shared key an older
//!   store held. The endorsements travel in every bundle, so the higher office accepts a new or
//!   rotated key only through a chain from the identity it already trusts ([`vouched`]).
//! - A reset retires the old key (it stays known, so old seals and bundles still verify) and makes
//!   a new one; a password change re-encrypts the same key.
//! - Other offices' public keys (`office_keys`, `own = 0`, and the higher office's
//!   `hq_office_keys`) check their certificates' QR codes.

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::{NaiveDateTime, Timelike};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Fingerprint: 16 hex digits of the SHA-256 of the public key.
pub fn fingerprint(key: &VerifyingKey) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

/// A signatory's public key as the office records it and its bundles carry it: whose it is, when it
/// was made and retired, and which earlier key of the office vouched for it (none for the office's
/// first key, its identity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SignatoryKey {
    pub fingerprint: String,
    /// The Ed25519 public key, hex.
    pub public_key: String,
    pub login: String,
    pub full_name: String,
    pub created_at: NaiveDateTime,
    pub retired_at: Option<NaiveDateTime>,
    pub endorsed_by: Option<String>,
    /// The endorsing key's signature (hex) over [`endorsement_message`].
    pub endorsement: Option<String>,
}

impl SignatoryKey {
    pub fn verifying(&self) -> Option<VerifyingKey> {
        parse_public(&self.public_key)
    }
}

pub fn parse_public(hex_key: &str) -> Option<VerifyingKey> {
    hex::decode(hex_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
}

/// What an endorsement signs: the office (by its identity's fingerprint, so an endorsement cannot
/// be carried to another office), the new key, its holder and when it was made.
pub fn endorsement_message(
    office: &str,
    public_key: &VerifyingKey,
    login: &str,
    created_at: NaiveDateTime,
) -> String {
    format!(
        "anyqtama-key|1|{office}|{}|{login}|{}",
        hex::encode(public_key.as_bytes()),
        created_at.format("%Y-%m-%dT%H:%M:%S")
    )
}

/// The keys of an office vouched for from its identity `root`: each one endorsed by the root or
/// by a key already vouched for, made no later than it. The first key that is not is the error.
pub fn vouched(
    root: &VerifyingKey,
    keys: &[SignatoryKey],
) -> std::result::Result<BTreeMap<String, VerifyingKey>, String> {
    let root_fp = fingerprint(root);
    let mut good: BTreeMap<String, (VerifyingKey, NaiveDateTime)> = BTreeMap::new();
    let mut pending: Vec<&SignatoryKey> = keys.iter().collect();
    pending.sort_by_key(|k| k.created_at);
    // The identity itself, with no endorsement.
    if let Some(k) = pending.iter().find(|k| k.fingerprint == root_fp) {
        if k.verifying() != Some(*root) || k.endorsed_by.is_some() {
            return Err(k.fingerprint.clone());
        }
        good.insert(root_fp.clone(), (*root, k.created_at));
    } else {
        good.insert(root_fp.clone(), (*root, NaiveDateTime::MIN));
    }
    pending.retain(|k| k.fingerprint != root_fp);
    // Oldest first: a key is vouched for only by one made before it.
    for k in pending {
        let ok = (|| {
            let public = k.verifying()?;
            if fingerprint(&public) != k.fingerprint {
                return None;
            }
            let (by, made) = good.get(k.endorsed_by.as_deref()?)?;
            if *made > k.created_at {
                return None;
            }
            let sig = hex::decode(k.endorsement.as_deref()?).ok()?;
            let sig = Signature::from_slice(&sig).ok()?;
            let msg = endorsement_message(&root_fp, &public, &k.login, k.created_at);
            by.verify(msg.as_bytes(), &sig).ok()?;
            Some(public)
        })();
        match ok {
            Some(public) => {
                good.insert(k.fingerprint.clone(), (public, k.created_at));
            }
            None => return Err(k.fingerprint.clone()),
        }
    }
    Ok(good.into_iter().map(|(f, (k, _))| (f, k)).collect())
}

/// A public key this store can check a seal with, and whose it is.
#[derive(Debug, Clone)]
pub struct KnownKey {
    pub key: VerifyingKey,
    /// The office, by its name as this store knows it.
    pub office: String,
    /// The signatory who holds it, where known.
    pub holder: Option<String>,
    pub retired_at: Option<NaiveDateTime>,
    /// One of this store's own office's keys.
    pub own: bool,
}

/// The legacy plain secret of the office's first key, in a store from before key slots.
pub(crate) fn own_key(conn: &rusqlite::Connection) -> Result<Option<SigningKey>> {
    let secret: Option<Vec<u8>> = conn
        .query_row(
            "SELECT secret_key FROM office_keys WHERE own = 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(secret
        .and_then(|s| <[u8; 32]>::try_from(s.as_slice()).ok())
        .map(|b| SigningKey::from_bytes(&b)))
}

/// The office's identity: its first key's public half.
pub(crate) fn root(conn: &rusqlite::Connection) -> Result<Option<VerifyingKey>> {
    let bytes: Option<Vec<u8>> = conn
        .query_row(
            "SELECT public_key FROM office_keys WHERE own = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(bytes
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok()))
}

/// Every key this office's signatories hold or held, oldest first.
pub(crate) fn signatory_keys(conn: &rusqlite::Connection) -> Result<Vec<SignatoryKey>> {
    let mut stmt = conn.prepare_cached(
        "SELECT fingerprint, public_key, login, full_name, created_at, retired_at, endorsed_by, endorsement
         FROM signatory_keys ORDER BY created_at, fingerprint",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SignatoryKey {
            fingerprint: r.get(0)?,
            public_key: hex::encode(r.get::<_, Vec<u8>>(1)?),
            login: r.get(2)?,
            full_name: r.get(3)?,
            created_at: r.get(4)?,
            retired_at: r.get(5)?,
            endorsed_by: r.get(6)?,
            endorsement: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Who holds the key `fp` of this office (their user id), if it is one of its signatories'.
pub(crate) fn holder_of(conn: &rusqlite::Connection, fp: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT user_id FROM signatory_keys WHERE fingerprint = ?1",
            [fp],
            |r| r.get(0),
        )
        .optional()?)
}

impl Store {
    /// The legacy plain secret of the office's first key, in a store from before key slots.
    pub fn own_key(&self) -> Result<Option<SigningKey>> {
        own_key(self.connection())
    }

    /// Every public key this store can check a seal with: its own signatories', other offices'
    /// it was given, and (at a higher office) every office's identity and signatories' keys.
    pub fn known_keys(&self) -> Result<Vec<KnownKey>> {
        let conn = self.connection();
        let key = |b: Vec<u8>| {
            <[u8; 32]>::try_from(b.as_slice())
                .ok()
                .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        };
        let mut out = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT s.public_key, coalesce((SELECT name_ru FROM office WHERE id = 1), ''), s.full_name, s.retired_at, 1
               FROM signatory_keys s
             UNION ALL
             SELECT k.public_key, k.office_name, NULL, NULL, k.own FROM office_keys k
              WHERE k.own = 0 OR k.fingerprint NOT IN (SELECT fingerprint FROM signatory_keys)
             UNION ALL
             SELECT o.public_key, o.code || ' — ' || o.name_ru, NULL, NULL, 0 FROM hq_offices o
             UNION ALL
             SELECT h.public_key, o.code || ' — ' || o.name_ru, h.full_name, h.retired_at, 0
               FROM hq_office_keys h JOIN hq_offices o ON o.office_id = h.office_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<NaiveDateTime>>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })?;
        for row in rows {
            let (bytes, office, holder, retired_at, own) = row?;
            if let Some(key) = key(bytes) {
                out.push(KnownKey {
                    key,
                    office,
                    holder,
                    retired_at,
                    own,
                });
            }
        }
        Ok(out)
    }

    /// Every key this office's signatories hold or held (for its bundles and its settings).
    pub fn signatory_keys(&self) -> Result<Vec<SignatoryKey>> {
        signatory_keys(self.connection())
    }

    /// Makes the office's first key at setup: its identity, held by the acting administrator and
    /// kept only encrypted in their slot under `password` (never in plain form in the file).
    /// `seed` is 32 random bytes from the OS.
    pub(crate) fn ensure_own_key(
        &mut self,
        seed: [u8; 32],
        actor: &Actor,
        now: NaiveDateTime,
        password: &str,
    ) -> Result<SealKey> {
        let name: String = self
            .connection()
            .query_row("SELECT name_ru FROM office WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoOffice)?;
        let user = actor.user_id.map(|u| u.0).unwrap_or_default();
        let key = SigningKey::from_bytes(&seed);
        let public = key.verifying_key();
        let fp = fingerprint(&public);
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO office_keys (fingerprint, public_key, secret_key, office_name, own, added_at) VALUES (?1, ?2, NULL, ?3, 1, ?4)",
            params![fp, public.as_bytes().to_vec(), name, now],
        )?;
        tx.execute(
            "INSERT INTO signatory_keys (fingerprint, public_key, user_id, login, full_name, created_at)
             SELECT ?1, ?2, id, login, full_name, ?3 FROM users WHERE id = ?4",
            params![fp, public.as_bytes().to_vec(), now, user],
        )?;
        let sealed = SealKey(key);
        write_slot(&tx, user, password, &sealed, now)?;
        audit::append(
            &tx,
            actor,
            Event {
                at: now,
                action: "office_key",
                entity: "office_key",
                entity_id: fp.clone(),
                before: None,
                after: Some(
                    serde_json::json!({"fingerprint": fp, "public_key": hex::encode(public.as_bytes())}),
                ),
            },
        )?;
        tx.commit()?;
        Ok(sealed)
    }

    /// The office's identity key (for a bundle's identity; no secret is read).
    pub fn own_public_key(&self) -> Result<Option<VerifyingKey>> {
        root(self.connection())
    }
}

/// 32 random bytes from the operating system, for a new office key.
pub fn random_seed() -> [u8; 32] {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).expect("the operating system provides randomness");
    seed
}

/// The office key, unlocked by a signatory's password for the length of their session. It never
/// leaves the process: it is not serialised and prints as `SealKey(<fingerprint>)`.
#[derive(Clone)]
pub struct SealKey(SigningKey);

impl SealKey {
    pub fn signing(&self) -> &SigningKey {
        &self.0
    }
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.0.verifying_key())
    }
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SealKey({})", self.fingerprint())
    }
}

/// Roles that seal: the head signs certificates, the administrator signs bundles.
pub(crate) fn seals(roles: &[crate::Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, crate::Role::Head | crate::Role::Admin))
}

/// The key that opens a slot: argon2id (as the password hashes) of the password and the slot's salt.
pub(crate) fn slot_key(password: &str, salt: &[u8]) -> Result<chacha20poly1305::Key> {
    let mut out = [0u8; 32];
    argon2::Argon2::default()
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .map_err(|_| StoreError::BadCredentials)?;
    Ok(out.into())
}

/// What a slot's ciphertext is bound to: the user and the key it holds (a slot copied to another
/// user's row does not open).
fn slot_aad(user: i64, fingerprint: &str) -> Vec<u8> {
    format!("anyqtama-key-slot|{user}|{fingerprint}").into_bytes()
}

/// Writes (or replaces) `user`'s slot: the office key encrypted under their password.
pub(crate) fn write_slot(
    conn: &rusqlite::Connection,
    user: i64,
    password: &str,
    key: &SealKey,
    now: NaiveDateTime,
) -> Result<()> {
    use chacha20poly1305::aead::{Aead, Payload};
    use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut salt).expect("the operating system provides randomness");
    getrandom::fill(&mut nonce).expect("the operating system provides randomness");
    let fp = key.fingerprint();
    let cipher = XChaCha20Poly1305::new(&slot_key(password, &salt)?);
    let secret = key.0.to_bytes();
    let wrapped = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &secret,
                aad: &slot_aad(user, &fp),
            },
        )
        .expect("encryption of 32 bytes does not fail");
    conn.execute(
        "INSERT INTO key_slots (user_id, fingerprint, salt, nonce, wrapped, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(user_id) DO UPDATE SET fingerprint = ?2, salt = ?3, nonce = ?4, wrapped = ?5, created_at = ?6",
        params![user, fp, salt.to_vec(), nonce.to_vec(), wrapped, now],
    )?;
    Ok(())
}

/// A slot's key made from the password in advance (at sign-in, beside the password's own check),
/// with the salt it was made with.
pub(crate) struct Derived {
    pub salt: Vec<u8>,
    pub key: chacha20poly1305::Key,
}

/// The salt of `user`'s slot, if they have one.
pub(crate) fn slot_salt(conn: &rusqlite::Connection, user: i64) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row(
            "SELECT salt FROM key_slots WHERE user_id = ?1",
            [user],
            |r| r.get(0),
        )
        .optional()?)
}

/// Opens `user`'s slot with their password. `None` when they have none.
pub(crate) fn open_slot(
    conn: &rusqlite::Connection,
    user: i64,
    password: &str,
) -> Result<Option<SealKey>> {
    open_slot_with(conn, user, password, None)
}

/// [`open_slot`], with the slot's key taken from `derived` when it was made with the slot's salt.
fn open_slot_with(
    conn: &rusqlite::Connection,
    user: i64,
    password: &str,
    derived: Option<Derived>,
) -> Result<Option<SealKey>> {
    use chacha20poly1305::aead::{Aead, Payload};
    use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
    // fingerprint, salt, nonce, wrapped key
    type Slot = (String, Vec<u8>, Vec<u8>, Vec<u8>);
    let slot: Option<Slot> = conn
        .query_row(
            "SELECT fingerprint, salt, nonce, wrapped FROM key_slots WHERE user_id = ?1",
            [user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((fp, salt, nonce, wrapped)) = slot else {
        return Ok(None);
    };
    let key = match derived {
        Some(d) if d.salt == salt => d.key,
        _ => slot_key(password, &salt)?,
    };
    let cipher = XChaCha20Poly1305::new(&key);
    // The password was checked against its hash already: a slot that does not open was altered.
    let secret = cipher
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &wrapped,
                aad: &slot_aad(user, &fp),
            },
        )
        .map_err(|_| StoreError::KeySlotBroken)?;
    let bytes = <[u8; 32]>::try_from(secret.as_slice()).map_err(|_| StoreError::KeySlotBroken)?;
    let key = SigningKey::from_bytes(&bytes);
    if fingerprint(&key.verifying_key()) != fp {
        return Err(StoreError::KeySlotBroken);
    }
    Ok(Some(SealKey(key)))
}

/// Makes a new key for `user`, vouched for by `endorser` (a key of the office made before), kept
/// in their slot under `password`; their earlier keys are retired, not deleted, so what they sealed
/// still verifies. The event is signed by `signer` (the acting signatory's key), or else by the new
/// key itself (the holder is the one acting).
#[allow(clippy::too_many_arguments)]
pub(crate) fn make_key(
    tx: &rusqlite::Connection,
    endorser: &SealKey,
    user: i64,
    password: &str,
    actor: &Actor,
    now: NaiveDateTime,
    signer: Option<&SealKey>,
) -> Result<SealKey> {
    let office = root(tx)?.ok_or(StoreError::NoOffice)?;
    let (login, full_name): (String, String) = tx.query_row(
        "SELECT login, full_name FROM users WHERE id = ?1",
        [user],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let key = SealKey(SigningKey::from_bytes(&random_seed()));
    let public = key.0.verifying_key();
    let fp = key.fingerprint();
    // Rules of the house: a key is made at a whole second, as every time in the trail is.
    let made = now.with_nanosecond(0).unwrap_or(now);
    let msg = endorsement_message(&fingerprint(&office), &public, &login, made);
    let endorsement = hex::encode(endorser.0.sign(msg.as_bytes()).to_bytes());
    retire_keys(tx, user, now)?;
    tx.execute(
        "INSERT INTO signatory_keys (fingerprint, public_key, user_id, login, full_name, created_at, endorsed_by, endorsement)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![fp, public.as_bytes().to_vec(), user, login, full_name, made, endorser.fingerprint(), endorsement],
    )?;
    write_slot(tx, user, password, &key, now)?;
    audit::append_signed(
        tx,
        actor,
        Event {
            at: now,
            action: "signatory_key",
            entity: "signatory_key",
            entity_id: fp.clone(),
            before: None,
            after: Some(serde_json::json!({
                "user_id": user, "login": login, "public_key": hex::encode(public.as_bytes()),
                "endorsed_by": endorser.fingerprint(), "endorsement": endorsement,
            })),
        },
        Some(&signer.unwrap_or(&key).0),
    )?;
    Ok(key)
}

/// Takes `user`'s key away (they no longer sign): retired, and their slot removed.
pub(crate) fn withdraw(tx: &rusqlite::Connection, user: i64, now: NaiveDateTime) -> Result<()> {
    retire_keys(tx, user, now)?;
    tx.execute("DELETE FROM key_slots WHERE user_id = ?1", [user])?;
    Ok(())
}

/// Retires `user`'s keys in use (their password was reset, or they no longer sign).
fn retire_keys(tx: &rusqlite::Connection, user: i64, now: NaiveDateTime) -> Result<()> {
    tx.execute(
        "UPDATE signatory_keys SET retired_at = ?2 WHERE user_id = ?1 AND retired_at IS NULL",
        params![user, now],
    )?;
    Ok(())
}

/// At a signatory's sign-in, the key their password opens:
/// - their own key, from their slot;
/// - in a store where signatories shared the office's first key (before keys of their own), a new
///   key of their own, vouched for by the shared one, which then leaves their slot;
/// - in a store from before key slots, the plain first key: its holder takes it into their slot,
///   anyone else gets a new key vouched for by it; the plain copy is erased once every active
///   signatory holds a slot (then the file is vacuumed, so the old bytes do not linger).
///
/// `derived` is the slot's key if the caller made it already (see [`Derived`]).
pub(crate) fn unlock(
    store: &Store,
    actor: &Actor,
    password: &str,
    now: NaiveDateTime,
    derived: Option<Derived>,
) -> Result<Option<SealKey>> {
    let conn = store.connection();
    let user = actor.user_id.map(|u| u.0).unwrap_or_default();
    let slot = open_slot_with(conn, user, password, derived)?;
    if let Some(k) = &slot {
        if holder_of(conn, &k.fingerprint())? == Some(user) {
            return Ok(slot);
        }
    }
    let plain = own_key(conn)?.map(SealKey);
    let Some(from) = slot.or(plain.clone()) else {
        return Ok(None);
    };
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let key = if holder_of(&tx, &from.fingerprint())? == Some(user) {
        write_slot(&tx, user, password, &from, now)?;
        from.clone()
    } else {
        make_key(&tx, &from, user, password, actor, now, None)?
    };
    // Certificates decided before seals were stored are sealed now (by the first signatory to
    // sign in), so that printing them never needs a key once the plain copy is gone.
    let unsealed: Vec<i64> = tx
        .prepare("SELECT id FROM certificates WHERE seal IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &unsealed {
        crate::seal::store_seal(&tx, *id, &key.0, None)?;
    }
    let without: i64 = tx.query_row(
        "SELECT count(*) FROM users u WHERE u.active = 1
           AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('head', 'admin'))
           AND NOT EXISTS (SELECT 1 FROM key_slots s WHERE s.user_id = u.id)",
        [],
        |r| r.get(0),
    )?;
    let erased = plain.is_some() && without == 0;
    if erased {
        tx.execute("UPDATE office_keys SET secret_key = NULL WHERE own = 1", [])?;
    }
    audit::append(
        &tx,
        actor,
        Event {
            at: now,
            action: "key_slot",
            entity: "user",
            entity_id: user.to_string(),
            before: None,
            after: Some(
                serde_json::json!({"fingerprint": key.fingerprint(), "plain_copy_erased": erased, "sealed": unsealed.len()}),
            ),
        },
    )?;
    tx.commit()?;
    if erased {
        // The old pages (and the write-ahead log's copies) of the plain key are rewritten away.
        conn.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
    }
    Ok(Some(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A slot's key made in advance (at sign-in) opens the slot only with the slot's own salt;
    /// with another salt the slot's key is made again from the password.
    #[test]
    fn a_slot_key_made_in_advance_is_used_for_its_own_salt_only() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE key_slots (user_id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL,
                salt BLOB NOT NULL, nonce BLOB NOT NULL, wrapped BLOB NOT NULL, created_at TEXT NOT NULL)",
        )
        .unwrap();
        let key = SealKey(SigningKey::from_bytes(&[7u8; 32]));
        let password = "a long passphrase";
        let now = chrono::NaiveDate::from_ymd_opt(2026, 2, 2)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        write_slot(&conn, 3, password, &key, now).unwrap();
        let salt = slot_salt(&conn, 3).unwrap().unwrap();
        assert_eq!(slot_salt(&conn, 4).unwrap(), None);
        let opened = |derived| open_slot_with(&conn, 3, password, derived);

        let made = Derived {
            salt: salt.clone(),
            key: slot_key(password, &salt).unwrap(),
        };
        let k = opened(Some(made)).unwrap().unwrap();
        assert_eq!(k.fingerprint(), key.fingerprint());
        // A wrong key made for this salt is used as it is (nothing is derived twice): the slot
        // does not open.
        let wrong = Derived {
            salt: salt.clone(),
            key: [0u8; 32].into(),
        };
        assert!(matches!(
            opened(Some(wrong)),
            Err(StoreError::KeySlotBroken)
        ));
        // Made for another salt (the slot was rewritten meanwhile): ignored.
        let stale = Derived {
            salt: vec![0u8; 16],
            key: [0u8; 32].into(),
        };
        assert_eq!(
            opened(Some(stale)).unwrap().unwrap().fingerprint(),
            key.fingerprint()
        );
        assert_eq!(
            opened(None).unwrap().unwrap().fingerprint(),
            key.fingerprint()
        );
    }
}
