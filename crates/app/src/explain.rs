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
    /// The other refusals of the same form, each next to its own field (issue 15: all at once).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Message>>")]
    pub also: Vec<Message>,
}

/// The sentence for an error, in `lang`, and its field.
pub fn explain(e: &AppError, lang: Lang) -> Message {
    let m = Messages::new(lang);
    match e {
        AppError::Store(s) => store(s, &m),
        AppError::Field { field, source } => Message {
            message: m.rules_error(source),
            field: Some(field.clone()),
            also: vec![],
        },
        AppError::NotAMonth(_) => Message {
            message: generic(&m, e.code(), &e.args()),
            field: Some("month".into()),
            also: vec![],
        },
        e => Message {
            message: generic(&m, e.code(), &e.args()),
            field: None,
            also: vec![],
        },
    }
}

/// The sentence alone; several refusals of a form, one after another.
pub fn sentence(e: &AppError, lang: Lang) -> String {
    let m = explain(e, lang);
    std::iter::once(m.message)
        .chain(m.also.into_iter().map(|a| a.message))
        .collect::<Vec<_>>()
        .join(" ")
}

fn generic(m: &Messages, code: &str, args: &[(&'static str, String)]) -> String {
    m.get(&format!("error-{code}"), args)
}

fn store(e: &StoreError, m: &Messages) -> Message {
    if let StoreError::Fields(all) = e {
        let mut each = all.iter().map(|(f, e)| Message {
            field: Some(f.to_string()),
            ..store(e, m)
        });
        let first = each.next().unwrap_or(Message {
            message: generic(m, e.code(), &e.args()),
            field: None,
            also: vec![],
        });
        return Message {
            also: each.collect(),
            ..first
        };
    }
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
        // The documents by their names in the language, never their ids (issue 15).
        StoreError::IncompleteDocuments { missing, expired } => {
            let names = |kinds: &[String]| {
                kinds
                    .iter()
                    .map(|k| m.get(&format!("doc-{k}"), &[]))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let yes = |v: &[String]| if v.is_empty() { "no" } else { "yes" }.to_string();
            let args = [
                ("missing", names(missing)),
                ("expired", names(expired)),
                ("has_missing", yes(missing)),
                ("has_expired", yes(expired)),
            ];
            (generic(m, e.code(), &args), field("documents"))
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
    Message {
        message,
        field,
        also: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_documents_are_named_in_the_language_and_an_empty_list_is_not_shown() {
        let e = AppError::Store(StoreError::IncompleteDocuments {
            missing: vec!["application".into(), "identity_document".into()],
            expired: vec![],
        });
        let ru = explain(&e, Lang::Ru).message;
        assert!(ru.contains("Заявление (приложение 1)"), "{ru}");
        assert!(
            !ru.contains("identity_document") && !ru.contains("Истёк"),
            "{ru}"
        );
        let kk = explain(&e, Lang::Kk).message;
        assert!(
            !kk.contains("application") && !kk.contains("Мерзімі"),
            "{kk}"
        );
        let e = AppError::Store(StoreError::IncompleteDocuments {
            missing: vec![],
            expired: vec!["identity_document".into()],
        });
        let en = explain(&e, Lang::En).message;
        assert!(en.contains("Expired: ") && !en.contains("Missing"), "{en}");
    }

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
