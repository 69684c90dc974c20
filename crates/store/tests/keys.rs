//! Issue 12, item 1: the office key belongs to the signatories, encrypted. With only a copy of the
//! store file, no key material that signs as the office can be found; sealing needs a signatory
//! signed in with their password; a store from before key slots migrates at its signatories'
//! sign-ins, and its plain key is then erased from the file.

mod common;
use common::*;

use anyqtama_store::{records, CaseStatus, Outcome, StoreError};

/// Every byte the store keeps on disk: the file, its write-ahead log and shared memory.
fn on_disk(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        // (A log removed as the last connection closed is simply not there.)
        if let Ok(bytes) = std::fs::read(entry.path()) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every public key the store knows as a signer's.
fn known_public(store: &anyqtama_store::Store) -> Vec<ed25519_dalek::VerifyingKey> {
    store
        .known_keys()
        .unwrap()
        .into_iter()
        .map(|k| k.key)
        .collect()
}

/// Any value in any table that is, or holds, 32 bytes deriving a known public key: a blob (each of
/// its 32-byte windows) or a text of 64 hex digits.
fn key_material_in_tables(
    store: &anyqtama_store::Store,
    known: &[ed25519_dalek::VerifyingKey],
) -> Vec<String> {
    let c = store.connection();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let derives = |bytes: &[u8]| {
        <[u8; 32]>::try_from(bytes).ok().is_some_and(|b| {
            known.contains(&ed25519_dalek::SigningKey::from_bytes(&b).verifying_key())
        })
    };
    let mut found = Vec::new();
    for table in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for i in 0..n {
                let hit = match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Blob(b) if b.len() <= 4096 => {
                        b.windows(32).any(derives)
                    }
                    rusqlite::types::ValueRef::Text(t) => t
                        .split(|c| !c.is_ascii_hexdigit())
                        .filter(|w| w.len() == 64)
                        .any(|w| hex::decode(w).is_ok_and(|b| derives(&b))),
                    _ => false,
                };
                if hit {
                    found.push(format!("{table}, column {i}"));
                }
            }
        }
    }
    found
}

#[test]
fn a_copy_of_the_file_holds_no_key_that_signs_as_the_office() {
    let mut fx = fixture();
    fx.certificate(1);
    let head = fx
        .head
        .seal_key
        .clone()
        .expect("the head's password opened their key");
    let admin = fx.admin.seal_key.clone().expect("the administrator's too");
    // Each signatory holds a key of their own; the administrator's is the office's first, its
    // identity.
    assert_ne!(head.fingerprint(), admin.fingerprint());
    let identity = fx.store.own_public_key().unwrap().unwrap();
    assert_eq!(admin.signing().verifying_key(), identity);
    let known = known_public(&fx.store);
    assert!(known.contains(&head.signing().verifying_key()));
    let null: bool = fx
        .store
        .connection()
        .query_row(
            "SELECT secret_key IS NULL FROM office_keys WHERE own = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(null, "no plain secret in the table");
    assert_eq!(
        key_material_in_tables(&fx.store, &known),
        Vec::<String>::new(),
        "no value in the file derives a signer's public key"
    );
    let Fixture { dir, store, .. } = fx;
    drop(store); // closed: the log is checkpointed into the file
    let bytes = on_disk(dir.path());
    for key in [&head, &admin] {
        let secret = key.signing().to_bytes();
        assert!(
            !contains(&bytes, &secret),
            "the secret's bytes are nowhere in the files"
        );
        assert!(
            !contains(&bytes, hex::encode(secret).as_bytes()),
            "nor in hex"
        );
    }
}

#[test]
fn each_signatory_signs_with_their_own_key_vouched_for_by_the_office() {
    let mut fx = fixture();
    let id = fx.certificate(2);
    let head = fx.head.seal_key.clone().unwrap();
    let c = fx.store.connection();
    // The seal and the decision's event are the head's own key's.
    let seal: String = c
        .query_row("SELECT seal FROM certificates WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(seal.split('|').nth(1), Some(head.fingerprint().as_str()));
    let signature: String = c
        .query_row(
            "SELECT signature FROM audit WHERE action = 'decide' ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(signature.starts_with(&format!("{}:", head.fingerprint())));
    // The keys as a bundle carries them: the head's vouched for by the administrator's, the
    // identity's by none.
    let keys = fx.store.signatory_keys().unwrap();
    let identity = fx.store.own_public_key().unwrap().unwrap();
    let vouched = anyqtama_store::keys::vouched(&identity, &keys).unwrap();
    assert!(vouched.contains_key(&head.fingerprint()));
    let h = keys
        .iter()
        .find(|k| k.fingerprint == head.fingerprint())
        .unwrap();
    assert_eq!(h.login, "head");
    assert_eq!(
        h.endorsed_by.as_deref(),
        Some(anyqtama_store::keys::fingerprint(&identity).as_str())
    );
    // A key made by someone with only the file cannot be vouched for: a false endorsement.
    let mut forged = keys.clone();
    let mut fake = h.clone();
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    fake.public_key = hex::encode(stranger.verifying_key().as_bytes());
    fake.fingerprint = anyqtama_store::keys::fingerprint(&stranger.verifying_key());
    forged.push(fake.clone());
    assert_eq!(
        anyqtama_store::keys::vouched(&identity, &forged),
        Err(fake.fingerprint.clone())
    );
    fx.store.verify().unwrap();
}

#[test]
fn only_a_signatory_signed_in_with_their_password_seals() {
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Assessed, 2);
    // A session made without a password (as the command line's own tools make) has no key.
    let unlocked = fx.store.session_for("head").unwrap();
    assert!(unlocked.seal_key.is_none());
    let r = fx.store.write(&unlocked, t("2026-02-06 15:00"), |w| {
        w.decide(case, Outcome::Issue, &[], None, None)
    });
    assert!(matches!(r, Err(StoreError::SealLocked)), "{r:?}");
    // The registrar's password opens nothing: they are no signatory.
    let registrar = fx
        .store
        .sign_in("reg", PASSWORD, t("2026-02-06 15:00"))
        .unwrap();
    assert!(registrar.seal_key.is_none());
}

#[test]
fn a_store_from_before_key_slots_migrates_at_its_signatories_sign_ins() {
    let mut fx = fixture();
    fx.certificate(3);
    // The office's first key (the administrator's, made at setup) was once kept in plain form.
    let secret = fx.admin.seal_key.as_ref().unwrap().signing().to_bytes();
    // As a store of the previous version: the secret in plain form, no slots, no seals.
    {
        let c = fx.store.connection();
        c.execute(
            "UPDATE office_keys SET secret_key = ?1 WHERE own = 1",
            [secret.to_vec()],
        )
        .unwrap();
        c.execute("DELETE FROM key_slots", []).unwrap();
        // Before keys of their own, the first key was the only one.
        c.execute(
            "DELETE FROM signatory_keys WHERE endorsed_by IS NOT NULL",
            [],
        )
        .unwrap();
        c.execute("UPDATE certificates SET seal = NULL, sealed_by = NULL", [])
            .unwrap();
    }
    let known = known_public(&fx.store);
    assert_eq!(
        key_material_in_tables(&fx.store, &known),
        vec!["office_keys, column 2".to_string()],
        "the plain key is found where it lies"
    );
    let at = t("2026-02-07 09:00");
    let admin = fx.store.sign_in("admin", PASSWORD, at).unwrap();
    assert!(
        admin.seal_key.is_some(),
        "the plain key taken into the administrator's slot"
    );
    let number: String = fx
        .store
        .connection()
        .query_row("SELECT number FROM certificates LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert!(
        records::certificate(&fx.store, &number)
            .unwrap()
            .seal
            .is_some(),
        "older certificates sealed at the first unlock"
    );
    let plain = |fx: &Fixture| -> bool {
        fx.store
            .connection()
            .query_row(
                "SELECT secret_key IS NOT NULL FROM office_keys WHERE own = 1",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(
        plain(&fx),
        "kept until every signatory holds a slot (the head has none yet)"
    );
    assert_eq!(
        admin.seal_key.as_ref().unwrap().signing().to_bytes(),
        secret,
        "the plain key became the administrator's encrypted key"
    );
    let head = fx.store.sign_in("head", PASSWORD, at).unwrap();
    let head_key = head.seal_key.clone().unwrap();
    assert_ne!(
        head_key.signing().to_bytes(),
        secret,
        "the head got a key of their own"
    );
    let identity = fx.store.own_public_key().unwrap().unwrap();
    let vouched =
        anyqtama_store::keys::vouched(&identity, &fx.store.signatory_keys().unwrap()).unwrap();
    assert!(
        vouched.contains_key(&head_key.fingerprint()),
        "vouched for by the first key"
    );
    assert!(!plain(&fx), "erased once the last signatory has a slot");
    let Fixture { dir, store, .. } = fx;
    drop(store);
    assert!(
        !contains(&on_disk(dir.path()), &secret),
        "and vacuumed out of the file"
    );
}

#[test]
fn a_slot_belongs_to_its_user() {
    let fx = fixture();
    // The administrator's slot copied over the head's does not open with the head's password.
    let c = fx.store.connection();
    c.execute(
        "UPDATE key_slots SET salt = (SELECT salt FROM key_slots WHERE user_id = 1),
                              nonce = (SELECT nonce FROM key_slots WHERE user_id = 1),
                              wrapped = (SELECT wrapped FROM key_slots WHERE user_id = 1)
         WHERE user_id = (SELECT id FROM users WHERE login = 'head')",
        [],
    )
    .unwrap();
    let r = fx.store.sign_in("head", PASSWORD, t("2026-02-07 09:00"));
    assert!(matches!(r, Err(StoreError::KeySlotBroken)), "{r:?}");
}

#[test]
fn a_password_change_keeps_the_key_and_a_reset_rotates_it() {
    let mut fx = fixture();
    let at = t("2026-02-06 09:00");
    let fingerprint = fx.head.seal_key.as_ref().unwrap().fingerprint();
    // The head changes their own password: the old one is asked again.
    let head = fx.head.clone();
    let wrong = fx.store.write(&head, at, |w| {
        w.change_own_password("not it at all", "a new long passphrase")
    });
    assert!(
        matches!(wrong, Err(StoreError::BadCredentials)),
        "{wrong:?}"
    );
    fx.store
        .write(&head, at, |w| {
            w.change_own_password(PASSWORD, "a new long passphrase")
        })
        .unwrap();
    assert!(matches!(
        fx.store.sign_in("head", PASSWORD, at),
        Err(StoreError::BadCredentials)
    ));
    let again = fx
        .store
        .sign_in("head", "a new long passphrase", at)
        .unwrap();
    assert_eq!(again.seal_key.as_ref().unwrap().fingerprint(), fingerprint);
    fx.head = again;
    fx.certificate(5); // the head seals with the new password

    // The head forgets it: the administrator resets it, and the new password opens a new key;
    // the old one is retired but still known, so what it sealed still verifies.
    let admin = fx.admin.clone();
    let head_id = fx.head.user_id;
    fx.store
        .write(&admin, at, |w| {
            w.reset_password(head_id, "reset passphrase one")
        })
        .unwrap();
    let reset = fx
        .store
        .sign_in("head", "reset passphrase one", at)
        .unwrap();
    let rotated = reset.seal_key.clone().unwrap().fingerprint();
    assert_ne!(rotated, fingerprint, "a reset rotates the key");
    let keys = fx.store.signatory_keys().unwrap();
    let old = keys.iter().find(|k| k.fingerprint == fingerprint).unwrap();
    assert!(old.retired_at.is_some(), "the old key is retired");
    let new = keys.iter().find(|k| k.fingerprint == rotated).unwrap();
    assert!(new.retired_at.is_none());
    assert_eq!(
        new.endorsed_by.as_deref(),
        Some(fx.admin.seal_key.as_ref().unwrap().fingerprint().as_str()),
        "vouched for by the administrator who reset it"
    );
    // The head chooses their own password first (issue 15); the same new key goes on opening.
    assert!(reset.must_change_password);
    fx.store
        .write(&reset, at, |w| {
            w.change_own_password("reset passphrase one", "the head's own passphrase")
        })
        .unwrap();
    let own = fx
        .store
        .sign_in("head", "the head's own passphrase", at)
        .unwrap();
    assert_eq!(own.seal_key.clone().unwrap().fingerprint(), rotated);
    fx.head = own;
    fx.certificate(6); // the head seals with the new key
    fx.store.verify().unwrap();

    // An administrator signed in without a password cannot give anyone the key.
    let passwordless = fx.store.session_for("admin").unwrap();
    let r = fx.store.write(&passwordless, at, |w| {
        w.reset_password(head_id, "reset passphrase two")
    });
    assert!(matches!(r, Err(StoreError::SealLocked)), "{r:?}");
    // A registrar's reset needs no key, and gives none.
    let reg = fx.registrar.user_id;
    fx.store
        .write(&passwordless, at, |w| {
            w.reset_password(reg, "registrar passphrase")
        })
        .unwrap();
    assert!(fx
        .store
        .sign_in("reg", "registrar passphrase", at)
        .unwrap()
        .seal_key
        .is_none());
    fx.store.verify().unwrap();
}
