//! A month's register of certificates, as the window lists it and as a PDF, XLSX or CSV file.

use crate::print::{office_names, profession};
use crate::{AppError, Result};
use anyqtama_docs::register::{self, RegisterRow, RegisterView};
use anyqtama_docs::text::DocLang;
use anyqtama_store::{records, Store, StoreError};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterFormat {
    Pdf,
    Xlsx,
    Csv,
}

pub fn register_view(store: &Store, month: (i32, u32), today: NaiveDate) -> Result<RegisterView> {
    let first = NaiveDate::from_ymd_opt(month.0, month.1, 1).ok_or(StoreError::Invalid {
        field: "month",
        detail: format!("{}-{}", month.0, month.1),
    })?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .expect("date in range");
    let rows = records::register(store, first, next, today)?
        .into_iter()
        .map(|r| {
            let profession = profession(store, &r.profession_id);
            RegisterRow {
                number: r.number,
                date: r.date,
                holder: r.holder,
                citizenship: r.citizenship,
                profession,
                event: r.event,
                valid_from: r.valid_from,
                valid_to: r.valid_to,
                status: r.status,
            }
        })
        .collect();
    let (seq, hash) = anyqtama_store::exchange::audit_head(store)?;
    Ok(RegisterView {
        as_of: today,
        trail: (seq, hash.chars().take(16).collect()),
        office: office_names(store)?,
        month: format!("{}-{:02}", month.0, month.1),
        rows,
    })
}

/// A month's register (from [`register_view`]) as a file.
pub fn register(view: &RegisterView, format: RegisterFormat, lang: DocLang) -> Result<Vec<u8>> {
    Ok(match format {
        RegisterFormat::Pdf => register::pdf(view, lang),
        RegisterFormat::Xlsx => {
            register::xlsx(view, lang).map_err(|e| AppError::Spreadsheet(e.to_string()))?
        }
        RegisterFormat::Csv => register::csv(view, lang),
    })
}

/// A month's register as the window lists it.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
pub struct RegisterPreview {
    pub month: String,
    pub rows: Vec<RegisterRow>,
}

pub fn preview(
    store: &Store,
    month: crate::input::Month,
    today: NaiveDate,
) -> Result<RegisterPreview> {
    let view = register_view(store, (month.year, month.month), today)?;
    Ok(RegisterPreview {
        month: view.month,
        rows: view.rows,
    })
}

/// A month's register as a file, and the name it is suggested under.
pub fn file(
    store: &Store,
    month: crate::input::Month,
    format: RegisterFormat,
    lang: DocLang,
    today: NaiveDate,
) -> Result<(String, Vec<u8>)> {
    let view = register_view(store, (month.year, month.month), today)?;
    let name = format!(
        "register-{month}-{}.{}",
        lang.code().replace('+', "-"),
        format.extension()
    );
    Ok((name, register(&view, format, lang)?))
}
