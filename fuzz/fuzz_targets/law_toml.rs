//! The law's data files: a rule set and a calendar year, as an administrator or an update might
//! bring them. Refused with a reason when they do not hang together, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = anyqtama_rules::RuleSets::from_files([("fuzz.toml".to_string(), text.to_string())]);
        let _ = anyqtama_rules::Calendar::from_toml(
            anyqtama_rules::calendar::holiday_kinds(),
            [("2026.toml".to_string(), text.to_string())],
        );
    }
});
