//! Why a bundle is refused. Each names what a person can do; the message in their language is
//! `error-<code>` (crates/i18n), made from [`SyncError::code`] and [`SyncError::args`].

use anyqtama_store::StoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SyncError {
    #[error("not an Anyqtama bundle: {0}")]
    NotABundle(String),
    #[error("the bundle was changed after the office signed it")]
    Altered,
    #[error("bundle format {0} is not known to this program")]
    UnknownFormat(String),
    #[error(
        "the bundle was written by a newer program (schema {found}, this program knows {known})"
    )]
    TooNew { found: i64, known: i64 },
    #[error("the bundle's key does not match its fingerprint {0}")]
    KeyMismatch(String),
    #[error("the bundle names key {0}, which no earlier key of the office vouches for")]
    KeyNotVouched(String),
    #[error("part {0} is missing")]
    PartMissing(String),
    #[error("part {0} does not match its checksum")]
    PartDamaged(String),
    #[error("part {0} is not listed in the manifest")]
    PartExtra(String),
    #[error("part {0} is larger than a bundle part may be")]
    TooLarge(String),
    #[error("part name {0} is not allowed in a bundle")]
    BadName(String),
    #[error("the records do not match the manifest's counts ({0})")]
    Counts(String),
    #[error("the bundle's trail does not span the events its manifest names ({0})")]
    TrailSpan(String),
    #[error("this store has no records for that period")]
    Empty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::NotABundle(_) => "bundle-not-a-bundle",
            SyncError::Altered => "bundle-altered",
            SyncError::UnknownFormat(_) => "bundle-unknown-format",
            SyncError::TooNew { .. } => "bundle-too-new",
            SyncError::KeyMismatch(_) => "bundle-key-mismatch",
            SyncError::KeyNotVouched(_) => "bundle-key-not-vouched",
            SyncError::PartMissing(_) => "bundle-part-missing",
            SyncError::PartDamaged(_) => "bundle-part-damaged",
            SyncError::PartExtra(_) => "bundle-part-extra",
            SyncError::TooLarge(_) => "bundle-too-large",
            SyncError::BadName(_) => "bundle-bad-name",
            SyncError::Counts(_) => "bundle-counts",
            SyncError::TrailSpan(_) => "bundle-trail-span",
            SyncError::Empty => "bundle-empty",
            SyncError::Store(e) => e.code(),
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SyncError::NotABundle(d)
            | SyncError::UnknownFormat(d)
            | SyncError::Counts(d)
            | SyncError::TrailSpan(d) => {
                vec![("detail", d.clone())]
            }
            SyncError::KeyMismatch(f) | SyncError::KeyNotVouched(f) => {
                vec![("fingerprint", f.clone())]
            }
            SyncError::PartMissing(p)
            | SyncError::PartDamaged(p)
            | SyncError::PartExtra(p)
            | SyncError::TooLarge(p)
            | SyncError::BadName(p) => {
                vec![("part", p.clone())]
            }
            SyncError::TooNew { found, known } => {
                vec![("found", found.to_string()), ("known", known.to_string())]
            }
            SyncError::Altered | SyncError::Empty => vec![],
            SyncError::Store(e) => e.args(),
        }
    }

    /// One error of every kind of this crate's own, for the test that each has a message.
    #[doc(hidden)]
    pub fn examples() -> Vec<SyncError> {
        vec![
            SyncError::NotABundle("d".into()),
            SyncError::Altered,
            SyncError::TooLarge("manifest.json".into()),
            SyncError::BadName("../x".into()),
            SyncError::UnknownFormat("x/9".into()),
            SyncError::TooNew { found: 9, known: 4 },
            SyncError::KeyMismatch("0123".into()),
            SyncError::KeyNotVouched("0123".into()),
            SyncError::PartMissing("records.jsonl".into()),
            SyncError::PartDamaged("records.jsonl".into()),
            SyncError::PartExtra("x.txt".into()),
            SyncError::Counts("cases".into()),
            SyncError::TrailSpan("seq_to 9, trail to 8".into()),
            SyncError::Empty,
        ]
    }
}

pub type Result<T> = std::result::Result<T, SyncError>;
