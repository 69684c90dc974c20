//! Issue 15: a form's refusals come all at once, each with its field, so a person corrects them in
//! one go. Real store on disk.

mod common;
use common::*;

use anyqtama_store::{MemberId, Role, StoreError};

fn fields(r: Result<impl std::fmt::Debug, StoreError>) -> Vec<&'static str> {
    match r {
        Err(StoreError::Fields(v)) => v.iter().map(|(f, _)| *f).collect(),
        other => panic!("several refusals expected: {other:?}"),
    }
}

#[test]
fn a_new_user_is_refused_for_everything_wrong_at_once() {
    let mut fx = fixture();
    let admin = fx.admin.clone();
    let at = t("2026-02-06 10:00");
    let r = fx.store.write(&admin, at, |w| {
        w.create_user("no spaces", " ", "short", &[], "de")
    });
    assert_eq!(
        fields(r),
        ["login", "full_name", "password", "roles", "lang"]
    );
    // A login already taken is named with the rest.
    let r = fx.store.write(&admin, at, |w| {
        w.create_user("reg", "", PASSWORD, &[Role::Registrar], "kk")
    });
    assert_eq!(fields(r), ["login", "full_name"]);
    // One refusal alone stays itself.
    let r = fx.store.write(&admin, at, |w| {
        w.create_user("fresh", "A Person", "short", &[Role::Registrar], "kk")
    });
    assert!(
        matches!(
            r,
            Err(StoreError::Invalid {
                field: "password",
                ..
            })
        ),
        "{r:?}"
    );
    fx.store.verify().unwrap();
}

#[test]
fn a_member_and_a_sitting_are_refused_for_everything_wrong_at_once() {
    let mut fx = fixture();
    let admin = fx.admin.clone();
    let at = t("2026-02-06 10:00");
    let r = fx
        .store
        .write(&admin, at, |w| w.add_commission_member("", "Chair", " "));
    assert_eq!(fields(r), ["full_name", "organisation"]);
    let secretary = fx.secretary.clone();
    let r = fx.store.write(&secretary, at, |w| {
        w.create_sitting(d("2026-02-06"), "  ", &[(MemberId(1), false)])
    });
    assert_eq!(fields(r), ["place", "members"]);
}
