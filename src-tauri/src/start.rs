//! Opening the store: first-run setup, the demo office, signing in and out, the user's language,
//! the dashboard and search.

use crate::state::{lang, now, AppState, Fail, Res};
use anyqtama_store::demo::{self, DemoOptions};
use anyqtama_store::{queries, views, Office, Session};
use serde::Serialize;

#[derive(Serialize)]
pub struct AppInfo {
    rules_in_force: String,
    calendar_first: i32,
    calendar_last: i32,
    version: &'static str,
    /// Set only when a test pins the clock: the window's date fields then start from it.
    pinned_now: Option<chrono::NaiveDateTime>,
}

/// What the start screen shows. The clock is read here, in the shell, and passed down: the rules
/// core never reads it.
#[tauri::command]
pub fn app_info(state: tauri::State<'_, AppState>) -> AppInfo {
    let years: Vec<i32> = state.law.calendar.years().map(|y| y.year).collect();
    AppInfo {
        rules_in_force: state
            .law_now()
            .rule_sets
            .in_force_on(now().date())
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
        calendar_first: years.first().copied().unwrap_or_default(),
        calendar_last: years.last().copied().unwrap_or_default(),
        version: env!("CARGO_PKG_VERSION"),
        pinned_now: crate::state::pinned_now(),
    }
}

#[derive(Serialize)]
pub struct StoreStatus {
    path: String,
    /// An office is set up: sign in.
    ready: bool,
    /// Another window holds this store.
    in_use: bool,
    /// A higher office's store: bundles imported, no office of its own.
    higher_office: bool,
    /// Users exist: sign in (else the first administrator is to be made).
    has_users: bool,
}

#[tauri::command]
pub fn store_status(state: tauri::State<'_, AppState>, lang: String) -> Res<StoreStatus> {
    let path = state.path.display().to_string();
    if !state.holds_store() {
        return Ok(StoreStatus {
            path,
            ready: false,
            in_use: true,
            higher_office: false,
            has_users: false,
        });
    }
    let (ready, higher_office, has_users) = if state.path.exists() {
        let guard = state.open(&lang)?;
        let s = guard.as_ref().expect("opened");
        let e = |e| Fail::store(e, &lang);
        (
            s.has_office().map_err(e)?,
            s.is_higher_office().map_err(e)?,
            s.has_users().map_err(e)?,
        )
    } else {
        (false, false, false)
    };
    Ok(StoreStatus {
        path,
        ready,
        in_use: false,
        higher_office,
        has_users,
    })
}

/// First-run setup: the office in three languages, its first administrator and its signing key.
#[tauri::command]
pub fn setup(
    state: tauri::State<'_, AppState>,
    office: Office,
    login: String,
    full_name: String,
    password: String,
    lang: String,
) -> Res<Session> {
    set_up(&state, &lang, |store| {
        store.setup(&office, login.trim(), full_name.trim(), &password, now())
    })
}

/// Runs a first-time setup and signs its administrator in, keeping the language the setup was
/// done in.
fn set_up(
    state: &AppState,
    lang: &str,
    setup: impl FnOnce(&mut anyqtama_store::Store) -> anyqtama_store::Result<Session>,
) -> Res<Session> {
    let mut guard = state.open(lang)?;
    let store = guard.as_mut().expect("opened");
    let mut session = setup(store).map_err(|e| Fail::store(e, lang))?;
    session.lang = self::lang(lang).code().to_string();
    store
        .set_lang(&session, &session.lang)
        .map_err(|e| Fail::store(e, lang))?;
    *state.session.lock().expect("not poisoned") = Some(session.clone());
    Ok(session)
}

/// First-time setup of a higher office's store: its first administrator.
#[tauri::command]
pub fn setup_higher_office(
    state: tauri::State<'_, AppState>,
    login: String,
    full_name: String,
    password: String,
    lang: String,
) -> Res<Session> {
    set_up(&state, &lang, |store| {
        store.setup_higher_office(login.trim(), full_name.trim(), &password, now())
    })
}

/// Fills the empty store with a demo office so a newcomer sees realistic cases at once.
#[tauri::command]
pub async fn open_demo(state: tauri::State<'_, AppState>, lang: String) -> Res<demo::DemoSummary> {
    let mut guard = state.open(&lang)?;
    let opts = DemoOptions {
        cases: 1500,
        seed: 1,
        now: now(),
        years: 3,
        batch: 250,
    };
    let store = guard.as_mut().expect("opened");
    let summary = demo::fill(store, &opts, |_| {}).map_err(|e| Fail::store(e, &lang))?;
    // The newcomer chose a language on the first screen: the demo's users start in it.
    for login in &summary.users {
        let s = store
            .session_for(login)
            .map_err(|e| Fail::store(e, &lang))?;
        store
            .set_lang(&s, crate::state::lang(&lang).code())
            .map_err(|e| Fail::store(e, &lang))?;
    }
    Ok(summary)
}

#[tauri::command]
pub fn sign_in(
    state: tauri::State<'_, AppState>,
    login: String,
    password: String,
    lang: String,
) -> Res<Session> {
    let guard = state.open(&lang)?;
    let session = guard
        .as_ref()
        .expect("opened")
        .sign_in(login.trim(), &password)
        .map_err(|e| Fail::store(e, &lang))?;
    *state.session.lock().expect("not poisoned") = Some(session.clone());
    Ok(session)
}

#[tauri::command]
pub fn sign_out(state: tauri::State<'_, AppState>) {
    *state.session.lock().expect("not poisoned") = None;
}

/// The language switch: applied by the window at once, remembered for the user's next sign-in.
#[tauri::command]
pub fn set_lang(state: tauri::State<'_, AppState>, lang: String) -> Res<()> {
    let code = lang.clone();
    let remembered = state.read(&code, |s, session| Ok(s.set_lang(session, &lang)?));
    if let Some(session) = state.session.lock().expect("not poisoned").as_mut() {
        session.lang = lang;
    }
    remembered
}

#[tauri::command]
pub fn dashboard(state: tauri::State<'_, AppState>, lang: String) -> Res<queries::Dashboard> {
    state.read(&lang, |s, _| {
        Ok(queries::dashboard(
            s.connection(),
            s.law(),
            now().date(),
            14,
        )?)
    })
}

#[derive(Serialize)]
pub struct Found {
    cases: Vec<queries::CaseSummary>,
    /// The whole of what matched, when more than shown.
    more: bool,
}

#[tauri::command]
pub fn search(state: tauri::State<'_, AppState>, text: String, lang: String) -> Res<Found> {
    state.read(&lang, |s, _| {
        let mut cases = queries::cases(s.connection(), Some(&text), Some(101))?;
        let more = cases.len() > 100;
        cases.truncate(100);
        Ok(Found { cases, more })
    })
}

/// Cases waiting for the Commission (`sent_to_commission`) and for the head's decision.
#[derive(Serialize)]
pub struct Agenda {
    registered: Vec<queries::CaseSummary>,
    commission: Vec<queries::CaseSummary>,
    decision: Vec<queries::CaseSummary>,
}

#[tauri::command]
pub fn agenda(state: tauri::State<'_, AppState>, lang: String) -> Res<Agenda> {
    use anyqtama_store::CaseStatus::*;
    state.read(&lang, |s, _| {
        let c = s.connection();
        let registered = views::cases_in(c, &[Registered], 200)?;
        let (issue, others): (Vec<_>, Vec<_>) = registered
            .into_iter()
            .partition(|x| x.kind == anyqtama_rules::Service::Issue);
        let mut decision = views::cases_in(c, &[Assessed], 200)?;
        decision.extend(others);
        decision.sort_by_key(|x| x.id);
        Ok(Agenda {
            registered: issue,
            commission: views::cases_in(c, &[SentToCommission], 200)?,
            decision,
        })
    })
}
