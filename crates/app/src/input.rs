//! What a person types, read once for both doors: dates, months, documents, document languages,
//! register formats, case and certificate numbers. A value that cannot be read is refused with the
//! field it belongs to, so the window shows the message next to it and the CLI names it.

use crate::{AppError, Document, RegisterFormat, Result};
pub use anyqtama_docs::text::DocLang;
use anyqtama_store::{CaseId, StoreError};
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// A date typed into `field` (`YYYY-MM-DD` or `DD.MM.YYYY`).
pub fn date(field: &str, text: &str) -> Result<NaiveDate> {
    anyqtama_rules::registration::parse_date(text).map_err(|source| AppError::Field {
        field: field.to_string(),
        source,
    })
}

/// A date that may be left empty.
pub fn optional_date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => date(field, t).map(Some),
    }
}

/// A written reason or note: blank means none.
pub fn note(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

/// A calendar month, as registers and bundles are made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("checked when read")
    }

    pub fn last_day(self) -> NaiveDate {
        self.first_day()
            .checked_add_months(chrono::Months::new(1))
            .and_then(|n| n.pred_opt())
            .expect("a month of 2000-2100")
    }

    pub fn of(date: NaiveDate) -> Month {
        use chrono::Datelike;
        Month {
            year: date.year(),
            month: date.month(),
        }
    }
}

/// `2026-11` or, as officials write it, `11.2026`; years 2000-2100.
impl FromStr for Month {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Month> {
        let t = s.trim();
        let bad = || AppError::NotAMonth(s.chars().take(40).collect());
        let (y, m) = match (t.split_once('-'), t.split_once('.')) {
            (Some((y, m)), None) => (y, m),
            (None, Some((m, y))) => (y, m),
            _ => return Err(bad()),
        };
        if y.len() != 4 || !(1..=2).contains(&m.len()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

impl FromStr for Document {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Document> {
        Document::parse(s).ok_or_else(|| AppError::UnknownDocument(s.chars().take(40).collect()))
    }
}

impl FromStr for RegisterFormat {
    type Err = AppError;
    fn from_str(s: &str) -> Result<RegisterFormat> {
        match s {
            "pdf" => Ok(RegisterFormat::Pdf),
            "xlsx" => Ok(RegisterFormat::Xlsx),
            "csv" => Ok(RegisterFormat::Csv),
            _ => Err(AppError::UnknownFormat(s.chars().take(40).collect())),
        }
    }
}

impl RegisterFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RegisterFormat::Pdf => "pdf",
            RegisterFormat::Xlsx => "xlsx",
            RegisterFormat::Csv => "csv",
        }
    }
}

/// A document's language: kk, ru, en or the bilingual kk+ru.
pub fn doc_lang(s: &str) -> Result<DocLang> {
    DocLang::parse(s).ok_or_else(|| AppError::UnknownDocLang(s.chars().take(40).collect()))
}

/// The days of a print run: a register's month (`YYYY-MM` or `MM.YYYY`), else one day.
pub fn span(day: Option<&str>, month: Option<&str>) -> Result<(NaiveDate, NaiveDate)> {
    match month {
        Some(m) => {
            let m: Month = m.parse()?;
            Ok((m.first_day(), m.last_day()))
        }
        None => {
            let d = date("day", day.unwrap_or(""))?;
            Ok((d, d))
        }
    }
}

/// A case by its number: anything else is a bad id, not a case in the wrong state.
pub fn case(text: &str) -> Result<CaseId> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(CaseId)
        .ok_or_else(|| {
            StoreError::Invalid {
                field: "id",
                detail: text.chars().take(40).collect(),
            }
            .into()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_as_officials_write_them() {
        let nov = Month {
            year: 2026,
            month: 11,
        };
        assert_eq!("2026-11".parse::<Month>().unwrap(), nov);
        assert_eq!("11.2026".parse::<Month>().unwrap(), nov);
        assert_eq!(" 1.2027 ".parse::<Month>().unwrap().to_string(), "2027-01");
        for bad in [
            "2026-13",
            "13.2026",
            "2026",
            "26-11",
            "1999-12",
            "2026-11-01",
            "",
            "x.y",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_blank_date_is_none_and_a_bad_one_names_its_field() {
        assert_eq!(optional_date("end", Some("  ")).unwrap(), None);
        match date("act_date", "31.02.2026") {
            Err(AppError::Field { field, .. }) => assert_eq!(field, "act_date"),
            other => panic!("{other:?}"),
        }
    }
}
