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

#[test]
fn a_copy_of_the_file_holds_no_key_that_signs_as_the_office() {
    let mut fx = fixture();
    fx.certificate(1);
    let secret = fx
        .head
        .seal_key
        .as_ref()
        .expect("the head's password opened the key")
        .signing()
        .to_bytes();
    let public = fx.store.own_public_key().unwrap().unwrap();
    assert_eq!(
        ed25519_dalek::SigningKey::from_bytes(&secret).verifying_key(),
        public
    );
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
    let Fixture { dir, store, .. } = fx;
    drop(store); // closed: the log is checkpointed into the file
    let bytes = on_disk(dir.path());
    assert!(
        !contains(&bytes, &secret),
        "the secret's bytes are nowhere in the files"
    );
    assert!(
        !contains(&bytes, hex::encode(secret).as_bytes()),
        "nor in hex"
    );
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
    let secret = fx.head.seal_key.as_ref().unwrap().signing().to_bytes();
    // As a store of the previous version: the secret in plain form, no slots, no seals.
    {
        let c = fx.store.connection();
        c.execute(
            "UPDATE office_keys SET secret_key = ?1 WHERE own = 1",
            [secret.to_vec()],
        )
        .unwrap();
        c.execute("DELETE FROM key_slots", []).unwrap();
        c.execute("UPDATE certificates SET seal = NULL, sealed_by = NULL", [])
            .unwrap();
    }
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
    let head = fx.store.sign_in("head", PASSWORD, at).unwrap();
    assert!(head.seal_key.is_some());
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
fn a_password_change_keeps_the_seal_and_a_reset_writes_a_new_slot() {
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

    // The head forgets it: the administrator resets it, and the new password opens a new slot.
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
    assert_eq!(reset.seal_key.unwrap().fingerprint(), fingerprint);

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
