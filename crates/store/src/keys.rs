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

    /// Makes the office's own key when there is none (setup; stores made before keys existed).
    /// `seed` is 32 random bytes from the caller (the OS, or a demo's seed).
    pub fn ensure_own_key(
        &mut self,
        seed: [u8; 32],
        actor: &Actor,
        now: NaiveDateTime,
    ) -> Result<String> {
        if let Some(k) = self.own_key()? {
            return Ok(fingerprint(&k.verifying_key()));
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
            "INSERT INTO office_keys (fingerprint, public_key, secret_key, office_name, own, added_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)",
            params![fp, public.as_bytes().to_vec(), key.to_bytes().to_vec(), name, now],
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
        Ok(fp)
    }
}

/// 32 random bytes from the operating system, for a new office key.
pub fn random_seed() -> [u8; 32] {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).expect("the operating system provides randomness");
    seed
}
