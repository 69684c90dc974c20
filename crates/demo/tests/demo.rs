//! The demo office on any day: built relative to a pinned `now`, it always has steps due that day,
//! late steps and certificates ending soon; nothing in it is dated after `now`; and its history is
//! lawful, because it goes through the same Writer actions as a person (a refusal always names a
//! ground of App 2 p.9, an issue never stands over one).

use anyqtama_demo::{self as demo, DemoOptions};
use anyqtama_store::{queries, Store};
use chrono::NaiveDateTime;

#[path = "../../store/tests/common/raw.rs"]
mod raw;
use raw::RawSql;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn a_demo_made_on_any_working_day_has_work_for_that_day() {
    // The 1st of a month, the last working day of a year, a Monday after a holiday week, mid-year.
    for now in [
        "2026-12-01 10:00",
        "2026-12-31 10:00",
        "2027-03-01 09:30",
        "2026-03-26 16:00",
        "2026-07-15 11:00",
    ] {
        let now = at(now);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("demo.sqlite")).unwrap();
        let opts = DemoOptions {
            cases: 400,
            seed: 3,
            now,
            years: 1,
            batch: 200,
        };
        let summary = demo::fill(&mut store, &opts, |_| {}).unwrap();
        assert_eq!(summary.cases, 400, "{now}");
        let d = queries::dashboard(&store, store.law(), now.date(), 14).unwrap();
        assert!(!d.due_today.is_empty(), "{now}: nothing due today");
        assert!(!d.late.is_empty(), "{now}: nothing late");
        assert!(d.late.iter().all(|x| x.late_by > 0), "{now}");
        assert!(!d.ending_soon.is_empty(), "{now}: nothing ending soon");
        let c = store.connection();
        let later: i64 = c
            .query_row(
                "SELECT count(*) FROM audit WHERE julianday(at) > julianday(?1)",
                [now.format("%Y-%m-%d %H:%M:%S").to_string()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(later, 0, "{now}: events after now");
        // App 2 p.5 and p.9: every refusal of the service names a ground; no issue over a ground.
        let groundless: i64 = c
            .query_row(
                "SELECT count(*) FROM decisions WHERE outcome = 'refuse' AND json_array_length(refusal_grounds) = 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(groundless, 0, "{now}");
        let over_a_ground: i64 = c
            .query_row(
                "SELECT count(*) FROM decisions d JOIN assessments a ON a.case_id = d.case_id
                 WHERE d.outcome = 'issue' AND json_array_length(a.refusal_grounds) > 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(over_a_ground, 0, "{now}");
        let against_findings: i64 = c
            .query_row(
                "SELECT count(*) FROM assessments WHERE recommendation <> commission_decision",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(against_findings, 0, "{now}");
        store.verify().unwrap();
    }
}

#[test]
fn a_demo_is_made_only_in_an_empty_store() {
    // Never over an office's data, nor a higher office's (users but no office): its users would
    // otherwise gain demo users with the known password.
    let dir = tempfile::tempdir().unwrap();
    let mut hq = anyqtama_store::Store::open(dir.path().join("region.sqlite")).unwrap();
    hq.setup_higher_office("boss", "Boss", "a long passphrase", at("2026-02-02 09:00"))
        .unwrap();
    let opts = anyqtama_demo::DemoOptions {
        cases: 5,
        seed: 1,
        now: at("2026-02-03 10:00"),
        years: 1,
        batch: 10,
    };
    let r = anyqtama_demo::fill(&mut hq, &opts, |_| {});
    assert!(
        matches!(r, Err(anyqtama_store::StoreError::NotEmpty)),
        "{r:?}"
    );
    let users: i64 = hq
        .connection()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(users, 1);
}

#[test]
fn every_planned_application_is_registered_whatever_the_seed() {
    // A demo that silently drops a case hides a refusal the law did not mean (one did: an
    // applicant "born" on the day they applied, on a 29 February).
    for seed in 1..=12 {
        let dir = tempfile::tempdir().unwrap();
        let mut store = anyqtama_store::Store::open(dir.path().join("d.sqlite")).unwrap();
        let opts = DemoOptions {
            cases: 120,
            seed,
            now: at("2026-12-01 10:00"),
            years: 3,
            batch: 60,
        };
        let summary = demo::fill(&mut store, &opts, |_| {}).unwrap();
        assert_eq!(summary.cases, 120, "seed {seed}");
    }
}

#[test]
fn no_application_waits_for_good() {
    // The window's demo office (1,500 cases over three years) at a 31 December: an extension and a
    // reissue of one certificate were both registered, the reissue decided first, and the
    // extension of the superseded certificate waited from April 2024 (cases 145 and 394).
    let now = at("2026-12-31 10:00");
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("demo.sqlite")).unwrap();
    let opts = DemoOptions {
        cases: 1500,
        seed: 1,
        now,
        years: 3,
        batch: 250,
    };
    demo::fill(&mut store, &opts, |_| {}).unwrap();
    let c = store.connection();
    let waiting: Vec<String> = c
        .prepare(
            "SELECT id || ' ' || kind || ' ' || registered_on FROM cases
             WHERE status IN ('registered', 'sent_to_commission', 'assessed')
               AND registered_on < date(?1, '-30 days') ORDER BY id",
        )
        .unwrap()
        .query_map([now.date().to_string()], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        waiting.is_empty(),
        "open for more than 30 days: {waiting:?}"
    );
    // One open application per certificate.
    let twice: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT certificate_id FROM cases
               WHERE certificate_id IS NOT NULL AND status IN ('registered', 'sent_to_commission', 'assessed')
               GROUP BY certificate_id HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(twice, 0);
}
