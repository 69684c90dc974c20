//! Validity (p.15-16, p.22, p.22-1), IIN/BIN and the two lists.

use anyqtama_rules::iin::IinBin;
use anyqtama_rules::lists::Lists;
use anyqtama_rules::validity::{self, Validity};
use anyqtama_rules::{Lang, RuleSets, RulesError};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn issue_is_valid_three_months_to_the_same_day_number() {
    // Rules p.15; RULES.md §6.5.
    let sets = RuleSets::embedded();
    let rs = sets.in_force_on(d("2026-03-01")).unwrap();
    assert_eq!(
        validity::issue(rs, d("2026-04-01"), None).unwrap().to,
        d("2026-07-01")
    );
    // No 31 May + 3 months... 30 November + 3 months = 28 February (29 in a leap year).
    assert_eq!(
        validity::issue(rs, d("2026-11-30"), None).unwrap().to,
        d("2027-02-28")
    );
    assert_eq!(
        validity::issue(rs, d("2027-11-30"), None).unwrap().to,
        d("2028-02-29")
    );
    // An earlier end may be chosen, never a later one.
    assert_eq!(
        validity::issue(rs, d("2026-04-01"), Some(d("2026-05-15")))
            .unwrap()
            .to,
        d("2026-05-15")
    );
    assert!(matches!(
        validity::issue(rs, d("2026-04-01"), Some(d("2026-07-02"))),
        Err(RulesError::EndAfterLatest { .. })
    ));
    assert!(matches!(
        validity::issue(rs, d("2026-04-01"), Some(d("2026-03-31"))),
        Err(RulesError::EndBeforeStart { .. })
    ));
}

#[test]
fn extension_runs_to_the_contract_end_at_most_three_years() {
    // Rules p.16.
    let sets = RuleSets::embedded();
    let rs = sets.in_force_on(d("2026-03-01")).unwrap();
    assert_eq!(
        validity::extension(rs, d("2026-04-01"), d("2027-12-31"))
            .unwrap()
            .to,
        d("2027-12-31")
    );
    assert_eq!(
        validity::extension(rs, d("2026-04-01"), d("2031-12-31"))
            .unwrap()
            .to,
        d("2029-04-01")
    );
    assert!(validity::extension(rs, d("2026-04-01"), d("2026-03-01")).is_err());
}

#[test]
fn reissue_and_duplicate_keep_the_end_date() {
    // RULES.md §6.6 after Rules p.22 and p.22-1.
    let original = Validity {
        from: d("2026-04-01"),
        to: d("2026-07-01"),
    };
    assert_eq!(
        validity::reissue(d("2026-05-04"), original, None).unwrap(),
        Validity {
            from: d("2026-05-04"),
            to: d("2026-07-01")
        }
    );
    let dup = validity::duplicate(d("2026-05-04"), d("2026-05-07"), original).unwrap();
    assert_eq!(dup.duplicate.to, d("2026-07-01"));
    assert_eq!(dup.original_invalid_from, d("2026-05-04"));
    assert!(
        validity::reissue(d("2026-07-02"), original, None).is_err(),
        "an expired certificate cannot be reissued"
    );
}

#[test]
fn reissue_for_a_new_employer_ends_with_the_new_contract_when_earlier() {
    // Rules p.19 and p.22 (as amended by order 426): reissue on a change of employer; p.16 ties the
    // validity to the employment contract; a reissue never lengthens the term (RULES.md §6.6).
    let original = Validity {
        from: d("2026-04-01"),
        to: d("2027-04-01"),
    };
    let earlier = validity::reissue(d("2026-05-04"), original, Some(d("2026-12-31"))).unwrap();
    assert_eq!(earlier.to, d("2026-12-31"));
    let later = validity::reissue(d("2026-05-04"), original, Some(d("2029-01-01"))).unwrap();
    assert_eq!(later.to, d("2027-04-01"), "never longer than the original");
    assert!(
        validity::reissue(d("2026-05-04"), original, Some(d("2026-05-01"))).is_err(),
        "a contract that ended before the decision cannot carry a certificate"
    );
}

#[test]
fn iin_bin_check_digit() {
    // Computed independently (Python) for the three paths of the algorithm.
    for ok in [
        "301661318607",
        "913909960309",
        "526018159081",
        "231948757497",
    ] {
        assert_eq!(ok.parse::<IinBin>().unwrap().to_string(), ok);
    }
    // First weights give 10 and second weights give 10: no check digit can make these valid.
    for bad in ["786843353260", "378325674820"] {
        assert!(bad.parse::<IinBin>().is_err(), "{bad}");
    }
    assert!(matches!(
        "301661318608".parse::<IinBin>(),
        Err(RulesError::InvalidIin(
            _,
            anyqtama_rules::error::IinProblem::CheckDigit
        ))
    ));
    for bad in ["30166131860", "3016613186071", "30166131860a", ""] {
        assert!(
            matches!(
                bad.parse::<IinBin>(),
                Err(RulesError::InvalidIin(
                    _,
                    anyqtama_rules::error::IinProblem::Length
                ))
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn order_236_list_keeps_the_legal_numbering() {
    let lists = Lists::embedded();
    let health = &lists.priority.sectors[1].activities[0];
    // The source prints no "1." before the anaesthesiologist.
    assert_eq!(health.professions[0].no, "");
    assert_eq!(health.professions[0].id, "o236.2.1.1");
    assert_eq!(health.professions[1].no, "2.");
    // Maritime transport: unnumbered lawyer group, then 2..6, then 8, 9 (no 7).
    let maritime = &lists.priority.sectors[4].activities[2];
    let numbers: Vec<&str> = maritime.professions.iter().map(|p| p.no.as_str()).collect();
    assert_eq!(numbers, ["", "2.", "3.", "4.", "5.", "6.", "8.", "9."]);
    assert_eq!(maritime.professions[6].id, "o236.5.3.8");
    assert_eq!(maritime.professions[0].positions.len(), 2);
    assert!(lists.priority.sectors[0].name_inferred);
    assert_eq!(lists.priority.meta.unofficial, vec![Lang::Kk, Lang::En]);
    assert_eq!(lists.residence.meta.unofficial, vec![Lang::Ru, Lang::En]);
    let count = lists.priority_entries().count();
    assert_eq!(
        count, 112,
        "professions and recommended positions of annex 2"
    );
    assert_eq!(
        lists
            .residence
            .fields
            .iter()
            .map(|f| f.occupations.len())
            .sum::<usize>(),
        51
    );
}

#[test]
fn search_finds_both_lists_in_any_script() {
    let lists = Lists::embedded();
    let hits = lists.search("ОНКОЛОГ", Lang::Ru);
    assert!(hits
        .iter()
        .any(|h| h.id == "o236.2.1.6" && h.name == "Врач – онколог"));
    assert!(hits
        .iter()
        .any(|h| h.id == "o49.2211-7-004" && h.unofficial));
    // Kazakh query, answered in Kazakh.
    let hits = lists.search("бағдарламашы", Lang::Kk);
    assert!(hits
        .iter()
        .any(|h| h.list == "order-236-annex-2" && h.id == "o236.3.1.2"));
    assert!(hits
        .iter()
        .any(|h| h.id == "o49.2512-1-005" && !h.unofficial));
    // Hyphen and dash meet; words in any order.
    assert!(!lists.search("онколог врач", Lang::En).is_empty());
    assert!(lists
        .search("investor relations", Lang::En)
        .iter()
        .all(|h| h.path.len() == 3));
    assert!(lists.search("no such profession", Lang::En).is_empty());
}
