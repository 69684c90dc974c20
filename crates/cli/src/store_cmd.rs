//! `anyqtama demo | verify | backup | restore | cases | certificates | due`: the case store from the
//! command line.

use crate::error::CliError;
use crate::to_json;
use anyqtama_app::input::{self, Month};
use anyqtama_app::start::DemoOptions;
use anyqtama_app::{office, start};
use anyqtama_i18n::Lang;
use anyqtama_store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn db_path(db: Option<PathBuf>) -> PathBuf {
    db.unwrap_or_else(anyqtama_store::default_path)
}

pub fn now() -> NaiveDateTime {
    anyqtama_app::clock::now()
}

pub fn day(s: Option<&str>) -> Result<NaiveDate, CliError> {
    match s {
        Some(s) => Ok(input::date("today", s)?),
        None => Ok(now().date()),
    }
}

pub fn demo(
    db: &Path,
    cases: usize,
    seed: u64,
    today: Option<&str>,
    years: u32,
) -> Result<String, CliError> {
    // The history ends now, or at noon of the chosen day (nothing dated later).
    let now = match today {
        Some(_) => day(today)?.and_time(chrono::NaiveTime::from_hms_opt(12, 0, 0).expect("noon")),
        None => now(),
    };
    // demo writes only into a new or empty store.
    let mut store = Store::open(db)?;
    let opts = DemoOptions {
        cases,
        seed,
        now,
        years,
        batch: 250,
    };
    let stderr = std::io::stderr();
    let summary = start::demo(&mut store, &opts, |n| {
        // Progress as JSON lines; a committed count is never lost (tests kill the process here).
        let _ = writeln!(stderr.lock(), "{{\"committed\": {n}}}");
    })?;
    Ok(to_json(&summary))
}

pub fn verify(db: &Path) -> Result<String, CliError> {
    let store = Store::open_existing(db)?;
    let v = office::verify(&store)?;
    Ok(to_json(
        &serde_json::json!({"ok": true, "events": v.events, "head": v.head}),
    ))
}

pub fn backup(
    db: &Path,
    out: Option<&Path>,
    auto: Option<&Path>,
    keep: usize,
) -> Result<String, CliError> {
    let mut store = Store::open_existing(db)?;
    match (out, auto) {
        (Some(out), _) => {
            office::backup_by_operator(&mut store, now(), out)?;
            Ok(to_json(
                &serde_json::json!({"backup": out.display().to_string()}),
            ))
        }
        (None, Some(dir)) => {
            let made = office::auto_backup(&mut store, now(), dir, keep)?;
            Ok(to_json(
                &serde_json::json!({"backup": made.map(|p| p.display().to_string())}),
            ))
        }
        (None, None) => Err(CliError::Usage(
            "backup needs --out FILE or --auto DIR".into(),
        )),
    }
}

pub fn restore(db: &Path, from: &Path, other_office: bool) -> Result<String, CliError> {
    let kept = office::restore_by_operator(db, from, now(), other_office)?;
    Ok(to_json(
        &serde_json::json!({"restored": db.display().to_string(), "previous_kept_as": kept.map(|p| p.display().to_string())}),
    ))
}

pub fn cases(
    db: &Path,
    search: Option<&str>,
    limit: Option<usize>,
    offset: usize,
) -> Result<String, CliError> {
    let store = Store::open_for_reading(db)?;
    Ok(match search {
        Some(text) => to_json(&start::search_page(&store, text, limit, offset)?),
        None => to_json(&start::cases(&store, None, limit)?),
    })
}

/// A month as officials write it (`2026-11` or `11.2026`).
pub fn month(m: &str) -> Result<Month, CliError> {
    Ok(m.parse()?)
}

pub fn certificates(
    db: &Path,
    month_arg: Option<&str>,
    today: Option<&str>,
    lang: Lang,
) -> Result<String, CliError> {
    let month = month_arg.map(month).transpose()?;
    let store = Store::open_for_reading(db)?;
    Ok(to_json(&start::certificates(
        &store,
        month,
        day(today)?,
        lang,
    )?))
}

pub fn due(db: &Path, today: Option<&str>, within: u64) -> Result<String, CliError> {
    let store = Store::open_for_reading(db)?;
    Ok(to_json(&start::due(&store, day(today)?, within)?))
}
