//! The one place where the command line turns errors into messages a person can act on.

use anyqtama_i18n::Messages;
use anyqtama_rules::evaluate::EvaluateError;
use anyqtama_rules::RulesError;

#[derive(Debug)]
pub enum CliError {
    Rules(RulesError),
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    ReadFile {
        path: String,
        detail: String,
    },
    NotANumber(String),
    NotAYear(String),
    UnknownLang(String),
    EmptySearch,
    Store(anyqtama_store::StoreError),
    NotAMonth(String),
    Usage(String),
    App(anyqtama_app::AppError),
    UnknownDocument(String),
    UnknownDocLang(String),
    UnknownFormat(String),
    WriteFile {
        path: String,
        detail: String,
    },
    Sync(anyqtama_sync::SyncError),
}

impl From<anyqtama_sync::SyncError> for CliError {
    fn from(e: anyqtama_sync::SyncError) -> Self {
        match e {
            anyqtama_sync::SyncError::Store(s) => s.into(),
            anyqtama_sync::SyncError::App(a) => a.into(),
            e => CliError::Sync(e),
        }
    }
}

impl From<anyqtama_app::AppError> for CliError {
    fn from(e: anyqtama_app::AppError) -> Self {
        match e {
            anyqtama_app::AppError::Store(s) => s.into(),
            e => CliError::App(e),
        }
    }
}

impl From<anyqtama_store::StoreError> for CliError {
    fn from(e: anyqtama_store::StoreError) -> Self {
        match e {
            anyqtama_store::StoreError::Rules(r) => CliError::Rules(r),
            e => CliError::Store(e),
        }
    }
}

impl From<RulesError> for CliError {
    fn from(e: RulesError) -> Self {
        CliError::Rules(e)
    }
}

impl From<EvaluateError> for CliError {
    fn from(e: EvaluateError) -> Self {
        match e {
            EvaluateError::Json {
                line,
                column,
                detail,
            } => CliError::Json {
                line,
                column,
                detail,
            },
            EvaluateError::Rules(r) => CliError::Rules(r),
        }
    }
}

impl CliError {
    pub fn message(&self, m: &Messages) -> String {
        match self {
            CliError::Rules(e) => m.rules_error(e),
            CliError::Json {
                line,
                column,
                detail,
            } => m.get(
                "error-json",
                &[
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                    ("detail", detail.clone()),
                ],
            ),
            CliError::ReadFile { path, detail } => m.get(
                "error-read-file",
                &[("path", path.clone()), ("detail", detail.clone())],
            ),
            CliError::NotANumber(v) => m.get("error-not-a-number", &[("value", v.clone())]),
            CliError::NotAYear(v) => m.get("error-not-a-year", &[("value", v.clone())]),
            CliError::UnknownLang(v) => m.get("error-unknown-lang", &[("value", v.clone())]),
            CliError::EmptySearch => m.get("error-empty-search", &[]),
            // A refused field says what that field needs, in words of its own (as in the window).
            CliError::Store(anyqtama_store::StoreError::Invalid { field, detail }) => {
                m.invalid_field(field, detail)
            }
            CliError::Store(e) => m.get(&format!("error-{}", e.code()), &e.args()),
            CliError::NotAMonth(v) => m.get("error-not-a-month", &[("value", v.clone())]),
            CliError::Usage(v) => m.get("error-usage", &[("detail", v.clone())]),
            CliError::App(e) => m.get(&format!("error-{}", e.code()), &e.args()),
            CliError::UnknownDocument(v) => {
                m.get("error-unknown-document", &[("value", v.clone())])
            }
            CliError::UnknownDocLang(v) => m.get("error-unknown-doc-lang", &[("value", v.clone())]),
            CliError::UnknownFormat(v) => m.get("error-unknown-format", &[("value", v.clone())]),
            CliError::WriteFile { path, detail } => m.get(
                "error-write-file",
                &[("path", path.clone()), ("detail", detail.clone())],
            ),
            CliError::Sync(e) => m.get(&format!("error-{}", e.code()), &e.args()),
        }
    }

    /// 2 for a malformed command line, 1 for input that was read but refused.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::UnknownLang(_) | CliError::EmptySearch | CliError::Usage(_) => 2,
            CliError::UnknownDocument(_)
            | CliError::UnknownDocLang(_)
            | CliError::UnknownFormat(_) => 2,
            _ => 1,
        }
    }
}
