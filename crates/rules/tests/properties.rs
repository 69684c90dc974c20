//! Properties that must hold for any input (proptest).

use anyqtama_rules::experience::{self, Period};
use anyqtama_rules::Calendar;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    // 2016-01-01 .. about 2027-09: leaves room for adding working days inside the calendar's years.
    (0u64..4280).prop_map(|n| NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + Days::new(n))
}

fn period() -> impl Strategy<Value = Period> {
    (0u64..9000, 0u64..3000).prop_map(|(start, len)| {
        let from = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + Days::new(start);
        Period::new(from, from + Days::new(len)).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_working_days_lands_on_a_working_day(start in date_in_range(), n in 1u32..40) {
        let cal = Calendar::embedded();
        let end = cal.add_working_days(start, n).unwrap();
        prop_assert!(cal.is_working_day(end).unwrap());
        prop_assert!(end > start);
        prop_assert_eq!(cal.working_days_between(start, end).unwrap(), n);
    }

    #[test]
    fn adding_working_days_is_monotonic(start in date_in_range(), later in 0u64..30, n in 0u32..30, more in 0u32..10) {
        let cal = Calendar::embedded();
        let a = cal.add_working_days(start, n).unwrap();
        prop_assert!(cal.add_working_days(start, n + more).unwrap() >= a);
        prop_assert!(cal.add_working_days(start + Days::new(later), n).unwrap() >= a);
    }

    #[test]
    fn experience_does_not_depend_on_order(mut periods in prop::collection::vec(period(), 0..6), seed in any::<u64>()) {
        let before = experience::total(&periods);
        // A deterministic shuffle.
        let len = periods.len().max(1);
        periods.rotate_left((seed as usize) % len);
        periods.reverse();
        prop_assert_eq!(experience::total(&periods), before);
    }

    #[test]
    fn experience_does_not_depend_on_overlap(periods in prop::collection::vec(period(), 1..6), pick in any::<prop::sample::Index>(), a in 0u64..3000, b in 0u64..3000) {
        let before = experience::total(&periods);
        // Add a period lying inside one already there: nothing changes.
        let p = periods[pick.index(periods.len())];
        let len = (p.to() - p.from()).num_days() as u64;
        let (x, y) = (a.min(b) % (len + 1), a.max(b) % (len + 1));
        let inner = Period::new(p.from() + Days::new(x.min(y)), p.from() + Days::new(x.max(y))).unwrap();
        let mut more = periods.clone();
        more.push(inner);
        prop_assert_eq!(experience::total(&more), before);
        // Duplicating every period changes nothing either.
        let doubled: Vec<Period> = periods.iter().chain(periods.iter()).copied().collect();
        prop_assert_eq!(experience::total(&doubled), before);
    }

    #[test]
    fn splitting_a_period_changes_nothing(p in period(), cut in 0u64..3000) {
        let len = (p.to() - p.from()).num_days() as u64;
        prop_assume!(len >= 1);
        let c = cut % len;
        let left = Period::new(p.from(), p.from() + Days::new(c)).unwrap();
        let right = Period::new(p.from() + Days::new(c + 1), p.to()).unwrap();
        prop_assert_eq!(experience::total(&[left, right]), experience::total(&[p]));
    }
}

/// An administrator's transfer by decree (the calendar editor) moves a day off and makes a weekend
/// day working; a transfer that does not pair a weekday with a weekend day is refused.
#[test]
fn a_transfer_by_decree_moves_a_day_off() {
    use anyqtama_rules::Calendar;
    let cal = Calendar::embedded();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert!(cal.is_working_day(d("2027-05-14")).unwrap());
    assert!(!cal.is_working_day(d("2027-05-22")).unwrap());
    let moved = cal
        .with_transfer(d("2027-05-14"), d("2027-05-22"), "decree test")
        .unwrap();
    assert!(!moved.is_working_day(d("2027-05-14")).unwrap());
    assert!(moved.is_working_day(d("2027-05-22")).unwrap());
    // Both days are weekdays: not a transfer.
    assert!(cal
        .with_transfer(d("2027-05-14"), d("2027-05-20"), "decree test")
        .is_err());
    // No calendar for the year.
    assert!(cal
        .with_transfer(d("2031-05-14"), d("2031-05-17"), "decree test")
        .is_err());
}
