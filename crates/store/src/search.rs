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

/// A word with separators inside (a certificate number "SHY-2024-00042") as one token:
/// "shy202400042". Numbers are indexed both in parts and whole, and a query word like that is
/// looked up whole, so it does not match every case of the office and the year.
pub fn compact(word: &str) -> Option<String> {
    let folded = fold(word);
    let parts: Vec<&str> = folded.split_whitespace().collect();
    (parts.len() > 1).then(|| parts.concat())
}

/// An FTS5 query: every word of the text as a prefix, all required. None when nothing is left.
pub fn query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .flat_map(|w| match compact(w) {
            Some(c) => vec![c],
            None => fold(w).split_whitespace().map(str::to_string).collect(),
        })
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
    let whole: Vec<String> = text.split_whitespace().filter_map(compact).collect();
    let indexed = format!("{} {}", fold(&text), whole.join(" "));
    tx.execute("DELETE FROM case_search WHERE rowid = ?1", [case_id])?;
    tx.execute(
        "INSERT INTO case_search (rowid, text) VALUES (?1, ?2)",
        params![case_id, indexed],
    )?;
    Ok(())
}
