//! The schema, as numbered migrations (rusqlite_migration, kept in SQLite's `user_version`).
//!
//! A store written by a newer program has a higher version than this program knows: it is refused
//! with a clear message rather than opened and misread.

use rusqlite_migration::{Migrations, M};

const V1: &str = r#"
-- Key-value facts about this store: its id, the audit chain's head.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- The office (local executive body) this store belongs to: one row.
CREATE TABLE office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,              -- short code used in certificate numbers, e.g. ALA
    name_kk TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
    region_kk TEXT NOT NULL, region_ru TEXT NOT NULL, region_en TEXT NOT NULL,
    address TEXT NOT NULL,
    hours_open TEXT NOT NULL DEFAULT '09:00',
    hours_close TEXT NOT NULL DEFAULT '18:30',
    number_pattern TEXT NOT NULL DEFAULT '{office}-{year}-{seq:05}'
) STRICT;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'kk' CHECK (lang IN ('kk','ru','en')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('registrar','secretary','head','admin')),
    PRIMARY KEY (user_id, role)
) STRICT;

CREATE TABLE commission_members (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    position TEXT NOT NULL,
    organisation TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

-- Next number per year; offices that issued on paper start where their paper register ended.
CREATE TABLE number_sequences (year INTEGER PRIMARY KEY, next INTEGER NOT NULL CHECK (next >= 1)) STRICT;

CREATE TABLE applicants (
    id INTEGER PRIMARY KEY,
    surname_latin TEXT NOT NULL,
    given_names_latin TEXT NOT NULL,
    surname_cyrillic TEXT NOT NULL DEFAULT '',
    given_names_cyrillic TEXT NOT NULL DEFAULT '',
    patronymic TEXT NOT NULL DEFAULT '',
    name_native TEXT NOT NULL DEFAULT '',
    birth_date TEXT,
    citizenship TEXT NOT NULL,         -- ISO 3166 alpha-3, or XXA for a stateless person
    passport_number TEXT NOT NULL,
    passport_issued_on TEXT,
    passport_issuer TEXT NOT NULL DEFAULT '',
    iin TEXT,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address_kz TEXT NOT NULL DEFAULT '',
    residence_address TEXT NOT NULL DEFAULT '',
    residence_phone TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX applicants_passport ON applicants(passport_number);

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,
    copy INTEGER NOT NULL DEFAULT 0,   -- 0 the original, 1.. its duplicates (same number)
    case_id INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    profession_id TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('valid','superseded','revoked','replaced')),
    invalid_from TEXT,                 -- superseded, revoked or replaced from this day
    replaces_id INTEGER REFERENCES certificates(id),   -- a reissue: the certificate it replaces
    UNIQUE (number, copy)
) STRICT;
CREATE INDEX certificates_issued ON certificates(issued_on);
CREATE INDEX certificates_valid_to ON certificates(valid_to);
CREATE INDEX certificates_applicant ON certificates(applicant_id);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('issue','extend','reissue','duplicate')),
    status TEXT NOT NULL CHECK (status IN ('registered','not_accepted','sent_to_commission','assessed','issued','refused')),
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    received_at TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    rule_set TEXT NOT NULL,
    profession_id TEXT NOT NULL,
    certificate_id INTEGER REFERENCES certificates(id), -- extend/reissue/duplicate: the one concerned
    employer_name TEXT,
    employer_bin TEXT,
    contract_from TEXT,
    contract_to TEXT,
    change_ground TEXT CHECK (change_ground IN ('name_change','identity_document_change','employer_change')),
    event_on TEXT,                     -- contract, change or loss date the applicant's 5 days run from
    filed_late INTEGER NOT NULL DEFAULT 0 CHECK (filed_late IN (0,1)),
    sent_to_commission_on TEXT,
    decided_on TEXT,
    result_certificate_id INTEGER REFERENCES certificates(id),
    created_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_registered ON cases(registered_on);
CREATE INDEX cases_applicant ON cases(applicant_id);

CREATE TABLE case_documents (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    present INTEGER NOT NULL CHECK (present IN (0,1)),
    valid_until TEXT,
    PRIMARY KEY (case_id, kind)
) STRICT;

CREATE TABLE acceptance_refusals (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    missing TEXT NOT NULL,             -- JSON list of document kinds
    expired TEXT NOT NULL,             -- JSON list of document kinds
    note TEXT NOT NULL
) STRICT;

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    document_kind TEXT,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_at TEXT NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE sittings (
    id INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE sitting_members (
    sitting_id INTEGER NOT NULL REFERENCES sittings(id),
    member_id INTEGER NOT NULL REFERENCES commission_members(id),
    present INTEGER NOT NULL CHECK (present IN (0,1)),
    PRIMARY KEY (sitting_id, member_id)
) STRICT;

CREATE TABLE assessments (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    sitting_id INTEGER NOT NULL REFERENCES sittings(id),
    rule_set TEXT NOT NULL,
    inputs TEXT NOT NULL,              -- JSON: education, periods, qualification, reliability
    points TEXT NOT NULL,              -- JSON per criterion
    total INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    recommendation TEXT NOT NULL CHECK (recommendation IN ('issue','refuse')),
    refusal_grounds TEXT NOT NULL,     -- JSON list
    commission_decision TEXT NOT NULL CHECK (commission_decision IN ('issue','refuse')),
    departure_reason TEXT,
    decided_on TEXT NOT NULL
) STRICT;

CREATE TABLE decisions (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('issue','refuse')),
    decided_on TEXT NOT NULL,
    refusal_grounds TEXT NOT NULL,     -- JSON list
    reason TEXT,
    departs INTEGER NOT NULL CHECK (departs IN (0,1)),
    decided_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE extensions (
    id INTEGER PRIMARY KEY,
    certificate_id INTEGER NOT NULL REFERENCES certificates(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    employer_name TEXT NOT NULL,
    employer_bin TEXT NOT NULL,
    contract_from TEXT NOT NULL,
    contract_to TEXT NOT NULL,
    previous_valid_to TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL
) STRICT;

CREATE TABLE revocations (
    certificate_id INTEGER PRIMARY KEY REFERENCES certificates(id),
    body TEXT NOT NULL,
    act_number TEXT NOT NULL,
    act_date TEXT NOT NULL,
    revoked_on TEXT NOT NULL,
    revoked_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    certificate_id INTEGER NOT NULL REFERENCES certificates(id),
    kind TEXT NOT NULL CHECK (kind IN ('employer_change','contract_termination')),
    event_on TEXT NOT NULL,
    received_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    late INTEGER NOT NULL CHECK (late IN (0,1)),
    note TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id),
    addressee TEXT NOT NULL CHECK (addressee IN ('leb','quality_body')),
    received_at TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    forward_due TEXT,                  -- p.24: forwarded within 3 working days unless satisfied
    review_due TEXT NOT NULL,          -- p.25: 5 working days; p.26: 15
    status TEXT NOT NULL CHECK (status IN ('open','satisfied','forwarded','rejected')),
    resolved_on TEXT,
    summary TEXT NOT NULL,
    outcome TEXT
) STRICT;

-- The audit trail: append-only, each event chained to the one before by its hash.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    login TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Search: one row per case, folded text of names in every script, passport, IIN/BIN, numbers.
CREATE VIRTUAL TABLE case_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 0');
"#;

/// Office signing keys (Ed25519): this office's own, with its secret, and other offices' public keys
/// for checking their certificates' QR codes.
const V2: &str = r#"
CREATE TABLE office_keys (
    fingerprint TEXT PRIMARY KEY,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    secret_key BLOB CHECK (secret_key IS NULL OR length(secret_key) = 32),
    office_name TEXT NOT NULL,
    own INTEGER NOT NULL CHECK (own IN (0,1)),
    added_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX office_keys_one_own ON office_keys(own) WHERE own = 1;
"#;

/// What the administrator changes in the law as data: a rule set's confirmed date of entry into
/// force (order 426's publication), and transfers of days off by Government decree (the calendar
/// editor). Applied over the shipped data each time the store opens.
const V3: &str = r#"
CREATE TABLE rule_set_dates (
    rule_set TEXT PRIMARY KEY,
    effective_from TEXT NOT NULL,
    source TEXT NOT NULL
) STRICT;
CREATE TABLE calendar_transfers (
    day_off TEXT PRIMARY KEY,
    working_day TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL
) STRICT;
"#;

/// A higher office's consolidated records, from the offices' bundles (issue 6). Each office is
/// known by its store id and the fingerprint of its key; each record carries the version (the
/// office's audit sequence number of its last change) so an older bundle never overwrites newer
/// data, and a bundle imported again changes nothing.
const V4: &str = r#"
CREATE TABLE hq_offices (
    office_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name_kk TEXT NOT NULL, name_ru TEXT NOT NULL, name_en TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    trusted_at TEXT NOT NULL
) STRICT;
CREATE TABLE hq_bundles (
    sha256 TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES hq_offices(office_id),
    period TEXT NOT NULL,
    seq_from INTEGER, seq_to INTEGER,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    report TEXT NOT NULL
) STRICT;
CREATE TABLE hq_cases (
    office_id TEXT NOT NULL, case_id INTEGER NOT NULL, version INTEGER NOT NULL,
    kind TEXT NOT NULL, status TEXT NOT NULL, registered_on TEXT NOT NULL, decided_on TEXT,
    holder TEXT NOT NULL, passport TEXT NOT NULL, citizenship TEXT NOT NULL, profession_id TEXT NOT NULL,
    result_certificate_id INTEGER, data TEXT NOT NULL,
    PRIMARY KEY (office_id, case_id)
) STRICT;
CREATE TABLE hq_certificates (
    office_id TEXT NOT NULL, certificate_id INTEGER NOT NULL, version INTEGER NOT NULL,
    number TEXT NOT NULL, copy INTEGER NOT NULL, case_id INTEGER NOT NULL,
    holder TEXT NOT NULL, passport TEXT NOT NULL, passport_key TEXT NOT NULL, citizenship TEXT NOT NULL,
    profession_id TEXT NOT NULL, issued_on TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,
    status TEXT NOT NULL, invalid_from TEXT, data TEXT NOT NULL,
    PRIMARY KEY (office_id, certificate_id)
) STRICT;
CREATE INDEX hq_certificates_number ON hq_certificates(number, copy);
-- An office's export reads these per case.
CREATE INDEX extensions_case ON extensions(case_id);
CREATE INDEX attachments_case ON attachments(case_id);
CREATE INDEX hq_certificates_passport ON hq_certificates(passport_key);
CREATE TABLE hq_records (
    office_id TEXT NOT NULL, kind TEXT NOT NULL, record_id INTEGER NOT NULL, version INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (office_id, kind, record_id)
) STRICT;
CREATE TABLE hq_audit (
    office_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, hash TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (office_id, seq)
) STRICT;
CREATE TABLE hq_conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('passport_overlap', 'number_content', 'audit_differs')),
    key TEXT NOT NULL UNIQUE,
    detail TEXT NOT NULL,
    found_at TEXT NOT NULL,
    bundle TEXT NOT NULL
) STRICT;
"#;

/// App 2 p.5 and p.9: a refusal of the service is reasoned on the grounds of p.9. The Writer checks
/// it; these triggers make the table itself refuse a groundless refusal, whoever writes it.
const V5: &str = r#"
CREATE TRIGGER decisions_refusal_has_ground BEFORE INSERT ON decisions
WHEN NEW.outcome = 'refuse' AND (NEW.refusal_grounds IS NULL OR json_valid(NEW.refusal_grounds) = 0
     OR json_array_length(NEW.refusal_grounds) = 0)
BEGIN SELECT RAISE(ABORT, 'a refusal of the service needs a ground of App 2 p.9'); END;
CREATE TRIGGER decisions_refusal_keeps_ground BEFORE UPDATE ON decisions
WHEN NEW.outcome = 'refuse' AND (NEW.refusal_grounds IS NULL OR json_valid(NEW.refusal_grounds) = 0
     OR json_array_length(NEW.refusal_grounds) = 0)
BEGIN SELECT RAISE(ABORT, 'a refusal of the service needs a ground of App 2 p.9'); END;
-- The consolidated register finds a certificate's first extension (for the term it was issued with).
CREATE INDEX hq_cases_extension_of ON hq_cases(office_id, json_extract(data, '$.extensions[0].certificate_id'))
    WHERE kind = 'extend';
"#;

/// Issue 12: the certificate is sealed when it is decided. The seal (the signed QR payload) and who
/// sealed it are stored with it; a print embeds the stored seal and needs no key.
const V6: &str = r#"
ALTER TABLE certificates ADD COLUMN seal TEXT;
ALTER TABLE certificates ADD COLUMN sealed_by INTEGER REFERENCES users(id);
"#;

/// Issue 12: the office key's secret is kept only encrypted, once for each signatory (head,
/// administrator), under a key derived from their own password; `office_keys.secret_key` is
/// emptied once every signatory holds a slot.
const V7: &str = r#"
CREATE TABLE key_slots (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    fingerprint TEXT NOT NULL REFERENCES office_keys(fingerprint),
    salt BLOB NOT NULL CHECK (length(salt) = 16),
    nonce BLOB NOT NULL CHECK (length(nonce) = 24),
    wrapped BLOB NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
"#;

/// Issue 12: an audit event written by a signatory signed in with their password carries the
/// office key's signature over its hash, so a consistent rewrite of the trail inside the file is
/// found: nobody without a signatory's password can sign the rewritten events.
const V8: &str = r#"
ALTER TABLE audit ADD COLUMN signature TEXT;
"#;

/// Issue 12: each signatory holds a key of their own. The office's first key (made at setup, in
/// `office_keys` with `own = 1`) is its identity, which the higher office trusts by its
/// fingerprint; every later key is vouched for (endorsed) by a key of the office that came before
/// it, so a key inserted into the file by someone without a signatory's password is found. A key
/// is retired (not deleted) when its holder's password is reset or they no longer sign, so old
/// seals and bundles still verify. The slots now hold each person's own key.
const V9: &str = r#"
CREATE TABLE signatory_keys (
    fingerprint TEXT PRIMARY KEY,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    user_id INTEGER NOT NULL REFERENCES users(id),
    login TEXT NOT NULL,
    full_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT,
    endorsed_by TEXT,
    endorsement TEXT,
    CHECK ((endorsed_by IS NULL) = (endorsement IS NULL))
) STRICT;
CREATE INDEX signatory_keys_user ON signatory_keys(user_id);
-- The office's first key belonged to whoever made it at setup.
INSERT INTO signatory_keys (fingerprint, public_key, user_id, login, full_name, created_at)
SELECT k.fingerprint, k.public_key, u.id, u.login, u.full_name, k.added_at
FROM office_keys k
JOIN users u ON u.id = coalesce(
    (SELECT user_id FROM audit WHERE action = 'office_key' AND entity_id = k.fingerprint ORDER BY seq LIMIT 1),
    (SELECT min(user_id) FROM user_roles WHERE role = 'admin'))
WHERE k.own = 1;
CREATE TABLE key_slots_v9 (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    fingerprint TEXT NOT NULL REFERENCES signatory_keys(fingerprint),
    salt BLOB NOT NULL CHECK (length(salt) = 16),
    nonce BLOB NOT NULL CHECK (length(nonce) = 24),
    wrapped BLOB NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
INSERT INTO key_slots_v9 SELECT s.* FROM key_slots s WHERE s.fingerprint IN (SELECT fingerprint FROM signatory_keys);
DROP TABLE key_slots;
ALTER TABLE key_slots_v9 RENAME TO key_slots;
-- A higher office's record of each office's signatory keys, from the bundles' endorsements.
CREATE TABLE hq_office_keys (
    office_id TEXT NOT NULL REFERENCES hq_offices(office_id),
    fingerprint TEXT NOT NULL,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    login TEXT NOT NULL,
    full_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT,
    endorsed_by TEXT,
    endorsement TEXT,
    added_at TEXT NOT NULL,
    PRIMARY KEY (office_id, fingerprint)
) STRICT;
"#;

/// Issue 12, item 4: each event's record of the rows its transaction changed (`crate::rows`),
/// part of the event's hash.
const V10: &str = r#"
ALTER TABLE audit ADD COLUMN rows TEXT;
"#;

/// Issue 14: a month's register (and a bundle's, one per month it covers) finds the cases decided
/// in it, and each certificate's first extension, by index instead of walking the tables (a
/// month's register of a 100,000-case store took a second, the 60 of an export most of a minute).
const V11: &str = r#"
CREATE INDEX cases_decided_on ON cases(decided_on);
-- The register shows each certificate's term before its first extension: looked up per row.
CREATE INDEX extensions_certificate ON extensions(certificate_id);
"#;

/// Issue 15: sign-in safety. Both are tables of their own, not columns of `users`, so that the
/// row record of every existing user (issue 12) stays what it was.
/// - `password_expired`: the administrator reset this user's password; they must choose their own
///   at their next sign-in before anything else (set and cleared by audited events).
/// - `sign_in_failures`: wrong passwords in a row, and the lockout they led to. Not part of the row
///   record (a count of attempts is not a legal record; the lockout itself is an audit event).
const V12: &str = r#"
CREATE TABLE password_expired (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    since TEXT NOT NULL
);
CREATE TABLE sign_in_failures (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    failures INTEGER NOT NULL,
    locked_until TEXT
);
"#;

/// The dashboard asks when the last backup was: without this the question read the whole trail
/// (about a second on a store of 100,000 cases); the index holds the backups' events only.
const V13: &str = r#"
CREATE INDEX audit_backups ON audit(seq) WHERE action = 'backup';
"#;

/// A bundle gives each record the sequence number of its entity's last event: without this the
/// question read the whole trail at every export (0.4 s of a month's 0.7 s on a store of 100,000
/// cases, issue 14); the index answers it from the entities' ids alone.
const V14: &str = r#"
CREATE INDEX audit_entity ON audit(entity, entity_id, seq);
"#;

/// Issue 14, bundles of format 3 (`docs/bundle.md`):
/// - `audit_trail`: a bundle carries each event's hash; the index holds what the export reads of
///   an event (its time for a month, its entity for the records, its hash), so the export does not
///   read the events' rows with their content (most of a store's bytes).
/// - `hq_trail`: the higher office keeps an office's trail as sent, in chunks of consecutive
///   events (at most 4,096, never across a multiple of 4,096), each chunk their hashes end to end.
const V15: &str = r#"
CREATE INDEX audit_trail ON audit(seq, at, entity, entity_id, hash);
CREATE TABLE hq_trail (
    office_id TEXT NOT NULL,
    seq_first INTEGER NOT NULL,
    seq_last INTEGER NOT NULL CHECK (seq_last >= seq_first),
    hashes BLOB NOT NULL CHECK (length(hashes) = 32 * (seq_last - seq_first + 1)),
    PRIMARY KEY (office_id, seq_first, seq_last)
) STRICT;
"#;

/// A month's register lists the month's refusals to accept: found by date, not by walking every
/// refusal to accept of all time (each of the 61 registers of a five-year office's bundle did).
const V16: &str = r#"
CREATE INDEX cases_not_accepted ON cases(registered_on) WHERE status = 'not_accepted';
"#;

/// All migrations, oldest first. Append, never edit: a shipped migration is history.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(V6),
        M::up(V7),
        M::up(V8),
        M::up(V9),
        M::up(V10),
        M::up(V11),
        M::up(V12),
        M::up(V13),
        M::up(V14),
        M::up(V15),
        M::up(V16),
    ])
}

/// The schema version this program writes.
pub const VERSION: i64 = 16;
