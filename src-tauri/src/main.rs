//! Anyqtama desktop shell: adapts window commands to the library crates and nothing more. Each
//! command calls one store or app function and turns its error into a message in the user's
//! language; no rule of the law is decided here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use anyqtama_i18n::{Lang, Messages};
use anyqtama_store::demo::{self, DemoOptions};
use anyqtama_store::{queries, AssessmentInput, Law, Session, Store, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The open store and the signed-in user of this window.
struct AppState {
    /// Rule sets, calendar and lists, parsed once for the window's lifetime.
    law: Arc<Law>,
    path: PathBuf,
    store: Mutex<Option<Store>>,
    session: Mutex<Option<Session>>,
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Kk)
}

fn today() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The one place where the window's errors become sentences.
fn message(e: StoreError, code: &str) -> String {
    let m = Messages::new(lang(code));
    match &e {
        StoreError::Rules(r) => m.rules_error(r),
        _ => m.get(&format!("error-{}", e.code()), &e.args()),
    }
}

#[derive(Serialize)]
struct AppInfo {
    lang: Lang,
    title: String,
    tagline: String,
    rules_in_force: String,
    calendar_years: String,
    /// The fixed words of the window (`ui-*`), in this language.
    ui: BTreeMap<String, String>,
}

/// What the start screen shows, in the chosen language. The clock is read here, in the shell, and
/// passed down: the rules core never reads it.
#[tauri::command]
fn app_info(state: tauri::State<'_, AppState>, lang: String) -> AppInfo {
    let lang = self::lang(&lang);
    let m = Messages::new(lang);
    let rules = state
        .law
        .rule_sets
        .in_force_on(today().date())
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    let years: Vec<i32> = state.law.calendar.years().map(|y| y.year).collect();
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
        ui: m.with_prefix("ui-"),
    }
}

#[derive(Serialize)]
struct StoreStatus {
    path: String,
    ready: bool,
}

#[tauri::command]
fn store_status(state: tauri::State<'_, AppState>, lang: String) -> Result<StoreStatus, String> {
    let exists = state.path.exists();
    let ready = exists
        && Store::open_existing(&state.path)
            .and_then(|s| s.has_office())
            .map_err(|e| message(e, &lang))?;
    Ok(StoreStatus {
        path: state.path.display().to_string(),
        ready,
    })
}

/// Fills a new store with a demo office so a newcomer sees realistic cases at once.
#[tauri::command]
fn open_demo(state: tauri::State<'_, AppState>, lang: String) -> Result<demo::DemoSummary, String> {
    let mut store = Store::open(&state.path).map_err(|e| message(e, &lang))?;
    let opts = DemoOptions {
        cases: 1500,
        seed: 1,
        today: today().date(),
        years: 3,
        batch: 250,
    };
    let summary = demo::fill(&mut store, &opts, |_| {}).map_err(|e| message(e, &lang))?;
    *state.store.lock().expect("not poisoned") = Some(store);
    Ok(summary)
}

#[tauri::command]
fn sign_in(
    state: tauri::State<'_, AppState>,
    login: String,
    password: String,
    lang: String,
) -> Result<Session, String> {
    let mut guard = state.store.lock().expect("not poisoned");
    if guard.is_none() {
        *guard = Some(Store::open_existing(&state.path).map_err(|e| message(e, &lang))?);
    }
    let session = guard
        .as_ref()
        .expect("opened")
        .sign_in(login.trim(), &password)
        .map_err(|e| message(e, &lang))?;
    *state.session.lock().expect("not poisoned") = Some(session.clone());
    Ok(session)
}

fn with_store<T>(
    state: &AppState,
    lang: &str,
    f: impl FnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, String> {
    if state.session.lock().expect("not poisoned").is_none() {
        return Err(message(StoreError::BadCredentials, lang));
    }
    let guard = state.store.lock().expect("not poisoned");
    let store = guard
        .as_ref()
        .ok_or_else(|| message(StoreError::NoOffice, lang))?;
    f(store).map_err(|e| message(e, lang))
}

#[tauri::command]
fn dashboard(
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Result<queries::Dashboard, String> {
    with_store(&state, &lang, |s| {
        queries::dashboard(s.connection(), s.law(), today().date(), 14)
    })
}

#[tauri::command]
fn search(
    state: tauri::State<'_, AppState>,
    text: String,
    lang: String,
) -> Result<Vec<queries::CaseSummary>, String> {
    with_store(&state, &lang, |s| {
        queries::cases(s.connection(), Some(&text), Some(50))
    })
}

/// The Commission's findings for one applicant, as the secretary enters them.
#[derive(serde::Deserialize)]
struct Findings {
    registered_on: String,
    higher: bool,
    degree: bool,
    english: bool,
    profession_in_list: bool,
    qualification_matches: bool,
    documents_reliable: bool,
    periods: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Points {
    rule_set: String,
    result: anyqtama_rules::evaluate::AssessmentResult,
    citations: Vec<String>,
}

/// Points, threshold and recommendation under the rule set in force on the registration date, as
/// the rules core computes them (Rules p.10; App 2 p.9).
#[tauri::command]
fn points(state: tauri::State<'_, AppState>, f: Findings, lang: String) -> Result<Points, String> {
    use anyqtama_rules::{points::Education, registration::parse_date};
    let err = |e: anyqtama_rules::RulesError| Messages::new(self::lang(&lang)).rules_error(&e);
    let on = parse_date(&f.registered_on).map_err(err)?;
    let periods = f
        .periods
        .iter()
        .map(|(a, b)| Ok((parse_date(a)?, parse_date(b)?)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    let rs = state.law.rule_sets.in_force_on(on).map_err(err)?;
    let input = AssessmentInput {
        profession_in_list: f.profession_in_list,
        qualification_matches: f.qualification_matches,
        documents_reliable: f.documents_reliable,
        education: Education {
            higher: f.higher,
            academic_degree: f.degree,
            english_teaching_certificate: f.english,
        },
        periods,
    };
    let mut citations = Vec::new();
    let result = input
        .assess(rs, anyqtama_rules::Service::Issue, &mut citations)
        .map_err(err)?;
    Ok(Points {
        rule_set: rs.id.to_string(),
        result,
        citations,
    })
}

#[tauri::command]
fn sign_out(state: tauri::State<'_, AppState>) {
    *state.session.lock().expect("not poisoned") = None;
}

fn main() {
    // ANYQTAMA_DB chooses the store (tests use a fresh file); otherwise the application's data folder.
    let path = std::env::var_os("ANYQTAMA_DB")
        .map(PathBuf::from)
        .unwrap_or_else(anyqtama_store::default_path);
    tauri::Builder::default()
        .manage(AppState {
            law: Arc::new(Law::embedded()),
            path,
            store: Mutex::new(None),
            session: Mutex::new(None),
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            store_status,
            open_demo,
            sign_in,
            sign_out,
            dashboard,
            search,
            points
        ])
        .run(tauri::generate_context!())
        .expect("the window could not be opened");
}
