//! Manual sync in the window: an office exports its signed bundle to a file it chooses (a USB
//! stick); a higher office's store imports bundles and shows offices, the consolidated register
//! and conflicts. The format and every check are `anyqtama-sync`'s.

use crate::documents::{parse_month, save};
use crate::state::{now, AppState, Fail, Res};
use anyqtama_store::exchange::{self, Period};
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::Actor;
use anyqtama_sync::{ImportOptions, SyncError};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;

/// The bundle last chosen in the open dialog, kept so "Trust this office" imports the same file.
#[derive(Default)]
pub struct Pending(pub Mutex<Option<PathBuf>>);

impl Fail {
    pub fn sync(e: SyncError, code: &str) -> Fail {
        match e {
            SyncError::Store(s) => Fail::store(s, code),
            SyncError::App(a) => Fail::app(a, code),
            e => Fail::new(code, &format!("error-{}", e.code()), &e.args()),
        }
    }
}

#[derive(Serialize)]
pub struct Exported {
    path: String,
    bytes: usize,
    period: String,
    counts: std::collections::BTreeMap<String, usize>,
}

/// The office's bundle of a month, or of everything since the last such export, saved where the
/// user chooses. Taking the office's data out is the administrator's, like a backup.
#[tauri::command]
pub async fn export_bundle(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    month: Option<String>,
    lang: String,
) -> Res<Option<Exported>> {
    let session = state.session(&lang)?;
    let role =
        lifecycle::permitted(Action::Backup, &session.roles).map_err(|e| Fail::store(e, &lang))?;
    let period = match month.as_deref().filter(|m| !m.is_empty()) {
        Some(m) => {
            let (year, month) = parse_month(m, &lang)?;
            Period::Month { year, month }
        }
        None => Period::Since { after: 0 },
    };
    let code = state.read(&lang, |s, _| {
        Ok(anyqtama_store::records::office(s.connection())?.code)
    })?;
    let label = match period {
        Period::Month { year, month } => format!("{year}-{month:02}"),
        Period::Since { .. } => format!("since-last-{}", now().format("%Y-%m-%d")),
    };
    let suggested = format!("{code}-{label}.anyqtama.zip");
    let Some(path) = state.dialogs.save(&app, &suggested, ("ZIP", &["zip"])) else {
        return Ok(None);
    };
    let actor = Actor::user(session.user_id, &session.login, role);
    let made = {
        let mut guard = state.open(&lang)?;
        anyqtama_sync::export(guard.as_mut().expect("opened"), period, &actor, now())
            .map_err(|e| Fail::sync(e, &lang))?
    };
    let saved = save(&state, &path, &made.bytes, false, &lang)?;
    Ok(Some(Exported {
        path: saved.path,
        bytes: saved.bytes,
        period: made.manifest.period_label,
        counts: made.manifest.counts,
    }))
}

#[derive(Serialize)]
pub struct HqStatus {
    offices: Vec<exchange::HqOffice>,
    conflicts: Vec<exchange::HqConflict>,
}

/// A higher office's store (no office of its own) and a signed-in user of it; importing is the
/// administrator's, like a restore: data brought in on a USB stick.
fn hq_check(state: &AppState, lang: &str, import: bool) -> Res<Actor> {
    let session = state.session(lang)?;
    {
        let guard = state.open(lang)?;
        if guard
            .as_ref()
            .expect("opened")
            .has_office()
            .map_err(|e| Fail::store(e, lang))?
        {
            return Err(Fail::store(
                anyqtama_store::StoreError::NotHigherOffice,
                lang,
            ));
        }
    }
    let action = if import {
        Action::Restore
    } else {
        Action::Print
    };
    let role = lifecycle::permitted(action, &session.roles).map_err(|e| Fail::store(e, lang))?;
    Ok(Actor::user(session.user_id, &session.login, role))
}

#[tauri::command]
pub fn hq_status(state: tauri::State<'_, AppState>, lang: String) -> Res<HqStatus> {
    hq_check(&state, &lang, false)?;
    let guard = state.open(&lang)?;
    let c = guard.as_ref().expect("opened").connection();
    Ok(HqStatus {
        offices: exchange::hq_offices(c).map_err(|e| Fail::store(e, &lang))?,
        conflicts: exchange::hq_conflicts(c).map_err(|e| Fail::store(e, &lang))?,
    })
}

#[tauri::command]
pub fn hq_register(
    state: tauri::State<'_, AppState>,
    month: String,
    lang: String,
) -> Res<Vec<exchange::HqRegisterRow>> {
    hq_check(&state, &lang, false)?;
    let (y, m) = parse_month(&month, &lang)?;
    let guard = state.open(&lang)?;
    exchange::hq_register(guard.as_ref().expect("opened").connection(), y, m)
        .map_err(|e| Fail::store(e, &lang))
}

#[derive(Serialize)]
pub struct Imported {
    file: String,
    report: exchange::ImportReport,
}

/// Imports a bundle chosen in the open dialog (or, with `again`, the one chosen last time: after
/// the user compared the fingerprint and chose to trust the office).
#[tauri::command]
pub async fn import_bundle(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    pending: tauri::State<'_, Pending>,
    trust: bool,
    dry_run: bool,
    again: bool,
    lang: String,
) -> Res<Option<Imported>> {
    let actor = hq_check(&state, &lang, true)?;
    let path = if again {
        pending.0.lock().expect("not poisoned").clone()
    } else {
        state.dialogs.open(&app, ("ZIP", &["zip"]))
    };
    let Some(path) = path else {
        return Ok(None);
    };
    *pending.0.lock().expect("not poisoned") = Some(path.clone());
    let bytes =
        std::fs::read(&path).map_err(|e| Fail::store(anyqtama_store::StoreError::Io(e), &lang))?;
    let mut guard = state.open(&lang)?;
    let report = anyqtama_sync::import(
        guard.as_mut().expect("opened"),
        &bytes,
        ImportOptions {
            trust_new_office: trust,
            dry_run,
        },
        &actor,
        now(),
    )
    .map_err(|e| Fail::sync(e, &lang))?;
    Ok(Some(Imported {
        file: path.display().to_string(),
        report,
    }))
}
