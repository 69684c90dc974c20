//! `anyqtama bundle ...`: export an office's bundle; import bundles at the higher office and read
//! what it holds (offices, the consolidated register, conflicts).

use crate::error::CliError;
use crate::store_cmd::{db_path, month, now};
use crate::to_json;
use anyqtama_app::bundles;
use anyqtama_store::Store;
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
        /// The administrator who signs it: the office key opens only with their password
        /// (ANYQTAMA_PASSWORD or the first line of standard input).
        #[arg(long)]
        user: String,
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

/// A bundle is read from its file as it is checked, never whole into memory.
fn read(file: &PathBuf) -> Result<std::fs::File, CliError> {
    std::fs::File::open(file).map_err(|e| CliError::ReadFile {
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
            user,
        } => {
            let month = match (m, since_last) {
                (Some(m), false) => Some(month(&m)?),
                (None, true) => None,
                _ => {
                    return Err(CliError::Usage(
                        "bundle export: --month YYYY-MM | --since-last".into(),
                    ))
                }
            };
            let mut store = Store::open_existing(db_path(db))?;
            let password = crate::case_cmd::password()?;
            let session = anyqtama_app::start::sign_in(&store, &user, &password, now())?;
            let made = bundles::export(
                &mut store,
                Some(&session),
                now(),
                month,
                &out,
                &anyqtama_app::progress::silent(),
            )
            .map_err(|e| match e {
                anyqtama_app::AppError::Store(anyqtama_store::StoreError::Io(io)) => {
                    CliError::WriteFile {
                        path: out.display().to_string(),
                        detail: io.to_string(),
                    }
                }
                e => CliError::App(e),
            })?;
            Ok(to_json(&serde_json::json!({
                "bundle": out.display().to_string(),
                "bytes": made.bytes,
                "office": made.office,
                "fingerprint": made.fingerprint,
                "period": made.period,
                "seq_from": made.seq_from,
                "seq_to": made.seq_to,
                "counts": made.counts,
            })))
        }
        Bundle::Import {
            db,
            file,
            dry_run,
            trust_new_office,
        } => {
            let bundle = read(&file)?;
            let mut store = Store::open(db_path(db))?;
            let options = ImportOptions {
                trust_new_office,
                dry_run,
            };
            let report = bundles::import(&mut store, None, now(), bundle, options)?;
            Ok(to_json(&report))
        }
        Bundle::Verify { file } => Ok(to_json(&bundles::verify(read(&file)?)?)),
        Bundle::Offices { db } => {
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&bundles::hq_status(&store, None)?.offices))
        }
        Bundle::Register { db, month: m } => {
            let month = month(&m)?;
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&bundles::hq_register(&store, None, month)?))
        }
        Bundle::Conflicts { db } => {
            let store = Store::open_existing(db_path(db))?;
            Ok(to_json(&bundles::hq_status(&store, None)?.conflicts))
        }
    }
}
