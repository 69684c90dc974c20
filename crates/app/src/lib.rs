//! The one API of Anyqtama: every user action and every page of data, defined once. The window
//! (`src-tauri`) and the command line (`crates/cli`) are two doors onto these functions: they read
//! their arguments, call one function here and render the answer.
//!
//! Each action takes the open store, the signed-in session and `now` (read by the door, never
//! here), checks what a person typed (`input`), lets the store check roles and the law inside one
//! transaction, and returns a plain result. Its error becomes a sentence in the user's language in
//! one place (`explain`).

use anyqtama_rules::RulesError;
use anyqtama_store::seal::QrError;
use anyqtama_store::StoreError;
use anyqtama_sync::SyncError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Qr(#[from] QrError),
    #[error(transparent)]
    Sync(SyncError),
    /// A value a person typed (a date, a month) that cannot be read, shown next to its field.
    #[error("{field}: {source}")]
    Field { field: String, source: RulesError },
    #[error("{0} is not a month (YYYY-MM or MM.YYYY)")]
    NotAMonth(String),
    #[error("unknown document {0}")]
    UnknownDocument(String),
    #[error("unknown document language {0}")]
    UnknownDocLang(String),
    #[error("unknown format {0}")]
    UnknownFormat(String),
    #[error("{what} {id} cannot be printed as {document}")]
    NotPrintable {
        document: &'static str,
        what: &'static str,
        id: String,
    },
    #[error("this store has no office key yet")]
    NoOfficeKey,
    #[error("a print that is recorded needs a signed-in user")]
    SignInRequired,
    #[error("spreadsheet: {0}")]
    Spreadsheet(String),
    /// A day's or a month's print run with no certificate decided in it.
    #[error("no certificate was decided from {from} to {until}")]
    NothingDecided {
        from: chrono::NaiveDate,
        until: chrono::NaiveDate,
    },
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Store(s) => AppError::Store(s),
            e => AppError::Sync(e),
        }
    }
}

impl From<RulesError> for AppError {
    fn from(e: RulesError) -> Self {
        AppError::Store(StoreError::Rules(e))
    }
}

impl AppError {
    /// The message id's tail: `error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Qr(e) => e.code(),
            AppError::Sync(e) => e.code(),
            AppError::Field { .. } => "field",
            AppError::NotAMonth(_) => "not-a-month",
            AppError::UnknownDocument(_) => "unknown-document",
            AppError::UnknownDocLang(_) => "unknown-doc-lang",
            AppError::UnknownFormat(_) => "unknown-format",
            AppError::NotPrintable { .. } => "not-printable",
            AppError::NoOfficeKey => "no-office-key",
            AppError::SignInRequired => "sign-in-required",
            AppError::Spreadsheet(_) => "io",
            AppError::NothingDecided { .. } => "nothing-decided",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            AppError::Store(e) => e.args(),
            AppError::Sync(e) => e.args(),
            AppError::Qr(QrError::UnknownOffice(fp)) => vec![("fingerprint", fp.clone())],
            AppError::Qr(QrError::Draft(number)) => vec![("number", number.clone())],
            AppError::Qr(_) | AppError::NoOfficeKey | AppError::SignInRequired => vec![],
            AppError::Field { .. } => vec![],
            AppError::NotAMonth(v)
            | AppError::UnknownDocument(v)
            | AppError::UnknownDocLang(v)
            | AppError::UnknownFormat(v) => vec![("value", v.clone())],
            AppError::NotPrintable {
                document,
                what: _,
                id,
            } => vec![("document", document.to_string()), ("id", id.clone())],
            AppError::Spreadsheet(d) => vec![("detail", d.clone())],
            AppError::NothingDecided { from, until } => vec![
                ("from", from.format("%d.%m.%Y").to_string()),
                ("until", until.format("%d.%m.%Y").to_string()),
                (
                    "span",
                    if from == until { "day" } else { "period" }.to_string(),
                ),
            ],
        }
    }

    /// Whether the command itself was malformed (an unknown document, language or format), as
    /// opposed to input that was read and refused.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            AppError::UnknownDocument(_) | AppError::UnknownDocLang(_) | AppError::UnknownFormat(_)
        )
    }
}

pub type Result<T> = std::result::Result<T, AppError>;

pub mod bundles;
pub mod cases;
pub mod clock;
pub mod explain;
pub mod input;
pub mod office;
pub mod print;
pub mod progress;
pub mod qr_check;
pub mod registers;
pub mod start;

pub use print::{
    certificate_view, file_name, print_many, print_to, render, write_file, Document, DocumentRef,
    Job, Many,
};
pub use qr_check::{verify_qr, QrCheck};
pub use registers::{register, register_view, RegisterFormat};

/// A file written where the user chose: where, and how big.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
pub struct Saved {
    pub path: String,
    pub bytes: usize,
}
