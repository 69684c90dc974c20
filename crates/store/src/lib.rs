//! The case store: one SQLite file (WAL, foreign keys on, versioned migrations) holding applicants,
//! cases of the four kinds, Commission sittings and assessments, decisions, certificates and their
//! later changes, notifications, complaints, users and an append-only, hash-chained audit trail.
//!
//! Every change goes through [`Store::write`]: one IMMEDIATE transaction in which the action checks
//! the user's role and the case's state ([`lifecycle`]), changes the rows, and appends its audit
//! event. An error anywhere rolls all of it back, so a refused or failed action changes nothing.
//! Time is passed in (`now`), never read here.

pub mod audit;
pub mod backup;
pub mod error;
pub mod exchange;
pub mod keys;
pub mod lifecycle;
pub mod model;
pub mod numbering;
mod private;
pub mod queries;
pub mod records;
mod rows;
pub mod search;
pub mod views;
pub mod writer;

mod consistency;
mod schema;
pub mod seal;

/// One window per store: an exclusive lock on `<store>.lock`, held while the returned file lives.
/// `None` when another process holds it. The OS releases it when the process ends, however it ends.
pub fn hold(store: &Path) -> Option<std::fs::File> {
    if let Some(dir) = store.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(std::path::PathBuf::from(name))
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

mod sealed {
    /// Where a read runs: the open store, or (inside this crate) a connection or transaction.
    pub trait Sealed {
        fn conn(&self) -> &rusqlite::Connection;
    }
}

/// Something the read functions can read from: a [`Store`] (outside this crate, nothing else).
pub trait Db: sealed::Sealed {}

impl sealed::Sealed for Store {
    fn conn(&self) -> &rusqlite::Connection {
        &self.conn
    }
}
impl Db for Store {}
impl sealed::Sealed for rusqlite::Connection {
    fn conn(&self) -> &rusqlite::Connection {
        self
    }
}
impl Db for rusqlite::Connection {}
impl sealed::Sealed for rusqlite::Transaction<'_> {
    fn conn(&self) -> &rusqlite::Connection {
        self
    }
}
impl Db for rusqlite::Transaction<'_> {}

/// The schema version this program writes (bundles carry it).
pub const SCHEMA_VERSION: i64 = schema::VERSION;

pub use audit::Actor;
pub use error::{FileProblem, Result, StoreError};
pub use model::*;
pub use writer::Writer;

use anyqtama_rules::{lists::Lists, Calendar, RuleSets};
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The law the store applies: rule sets, calendar and lists (loaded once per store).
pub struct Law {
    pub rule_sets: RuleSets,
    pub calendar: Calendar,
    pub lists: Lists,
}

impl Law {
    pub fn embedded() -> Law {
        Law {
            rule_sets: RuleSets::embedded(),
            calendar: Calendar::embedded(),
            lists: Lists::embedded(),
        }
    }

    /// The shipped law with the administrator's changes kept in this store (confirmed rule-set
    /// dates, transfers of days off); the shipped law itself when there are none.
    fn with_changes(base: &Arc<Law>, conn: &Connection) -> Result<Arc<Law>> {
        let dates: Vec<(String, chrono::NaiveDate)> = conn
            .prepare("SELECT rule_set, effective_from FROM rule_set_dates ORDER BY rule_set")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let transfers: Vec<(chrono::NaiveDate, chrono::NaiveDate, String)> = conn
            .prepare(
                "SELECT day_off, working_day, source FROM calendar_transfers ORDER BY day_off",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if dates.is_empty() && transfers.is_empty() {
            return Ok(base.clone());
        }
        let mut rule_sets = base.rule_sets.clone();
        for (id, date) in &dates {
            let id = rule_sets.id(id)?;
            rule_sets.confirm_effective_from(&id, *date)?;
        }
        let mut calendar: Option<Calendar> = None;
        for (off, work, source) in &transfers {
            let from = calendar.as_ref().unwrap_or(&base.calendar);
            calendar = Some(from.with_transfer(*off, *work, source)?);
        }
        Ok(Arc::new(Law {
            rule_sets,
            calendar: calendar.unwrap_or_else(|| base.calendar.clone()),
            lists: base.lists.clone(),
        }))
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The shipped law, and the law in force here: the shipped one with this store's changes.
    base: Arc<Law>,
    law: Arc<Law>,
}

/// A signed-in user.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct Session {
    pub user_id: UserId,
    pub login: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    pub lang: String,
    /// The administrator reset the password: the window asks for a new one before anything else,
    /// and every action but changing it is refused (`StoreError::MustChangePassword`).
    pub must_change_password: bool,
    /// The office key, unlocked by this signatory's password at sign-in (issue 12): a decision
    /// seals with it, a bundle is signed with it. Never serialised, never in the window.
    #[serde(skip)]
    #[ts(skip)]
    pub seal_key: Option<keys::SealKey>,
}

fn file_error(path: &Path, e: std::io::Error) -> StoreError {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            StoreError::StoreFile {
                path: path.display().to_string(),
                problem: FileProblem::ReadOnly,
            }
        }
        _ => StoreError::Io(e),
    }
}

/// The store's file is a file, not empty, and can be written.
fn check_file(path: &Path) -> Result<()> {
    let problem = |problem| StoreError::StoreFile {
        path: path.display().to_string(),
        problem,
    };
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(problem(FileProblem::Directory));
    }
    if meta.len() == 0 {
        return Err(problem(FileProblem::Empty));
    }
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| file_error(path, e))?;
    Ok(())
}

/// Whether an SQLite file holds this program's tables.
fn is_ours(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'audit')",
        [],
        |r| r.get::<_, i64>(0),
    )? == 2)
}

/// Makes a new store atomically: built whole under a temporary name, then linked into place only
/// if nothing is there yet, so two processes creating the same store at once leave one good store
/// (the other opens it) and never a half-made one.
fn create(path: &Path) -> Result<()> {
    // Unique to this process and call: two creators never share a temporary file.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("new-{}-{n}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    private::create_file(&tmp).map_err(|e| file_error(path, e))?;
    let built = (|| -> Result<()> {
        let mut conn = Connection::open(&tmp)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration(e.to_string().chars().take(200).collect()))?;
        Ok(())
    })();
    let linked = built.and_then(|_| match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        // The other process won: its store is as good as ours.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links (FAT on a USB stick): a rename, if still free.
        Err(_) if !path.exists() => std::fs::rename(&tmp, path).map_err(|e| file_error(path, e)),
        Err(_) => Ok(()),
    });
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// A store that must already exist: the file is there, and is a file one may open.
fn existing_file(path: &Path) -> Result<()> {
    if !path.exists() {
        return Err(StoreError::NotFound {
            what: "store",
            id: path.display().to_string(),
        });
    }
    check_file(path)
}

/// An existing file opened with `flags` and its schema version, refused unless it is a store:
/// never made into one here (an SQLite file of another program, or an empty one, is not ours, and
/// is left as it was).
fn open_ours(path: &Path, flags: OpenFlags) -> Result<(Connection, i64)> {
    let conn = Connection::open_with_flags(path, flags)?;
    let found = checked_version(&conn, path)?;
    if found == 0 && !is_ours(&conn)? {
        return Err(StoreError::NotAStore(path.display().to_string()));
    }
    Ok((conn, found))
}

/// Reads go through a memory map of up to this many bytes (see `configure`).
pub(crate) const MMAP_SIZE: i64 = 256 << 20;

impl Store {
    /// Reads through the memory map (the default) or through SQLite's own small cache: a bundle of
    /// everything reads every page once, and mapped pages would all stay resident (issue 14:
    /// an export in constant memory).
    pub fn map_memory(&self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "mmap_size", if on { MMAP_SIZE } else { 0 })?;
        Ok(())
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(15))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: a committed transaction survives a power cut too, not only a killed process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Reads through a memory map of up to 256 MB instead of a copy per page (an export or a
    // register reads much of a large store).
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// The schema version of a file that is an SQLite database this program can read; a file that is
/// not a database, or a store from a newer program, is refused before anything is written.
pub(crate) fn checked_version(conn: &Connection, path: &Path) -> Result<i64> {
    let probe: rusqlite::Result<i64> =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0));
    if probe.is_err() {
        return Err(StoreError::NotAStore(path.display().to_string()));
    }
    let found = user_version(conn)?;
    if found > schema::VERSION {
        return Err(StoreError::TooNew {
            found,
            known: schema::VERSION,
        });
    }
    Ok(found)
}

impl Store {
    /// Opens the store at `path`, creating it (and its folder) when absent, and brings its schema up
    /// to date. A store from a newer program is refused.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, Arc::new(Law::embedded()))
    }

    pub fn open_with(path: impl AsRef<Path>, law: Arc<Law>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private::create_dir(dir).map_err(|e| file_error(&path, e))?;
        }
        if !path.exists() {
            create(&path)?;
        }
        check_file(&path)?;
        private::restrict(&path)?;
        let mut conn = Connection::open(&path)?;
        let found = checked_version(&conn, &path)?;
        // Another program's SQLite file is never turned into a store.
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if found == 0 && tables > 0 && !is_ours(&conn)? {
            return Err(StoreError::NotAStore(path.display().to_string()));
        }
        configure(&conn)?;
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration(e.to_string().chars().take(200).collect()))?;
        rows::watch(&conn)?;
        rows::baseline_if_needed(&conn)?;
        let applied = Law::with_changes(&law, &conn)?;
        Ok(Store {
            conn,
            path,
            base: law,
            law: applied,
        })
    }

    /// Opens a store that must already exist (queries, verify, printing); refuses a missing file and
    /// brings an older schema up to date.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        existing_file(&path)?;
        // A store made readable to others by an older program (or a copy) is tightened.
        private::restrict(&path)?;
        let (conn, found) = open_ours(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if found < schema::VERSION {
            drop(conn);
            return Store::open(path);
        }
        configure(&conn)?;
        rows::watch(&conn)?;
        rows::baseline_if_needed(&conn)?;
        Store::with_law(conn, path)
    }

    /// The store on an open connection, with the shipped law and this store's changes to it.
    fn with_law(conn: Connection, path: PathBuf) -> Result<Store> {
        let base = Arc::new(Law::embedded());
        let law = Law::with_changes(&base, &conn)?;
        Ok(Store {
            conn,
            path,
            base,
            law,
        })
    }

    /// Opens a store that must already exist only to read it (a draft, a search, a register, a
    /// QR check): the connection cannot write, so it needs none of the row watch a writing
    /// connection sets up (issue 14: creating its triggers was a quarter of a draft's work), and
    /// anything that tried to write through it would fail. A store of an older schema is brought
    /// up to date first, as [`Store::open_existing`] does.
    pub fn open_for_reading(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        existing_file(&path)?;
        let (conn, found) = open_ours(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Older, or never baselined: a writing open does what is to be done, once.
        if found < schema::VERSION || rows::needs_baseline(&conn)? {
            drop(conn);
            return Store::open_existing(path);
        }
        conn.busy_timeout(std::time::Duration::from_secs(15))?;
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        Store::with_law(conn, path)
    }

    /// Begins a read transaction that lasts as long as this connection: everything read through
    /// it afterwards is one snapshot of the store (a bundle's registers, rendered on a connection
    /// of their own beside its records). Its page cache is the export's (32 MB): with the
    /// default 2 MB the 61 registers of a five-year office read the same pages from the file
    /// again and again.
    pub fn hold_snapshot(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -32768)?;
        self.conn.execute_batch("BEGIN DEFERRED")?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn law(&self) -> &Law {
        &self.law
    }

    /// The law in force here, to hold beyond a borrow of the store.
    pub fn law_arc(&self) -> Arc<Law> {
        self.law.clone()
    }

    /// Applies the administrator's changes to the law again, after one was written.
    pub fn reload_law(&mut self) -> Result<()> {
        self.law = Law::with_changes(&self.base, &self.conn)?;
        Ok(())
    }

    /// The SQLite connection, for this crate's own queries. Outside the crate (the app, the doors)
    /// there is none: reads go through the read functions, which take a [`Db`] (the store), and
    /// writes through [`Store::write`]. (Tests that tamper with the file open it themselves.)
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// True when the first-time setup has been done.
    pub fn has_office(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM office", [], |r| r.get::<_, i64>(0))?
            > 0)
    }

    /// First-time setup of an empty store: the office, its first administrator and its signing key.
    pub fn setup(
        &mut self,
        office: &Office,
        admin_login: &str,
        admin_name: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<Session> {
        self.setup_with_key(
            office,
            admin_login,
            admin_name,
            password,
            now,
            keys::random_seed(),
        )
    }

    pub(crate) fn setup_with_key(
        &mut self,
        office: &Office,
        admin_login: &str,
        admin_name: &str,
        password: &str,
        now: NaiveDateTime,
        seed: [u8; 32],
    ) -> Result<Session> {
        if self.has_office()? {
            return Err(StoreError::NotEmpty);
        }
        StoreError::gathered(writer::setup_refusals(
            Some(office),
            admin_login,
            admin_name,
            password,
        ))?;
        let hash = hash_password(password)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut session = writer::setup(&tx, office, admin_login, admin_name, &hash, now)?;
        tx.commit()?;
        let actor = Actor::user(session.user_id, &session.login, Role::Admin);
        // The key is made and kept only in the administrator's slot, under their password.
        session.seal_key = Some(self.ensure_own_key(seed, &actor, now, password)?);
        Ok(session)
    }

    /// First-time setup of a higher office's store: its first administrator, no office. A store
    /// that already has an office or users is refused; one that received bundles from the command
    /// line before may get its first administrator.
    pub fn setup_higher_office(
        &mut self,
        login: &str,
        name: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<Session> {
        if self.has_office()? || self.has_users()? {
            return Err(StoreError::NotEmpty);
        }
        StoreError::gathered(writer::setup_refusals(None, login, name, password))?;
        let hash = hash_password(password)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let session = writer::setup_higher_office(&tx, login, name, &hash, now)?;
        tx.commit()?;
        Ok(session)
    }

    pub fn has_users(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM users", [], |r| r.get::<_, i64>(0))?
            > 0)
    }

    /// A higher office's store: it has received bundles or was set up as one.
    pub fn is_higher_office(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM meta WHERE key = 'role' AND value = 'higher_office'",
            [],
            |r| r.get::<_, i64>(0),
        )? > 0)
    }

    /// Signs a user in with their password; a signatory's office key is unlocked with it (and, in
    /// a store from before key slots, taken into their slot: `keys::unlock`).
    ///
    /// After [`MAX_FAILURES`] wrong passwords in a row the login is locked for [`LOCKOUT_MINUTES`]
    /// (an audit event says so); while locked, even the right password is not checked. This slows
    /// guessing at the keyboard only: a copy of the file is guarded by argon2id, not by this.
    pub fn sign_in(&self, login: &str, password: &str, now: NaiveDateTime) -> Result<Session> {
        let row: Option<(i64, String, String, String, bool)> = self
            .conn
            .query_row(
                "SELECT id, full_name, password_hash, lang, active FROM users WHERE login = ?1",
                [login],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, full_name, hash, lang, active)) = row else {
            // Same work as a real check, so the answer does not tell which logins exist.
            let _ = hash_password(password);
            return Err(StoreError::BadCredentials);
        };
        let (failures, locked_until) = self.sign_in_failures(id)?;
        if let Some(until) = locked_until.filter(|u| *u > now) {
            return Err(locked_out(login, until));
        }
        let roles = self.roles_of(UserId(id))?;
        // A signatory's slot key is made from the password beside the password's check, on a
        // second core: the two argon2id one after the other were most of their sign-in (issue
        // 14: a quarter of a recorded print, the first 60 ms of an export with one core idle).
        // It is used only once the password has matched (and never made for a disabled login,
        // which is refused after the check).
        let salt = if active && keys::seals(&roles) {
            keys::slot_salt(&self.conn, id)?
        } else {
            None
        };
        let (matches, derived) = match salt {
            Some(salt) => std::thread::scope(|s| {
                let derived = s.spawn(move || {
                    let key = keys::slot_key(password, &salt).ok()?;
                    Some(keys::Derived { salt, key })
                });
                let matches = password_matches(&hash, password);
                (matches, derived.join().expect("argon2id does not panic"))
            }),
            None => (password_matches(&hash, password), None),
        };
        if !matches {
            return Err(self.failed_sign_in(id, login, failures + 1, now));
        }
        if failures > 0 || locked_until.is_some() {
            self.conn
                .execute("DELETE FROM sign_in_failures WHERE user_id = ?1", [id])?;
        }
        if !active {
            return Err(StoreError::UserDisabled(login.to_string()));
        }
        let seal_key = if keys::seals(&roles) {
            let role = if roles.contains(&Role::Head) {
                Role::Head
            } else {
                Role::Admin
            };
            keys::unlock(
                self,
                &Actor::user(UserId(id), login, role),
                password,
                now,
                derived,
            )?
        } else {
            None
        };
        Ok(Session {
            user_id: UserId(id),
            login: login.to_string(),
            full_name,
            must_change_password: self.password_expired(id)?,
            roles,
            lang,
            seal_key,
        })
    }

    /// Wrong passwords in a row and the lockout they led to, if any.
    fn sign_in_failures(&self, user: i64) -> Result<(i64, Option<NaiveDateTime>)> {
        // A time that does not read as one (edited in the file) locks nobody.
        Ok(self
            .conn
            .query_row(
                "SELECT failures, locked_until FROM sign_in_failures WHERE user_id = ?1",
                [user],
                |r| Ok((r.get(0)?, r.get(1).ok().flatten())),
            )
            .optional()?
            .unwrap_or((0, None)))
    }

    /// Counts a wrong password; the last one allowed locks the login (an audit event). Returns the
    /// error to give. A store opened read-only cannot count: the count is then left as it was.
    fn failed_sign_in(
        &self,
        user: i64,
        login: &str,
        failures: i64,
        now: NaiveDateTime,
    ) -> StoreError {
        let locked = failures >= MAX_FAILURES;
        let until = now + chrono::Duration::minutes(LOCKOUT_MINUTES);
        let write = || -> Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            if locked {
                tx.execute(
                    "INSERT OR REPLACE INTO sign_in_failures (user_id, failures, locked_until) VALUES (?1, 0, ?2)",
                    rusqlite::params![user, until],
                )?;
                let role = self
                    .roles_of(UserId(user))?
                    .first()
                    .copied()
                    .unwrap_or(Role::Registrar);
                audit::append(
                    &tx,
                    &Actor::user(UserId(user), login, role),
                    audit::Event {
                        at: now,
                        action: "lockout",
                        entity: "user",
                        entity_id: user.to_string(),
                        before: None,
                        after: Some(serde_json::json!({
                            "failures": failures,
                            "locked_until": until,
                        })),
                    },
                )?;
            } else {
                tx.execute(
                    "INSERT OR REPLACE INTO sign_in_failures (user_id, failures, locked_until) VALUES (?1, ?2, NULL)",
                    rusqlite::params![user, failures],
                )?;
            }
            tx.commit()?;
            Ok(())
        };
        match write() {
            Err(e) if e.code() != "store-read-only" => e,
            _ if locked => locked_out(login, until),
            _ => StoreError::BadCredentials,
        }
    }

    /// The administrator reset this user's password and they have not chosen their own since.
    fn password_expired(&self, user: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM password_expired WHERE user_id = ?1",
            [user],
            |r| r.get::<_, i64>(0),
        )? > 0)
    }

    /// A session for a known user without a password: for the command line's own tools (demo) and
    /// tests; never exposed to the window.
    pub fn session_for(&self, login: &str) -> Result<Session> {
        let (id, full_name, lang): (i64, String, String) = self
            .conn
            .query_row(
                "SELECT id, full_name, lang FROM users WHERE login = ?1 AND active = 1",
                [login],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "user",
                id: login.to_string(),
            })?;
        Ok(Session {
            user_id: UserId(id),
            login: login.to_string(),
            full_name,
            roles: self.roles_of(UserId(id))?,
            lang,
            must_change_password: false,
            // No password, no key: such a session cannot seal or sign.
            seal_key: None,
        })
    }

    /// Remembers the user's language for the next sign-in. A preference, not a legal record, so it
    /// is not audited.
    pub fn set_lang(&self, session: &Session, lang: &str) -> Result<()> {
        if !["kk", "ru", "en"].contains(&lang) {
            return Err(StoreError::Invalid {
                field: "lang",
                detail: lang.to_string(),
            });
        }
        self.conn.execute(
            "UPDATE users SET lang = ?1 WHERE id = ?2",
            rusqlite::params![lang, session.user_id.0],
        )?;
        Ok(())
    }

    fn roles_of(&self, user: UserId) -> Result<Vec<Role>> {
        let mut stmt = self
            .conn
            .prepare("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role")?;
        let roles = stmt
            .query_map([user.0], |r| r.get::<_, String>(0))?
            .filter_map(|r| r.ok())
            .filter_map(|r| Role::parse(&r))
            .collect();
        Ok(roles)
    }

    /// Runs `f` as one transaction on behalf of `session` at `now`: all of it is committed, or none.
    pub fn write<T>(
        &mut self,
        session: &Session,
        now: NaiveDateTime,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let law = self.law.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut w = Writer::new(&tx, session, now, &law);
        let out = f(&mut w)?;
        drop(w);
        // Rows changed after the action's last event are recorded before the commit, so the
        // trail never lags the tables (crate::rows).
        if rows::pending(&tx)? {
            let role = session.roles.first().copied().unwrap_or(Role::Registrar);
            audit::append_signed(
                &tx,
                &Actor::user(session.user_id, &session.login, role),
                audit::Event {
                    at: now,
                    action: "row_changes",
                    entity: "store",
                    entity_id: String::new(),
                    before: None,
                    after: None,
                },
                session.seal_key.as_ref().map(|k| k.signing()),
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Verifies the audit chain and SQLite's own integrity.
    /// Checks the file's integrity and the whole audit chain on one consistent state of the
    /// file, so another process writing meanwhile is never taken for a broken trail (issue 12).
    ///
    /// The check holds the write lock while it runs (other writers wait, readers do not): SQLite's
    /// full-text index check is not stable under a concurrent writer even inside a read snapshot
    /// (it reported checksum mismatches that were not in the file), and the audit chain and its
    /// recorded head must be read as one. It runs on a connection of its own: the full-text
    /// index keeps per-connection state that another process's writes leave stale.
    pub fn verify(&self) -> Result<audit::Verified> {
        let own = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        own.busy_timeout(std::time::Duration::from_secs(30))?;
        let snapshot = rusqlite::Transaction::new_unchecked(&own, TransactionBehavior::Immediate)?;
        let check: String = snapshot.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Migration(format!("integrity_check: {check}")));
        }
        let verified = audit::verify(&snapshot)?;
        // The tables against the trail and the seals: an edit that left the chain whole.
        consistency::check(&snapshot)?;
        snapshot.finish()?;
        Ok(verified)
    }
}

/// Where the store lives by default: the application's data folder, the same one the desktop app
/// uses (`<data dir>/kz.anyqtama.desktop/anyqtama.sqlite`).
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("kz.anyqtama.desktop")
        .join("anyqtama.sqlite")
}

/// The refusal of a locked login, with the time it opens again as people write it.
fn locked_out(login: &str, until: NaiveDateTime) -> StoreError {
    StoreError::LockedOut {
        login: login.to_string(),
        until: until.format("%d.%m.%Y %H:%M").to_string(),
    }
}

/// Wrong passwords in a row before a login is locked.
pub const MAX_FAILURES: i64 = 5;
/// How long a locked login waits, in minutes.
pub const LOCKOUT_MINUTES: i64 = 15;

/// Whether `password` is the one `hash` was made from.
pub(crate) fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A password long enough to be one: at least 8 characters.
pub(crate) fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < 8 {
        return Err(StoreError::Invalid {
            field: "password",
            detail: "short".into(),
        });
    }
    Ok(())
}

pub(crate) fn hash_password(password: &str) -> Result<String> {
    check_password(password)?;
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid {
            field: "password",
            detail: e.to_string(),
        })
}
