//! Table-driven cases from the legal texts. Each names the paragraph it checks.

use anyqtama_rules::evaluate::{evaluate_json, EvaluateError, Output};
use anyqtama_rules::{Calendar, RuleSets, RulesError};
use serde_json::{json, Value};

fn run(input: Value) -> Result<Output, EvaluateError> {
    evaluate_json(
        &RuleSets::embedded(),
        &Calendar::embedded(),
        &input.to_string(),
    )
}

fn out(input: Value) -> Value {
    serde_json::to_value(run(input).expect("evaluates")).unwrap()
}

/// An issue application with the given registration time, education and experience.
fn issue(
    received_at: &str,
    higher: bool,
    degree: bool,
    english: bool,
    periods: &[(&str, &str)],
) -> Value {
    json!({
        "service": "issue",
        "received_at": received_at,
        "profession_in_list": true,
        "qualification_matches": true,
        "documents_reliable": true,
        "education": {"higher": higher, "academic_degree": degree, "english_teaching_certificate": english},
        "experience": periods.iter().map(|(f, t)| json!({"from": f, "to": t})).collect::<Vec<_>>(),
    })
}

#[test]
fn product_example_is_reproduced() {
    // PRODUCT.md: 21-25 March 2026 are Nauryz and its carried-over days off (Law on holidays art. 5,
    // Labour Code art. 85); p.7: 2 working days to the Commission; p.9 (order 426): 3 working days
    // from the last day allowed for sending; p.11: 5 working days for the decision; App 2 p.3: the
    // whole service also 5, so no separate service deadline.
    let mut input = issue(
        "2026-03-20T17:45",
        true,
        false,
        false,
        &[("2014-09-01", "2020-08-31")],
    );
    input["office_hours"] = json!({"open": "09:00", "close": "18:30"});
    let o = out(input);
    assert_eq!(o["rule_set"], "order-426-2026");
    assert_eq!(o["registered_on"], "2026-03-20");
    assert_eq!(o["experience"], json!({"years": 6, "months": 0, "days": 0}));
    assert_eq!(
        o["points"],
        json!({"higher_education": 3, "academic_degree": 0, "english_teaching_certificate": 0, "experience": 4})
    );
    assert_eq!(o["total"], 7);
    assert_eq!(o["threshold"], 6);
    assert_eq!(o["recommendation"], "issue");
    assert_eq!(o["refusal_grounds"], json!([]));
    assert_eq!(
        o["deadlines"],
        json!({"to_commission": "2026-03-27", "commission_decision": "2026-04-01", "decision": "2026-04-01"})
    );
    assert!(o["citations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str().unwrap().contains("p.10")));
}

/// (case, paragraph, received_at, periods, expected experience points, rule set)
const EXPERIENCE: &[(&str, &str, &str, &[(&str, &str)], u64, &str)] = &[
    (
        "exactly 3 years, 2016 rules",
        "order 503 p.10 sub.2: from 3 to 10 years - 4",
        "2020-02-03T10:00",
        &[("2017-01-01", "2019-12-31")],
        4,
        "order-503-2016",
    ),
    (
        "exactly 3 years, 2023 rules",
        "order 236 p.10 sub.2: from 1 to 3 years - 2",
        "2024-02-05T10:00",
        &[("2017-01-01", "2019-12-31")],
        2,
        "order-236-2023",
    ),
    (
        "exactly 10 years, 2016 rules",
        "order 503 p.10 sub.2: from 10 years - 6",
        "2020-02-03T10:00",
        &[("2010-01-01", "2019-12-31")],
        6,
        "order-503-2016",
    ),
    (
        "exactly 10 years, 2023 rules",
        "order 236 p.10 sub.2: from 4 to 10 years - 4",
        "2024-02-05T10:00",
        &[("2010-01-01", "2019-12-31")],
        4,
        "order-236-2023",
    ),
    (
        "3 y 11 m scores as 3 completed years",
        "RULES.md §6.1; p.10 sub.2",
        "2026-02-02T10:00",
        &[("2020-01-01", "2023-11-30")],
        2,
        "order-426-2026",
    ),
    (
        "10 y 11 m scores as 10 completed years",
        "RULES.md §6.1; p.10 sub.2",
        "2026-02-02T10:00",
        &[("2010-01-01", "2020-11-30")],
        4,
        "order-426-2026",
    ),
    (
        "11 years",
        "p.10 sub.2: from 11 years - 6",
        "2026-02-02T10:00",
        &[("2010-01-01", "2020-12-31")],
        6,
        "order-426-2026",
    ),
    (
        "11 months earn nothing",
        "p.10 sub.2: from 1 year",
        "2026-02-02T10:00",
        &[("2020-01-01", "2020-11-30")],
        0,
        "order-426-2026",
    ),
    (
        "overlapping periods count once",
        "RULES.md §6.1",
        "2026-02-02T10:00",
        &[("2015-01-01", "2019-12-31"), ("2018-01-01", "2020-12-31")],
        4,
        "order-426-2026",
    ),
    (
        "two years in separate jobs add up",
        "RULES.md §6.1",
        "2026-02-02T10:00",
        &[("2015-01-01", "2015-12-31"), ("2018-01-01", "2018-12-31")],
        2,
        "order-426-2026",
    ),
];

#[test]
fn experience_brackets_per_version() {
    for (case, cite, at, periods, points, rs) in EXPERIENCE {
        let o = out(issue(at, false, false, false, periods));
        assert_eq!(o["rule_set"], *rs, "{case} ({cite})");
        assert_eq!(o["points"]["experience"], *points, "{case} ({cite})");
    }
}

#[test]
fn threshold_five_under_2016_six_under_2023() {
    // Higher education (3) + 1 year (2) = 5: App 2 p.9 sub.2 of order 503 (five) vs order 236 (six).
    let five_2016 = out(issue(
        "2020-02-03T10:00",
        true,
        false,
        false,
        &[("2018-01-01", "2018-12-31")],
    ));
    assert_eq!(
        (five_2016["total"].as_u64(), five_2016["threshold"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(
        five_2016["recommendation"], "issue",
        "total == threshold passes (RULES.md §6.3)"
    );
    let five_2023 = out(issue(
        "2024-02-05T10:00",
        true,
        false,
        false,
        &[("2018-01-01", "2018-12-31")],
    ));
    assert_eq!(
        (five_2023["total"].as_u64(), five_2023["threshold"].as_u64()),
        (Some(5), Some(6))
    );
    assert_eq!(five_2023["recommendation"], "refuse");
    assert_eq!(five_2023["refusal_grounds"], json!(["below_threshold"]));
}

#[test]
fn education_points_add_up() {
    // p.10 sub.1: 3 + 4 + 3; RULES.md §6.2: each criterion met earns its points.
    let o = out(issue("2026-02-02T10:00", true, true, true, &[]));
    assert_eq!(
        o["points"],
        json!({"higher_education": 3, "academic_degree": 4, "english_teaching_certificate": 3, "experience": 0})
    );
    assert_eq!(o["total"], 10);
}

#[test]
fn refusal_grounds_of_app2_p9() {
    let mut i = issue(
        "2026-02-02T10:00",
        true,
        true,
        false,
        &[("2010-01-01", "2020-12-31")],
    );
    i["profession_in_list"] = json!(false);
    i["documents_reliable"] = json!(false);
    let o = out(i);
    assert_eq!(
        o["refusal_grounds"],
        json!(["qualification_mismatch", "unreliable_documents"])
    );
    assert_eq!(o["recommendation"], "refuse");
    let mut i = issue("2026-02-02T10:00", true, true, false, &[]);
    i["qualification_matches"] = json!(false);
    assert_eq!(out(i)["refusal_grounds"], json!(["qualification_mismatch"]));
}

/// (case, paragraph, received_at, registered_on, rule set)
const REGISTRATION: &[(&str, &str, &str, &str, &str)] = &[
    (
        "before closing",
        "App 2 p.7",
        "2026-03-20T18:29",
        "2026-03-20",
        "order-426-2026",
    ),
    (
        "at closing time",
        "App 2 p.7: after the end of working time -> next working day",
        "2026-03-20T18:30",
        "2026-03-26",
        "order-426-2026",
    ),
    (
        "before opening on a working day",
        "App 2 p.7 moves only what comes after hours",
        "2026-03-20T07:10",
        "2026-03-20",
        "order-426-2026",
    ),
    (
        "on a Saturday",
        "App 2 p.7: weekends",
        "2026-02-07T11:00",
        "2026-02-09",
        "order-426-2026",
    ),
    (
        "on a holiday",
        "App 2 p.7: holidays (Nauryz)",
        "2026-03-23T11:00",
        "2026-03-26",
        "order-426-2026",
    ),
    (
        "last day of order 503",
        "RULES.md §5",
        "2023-06-30T17:00",
        "2023-06-30",
        "order-503-2016",
    ),
    // Saturday 1 July 2023 was a working day by decree (for the day off on 7 July).
    (
        "after hours on the last day of order 503: registered under 236",
        "RULES.md §5: judged by the registration date",
        "2023-06-30T19:00",
        "2023-07-01",
        "order-236-2023",
    ),
    (
        "on a Saturday that is not working",
        "App 2 p.7",
        "2023-07-08T10:00",
        "2023-07-10",
        "order-236-2023",
    ),
    (
        "order 236 before the 426 amendments",
        "RULES.md §5: 426 from 2026-01-11 (assumed)",
        "2026-01-09T10:00",
        "2026-01-09",
        "order-236-2023",
    ),
    (
        "after a carried-over New Year day",
        "Labour Code art. 85",
        "2027-01-02T10:00",
        "2027-01-05",
        "order-426-2026",
    ),
];

#[test]
fn registration_date_and_rule_set() {
    for (case, cite, at, reg, rs) in REGISTRATION {
        let o = out(issue(at, true, false, false, &[]));
        assert_eq!(o["registered_on"], *reg, "{case} ({cite})");
        assert_eq!(o["rule_set"], *rs, "{case} ({cite})");
    }
}

#[test]
fn office_hours_are_respected() {
    let mut i = issue("2026-02-02T17:00", true, false, false, &[]);
    i["office_hours"] = json!({"open": "08:00", "close": "17:00"});
    assert_eq!(out(i)["registered_on"], "2026-02-03");
}

#[test]
fn deadlines_per_version_and_service() {
    // Order 503: the LEB decides within 5 working days (Rules p.11), the whole service takes 6
    // (App 2 p.3); no Commission term (p.9 of 2016).
    let o = out(issue("2020-02-03T10:00", true, false, false, &[]));
    assert_eq!(
        o["deadlines"],
        json!({"to_commission": "2020-02-05", "commission_decision": null, "decision": "2020-02-10", "service": "2020-02-11"})
    );
    // Order 236: issue in 5 working days.
    let o = out(issue("2024-02-05T10:00", true, false, false, &[]));
    assert_eq!(o["deadlines"]["decision"], "2024-02-12");
    assert_eq!(o["deadlines"]["commission_decision"], Value::Null);
    // Extension, reissue, duplicate: no points part, only the decision (App 2 p.3).
    for (service, at, decision, rs) in [
        ("extend", "2026-02-02T10:00", "2026-02-05", "order-426-2026"),
        (
            "reissue",
            "2026-02-02T10:00",
            "2026-02-05",
            "order-426-2026",
        ),
        (
            "duplicate",
            "2026-02-02T10:00",
            "2026-02-05",
            "order-426-2026",
        ), // p.22-1: 3 working days
        (
            "duplicate",
            "2024-02-05T10:00",
            "2024-02-12",
            "order-236-2023",
        ), // 5 working days, as order 503 p.22
        (
            "duplicate",
            "2020-02-03T10:00",
            "2020-02-10",
            "order-503-2016",
        ), // order 503 App 2 p.3: 5 working days
    ] {
        let o = out(json!({"service": service, "received_at": at}));
        assert_eq!(o["rule_set"], rs, "{service} {at}");
        assert_eq!(o["points"], Value::Null, "{service}");
        assert_eq!(o["total"], Value::Null, "{service}");
        assert_eq!(o["experience"], Value::Null, "{service}");
        assert_eq!(
            o["deadlines"],
            json!({"to_commission": null, "commission_decision": null, "decision": decision}),
            "{service} {at}"
        );
        assert_eq!(o["recommendation"], "issue");
    }
}

#[test]
fn explicit_rule_set_overrides_the_date() {
    let mut i = issue(
        "2026-03-20T10:00",
        true,
        false,
        false,
        &[("2017-01-01", "2019-12-31")],
    );
    i["rule_set"] = json!("order-503-2016");
    let o = out(i);
    assert_eq!(o["rule_set"], "order-503-2016");
    assert_eq!(o["points"]["experience"], 4);
    assert_eq!(o["threshold"], 5);
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let err = |v: Value| run(v).expect_err("must be refused");
    assert!(matches!(
        evaluate_json(
            &RuleSets::embedded(),
            &Calendar::embedded(),
            "{\"service\": "
        ),
        Err(EvaluateError::Json { .. })
    ));
    let mut i = issue("2026-03-20T10:00", true, false, false, &[]);
    i["service"] = json!("renew");
    assert!(matches!(err(i), EvaluateError::Rules(RulesError::UnknownService(s)) if s == "renew"));
    let mut i = issue("2026-03-20T10:00", true, false, false, &[]);
    i["rule_set"] = json!("order-1-2000");
    assert!(matches!(
        err(i),
        EvaluateError::Rules(RulesError::UnknownRuleSet(_))
    ));
    assert!(matches!(
        err(issue("2026-02-30T10:00", true, false, false, &[])),
        EvaluateError::Rules(RulesError::InvalidDateTime(_))
    ));
    assert!(matches!(
        err(issue(
            "2026-03-20T10:00",
            true,
            false,
            false,
            &[("2020-01-01", "2019-12-31")]
        )),
        EvaluateError::Rules(RulesError::PeriodReversed { .. })
    ));
    assert!(matches!(
        err(issue(
            "2026-03-20T10:00",
            true,
            false,
            false,
            &[("2020-02-30", "2021-12-31")]
        )),
        EvaluateError::Rules(RulesError::InvalidDate(_))
    ));
    let mut i = issue("2026-03-20T10:00", true, false, false, &[]);
    i["office_hours"] = json!({"open": "18:00", "close": "09:00"});
    assert!(matches!(
        err(i),
        EvaluateError::Rules(RulesError::OfficeHoursReversed { .. })
    ));
    let mut i = issue("2026-03-20T10:00", true, false, false, &[]);
    i.as_object_mut().unwrap().remove("education");
    assert!(matches!(
        err(i),
        EvaluateError::Rules(RulesError::MissingField("education"))
    ));
    let mut i = issue("2026-03-20T10:00", true, false, false, &[]);
    i["experiance"] = json!([]);
    assert!(
        matches!(err(i), EvaluateError::Json { .. }),
        "a misspelt field is not silently ignored"
    );
    assert!(matches!(
        err(issue("2016-06-01T10:00", true, false, false, &[])),
        EvaluateError::Rules(RulesError::NoRuleSetInForce(_))
    ));
    assert!(matches!(
        err(issue("2031-06-02T10:00", true, false, false, &[])),
        EvaluateError::Rules(RulesError::CalendarYearMissing(2031))
    ));
}
