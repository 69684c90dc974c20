//! `anyqtama bundle ...`: export an office's bundle; import bundles at the higher office and read
//! what it holds (offices, the consolidated register, conflicts).

use crate::error::CliError;
use crate::store_cmd::{db_path, month, now};
use crate::to_json;
use anyqtama_store::exchange::{self, Period};
use anyqtama_store::{Actor, Store};
use anyqtama_sync::ImportOptions;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum Bundle {
    /// Write the signed bundle of a month (--month YYYY-MM) or of everything since the last
    /// `--since-last` export.
    Export {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long, conflicts_with = "since_last")]
        month: Option<String>,
        #[arg(long)]
        since_last: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify a bundle and import it into a higher office's store (an empty store becomes one).
    Import {
        #[arg(long)]
        db: Option<PathBuf>,
        file: PathBuf,
        /// Check and report; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Trust an office seen for the first time (compare its fingerprint first).
        #[arg(long)]
        trust_new_office: bool,
    },
    /// Check a bundle without importing it; prints its manifest.
    Verify { file: PathBuf },
    /// The offices a higher office has bundles from, with the last bundle of each.
    Offices {
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// The consolidated register of a month, by office.
    Register {
        #[arg(long)]
        db: Option<PathBuf>,
        #[arg(long)]
        month: String,
    },
    /// Conflicts found on import (same passport with overlapping live certificates in two
    /// offices; the same certificate number with different content).
    Conflicts {
        #[arg(long)]
        db: Option<PathBuf>,
    },
}

fn read(file: &PathBuf) -> Result<Vec<u8>, CliError> {
    std::fs::read(file).map_err(|e| CliError::ReadFile {
        path: file.display().to_string(),
        detail: e.to_string(),
    })
}

pub fn run(b: Bundle) -> Result<String, CliError> {
    match b {
        Bundle::Export {
            db,
            month: m,
            since_last,
            out,
        } => {
            let period = match (m, since_last) {
                (Some(m), false) => {
                    let (year, month) = month(&m)?;
                    Period::Month { year, month }
                }
                (None, true) => Period::Since { after: 0 },
                _ => {
                    return Err(CliError::Usage(
                        "bundle export needs --month YYYY-MM or --since-last".into(),
                    ))
                }
            };
            let mut store = Store::open_existing(db_path(db))?;
            let made = anyqtama_sync::export(&mut store, period, &Actor::command_line(), now())?;
            let tmp = out.with_extension("partial");
            std::fs::write(&tmp, &made.bytes)
                .and_then(|_| std::fs::rename(&tmp, &out))
                .map_err(|e| CliError::WriteFile {
                    path: out.display().to_string(),
                    detail: e.to_string(),
                })?;
            Ok(to_json(&serde_json::json!({
                "bundle": out.display().to_string(),
                "bytes": made.bytes.len(),
                "office": made.manifest.office.code,
                "fingerprint": made.manifest.office.fingerprint,
                "period": made.manifest.period_label,
                "seq_from": made.manifest.seq_from,
                "seq_to": made.manifest.seq_to,
                "counts": made.manifest.counts,
            })))
        }
        Bundle::Import {
            db,
            file,
            dry_run,
            trust_new_office,
        } => {
            let bytes = read(&file)?;
            let mut store = Store::open(db_path(db))?;
            let report = anyqtama_sync::import(
                &mut store,
                &bytes,
                ImportOptions {
                    trust_new_office,
                    dry_run,
                },
                &Actor::command_line(),
                now(),
            )?;
            Ok(to_json(&report))
        }
        Bundle::Verify { file } => Ok(to_json(&anyqtama_sync::verify(&read(&file)?)?.manifest)),
        Bundle::Offices { db } => {
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&exchange::hq_offices(store.connection())?))
        }
        Bundle::Register { db, month: m } => {
            let (year, month) = month(&m)?;
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&exchange::hq_register(
                store.connection(),
                year,
                month,
            )?))
        }
        Bundle::Conflicts { db } => {
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&exchange::hq_conflicts(store.connection())?))
        }
    }
}
