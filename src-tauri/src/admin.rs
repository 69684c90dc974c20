//! The administrator's screens (office, hours, numbering, Commission members, users and roles),
//! the audit trail, backup and restore, and the About page's legal basis.

use crate::state::{now, AppState, Fail, Res};
use anyqtama_rules::registration::parse_date;
use anyqtama_store::{backup, views, Office, Role, StoreError, UserId};
use chrono::Datelike;
use serde::Serialize;

#[derive(Serialize)]
pub struct RuleSetInfo {
    id: String,
    order: String,
    effective_from: chrono::NaiveDate,
    effective_from_assumed: bool,
    effective_from_cite: String,
    threshold: u32,
}

fn rule_sets(law: &anyqtama_store::Law) -> Vec<RuleSetInfo> {
    law.rule_sets
        .all()
        .iter()
        .map(|r| RuleSetInfo {
            id: r.id.to_string(),
            order: r.order.clone(),
            effective_from: r.effective_from,
            effective_from_assumed: r.effective_from_assumed,
            effective_from_cite: r.effective_from_cite.clone(),
            threshold: r.threshold.points,
        })
        .collect()
}

/// One year of the working-day calendar: its exceptions to the Monday-Friday week, with sources.
#[derive(Serialize)]
pub struct CalendarYear {
    year: i32,
    status: anyqtama_rules::calendar::YearStatus,
    note: Option<String>,
    exceptions: serde_json::Value,
    working_days: u32,
}

#[derive(Serialize)]
pub struct Settings {
    office: views::OfficeSettings,
    users: Vec<views::UserRow>,
    members: Vec<views::MemberRow>,
    rule_sets: Vec<RuleSetInfo>,
    calendar: Vec<CalendarYear>,
}

#[tauri::command]
pub fn settings(state: tauri::State<'_, AppState>, lang: String) -> Res<Settings> {
    let law = state.law_now();
    state.read(&lang, |s, _| {
        let c = s.connection();
        Ok(Settings {
            office: views::office_settings(c, now().year())?,
            users: views::users(c)?,
            members: views::members(c)?,
            rule_sets: rule_sets(&law),
            calendar: law
                .calendar
                .years()
                .map(|y| {
                    let first = chrono::NaiveDate::from_ymd_opt(y.year, 1, 1).expect("valid");
                    let next = chrono::NaiveDate::from_ymd_opt(y.year + 1, 1, 1).expect("valid");
                    CalendarYear {
                        year: y.year,
                        status: y.status,
                        note: y.note.clone(),
                        exceptions: serde_json::to_value(
                            law.calendar.exceptions(y.year).unwrap_or_default(),
                        )
                        .unwrap_or_default(),
                        working_days: law.calendar.working_days_between(first, next).unwrap_or(0),
                    }
                })
                .collect(),
        })
    })
}

#[tauri::command]
pub fn update_office(state: tauri::State<'_, AppState>, office: Office, lang: String) -> Res<()> {
    state.write(&lang, |w| w.update_office(&office))
}

#[tauri::command]
pub fn set_hours(
    state: tauri::State<'_, AppState>,
    open: String,
    close: String,
    lang: String,
) -> Res<()> {
    state.write(&lang, |w| w.set_office_hours(&open, &close))
}

#[tauri::command]
pub fn set_numbering(
    state: tauri::State<'_, AppState>,
    pattern: String,
    next: i64,
    lang: String,
) -> Res<()> {
    state.write(&lang, |w| w.set_numbering(&pattern, now().year(), next))
}

/// Confirms the date a rule set came into force (order 426's publication), with its source.
#[tauri::command]
pub fn set_rule_set_date(
    state: tauri::State<'_, AppState>,
    rule_set: String,
    date: String,
    source: String,
    lang: String,
) -> Res<()> {
    let date = parse_date(&date).map_err(|e| Fail::field(&lang, "effective_from", e))?;
    state.write_law(&lang, |w| {
        w.set_rule_set_date(&rule_set, date, source.trim())
    })
}

/// The calendar editor: a transfer of a day off by Government decree.
#[tauri::command]
pub fn add_calendar_transfer(
    state: tauri::State<'_, AppState>,
    day_off: String,
    working_day: String,
    source: String,
    lang: String,
) -> Res<()> {
    let off = parse_date(&day_off).map_err(|e| Fail::field(&lang, "day_off", e))?;
    let work = parse_date(&working_day).map_err(|e| Fail::field(&lang, "working_day", e))?;
    state.write_law(&lang, |w| w.add_calendar_transfer(off, work, source.trim()))
}

#[tauri::command]
pub fn add_member(
    state: tauri::State<'_, AppState>,
    full_name: String,
    position: String,
    organisation: String,
    lang: String,
) -> Res<i64> {
    state.write(&lang, |w| {
        Ok(
            w.add_commission_member(&full_name, &position, &organisation)?
                .0,
        )
    })
}

#[tauri::command]
pub fn create_user(
    state: tauri::State<'_, AppState>,
    login: String,
    full_name: String,
    password: String,
    roles: Vec<Role>,
    user_lang: String,
    lang: String,
) -> Res<i64> {
    state.write(&lang, |w| {
        Ok(w.create_user(
            login.trim(),
            full_name.trim(),
            &password,
            &roles,
            &user_lang,
        )?
        .0)
    })
}

/// Sets a user's roles. When they are the signed-in user's own, the session takes them at once
/// and is returned so the window can show the new menu.
#[tauri::command]
pub fn set_roles(
    state: tauri::State<'_, AppState>,
    user: i64,
    roles: Vec<Role>,
    lang: String,
) -> Res<Option<anyqtama_store::Session>> {
    state.write(&lang, |w| w.set_roles(UserId(user), &roles))?;
    let me = state.session(&lang)?;
    if me.user_id != UserId(user) {
        return Ok(None);
    }
    let fresh = state.read(&lang, |s, _| Ok(s.session_for(&me.login)?))?;
    *state.session.lock().expect("not poisoned") = Some(fresh.clone());
    Ok(Some(fresh))
}

#[tauri::command]
pub fn set_user_active(
    state: tauri::State<'_, AppState>,
    user: i64,
    active: bool,
    lang: String,
) -> Res<()> {
    state.write(&lang, |w| w.set_user_active(UserId(user), active))
}

#[derive(Serialize)]
pub struct AuditPage {
    rows: Vec<views::AuditRow>,
    /// The chain checked from the first event to the last.
    verified: Option<anyqtama_store::audit::Verified>,
    broken: Option<String>,
}

#[tauri::command]
pub fn audit(
    state: tauri::State<'_, AppState>,
    before: Option<i64>,
    verify: bool,
    lang: String,
) -> Res<AuditPage> {
    let rows = state.read(&lang, |s, _| Ok(views::audit(s.connection(), before, 100)?))?;
    let (verified, broken) = if verify {
        match state.read(&lang, |s, _| Ok(s.verify()?)) {
            Ok(v) => (Some(v), None),
            Err(f) => (None, Some(f.message)),
        }
    } else {
        (None, None)
    };
    Ok(AuditPage {
        rows,
        verified,
        broken,
    })
}

/// A backup to where the user chooses; recorded in the audit trail.
#[tauri::command]
pub async fn backup(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<Option<String>> {
    let suggested = format!("anyqtama-{}.sqlite", now().format("%Y-%m-%d-%H%M"));
    let Some(path) = state
        .dialogs
        .save(&app, &suggested, ("SQLite", &["sqlite"]))
    else {
        return Ok(None);
    };
    state.with_mut(&lang, |s, session| {
        Ok(s.backup_as(session, now(), &path)?)
    })?;
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
    // Check before letting go of the open store, so a bad file changes nothing.
    backup::check_backup(&source).map_err(|e| Fail::store(e, &lang))?;
    anyqtama_store::lifecycle::permitted(
        anyqtama_store::lifecycle::Action::Restore,
        &session.roles,
    )
    .map_err(|e| Fail::store(e, &lang))?;
    let mut guard = state.open(&lang)?;
    *guard = None;
    let kept = backup::restore_as(&state.path, &source, &session, now())
        .map_err(|e: StoreError| Fail::store(e, &lang))?;
    drop(guard);
    state.close();
    Ok(Some(
        kept.map(|k| k.display().to_string()).unwrap_or_default(),
    ))
}

#[derive(Serialize)]
pub struct About {
    version: &'static str,
    store: String,
    rule_sets: Vec<RuleSetInfo>,
    lists: Vec<(String, String)>,
}

#[tauri::command]
pub fn about(state: tauri::State<'_, AppState>) -> About {
    let law = state.law_now();
    About {
        version: env!("CARGO_PKG_VERSION"),
        store: state.path.display().to_string(),
        rule_sets: rule_sets(&law),
        lists: vec![
            (
                law.lists.priority.meta.id.clone(),
                law.lists.priority.meta.source.clone(),
            ),
            (
                law.lists.residence.meta.id.clone(),
                law.lists.residence.meta.source.clone(),
            ),
        ],
    }
}
