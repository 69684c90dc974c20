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

use serde::{Deserialize, Serialize};
use text::Texts;

/// Why a certificate was issued, as its "grounds" line says.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
            let date = |d: chrono::NaiveDate| text::date_in(m, d);
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
