//! Errors of the store. Each is something a person can act on; the message in their language is made
//! in `anyqtama-i18n` from [`StoreError::code`] and [`StoreError::args`].

use crate::model::{CaseStatus, Role};
use anyqtama_rules::RulesError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(String),
    #[error("the store was written by a newer version of the program (schema {found}, this program knows {known})")]
    TooNew { found: i64, known: i64 },
    #[error("{0} is not an Anyqtama store")]
    NotAStore(String),
    #[error("{path}: {problem:?}")]
    StoreFile { path: String, problem: FileProblem },
    #[error(transparent)]
    Rules(#[from] RulesError),
    #[error("wrong login or password")]
    BadCredentials,
    #[error("the user `{0}` is disabled")]
    UserDisabled(String),
    /// Too many wrong passwords in a row: sign-in waits until `until` (DD.MM.YYYY HH:MM).
    #[error("sign-in of `{login}` is locked until {until}")]
    LockedOut { login: String, until: String },
    /// The administrator reset this user's password: they choose their own before anything else.
    #[error("the password was reset: choose a new one first")]
    MustChangePassword,
    #[error("not permitted: {action} needs the role {needed:?}")]
    NotPermitted {
        action: &'static str,
        needed: Vec<Role>,
    },
    #[error("case {case} is {status}; {action} is not possible now")]
    WrongState {
        case: i64,
        status: CaseStatus,
        action: &'static str,
    },
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("documents missing: {missing:?}; expired: {expired:?}")]
    IncompleteDocuments {
        missing: Vec<String>,
        expired: Vec<String>,
    },
    #[error("a written reason is required when the decision departs from the recommendation")]
    ReasonRequired,
    #[error("a refusal of the service must name at least one ground of App 2 p.9")]
    GroundRequired,
    #[error("cannot issue while grounds of App 2 p.9 hold (subparagraphs {subparagraphs})")]
    GroundsHold { subparagraphs: String },
    #[error("the Commission's decision must follow from its findings ({recommendation})")]
    DecisionAgainstFindings { recommendation: &'static str },
    #[error("App 2 p.9 subparagraph {subparagraph} cannot be a ground here")]
    GroundNotApplicable { subparagraph: u32 },
    #[error("invalid input: {field}")]
    Invalid { field: &'static str, detail: String },
    /// Several refusals of one form, each with the field it belongs to, so that a person sees
    /// them all at once (issue 15), not one per try.
    #[error("{} fields refused", .0.len())]
    Fields(Vec<(&'static str, StoreError)>),
    #[error("certificate {number} is not valid on {date}")]
    CertificateNotValid { number: String, date: String },
    #[error("the store is not empty")]
    NotEmpty,
    #[error("the store has no office yet: run the first-time setup")]
    NoOffice,
    #[error("the audit trail is broken at event {seq}: {reason}")]
    AuditBroken { seq: i64, reason: String },
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("office {office} (key {fingerprint}) is not known here yet")]
    UnknownOffice { office: String, fingerprint: String },
    #[error("office {office} signs with key {presented}, but this store knows it by key {known}")]
    OfficeKeyChanged {
        office: String,
        known: String,
        presented: String,
    },
    #[error("this store belongs to an office; bundles are imported into a higher office's store")]
    NotHigherOffice,
    #[error("the backup belongs to another store ({office}); this one is {ours}")]
    BackupOfAnotherStore { office: String, ours: String },
    #[error(
        "office {office}'s history differs from what it sent before, at event {seq} ({reason})"
    )]
    HistoryRewritten {
        office: String,
        seq: i64,
        reason: &'static str,
    },
    #[error(
        "numbering pattern `{0}` is invalid: it needs {{seq}} and may use {{office}}, {{year}}"
    )]
    BadPattern(String),
    /// Sealing a certificate or signing a bundle needs a signatory signed in with their password.
    #[error(
        "the office key is not unlocked: a head or administrator must sign in with their password"
    )]
    SealLocked,
    /// A table no longer says what the audit trail or a seal says: changed outside the program.
    #[error("table {table}, row {row}: {column} differs from the audit trail or its seal")]
    TableDiffers {
        table: String,
        row: String,
        column: String,
    },
    /// A key slot that does not open with the right password was altered outside the program.
    #[error("the signatory's key slot is damaged")]
    KeySlotBroken,
    /// A bundle signed with a signatory key the higher office knows was retired before it was made.
    #[error(
        "office {office}'s key {fingerprint} was retired on {on}; it signs nothing made later"
    )]
    KeyRetired {
        office: String,
        fingerprint: String,
        on: String,
    },
}

impl StoreError {
    /// One refusal, or several of one form gathered into [`StoreError::Fields`].
    pub fn gathered(mut v: Vec<(&'static str, StoreError)>) -> std::result::Result<(), StoreError> {
        match v.len() {
            0 => Ok(()),
            1 => Err(v.pop().expect("one").1),
            _ => Err(StoreError::Fields(v)),
        }
    }

    /// The fluent message id is `error-<code>`; rules errors use their own codes.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                "store-locked"
            }
            StoreError::Sqlite(e)
                if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::ReadOnly)) =>
            {
                "store-read-only"
            }
            StoreError::Sqlite(_) => "database",
            StoreError::StoreFile { .. } => "store-file",
            StoreError::Migration(_) => "migration",
            StoreError::TooNew { .. } => "store-too-new",
            StoreError::NotAStore(_) => "not-a-store",
            StoreError::Rules(e) => e.code(),
            StoreError::BadCredentials => "bad-credentials",
            StoreError::UserDisabled(_) => "user-disabled",
            StoreError::LockedOut { .. } => "locked-out",
            StoreError::MustChangePassword => "must-change-password",
            StoreError::NotPermitted { .. } => "not-permitted",
            StoreError::WrongState { .. } => "wrong-state",
            StoreError::NotFound { .. } => "not-found",
            StoreError::IncompleteDocuments { .. } => "incomplete-documents",
            StoreError::ReasonRequired => "reason-required",
            StoreError::GroundRequired => "ground-required",
            StoreError::GroundsHold { .. } => "grounds-hold",
            StoreError::DecisionAgainstFindings { .. } => "decision-against-findings",
            StoreError::GroundNotApplicable { .. } => "ground-not-applicable",
            StoreError::Invalid { .. } => "invalid-input",
            StoreError::Fields(_) => "fields",
            StoreError::CertificateNotValid { .. } => "certificate-not-valid",
            StoreError::NotEmpty => "store-not-empty",
            StoreError::NoOffice => "no-office",
            StoreError::AuditBroken { .. } => "audit-broken",
            StoreError::Io(_) => "io",
            StoreError::SealLocked => "seal-locked",
            StoreError::TableDiffers { .. } => "table-differs",
            StoreError::KeySlotBroken => "key-slot-broken",
            StoreError::BadPattern(_) => "bad-pattern",
            StoreError::UnknownOffice { .. } => "unknown-office",
            StoreError::OfficeKeyChanged { .. } => "office-key-changed",
            StoreError::NotHigherOffice => "not-higher-office",
            StoreError::HistoryRewritten { .. } => "history-rewritten",
            StoreError::KeyRetired { .. } => "key-retired",
            StoreError::BackupOfAnotherStore { .. } => "backup-of-another-store",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            StoreError::Sqlite(e) => vec![("detail", e.to_string())],
            StoreError::Migration(d) => vec![("detail", d.clone())],
            StoreError::Io(e) => vec![("detail", e.to_string())],
            StoreError::TooNew { found, known } => {
                vec![("found", found.to_string()), ("known", known.to_string())]
            }
            StoreError::NotAStore(p) => vec![("path", p.clone())],
            StoreError::StoreFile { path, problem } => {
                vec![("path", path.clone()), ("problem", problem.as_str().into())]
            }
            StoreError::Rules(e) => e.args(),
            StoreError::BadCredentials => vec![],
            StoreError::UserDisabled(l) => vec![("login", l.clone())],
            StoreError::LockedOut { login, until } => {
                vec![("login", login.clone()), ("until", until.clone())]
            }
            StoreError::MustChangePassword => vec![],
            StoreError::NotPermitted { action, needed } => vec![
                ("action", action.to_string()),
                (
                    "roles",
                    needed
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        // An identifier ("registrar-or-secretary"), so a message can select on it.
                        .join("-or-"),
                ),
            ],
            StoreError::WrongState {
                case,
                status,
                action,
            } => {
                vec![
                    ("case", case.to_string()),
                    ("status", status.as_str().to_string()),
                    ("action", action.to_string()),
                ]
            }
            StoreError::NotFound { what, id } => {
                vec![("what", what.to_string()), ("id", id.clone())]
            }
            StoreError::IncompleteDocuments { missing, expired } => {
                vec![
                    ("missing", missing.join(", ")),
                    ("expired", expired.join(", ")),
                ]
            }
            StoreError::ReasonRequired
            | StoreError::GroundRequired
            | StoreError::NotEmpty
            | StoreError::NoOffice => vec![],
            StoreError::GroundsHold { subparagraphs } => {
                vec![("subparagraphs", subparagraphs.clone())]
            }
            StoreError::DecisionAgainstFindings { recommendation } => {
                vec![("recommendation", recommendation.to_string())]
            }
            StoreError::GroundNotApplicable { subparagraph } => {
                vec![("subparagraph", subparagraph.to_string())]
            }
            StoreError::Invalid { field, detail } => {
                vec![("field", field.to_string()), ("detail", detail.clone())]
            }
            StoreError::Fields(v) => vec![("count", v.len().to_string())],
            StoreError::CertificateNotValid { number, date } => {
                vec![("number", number.clone()), ("date", date.clone())]
            }
            StoreError::AuditBroken { seq, reason } => {
                vec![("seq", seq.to_string()), ("reason", reason.clone())]
            }
            StoreError::BadPattern(p) => vec![("pattern", p.clone())],
            StoreError::UnknownOffice {
                office,
                fingerprint,
            } => vec![
                ("office", office.clone()),
                ("fingerprint", fingerprint.clone()),
            ],
            StoreError::OfficeKeyChanged {
                office,
                known,
                presented,
            } => vec![
                ("office", office.clone()),
                ("known", known.clone()),
                ("presented", presented.clone()),
            ],
            StoreError::NotHigherOffice | StoreError::SealLocked | StoreError::KeySlotBroken => {
                vec![]
            }
            StoreError::TableDiffers { table, row, column } => vec![
                ("table", table.to_string()),
                ("row", row.clone()),
                ("field", column.to_string()),
            ],
            StoreError::BackupOfAnotherStore { office, ours } => {
                vec![("office", office.clone()), ("ours", ours.clone())]
            }
            StoreError::KeyRetired {
                office,
                fingerprint,
                on,
            } => vec![
                ("office", office.clone()),
                ("fingerprint", fingerprint.clone()),
                ("date", on.clone()),
            ],
            StoreError::HistoryRewritten {
                office,
                seq,
                reason,
            } => vec![
                ("office", office.clone()),
                ("seq", seq.to_string()),
                ("what", reason.to_string()),
            ],
        }
    }
}

/// Why a store's file cannot be opened, each with its own message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// An empty (0-byte) file: not a store, and never silently made into one.
    Empty,
    /// A folder where the store's file should be.
    Directory,
    /// The file or its folder cannot be written (read-only medium, permissions).
    ReadOnly,
    /// Another program holds the store (a window open on it, a long import).
    Locked,
}

impl FileProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            FileProblem::Empty => "empty",
            FileProblem::Directory => "directory",
            FileProblem::ReadOnly => "read_only",
            FileProblem::Locked => "locked",
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One error of every kind, for tests that check each has a message in every language. The match
/// has no wildcard, so a new variant does not compile until it is added here.
#[doc(hidden)]
pub fn examples() -> Vec<StoreError> {
    let all = vec![
        StoreError::Sqlite(rusqlite::Error::InvalidQuery),
        StoreError::Migration("m".into()),
        StoreError::TooNew { found: 9, known: 1 },
        StoreError::NotAStore("f.sqlite".into()),
        StoreError::StoreFile {
            path: "f.sqlite".into(),
            problem: FileProblem::Empty,
        },
        StoreError::BadCredentials,
        StoreError::UserDisabled("u".into()),
        StoreError::LockedOut {
            login: "u".into(),
            until: "01.12.2026 10:15".into(),
        },
        StoreError::MustChangePassword,
        StoreError::NotPermitted {
            action: "decide",
            needed: vec![Role::Head],
        },
        StoreError::WrongState {
            case: 7,
            status: CaseStatus::SentToCommission,
            action: "decide",
        },
        StoreError::NotFound {
            what: "case",
            id: "7".into(),
        },
        StoreError::IncompleteDocuments {
            missing: vec!["application".into()],
            expired: vec![],
        },
        StoreError::ReasonRequired,
        StoreError::GroundRequired,
        StoreError::GroundsHold {
            subparagraphs: "2, 3".into(),
        },
        StoreError::DecisionAgainstFindings {
            recommendation: "refuse",
        },
        StoreError::GroundNotApplicable { subparagraph: 2 },
        StoreError::Invalid {
            field: "login",
            detail: "d".into(),
        },
        StoreError::Fields(vec![
            (
                "passport_number",
                StoreError::Invalid {
                    field: "passport_number",
                    detail: "shape".into(),
                },
            ),
            ("birth_date", StoreError::NotEmpty),
        ]),
        StoreError::CertificateNotValid {
            number: "N-1".into(),
            date: "2026-01-01".into(),
        },
        StoreError::NotEmpty,
        StoreError::NoOffice,
        StoreError::AuditBroken {
            seq: 40,
            reason: "r".into(),
        },
        StoreError::Io(std::io::Error::other("io")),
        StoreError::BadPattern("{x}".into()),
        StoreError::SealLocked,
        StoreError::KeySlotBroken,
        StoreError::TableDiffers {
            table: "certificates".into(),
            row: "7".into(),
            column: "valid_to".into(),
        },
        StoreError::UnknownOffice {
            office: "AST".into(),
            fingerprint: "0123456789abcdef".into(),
        },
        StoreError::OfficeKeyChanged {
            office: "AST".into(),
            known: "0123456789abcdef".into(),
            presented: "fedcba9876543210".into(),
        },
        StoreError::NotHigherOffice,
        StoreError::HistoryRewritten {
            office: "AST".into(),
            seq: 12,
            reason: "differs",
        },
        StoreError::BackupOfAnotherStore {
            office: "AST — Акимат".into(),
            ours: "ALA — Акимат".into(),
        },
        StoreError::KeyRetired {
            office: "AST".into(),
            fingerprint: "0123456789abcdef".into(),
            on: "01.02.2026".into(),
        },
    ];
    for e in &all {
        match e {
            StoreError::Sqlite(_)
            | StoreError::Migration(_)
            | StoreError::TooNew { .. }
            | StoreError::NotAStore(_)
            | StoreError::StoreFile { .. }
            | StoreError::Rules(_)
            | StoreError::BadCredentials
            | StoreError::UserDisabled(_)
            | StoreError::LockedOut { .. }
            | StoreError::MustChangePassword
            | StoreError::NotPermitted { .. }
            | StoreError::WrongState { .. }
            | StoreError::NotFound { .. }
            | StoreError::IncompleteDocuments { .. }
            | StoreError::ReasonRequired
            | StoreError::GroundRequired
            | StoreError::GroundsHold { .. }
            | StoreError::DecisionAgainstFindings { .. }
            | StoreError::GroundNotApplicable { .. }
            | StoreError::Invalid { .. }
            | StoreError::Fields(_)
            | StoreError::CertificateNotValid { .. }
            | StoreError::NotEmpty
            | StoreError::NoOffice
            | StoreError::AuditBroken { .. }
            | StoreError::Io(_)
            | StoreError::BadPattern(_)
            | StoreError::SealLocked
            | StoreError::TableDiffers { .. }
            | StoreError::KeySlotBroken
            | StoreError::UnknownOffice { .. }
            | StoreError::OfficeKeyChanged { .. }
            | StoreError::NotHigherOffice
            | StoreError::HistoryRewritten { .. }
            | StoreError::BackupOfAnotherStore { .. }
            | StoreError::KeyRetired { .. } => {}
        }
    }
    all
}
