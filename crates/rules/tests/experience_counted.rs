//! Work is counted only as far as it was done: up to the registration date (Rules p.10 subp.2;
//! App 2 p.8, the documents confirming work history; RULES.md §6.1).

use anyqtama_rules::evaluate::{evaluate_json, EvaluateError};
use anyqtama_rules::experience::{self, Length, Period};
use anyqtama_rules::{Calendar, RuleSets, RulesError};
use chrono::NaiveDate;
use serde_json::{json, Value};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn run(periods: &[(&str, &str)]) -> Result<Value, EvaluateError> {
    let input = json!({
        "service": "issue",
        "received_at": "2026-03-20T10:00",
        "profession_in_list": true,
        "qualification_matches": true,
        "documents_reliable": true,
        "education": {"higher": false, "academic_degree": false, "english_teaching_certificate": false},
        "experience": periods.iter().map(|(f, t)| json!({"from": f, "to": t})).collect::<Vec<_>>(),
    });
    evaluate_json(
        &RuleSets::embedded(),
        &Calendar::embedded(),
        &input.to_string(),
    )
    .map(|o| serde_json::to_value(o).unwrap())
}

#[test]
fn a_period_running_past_the_registration_date_counts_up_to_it() {
    // Registered 2026-03-20: 2016-01-01 .. 2026-03-20 inclusive is 10 y 2 m 20 d, 4 points under
    // order 426 (4 to 10 years), not 15 years and 6 points.
    let o = run(&[("2016-01-01", "2030-12-31")]).unwrap();
    assert_eq!(
        o["experience"],
        json!({"years": 10, "months": 2, "days": 20})
    );
    assert_eq!(o["points"]["experience"], 4);
    assert_eq!(
        o["experience_periods"],
        json!([{"from": "2016-01-01", "to": "2030-12-31", "counted_to": "2026-03-20",
                "length": {"years": 10, "months": 2, "days": 20}}])
    );
    // Ending in 9999 is the same: only the days up to registration count.
    let far = run(&[("2016-01-01", "9999-12-31")]).unwrap();
    assert_eq!(far["experience"], o["experience"]);
}

#[test]
fn a_period_that_begins_after_the_registration_date_is_refused() {
    let e = run(&[("2010-01-01", "2015-12-31"), ("2026-03-21", "2026-12-31")]).unwrap_err();
    assert!(
        matches!(
            e,
            EvaluateError::Rules(RulesError::PeriodAfterRegistration { from, registered_on })
                if from == d("2026-03-21") && registered_on == d("2026-03-20")
        ),
        "{e:?}"
    );
    // The registration day itself is still work done.
    let o = run(&[("2026-03-20", "2026-03-20")]).unwrap();
    assert_eq!(o["experience"], json!({"years": 0, "months": 0, "days": 1}));
}

#[test]
fn a_date_before_1900_is_refused() {
    for (from, to) in [("1850-01-01", "1860-01-01"), ("1899-12-31", "2000-01-01")] {
        let e = run(&[(from, to)]).unwrap_err();
        assert!(
            matches!(e, EvaluateError::Rules(RulesError::DateTooEarly(..))),
            "{from}: {e:?}"
        );
    }
    assert!(run(&[("1900-01-01", "1901-01-01")]).is_ok());
}

#[test]
fn customary_and_calendar_totals_are_both_given() {
    // Three whole months of 31, 31 and 30 days: 92 days. Customary: each is one month, 3 m 0 d.
    // Calendar: 92 days laid end to end from 1 Jan 2020 (a leap year) run to 1 Apr: 3 m 1 d.
    let periods = [
        Period::new(d("2020-01-01"), d("2020-01-31")).unwrap(),
        Period::new(d("2021-03-01"), d("2021-03-31")).unwrap(),
        Period::new(d("2022-06-01"), d("2022-06-30")).unwrap(),
    ];
    let c = experience::count_until(&periods, d("2026-03-20")).unwrap();
    assert_eq!(c.days, 92);
    assert_eq!(
        c.total,
        Length {
            years: 0,
            months: 3,
            days: 0
        }
    );
    assert_eq!(
        c.calendar,
        Length {
            years: 0,
            months: 3,
            days: 1
        }
    );
    // Overlaps count once in both totals.
    let overlapping = [
        Period::new(d("2020-01-01"), d("2020-12-31")).unwrap(),
        Period::new(d("2020-06-01"), d("2021-05-31")).unwrap(),
    ];
    let c = experience::count_until(&overlapping, d("2026-03-20")).unwrap();
    assert_eq!(c.days, 517);
    assert_eq!(c.total.years, 1);
    assert_eq!(c.periods.len(), 2, "each presented period is shown");
}
