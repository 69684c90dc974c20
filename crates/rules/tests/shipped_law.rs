//! The law shipped in `assets/` is found, not listed: every rule set and calendar year file there
//! loads, and is named for what it holds.

use anyqtama_rules::{Calendar, RuleSets};
use std::path::Path;

fn files(dir: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets")
        .join(dir);
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_rule_set_file_is_a_rule_set_named_for_its_id() {
    let sets = RuleSets::embedded();
    let ids: Vec<String> = sets
        .all()
        .iter()
        .map(|r| format!("{}.toml", r.id))
        .collect();
    assert_eq!(ids.len(), files("rulesets").len(), "{ids:?}");
    for name in files("rulesets") {
        assert!(
            ids.contains(&name),
            "{name} did not load as the rule set of its name"
        );
    }
}

#[test]
fn every_calendar_year_file_is_that_year() {
    let cal = Calendar::embedded();
    let years: Vec<String> = cal.years().map(|y| format!("{}.toml", y.year)).collect();
    let shipped: Vec<String> = files("calendar")
        .into_iter()
        .filter(|n| n != "holidays.toml")
        .collect();
    assert_eq!(years, shipped);
}
