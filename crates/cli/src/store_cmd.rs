//! `anyqtama demo | verify | backup | restore | cases | certificates | due`: the case store from the
//! command line.

use crate::error::CliError;
use crate::to_json;
use anyqtama_i18n::Lang;
use anyqtama_rules::registration::parse_date;
use anyqtama_store::demo::{self, DemoOptions};
use anyqtama_store::{backup, queries, Actor, Store};
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
        Some(s) => Ok(parse_date(s)?),
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
    let summary = demo::fill(&mut store, &opts, |n| {
        // Progress as JSON lines; a committed count is never lost (tests kill the process here).
        let _ = writeln!(stderr.lock(), "{{\"committed\": {n}}}");
    })?;
    Ok(to_json(&summary))
}

pub fn verify(db: &Path) -> Result<String, CliError> {
    let store = Store::open_existing(db)?;
    let v = store.verify()?;
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
            store.backup_to(out)?;
            store.record_backup(&Actor::command_line(), now(), out)?;
            Ok(to_json(
                &serde_json::json!({"backup": out.display().to_string()}),
            ))
        }
        (None, Some(dir)) => {
            let made = store.auto_backup(dir, now(), keep, &Actor::command_line())?;
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
    let kept = backup::restore_checked(db, from, &Actor::command_line(), now(), other_office)?;
    Ok(to_json(
        &serde_json::json!({"restored": db.display().to_string(), "previous_kept_as": kept.map(|p| p.display().to_string())}),
    ))
}

pub fn cases(db: &Path, search: Option<&str>, limit: Option<usize>) -> Result<String, CliError> {
    let store = Store::open_existing(db)?;
    Ok(to_json(&queries::cases(store.connection(), search, limit)?))
}

/// "YYYY-MM" as (year, month).
pub fn month(m: &str) -> Result<(i32, u32), CliError> {
    let d = parse_date(&format!("{m}-01")).map_err(|_| CliError::NotAMonth(m.to_string()))?;
    if m.len() != 7 {
        return Err(CliError::NotAMonth(m.to_string()));
    }
    Ok((chrono::Datelike::year(&d), chrono::Datelike::month(&d)))
}

pub fn certificates(
    db: &Path,
    month_arg: Option<&str>,
    today: Option<&str>,
    lang: Lang,
) -> Result<String, CliError> {
    let month = month_arg.map(month).transpose()?;
    let store = Store::open_existing(db)?;
    Ok(to_json(&queries::certificates(
        store.connection(),
        store.law(),
        month,
        day(today)?,
        lang,
    )?))
}

pub fn due(db: &Path, today: Option<&str>, within: u64) -> Result<String, CliError> {
    let store = Store::open_existing(db)?;
    Ok(to_json(&queries::dashboard(
        store.connection(),
        store.law(),
        day(today)?,
        within,
    )?))
}
