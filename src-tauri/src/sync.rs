//! Manual sync in the window: an office exports its signed bundle to a file it chooses (a USB
//! stick); a higher office's store imports bundles and shows offices, the consolidated register
//! and conflicts. Each command calls one function of `anyqtama_app::bundles`.

use crate::state::{command, fail, now, AppState, Res};
use anyqtama_app::bundles::{self, HqStatus, Imported, SavedBundle};
use anyqtama_app::input::Month;
use anyqtama_store::exchange;
use anyqtama_sync::ImportOptions;
use std::path::PathBuf;
use std::sync::Mutex;

/// The bundle last chosen in the open dialog, kept so "Trust this office" imports the same file.
#[derive(Default)]
pub struct Pending(pub Mutex<Option<PathBuf>>);

/// The office's bundle of a month, or of everything since the last such export, saved where the
/// user chooses.
#[tauri::command]
pub async fn export_bundle(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    month: Option<String>,
    lang: String,
) -> Res<Option<SavedBundle>> {
    let month: Option<Month> = month
        .as_deref()
        .filter(|m| !m.is_empty())
        .map(str::parse)
        .transpose()
        .map_err(|e| fail(e, &lang))?;
    let suggested = state.read(&lang, |s, _| bundles::bundle_name(s, month, now()))?;
    let Some(path) = state.dialogs.save(&app, &suggested, ("ZIP", &["zip"])) else {
        return Ok(None);
    };
    let progress = crate::state::reporter(&app);
    let exported = state.with_mut(&lang, |s, who| {
        bundles::export(s, Some(who), now(), month, &path, &progress)
    })?;
    Ok(Some(SavedBundle {
        path: path.display().to_string(),
        exported,
    }))
}

command!(read hq_status() -> HqStatus, |s, who| bundles::hq_status(s, Some(who)));

command!(read hq_register(month: String) -> Vec<exchange::HqRegisterRow>, |s, who| {
    bundles::hq_register(s, Some(who), month.parse()?)
});

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
    // Refused before the dialog opens when this is not a higher office or not the user's to do.
    state.read(&lang, |s, who| bundles::hq_status(s, Some(who)).map(|_| ()))?;
    let path = if again {
        pending.0.lock().expect("not poisoned").clone()
    } else {
        state.dialogs.open(&app, ("ZIP", &["zip"]))
    };
    let Some(path) = path else {
        return Ok(None);
    };
    *pending.0.lock().expect("not poisoned") = Some(path.clone());
    let options = ImportOptions {
        trust_new_office: trust,
        dry_run,
    };
    let progress = crate::state::reporter(&app);
    let report = state.with_mut(&lang, |s, who| {
        use anyqtama_app::progress::{Meter, Metered, Task, Unit};
        let bundle = std::fs::File::open(&path).map_err(anyqtama_store::StoreError::Io)?;
        let len = bundle
            .metadata()
            .map_err(anyqtama_store::StoreError::Io)?
            .len();
        // The file is read twice: once for its signature, once for its records.
        let meter = Meter::new(Task::Import, Unit::Bytes, Some(2 * len), progress);
        bundles::import(s, Some(who), now(), Metered::new(bundle, meter), options)
    })?;
    Ok(Some(Imported {
        file: path.display().to_string(),
        report,
    }))
}
