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
    each_row(
        store,
        month,
        today,
        None,
        &mut Professions::new(),
        &mut |r| {
            view.rows.push(r);
            Ok(())
        },
    )?;
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

/// The professions of the rows read so far, by id. A month has a thousand professions or so for
/// thousands of rows: each is looked up in the list once and shared (issue 14: the lookups were
/// 8% of an 11,000-row register), and once for all the months of a bundle (each of its months
/// had nearly as many professions as rows).
type Professions = std::collections::HashMap<String, std::sync::Arc<anyqtama_docs::ProfessionView>>;

/// A month's rows, one at a time, in the register's order.
fn each_row(
    store: &Store,
    month: (i32, u32),
    today: NaiveDate,
    terms: Option<&records::RegisterTerms>,
    professions: &mut Professions,
    each: &mut dyn FnMut(RegisterRow) -> Result<()>,
) -> Result<()> {
    let first = NaiveDate::from_ymd_opt(month.0, month.1, 1).ok_or(StoreError::Invalid {
        field: "month",
        detail: format!("{}-{}", month.0, month.1),
    })?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .expect("date in range");
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
    if format != RegisterFormat::Xlsx {
        let view = register_view(store, month, today)?;
        return Ok((register(&view, format, lang)?, view.rows.len()));
    }
    let mut made = None;
    render_xlsx(
        store,
        &[month],
        lang,
        today,
        None,
        &mut |_, bytes, count| {
            made = Some((bytes, count));
            true
        },
    )?;
    Ok(made.expect("the month asked for is made or refused"))
}

/// What the reading side hands the XLSX writer: a month's head, then its rows.
enum ToWriter {
    Month((i32, u32), RegisterView),
    Rows(Vec<RegisterRow>),
}

/// The registers of `months` as XLSX, each handed to `each` with its number of rows as it is
/// made, until `each` returns false. One thread reads the rows from the store while another
/// writes them (issue 14: the two halves of an 11,000-row register take about the same time, and
/// offices' machines have two cores), and that writer stays for every month: its texts are built
/// once (a fifth of a small month's register was building them again). The decisions' joins come
/// from `terms` when given (read for many months at once, as of `today`).
pub fn render_xlsx(
    store: &Store,
    months: &[(i32, u32)],
    lang: DocLang,
    today: NaiveDate,
    terms: Option<&records::RegisterTerms>,
    each: &mut dyn FnMut((i32, u32), Vec<u8>, usize) -> bool,
) -> Result<()> {
    const BATCH: usize = 256;
    let (tx, rx) = std::sync::mpsc::sync_channel::<ToWriter>(8);
    let (made_tx, made_rx) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        s.spawn(move || {
            let mut rx = rx.into_iter().peekable();
            let mut texts = register::XlsxTexts::new(lang);
            while let Some(ToWriter::Month(month, head)) = rx.next() {
                let mut count = 0;
                let rows =
                    std::iter::from_fn(|| match rx.next_if(|m| matches!(m, ToWriter::Rows(_))) {
                        Some(ToWriter::Rows(rows)) => {
                            count += rows.len();
                            Some(rows)
                        }
                        _ => None,
                    })
                    .flatten();
                let bytes = register::xlsx_with(&head, &mut texts, rows).map_err(|e| e.to_string());
                // What an error left unwritten.
                while rx.next_if(|m| matches!(m, ToWriter::Rows(_))).is_some() {}
                if made_tx.send((month, bytes, count)).is_err() {
                    break;
                }
            }
        });
        // Each register as it is made, in the months' order; false once `each` wants no more.
        type Made = ((i32, u32), std::result::Result<Vec<u8>, String>, usize);
        let mut hand_on = |(month, bytes, count): Made| -> Result<bool> {
            Ok(each(month, bytes.map_err(AppError::Spreadsheet)?, count))
        };
        let mut wanted = true;
        let mut read = Ok(());
        let mut professions = Professions::new();
        for &month in months {
            if let Err(e) = head(store, month, today).map(|h| {
                // The writer only stops early on an error, which it hands on.
                let _ = tx.send(ToWriter::Month(month, h));
            }) {
                read = Err(e);
                break;
            }
            let mut batch = Vec::with_capacity(BATCH);
            read = each_row(store, month, today, terms, &mut professions, &mut |r| {
                batch.push(r);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    let _ = tx.send(ToWriter::Rows(full));
                }
                Ok(())
            });
            if !batch.is_empty() {
                let _ = tx.send(ToWriter::Rows(batch));
            }
            if read.is_err() {
                break;
            }
            while let Ok(made) = made_rx.try_recv() {
                wanted = hand_on(made)?;
                if !wanted {
                    break;
                }
            }
            if !wanted {
                break;
            }
        }
        drop(tx);
        read?;
        if wanted {
            for made in made_rx {
                if !hand_on(made)? {
                    break;
                }
            }
        }
        Ok(())
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
