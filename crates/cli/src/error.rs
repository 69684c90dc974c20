//! The one place where the command line turns errors into messages a person can act on.

use anyqtama_app::AppError;
use anyqtama_i18n::{Lang, Messages};
use anyqtama_rules::evaluate::EvaluateError;

#[derive(Debug)]
pub enum CliError {
    /// Everything the app refuses, worded by `anyqtama_app::explain` as the window words it.
    App(AppError),
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
    Usage(String),
    /// The command line itself is not understood (clap's finding, worded here in the user's
    /// language): `kind` is which finding, `arg` the option or command, `value` the value.
    CommandLine {
        kind: &'static str,
        arg: String,
        value: String,
    },
    WriteFile {
        path: String,
        detail: String,
    },
}

macro_rules! app_error {
    ($($t:ty),*) => {$(
        impl From<$t> for CliError {
            fn from(e: $t) -> Self {
                CliError::App(e.into())
            }
        }
    )*};
}
app_error!(
    AppError,
    anyqtama_store::StoreError,
    anyqtama_rules::RulesError,
    anyqtama_sync::SyncError
);

/// `evaluate`'s input errors: its JSON is the command's, its refusals the law's.
pub fn evaluate_error(e: EvaluateError) -> CliError {
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
        EvaluateError::Rules(r) => r.into(),
    }
}

impl CliError {
    pub fn message(&self, lang: Lang) -> String {
        let m = Messages::new(lang);
        match self {
            // The window offers a button; the command line names its flag.
            CliError::App(
                e @ anyqtama_app::AppError::Store(anyqtama_store::StoreError::UnknownOffice {
                    ..
                }),
            ) => format!(
                "{} {}",
                anyqtama_app::explain::sentence(e, lang),
                m.get("error-unknown-office-cli", &[])
            ),
            CliError::App(
                e @ anyqtama_app::AppError::Store(anyqtama_store::StoreError::MustChangePassword),
            ) => format!(
                "{} {}",
                anyqtama_app::explain::sentence(e, lang),
                m.get("error-must-change-password-cli", &[])
            ),
            CliError::App(e) => anyqtama_app::explain::sentence(e, lang),
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
            CliError::Usage(v) => m.get("error-usage", &[("detail", v.clone())]),
            CliError::CommandLine { kind, arg, value } => m.get(
                &format!("error-cli-{kind}"),
                &[("arg", arg.clone()), ("value", value.clone())],
            ),
            CliError::WriteFile { path, detail } => m.get(
                "error-write-file",
                &[("path", path.clone()), ("detail", detail.clone())],
            ),
        }
    }

    /// 2 for a malformed command line, 1 for input that was read but refused.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::UnknownLang(_)
            | CliError::EmptySearch
            | CliError::Usage(_)
            | CliError::CommandLine { .. } => 2,
            CliError::App(e) if e.is_usage() => 2,
            _ => 1,
        }
    }
}

/// Every kind of [`CliError::CommandLine`], for the test that each has a message in kk, ru, en.
#[cfg(test)]
pub const COMMAND_LINE_KINDS: [&str; 6] = [
    "unknown-argument",
    "unknown-command",
    "missing-argument",
    "missing-command",
    "invalid-value",
    "other",
];

/// Clap's finding about the command line as a [`CliError::CommandLine`].
pub fn command_line(e: &clap::Error) -> CliError {
    use clap::error::{ContextKind, ErrorKind};
    let kind = match e.kind() {
        ErrorKind::UnknownArgument => "unknown-argument",
        ErrorKind::InvalidSubcommand => "unknown-command",
        ErrorKind::MissingRequiredArgument => "missing-argument",
        ErrorKind::MissingSubcommand => "missing-command",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            "invalid-value"
        }
        _ => "other",
    };
    let context = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let arg = match context(ContextKind::InvalidArg) {
        a if a.is_empty() => context(ContextKind::InvalidSubcommand),
        a => a,
    };
    let value = match context(ContextKind::InvalidValue) {
        v if v.is_empty() && kind == "other" => e.kind().to_string(),
        v => v,
    };
    CliError::CommandLine { kind, arg, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_line_finding_has_a_message_in_every_language() {
        for kind in COMMAND_LINE_KINDS {
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let e = CliError::CommandLine {
                    kind,
                    arg: "--x".into(),
                    value: "y".into(),
                };
                let m = e.message(lang);
                assert!(
                    !m.contains(concat!("error", "-cli")),
                    "{kind} in {lang:?}: {m}"
                );
                assert!(m.contains("--help"), "{kind} in {lang:?}: {m}");
            }
        }
    }
}
