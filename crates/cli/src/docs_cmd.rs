//! `anyqtama print | verify-qr | register`: documents from the command line.

use crate::error::CliError;
use crate::store_cmd::{day, now};
use crate::to_json;
use anyqtama_app::input::doc_lang;
use anyqtama_app::{Document, RegisterFormat};
use anyqtama_store::Store;
use std::path::Path;

/// Writes the file whole or not at all (the one atomic writer of both doors: `app::write_file`).
fn write_out(out: &Path, bytes: &[u8]) -> Result<(), CliError> {
    anyqtama_app::write_file(out, bytes).map_err(|e| CliError::WriteFile {
        path: out.display().to_string(),
        detail: e.to_string(),
    })
}

/// What to print: one document by its id, or many (a plural kind).
pub struct PrintRequest<'a> {
    pub kind: &'a str,
    pub ids: Vec<String>,
    pub out: Option<&'a Path>,
    pub out_dir: Option<&'a Path>,
    pub decided_on: Option<&'a str>,
    pub month: Option<&'a str>,
    pub from_file: Option<&'a Path>,
}

/// A file that could not be written is named as such; other errors as they are.
fn write_error(e: anyqtama_app::AppError, out: &Path) -> CliError {
    match e {
        anyqtama_app::AppError::Store(anyqtama_store::StoreError::Io(io)) => CliError::WriteFile {
            path: out.display().to_string(),
            detail: io.to_string(),
        },
        e => CliError::App(e),
    }
}

fn usage(detail: &str) -> CliError {
    CliError::Usage(detail.to_string())
}

pub fn print(
    db: &Path,
    req: &PrintRequest<'_>,
    lang: &str,
    draft: bool,
    copies: u32,
    user: Option<&str>,
) -> Result<String, CliError> {
    // "certificates", "applications", "refusals": many at once.
    let (singular, many) = match req.kind.strip_suffix('s') {
        Some(k) if k.parse::<Document>().is_ok() => (k, true),
        _ => (req.kind, false),
    };
    let document: Document = if many {
        singular.parse()?
    } else {
        req.kind.parse()?
    };
    let lang = doc_lang(lang)?;
    // A draft writes nothing: the store is opened only to read.
    let mut store = if draft {
        Store::open_for_reading(db)?
    } else {
        Store::open_existing(db)?
    };
    let mut ids = req.ids.clone();
    if let Some(file) = req.from_file {
        let text = crate::read_input(file.to_str())?;
        ids.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    if let Some(d) = req.decided_on {
        let d = day(Some(d))?;
        ids.extend(anyqtama_app::print::decided(&store, d, d)?);
    }
    if let Some(m) = req.month {
        let m = crate::store_cmd::month(m)?;
        ids.extend(anyqtama_app::print::decided(
            &store,
            m.first_day(),
            m.last_day(),
        )?);
    }
    // A recorded print is the signed-in user's; a draft needs nobody.
    let session = match (draft, user) {
        (false, Some(login)) => Some(anyqtama_app::start::sign_in(
            &store,
            login,
            &crate::case_cmd::password()?,
            now(),
        )?),
        _ => None,
    };
    let job = anyqtama_app::Job {
        document,
        lang,
        draft,
        copies,
    };
    if !many {
        let [id] = ids.as_slice() else {
            return Err(usage("print KIND ID: one id (or a plural kind for many)"));
        };
        let out = req.out.ok_or_else(|| usage("--out FILE"))?;
        let bytes = anyqtama_app::print_to(&mut store, session.as_ref(), now(), job, id, out)
            .map_err(|e| write_error(e, out))?;
        return Ok(to_json(
            &serde_json::json!({"document": singular, "id": id, "lang": lang.code(), "draft": draft, "out": out.display().to_string(), "bytes": bytes}),
        ));
    }
    let target = match (req.out, req.out_dir) {
        (Some(f), None) => anyqtama_app::Many::OneFile(f),
        (None, Some(d)) => anyqtama_app::Many::Folder(d),
        _ => return Err(usage("--out FILE or --out-dir DIR")),
    };
    let shown = req.out.or(req.out_dir).expect("one of them");
    let files = anyqtama_app::print_many(&mut store, session.as_ref(), now(), job, &ids, target)
        .map_err(|e| write_error(e, shown))?;
    Ok(to_json(&serde_json::json!({
        "document": singular, "count": ids.len(), "lang": lang.code(), "draft": draft,
        "files": files.iter().map(|(p, b)| serde_json::json!({"out": p, "bytes": b})).collect::<Vec<_>>(),
    })))
}

/// Checks a certificate's QR code: genuine or not, which office signed it, and where this store
/// holds the certificate, its status today (`--today` for a report on another day).
pub fn verify_qr(db: &Path, payload: &str, today: Option<&str>) -> Result<String, CliError> {
    let store = Store::open_for_reading(db)?;
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
    let format: RegisterFormat = format.parse()?;
    let lang = doc_lang(lang)?;
    let m = crate::store_cmd::month(month)?;
    let store = Store::open_for_reading(db)?;
    let (bytes, rows) =
        anyqtama_app::registers::render(&store, (m.year, m.month), format, lang, day(today)?)?;
    write_out(out, &bytes)?;
    Ok(to_json(
        &serde_json::json!({"month": month, "rows": rows, "out": out.display().to_string(), "bytes": bytes.len()}),
    ))
}
