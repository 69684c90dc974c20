//! Every role against every action, and every case state against every lifecycle action. A refused
//! action changes nothing (the whole store is compared before and after).

mod common;
use common::RawSql;

use anyqtama_rules::Service;
#[allow(unused_imports)]
use anyqtama_store::backup;
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::*;
use common::*;

/// What the actions act on: one of everything, in the right state.
struct Ctx {
    cert: CertificateId,
    registered: CaseId,
    sent: CaseId,
    assessed: CaseId,
    sitting: SittingId,
    complaint: ComplaintId,
    user: UserId,
}

fn context(fx: &mut Fixture) -> Ctx {
    let cert = fx.certificate(900);
    let registered = fx.issue_case(CaseStatus::Registered, 901);
    let sent = fx.issue_case(CaseStatus::SentToCommission, 902);
    let assessed = fx.issue_case(CaseStatus::Assessed, 903);
    let sitting = fx.sitting("2026-02-09");
    let reg = fx.registrar.clone();
    let complaint = fx
        .store
        .write(&reg, t("2026-02-09 10:00"), |w| {
            w.register_complaint(
                None,
                ComplaintAddressee::Leb,
                t("2026-02-09 10:00"),
                "complaint",
            )
        })
        .unwrap();
    let user = fx.store.session_for("reg").unwrap().user_id;
    Ctx {
        cert,
        registered,
        sent,
        assessed,
        sitting,
        complaint,
        user,
    }
}

/// Runs one action where only the role can make it fail.
fn attempt(fx: &mut Fixture, c: &Ctx, action: Action, session: &Session) -> Result<()> {
    let backup_dir = fx.dir.path().join("backups");
    let members: Vec<(MemberId, bool)> = fx.members.iter().map(|m| (*m, true)).collect();
    let now = t("2026-02-10 11:00");
    let app = issue_app("2026-02-10 10:00", "NEW", "N77777777");
    let mut incomplete = app.clone();
    incomplete
        .documents
        .retain(|d| d.kind != anyqtama_rules::ruleset::DocumentKind::WorkHistory);
    let act = RevocationAct {
        body: "Labour inspectorate".into(),
        number: "17".into(),
        date: d("2026-02-09"),
    };
    match action {
        // Backups are taken beside the data, not inside a write; the role is checked the same way.
        Action::Backup => fx
            .store
            .backup_as(session, now, backup_dir.join("b.sqlite")),
        Action::Restore => {
            let copy = fx.dir.path().join("copy.sqlite");
            fx.store.backup_to(&copy).unwrap();
            let db = fx.store.path().to_path_buf();
            anyqtama_store::backup::restore_as(&db, &copy, session, now).map(|_| ())
        }
        _ => fx.store.write(session, now, |w| match action {
            Action::RegisterApplication => w.register_application(&app).map(|_| ()),
            Action::RefuseAcceptance => w.refuse_acceptance(&incomplete, "incomplete").map(|_| ()),
            Action::AttachScan => w
                .attach_scan(
                    c.registered,
                    None,
                    "scan.pdf",
                    "application/pdf",
                    b"%PDF-1.4 scan",
                )
                .map(|_| ()),
            Action::SendToCommission => w.send_to_commission(c.registered),
            Action::RecordNotification => w
                .record_notification(
                    c.cert,
                    NotificationKind::EmployerChange,
                    d("2026-02-09"),
                    now,
                    "notice",
                )
                .map(|_| ()),
            Action::RegisterComplaint => w
                .register_complaint(Some(c.registered), ComplaintAddressee::Leb, now, "text")
                .map(|_| ()),
            Action::CreateSitting => w
                .create_sitting(d("2026-02-10"), "Hall", &members)
                .map(|_| ()),
            Action::RecordAssessment => w
                .record_assessment(c.sent, c.sitting, &assessment(true), Outcome::Issue, None)
                .map(|_| ()),
            Action::Decide => w
                .decide(c.assessed, Outcome::Issue, &[], None, None)
                .map(|_| ()),
            Action::Revoke => w.revoke(c.cert, &act),
            Action::ResolveComplaint => {
                w.resolve_complaint(c.complaint, ComplaintStatus::Satisfied, "done")
            }
            Action::ManageUsers => w.set_roles(c.user, &[Role::Registrar, Role::Secretary]),
            Action::ManageOffice => w.set_office_hours("08:30", "17:30"),
            Action::ManageCommission => w
                .add_commission_member("New Member", "Member", "Akimat")
                .map(|_| ()),
            Action::ManageNumbering => w.set_numbering("{office}/{seq:04}/{year}", 2026, 100),
            Action::Print => w.record_print("certificate", "ALA-2026-00001", "kk+ru", 2),
            Action::Backup | Action::Restore => unreachable!(),
        }),
    }
}

#[test]
fn every_role_against_every_action() {
    for action in Action::ALL {
        for role in Role::ALL {
            let mut fx = fixture();
            let session = match role {
                Role::Registrar => fx.registrar.clone(),
                Role::Secretary => fx.secretary.clone(),
                Role::Head => fx.head.clone(),
                Role::Admin => fx.admin.clone(),
            };
            let ctx = context(&mut fx);
            let allowed = action.roles().contains(role);
            let before = fx.snapshot();
            let result = attempt(&mut fx, &ctx, action, &session);
            match (allowed, &result) {
                (true, Ok(())) => assert!(
                    fx.snapshot() != before,
                    "{role} {action:?}: allowed but wrote nothing"
                ),
                (false, Err(StoreError::NotPermitted { .. })) => assert!(
                    fx.snapshot() == before,
                    "{role} {action:?}: refused but changed the store"
                ),
                _ => panic!("{role} {action:?}: allowed={allowed}, got {result:?}"),
            }
            fx.store.verify().unwrap();
        }
    }
}

#[test]
fn a_refused_action_changes_nothing() {
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Registered, 1);
    let before = fx.snapshot();
    // Wrong role.
    let h = fx.head.clone();
    let r = fx
        .store
        .write(&h, t("2026-02-04 10:00"), |w| w.send_to_commission(case));
    assert!(matches!(r, Err(StoreError::NotPermitted { .. })));
    // Wrong state.
    let r = fx.store.write(&h, t("2026-02-04 10:00"), |w| {
        w.decide(case, Outcome::Issue, &[], None, None)
    });
    assert!(matches!(r, Err(StoreError::WrongState { .. })), "{r:?}");
    // An error half way through a multi-step write rolls back the first step too.
    let reg = fx.registrar.clone();
    let r = fx.store.write(&reg, t("2026-02-04 10:00"), |w| {
        w.send_to_commission(case)?;
        w.register_application(&issue_app("2026-02-04 10:00", "X", ""))
    });
    assert!(r.is_err());
    assert!(
        fx.snapshot() == before,
        "a refused action changed the store"
    );
    fx.store.verify().unwrap();
}

#[test]
fn every_state_against_every_lifecycle_action() {
    let lifecycle_actions = [
        Action::SendToCommission,
        Action::RecordAssessment,
        Action::Decide,
        Action::AttachScan,
    ];
    let states = [
        CaseStatus::Registered,
        CaseStatus::SentToCommission,
        CaseStatus::Assessed,
        CaseStatus::Issued,
        CaseStatus::Refused,
        CaseStatus::NotAccepted,
    ];
    for kind in Service::ALL {
        for status in states {
            for action in lifecycle_actions {
                let expected = lifecycle::next(kind, status, action, true);
                let Some((mut fx, case)) = case_in(kind, status) else {
                    continue;
                };
                let before = fx.snapshot();
                let sitting = fx.sitting("2026-02-11");
                let before_sitting = fx.snapshot();
                let session = match action {
                    Action::SendToCommission | Action::AttachScan => fx.registrar.clone(),
                    Action::RecordAssessment => fx.secretary.clone(),
                    _ => fx.head.clone(),
                };
                let result = fx
                    .store
                    .write(&session, t("2026-02-11 12:00"), |w| match action {
                        Action::SendToCommission => w.send_to_commission(case),
                        Action::RecordAssessment => w
                            .record_assessment(
                                case,
                                sitting,
                                &assessment(true),
                                Outcome::Issue,
                                None,
                            )
                            .map(|_| ()),
                        Action::Decide => {
                            w.decide(case, Outcome::Issue, &[], None, None).map(|_| ())
                        }
                        Action::AttachScan => w
                            .attach_scan(case, None, "a.pdf", "application/pdf", b"scan")
                            .map(|_| ()),
                        _ => unreachable!(),
                    });
                match expected {
                    Some(next) => {
                        assert!(result.is_ok(), "{kind} {status} {action:?}: {result:?}");
                        let now: String = fx
                            .store
                            .connection()
                            .query_row("SELECT status FROM cases WHERE id = ?1", [case.0], |r| {
                                r.get(0)
                            })
                            .unwrap();
                        assert_eq!(now, next.as_str(), "{kind} {status} {action:?}");
                    }
                    None => {
                        assert!(
                            matches!(result, Err(StoreError::WrongState { .. })),
                            "{kind} {status} {action:?}: {result:?}"
                        );
                        assert!(
                            fx.snapshot() == before_sitting,
                            "{kind} {status} {action:?} changed the store"
                        );
                    }
                }
                let _ = before;
                fx.store.verify().unwrap();
            }
        }
    }
}

/// A fresh fixture with one case of `kind` in `status`, or None where no such case can exist
/// (extension, reissue and duplicate never go to the Commission).
fn case_in(kind: Service, status: CaseStatus) -> Option<(Fixture, CaseId)> {
    let mut fx = fixture();
    if kind == Service::Issue {
        if status == CaseStatus::NotAccepted {
            let mut app = issue_app("2026-02-03 10:00", "NA", "N00000001");
            app.documents.clear();
            let r = fx.registrar.clone();
            let case = fx
                .store
                .write(&r, app.received_at, |w| {
                    w.refuse_acceptance(&app, "no documents")
                })
                .unwrap();
            return Some((fx, case));
        }
        let case = fx.issue_case(status, 1);
        return Some((fx, case));
    }
    if matches!(status, CaseStatus::SentToCommission | CaseStatus::Assessed) {
        return None;
    }
    let cert = fx.certificate(1);
    let mut app = later_app(&fx.store, kind, cert, "2026-02-09 10:00");
    let r = fx.registrar.clone();
    let case = if status == CaseStatus::NotAccepted {
        app.documents.clear();
        fx.store
            .write(&r, app.received_at, |w| {
                w.refuse_acceptance(&app, "no documents")
            })
            .unwrap()
    } else {
        fx.register(&app)
    };
    if matches!(status, CaseStatus::Issued | CaseStatus::Refused) {
        let h = fx.head.clone();
        let outcome = if status == CaseStatus::Issued {
            Outcome::Issue
        } else {
            Outcome::Refuse
        };
        fx.store
            .write(&h, t("2026-02-10 10:00"), |w| {
                w.decide(
                    case,
                    outcome,
                    refusal_grounds(outcome),
                    Some("written reason"),
                    None,
                )
            })
            .unwrap();
    }
    Some((fx, case))
}

#[cfg(unix)]
#[test]
fn the_store_and_its_backups_are_the_owners_alone() {
    // A copy of the store holds every applicant's data: owner-only files, owner-only folders.
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new folder").join("office.sqlite");
    let mut store = Store::open(&db).unwrap();
    let admin = store
        .setup(&office(), "admin", "Admin", PASSWORD, t("2026-02-02 09:00"))
        .unwrap();
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    let wal = db.with_extension("sqlite-wal");
    if wal.exists() {
        assert_eq!(mode(&wal), 0o600);
    }
    let copy = dir.path().join("usb").join("copy.sqlite");
    store
        .backup_as(&admin, t("2026-02-02 10:00"), &copy)
        .unwrap();
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(copy.parent().unwrap()), 0o700);
    let auto = dir.path().join("daily");
    let made = store
        .auto_backup(
            &auto,
            t("2026-02-02 11:00"),
            3,
            &anyqtama_store::Actor::command_line(),
        )
        .unwrap()
        .unwrap();
    assert_eq!(mode(&made), 0o600);
    drop(store);
    // A store left readable by others (an older program, a copy) is tightened when opened.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let _ = Store::open_existing(&db).unwrap();
    assert_eq!(mode(&db), 0o600);
    // A restore keeps the store private.
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
    anyqtama_store::backup::restore(
        &db,
        &copy,
        &anyqtama_store::Actor::command_line(),
        t("2026-02-03 09:00"),
    )
    .unwrap();
    assert_eq!(mode(&db), 0o600);
}

#[test]
fn a_store_file_that_is_not_a_store_is_refused_with_its_own_reason_and_left_alone() {
    use anyqtama_store::FileProblem;
    let dir = tempfile::tempdir().unwrap();
    // A 0-byte file is not silently made into an empty store.
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    for r in [Store::open_existing(&empty), Store::open(&empty)] {
        assert!(
            matches!(
                r,
                Err(StoreError::StoreFile {
                    problem: FileProblem::Empty,
                    ..
                })
            ),
            "{:?}",
            r.err()
        );
    }
    assert_eq!(
        std::fs::metadata(&empty).unwrap().len(),
        0,
        "left as it was"
    );
    // A folder.
    let folder = dir.path().join("folder.sqlite");
    std::fs::create_dir(&folder).unwrap();
    assert!(matches!(
        Store::open_existing(&folder),
        Err(StoreError::StoreFile {
            problem: FileProblem::Directory,
            ..
        })
    ));
    // Another program's SQLite file is not ours, and gets none of our tables.
    let foreign = dir.path().join("foreign.sqlite");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);")
            .unwrap();
    }
    for r in [Store::open_existing(&foreign), Store::open(&foreign)] {
        assert!(matches!(r, Err(StoreError::NotAStore(_))), "{:?}", r.err());
    }
    let c = rusqlite::Connection::open(&foreign).unwrap();
    let tables: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn two_processes_creating_one_store_leave_one_good_store() {
    // Made whole under a temporary name and linked into place: a race leaves one store, both
    // openers get it, and no half-made file or error is left behind.
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("race-{round}.sqlite"));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let p = path.clone();
                std::thread::spawn(move || Store::open(&p).map(|_| ()))
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
        let store = Store::open_existing(&path).unwrap();
        store.verify().unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".new-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn a_backup_of_another_office_does_not_replace_this_one_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let mut ours = Store::open(dir.path().join("ours.sqlite")).unwrap();
    ours.setup(&office(), "admin", "Admin", PASSWORD, t("2026-02-02 09:00"))
        .unwrap();
    let mut other_office = office();
    other_office.code = "AST".into();
    other_office.name_ru = "Управление занятости г. Астана".into();
    let mut theirs = Store::open(dir.path().join("theirs.sqlite")).unwrap();
    theirs
        .setup(
            &other_office,
            "admin",
            "Admin",
            PASSWORD,
            t("2026-02-02 09:00"),
        )
        .unwrap();
    let copy = dir.path().join("theirs-copy.sqlite");
    theirs.backup_to(&copy).unwrap();
    let path = ours.path().to_path_buf();
    drop(ours);
    let actor = anyqtama_store::Actor::command_line();
    let r = anyqtama_store::backup::restore(&path, &copy, &actor, t("2026-02-03 09:00"));
    assert!(
        matches!(&r, Err(StoreError::BackupOfAnotherStore { office, .. }) if office.starts_with("AST")),
        "{r:?}"
    );
    let code: String = Store::open_existing(&path)
        .unwrap()
        .connection()
        .query_row("SELECT code FROM office", [], |r| r.get(0))
        .unwrap();
    assert_eq!(code, "ALA", "nothing changed");
    assert_eq!(
        anyqtama_store::backup::backup_owner(&copy).unwrap(),
        "AST — Управление занятости г. Астана"
    );
    // Told explicitly (moving an office from another PC's copy): it goes.
    anyqtama_store::backup::restore_checked(&path, &copy, &actor, t("2026-02-03 09:05"), true)
        .unwrap();
    let code: String = Store::open_existing(&path)
        .unwrap()
        .connection()
        .query_row("SELECT code FROM office", [], |r| r.get(0))
        .unwrap();
    assert_eq!(code, "AST");
}
