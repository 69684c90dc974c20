//! Documents and registers: built by `anyqtama_app`, saved where the user chooses in the native
//! save dialog, and opened in the system's PDF viewer to look at and print.

use crate::state::{command, fail, now, say, AppState, Res};
use anyqtama_app::input::{self, Month};
use anyqtama_app::registers::{self, RegisterPreview};
use anyqtama_app::{DocumentRef, Job, RegisterFormat, Saved};
use std::path::Path;

/// Writes a file whole where the user chose, and with `show` opens it in the system's viewer.
pub fn save(state: &AppState, path: &Path, bytes: &[u8], show: bool, lang: &str) -> Res<Saved> {
    anyqtama_app::write_file(path, bytes)
        .map_err(|e| fail(anyqtama_store::StoreError::Io(e), lang))?;
    if show {
        show_file(state, path, lang)?;
    }
    Ok(Saved {
        path: path.display().to_string(),
        bytes: bytes.len(),
    })
}

fn show_file(state: &AppState, path: &Path, lang: &str) -> Res<()> {
    state
        .dialogs
        .show(path)
        .map_err(|detail| say(lang, "error-io", &[("detail", detail)]))
}

/// Prints (renders) a document to a PDF the user saves; a real print is recorded in the audit
/// trail, a draft carries a visible mark. With `show`, the saved file opens in the system viewer.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn print(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    doc: DocumentRef,
    doc_lang: String,
    draft: bool,
    copies: u32,
    show: bool,
    lang: String,
) -> Res<Option<Saved>> {
    let (which, id) = doc.parts();
    let dl = input::doc_lang(&doc_lang).map_err(|e| fail(e, &lang))?;
    let suggested = anyqtama_app::file_name(which, &id, dl, draft);
    let Some(path) = state.dialogs.save(&app, &suggested, ("PDF", &["pdf"])) else {
        return Ok(None);
    };
    let bytes = state.with_mut(&lang, |s, who| {
        let job = Job {
            document: which,
            lang: dl,
            draft,
            copies,
        };
        anyqtama_app::print_to(s, Some(who), now(), job, &id, &path)
    })?;
    if show {
        show_file(&state, &path, &lang)?;
    }
    Ok(Some(Saved {
        path: path.display().to_string(),
        bytes,
    }))
}

command!(read register_preview(month: String) -> RegisterPreview, |s, _| {
    registers::preview(s, month.parse::<Month>()?, now().date())
});

/// Saves a month's register as PDF, XLSX or CSV.
#[tauri::command]
pub async fn save_register(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    month: String,
    format: String,
    doc_lang: String,
    show: bool,
    lang: String,
) -> Res<Option<Saved>> {
    let (name, bytes) = state.read(&lang, |s, _| {
        let fmt: RegisterFormat = format.parse()?;
        registers::file(
            s,
            month.parse()?,
            fmt,
            input::doc_lang(&doc_lang)?,
            now().date(),
        )
    })?;
    let ext = name.rsplit('.').next().unwrap_or("").to_string();
    let Some(path) = state.dialogs.save(&app, &name, (&ext, &[ext.as_str()])) else {
        return Ok(None);
    };
    save(&state, &path, &bytes, show, &lang).map(Some)
}

/// Prints every certificate decided on a day (or in a register's month) into one PDF the user
/// saves, each print recorded; how many and the file come back.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn print_decided(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    day: Option<String>,
    month: Option<String>,
    doc_lang: String,
    show: bool,
    lang: String,
) -> Res<Option<(usize, Saved)>> {
    let ((first, last), dl) = run_of(&day, &month, &doc_lang, &lang)?;
    let name = anyqtama_app::print::run_file_name(first, last, dl);
    let Some(path) = state.dialogs.save(&app, &name, ("PDF", &["pdf"])) else {
        return Ok(None);
    };
    let (count, bytes) = state.with_mut(&lang, |s, who| {
        anyqtama_app::print::print_decided(s, Some(who), now(), dl, first, last, &path)
    })?;
    if show {
        show_file(&state, &path, &lang)?;
    }
    Ok(Some((
        count,
        Saved {
            path: path.display().to_string(),
            bytes,
        },
    )))
}

/// A document for the window's preview (`draft`: marked, recorded nowhere) or for printing from it
/// (recorded), as PDF bytes for pdf.js.
#[tauri::command]
pub async fn view_document(
    state: tauri::State<'_, AppState>,
    doc: DocumentRef,
    doc_lang: String,
    draft: bool,
    copies: u32,
    lang: String,
) -> Res<tauri::ipc::Response> {
    let (which, id) = doc.parts();
    let dl = input::doc_lang(&doc_lang).map_err(|e| fail(e, &lang))?;
    let job = Job {
        document: which,
        lang: dl,
        draft,
        copies,
    };
    let pdf = state.with_mut(&lang, |s, who| {
        anyqtama_app::print::for_window(s, Some(who), now(), job, &[id])
    })?;
    Ok(tauri::ipc::Response::new(pdf))
}

/// A day's or a month's certificates for the window's preview or for printing from it.
#[tauri::command]
pub async fn view_decided(
    state: tauri::State<'_, AppState>,
    day: Option<String>,
    month: Option<String>,
    doc_lang: String,
    draft: bool,
    lang: String,
) -> Res<tauri::ipc::Response> {
    let (span, dl) = run_of(&day, &month, &doc_lang, &lang)?;
    let pdf = state.with_mut(&lang, |s, who| {
        anyqtama_app::print::decided_for_window(s, Some(who), now(), dl, span, draft)
    })?;
    Ok(tauri::ipc::Response::new(pdf))
}

/// Sends what the window shows (the preview's pages, by its print style) to the system's print
/// dialog.
#[tauri::command]
pub fn print_window(
    window: tauri::WebviewWindow,
    state: tauri::State<'_, AppState>,
    lang: String,
) -> Res<()> {
    state
        .dialogs
        .print(&window)
        .map_err(|detail| say(&lang, "error-io", &[("detail", detail)]))
}

/// A print run's day or month, and its documents' language, as typed.
fn run_of(
    day: &Option<String>,
    month: &Option<String>,
    doc_lang: &str,
    lang: &str,
) -> Res<((chrono::NaiveDate, chrono::NaiveDate), input::DocLang)> {
    let read = || {
        Ok::<_, anyqtama_app::AppError>((
            input::span(day.as_deref(), month.as_deref())?,
            input::doc_lang(doc_lang)?,
        ))
    };
    read().map_err(|e| fail(e, lang))
}

/// Saves a stored scan back out (to send or to look at).
#[tauri::command]
pub async fn save_attachment(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    id: i64,
    lang: String,
) -> Res<Option<Saved>> {
    let (name, bytes) = state.read(&lang, |s, _| anyqtama_app::cases::attachment(s, id))?;
    let Some(path) = state.dialogs.save(&app, &name, ("*", &["*"])) else {
        return Ok(None);
    };
    save(&state, &path, &bytes, false, &lang).map(Some)
}
