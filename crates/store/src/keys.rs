//! The office's Ed25519 key pair, made at setup, which signs the QR code of every certificate; and
//! the public keys of other offices, for checking theirs (issue 4; bundles bring them in issue 6).
//!
//! The secret stays in this store: on an office computer with no network that is the one place the
//! program can keep it. Anyone who can copy the store file can sign as the office; the file is to be
//! guarded like the seal.

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::Store;
use chrono::NaiveDateTime;
use ed25519_dalek::{SigningKey, VerifyingKey};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

/// Fingerprint: 16 hex digits of the SHA-256 of the public key.
pub fn fingerprint(key: &VerifyingKey) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

/// This office's signing key, if setup made one (read inside a transaction, for the seal).
pub(crate) fn own_key(conn: &rusqlite::Connection) -> Result<Option<SigningKey>> {
    let secret: Option<Vec<u8>> = conn
        .query_row(
            "SELECT secret_key FROM office_keys WHERE own = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(secret
        .and_then(|s| <[u8; 32]>::try_from(s.as_slice()).ok())
        .map(|b| SigningKey::from_bytes(&b)))
}

impl Store {
    /// This office's signing key, if setup made one.
    pub fn own_key(&self) -> Result<Option<SigningKey>> {
        own_key(self.connection())
    }

    /// Every office key this store knows (its own and imported ones).
    pub fn known_keys(&self) -> Result<Vec<(VerifyingKey, String, bool)>> {
        let mut stmt = self.connection().prepare(
            "SELECT public_key, office_name, own FROM office_keys ORDER BY own DESC, fingerprint",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (bytes, name, own) = row?;
            if let Some(k) = <[u8; 32]>::try_from(bytes.as_slice())
                .ok()
                .and_then(|b| VerifyingKey::from_bytes(&b).ok())
            {
                out.push((k, name, own));
            }
        }
        Ok(out)
    }

    /// Makes the office's own key at setup, kept only encrypted in the acting administrator's slot
    /// under `password` (never in plain form in the file). `seed` is 32 random bytes from the OS.
    pub(crate) fn ensure_own_key(
        &mut self,
        seed: [u8; 32],
        actor: &Actor,
        now: NaiveDateTime,
        password: &str,
    ) -> Result<SealKey> {
        if let Some(k) = self.own_key()? {
            return Ok(SealKey(k));
        }
        let name: String = self
            .connection()
            .query_row("SELECT name_ru FROM office WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoOffice)?;
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
        let sealed = SealKey(key);
        write_slot(
            &tx,
            actor.user_id.map(|u| u.0).unwrap_or_default(),
            password,
            &sealed,
            now,
        )?;
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

    /// The office's own public key (for a bundle's identity; no secret is read).
    pub fn own_public_key(&self) -> Result<Option<VerifyingKey>> {
        Ok(self
            .known_keys()?
            .into_iter()
            .find(|(_, _, own)| *own)
            .map(|(k, _, _)| k))
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
fn slot_key(password: &str, salt: &[u8]) -> Result<chacha20poly1305::Key> {
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

/// Opens `user`'s slot with their password. `None` when they have none.
pub(crate) fn open_slot(
    conn: &rusqlite::Connection,
    user: i64,
    password: &str,
) -> Result<Option<SealKey>> {
    use chacha20poly1305::aead::{Aead, Payload};
    use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
    let slot: Option<(String, Vec<u8>, Vec<u8>, Vec<u8>)> = conn
        .query_row(
            "SELECT fingerprint, salt, nonce, wrapped FROM key_slots WHERE user_id = ?1",
            [user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((fp, salt, nonce, wrapped)) = slot else {
        return Ok(None);
    };
    let cipher = XChaCha20Poly1305::new(&slot_key(password, &salt)?);
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

/// At a signatory's sign-in: their slot opened; or, in a store from before slots, the plain key
/// taken into a new slot for them, and the plain copy erased once every active signatory holds a
/// slot (then the file is vacuumed, so the old bytes do not linger in free pages).
pub(crate) fn unlock(
    store: &Store,
    actor: &Actor,
    password: &str,
    now: NaiveDateTime,
) -> Result<Option<SealKey>> {
    let user = actor.user_id.map(|u| u.0).unwrap_or_default();
    if let Some(k) = open_slot(store.connection(), user, password)? {
        return Ok(Some(k));
    }
    let Some(plain) = own_key(store.connection())? else {
        return Ok(None);
    };
    let key = SealKey(plain);
    let tx =
        rusqlite::Transaction::new_unchecked(store.connection(), TransactionBehavior::Immediate)?;
    write_slot(&tx, user, password, &key, now)?;
    // Certificates decided before seals were stored are sealed now, so that printing them never
    // needs the key once its plain copy is gone.
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
    let erased = without == 0;
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
        store
            .connection()
            .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
    }
    Ok(Some(key))
}
