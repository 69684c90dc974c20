//! The administrator's pages and actions: the office, its hours and numbering, the Commission's
//! members, users and roles, the law as data (a rule set's date, the calendar's transfers), the
//! audit trail, backup and restore, and the About page's legal basis.

use crate::{input, Result};
use anyqtama_rules::calendar::{Exception, YearStatus};
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::{audit, backup, views, Law, MemberId, Office, Role, Session, Store, UserId};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
pub struct RuleSetInfo {
    pub id: String,
    pub order: String,
    pub effective_from: NaiveDate,
    pub effective_from_assumed: bool,
    pub effective_from_cite: String,
    pub threshold: u32,
}

pub fn rule_sets(law: &Law) -> Vec<RuleSetInfo> {
    law.rule_sets
        .all()
        .iter()
        .map(|r| RuleSetInfo {
            id: r.id.to_string(),
            order: r.order.clone(),
            effective_from: r.effective_from,
            effective_from_assumed: r.effective_from_assumed,
            effective_from_cite: r.effective_from_cite.clone(),
            threshold: r.threshold.points,
        })
        .collect()
}

/// One year of the working-day calendar: its exceptions to the Monday-Friday week, with sources.
#[derive(Debug, Serialize, TS)]
pub struct CalendarYear<'a> {
    pub year: i32,
    pub status: YearStatus,
    pub note: Option<String>,
    pub exceptions: Vec<(NaiveDate, Exception<'a>)>,
    pub working_days: u32,
}

#[derive(Debug, Serialize, TS)]
pub struct Settings<'a> {
    pub office: views::OfficeSettings,
    pub users: Vec<views::UserRow>,
    pub members: Vec<views::MemberRow>,
    pub rule_sets: Vec<RuleSetInfo>,
    pub calendar: Vec<CalendarYear<'a>>,
}

/// The settings page: the office, its users and members, and the law in force as data.
pub fn settings(store: &Store, now: NaiveDateTime) -> Result<Settings<'_>> {
    let c = store;
    let law = store.law();
    Ok(Settings {
        office: views::office_settings(c, now.year())?,
        users: views::users(c)?,
        members: views::members(c)?,
        rule_sets: rule_sets(law),
        calendar: law
            .calendar
            .years()
            .map(|y| {
                let first = NaiveDate::from_ymd_opt(y.year, 1, 1).expect("valid");
                let next = NaiveDate::from_ymd_opt(y.year + 1, 1, 1).expect("valid");
                CalendarYear {
                    year: y.year,
                    status: y.status,
                    note: y.note.clone(),
                    exceptions: law
                        .calendar
                        .exceptions(y.year)
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                    working_days: law.calendar.working_days_between(first, next).unwrap_or(0),
                }
            })
            .collect(),
    })
}

pub fn update_office(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    office: &Office,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.update_office(office))?)
}

pub fn set_hours(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    open: &str,
    close: &str,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.set_office_hours(open, close))?)
}

/// The numbering pattern and the next number of this year.
pub fn set_numbering(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    pattern: &str,
    next: i64,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.set_numbering(pattern, now.year(), next))?)
}

/// Confirms the date a rule set came into force (order 426's publication), with its source, and
/// applies it at once.
pub fn set_rule_set_date(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    rule_set: &str,
    date: &str,
    source: &str,
) -> Result<()> {
    let date = input::date("effective_from", date)?;
    store.write(session, now, |w| {
        w.set_rule_set_date(rule_set, date, source.trim())
    })?;
    Ok(store.reload_law()?)
}

/// A transfer of a day off by Government decree, applied at once.
pub fn add_calendar_transfer(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    day_off: &str,
    working_day: &str,
    source: &str,
) -> Result<()> {
    let off = input::date("day_off", day_off)?;
    let work = input::date("working_day", working_day)?;
    store.write(session, now, |w| {
        w.add_calendar_transfer(off, work, source.trim())
    })?;
    Ok(store.reload_law()?)
}

/// A member of the Commission (Rules p.6).
pub fn add_member(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    full_name: &str,
    position: &str,
    organisation: &str,
) -> Result<MemberId> {
    Ok(store.write(session, now, |w| {
        w.add_commission_member(full_name.trim(), position.trim(), organisation.trim())
    })?)
}

/// A new user of the store, with roles and the language they work in.
pub struct NewUser<'a> {
    pub login: &'a str,
    pub full_name: &'a str,
    pub password: &'a str,
    pub roles: &'a [Role],
    pub lang: &'a str,
}

pub fn create_user(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    user: &NewUser<'_>,
) -> Result<UserId> {
    Ok(store.write(session, now, |w| {
        w.create_user(
            user.login.trim(),
            user.full_name.trim(),
            user.password,
            user.roles,
            user.lang,
        )
    })?)
}

/// Sets a user's roles. When they are the signed-in user's own, returns the session with them, so
/// the door can take it at once.
pub fn set_roles(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    user: UserId,
    roles: &[Role],
) -> Result<Option<Session>> {
    store.write(session, now, |w| w.set_roles(user, roles))?;
    if session.user_id != user {
        return Ok(None);
    }
    // The unlocked key stays with the session while its user still seals.
    let mut fresh = store.session_for(&session.login)?;
    if fresh
        .roles
        .iter()
        .any(|r| matches!(r, Role::Head | Role::Admin))
    {
        fresh.seal_key = session.seal_key.clone();
    }
    Ok(Some(fresh))
}

pub fn set_user_active(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    user: UserId,
    active: bool,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.set_user_active(user, active))?)
}

#[derive(Debug, Serialize, TS)]
pub struct AuditPage {
    pub rows: Vec<views::AuditRow>,
    /// The chain checked from the first event to the last.
    pub verified: Option<audit::Verified>,
    /// Why the check failed, as a sentence in the reader's language.
    pub broken: Option<String>,
}

/// The audit trail, newest first, a page at a time; with `verify`, the whole chain checked.
pub fn audit_page(
    store: &Store,
    before: Option<i64>,
    verify: bool,
    lang: anyqtama_rules::Lang,
) -> Result<AuditPage> {
    let rows = views::audit(store, before, 100)?;
    let (verified, broken) = match verify.then(|| store.verify()) {
        None => (None, None),
        Some(Ok(v)) => (Some(v), None),
        Some(Err(e)) => (None, Some(crate::explain::sentence(&e.into(), lang))),
    };
    Ok(AuditPage {
        rows,
        verified,
        broken,
    })
}

/// The file name a backup is suggested under.
pub fn backup_name(now: NaiveDateTime) -> String {
    format!("anyqtama-{}.sqlite", now.format("%Y-%m-%d-%H%M"))
}

/// A backup to `dest`, by a user with the role for it, recorded in the audit trail.
pub fn backup(store: &mut Store, session: &Session, now: NaiveDateTime, dest: &Path) -> Result<()> {
    Ok(store.backup_as(session, now, dest)?)
}

/// Whether `session` may replace the store at `db` with the backup at `source`: the role, and the
/// backup checked whole and shown to be this store's. Nothing is changed; the door calls this
/// before letting go of the open store, so a bad file changes nothing.
pub fn check_restore(session: &Session, source: &Path) -> Result<()> {
    lifecycle::permitted(Action::Restore, &session.roles)?;
    backup::check_backup(source)?;
    Ok(())
}

/// Replaces the store at `db` (closed by the caller) with a backup; the replaced store is kept
/// beside it, and its path returned.
pub fn restore(
    db: &Path,
    source: &Path,
    session: &Session,
    now: NaiveDateTime,
) -> Result<Option<PathBuf>> {
    Ok(backup::restore_as(db, source, session, now)?)
}

#[derive(Debug, Serialize, TS)]
pub struct About {
    pub version: String,
    pub store: String,
    pub rule_sets: Vec<RuleSetInfo>,
    /// The lists of professions: id and source.
    pub lists: Vec<(String, String)>,
}

pub fn about(law: &Law, store: &Path) -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        store: store.display().to_string(),
        rule_sets: rule_sets(law),
        lists: [&law.lists.priority.meta, &law.lists.residence.meta]
            .into_iter()
            .map(|m| (m.id.clone(), m.source.clone()))
            .collect(),
    }
}

/// The whole audit chain checked (the `verify` command).
pub fn verify(store: &Store) -> Result<audit::Verified> {
    Ok(store.verify()?)
}

/// A backup made at the command line by the operating-system user, recorded in the audit trail.
pub fn backup_by_operator(store: &mut Store, now: NaiveDateTime, dest: &Path) -> Result<()> {
    store.backup_to(dest)?;
    Ok(store.record_backup(&anyqtama_store::Actor::command_line(), now, dest)?)
}

/// The daily backup into `dir`, keeping the newest `keep`; `None` when today's exists already.
pub fn auto_backup(
    store: &mut Store,
    now: NaiveDateTime,
    dir: &Path,
    keep: usize,
) -> Result<Option<PathBuf>> {
    Ok(store.auto_backup(dir, now, keep, &anyqtama_store::Actor::command_line())?)
}

/// A restore at the command line by the operating-system user: the backup checked whole, and
/// refused when it is another store's unless `other_store` says that is meant.
pub fn restore_by_operator(
    db: &Path,
    source: &Path,
    now: NaiveDateTime,
    other_store: bool,
) -> Result<Option<PathBuf>> {
    Ok(backup::restore_checked(
        db,
        source,
        &anyqtama_store::Actor::command_line(),
        now,
        other_store,
    )?)
}

/// A user by login (for the command line, which names users as people do).
pub fn user_id(store: &Store, login: &str) -> Result<UserId> {
    views::users(store)?
        .into_iter()
        .find(|u| u.login == login.trim())
        .map(|u| UserId(u.id))
        .ok_or_else(|| {
            anyqtama_store::StoreError::NotFound {
                what: "user",
                id: login.chars().take(40).collect(),
            }
            .into()
        })
}

/// The signed-in user changes their own password (the old one asked again); a signatory's key
/// goes on opening with the new one.
pub fn change_password(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    old: &str,
    new: &str,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.change_own_password(old, new))?)
}

/// The administrator sets a new password for a user; a signatory gets a new slot of the office key.
pub fn reset_password(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    user: UserId,
    new: &str,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.reset_password(user, new))?)
}

/// Where the window writes its log: a folder beside the store (on Windows it shares the store
/// folder's owner-only ACL).
pub fn log_dir(store: &Path) -> PathBuf {
    store
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
        .join("logs")
}

/// The single-instance name of one store: two offices' stores (or a test's) open side by side, a
/// second launch on the same store finds the first. The hash only has to agree between two runs of
/// the same build.
pub fn instance_id(store: &std::path::Path) -> String {
    use std::hash::{Hash, Hasher};
    // The folder exists by now (`store::hold` made it) even when the file does not yet, so the
    // name is the same before and after the store's first write.
    let full = store
        .parent()
        .and_then(|dir| std::fs::canonicalize(dir).ok())
        .zip(store.file_name())
        .map(|(dir, name)| dir.join(name))
        .or_else(|| std::path::absolute(store).ok())
        .unwrap_or_else(|| store.to_path_buf());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut h);
    format!("kz.anyqtama.desktop.s{:016x}", h.finish())
}

/// Where the window's size and place are kept: beside its store.
pub fn window_state_file(store: &std::path::Path) -> PathBuf {
    let full = std::path::absolute(store).unwrap_or_else(|_| store.to_path_buf());
    full.with_extension("window.json")
}

/// The file name a support file is suggested under.
pub fn support_name(now: NaiveDateTime) -> String {
    format!("anyqtama-support-{}.json", now.format("%Y-%m-%d-%H%M"))
}

/// How many of the log's last lines a support file carries.
const SUPPORT_LOG_LINES: usize = 400;

/// A support file for a USB stick: versions, what `verify` says of the store, how much it holds,
/// and the end of the log. No personal data: the log names commands and error codes only, the
/// verify summary is counts and hashes; the store's path is there (support needs it).
pub fn support_report(
    store: &Store,
    now: NaiveDateTime,
    lang: anyqtama_i18n::Lang,
) -> serde_json::Value {
    let verified = match store.verify() {
        Ok(v) => serde_json::json!({"ok": true, "events": v.events, "head": v.head}),
        Err(e) => {
            let e = crate::AppError::from(e);
            serde_json::json!({
                "ok": false,
                "error": e.code(),
                "message": crate::explain::sentence(&e, lang),
            })
        }
    };
    let totals = anyqtama_store::queries::totals(store)
        .map(|(cases, certificates, open)| {
            serde_json::json!({"cases": cases, "certificates": certificates, "open": open})
        })
        .unwrap_or(serde_json::Value::Null);
    let path = store.path();
    serde_json::json!({
        "program": "anyqtama",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": anyqtama_store::SCHEMA_VERSION,
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
        "made_at": now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "store": {
            "path": path.display().to_string(),
            "bytes": std::fs::metadata(path).map(|m| m.len()).ok(),
            "higher_office": store.is_higher_office().ok(),
        },
        "verify": verified,
        "totals": totals,
        "log": log_tail(&log_dir(path), SUPPORT_LOG_LINES),
    })
}

/// The last `n` lines of the log folder's files, oldest first (rotated files sort by name).
fn log_tail(dir: &Path, n: usize) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "log"));
    // Rotated files carry their date in the name; the live one has none and comes last.
    files.sort_by_key(|p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        (name.matches('_').count() == 0, name)
    });
    let mut lines = std::collections::VecDeque::with_capacity(n);
    for f in files {
        let Ok(text) = std::fs::read(&f) else {
            continue;
        };
        for line in String::from_utf8_lossy(&text).lines() {
            if lines.len() == n {
                lines.pop_front();
            }
            lines.push_back(line.to_string());
        }
    }
    lines.into()
}

#[cfg(test)]
mod window_names {
    use super::*;

    #[test]
    fn one_store_one_instance_name_before_and_after_its_file_exists() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("office.sqlite");
        let before = instance_id(&store);
        std::fs::write(&store, b"").unwrap();
        assert_eq!(instance_id(&store), before);
        assert_ne!(instance_id(&dir.path().join("region.sqlite")), before);
        // A D-Bus well-known name: dot-separated elements, none starting with a digit.
        assert!(
            before.starts_with("kz.anyqtama.desktop.s") && before.len() == 37,
            "{before}"
        );
        assert_eq!(
            window_state_file(&store),
            dir.path().join("office.window.json")
        );
    }
}
