//! Documents and registers: built in Rust (crates/app, crates/docs), saved where the user chooses in
//! the native save dialog, and opened in the system's PDF viewer to look at and print.

use crate::state::{now, AppState, Fail, Res};
use anyqtama_app::{Document, RegisterFormat};
use anyqtama_docs::text::DocLang;
use anyqtama_store::{views, StoreError};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct Saved {
    pub path: String,
    pub bytes: usize,
}

fn doc_lang(code: &str, lang: &str) -> Res<DocLang> {
    DocLang::parse(code).ok_or_else(|| {
        Fail::new(
            lang,
            "error-unknown-doc-lang",
            &[("value", code.to_string())],
        )
    })
}

/// Writes a file where the user chose, and with `show` opens it in the system's viewer.
pub fn save(state: &AppState, path: &Path, bytes: &[u8], show: bool, lang: &str) -> Res<Saved> {
    // A finished file appears under its name at once, never half-written.
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| Fail::store(StoreError::Io(e), lang))?;
    if show {
        state
            .dialogs
            .show(path)
            .map_err(|d| Fail::new(lang, "error-io", &[("detail", d)]))?;
    }
    Ok(Saved {
        path: path.display().to_string(),
        bytes: bytes.len(),
    })
}

/// Prints (renders) a document to a PDF the user saves; a real print is recorded in the audit
/// trail, a draft carries a visible mark. With `show`, the saved file opens in the system viewer.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn print(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    document: String,
    id: String,
    doc_lang: String,
    draft: bool,
    copies: u32,
    show: bool,
    lang: String,
) -> Res<Option<Saved>> {
    let which = Document::parse(&document).ok_or_else(|| {
        Fail::new(
            &lang,
            "error-unknown-document",
            &[("value", document.clone())],
        )
    })?;
    let dl = self::doc_lang(&doc_lang, &lang)?;
    let suggested = anyqtama_app::file_name(which, &id, dl, draft);
    let Some(path) = state.dialogs.save(&app, &suggested, ("PDF", &["pdf"])) else {
        return Ok(None);
    };
    // Written whole and synced first; the print is recorded after, as the signed-in user.
    let bytes = state.with_mut(&lang, |s, session| {
        anyqtama_app::print_to(
            s,
            Some(session),
            now(),
            which,
            &id,
            dl,
            draft,
            copies,
            &path,
        )
    })?;
    if show {
        state
            .dialogs
            .show(&path)
            .map_err(|d| Fail::new(&lang, "error-io", &[("detail", d)]))?;
    }
    Ok(Some(Saved {
        path: path.display().to_string(),
        bytes,
    }))
}

#[derive(Serialize)]
pub struct RegisterPreview {
    month: String,
    rows: Vec<anyqtama_docs::register::RegisterRow>,
}

/// A month's register as the window lists it.
#[tauri::command]
pub fn register_preview(
    state: tauri::State<'_, AppState>,
    month: String,
    lang: String,
) -> Res<RegisterPreview> {
    let (y, m) = parse_month(&month, &lang)?;
    state.read(&lang, |s, _| {
        let view = anyqtama_app::register_view(s, (y, m), now().date())?;
        Ok(RegisterPreview {
            month: view.month.clone(),
            rows: view.rows,
        })
    })
}

/// "YYYY-MM", or a refusal shown next to the month field.
pub fn parse_month(month: &str, lang: &str) -> Res<(i32, u32)> {
    let bad = || Fail {
        field: Some("month".into()),
        ..Fail::new(lang, "error-not-a-month", &[("value", month.to_string())])
    };
    let (y, m) = month.split_once('-').ok_or_else(bad)?;
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) || !(2000..=2100).contains(&y) {
        return Err(bad());
    }
    Ok((y, m))
}

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
    let (y, m) = parse_month(&month, &lang)?;
    let dl = self::doc_lang(&doc_lang, &lang)?;
    let (fmt, ext) = match format.as_str() {
        "pdf" => (RegisterFormat::Pdf, "pdf"),
        "xlsx" => (RegisterFormat::Xlsx, "xlsx"),
        "csv" => (RegisterFormat::Csv, "csv"),
        _ => {
            return Err(Fail::new(
                &lang,
                "error-unknown-format",
                &[("value", format.clone())],
            ))
        }
    };
    let suggested = format!("register-{y}-{m:02}-{}.{ext}", doc_lang.replace('+', "-"));
    let Some(path) = state.dialogs.save(&app, &suggested, (ext, &[ext])) else {
        return Ok(None);
    };
    let bytes = state.read(&lang, |s, _| {
        let view = anyqtama_app::register_view(s, (y, m), now().date())?;
        anyqtama_app::register(&view, fmt, dl)
    })?;
    save(&state, &path, &bytes, show, &lang).map(Some)
}

/// Saves a stored scan back out (to send or to look at).
#[tauri::command]
pub async fn save_attachment(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    id: i64,
    lang: String,
) -> Res<Option<Saved>> {
    let (name, bytes) = state.read(&lang, |s, _| Ok(views::attachment(s.connection(), id)?))?;
    let Some(path) = state.dialogs.save(&app, &name, ("*", &["*"])) else {
        return Ok(None);
    };
    save(&state, &path, &bytes, false, &lang).map(Some)
}
