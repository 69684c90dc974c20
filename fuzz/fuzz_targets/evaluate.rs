//! The `evaluate` command's JSON input.
#![no_main]
use anyqtama_rules::{evaluate, Calendar, RuleSets};
use std::sync::LazyLock;

static LAW: LazyLock<(RuleSets, Calendar)> =
    LazyLock::new(|| (RuleSets::embedded(), Calendar::embedded()));

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = evaluate::evaluate_json(&LAW.0, &LAW.1, text);
    }
});
