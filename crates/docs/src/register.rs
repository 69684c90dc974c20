//! The monthly register of what was issued, extended, reissued, duplicated, refused and revoked:
//! a landscape PDF table with page numbers and totals, an XLSX sheet and a CSV file.

use crate::layout::{self, Page, Weight};
use crate::text::{joined, DocLang, Texts};
use anyqtama_rules::Names;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RegisterRow {
    pub number: String,
    pub date: NaiveDate,
    pub holder: String,
    pub citizenship: String,
    /// Shared by the month's rows of one profession (issue 14: a register of 11,000 rows held a
    /// copy of its names in three languages for each).
    pub profession: std::sync::Arc<crate::ProfessionView>,
    /// issued, extended, reissued, duplicate, refused, revoked, not_accepted
    pub event: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// valid, expired, superseded, revoked, replaced, refused
    pub status: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RegisterView {
    pub office: Names,
    /// "2026-03"
    pub month: String,
    pub rows: Vec<RegisterRow>,
    /// As of which day, and the office's audit trail then (its last event and the head's short
    /// fingerprint), printed on every page so an inspector can hold the file against the paper.
    pub as_of: chrono::NaiveDate,
    pub trail: (i64, String),
}

const COLUMNS: [(&str, f32); 10] = [
    ("register-col-no", 9.0),
    ("register-col-number", 32.0),
    ("register-col-date", 19.0),
    ("register-col-holder", 46.0),
    ("register-col-citizenship", 23.0),
    ("register-col-profession", 66.0),
    ("register-col-event", 22.0),
    ("register-col-from", 19.0),
    ("register-col-to", 19.0),
    ("register-col-status", 22.0),
];

fn month_title(t: &Texts, month: &str) -> Vec<String> {
    let (y, m) = month.split_once('-').unwrap_or((month, "1"));
    t.messages()
        .map(|msgs| {
            // The month in the nominative ("март 2026"), not the genitive of dates ("20 марта").
            let name = msgs.get(&format!("month-nom-{}", m.trim_start_matches('0')), &[]);
            let month = format!("{name} {y}");
            msgs.get("register-title", &[("month", month)])
        })
        .collect()
}

fn cell_texts(t: &Texts, r: &RegisterRow, n: usize) -> Vec<String> {
    let d = |x: Option<NaiveDate>| {
        x.map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    vec![
        n.to_string(),
        r.number.clone(),
        r.date.format("%d.%m.%Y").to_string(),
        r.holder.clone(),
        r.citizenship.clone(),
        joined(
            &t.lang
                .langs()
                .into_iter()
                .map(|l| r.profession.text(l))
                .collect::<Vec<_>>(),
        ),
        joined(&t.get(&format!("event-{}", r.event), &[])),
        d(r.valid_from),
        d(r.valid_to),
        joined(&t.get(&format!("status-{}", r.status), &[])),
    ]
}

/// Totals per event, in a fixed order.
pub fn totals(rows: &[RegisterRow]) -> Vec<(String, usize)> {
    [
        "issued",
        "extended",
        "reissued",
        "duplicate",
        "refused",
        "revoked",
        "not_accepted",
    ]
    .iter()
    .map(|e| (e.to_string(), rows.iter().filter(|r| r.event == *e).count()))
    .filter(|(_, n)| *n > 0)
    .collect()
}

pub fn pdf(v: &RegisterView, lang: DocLang) -> Vec<u8> {
    let t = Texts::new(lang);
    let (left, size, lead) = (10.0, 7.5, 3.2);
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|(id, _)| joined(&t.get(id, &[])))
        .collect();
    let mut pages: Vec<Page> = Vec::new();
    let new_page = |first: bool| {
        let mut p = Page::a4_landscape();
        let mut y = 12.0;
        if first {
            for line in month_title(&t, &v.month) {
                p.centre(p.width / 2.0, y, 11.0, Weight::Bold, &line);
                y += 5.0;
            }
            p.centre(
                p.width / 2.0,
                y,
                9.0,
                Weight::Regular,
                &joined(&t.names(&v.office)),
            );
            y += 6.0;
        }
        // Column headings on every page.
        let mut x = left;
        let mut bottom = y;
        for ((_, w), h) in COLUMNS.iter().zip(&header) {
            let mut yy = y;
            for line in layout::wrap(h, size, Weight::Bold, w - 1.5) {
                p.text(x + 0.8, yy, size, Weight::Bold, &line);
                yy += lead;
            }
            bottom = bottom.max(yy);
            x += w;
        }
        p.line(left, bottom - 1.5, x, bottom - 1.5, 0.6);
        (p, bottom + 1.5)
    };
    let (mut p, mut y) = new_page(true);
    for (i, r) in v.rows.iter().enumerate() {
        let cells = cell_texts(&t, r, i + 1);
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(COLUMNS.iter())
            .map(|(c, (_, w))| layout::wrap(c, size, Weight::Regular, w - 1.5))
            .collect();
        let lines = wrapped.iter().map(|w| w.len()).max().unwrap_or(1);
        if y + lines as f32 * lead > 196.0 {
            pages.push(p);
            (p, y) = new_page(false);
        }
        let mut x = left;
        for (cell, (_, w)) in wrapped.iter().zip(COLUMNS.iter()) {
            for (k, line) in cell.iter().enumerate() {
                p.text(x + 0.8, y + k as f32 * lead, size, Weight::Regular, line);
            }
            x += w;
        }
        y += lines as f32 * lead;
        p.line(left, y - 2.2, x, y - 2.2, 0.15);
        y += 1.0;
    }
    // Totals at the end.
    if y > 185.0 {
        pages.push(p);
        (p, y) = new_page(false);
    }
    y += 3.0;
    let total = joined(&t.get("register-total", &[("count", v.rows.len().to_string())]));
    let per: Vec<String> = totals(&v.rows)
        .iter()
        .map(|(e, n)| format!("{}: {n}", joined(&t.get(&format!("event-{e}"), &[]))))
        .collect();
    let table_width: f32 = COLUMNS.iter().map(|(_, w)| w).sum();
    p.para(
        left,
        y,
        table_width,
        9.0,
        Weight::Bold,
        &format!("{total}; {}", per.join("; ")),
    );
    pages.push(p);
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let label = joined(&t.get(
            "doc-page",
            &[("page", (i + 1).to_string()), ("pages", n.to_string())],
        ));
        page.right(page.width - 10.0, 204.0, 8.0, Weight::Regular, &label);
        let trail = joined(&t.get(
            "register-trail",
            &[
                ("date", v.as_of.format("%d.%m.%Y").to_string()),
                ("seq", v.trail.0.to_string()),
                ("fingerprint", v.trail.1.clone()),
            ],
        ));
        // Beside the page number, wrapped: the bilingual line is long.
        page.para(10.0, 199.5, page.width - 70.0, 6.5, Weight::Regular, &trail);
    }
    layout::render(&month_title(&t, &v.month)[0], pages)
}

/// The register as XLSX, with each distinct text made once, not once a row (issue 14: 10,000 rows).
pub fn xlsx(v: &RegisterView, lang: DocLang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_of(v, lang, &v.rows)
}

/// The register as XLSX with its rows from `rows`, not `head.rows`: a caller can read them from
/// the store while this writes them (`anyqtama_app::registers::render`).
pub fn xlsx_of<R: std::borrow::Borrow<RegisterRow>>(
    head: &RegisterView,
    lang: DocLang,
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_with(head, &mut XlsxTexts::new(lang), rows)
}

/// The texts of a register's cells, each made once: a profession's by its shared names (the
/// map keeps each `Arc`, so its address is not reused while it is a key), an event's and a
/// status's by their codes. Kept from one register to the next, a bundle's registers make each
/// profession's text once, not once a month.
pub struct XlsxTexts {
    lang: DocLang,
    professions: HashMap<*const crate::ProfessionView, (Arc<crate::ProfessionView>, String)>,
    events: HashMap<String, String>,
    statuses: HashMap<String, String>,
}

impl XlsxTexts {
    pub fn new(lang: DocLang) -> XlsxTexts {
        XlsxTexts {
            lang,
            professions: HashMap::new(),
            events: HashMap::new(),
            statuses: HashMap::new(),
        }
    }
}

/// [`xlsx_of`] with the cells' texts from (and into) `texts`.
pub fn xlsx_with<R: std::borrow::Borrow<RegisterRow>>(
    head: &RegisterView,
    texts: &mut XlsxTexts,
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let t = Texts::new(texts.lang);
    let mut wb = Workbook::new();
    // Level 1 (issue 14): level 6, the default, was a third of a register's instructions. On a
    // month of 11,588 rows, with the texts shared: level 2 is 898 M instructions and 618 KB, level
    // 1 is 841 M and 839 KB; a register is written often and carried once.
    wb.set_zip_compression_level(1);
    // Low-memory mode: rows go to the file as they are written, and a text goes into the shared
    // strings once however many rows repeat it (a profession's names in two languages are a
    // kilobyte); constant-memory mode wrote and escaped it in every row (issue 14: 1,262 M
    // instructions and 1.6 MB for 11,588 rows, against 962 M and 0.6 MB).
    let sheet = wb.add_worksheet_with_low_memory()?;
    sheet.set_name(&head.month)?;
    let bold = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let widths = [5.0, 18.0, 11.0, 34.0, 11.0, 60.0, 14.0, 11.0, 11.0, 14.0];
    for (c, w) in widths.into_iter().enumerate() {
        sheet.set_column_width(c as u16, w)?;
    }
    // The date columns carry their format, and their cells are written without one: a cell's own
    // format is hashed to find its index each time (issue 14: a tenth of an 11,000-row register).
    for c in [2, 7, 8] {
        sheet.set_column_format(c, &date)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (c, (id, _)) in COLUMNS.iter().enumerate() {
        sheet.write_with_format(0, c as u16, joined(&t.get(id, &[])), &bold)?;
    }
    let XlsxTexts {
        professions,
        events,
        statuses,
        ..
    } = texts;
    let text = |map: &mut HashMap<String, String>, prefix: &str, code: &str| -> String {
        if let Some(t) = map.get(code) {
            return t.clone();
        }
        let made = joined(&t.get(&format!("{prefix}-{code}"), &[]));
        map.insert(code.to_owned(), made.clone());
        made
    };
    let mut count = 0;
    for (i, r) in rows.into_iter().enumerate() {
        let r = r.borrow();
        let row = (i + 1) as u32;
        count = i + 1;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write(row, 1, &r.number)?;
        sheet.write_number(row, 2, excel_date(r.date))?;
        sheet.write(row, 3, &r.holder)?;
        sheet.write(row, 4, &r.citizenship)?;
        let p = &r.profession;
        let (_, profession) = professions.entry(Arc::as_ptr(p)).or_insert_with(|| {
            let names = t
                .lang
                .langs()
                .into_iter()
                .map(|l| p.text(l))
                .collect::<Vec<_>>();
            (Arc::clone(p), joined(&names))
        });
        sheet.write(row, 5, profession.as_str())?;
        sheet.write(row, 6, text(events, "event", &r.event))?;
        if let Some(d) = r.valid_from {
            sheet.write_number(row, 7, excel_date(d))?;
        }
        if let Some(d) = r.valid_to {
            sheet.write_number(row, 8, excel_date(d))?;
        }
        sheet.write(row, 9, text(statuses, "status", &r.status))?;
    }
    let last = count as u32 + 2;
    sheet.write_with_format(
        last,
        3,
        joined(&t.get("register-total", &[("count", count.to_string())])),
        &bold,
    )?;
    wb.save_to_buffer()
}

/// A date as a spreadsheet's serial day number (days since 30.12.1899, the 1900 date system).
fn excel_date(d: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
    (d - epoch).num_days() as f64
}

/// CSV in UTF-8 with a byte-order mark, so that Excel opens Cyrillic correctly.
pub fn csv(v: &RegisterView, lang: DocLang) -> Vec<u8> {
    let t = Texts::new(lang);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let header: Vec<String> = COLUMNS
            .iter()
            .map(|(id, _)| joined(&t.get(id, &[])))
            .collect();
        w.write_record(&header).expect("writing to memory");
        for (i, r) in v.rows.iter().enumerate() {
            let mut cells = cell_texts(&t, r, i + 1);
            // ISO dates in CSV: unambiguous for a spreadsheet and for scripts.
            cells[2] = r.date.to_string();
            cells[7] = r.valid_from.map(|d| d.to_string()).unwrap_or_default();
            cells[8] = r.valid_to.map(|d| d.to_string()).unwrap_or_default();
            w.write_record(&cells).expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}
