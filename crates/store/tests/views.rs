//! What the window's screens list, read back after real actions.

mod common;
use common::RawSql;

use anyqtama_store::{views, CaseStatus, Role};
use common::*;

#[test]
fn users_members_sittings_and_agenda() {
    let mut f = fixture();
    let users = views::users(&f.store).unwrap();
    let head = users.iter().find(|u| u.login == "head").unwrap();
    assert_eq!(head.roles, vec![Role::Head]);
    assert_eq!(head.lang, "en");
    assert_eq!(views::members(&f.store).unwrap().len(), 2);

    let registered = f.issue_case(CaseStatus::Registered, 1);
    let sent = f.issue_case(CaseStatus::SentToCommission, 2);
    let assessed = f.issue_case(CaseStatus::Assessed, 3);
    let c = f.store.connection();
    let ids = |s: &[CaseStatus]| -> Vec<i64> {
        views::cases_in(&c, s, 10)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect()
    };
    assert_eq!(ids(&[CaseStatus::Registered]), vec![registered.0]);
    assert_eq!(ids(&[CaseStatus::SentToCommission]), vec![sent.0]);
    assert_eq!(ids(&[CaseStatus::Assessed]), vec![assessed.0]);
    assert_eq!(
        ids(&[CaseStatus::Assessed, CaseStatus::Registered]),
        vec![registered.0, assessed.0],
        "oldest first across states"
    );
    let sittings = views::sittings(&c, 10).unwrap();
    assert_eq!(sittings.len(), 1);
    assert_eq!((sittings[0].present, sittings[0].assessed), (2, 1));
}

#[test]
fn a_case_page_shows_its_certificate_scans_and_notices() {
    let mut f = fixture();
    let cert = f.certificate(7);
    let case: i64 = f
        .store
        .connection()
        .query_row(
            "SELECT id FROM cases WHERE result_certificate_id = ?1",
            [cert.0],
            |r| r.get(0),
        )
        .unwrap();
    let x = views::case_extras(&f.store, anyqtama_store::CaseId(case)).unwrap();
    assert!(x.checklist.iter().all(|(_, present, _)| *present));
    assert!(x.attachments.is_empty());
    let produced = x.produced.expect("the issued certificate");
    assert_eq!(produced.status, anyqtama_store::CertificateStatus::Valid);
    assert!(x.concerns.is_none());
    let found = views::certificate(&f.store, produced.number.as_str()).unwrap();
    assert_eq!(found.id, cert.0);
    assert!(views::certificate(&f.store, "NO-SUCH").is_err());
    // The audit trail lists the newest first, a page at a time.
    let page = views::audit(&f.store, None, 3).unwrap();
    assert_eq!(page.len(), 3);
    assert!(page[0].seq > page[2].seq);
    let next = views::audit(&f.store, Some(page[2].seq), 3).unwrap();
    assert!(next[0].seq < page[2].seq);
    assert_eq!(page[0].action, "decide");
}

/// The administrator's changes to the law as data are kept in the store and applied when it opens:
/// a confirmed rule-set date and a transfer of a day off. Others may not make them, and a transfer
/// that does not hang together is refused with nothing kept.
#[test]
fn rule_set_dates_and_calendar_transfers_are_kept() {
    let mut f = fixture();
    let admin = f.admin.clone();
    let reg = f.registrar.clone();
    let now = t("2026-11-20 10:00");
    assert!(f
        .store
        .write(&reg, now, |w| w.add_calendar_transfer(
            d("2027-05-14"),
            d("2027-05-22"),
            "decree"
        ))
        .is_err());
    assert!(f
        .store
        .write(&admin, now, |w| w.add_calendar_transfer(
            d("2027-05-14"),
            d("2027-05-20"),
            "decree"
        ))
        .is_err());
    let before = f.snapshot();
    assert!(f
        .store
        .write(&admin, now, |w| w.set_rule_set_date(
            "order-426-2026",
            d("2026-01-20"),
            ""
        ))
        .is_err());
    assert_eq!(f.snapshot(), before);

    f.store
        .write(&admin, now, |w| {
            w.add_calendar_transfer(
                d("2027-05-14"),
                d("2027-05-22"),
                "Decree No. 1 of 2026-12-01",
            )?;
            w.set_rule_set_date("order-426-2026", d("2026-01-20"), "Published 2026-01-09")
        })
        .unwrap();
    f.store.reload_law().unwrap();
    let check = |s: &anyqtama_store::Store| {
        let law = s.law();
        assert!(!law.calendar.is_working_day(d("2027-05-14")).unwrap());
        assert!(law.calendar.is_working_day(d("2027-05-22")).unwrap());
        assert_eq!(
            law.rule_sets
                .in_force_on(d("2026-01-19"))
                .unwrap()
                .id
                .as_str(),
            "order-236-2023"
        );
        let rs = law.rule_sets.in_force_on(d("2026-01-20")).unwrap();
        assert_eq!(rs.id.as_str(), "order-426-2026");
        assert!(!rs.effective_from_assumed);
    };
    check(&f.store);
    let path = f.store.path().to_path_buf();
    drop(f.store);
    check(&anyqtama_store::Store::open_existing(&path).unwrap());
}
