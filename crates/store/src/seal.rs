//! The certificate's seal: its essential data and the office's Ed25519 signature, made when the
//! certificate is decided and stored with it (issue 12), printed as the QR code so that anyone
//! with the app can check a printed certificate offline. Printing embeds the stored seal; a draft
//! carries a code that says "draft" and is never genuine.
//!
//! Payload (ASCII, for QR byte mode):
//! `ANQ1|<signing key fingerprint>|<number>|<copy>|<issued on>|<valid from>|<valid to>|<holder>|<profession id>|<signature>`
//! The signature (base64url, no padding) is over everything before its `|`.

use base64::Engine;
use chrono::NaiveDate;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::Serialize;
use sha2::{Digest, Sha256};
use thiserror::Error;

const MAGIC: &str = "ANQ1";
/// A draft's code: the number only, unsigned, so no draft ever verifies as a certificate.
const DRAFT: &str = "ANQ1-DRAFT";

/// The data a QR carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct QrData {
    pub office: String,
    pub number: String,
    pub copy: u32,
    pub issued_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub holder: String,
    pub profession_id: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum QrError {
    #[error("not an Anyqtama certificate code")]
    Malformed,
    #[error("signed by an office this store does not know ({0})")]
    UnknownOffice(String),
    #[error("the data does not match its signature: it was altered or forged")]
    BadSignature,
    #[error("the code of a draft: a draft is not a certificate")]
    Draft(String),
}

impl QrError {
    pub fn code(&self) -> &'static str {
        match self {
            QrError::Malformed => "qr-malformed",
            QrError::UnknownOffice(_) => "qr-unknown-office",
            QrError::BadSignature => "qr-bad-signature",
            QrError::Draft(_) => "qr-draft",
        }
    }
}

/// The short fingerprint of an office's public key: 16 hex digits of its SHA-256.
pub fn fingerprint(key: &VerifyingKey) -> String {
    hex::encode(&Sha256::digest(key.as_bytes())[..8])
}

pub(crate) fn clean(s: &str) -> String {
    // The separator and anything outside printable ASCII would not survive the QR's byte mode.
    s.chars()
        .map(|c| {
            if c == '|' || !c.is_ascii() || c.is_ascii_control() {
                '?'
            } else {
                c
            }
        })
        .collect()
}

fn body(d: &QrData) -> String {
    format!(
        "{MAGIC}|{}|{}|{}|{}|{}|{}|{}|{}",
        d.office,
        clean(&d.number),
        d.copy,
        d.issued_on,
        d.valid_from,
        d.valid_to,
        clean(&d.holder),
        clean(&d.profession_id)
    )
}

/// Signs the data with a signatory's key; `data.office` is set to the key's fingerprint (which
/// names the office and the signatory through the keys a store knows).
pub fn sign(key: &SigningKey, data: &QrData) -> String {
    let mut d = data.clone();
    d.office = fingerprint(&key.verifying_key());
    let body = body(&d);
    let sig = key.sign(body.as_bytes());
    format!(
        "{body}|{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sig.to_bytes())
    )
}

/// The code printed on a draft: it names the number and says "draft"; it carries no signature.
pub fn draft_payload(number: &str) -> String {
    format!("{DRAFT}|{}", clean(number))
}

/// Checks a scanned payload against the office keys known (fingerprint, key).
pub fn verify(payload: &str, known: &[VerifyingKey]) -> Result<QrData, QrError> {
    let payload = payload.trim();
    if let Some(number) = payload
        .strip_prefix(DRAFT)
        .and_then(|r| r.strip_prefix('|'))
    {
        return Err(QrError::Draft(number.chars().take(40).collect()));
    }
    let (body, sig) = payload.rsplit_once('|').ok_or(QrError::Malformed)?;
    let f: Vec<&str> = body.split('|').collect();
    if f.len() != 9 || f[0] != MAGIC {
        return Err(QrError::Malformed);
    }
    let date = |s: &str| s.parse::<NaiveDate>().map_err(|_| QrError::Malformed);
    let data = QrData {
        office: f[1].to_string(),
        number: f[2].to_string(),
        copy: f[3].parse().map_err(|_| QrError::Malformed)?,
        issued_on: date(f[4])?,
        valid_from: date(f[5])?,
        valid_to: date(f[6])?,
        holder: f[7].to_string(),
        profession_id: f[8].to_string(),
    };
    let key = known
        .iter()
        .find(|k| fingerprint(k) == data.office)
        .ok_or_else(|| QrError::UnknownOffice(data.office.clone()))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| QrError::BadSignature)?;
    let sig = Signature::from_slice(&bytes).map_err(|_| QrError::BadSignature)?;
    key.verify(body.as_bytes(), &sig)
        .map_err(|_| QrError::BadSignature)?;
    Ok(data)
}

/// Seals certificate `id` as it now stands in the store (number, copy, dates, holder, profession)
/// and stores the seal with it, naming who sealed it. Returns the seal.
/// The columns a seal covers, as read from `certificates c JOIN applicants a`.
pub(crate) const SEALED_COLUMNS: &str = "c.number, c.copy, c.issued_on, c.valid_from, c.valid_to,
    a.surname_latin || ' ' || a.given_names_latin, c.profession_id";

/// The data a seal covers, from a row that has [`SEALED_COLUMNS`] from column `at` on.
pub(crate) fn sealed_data(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<QrData> {
    Ok(QrData {
        office: String::new(),
        number: r.get(at)?,
        copy: r.get(at + 1)?,
        issued_on: r.get(at + 2)?,
        valid_from: r.get(at + 3)?,
        valid_to: r.get(at + 4)?,
        holder: r.get(at + 5)?,
        profession_id: r.get(at + 6)?,
    })
}

pub(crate) fn store_seal(
    conn: &rusqlite::Connection,
    id: i64,
    key: &SigningKey,
    by: Option<i64>,
) -> crate::Result<String> {
    let data: QrData = conn.query_row(
        &format!(
            "SELECT {SEALED_COLUMNS} FROM certificates c JOIN applicants a ON a.id = c.applicant_id
             WHERE c.id = ?1"
        ),
        [id],
        |r| sealed_data(r, 0),
    )?;
    let seal = sign(key, &data);
    conn.execute(
        "UPDATE certificates SET seal = ?1, sealed_by = ?2 WHERE id = ?3",
        rusqlite::params![seal, by, id],
    )?;
    Ok(seal)
}
