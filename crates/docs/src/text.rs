//! Wording in the document's language(s): the fluent messages of `locales/*/documents.ftl`, dates
//! with month names, and the bilingual Kazakh+Russian layout (Kazakh first, as state bodies print).

use anyqtama_i18n::Messages;
use anyqtama_rules::{Lang, Names};
use chrono::{Datelike, NaiveDate};

/// The language of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocLang {
    Kk,
    Ru,
    En,
    /// Kazakh and Russian, each text in both.
    KkRu,
}

impl DocLang {
    pub fn parse(s: &str) -> Option<DocLang> {
        match s {
            "kk" => Some(DocLang::Kk),
            "ru" => Some(DocLang::Ru),
            "en" => Some(DocLang::En),
            "kk+ru" => Some(DocLang::KkRu),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DocLang::Kk => "kk",
            DocLang::Ru => "ru",
            DocLang::En => "en",
            DocLang::KkRu => "kk+ru",
        }
    }

    pub fn langs(self) -> Vec<Lang> {
        match self {
            DocLang::Kk => vec![Lang::Kk],
            DocLang::Ru => vec![Lang::Ru],
            DocLang::En => vec![Lang::En],
            DocLang::KkRu => vec![Lang::Kk, Lang::Ru],
        }
    }
}

/// Messages for each language of a document.
pub struct Texts {
    pub lang: DocLang,
    msgs: Vec<Messages>,
}

impl Texts {
    pub fn new(lang: DocLang) -> Texts {
        Texts {
            lang,
            msgs: lang.langs().into_iter().map(Messages::new).collect(),
        }
    }

    /// The message in each language of the document.
    pub fn get(&self, id: &str, args: &[(&str, String)]) -> Vec<String> {
        self.msgs.iter().map(|m| m.get(id, args)).collect()
    }

    /// A message whose arguments differ per language (names, dates).
    /// A message whose arguments differ per language (names, dates): `args` gets that language's
    /// messages, so nothing is built again per call.
    pub fn get_with(
        &self,
        id: &str,
        args: impl Fn(&Messages) -> Vec<(&'static str, String)>,
    ) -> Vec<String> {
        self.msgs.iter().map(|m| m.get(id, &args(m))).collect()
    }

    /// The messages of each language of the document, Kazakh first in kk+ru.
    pub fn messages(&self) -> impl Iterator<Item = &Messages> {
        self.msgs.iter()
    }

    /// The first (main) language's message.
    pub fn one(&self, id: &str, args: &[(&str, String)]) -> String {
        self.msgs[0].get(id, args)
    }

    pub fn names(&self, n: &Names) -> Vec<String> {
        self.lang
            .langs()
            .into_iter()
            .map(|l| n.get(l).to_string())
            .collect()
    }

    pub fn date(&self, d: NaiveDate) -> Vec<String> {
        self.msgs.iter().map(|m| date_in(m, d)).collect()
    }
}

/// A date in words: "2026 жылғы 20 наурыз", "20 марта 2026 г.", "20 March 2026".
pub fn date_in(m: &Messages, d: NaiveDate) -> String {
    let month = m.get(&format!("month-{}", d.month()), &[]);
    m.get(
        "doc-date",
        &[
            ("day", d.day().to_string()),
            ("month", month),
            ("year", d.year().to_string()),
        ],
    )
}

/// Joins the language versions of a short value on one line ("берілді / выдана").
pub fn joined(v: &[String]) -> String {
    v.join(" / ")
}
