//! Certificate numbers per office and year, from the administrator's pattern and start number.
//!
//! Allocation happens inside the write transaction, which is IMMEDIATE (it holds SQLite's write lock
//! from its start), so two app instances on one store can never take the same number; the UNIQUE
//! (number, copy) constraint is the last guard.

use crate::error::{Result, StoreError};
use crate::model::CertificateNumber;
use rusqlite::{params, OptionalExtension, Transaction};

/// The next sequence number stored for a year; `None` when the year has none yet (it starts at 1).
pub fn stored_next(db: &impl crate::Db, year: i32) -> Result<Option<i64>> {
    let conn = crate::sealed::Sealed::conn(db);
    Ok(conn
        .query_row(
            "SELECT next FROM number_sequences WHERE year = ?1",
            [year],
            |r| r.get(0),
        )
        .optional()?)
}

/// Checks a pattern: `{seq}` or `{seq:0N}` once; `{office}` and `{year}` optional; nothing else in braces.
pub fn check_pattern(pattern: &str) -> Result<()> {
    let mut rest = pattern;
    let mut seq = 0;
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .ok_or_else(|| StoreError::BadPattern(pattern.into()))?
            + start;
        let token = &rest[start + 1..end];
        match token {
            "office" | "year" => {}
            "seq" => seq += 1,
            t if t.starts_with("seq:0")
                && t[5..].parse::<u8>().is_ok_and(|w| (1..=9).contains(&w)) =>
            {
                seq += 1
            }
            _ => return Err(StoreError::BadPattern(pattern.into())),
        }
        rest = &rest[end + 1..];
    }
    if seq != 1 || rest.contains('}') {
        return Err(StoreError::BadPattern(pattern.into()));
    }
    Ok(())
}

/// The number for `seq` in `year` (pattern already checked).
pub fn format(pattern: &str, office: &str, year: i32, seq: i64) -> CertificateNumber {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').expect("checked pattern") + start;
        match &rest[start + 1..end] {
            "office" => out.push_str(office),
            "year" => out.push_str(&year.to_string()),
            "seq" => out.push_str(&seq.to_string()),
            t => {
                let width: usize = t[5..].parse().expect("checked pattern");
                out.push_str(&format!("{seq:0width$}"));
            }
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    CertificateNumber(out)
}

/// Takes the next number of `year`.
pub fn allocate(tx: &Transaction<'_>, year: i32) -> Result<CertificateNumber> {
    let (code, pattern): (String, String) = tx
        .query_row(
            "SELECT code, number_pattern FROM office WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(StoreError::NoOffice)?;
    let next = stored_next(tx, year)?.unwrap_or(1);
    tx.execute(
        "INSERT INTO number_sequences (year, next) VALUES (?1, ?2) ON CONFLICT(year) DO UPDATE SET next = excluded.next",
        params![year, next + 1],
    )?;
    Ok(format(&pattern, &code, year, next))
}
