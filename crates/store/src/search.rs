//! Search over cases: one FTS5 row per case with the folded text of the applicant's names in every
//! script, passport and IIN, employer BIN and certificate numbers.
//!
//! FTS5's unicode61 folds case in every script; we also fold ё to е and split numbers such as
//! `ALA-2026-00042` into their parts, and every word of a query is a prefix match.

use crate::error::Result;
use rusqlite::{params, Transaction};

/// Lower case, ё -> е, and anything that is not a letter or digit becomes a space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        out.push(if c.is_alphanumeric() { c } else { ' ' });
    }
    out
}

/// An FTS5 query: every word of the text as a prefix, all required. None when nothing is left.
pub fn query(text: &str) -> Option<String> {
    let words: Vec<String> = fold(text)
        .split_whitespace()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if words.is_empty() {
        None
    } else {
        Some(words.join(" AND "))
    }
}

/// Rewrites the search row of a case from what is stored now.
pub fn refresh(tx: &Transaction<'_>, case_id: i64) -> Result<()> {
    let text: String = tx.query_row(
        "SELECT a.surname_latin || ' ' || a.given_names_latin || ' ' || a.surname_cyrillic || ' ' ||
                a.given_names_cyrillic || ' ' || a.patronymic || ' ' || a.name_native || ' ' ||
                a.passport_number || ' ' || coalesce(a.iin, '') || ' ' || coalesce(c.employer_bin, '') || ' ' ||
                coalesce((SELECT group_concat(number, ' ') FROM certificates
                          WHERE id IN (c.certificate_id, c.result_certificate_id)), '')
         FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = ?1",
        [case_id],
        |r| r.get(0),
    )?;
    tx.execute("DELETE FROM case_search WHERE rowid = ?1", [case_id])?;
    tx.execute(
        "INSERT INTO case_search (rowid, text) VALUES (?1, ?2)",
        params![case_id, fold(&text)],
    )?;
    Ok(())
}
