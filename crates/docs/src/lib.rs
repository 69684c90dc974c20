//! Documents of the service, in Kazakh, Russian, English and the bilingual Kazakh+Russian layout:
//! the application (App 1), the certificate (App 3), the reasoned refusal, the Commission's protocol
//! and the monthly register, as PDF; registers also as XLSX and CSV.
//!
//! This crate does not open the store: the caller hands it plain views of what to print.

pub mod certificate;
pub mod forms;
pub mod layout;
pub mod qr;
pub mod register;
pub mod text;

use anyqtama_rules::{Lang, Names};
use serde::{Deserialize, Serialize};
use text::Texts;

/// A profession as the list words it, so that the printed line identifies one entry of order 236's
/// list (App 1: "profession, sector of the economy (type of economic activity)"; App 3: profession
/// and sector per the list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ProfessionView {
    /// The profession; for a recommended position, the profession heading above it.
    pub profession: Names,
    /// The recommended position chosen under the profession heading, if any.
    pub position: Option<Names>,
    /// The type of economic activity.
    pub activity: Names,
    /// The priority sector, where the list prints its name (not for sector 1, whose name the
    /// source table leaves blank: nothing is printed that the list does not contain).
    pub sector: Option<Names>,
}

impl ProfessionView {
    /// From the list entry with this id; `None` when the id is not in the list.
    pub fn from_list(lists: &anyqtama_rules::lists::Lists, id: &str) -> Option<ProfessionView> {
        let p = lists.path(id)?;
        Some(ProfessionView {
            profession: p.profession.names.clone(),
            position: p.position.map(|x| x.names.clone()),
            activity: p.activity.names.clone(),
            sector: p.sector_name().cloned(),
        })
    }

    /// "Profession: position — sector (type of activity)" in one language, in App 1's order; the
    /// punctuation is the same in every language, the words are the list's.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = self.profession.get(lang).to_string();
        if let Some(pos) = &self.position {
            s.push_str(": ");
            s.push_str(pos.get(lang));
        }
        match &self.sector {
            Some(sector) => s.push_str(&format!(
                " — {} ({})",
                sector.get(lang),
                self.activity.get(lang)
            )),
            None => s.push_str(&format!(" — {}", self.activity.get(lang))),
        }
        s
    }
}

/// Why a certificate was issued, as its "grounds" line says.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Grounds {
    Issue {
        decided_on: chrono::NaiveDate,
        sitting_on: Option<chrono::NaiveDate>,
    },
    Extend {
        employer: String,
        bin: String,
        contract_on: chrono::NaiveDate,
    },
    Reissue {
        replaces: String,
        ground: String,
    },
    Duplicate {
        number: String,
    },
}

pub(crate) fn grounds_text(t: &Texts, g: &Grounds) -> Vec<String> {
    t.get_with(
        match g {
            Grounds::Issue { .. } => "grounds-issue",
            Grounds::Extend { .. } => "grounds-extend",
            Grounds::Reissue { .. } => "grounds-reissue",
            Grounds::Duplicate { .. } => "grounds-duplicate",
        },
        |m| {
            // "…2026 жылғы 19 қазандағы шешімі", "…1 қарашадағы еңбек шарты": a date "of" a paper.
            let date = |d: chrono::NaiveDate| text::date_case(m, d, text::DateCase::Attributive);
            match g {
                Grounds::Issue {
                    decided_on,
                    sitting_on,
                } => {
                    vec![
                        ("date", date(*decided_on)),
                        (
                            "sitting",
                            sitting_on.map(date).unwrap_or_else(|| "—".into()),
                        ),
                    ]
                }
                Grounds::Extend {
                    employer,
                    bin,
                    contract_on,
                } => {
                    vec![
                        ("employer", employer.clone()),
                        ("bin", bin.clone()),
                        ("contract", date(*contract_on)),
                    ]
                }
                Grounds::Reissue { replaces, ground } => {
                    vec![("number", replaces.clone()), ("ground", ground.clone())]
                }
                Grounds::Duplicate { number } => vec![("number", number.clone())],
            }
        },
    )
}
