//! Issue 12, item 2 and 3: a certificate is sealed when it is decided; a print embeds the stored
//! seal (no key is needed to print); verifying its QR tells who sealed it and its status today; a
//! draft's code is never genuine.

use anyqtama_app::cases::{self, ActTyped};
use anyqtama_app::start::DemoOptions;
use anyqtama_app::{certificate_view, verify_qr, AppError};
use anyqtama_store::seal::QrError;
use anyqtama_store::{records, ShownStatus, Store};
use chrono::NaiveDateTime;

#[path = "../../store/tests/common/raw.rs"]
mod raw;
use raw::RawSql;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn the_seal_is_made_at_the_decision_and_printed_as_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("office.sqlite")).unwrap();
    let now = at("2026-12-01 10:00");
    let opts = DemoOptions {
        cases: 120,
        seed: 3,
        now,
        years: 1,
        batch: 60,
    };
    anyqtama_app::start::demo(&mut store, &opts, |_| {}).unwrap();
    let number: String = store
        .connection()
        .query_row(
            "SELECT number FROM certificates WHERE status = 'valid' AND copy = 0 AND valid_to > '2026-12-10' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let held = records::certificate(&store, &number).unwrap();
    let seal = held.seal.clone().expect("sealed when decided");
    assert!(held.sealed_by.is_some());

    // Without the key, a print still carries the seal made at the decision.
    store
        .connection()
        .execute(
            "UPDATE office_keys SET secret_key = zeroblob(32) WHERE own = 1",
            [],
        )
        .unwrap();
    let view = certificate_view(&store, &number, false).unwrap();
    assert_eq!(view.qr_payload, seal);

    let check = verify_qr(&store, &seal, now.date()).unwrap();
    assert!(check.genuine && check.known);
    assert_eq!(check.matches, Some(true));
    assert_eq!(check.status, Some(ShownStatus::Valid));
    assert_eq!(check.sealed_by, held.sealed_by);

    // Revoked: the same code now says so.
    let head = store.session_for("head").unwrap();
    let act = ActTyped {
        body: "Migration service".into(),
        number: "17-04/112".into(),
        date: "2026-12-01".into(),
    };
    cases::revoke(&mut store, &head, now, &number, &act).unwrap();
    let check = verify_qr(&store, &seal, now.date()).unwrap();
    assert_eq!(check.status, Some(ShownStatus::Revoked));

    // A draft's code names the number and is refused as a draft.
    let draft = certificate_view(&store, &number, true).unwrap().qr_payload;
    assert!(matches!(
        verify_qr(&store, &draft, now.date()),
        Err(AppError::Qr(QrError::Draft(_)))
    ));
}
