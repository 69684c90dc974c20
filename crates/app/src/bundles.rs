//! The monthly bundle: an office exports it (with its registers, rendered here) and a higher
//! office imports it, lists its offices, the consolidated register and conflicts. The format and
//! every check of a bundle are `anyqtama-sync`'s; who may do it is decided here, once.

use crate::input::Month;
use crate::Result;
use anyqtama_docs::text::DocLang;
use anyqtama_store::exchange::{self, ImportReport, Period};
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::{Actor, Session, Store, StoreError};
use anyqtama_sync::ImportOptions;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// The register of a month as the bundle carries it for people to read: XLSX, kk+ru. (No PDF: the
/// higher office prints one from the records; rendering it was 43% of an export, issue 14.)
fn registers(
    store: &Store,
    months: &[(i32, u32)],
    today: NaiveDate,
    each: &mut anyqtama_sync::RegisterFiles<'_>,
) -> std::result::Result<(), StoreError> {
    let mut render = || -> Result<()> {
        // What the registers join, read once when there are many (issue 14: a first bundle
        // carries every month's); a pass over the applicants and certificates costs about what
        // the lookups of a dozen months' rows do.
        let terms = if months.len() >= 12 {
            Some(anyqtama_store::records::RegisterTerms::read(store, today)?)
        } else {
            None
        };
        crate::registers::render_xlsx(
            store,
            months,
            DocLang::KkRu,
            today,
            terms.as_ref(),
            &mut |(year, month), bytes, _| {
                each(
                    (year, month),
                    vec![(format!("register-{year}-{month:02}.xlsx"), bytes)],
                )
            },
        )?;
        Ok(())
    };
    render().map_err(|e| match e {
        crate::AppError::Store(s) => s,
        e => StoreError::Io(std::io::Error::other(e.to_string())),
    })
}

/// A bundle's file, flushed to the disk in the background each time a few megabytes more are
/// written: the flush at its end, which the export waits for, then has only the last of it to
/// write (issue 14: a 28 MB bundle's one flush at its end was 0.3 s).
struct EarlyFlush {
    file: std::fs::File,
    unflushed: u64,
    flushing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl EarlyFlush {
    /// Written since the last flush began, before another begins.
    const EVERY: u64 = 8 << 20;

    fn new(file: std::fs::File) -> EarlyFlush {
        EarlyFlush {
            file,
            unflushed: 0,
            flushing: None,
        }
    }

    /// The flush under way, waited for: its error is the file's (a second handle of the same
    /// open file may not be told of it again).
    fn wait(&mut self) -> std::io::Result<()> {
        match self.flushing.take() {
            Some(f) => f
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("flush"))),
            None => Ok(()),
        }
    }

    /// Every byte on the disk (then the file may be renamed into place).
    fn finish(&mut self) -> std::io::Result<()> {
        self.wait()?;
        self.file.sync_all()
    }

    /// Begins flushing what is written so far, unless a flush is under way.
    fn start_flush(&mut self) -> std::io::Result<()> {
        if self.unflushed > 0 && self.flushing.as_ref().is_none_or(|f| f.is_finished()) {
            self.wait()?;
            let file = self.file.try_clone()?;
            self.flushing = Some(std::thread::spawn(move || file.sync_data()));
            self.unflushed = 0;
        }
        Ok(())
    }
}

impl std::io::Write for EarlyFlush {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.unflushed += n as u64;
        if self.unflushed >= Self::EVERY {
            self.start_flush()?;
        }
        Ok(n)
    }
    /// Toward the disk, in the background.
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()?;
        self.start_flush()
    }
}

impl std::io::Seek for EarlyFlush {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.file.seek(to)
    }
}

/// Who acts: a signed-in user with the role for `action`, or the operating-system user at the
/// command line (no session).
fn actor(session: Option<&Session>, action: Action) -> Result<Actor> {
    Ok(match session {
        None => Actor::command_line(),
        Some(s) => {
            let role = lifecycle::permitted(action, &s.roles)?;
            Actor::user(s.user_id, &s.login, role)
        }
    })
}

#[derive(Debug, Serialize, TS)]
pub struct Exported {
    pub bytes: usize,
    pub office: String,
    pub fingerprint: String,
    pub period: String,
    pub seq_from: Option<i64>,
    pub seq_to: Option<i64>,
    pub counts: BTreeMap<String, usize>,
}

/// The file name a bundle is suggested under: `KOS-2026-11.anyqtama.zip`.
pub fn bundle_name(store: &Store, month: Option<Month>, now: NaiveDateTime) -> Result<String> {
    let code = anyqtama_store::records::office(store)?.code;
    let label = match month {
        Some(m) => m.to_string(),
        None => format!("since-last-{}", now.format("%Y-%m-%d")),
    };
    Ok(format!("{code}-{label}.anyqtama.zip"))
}

/// The office's signed bundle of a month, or of everything since the last such export, written
/// whole to `out`. Taking the office's data out is the administrator's, like a backup.
pub fn export(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    month: Option<Month>,
    out: &std::path::Path,
    progress: &crate::progress::Reporter,
) -> Result<Exported> {
    let actor = actor(session, Action::Backup)?;
    let period = match month {
        Some(m) => Period::Month {
            year: m.year,
            month: m.month,
        },
        None => Period::Since { after: 0 },
    };
    let signer = session
        .and_then(|s| s.seal_key.as_ref())
        .ok_or(StoreError::SealLocked)?;
    // Written to a file beside `out` and renamed when whole: a failed export leaves no half file.
    // The store remembers the bundle as sent only once it is on the disk in its place (`keep`).
    let tmp = out.with_extension("partial");
    let mut placed = false;
    let made = (|| -> Result<(u64, anyqtama_sync::Manifest)> {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)
            .map_err(StoreError::Io)?;
        // How big the bundle will be is known only at its end: the bar counts what is written.
        use crate::progress::{Meter, Metered, Task, Unit};
        let meter = Meter::new(Task::Export, Unit::Bytes, None, progress.clone());
        let (file, manifest) = anyqtama_sync::export_to(
            store,
            period,
            &actor,
            now,
            &registers,
            signer,
            Metered::new(EarlyFlush::new(file), meter),
            |mut file| {
                file.get_mut().finish()?;
                std::fs::rename(&tmp, out)?;
                placed = true;
                Ok(file)
            },
        )?;
        let len = file
            .into_inner()
            .file
            .metadata()
            .map_err(StoreError::Io)?
            .len();
        Ok((len, manifest))
    })();
    if made.is_err() {
        let _ = std::fs::remove_file(if placed { out } else { &tmp });
    }
    let (len, m) = made?;
    Ok(Exported {
        bytes: len as usize,
        office: m.office.code,
        fingerprint: m.office.fingerprint,
        period: m.period_label,
        seq_from: m.seq_from,
        seq_to: m.seq_to,
        counts: m.counts,
    })
}

/// A higher office's store (no office of its own), and who acts in it: importing is the
/// administrator's, like a restore; reading, anyone's who may print.
fn higher_office(store: &Store, session: Option<&Session>, import: bool) -> Result<Actor> {
    if store.has_office()? {
        return Err(StoreError::NotHigherOffice.into());
    }
    actor(
        session,
        if import {
            Action::Restore
        } else {
            Action::Print
        },
    )
}

#[derive(Debug, Serialize, TS)]
pub struct HqStatus {
    pub offices: Vec<exchange::HqOffice>,
    pub conflicts: Vec<exchange::HqConflict>,
}

pub fn hq_status(store: &Store, session: Option<&Session>) -> Result<HqStatus> {
    higher_office(store, session, false)?;
    let c = store;
    Ok(HqStatus {
        offices: exchange::hq_offices(c)?,
        conflicts: exchange::hq_conflicts(c)?,
    })
}

/// The consolidated register of a month across the offices.
pub fn hq_register(
    store: &Store,
    session: Option<&Session>,
    month: Month,
) -> Result<Vec<exchange::HqRegisterRow>> {
    higher_office(store, session, false)?;
    Ok(exchange::hq_register(store, month.year, month.month)?)
}

/// Imports a bundle into a higher office's store: verified whole, then applied in one
/// transaction (or, with `dry_run`, only reported). A new office is trusted only when asked.
pub fn import(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    bundle: impl std::io::Read + std::io::Seek + Send,
    options: ImportOptions,
) -> Result<ImportReport> {
    let actor = higher_office(store, session, true)?;
    Ok(anyqtama_sync::import_from(
        store, bundle, options, &actor, now,
    )?)
}

/// A bundle checked whole without importing it: its manifest.
pub fn verify(
    bundle: impl std::io::Read + std::io::Seek + Send,
) -> Result<anyqtama_sync::Manifest> {
    Ok(anyqtama_sync::verify_from(bundle)?.manifest)
}

/// A bundle saved where the user chose.
#[derive(Debug, Serialize, TS)]
pub struct SavedBundle {
    pub path: String,
    #[serde(flatten)]
    pub exported: Exported,
}

/// A bundle imported from a file.
#[derive(Debug, Serialize, TS)]
pub struct Imported {
    pub file: String,
    pub report: ImportReport,
}
