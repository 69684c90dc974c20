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

/// A named difference: (table, row, field).
fn where_(e: StoreError) -> (String, String, String) {
    match e {
        StoreError::TableDiffers { table, row, column } => (table, row, column),
        other => panic!("not named as a table difference: {other:?}"),
    }
}

// Issue 12, item 4: any table, not only those the law's outcome is in. Each event records a digest
// of every row its transaction changed; verify replays the record and holds every table against it.

#[test]
fn an_applicants_phone_changed() {
    let e = after_edit("UPDATE applicants SET phone = '+7 700 000 0000' WHERE id = 1");
    assert_eq!(where_(e), ("applicants".into(), "1".into(), "phone".into()));
}

#[test]
fn a_members_position_changed() {
    let e = after_edit("UPDATE commission_members SET position = 'Chair' WHERE id = 2");
    assert_eq!(
        where_(e),
        ("commission_members".into(), "2".into(), "position".into())
    );
}

#[test]
fn points_of_an_assessment_changed() {
    let e = after_edit("UPDATE assessments SET points = points + 10 WHERE case_id = 1");
    assert_eq!(
        where_(e),
        ("assessments".into(), "1".into(), "points".into())
    );
}

#[test]
fn a_member_struck_from_a_sitting() {
    let e = after_edit("DELETE FROM sitting_members WHERE member_id = 2");
    let (table, _, field) = where_(e);
    assert_eq!(
        (table.as_str(), field.as_str()),
        ("sitting_members", "deleted")
    );
}

#[test]
fn the_office_address_changed() {
    let e = after_edit("UPDATE office SET address = 'elsewhere' WHERE id = 1");
    assert_eq!(where_(e), ("office".into(), "1".into(), "address".into()));
}

#[test]
fn a_users_language_is_a_preference_not_a_record() {
    let fx = fixture();
    let head = fx.head.clone();
    fx.store.set_lang(&head, "kk").unwrap();
    fx.store
        .verify()
        .expect("set without an event, and not recorded");
    fx.store
        .connection()
        .execute(
            "UPDATE users SET full_name = 'Someone' WHERE login = 'head'",
            [],
        )
        .unwrap();
    assert_eq!(
        where_(fx.store.verify().unwrap_err()),
        (
            "users".into(),
            fx.head.user_id.0.to_string(),
            "full_name".into()
        )
    );
}

#[test]
fn a_store_from_before_the_record_of_rows_gets_a_baseline_once() {
    use sha2::Digest;
    let mut fx = fixture();
    fx.certificate(1);
    // As an older program left it: no record of rows, no signatures (the hashes recomputed).
    {
        let c = fx.store.connection();
        c.execute_batch(
            "DROP TRIGGER audit_no_update; UPDATE audit SET rows = NULL, signature = NULL;",
        )
        .unwrap();
        // seq, at, user, login, role, action, entity, entity id, before, after
        type Event = (
            i64,
            String,
            Option<i64>,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let events: Vec<Event> = c
            .prepare("SELECT seq, at, user_id, login, role, action, entity, entity_id, before, after FROM audit ORDER BY seq")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut prev = "0".repeat(64);
        for (seq, at, uid, login, role, action, entity, id, before, after) in events {
            let canonical = serde_json::json!([
                seq, at, uid, login, role, action, entity, id, before, after, prev
            ]);
            let hash = hex::encode(sha2::Sha256::digest(canonical.to_string().as_bytes()));
            c.execute(
                "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
                rusqlite::params![prev, hash, seq],
            )
            .unwrap();
            c.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'audit_head'",
                [format!("{seq}:{hash}")],
            )
            .unwrap();
            prev = hash;
        }
    }
    let path = fx.store.path().to_path_buf();
    let Fixture { dir, store, .. } = fx;
    drop(store);
    let store = anyqtama_store::Store::open(&path).unwrap();
    let baselines = |s: &anyqtama_store::Store| -> i64 {
        s.connection()
            .query_row(
                "SELECT count(*) FROM audit WHERE action = 'row_baseline' AND rows IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(baselines(&store), 1, "every row recorded at the first open");
    store.verify().unwrap();
    drop(store);
    let store = anyqtama_store::Store::open(&path).unwrap();
    assert_eq!(baselines(&store), 1, "and never again");
    store
        .connection()
        .execute("UPDATE applicants SET phone = 'x' WHERE id = 1", [])
        .unwrap();
    assert_eq!(
        where_(store.verify().unwrap_err()),
        ("applicants".into(), "1".into(), "phone".into())
    );
    drop(dir);
}
