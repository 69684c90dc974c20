//! The one place where an error becomes what a person reads: a sentence in their language, and the
//! field of the form it belongs next to. The window shows both; the command line prints the
//! sentence.

use crate::AppError;
use anyqtama_i18n::{Lang, Messages};
use anyqtama_rules::RulesError;
use anyqtama_store::StoreError;
use serde::Serialize;

/// An error as a person reads it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Message {
    pub message: String,
    /// The form field it belongs to, when there is one (`received_at`, `periods`, `grounds`, …).
    pub field: Option<String>,
}

/// The sentence for an error, in `lang`, and its field.
pub fn explain(e: &AppError, lang: Lang) -> Message {
    let m = Messages::new(lang);
    match e {
        AppError::Store(s) => store(s, &m),
        AppError::Field { field, source } => Message {
            message: m.rules_error(source),
            field: Some(field.clone()),
        },
        AppError::NotAMonth(_) => Message {
            message: generic(&m, e.code(), &e.args()),
            field: Some("month".into()),
        },
        e => Message {
            message: generic(&m, e.code(), &e.args()),
            field: None,
        },
    }
}

/// The sentence alone.
pub fn sentence(e: &AppError, lang: Lang) -> String {
    explain(e, lang).message
}

fn generic(m: &Messages, code: &str, args: &[(&'static str, String)]) -> String {
    m.get(&format!("error-{code}"), args)
}

fn store(e: &StoreError, m: &Messages) -> Message {
    let field = |f: &str| Some(f.to_string());
    let (message, field) = match e {
        StoreError::Rules(r) => (
            m.rules_error(r),
            match r {
                RulesError::PeriodAfterRegistration { .. } | RulesError::DateTooEarly(..) => {
                    field("periods")
                }
                _ => None,
            },
        ),
        // A refused field says what that field needs, in words of its own.
        StoreError::Invalid { field: f, detail } => (m.invalid_field(f, detail), field(f)),
        StoreError::IncompleteDocuments { .. } => {
            (generic(m, e.code(), &e.args()), field("documents"))
        }
        StoreError::ReasonRequired => (generic(m, e.code(), &e.args()), field("reason")),
        StoreError::GroundRequired | StoreError::GroundNotApplicable { .. } => {
            (generic(m, e.code(), &e.args()), field("grounds"))
        }
        StoreError::GroundsHold { .. } => (generic(m, e.code(), &e.args()), field("outcome")),
        StoreError::DecisionAgainstFindings { .. } => {
            (generic(m, e.code(), &e.args()), field("decision"))
        }
        _ => (generic(m, e.code(), &e.args()), None),
    };
    Message { message, field }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_value_is_refused_next_to_its_field_in_each_language() {
        let e = crate::input::date("act_date", "32.01.2026").unwrap_err();
        for lang in Lang::ALL {
            let m = explain(&e, lang);
            assert_eq!(m.field.as_deref(), Some("act_date"));
            assert!(!m.message.contains("error-"), "{lang:?}: {}", m.message);
        }
        let month = "2026-13".parse::<crate::input::Month>().unwrap_err();
        assert_eq!(explain(&month, Lang::Kk).field.as_deref(), Some("month"));
    }
}
