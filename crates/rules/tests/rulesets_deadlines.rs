//! Rule sets as data (RULES.md §5) and deadlines from actual steps (§6.8), lateness (§6.7).

use anyqtama_rules::deadlines::{self, Progress};
use anyqtama_rules::{Calendar, RuleSets, Service};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn versions_in_force_by_date() {
    let sets = RuleSets::embedded();
    assert_eq!(
        sets.in_force_on(d("2017-01-01")).unwrap().id.as_str(),
        "order-503-2016"
    );
    assert_eq!(
        sets.in_force_on(d("2023-06-30")).unwrap().id.as_str(),
        "order-503-2016"
    );
    assert_eq!(
        sets.in_force_on(d("2023-07-01")).unwrap().id.as_str(),
        "order-236-2023"
    );
    assert_eq!(
        sets.in_force_on(d("2026-01-10")).unwrap().id.as_str(),
        "order-236-2023"
    );
    assert_eq!(
        sets.in_force_on(d("2026-01-11")).unwrap().id.as_str(),
        "order-426-2026"
    );
    assert!(sets.in_force_on(d("2016-12-31")).is_err());
    let r426 = sets.get(&sets.id("order-426-2026").unwrap());
    assert!(
        r426.effective_from_assumed,
        "the 426 date is an assumption until confirmed"
    );
}

#[test]
fn an_administrator_confirms_the_426_date() {
    let mut sets = RuleSets::embedded();
    let id = sets.id("order-426-2026").unwrap();
    sets.confirm_effective_from(&id, d("2026-01-16")).unwrap();
    assert_eq!(
        sets.in_force_on(d("2026-01-15")).unwrap().id.as_str(),
        "order-236-2023"
    );
    assert_eq!(
        sets.in_force_on(d("2026-01-16")).unwrap().id.as_str(),
        "order-426-2026"
    );
    assert!(!sets.get(&id).effective_from_assumed);
}

#[test]
fn inconsistent_rule_set_data_is_refused() {
    let text = include_str!("../../../assets/rulesets/order-426-2026.toml");
    // Overlapping experience brackets would score some years twice.
    let bad = text.replacen(
        "from_years = 4\nto_years = 11",
        "from_years = 3\nto_years = 11",
        1,
    );
    assert_ne!(bad, text);
    assert!(RuleSets::from_files([("x.toml".to_string(), bad)]).is_err());
    // Two versions taking effect on the same day.
    let twin = text.replace("id = \"order-426-2026\"", "id = \"order-426-bis\"");
    assert!(RuleSets::from_files([
        ("a.toml".to_string(), text.to_string()),
        ("b.toml".to_string(), twin)
    ])
    .is_err());
    // A value without its citation is not accepted.
    let uncited = text.replacen("threshold.points", "", 1).replace(
        "cite = \"App 2 p.9 sub.2: not reaching the threshold of six points\"",
        "",
    );
    assert!(RuleSets::from_files([("x.toml".to_string(), uncited)]).is_err());
}

#[test]
fn commission_term_counts_from_the_actual_sending() {
    // p.9 (order 426): 3 working days. Sent a day early, on 26 March 2026, the term ends 31 March;
    // before it is sent, it counts from the last day allowed (27 March) and ends 1 April.
    let sets = RuleSets::embedded();
    let cal = Calendar::embedded();
    let rs = sets.in_force_on(d("2026-03-20")).unwrap();
    let mut cites = Vec::new();
    let planned = deadlines::deadlines(
        &cal,
        rs,
        Service::Issue,
        d("2026-03-20"),
        Progress::default(),
        &mut cites,
    )
    .unwrap();
    assert_eq!(planned.commission_decision, Some(d("2026-04-01")));
    let actual = deadlines::deadlines(
        &cal,
        rs,
        Service::Issue,
        d("2026-03-20"),
        Progress {
            sent_to_commission_on: Some(d("2026-03-26")),
        },
        &mut cites,
    )
    .unwrap();
    assert_eq!(actual.commission_decision, Some(d("2026-03-31")));
    assert_eq!(
        actual.decision, planned.decision,
        "the LEB's 5 days count from registration regardless (p.11)"
    );
}

#[test]
fn applicant_lateness_is_flagged() {
    // p.17: an extension is filed within 5 working days of the employment contract.
    let cal = Calendar::embedded();
    let sets = RuleSets::embedded();
    let rs = sets.in_force_on(d("2026-05-04")).unwrap();
    let days = rs.applicant_terms.extension_filing.value;
    // Contract Monday 4 May 2026: working days 5, 6, 8, 12, 13 May (7 May is a holiday, 11 May the
    // day carried over from Victory Day on Saturday 9 May) -> due 13 May.
    assert_eq!(
        deadlines::applicant_due(&cal, d("2026-05-04"), days).unwrap(),
        d("2026-05-13")
    );
    assert!(!deadlines::is_late(&cal, d("2026-05-04"), days, d("2026-05-13")).unwrap());
    assert!(deadlines::is_late(&cal, d("2026-05-04"), days, d("2026-05-14")).unwrap());
}

#[test]
fn reissue_grounds_changed_with_order_426() {
    use anyqtama_rules::ruleset::ReissueGround;
    let sets = RuleSets::embedded();
    let r236 = sets.in_force_on(d("2024-01-10")).unwrap();
    let r426 = sets.in_force_on(d("2026-02-02")).unwrap();
    assert!(!r236
        .reissue
        .grounds
        .contains(&ReissueGround::EmployerChange));
    assert!(r426
        .reissue
        .grounds
        .contains(&ReissueGround::EmployerChange));
    assert!(
        r426.applicant_terms.duplicate_filing.is_some()
            && r236.applicant_terms.duplicate_filing.is_none()
    );
}
