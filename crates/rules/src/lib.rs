//! The law of the *certificate of qualification compliance for self-employment*, as data and pure
//! functions.
//!
//! Everything here is deterministic: no clock (dates come in as arguments), no files or network at run
//! time (the law's data is embedded from `assets/` at build time), no database. Every other crate may
//! depend on this one; it depends on none of ours.
//!
//! Reading order: [`ruleset`] (the versions of the Rules as data), [`calendar`] (working days),
//! [`experience`] and [`points`] (the Commission's assessment), [`registration`] and [`deadlines`]
//! (terms in working days), [`validity`] (how long a certificate lives), [`lists`] (professions),
//! [`iin`] (identification numbers), and [`evaluate`], which puts them together for one application.

pub mod calendar;
pub mod deadlines;
pub mod error;
pub mod evaluate;
pub mod experience;
pub mod iin;
pub mod intake;
pub mod lists;
pub mod points;
pub mod registration;
pub mod ruleset;
pub mod service;
pub mod validity;

pub use calendar::Calendar;

/// The `*.toml` files of an embedded folder of the law, (file name, content) in name order,
/// leaving out the names in `except`.
pub(crate) fn toml_files(dir: &include_dir::Dir<'_>, except: &[&str]) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .filter(|f| !except.iter().any(|x| f.path().as_os_str() == *x))
        .map(|f| {
            let text = f.contents_utf8().expect("the law's files are UTF-8");
            (f.path().display().to_string(), text.to_string())
        })
        .collect();
    files.sort();
    files
}
pub use error::RulesError;
pub use ruleset::{RuleSet, RuleSetId, RuleSets};
pub use service::Service;

/// A language of the UI and of the documents. Kazakh is the state language and comes first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A name in the three languages, as the data files carry it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}
