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
    let mut view = head(store, month, today)?;
    each_row(store, month, today, None, &mut |r| {
        view.rows.push(r);
        Ok(())
    })?;
    Ok(view)
}

/// A month's register without its rows: the office, the month, as of when.
fn head(store: &Store, month: (i32, u32), today: NaiveDate) -> Result<RegisterView> {
    let (seq, hash) = anyqtama_store::exchange::audit_head(store)?;
    Ok(RegisterView {
        as_of: today,
        trail: (seq, hash.chars().take(16).collect()),
        office: office_names(store)?,
        month: format!("{}-{:02}", month.0, month.1),
        rows: Vec::new(),
    })
}

/// A month's rows, one at a time, in the register's order.
fn each_row(
    store: &Store,
    month: (i32, u32),
    today: NaiveDate,
    terms: Option<&records::RegisterTerms>,
    each: &mut dyn FnMut(RegisterRow) -> Result<()>,
) -> Result<()> {
    let first = NaiveDate::from_ymd_opt(month.0, month.1, 1).ok_or(StoreError::Invalid {
        field: "month",
        detail: format!("{}-{}", month.0, month.1),
    })?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .expect("date in range");
    // A month has a few hundred professions for thousands of rows: each is looked up in the
    // list once and shared (issue 14: the lookups were 8% of an 11,000-row register).
    let mut professions = std::collections::HashMap::new();
    let mut row = |r: records::RegisterRecord| {
        let profession = professions
            .entry(r.profession_id)
            .or_insert_with_key(|id| std::sync::Arc::new(profession(store, id)))
            .clone();
        each(RegisterRow {
            number: r.number,
            date: r.date,
            holder: r.holder,
            citizenship: r.citizenship,
            profession,
            event: r.event,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            status: r.status,
        })
    };
    match terms {
        Some(terms) => terms.each::<AppError>(store, first, next, &mut row),
        None => records::register_each::<AppError>(store, first, next, today, &mut row),
    }
}

/// A month's register as a file, and its number of rows. An XLSX is written on a second thread
/// while this one reads the rows from the store (issue 14: the two halves of an 11,000-row
/// register take about the same time, and offices' machines have two cores).
pub fn render(
    store: &Store,
    month: (i32, u32),
    format: RegisterFormat,
    lang: DocLang,
    today: NaiveDate,
) -> Result<(Vec<u8>, usize)> {
    render_with(store, month, format, lang, today, None)
}

/// [`render`], the decisions' joins from `terms` when given (read for many months at once, as of
/// `today`).
pub fn render_with(
    store: &Store,
    month: (i32, u32),
    format: RegisterFormat,
    lang: DocLang,
    today: NaiveDate,
    terms: Option<&records::RegisterTerms>,
) -> Result<(Vec<u8>, usize)> {
    if format != RegisterFormat::Xlsx {
        let view = register_view(store, month, today)?;
        return Ok((register(&view, format, lang)?, view.rows.len()));
    }
    let head = head(store, month, today)?;
    const BATCH: usize = 256;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<RegisterRow>>(8);
    std::thread::scope(|s| {
        let writer = s.spawn(|| register::xlsx_of(&head, lang, rx.into_iter().flatten()));
        let mut count = 0;
        let mut batch = Vec::with_capacity(BATCH);
        let read = each_row(store, month, today, terms, &mut |r| {
            count += 1;
            batch.push(r);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                // The writer only stops early on an error, which its join reports.
                let _ = tx.send(full);
            }
            Ok(())
        });
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
        drop(tx);
        let bytes = writer.join().expect("the register's writer does not panic");
        read?;
        Ok((
            bytes.map_err(|e| AppError::Spreadsheet(e.to_string()))?,
            count,
        ))
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
    let (bytes, _) = render(store, (month.year, month.month), format, lang, today)?;
    let name = format!(
        "register-{month}-{}.{}",
        lang.code().replace('+', "-"),
        format.extension()
    );
    Ok((name, bytes))
}
