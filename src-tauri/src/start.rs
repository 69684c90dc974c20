//! Opening the store: first-run setup, the demo office, signing in and out, the user's language,
//! the dashboard, search and the agenda. Each command calls one function of
//! `anyqtama_app::start`; what the shell keeps is the signed-in session.

use crate::state::{command, lang, now, AppState, Res};
use anyqtama_app::start::DemoSummary;
use anyqtama_app::start::{self, Agenda, AppInfo, FirstAdmin, Found, StoreStatus};
use anyqtama_store::{queries, Office, Session};

#[tauri::command]
pub fn app_info(state: tauri::State<'_, AppState>) -> AppInfo {
    start::app_info(&state.law_now(), now())
}

#[tauri::command]
pub fn store_status(state: tauri::State<'_, AppState>, lang: String) -> Res<StoreStatus> {
    let path = state.path.display().to_string();
    if !state.holds_store() {
        return Ok(StoreStatus::in_use(path));
    }
    if !state.path.exists() {
        return Ok(StoreStatus::new_store(path));
    }
    state.store(&lang, |s| start::store_status(s, path))
}

/// Signs the session in for this window.
fn signed_in(state: &AppState, session: Session) -> Session {
    *state.session.lock().expect("not poisoned") = Some(session.clone());
    session
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
    let admin = FirstAdmin {
        login: &login,
        full_name: &full_name,
        password: &password,
    };
    let session = state.store(&lang, |s| {
        start::setup(s, now(), &office, &admin, self::lang(&lang))
    })?;
    Ok(signed_in(&state, session))
}

#[tauri::command]
pub fn setup_higher_office(
    state: tauri::State<'_, AppState>,
    login: String,
    full_name: String,
    password: String,
    lang: String,
) -> Res<Session> {
    let admin = FirstAdmin {
        login: &login,
        full_name: &full_name,
        password: &password,
    };
    let session = state.store(&lang, |s| {
        start::setup_higher_office(s, now(), &admin, self::lang(&lang))
    })?;
    Ok(signed_in(&state, session))
}

#[tauri::command]
pub async fn open_demo(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<DemoSummary> {
    let progress = crate::state::reporter(&app);
    state.store(&lang, |s| {
        start::open_demo(s, now(), self::lang(&lang), &progress)
    })
}

#[tauri::command]
pub fn sign_in(
    state: tauri::State<'_, AppState>,
    login: String,
    password: String,
    lang: String,
) -> Res<Session> {
    let session = state.store(&lang, |s| start::sign_in(s, &login, &password, now()))?;
    Ok(signed_in(&state, session))
}

#[tauri::command]
pub fn sign_out(state: tauri::State<'_, AppState>) {
    *state.session.lock().expect("not poisoned") = None;
}

/// The language switch: applied by the window at once, remembered for the user's next sign-in.
#[tauri::command]
pub fn set_lang(state: tauri::State<'_, AppState>, lang: String) -> Res<()> {
    let remembered = state.read(&lang, |s, who| start::set_lang(s, who, self::lang(&lang)));
    if let Some(session) = state.session.lock().expect("not poisoned").as_mut() {
        session.lang = self::lang(&lang).code().to_string();
    }
    remembered
}

command!(read dashboard() -> queries::Dashboard, |s, _| start::dashboard(s, now()));

command!(read search(text: String) -> Found, |s, _| start::search(s, &text));

command!(read agenda() -> Agenda, |s, _| start::agenda(s));
