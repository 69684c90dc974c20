//! Bundles of the first format (issue 6 to 13): one `records.json` document, the comment a plain
//! Ed25519 signature over the bytes before it. They are read whole, as they were written; offices
//! that still hold such files import them unchanged.

use super::*;
use anyqtama_store::exchange::Records;
use ed25519_dalek::{Signature, Verifier};

pub(crate) const SIGNATURE_PREFIX: &str = "anyqtama-signature-ed25519:";
pub(crate) const COMMENT_LEN: usize = SIGNATURE_PREFIX.len() + 128;
const RECORDS: &str = "records.json";

/// A first-format bundle checked whole: its manifest, records, the identity key.
pub(crate) struct Legacy {
    pub manifest: Manifest,
    pub records: Records,
    pub public_key: [u8; 32],
}

/// Checks a first-format bundle whole: the signature over every byte, the keys, the versions,
/// every part against the manifest and the records against the counts.
pub(crate) fn verify(bytes: &[u8]) -> Result<Legacy> {
    if bytes.len() < EOCD_LEN + COMMENT_LEN {
        return Err(SyncError::NotABundle("too short".into()));
    }
    let body = bytes.len() - COMMENT_LEN;
    let eocd = &bytes[body - EOCD_LEN..body];
    let comment_len = u16_at(eocd, 20);
    if eocd[..4] != [0x50, 0x4b, 0x05, 0x06] || comment_len != COMMENT_LEN {
        return Err(SyncError::NotABundle("no signed end record".into()));
    }
    let comment = comment_signature(&bytes[body..], SIGNATURE_PREFIX)?;
    // Names, count and declared sizes from the raw directory before anything is inflated.
    let (offset, size) = directory_span(eocd, body - EOCD_LEN)?;
    let entries = listed_entries(eocd, &bytes[offset..offset + size])?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SyncError::NotABundle(e.to_string()))?;
    let manifest = parse_manifest(&read_capped(&mut zip, "manifest.json", MAX_MANIFEST)?)?;
    let (public_key, identity, signer) = signing_keys(&manifest)?;
    signer
        .verify(&bytes[..body], &Signature::from_bytes(&comment))
        .map_err(|_| SyncError::Altered)?;
    check_signed_manifest(&manifest, &identity, &signer, &[1])?;
    check_listed_parts(&manifest, &entries)?;
    let mut records = None;
    for part in &manifest.parts {
        // Never more than the manifest says (the signature covers the manifest).
        let content = read_capped(&mut zip, &part.name, part.size).map_err(|e| match e {
            SyncError::TooLarge(n) => SyncError::PartDamaged(n),
            e => e,
        })?;
        if content.len() as u64 != part.size || sha256_hex(&content) != part.sha256 {
            return Err(SyncError::PartDamaged(part.name.clone()));
        }
        if part.name == RECORDS {
            json_within_limits(&content, MAX_JSON_STRING, MAX_JSON_DEPTH)
                .map_err(|at| SyncError::TooLarge(format!("{RECORDS} @{at}")))?;
            records = Some(
                serde_json::from_slice::<Records>(&content)
                    .map_err(|e| SyncError::PartDamaged(format!("{RECORDS}: {e}")))?,
            );
        }
    }
    let records = records.ok_or_else(|| SyncError::PartMissing(RECORDS.into()))?;
    let found = counts_map(records.counts());
    if found != manifest.counts {
        return Err(SyncError::Counts(format!(
            "{:?} != {:?}",
            found, manifest.counts
        )));
    }
    Ok(Legacy {
        manifest,
        records,
        public_key,
    })
}
