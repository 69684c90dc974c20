//! Issue 12, item 4: every kind of outside edit the probe tried is named by `verify` (table, row,
//! field), even when the audit chain itself is left whole.

mod common;
use common::*;

use anyqtama_store::{RevocationAct, StoreError};

/// A fixture with a certificate and a revoked one, which verifies; then `edit` in SQL beside the
/// program, and what `verify` says.
fn after_edit(edit: &str) -> StoreError {
    let mut fx = fixture();
    fx.certificate(1);
    let revoked = fx.certificate(2);
    let head = fx.head.clone();
    fx.store
        .write(&head, t("2026-02-10 10:00"), |w| {
            w.revoke(
                revoked,
                &RevocationAct {
                    body: "Migration service".into(),
                    number: "17-04/112".into(),
                    date: d("2026-02-09"),
                },
            )
        })
        .unwrap();
    fx.store.verify().expect("untouched, it verifies");
    fx.store.connection().execute_batch(edit).unwrap();
    fx.store.verify().expect_err("the edit is found")
}

fn named(e: StoreError) -> (String, String) {
    match e {
        StoreError::TableDiffers { table, column, .. } => (table.to_string(), column.to_string()),
        other => panic!("not named as a table difference: {other:?}"),
    }
}

#[test]
fn a_certificates_end_date_moved() {
    let e = after_edit("UPDATE certificates SET valid_to = '2030-12-31' WHERE id = 1");
    assert_eq!(named(e), ("certificates".into(), "valid_to".into()));
}

#[test]
fn a_holder_renamed() {
    let e = after_edit("UPDATE applicants SET surname_latin = 'SOMEONE' WHERE id = 1");
    assert_eq!(named(e), ("certificates".into(), "holder".into()));
}

#[test]
fn a_revocation_undone() {
    let e = after_edit("UPDATE certificates SET status = 'valid' WHERE id = 2");
    assert_eq!(named(e), ("certificates".into(), "status".into()));
}

#[test]
fn a_case_deleted() {
    let e = after_edit(
        "PRAGMA foreign_keys = OFF; DELETE FROM cases WHERE id = (SELECT max(id) FROM cases)",
    );
    assert_eq!(named(e), ("cases".into(), "deleted".into()));
}

#[test]
fn a_head_inserted() {
    let e = after_edit(
        "INSERT INTO users (login, full_name, password_hash, lang, created_at) VALUES ('boss', 'Boss', 'x', 'ru', '2026-02-10T10:00:00');
         INSERT INTO user_roles (user_id, role) SELECT id, 'head' FROM users WHERE login = 'boss';",
    );
    assert_eq!(named(e), ("users".into(), "row".into()));
}

#[test]
fn a_registrar_made_head() {
    let e = after_edit(
        "INSERT INTO user_roles (user_id, role) SELECT id, 'head' FROM users WHERE login = 'reg'",
    );
    assert_eq!(named(e), ("user_roles".into(), "role".into()));
}

#[test]
fn a_seal_replaced() {
    let e =
        after_edit("UPDATE certificates SET seal = replace(seal, 'ANQ1|', 'ANQ1|0') WHERE id = 1");
    assert_eq!(named(e), ("certificates".into(), "seal".into()));
}

#[test]
fn a_decisions_signature_dropped() {
    let e = after_edit(
        "DROP TRIGGER audit_no_update; UPDATE audit SET signature = NULL WHERE seq = (SELECT max(seq) FROM audit WHERE action = 'decide')",
    );
    assert_eq!(named(e), ("audit".into(), "signature".into()));
}

#[test]
fn a_signature_forged() {
    let e = after_edit(
        "DROP TRIGGER audit_no_update; UPDATE audit SET signature = replace(signature, substr(signature, 1, 2), 'ff') WHERE seq = (SELECT max(seq) FROM audit WHERE signature IS NOT NULL)",
    );
    assert_eq!(named(e), ("audit".into(), "signature".into()));
}

#[test]
fn a_seal_ascribed_to_another_signatory() {
    let e = after_edit("UPDATE certificates SET sealed_by = (SELECT id FROM users WHERE login = 'admin') WHERE id = 1");
    assert_eq!(named(e), ("certificates".into(), "sealed_by".into()));
}

#[test]
fn a_key_inserted_for_a_signatory() {
    // Someone with the file makes a key of their own and lists it as the head's: they cannot make
    // the endorsement of a key the office holds.
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[9u8; 32]).verifying_key();
    let fp = anyqtama_store::keys::fingerprint(&stranger);
    let e = after_edit(&format!(
        "INSERT INTO signatory_keys (fingerprint, public_key, user_id, login, full_name, created_at, endorsed_by, endorsement)
         SELECT '{fp}', x'{}', id, login, full_name, '2026-02-20 10:00:00',
                (SELECT fingerprint FROM signatory_keys WHERE endorsed_by IS NULL), '{}'
         FROM users WHERE login = 'head'",
        hex::encode(stranger.as_bytes()),
        "ab".repeat(64)
    ));
    assert_eq!(named(e), ("signatory_keys".into(), "endorsement".into()));
}

#[test]
fn a_key_given_to_another_user() {
    let e = after_edit(
        "UPDATE signatory_keys SET user_id = (SELECT id FROM users WHERE login = 'reg') WHERE login = 'head'",
    );
    assert_eq!(named(e), ("signatory_keys".into(), "user_id".into()));
}
