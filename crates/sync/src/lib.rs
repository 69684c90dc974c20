//! Manual sync: each month an official carries one file on a USB stick to the higher office.
//!
//! The file (see `docs/bundle.md`) is a ZIP archive, so the receiver can open its registers with
//! any tool, holding:
//! - `trail.bin`: the hash of every audit event of the period (and of the one before each run),
//!   by which the higher office notices a history rewritten after it was sent;
//! - `records.jsonl`: the records of the period as the higher office reads them, one JSON object
//!   a line (`anyqtama_store::exchange::Record`);
//! - `register-YYYY-MM.xlsx` for each month with decisions in the bundle (stored, not deflated
//!   again; the higher office prints a PDF register from the records when it wants one);
//! - `manifest.json`: the office (store id, code, names, keys and fingerprint), the period, the
//!   audit sequence numbers covered, schema and program versions, counts, creation time, and the
//!   size and SHA-256 of every other part (written last, when they are known).
//!
//! The archive's comment is the signer's Ed25519ph signature (RFC 8032, SHA-512 prehash) over
//! every byte before it (the whole archive, manifest included), so any changed, missing or added
//! byte is found before anything is read as data. The part checksums then name a damaged part.
//! Both ends stream (`write`, `read`): a bundle of any size is written and read in one pass, in
//! bounded memory. Bundles of format 2 (every row, the events whole) and of the first format
//! (`records.json`, plain Ed25519; `legacy`) still import.

pub mod error;
mod legacy;
mod read;
mod write;

pub use error::{Result, SyncError};
pub use read::{open, Item, Opened, Sink};
pub use write::{
    assemble, export, export_full, export_to, without_registers, Exported, RegisterFiles, Registers,
};

use anyqtama_store::exchange::{self, BundleInfo, ImportReport, OfficeIdent, Period, RecordCounts};
use anyqtama_store::{Actor, Store, StoreError};
use chrono::NaiveDateTime;
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

pub const FORMAT: &str = "anyqtama-bundle";
/// 3: what the higher office reads, the trail as hashes (`trail.bin`). 2: records as JSON Lines
/// with every row and the events whole, manifest last, Ed25519ph. 1: one `records.json`, plain
/// Ed25519. All three import.
pub const FORMAT_VERSION: u32 = 3;
/// The streamed records' part.
pub const RECORDS_PART: &str = "records.jsonl";
/// The trail's part (format 3): 40 bytes an event, its sequence number (big-endian) and hash.
pub const TRAIL_PART: &str = "trail.bin";
/// Domain separation of the signature (RFC 8032's context): a bundle's signature signs nothing
/// else the office's keys sign (seals, audit events). The same for formats 2 and 3: the signed
/// manifest says which the bundle is.
const CONTEXT: &[u8] = b"anyqtama-bundle-2";
const SIGNATURE_PREFIX: &str = "anyqtama-signature-ed25519ph:";
/// The comment: the prefix and 64 signature bytes in hex.
const COMMENT_LEN: usize = SIGNATURE_PREFIX.len() + 128;
/// The end-of-central-directory record before the comment.
const EOCD_LEN: usize = 22;

// Limits checked on the raw archive before anything is inflated, so that a hostile file is refused
// whole and in bounded memory (a 2 MB file can inflate to gigabytes).
/// A manifest is a few kilobytes.
const MAX_MANIFEST: u64 = 1 << 20;
/// No part of a bundle may declare more than this (ZIP's 32-bit sizes; no ZIP64).
const MAX_PART: u64 = 2 << 30;
const MAX_ENTRIES: usize = 1000;
/// A central directory of MAX_ENTRIES short names is far smaller.
const MAX_DIRECTORY: usize = 1 << 20;
/// No line of the records is longer (a case's record is a few kilobytes; every string in it is
/// also held to MAX_JSON_STRING).
const MAX_LINE: usize = 1 << 20;
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
    let mut depth = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string, to its closing quote, its length counted in raw bytes: jump from
                // quote or backslash to the next (most of a record's bytes are in strings).
                let start = i + 1;
                let mut at = start;
                loop {
                    match memchr::memchr2(b'"', b'\\', &bytes[at..]) {
                        Some(k) if bytes[at + k] == b'\\' => at += k + 2,
                        Some(k) => {
                            at += k;
                            break;
                        }
                        None => {
                            at = bytes.len();
                            break;
                        }
                    }
                    if at > bytes.len() {
                        at = bytes.len();
                        break;
                    }
                }
                if at - start > max_string {
                    return Err(start + max_string);
                }
                i = at + 1;
                continue;
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
        i += 1;
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

fn u16_at(b: &[u8], i: usize) -> usize {
    u16::from_le_bytes([b[i], b[i + 1]]) as usize
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// Where the central directory is, from the end record, checked to lie before it: (offset, size).
fn directory_span(eocd: &[u8], eocd_at: usize) -> Result<(usize, usize)> {
    let count = u16_at(eocd, 10);
    let size = u32_at(eocd, 12) as usize;
    let offset = u32_at(eocd, 16) as usize;
    if count > MAX_ENTRIES
        || size > MAX_DIRECTORY
        || offset.checked_add(size).is_none_or(|end| end > eocd_at)
    {
        return Err(SyncError::NotABundle("central directory".into()));
    }
    Ok((offset, size))
}

/// Reads the central directory raw: every entry's name and declared size, with the limits.
fn central_directory(eocd: &[u8], dir: &[u8]) -> Result<Vec<RawEntry>> {
    let count = u16_at(eocd, 10);
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

/// The raw directory's entries, the manifest among them and within its limit: checked before
/// anything is inflated.
fn listed_entries(eocd: &[u8], dir: &[u8]) -> Result<Vec<RawEntry>> {
    let entries = central_directory(eocd, dir)?;
    let manifest = entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .ok_or_else(|| SyncError::PartMissing("manifest.json".into()))?;
    if manifest.uncompressed > MAX_MANIFEST {
        return Err(SyncError::TooLarge("manifest.json".into()));
    }
    Ok(entries)
}

/// The 64 signature bytes an archive's comment carries after `prefix` (in hex); anything else in
/// the comment is an altered file.
fn comment_signature(comment: &[u8], prefix: &str) -> Result<[u8; 64]> {
    std::str::from_utf8(comment)
        .ok()
        .and_then(|c| c.strip_prefix(prefix))
        .and_then(|h| hex::decode(h).ok())
        .and_then(|s| <[u8; 64]>::try_from(s.as_slice()).ok())
        .ok_or(SyncError::Altered)
}

/// Bytes read at a time: from a file for its hash, inflated for the records, handed to deflate.
const CHUNK: usize = 1 << 20;

/// The next `len` bytes of `src`, a chunk at a time to `f` (a file's body to its hashes).
fn each_chunk<R: Read>(src: &mut R, len: u64, mut f: impl FnMut(&[u8])) -> std::io::Result<()> {
    let mut buf = vec![0u8; CHUNK];
    let mut left = len;
    while left > 0 {
        let n = left.min(CHUNK as u64) as usize;
        src.read_exact(&mut buf[..n])?;
        f(&buf[..n]);
        left -= n as u64;
    }
    Ok(())
}

/// A read error of a part as the bundle's fault: the reader stops a part that inflates past its
/// declared size (a bomb, not damage); anything else is damage.
fn part_error(name: &str, e: std::io::Error) -> SyncError {
    if e.to_string().contains("larger than its declared") {
        SyncError::TooLarge(name.to_string())
    } else {
        SyncError::PartDamaged(format!("{name}: {e}"))
    }
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
    f.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| part_error(name, e))?;
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

fn counts_map(c: RecordCounts) -> BTreeMap<String, usize> {
    BTreeMap::from([
        ("cases".to_string(), c.cases),
        ("certificates".to_string(), c.certificates),
        ("others".to_string(), c.others),
        ("audit_events".to_string(), c.audit_events),
    ])
}

/// The manifest, parsed within the limits (any format).
fn parse_manifest(bytes: &[u8]) -> Result<Manifest> {
    json_within_limits(bytes, MAX_JSON_STRING, MAX_JSON_DEPTH)
        .map_err(|at| SyncError::TooLarge(format!("manifest.json @{at}")))?;
    serde_json::from_slice(bytes).map_err(|e| {
        // A manifest that does not parse under a valid-looking archive: another format, or altered.
        SyncError::NotABundle(format!("manifest.json: {e}"))
    })
}

/// The office's identity key and the key that signed, as the manifest names them: the identity
/// itself, or one of the signatory keys it lists (issue 12).
fn signing_keys(manifest: &Manifest) -> Result<([u8; 32], VerifyingKey, VerifyingKey)> {
    let office = &manifest.office;
    let key_bytes = hex::decode(&office.public_key)
        .ok()
        .and_then(|k| <[u8; 32]>::try_from(k.as_slice()).ok())
        .ok_or_else(|| SyncError::KeyMismatch(office.fingerprint.clone()))?;
    let identity = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|_| SyncError::KeyMismatch(office.fingerprint.clone()))?;
    let signer = match &office.signer {
        None => identity,
        Some(fp) => office
            .keys
            .iter()
            .find(|k| &k.fingerprint == fp)
            .and_then(|k| k.verifying())
            .ok_or_else(|| SyncError::KeyNotVouched(fp.clone()))?,
    };
    Ok((key_bytes, identity, signer))
}

/// After the signature: the identity against its fingerprint; every key listed vouched for by an
/// earlier one back to the identity the higher office trusts, the signer among them (a key made
/// from a copy of the store has no endorsement); the format and schema versions.
fn check_signed_manifest(
    manifest: &Manifest,
    identity: &VerifyingKey,
    signer: &VerifyingKey,
    format_versions: &[u32],
) -> Result<()> {
    let office = &manifest.office;
    if anyqtama_store::keys::fingerprint(identity) != office.fingerprint {
        return Err(SyncError::KeyMismatch(office.fingerprint.clone()));
    }
    let vouched =
        anyqtama_store::keys::vouched(identity, &office.keys).map_err(SyncError::KeyNotVouched)?;
    if let Some(fp) = &office.signer {
        if vouched.get(fp) != Some(signer) {
            return Err(SyncError::KeyNotVouched(fp.clone()));
        }
    }
    if manifest.format != FORMAT || !format_versions.contains(&manifest.format_version) {
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
    Ok(())
}

/// Exactly the parts the manifest lists (each once: checked on the raw directory), no others,
/// none declaring more than a part may hold.
fn check_listed_parts(manifest: &Manifest, entries: &[RawEntry]) -> Result<()> {
    let listed: Vec<&str> = manifest.parts.iter().map(|p| p.name.as_str()).collect();
    if let Some(extra) = entries
        .iter()
        .find(|e| e.name != "manifest.json" && !listed.contains(&e.name.as_str()))
    {
        return Err(SyncError::PartExtra(extra.name.clone()));
    }
    if let Some(p) = manifest.parts.iter().find(|p| p.size > MAX_PART) {
        return Err(SyncError::TooLarge(p.name.clone()));
    }
    Ok(())
}

/// The parts of a bundle as stored, the manifest first, without any check: for tests and tools.
#[doc(hidden)]
pub fn unpack(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut parts: Vec<(String, Vec<u8>)> = (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut out = Vec::new();
            f.read_to_end(&mut out).expect("readable");
            (f.name().expect("a name").to_string(), out)
        })
        .collect();
    parts.sort_by_key(|(name, _)| name != "manifest.json");
    parts
}

/// A bundle whose signature, parts and counts have been checked.
#[derive(Debug)]
pub struct Verified {
    pub manifest: Manifest,
    /// The office's identity key.
    pub public_key: [u8; 32],
    /// SHA-256 of the whole file: the bundle's identity at the higher office.
    pub sha256: String,
}

/// Checks a bundle whole before anything in it is used: the signature over every byte, the key
/// against its fingerprint, the format and schema versions, every part against the manifest, every
/// record parsed and counted against the counts. Trusting the office is the store's part
/// ([`import`]).
pub fn verify(bytes: &[u8]) -> Result<Verified> {
    verify_from(Cursor::new(bytes))
}

/// [`verify`] of a file (or any reader), in one streamed pass and bounded memory.
pub fn verify_from<R: Read + Seek + Send>(source: R) -> Result<Verified> {
    let opened = open(source)?;
    let (manifest, public_key, sha256) = (
        opened.manifest.clone(),
        opened.public_key,
        opened.sha256.clone(),
    );
    opened.records(&mut |_| Ok(()))?;
    Ok(Verified {
        manifest,
        public_key,
        sha256,
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
    import_from(store, Cursor::new(bytes), opts, actor, now)
}

/// [`import`] from a file (or any reader): the signature checked in one pass over the file, then
/// the records read, checked and written in one more, in one transaction and bounded memory.
pub fn import_from<R: Read + Seek + Send>(
    store: &mut Store,
    source: R,
    opts: ImportOptions,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<ImportReport> {
    if store.has_office()? {
        return Err(StoreError::NotHigherOffice.into());
    }
    let opened = open(source)?;
    let m = &opened.manifest;
    // The signer must be an office this store already trusts with that key (or one the
    // administrator is trusting now) before any record of the bundle is inflated.
    exchange::check_trust(store, &m.office, m.created_at, opts.trust_new_office)?;
    let info = BundleInfo {
        sha256: opened.sha256.clone(),
        period: m.period_label.clone(),
        seq_from: m.seq_from,
        seq_to: m.seq_to,
        created_at: m.created_at,
    };
    let office = m.office.clone();
    let mut importer = exchange::Importer::begin(
        store,
        &office,
        &opened.public_key,
        &info,
        opts.trust_new_office,
        opts.dry_run,
        now,
    )?;
    if !importer.already_imported() {
        // A record is written as it is read; the part's checksum and the counts are checked at
        // its end, and any failure leaves the transaction uncommitted.
        opened.records(&mut |item| match item {
            Item::Trail(entries) => Ok(importer.trail(entries)?),
            Item::Record(r, raw) => Ok(importer.record_as_sent(r, raw)?),
        })?;
    }
    Ok(importer.finish(actor)?)
}

#[cfg(test)]
mod tests {
    use super::json_within_limits;
    use proptest::prelude::*;

    /// The limits byte by byte, as first written: the reference the quicker scan must agree with.
    fn reference(bytes: &[u8], max_string: usize, max_depth: usize) -> Result<(), usize> {
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

    proptest! {
        #[test]
        fn the_quick_scan_agrees_with_the_byte_by_byte_one(
            text in proptest::collection::vec(prop::sample::select(b"ab\\\"[]{}:,".to_vec()), 0..80),
            max_string in 0usize..8,
            max_depth in 0usize..4,
        ) {
            prop_assert_eq!(
                json_within_limits(&text, max_string, max_depth).is_ok(),
                reference(&text, max_string, max_depth).is_ok()
            );
        }
    }

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
