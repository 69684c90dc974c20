//! The clock, read by the doors (the window and the command line) once per action and passed
//! down as `now`: the rules and the store never read it.
use chrono::NaiveDateTime;

/// Now, in the office's local time.
pub fn now() -> NaiveDateTime {
    pinned().unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// The test seam: `ANYQTAMA_TEST_NOW=2026-11-25T10:00` pins the clock so that tests choose
/// their date. Only in debug builds (what the tests run): a release build ignores it, so nobody
/// can backdate an action in an office's program.
pub fn pinned() -> Option<NaiveDateTime> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("ANYQTAMA_TEST_NOW")
        .ok()
        .and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M").ok())
}
