//! Backups through SQLite's online backup API: a consistent copy while the store is in use.
//!
//! Restoring first checks the copy as a whole (SQLite integrity, schema version, the audit chain)
//! and keeps a copy of the store it replaces, so a bad restore can be undone.

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::lifecycle::{self, Action};
use crate::{Session, Store};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, MAIN_DB};
use std::path::{Path, PathBuf};

impl Store {
    /// Writes a consistent copy of the store to `dest`, which must not exist yet.
    pub fn backup_to(&self, dest: impl AsRef<Path>) -> Result<()> {
        let dest = dest.as_ref();
        if dest.exists() {
            return Err(StoreError::Invalid {
                field: "out",
                detail: "exists".into(),
            });
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private::create_dir(dir)?;
        }
        let tmp = dest.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        // Owner-only from its first byte: a backup holds every applicant's data.
        crate::private::create_file(&tmp)?;
        self.connection().backup(MAIN_DB, &tmp, None)?;
        crate::private::restrict(&tmp)?;
        // A finished copy appears under its name at once, never half-written.
        std::fs::rename(&tmp, dest)?;
        Ok(())
    }

    /// A backup taken by a user with the role for it, recorded in the audit trail.
    pub fn backup_as(
        &mut self,
        session: &Session,
        now: NaiveDateTime,
        dest: impl AsRef<Path>,
    ) -> Result<()> {
        let role = lifecycle::permitted(Action::Backup, &session.roles)?;
        self.backup_to(dest.as_ref())?;
        self.record(
            &Actor::user(session.user_id, &session.login, role),
            now,
            "backup",
            dest.as_ref(),
        )
    }

    /// Records a backup made at the command line (the operating-system user acts).
    pub fn record_backup(&mut self, actor: &Actor, now: NaiveDateTime, file: &Path) -> Result<()> {
        self.record(actor, now, "backup", file)
    }

    /// Appends one event outside a [`crate::Writer`] (backups happen beside the data, not in it).
    pub(crate) fn record(
        &mut self,
        actor: &Actor,
        now: NaiveDateTime,
        action: &str,
        file: &Path,
    ) -> Result<()> {
        let after = serde_json::json!({"file": file.display().to_string()});
        self.record_event(actor, now, action, "store", "1", after)
    }

    /// One audit event in a transaction of its own.
    fn record_event(
        &mut self,
        actor: &Actor,
        now: NaiveDateTime,
        action: &str,
        entity: &str,
        id: &str,
        after: serde_json::Value,
    ) -> Result<()> {
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let event = Event {
            at: now,
            action,
            entity,
            entity_id: id.to_string(),
            before: None,
            after: Some(after),
        };
        audit::append(&tx, actor, event)?;
        tx.commit()?;
        Ok(())
    }

    /// The automatic rotating backup: at most one a day in `dir`, keeping the newest `keep`.
    /// Returns the new file when one was made; the copy is recorded in the audit trail as `actor`'s.
    pub fn auto_backup(
        &mut self,
        dir: impl AsRef<Path>,
        now: NaiveDateTime,
        keep: usize,
        actor: &Actor,
    ) -> Result<Option<PathBuf>> {
        let dir = dir.as_ref();
        crate::private::create_dir(dir)?;
        let mut existing: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("anyqtama-") && n.ends_with(".sqlite"))
            })
            .collect();
        existing.sort();
        let today = format!("anyqtama-{}", now.format("%Y%m%d"));
        let made = if existing.iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&today))
        }) {
            None
        } else {
            let path = dir.join(format!("anyqtama-{}.sqlite", now.format("%Y%m%d-%H%M%S")));
            self.backup_to(&path)?;
            existing.push(path.clone());
            existing.sort();
            Some(path)
        };
        while existing.len() > keep.max(1) {
            let old = existing.remove(0);
            std::fs::remove_file(old)?;
        }
        if let Some(path) = &made {
            self.record(actor, now, "auto_backup", path)?;
        }
        Ok(made)
    }
}

/// [`restore`] by a signed-in user with the role for it.
pub fn restore_as(
    db: &Path,
    source: &Path,
    session: &Session,
    now: NaiveDateTime,
) -> Result<Option<PathBuf>> {
    let role = lifecycle::permitted(Action::Restore, &session.roles)?;
    restore(
        db,
        source,
        &Actor::user(session.user_id, &session.login, role),
        now,
    )
}

/// Whose store a backup is (shown before restoring it).
pub fn backup_owner(source: &Path) -> Result<String> {
    check_backup(source)?;
    Ok(identity(&Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?)?
    .1)
}

/// Checks a backup file as a whole before it may replace a store.
pub fn check_backup(source: &Path) -> Result<audit::Verified> {
    if !source.exists() {
        return Err(StoreError::NotFound {
            what: "backup",
            id: source.display().to_string(),
        });
    }
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    crate::checked_version(&conn, source)?;
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| StoreError::NotAStore(source.display().to_string()))?;
    let has_audit: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = 'audit'",
        [],
        |r| r.get(0),
    )?;
    if ok != "ok" || has_audit == 0 {
        return Err(StoreError::NotAStore(source.display().to_string()));
    }
    audit::verify(&conn)
}

/// Whose store a file is: its id, and the office it belongs to (or "higher office").
fn identity(conn: &Connection) -> Result<(Option<String>, String)> {
    let id: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'store_id'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let office: Option<String> = conn
        .query_row("SELECT code || ' — ' || name_ru FROM office", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok((id, office.unwrap_or_else(|| "higher_office".into())))
}

/// Replaces the store at `db` with the backup `source`, after checking the backup. The store being
/// replaced is kept beside it as `<name>.before-restore-<time>.sqlite`. The restore itself is
/// recorded in the restored store's audit trail. A backup of another store (another office, or a
/// higher office's over an office's) is refused, naming whose it is.
pub fn restore(
    db: &Path,
    source: &Path,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Option<PathBuf>> {
    restore_checked(db, source, actor, now, false)
}

/// [`restore`]; `other_store` lets a backup of another store replace this one, when an
/// administrator means it (moving an office to a new PC from another one's copy).
pub fn restore_checked(
    db: &Path,
    source: &Path,
    actor: &Actor,
    now: NaiveDateTime,
    other_store: bool,
) -> Result<Option<PathBuf>> {
    check_backup(source)?;
    if db.exists() && !other_store {
        let theirs = identity(&Connection::open_with_flags(
            source,
            OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?)?;
        let ours = identity(Store::open_existing(db)?.connection())?;
        if theirs.0 != ours.0 {
            return Err(StoreError::BackupOfAnotherStore {
                office: theirs.1,
                ours: ours.1,
            });
        }
    }
    let kept = if db.exists() {
        let store = Store::open_existing(db)?;
        let name = db
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("anyqtama");
        let kept = db.with_file_name(format!(
            "{name}.before-restore-{}.sqlite",
            now.format("%Y%m%d-%H%M%S")
        ));
        store.backup_to(&kept)?;
        Some(kept)
    } else {
        None
    };
    crate::private::create_file(db)?;
    let mut conn = Connection::open(db)?;
    conn.restore(MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>)?;
    drop(conn);
    crate::private::restrict(db)?;
    let mut store = Store::open(db)?;
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    audit::append(
        &tx,
        actor,
        Event {
            at: now,
            action: "restore",
            entity: "store",
            entity_id: "1".into(),
            before: kept
                .as_ref()
                .map(|k| serde_json::json!({"kept": k.display().to_string()})),
            after: Some(serde_json::json!({"from": source.display().to_string()})),
        },
    )?;
    tx.commit()?;
    Ok(kept)
}
