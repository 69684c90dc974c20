//! Manual sync: each month an official carries one file on a USB stick to the higher office.
//!
//! The file (see `docs/bundle.md`) is a ZIP archive, so the receiver can open its registers with
//! any tool, holding:
//! - `manifest.json`: the office (store id, code, names, key and its fingerprint), the period, the
//!   audit sequence numbers covered, schema and program versions, counts, creation time, and the
//!   size and SHA-256 of every other part;
//! - `records.json`: the records of the period (`anyqtama_store::exchange::Records`);
//! - `register-YYYY-MM.xlsx` for each month with decisions in the bundle (stored, not deflated
//!   again; the higher office prints a PDF register from the records when it wants one).
//!
//! The archive's comment is the office's Ed25519 signature over every byte before it (the whole
//! archive, manifest included), so any changed, missing or added byte is found before anything is
//! read as data. The part checksums then name a damaged part.

pub mod error;

pub use error::{Result, SyncError};

use anyqtama_store::exchange::{self, BundleInfo, ImportReport, OfficeIdent, Period, Records};
use anyqtama_store::{Actor, Store, StoreError};
use chrono::NaiveDateTime;
use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

pub const FORMAT: &str = "anyqtama-bundle";
pub const FORMAT_VERSION: u32 = 1;
const SIGNATURE_PREFIX: &str = "anyqtama-signature-ed25519:";
/// The comment: the prefix and 64 signature bytes in hex.
const COMMENT_LEN: usize = SIGNATURE_PREFIX.len() + 128;
/// The end-of-central-directory record before the comment.
const EOCD_LEN: usize = 22;

// Limits checked on the raw archive before anything is inflated, so that a hostile file is refused
// whole and in bounded memory (a 2 MB file can inflate to gigabytes).
/// A manifest is a few kilobytes.
const MAX_MANIFEST: u64 = 1 << 20;
/// No part of a bundle may declare more than this (the 100,000-case records are about 0.5 GB).
const MAX_PART: u64 = 2 << 30;
const MAX_ENTRIES: usize = 1000;
/// The deflate level of the records (1-9): see docs/benchmarks.md for the measured sizes and times.
const RECORDS_LEVEL: i64 = 3;
/// No string in a bundle's JSON is longer than this (a case's longest text is a few kilobytes; a
/// 300 MB "name" is hostile).
const MAX_JSON_STRING: usize = 64 << 10;
/// Nor nested deeper (records are four levels deep; serde_json's own limit is 128).
const MAX_JSON_DEPTH: usize = 32;

/// Checks the JSON's strings and nesting against the limits in one pass over its bytes, before it
/// is parsed, so that a hostile part is refused without building what it describes. Returns the
/// byte offset of the first breach.
fn json_within_limits(
    bytes: &[u8],
    max_string: usize,
    max_depth: usize,
) -> std::result::Result<(), usize> {
    let (mut in_string, mut escaped) = (false, false);
    let (mut len, mut depth) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                continue;
            }
            len += 1;
            if len > max_string {
                return Err(i);
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                len = 0;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Err(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// One entry of the central directory as written (the zip reader keeps one entry per name, so
/// a name given twice is found here, not there).
struct RawEntry {
    name: String,
    uncompressed: u64,
}

/// A part's name: plain letters, digits, dot, dash and underscore; no folder, no "..".
fn safe_name(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 100
        && !n.starts_with('.')
        && !n.contains("..")
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Reads the central directory raw: every entry's name and declared size, with the limits.
fn central_directory(bytes: &[u8], body: usize) -> Result<Vec<RawEntry>> {
    let eocd = &bytes[body - EOCD_LEN..body];
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as usize;
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let count = u16_at(eocd, 10);
    let size = u32_at(eocd, 12) as usize;
    let offset = u32_at(eocd, 16) as usize;
    if count > MAX_ENTRIES
        || offset
            .checked_add(size)
            .is_none_or(|end| end > body - EOCD_LEN)
    {
        return Err(SyncError::NotABundle("central directory".into()));
    }
    let dir = &bytes[offset..offset + size];
    let mut entries = Vec::with_capacity(count);
    let mut at = 0usize;
    for _ in 0..count {
        if at + 46 > dir.len() || dir[at..at + 4] != [0x50, 0x4b, 0x01, 0x02] {
            return Err(SyncError::NotABundle("central directory".into()));
        }
        let uncompressed = u32_at(dir, at + 24);
        let (name_len, extra, comment) = (
            u16_at(dir, at + 28),
            u16_at(dir, at + 30),
            u16_at(dir, at + 32),
        );
        let name_end = at + 46 + name_len;
        if name_end > dir.len() {
            return Err(SyncError::NotABundle("central directory".into()));
        }
        let name = String::from_utf8_lossy(&dir[at + 46..name_end]).to_string();
        if !safe_name(&name) {
            return Err(SyncError::BadName(name.chars().take(60).collect()));
        }
        // 0xFFFFFFFF: a ZIP64 size, larger than any part may be.
        if uncompressed == u32::MAX || u64::from(uncompressed) > MAX_PART {
            return Err(SyncError::TooLarge(name));
        }
        entries.push(RawEntry {
            name,
            uncompressed: u64::from(uncompressed),
        });
        at = name_end + extra + comment;
    }
    let mut names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err(SyncError::NotABundle("a part is named twice".into()));
    }
    Ok(entries)
}

/// Inflates one part, never more than `cap` bytes (counted as they come, whatever the archive
/// declares).
fn read_capped<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    cap: u64,
) -> Result<Vec<u8>> {
    let f = zip
        .by_name(name)
        .map_err(|_| SyncError::PartMissing(name.to_string()))?;
    let mut out = Vec::new();
    f.take(cap + 1).read_to_end(&mut out).map_err(|e| {
        // The reader stops a part that inflates past its declared size: a bomb, not damage.
        if e.to_string().contains("larger than its declared") {
            SyncError::TooLarge(name.to_string())
        } else {
            SyncError::PartDamaged(format!("{name}: {e}"))
        }
    })?;
    if out.len() as u64 > cap {
        return Err(SyncError::TooLarge(name.to_string()));
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub office: OfficeIdent,
    pub period: Period,
    pub period_label: String,
    /// The audit events covered (none: an empty period).
    pub seq_from: Option<i64>,
    pub seq_to: Option<i64>,
    /// The office's audit trail at export: its last event, anchoring the chain outside the file.
    pub audit_head_seq: i64,
    pub audit_head_hash: String,
    pub schema_version: i64,
    pub program_version: String,
    pub created_at: NaiveDateTime,
    pub counts: BTreeMap<String, usize>,
    pub parts: Vec<Part>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn counts(r: &Records) -> BTreeMap<String, usize> {
    let mut c = BTreeMap::new();
    c.insert("cases".into(), r.cases.len());
    c.insert("certificates".into(), r.certificates.len());
    c.insert("others".into(), r.others.len());
    c.insert("audit_events".into(), r.audit.len());
    c
}

/// The human-readable register files of one month, made by the caller (`crates/app` renders them;
/// this crate does not print): `(file name, bytes)`.
pub type Registers<'a> = &'a dyn Fn(
    &Store,
    (i32, u32),
    chrono::NaiveDate,
) -> std::result::Result<Vec<(String, Vec<u8>)>, StoreError>;

/// No register files: a bundle of records only (tests of the exchange itself).
pub fn without_registers(
    _: &Store,
    _: (i32, u32),
    _: chrono::NaiveDate,
) -> std::result::Result<Vec<(String, Vec<u8>)>, StoreError> {
    Ok(Vec::new())
}

/// A bundle made by [`export`].
pub struct Exported {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
}

/// Makes the bundle of a period. `Period::Since` starts after the last "since" export (its
/// `after` is ignored and taken from the store), and the store remembers where this one ended.
pub fn export(
    store: &mut Store,
    period: Period,
    actor: &Actor,
    now: NaiveDateTime,
    registers: Registers<'_>,
    signer: &anyqtama_store::keys::SealKey,
) -> Result<Exported> {
    let period = match period {
        Period::Since { .. } => Period::Since {
            after: exchange::last_export(store)?,
        },
        p => p,
    };
    let mut office = exchange::office_ident(store)?;
    if signer.fingerprint() != office.fingerprint {
        office.signer = Some(signer.fingerprint());
    }
    let records = exchange::export_records(store, period)?;
    let (head_seq, head_hash) = exchange::audit_head(store)?;
    let mut parts: Vec<(String, Vec<u8>)> = vec![(
        "records.json".into(),
        serde_json::to_vec(&records).expect("serialisable"),
    )];
    // The human-readable register: the month's, or each month a "since" bundle has decisions in.
    let months = match period {
        Period::Month { year, month } => [(year, month)].into_iter().collect(),
        Period::Since { .. } => records.decision_months(),
    };
    for (y, m) in months {
        parts.extend(registers(store, (y, m), now.date())?);
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        office,
        period,
        period_label: period.label(),
        seq_from: records.audit.first().map(|e| e.seq),
        seq_to: records.audit.last().map(|e| e.seq),
        audit_head_seq: head_seq,
        audit_head_hash: head_hash,
        schema_version: anyqtama_store::SCHEMA_VERSION,
        program_version: env!("CARGO_PKG_VERSION").into(),
        created_at: now,
        counts: counts(&records),
        parts: parts
            .iter()
            .map(|(name, bytes)| Part {
                name: name.clone(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("serialisable");
    // Signed with the key of the signatory who unlocked it with their password (issue 12).
    let key = signer.signing();
    let bytes = write_zip(&manifest_bytes, &parts, |signed| {
        key.sign(signed).to_bytes()
    })
    .map_err(|e| SyncError::NotABundle(e.to_string()))?;
    if let Period::Since { .. } = period {
        if let Some(last) = manifest.seq_to {
            exchange::mark_exported(store, last, actor, now, &manifest.period_label)?;
        }
    }
    Ok(Exported { bytes, manifest })
}

/// Writes a bundle from a manifest and parts, signed with `key`. [`export`] uses it; tests use it
/// to forge bundles (another key, another manifest) and see them refused.
#[doc(hidden)]
pub fn assemble(
    manifest: &[u8],
    parts: &[(String, Vec<u8>)],
    key: &ed25519_dalek::SigningKey,
) -> Vec<u8> {
    write_zip(manifest, parts, |signed| key.sign(signed).to_bytes()).expect("in memory")
}

/// The parts of a bundle as stored (manifest first), without any check: for tests and tools.
#[doc(hidden)]
pub fn unpack(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut out = Vec::new();
            f.read_to_end(&mut out).expect("readable");
            (f.name().expect("a name").to_string(), out)
        })
        .collect()
}

fn write_zip(
    manifest: &[u8],
    parts: &[(String, Vec<u8>)],
    sign: impl FnOnce(&[u8]) -> [u8; 64],
) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("manifest.json", options)?;
    zip.write_all(manifest)?;
    for (name, bytes) in parts {
        // An XLSX is a zip already: deflating it again costs time and saves nothing. The records
        // take a fast level (issue 14: the best level spent most of an export's time).
        let options = if name.ends_with(".xlsx") || name.ends_with(".pdf") {
            options.compression_method(zip::CompressionMethod::Stored)
        } else {
            options.compression_level(Some(RECORDS_LEVEL))
        };
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    // A placeholder of the signature's length, so the bytes before it are final; then the
    // signature over them takes its place.
    zip.set_comment("0".repeat(COMMENT_LEN))?;
    let mut bytes = zip.finish()?.into_inner();
    let body = bytes.len() - COMMENT_LEN;
    let signature = sign(&bytes[..body]);
    let comment = format!("{SIGNATURE_PREFIX}{}", hex::encode(signature));
    bytes[body..].copy_from_slice(comment.as_bytes());
    Ok(bytes)
}

/// A bundle whose signature, parts and counts have been checked.
#[derive(Debug)]
pub struct Verified {
    pub manifest: Manifest,
    pub records: Records,
    pub public_key: [u8; 32],
    /// SHA-256 of the whole file: the bundle's identity at the higher office.
    pub sha256: String,
}

/// Checks a bundle whole before anything in it is used: the signature over every byte, the key
/// against its fingerprint, the format and schema versions, every part against the manifest, the
/// records against the counts. Trusting the office is the store's part ([`import`]).
pub fn verify(bytes: &[u8]) -> Result<Verified> {
    verify_with(bytes, |_| Ok(()))
}

/// [`verify`], asking `trust` about the signer once the signature is checked and before any part
/// is read.
pub fn verify_with(bytes: &[u8], trust: impl FnOnce(&Manifest) -> Result<()>) -> Result<Verified> {
    if bytes.len() < EOCD_LEN + COMMENT_LEN {
        return Err(SyncError::NotABundle("too short".into()));
    }
    let body = bytes.len() - COMMENT_LEN;
    let eocd = &bytes[body - EOCD_LEN..body];
    let comment_len = u16::from_le_bytes([eocd[20], eocd[21]]) as usize;
    if eocd[..4] != [0x50, 0x4b, 0x05, 0x06] || comment_len != COMMENT_LEN {
        return Err(SyncError::NotABundle("no signed end record".into()));
    }
    let comment = std::str::from_utf8(&bytes[body..])
        .ok()
        .and_then(|c| c.strip_prefix(SIGNATURE_PREFIX))
        .and_then(|h| hex::decode(h).ok())
        .and_then(|s| <[u8; 64]>::try_from(s.as_slice()).ok())
        .ok_or(SyncError::Altered)?;
    // Names, count and declared sizes from the raw directory before anything is inflated.
    let entries = central_directory(bytes, body)?;
    let manifest_entry = entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .ok_or_else(|| SyncError::PartMissing("manifest.json".into()))?;
    if manifest_entry.uncompressed > MAX_MANIFEST {
        return Err(SyncError::TooLarge("manifest.json".into()));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SyncError::NotABundle(e.to_string()))?;
    let manifest_bytes = read_capped(&mut zip, "manifest.json", MAX_MANIFEST)?;
    json_within_limits(&manifest_bytes, MAX_JSON_STRING, MAX_JSON_DEPTH)
        .map_err(|at| SyncError::TooLarge(format!("manifest.json @{at}")))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes).map_err(|e| {
        // A manifest that does not parse under a valid-looking archive: another format, or altered.
        SyncError::NotABundle(format!("manifest.json: {e}"))
    })?;
    let office = &manifest.office;
    let key_bytes = hex::decode(&office.public_key)
        .ok()
        .and_then(|k| <[u8; 32]>::try_from(k.as_slice()).ok())
        .ok_or_else(|| SyncError::KeyMismatch(office.fingerprint.clone()))?;
    let identity = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|_| SyncError::KeyMismatch(office.fingerprint.clone()))?;
    // The signer: the identity itself, or one of the signatory keys the manifest lists (issue 12).
    let key = match &office.signer {
        None => identity,
        Some(fp) => office
            .keys
            .iter()
            .find(|k| &k.fingerprint == fp)
            .and_then(|k| k.verifying())
            .ok_or_else(|| SyncError::KeyNotVouched(fp.clone()))?,
    };
    key.verify(&bytes[..body], &Signature::from_bytes(&comment))
        .map_err(|_| SyncError::Altered)?;
    if anyqtama_store::keys::fingerprint(&identity) != office.fingerprint {
        return Err(SyncError::KeyMismatch(office.fingerprint.clone()));
    }
    // Every key listed is vouched for by an earlier one back to the identity the higher office
    // trusts, the signer among them: a key made from a copy of the store has no endorsement.
    let vouched =
        anyqtama_store::keys::vouched(&identity, &office.keys).map_err(SyncError::KeyNotVouched)?;
    if let Some(fp) = &office.signer {
        if vouched.get(fp) != Some(&key) {
            return Err(SyncError::KeyNotVouched(fp.clone()));
        }
    }
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err(SyncError::UnknownFormat(format!(
            "{}/{}",
            manifest.format, manifest.format_version
        )));
    }
    if manifest.schema_version > anyqtama_store::SCHEMA_VERSION {
        return Err(SyncError::TooNew {
            found: manifest.schema_version,
            known: anyqtama_store::SCHEMA_VERSION,
        });
    }
    // The signer's trust, before any part is inflated: a bundle signed with a key the importing
    // store does not trust is refused here.
    trust(&manifest)?;
    let listed: Vec<&str> = manifest.parts.iter().map(|p| p.name.as_str()).collect();
    // Exactly the parts the manifest lists (each once: checked on the raw directory), no others.
    if let Some(extra) = entries
        .iter()
        .find(|e| e.name != "manifest.json" && !listed.contains(&e.name.as_str()))
    {
        return Err(SyncError::PartExtra(extra.name.clone()));
    }
    let mut records = None;
    for part in &manifest.parts {
        if part.size > MAX_PART {
            return Err(SyncError::TooLarge(part.name.clone()));
        }
        // Never more than the manifest says (the signature covers the manifest).
        let content = read_capped(&mut zip, &part.name, part.size).map_err(|e| match e {
            SyncError::TooLarge(n) => SyncError::PartDamaged(n),
            e => e,
        })?;
        if content.len() as u64 != part.size || sha256_hex(&content) != part.sha256 {
            return Err(SyncError::PartDamaged(part.name.clone()));
        }
        if part.name == "records.json" {
            json_within_limits(&content, MAX_JSON_STRING, MAX_JSON_DEPTH)
                .map_err(|at| SyncError::TooLarge(format!("records.json @{at}")))?;
            records = Some(
                serde_json::from_slice::<Records>(&content)
                    .map_err(|e| SyncError::PartDamaged(format!("records.json: {e}")))?,
            );
        }
    }
    let records = records.ok_or_else(|| SyncError::PartMissing("records.json".into()))?;
    let found = counts(&records);
    if found != manifest.counts {
        return Err(SyncError::Counts(format!(
            "{:?} != {:?}",
            found, manifest.counts
        )));
    }
    Ok(Verified {
        manifest,
        records,
        public_key: key_bytes,
        sha256: sha256_hex(bytes),
    })
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Trust an office seen for the first time (its fingerprint is shown to compare first).
    pub trust_new_office: bool,
    /// Check and report, keep nothing.
    pub dry_run: bool,
}

/// Verifies a bundle and imports it into a higher office's store in one transaction. Importing
/// the same file again changes nothing; an older bundle never overwrites newer records.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    opts: ImportOptions,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<ImportReport> {
    // The signer must be an office this store already trusts with that key (or one the
    // administrator is trusting now) before anything of the bundle is inflated.
    if store.has_office()? {
        return Err(StoreError::NotHigherOffice.into());
    }
    let v = verify_with(bytes, |m| {
        exchange::check_trust(store, &m.office, m.created_at, opts.trust_new_office)?;
        Ok(())
    })?;
    let info = BundleInfo {
        sha256: v.sha256.clone(),
        period: v.manifest.period_label.clone(),
        seq_from: v.manifest.seq_from,
        seq_to: v.manifest.seq_to,
        created_at: v.manifest.created_at,
    };
    Ok(exchange::import_records(
        store,
        &v.manifest.office,
        &v.public_key,
        &info,
        &v.records,
        opts.trust_new_office,
        opts.dry_run,
        actor,
        now,
    )?)
}

#[cfg(test)]
mod tests {
    use super::json_within_limits;

    #[test]
    fn json_limits_count_strings_and_nesting_outside_strings() {
        assert_eq!(json_within_limits(br#"{"a":["xyz"]}"#, 3, 2), Ok(()));
        assert_eq!(json_within_limits(br#"{"a":["wxyz"]}"#, 3, 2), Err(10));
        assert_eq!(json_within_limits(br#"{"a":[["x"]]}"#, 3, 2), Err(6));
        // Brackets and escaped quotes inside a string are the string's.
        assert_eq!(json_within_limits(br#"{"[[\"":1}"#, 4, 1), Ok(()));
        assert_eq!(json_within_limits(br#"{"[[\"x":1}"#, 4, 1), Err(6));
    }
}
