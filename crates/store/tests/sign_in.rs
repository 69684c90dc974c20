//! Issue 15, item 3: a lockout after repeated wrong passwords, and an administrator's reset that
//! the user must follow with a password of their own before anything else. Real store on disk,
//! the clock passed in.

mod common;
use common::*;

use anyqtama_store::{StoreError, LOCKOUT_MINUTES, MAX_FAILURES};

fn lockouts(fx: &Fixture) -> Vec<(String, String)> {
    fx.store
        .connection()
        .prepare("SELECT login, after FROM audit WHERE action = 'lockout' ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn wrong_passwords_in_a_row_lock_the_login_for_a_while_and_say_so_in_the_trail() {
    let fx = fixture();
    let at = t("2026-02-06 10:00");
    for i in 1..MAX_FAILURES {
        let r = fx.store.sign_in("reg", "not the password", at);
        assert!(
            matches!(r, Err(StoreError::BadCredentials)),
            "try {i}: {r:?}"
        );
    }
    assert!(lockouts(&fx).is_empty(), "no lockout before the last try");
    let r = fx.store.sign_in("reg", "not the password", at);
    match r {
        Err(StoreError::LockedOut { login, until }) => {
            assert_eq!(login, "reg");
            assert_eq!(
                until, "06.02.2026 10:15",
                "LOCKOUT_MINUTES = {LOCKOUT_MINUTES}"
            );
        }
        other => panic!("the fifth wrong password locks: {other:?}"),
    }
    // While locked, the right password is not even checked.
    let r = fx.store.sign_in("reg", PASSWORD, t("2026-02-06 10:14"));
    assert!(matches!(r, Err(StoreError::LockedOut { .. })), "{r:?}");
    // The trail says who was locked, until when, after how many tries.
    let events = lockouts(&fx);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "reg");
    assert!(events[0].1.contains("2026-02-06T10:15:00"), "{events:?}");
    assert!(
        events[0]
            .1
            .contains(&format!("\"failures\":{MAX_FAILURES}")),
        "{events:?}"
    );
    // After the wait the right password signs in, and the count starts again from nothing.
    fx.store
        .sign_in("reg", PASSWORD, t("2026-02-06 10:15"))
        .unwrap();
    for _ in 1..MAX_FAILURES {
        let r = fx
            .store
            .sign_in("reg", "wrong again", t("2026-02-06 11:00"));
        assert!(matches!(r, Err(StoreError::BadCredentials)), "{r:?}");
    }
    fx.store
        .sign_in("reg", PASSWORD, t("2026-02-06 11:00"))
        .unwrap();
    // Another login's failures are its own.
    fx.store.sign_in("sec", PASSWORD, at).unwrap();
    // Counting attempts is not an edit outside the program: the store still verifies.
    fx.store.verify().unwrap();
}

#[test]
fn a_reset_password_is_changed_before_anything_else_and_the_reset_unlocks() {
    let mut fx = fixture();
    let at = t("2026-02-06 10:00");
    for _ in 0..MAX_FAILURES {
        let _ = fx.store.sign_in("reg", "forgotten it", at);
    }
    assert!(matches!(
        fx.store.sign_in("reg", PASSWORD, at),
        Err(StoreError::LockedOut { .. })
    ));
    let admin = fx.admin.clone();
    let reg = fx.registrar.user_id;
    fx.store
        .write(&admin, at, |w| w.reset_password(reg, "given by the admin"))
        .unwrap();
    // The reset ends the lockout; the session says the password must be changed.
    let session = fx.store.sign_in("reg", "given by the admin", at).unwrap();
    assert!(session.must_change_password);
    // Until then every action is refused, whatever the role allows.
    let r = fx.store.write(&session, at, |w| {
        w.register_application(&issue_app("2026-02-06 09:00", "BLOCKED", "N0000001"))
    });
    assert!(matches!(r, Err(StoreError::MustChangePassword)), "{r:?}");
    // Their own password, the given one asked again; then the session may work.
    fx.store
        .write(&session, at, |w| {
            w.change_own_password("given by the admin", "only I know this one")
        })
        .unwrap();
    let session = fx.store.sign_in("reg", "only I know this one", at).unwrap();
    assert!(!session.must_change_password);
    fx.registrar = session;
    fx.register(&issue_app("2026-02-06 09:00", "ALLOWED", "N0000002"));
    // A reset and the change that follows are both in the trail; nothing is flagged by verify.
    let c = fx.store.connection();
    let afters: Vec<String> = c
        .prepare(
            "SELECT after FROM audit WHERE action = 'manage_users' AND entity_id = ?1 ORDER BY seq",
        )
        .unwrap()
        .query_map([reg.0], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        afters.iter().any(|a| a.contains("\"must_change\":true")),
        "{afters:?}"
    );
    assert!(
        afters.iter().any(|a| a.contains("\"after_reset\":true")),
        "{afters:?}"
    );
    fx.store.verify().unwrap();
}

#[test]
fn the_reset_flag_is_part_of_the_row_record_so_clearing_it_by_hand_is_found() {
    let mut fx = fixture();
    let at = t("2026-02-06 10:00");
    let admin = fx.admin.clone();
    let reg = fx.registrar.user_id;
    fx.store
        .write(&admin, at, |w| w.reset_password(reg, "given by the admin"))
        .unwrap();
    fx.store.verify().unwrap();
    // Someone with the file removes the obligation to change the given password.
    fx.store
        .connection()
        .execute("DELETE FROM password_expired", [])
        .unwrap();
    let r = fx.store.verify();
    assert!(
        matches!(&r, Err(StoreError::TableDiffers { table, .. }) if table == "password_expired"),
        "{r:?}"
    );
}
