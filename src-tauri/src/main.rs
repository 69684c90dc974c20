//! Anyqtama desktop shell: adapts window commands to the library crates and nothing more.
//! (Issue 5 grows this into the full application; the law stays in the crates below.)

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use anyqtama_i18n::{Lang, Messages};
use anyqtama_rules::{Calendar, RuleSets};
use serde::Serialize;

#[derive(Serialize)]
struct AppInfo {
    lang: Lang,
    title: String,
    tagline: String,
    rules_in_force: String,
    calendar_years: String,
}

/// What the start screen shows, in the chosen language. The clock is read here, in the shell, and
/// passed down: the rules core never reads it.
#[tauri::command]
fn app_info(lang: String) -> AppInfo {
    let lang = Lang::parse(&lang).unwrap_or(Lang::Kk);
    let m = Messages::new(lang);
    let today = chrono::Local::now().date_naive();
    let sets = RuleSets::embedded();
    let rules = sets
        .in_force_on(today)
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    let cal = Calendar::embedded();
    let years: Vec<i32> = cal.years().map(|y| y.year).collect();
    AppInfo {
        lang,
        title: m.get("app-title", &[]),
        tagline: m.get("app-tagline", &[]),
        rules_in_force: m.get("app-rules-in-force", &[("ruleset", rules)]),
        calendar_years: m.get(
            "app-calendar-years",
            &[
                (
                    "first",
                    years.first().map(|y| y.to_string()).unwrap_or_default(),
                ),
                (
                    "last",
                    years.last().map(|y| y.to_string()).unwrap_or_default(),
                ),
            ],
        ),
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_info])
        .run(tauri::generate_context!())
        .expect("the window could not be opened");
}
