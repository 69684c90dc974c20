//! `anyqtama print | verify-qr | register`: documents from the command line.

use crate::error::CliError;
use crate::store_cmd::{day, now};
use crate::to_json;
use anyqtama_app::{Document, RegisterFormat};
use anyqtama_docs::text::DocLang;
use anyqtama_store::Store;
use std::path::Path;

fn doc_lang(s: &str) -> Result<DocLang, CliError> {
    DocLang::parse(s).ok_or_else(|| CliError::UnknownDocLang(s.to_string()))
}

/// Writes the file whole or not at all: to a temporary name first, then renamed.
fn write_out(out: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let tmp = out.with_extension("partial");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, out))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            CliError::WriteFile {
                path: out.display().to_string(),
                detail: e.to_string(),
            }
        })
}

#[allow(clippy::too_many_arguments)]
pub fn print(
    db: &Path,
    kind: &str,
    id: &str,
    lang: &str,
    out: &Path,
    draft: bool,
    copies: u32,
    user: Option<&str>,
) -> Result<String, CliError> {
    let document =
        Document::parse(kind).ok_or_else(|| CliError::UnknownDocument(kind.to_string()))?;
    let lang = doc_lang(lang)?;
    let mut store = Store::open_existing(db)?;
    // A recorded print is the signed-in user's; a draft needs nobody.
    let session = match (draft, user) {
        (false, Some(login)) => Some(store.sign_in(login, &crate::case_cmd::password()?)?),
        _ => None,
    };
    let bytes = anyqtama_app::print_to(
        &mut store,
        session.as_ref(),
        now(),
        document,
        id,
        lang,
        draft,
        copies,
        out,
    )
    .map_err(|e| match e {
        anyqtama_app::AppError::Store(anyqtama_store::StoreError::Io(io)) => CliError::WriteFile {
            path: out.display().to_string(),
            detail: io.to_string(),
        },
        e => e.into(),
    })?;
    Ok(to_json(
        &serde_json::json!({"document": kind, "id": id, "lang": lang.code(), "draft": draft, "out": out.display().to_string(), "bytes": bytes}),
    ))
}

/// Checks a certificate's QR code: genuine or not, which office signed it, and where this store
/// holds the certificate, its status today (`--today` for a report on another day).
pub fn verify_qr(db: &Path, payload: &str, today: Option<&str>) -> Result<String, CliError> {
    let store = Store::open_existing(db)?;
    let check = anyqtama_app::verify_qr(&store, payload, day(today)?)?;
    Ok(to_json(&check))
}

pub fn register(
    db: &Path,
    month: &str,
    format: &str,
    lang: &str,
    out: &Path,
    today: Option<&str>,
) -> Result<String, CliError> {
    let format = match format {
        "pdf" => RegisterFormat::Pdf,
        "xlsx" => RegisterFormat::Xlsx,
        "csv" => RegisterFormat::Csv,
        f => return Err(CliError::UnknownFormat(f.to_string())),
    };
    let lang = doc_lang(lang)?;
    let (y, m) = crate::store_cmd::month(month)?;
    let store = Store::open_existing(db)?;
    let view = anyqtama_app::register_view(&store, (y, m), day(today)?)?;
    let bytes = anyqtama_app::register(&view, format, lang)?;
    write_out(out, &bytes)?;
    let rows = view.rows.len();
    Ok(to_json(
        &serde_json::json!({"month": month, "rows": rows, "out": out.display().to_string(), "bytes": bytes.len()}),
    ))
}
