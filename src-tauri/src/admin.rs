//! The administrator's screens, the audit trail, backup and restore, and the About page: each
//! command calls one function of `anyqtama_app::office`.

use crate::state::{command, fail, lang, now, AppState, Res};
use anyqtama_app::office::{self, About, AuditPage, NewUser};
use anyqtama_store::{MemberId, Office, Role, Session, UserId};

command!(
    /// The settings page (as JSON here: it borrows the open store's law).
    read settings() -> serde_json::Value,
    |s, _| Ok(serde_json::to_value(office::settings(s, now())?).expect("serialisable"))
);

command!(with_mut update_office(office: Office) -> (), |s, who| {
    office::update_office(s, who, now(), &office)
});

command!(with_mut set_hours(open: String, close: String) -> (), |s, who| {
    office::set_hours(s, who, now(), &open, &close)
});

command!(with_mut set_numbering(pattern: String, next: i64) -> (), |s, who| {
    office::set_numbering(s, who, now(), &pattern, next)
});

command!(with_mut set_rule_set_date(rule_set: String, date: String, source: String) -> (),
    |s, who| office::set_rule_set_date(s, who, now(), &rule_set, &date, &source));

command!(with_mut add_calendar_transfer(day_off: String, working_day: String, source: String) -> (),
    |s, who| office::add_calendar_transfer(s, who, now(), &day_off, &working_day, &source));

command!(with_mut add_member(full_name: String, position: String, organisation: String) -> MemberId,
    |s, who| office::add_member(s, who, now(), &full_name, &position, &organisation));

command!(with_mut create_user(login: String, full_name: String, password: String, roles: Vec<Role>,
    user_lang: String) -> UserId, |s, who| {
    let user = NewUser { login: &login, full_name: &full_name, password: &password, roles: &roles,
        lang: &user_lang };
    office::create_user(s, who, now(), &user)
});

/// Sets a user's roles; the signed-in user's own take effect at once (the new session is
/// returned so the window shows the new menu).
#[tauri::command]
pub fn set_roles(
    state: tauri::State<'_, AppState>,
    user: UserId,
    roles: Vec<Role>,
    lang: String,
) -> Res<Option<Session>> {
    let fresh = state.with_mut(&lang, |s, who| {
        office::set_roles(s, who, now(), user, &roles)
    })?;
    if let Some(fresh) = &fresh {
        *state.session.lock().expect("not poisoned") = Some(fresh.clone());
    }
    Ok(fresh)
}

/// The signed-in user's own password: the current one asked again. A password the administrator
/// reset no longer has to be changed: the session that follows is returned.
#[tauri::command]
pub fn change_password(
    state: tauri::State<'_, AppState>,
    old: String,
    new: String,
    lang: String,
) -> Res<Session> {
    state.with_mut(&lang, |s, who| {
        office::change_password(s, who, now(), &old, &new)
    })?;
    let mut guard = state.session.lock().expect("not poisoned");
    let session = guard.as_mut().expect("signed in: with_mut checked");
    session.must_change_password = false;
    Ok(session.clone())
}

command!(
    /// The administrator sets a new password for a user who lost theirs.
    with_mut reset_password(user: UserId, password: String) -> (),
    |s, who| office::reset_password(s, who, now(), user, &password)
);

command!(with_mut set_user_active(user: UserId, active: bool) -> (), |s, who| {
    office::set_user_active(s, who, now(), user, active)
});

#[tauri::command]
pub fn audit(
    state: tauri::State<'_, AppState>,
    before: Option<i64>,
    verify: bool,
    lang: String,
) -> Res<AuditPage> {
    state.read(&lang, |s, _| {
        office::audit_page(s, before, verify, self::lang(&lang))
    })
}

/// A backup to where the user chooses; recorded in the audit trail.
#[tauri::command]
pub async fn backup(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<Option<String>> {
    let suggested = office::backup_name(now());
    let Some(path) = state
        .dialogs
        .save(&app, &suggested, ("SQLite", &["sqlite"]))
    else {
        return Ok(None);
    };
    state.with_mut(&lang, |s, who| office::backup(s, who, now(), &path))?;
    Ok(Some(path.display().to_string()))
}

/// A support file (versions, the store's verify summary, the end of the log) saved where the user
/// chooses, for a USB stick. Anyone signed in may make one.
#[tauri::command]
pub async fn support_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<Option<String>> {
    let report = state.read(&lang, |s, _| {
        Ok(office::support_report(s, now(), self::lang(&lang)))
    })?;
    let Some(path) = state
        .dialogs
        .save(&app, &office::support_name(now()), ("JSON", &["json"]))
    else {
        return Ok(None);
    };
    let text = serde_json::to_string_pretty(&report).expect("serialisable");
    std::fs::write(&path, text).map_err(|e| fail(anyqtama_store::StoreError::Io(e), &lang))?;
    tracing::info!("support file saved");
    Ok(Some(path.display().to_string()))
}

/// Replaces the store with a backup after checking it whole; the replaced store is kept beside it.
/// Everyone is signed out: the restored store has its own users.
#[tauri::command]
pub async fn restore(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<Option<String>> {
    let Some(source) = state.dialogs.open(&app, ("SQLite", &["sqlite"])) else {
        return Ok(None);
    };
    let session = state.session(&lang)?;
    // Checked before letting go of the open store, so a bad file changes nothing.
    office::check_restore(&session, &source).map_err(|e| fail(e, &lang))?;
    let mut guard = state.open(&lang)?;
    *guard = None;
    // A copy of the whole file: the bar shows that work goes on, without a measure.
    let _busy = anyqtama_app::progress::Meter::new(
        anyqtama_app::progress::Task::Restore,
        anyqtama_app::progress::Unit::Bytes,
        None,
        crate::state::reporter(&app),
    );
    let kept =
        office::restore(&state.path, &source, &session, now()).map_err(|e| fail(e, &lang))?;
    drop(guard);
    state.close();
    Ok(Some(
        kept.map(|k| k.display().to_string()).unwrap_or_default(),
    ))
}

#[tauri::command]
pub fn about(state: tauri::State<'_, AppState>) -> About {
    office::about(&state.law_now(), &state.path)
}
