//! The working-day calendar: known days of the law, and refusal of inconsistent data.

use anyqtama_rules::calendar::{Calendar, Exception, YearStatus};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn nauryz_2026_and_its_carried_days() {
    // 21 (Sat), 22 (Sun), 23 (Mon) March 2026: Law on holidays art. 5; the weekend days carry to
    // 24 and 25 March (Labour Code art. 85).
    let cal = Calendar::embedded();
    for day in ["2026-03-23", "2026-03-24", "2026-03-25"] {
        assert!(!cal.is_working_day(d(day)).unwrap(), "{day}");
    }
    assert!(cal.is_working_day(d("2026-03-26")).unwrap());
    assert_eq!(
        cal.add_working_days(d("2026-03-20"), 2).unwrap(),
        d("2026-03-27")
    );
    assert_eq!(
        cal.add_working_days(d("2026-03-20"), 0).unwrap(),
        d("2026-03-20")
    );
}

#[test]
fn religious_holidays_are_not_carried() {
    // 7 January 2023 (Saturday) and Kurban Ait 16 June 2024 (Sunday) give no day off on Monday.
    let cal = Calendar::embedded();
    assert!(cal.is_working_day(d("2023-01-09")).unwrap());
    assert!(cal.is_working_day(d("2024-06-17")).unwrap());
    // while a state holiday on a Saturday is carried: 16 December 2023 -> Monday 18 December.
    assert!(!cal.is_working_day(d("2023-12-18")).unwrap());
}

#[test]
fn decree_transfers_make_weekend_days_working() {
    let cal = Calendar::embedded();
    // 2025: 3 January off, Sunday 5 January worked (Government resolution of 2024, adilet G24G0000436).
    assert!(!cal.is_working_day(d("2025-01-03")).unwrap());
    assert!(cal.is_working_day(d("2025-01-05")).unwrap());
    // 2020: the day carried over from Victory Day (Saturday 9 May) moved from Monday 11 May to Friday 8 May.
    assert!(!cal.is_working_day(d("2020-05-08")).unwrap());
    assert!(cal.is_working_day(d("2020-05-11")).unwrap());
}

#[test]
fn holiday_law_history() {
    let cal = Calendar::embedded();
    // Republic Day, 25 October, non-working from 2022.
    assert!(cal.is_working_day(d("2021-10-25")).unwrap());
    assert!(!cal.is_working_day(d("2022-10-25")).unwrap());
    // First President's Day, 1 December, to 2021 only; 17 December likewise.
    assert!(!cal.is_working_day(d("2021-12-01")).unwrap());
    assert!(cal.is_working_day(d("2022-12-01")).unwrap());
    assert!(cal.is_working_day(d("2025-12-17")).unwrap());
    // Constitution Day: 30 August to 2025 (Saturday in 2025, carried to Monday 1 September), 15 March from 2027.
    assert!(!cal.is_working_day(d("2025-09-01")).unwrap());
    assert!(!cal.is_working_day(d("2027-03-15")).unwrap());
}

#[test]
fn exceptions_list_only_weekdays_off_and_weekend_days_worked() {
    let cal = Calendar::embedded();
    for y in cal.years() {
        for (date, e) in cal.exceptions(y.year).unwrap() {
            let weekend = matches!(
                chrono::Datelike::weekday(&date),
                chrono::Weekday::Sat | chrono::Weekday::Sun
            );
            assert_eq!(weekend, matches!(e, Exception::Working { .. }), "{date}");
            assert_eq!(cal.is_working_day(date).unwrap(), weekend, "{date}");
        }
    }
    assert_eq!(cal.year(2026).unwrap().status, YearStatus::Provisional);
    assert_eq!(cal.year(2024).unwrap().status, YearStatus::Confirmed);
}

#[test]
fn years_without_data_are_an_error_not_a_guess() {
    let cal = Calendar::embedded();
    assert!(cal.is_working_day(d("2015-06-01")).is_err());
    assert!(cal.add_working_days(d("2027-12-28"), 10).is_err());
}

const KINDS: &str = r#"
[[holiday]]
id = "h"
carried = true
kk = "h"
ru = "h"
en = "h"
source = "s"
"#;

fn one_year(body: &str) -> Result<Calendar, anyqtama_rules::RulesError> {
    Calendar::from_toml(
        KINDS,
        [(
            "2026.toml".to_string(),
            format!("year = 2026\nstatus = \"confirmed\"\n{body}"),
        )],
    )
}

#[test]
fn inconsistent_data_is_refused() {
    // A holiday on Saturday 7 March 2026 with no carried day off.
    assert!(one_year("[[holiday]]\ndate = \"2026-03-07\"\nid = \"h\"\nsource = \"s\"\n").is_err());
    // The same with its carried day: accepted.
    let ok = "[[holiday]]\ndate = \"2026-03-07\"\nid = \"h\"\nsource = \"s\"\n[[day_off]]\ndate = \"2026-03-09\"\nkind = \"carried\"\nholiday = \"h\"\nholiday_date = \"2026-03-07\"\nsource = \"s\"\n";
    assert!(one_year(ok).is_ok());
    // An unknown holiday kind.
    assert!(
        one_year("[[holiday]]\ndate = \"2026-03-04\"\nid = \"nope\"\nsource = \"s\"\n").is_err()
    );
    // A working day on a Wednesday.
    assert!(one_year(
        "[[working_day]]\ndate = \"2026-03-04\"\ninstead_of = \"2026-03-06\"\nsource = \"s\"\n"
    )
    .is_err());
    // A transferred day off without its working day.
    assert!(one_year("[[day_off]]\ndate = \"2026-03-06\"\nkind = \"transferred\"\nworking_day = \"2026-03-07\"\nsource = \"s\"\n").is_err());
    // A day off on a Saturday.
    assert!(one_year("[[day_off]]\ndate = \"2026-03-07\"\nkind = \"transferred\"\nworking_day = \"2026-03-08\"\nsource = \"s\"\n[[working_day]]\ndate = \"2026-03-08\"\ninstead_of = \"2026-03-07\"\nsource = \"s\"\n").is_err());
}
