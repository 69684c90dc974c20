//! Checking a scanned certificate QR code against the keys and certificates a store holds.

use crate::Result;
use anyqtama_store::seal::{self as qr, QrData};
use anyqtama_store::{records, Store};
use chrono::NaiveDate;

/// What a QR code tells, checked against this store.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct QrCheck {
    /// The signature is right for an office key this store knows.
    pub genuine: bool,
    pub certificate: QrData,
    /// The office whose key signed it (its name as this store knows it) and the key's fingerprint.
    pub office: String,
    pub fingerprint: String,
    /// The signatory whose own key signed it, as the keys' records name them (none for a seal made
    /// with an office's first key before signatories held keys of their own, or for another
    /// office's key known without its holder).
    pub signed_by: Option<String>,
    /// Whether this store holds a certificate of that number and copy (a higher office holds
    /// its offices'; an office its own).
    pub known: bool,
    /// Its status today where known: valid, expired, superseded (reissued), replaced (by a
    /// duplicate), revoked.
    pub status: Option<anyqtama_store::ShownStatus>,
    /// Where known: whether the store's record still says what the code says (holder, end date;
    /// and, for a certificate sealed at its decision, the very seal stored then).
    pub matches: Option<bool>,
    /// Where known: who decided and so sealed it.
    pub sealed_by: Option<String>,
}

/// Checks a scanned QR payload against the office keys this store knows and, where the store holds
/// the certificate, tells its status today. A genuine signature over a number the store does not
/// hold says so (`known: false`); a draft's code is refused as a draft.
pub fn verify_qr(store: &Store, payload: &str, today: NaiveDate) -> Result<QrCheck> {
    let keys = store.known_keys()?;
    let public: Vec<_> = keys.iter().map(|k| k.key).collect();
    let data = qr::verify(payload, &public)?;
    let signer = keys.iter().find(|k| qr::fingerprint(&k.key) == data.office);
    let office = signer.map(|k| k.office.clone()).unwrap_or_default();
    let signed_by = signer.and_then(|k| k.holder.clone());
    let held = records::certificate_copy(store, &data.number, data.copy, today)?;
    Ok(QrCheck {
        genuine: true,
        fingerprint: data.office.clone(),
        office,
        signed_by,
        known: held.is_some(),
        matches: held.as_ref().map(|h| {
            h.valid_to == data.valid_to
                && h.holder == data.holder
                && h.seal.as_deref().is_none_or(|s| s == payload.trim())
        }),
        sealed_by: held.as_ref().and_then(|h| h.sealed_by.clone()),
        status: held.map(|h| h.status),
        certificate: data,
    })
}
