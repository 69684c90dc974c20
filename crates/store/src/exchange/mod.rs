//! The records an office sends its higher office, and their import there (issue 6).
//!
//! A period is chosen by the office's audit trail: the events of a month, or every event after a
//! sequence number (for "everything since the last export"). The records are the current state of
//! every case, certificate, notice, complaint and sitting those events touched, each with its
//! *version*: the sequence number of the last event that changed it. The higher office keeps a
//! record only when its version is newer than the one it holds, so an older bundle never overwrites
//! newer data and the same bundle imported twice changes nothing. The file format (manifest,
//! checksums, signature) is `anyqtama-sync`'s; this module is the data and the transaction:
//! `export` (an office's records of a period), `import` (into a higher office, in one transaction,
//! with the trust and history checks), `hq` (what the higher office then lists).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which audit events a bundle covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Period {
    Month {
        year: i32,
        month: u32,
    },
    /// Every event with a sequence number above `after`.
    Since {
        after: i64,
    },
}

impl Period {
    pub fn label(&self) -> String {
        match self {
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Since { after } => format!("since-{after}"),
        }
    }
}

/// How much of its records a bundle carries (`docs/bundle.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Contents {
    /// What the higher office reads (format 3): each case's and certificate's register columns,
    /// an extension's terms, the notices, complaints and sittings, and of the audit trail the
    /// hash of every event (with the one before each run of them), by which the higher office
    /// notices a history rewritten after it was sent. The events' content stays in the office.
    #[default]
    Register,
    /// Everything (format 2): every row of every case and certificate, and the audit events
    /// with their content, each hash recomputed at the higher office. Only tests make it now
    /// (`anyqtama_sync::export_full`), so that the import of the format older programs still
    /// send stays tested.
    Full,
}

/// One entry of a bundle's trail (format 3): an audit event's sequence number and hash.
pub type TrailEntry = (i64, [u8; 32]);

/// The sending office, as its bundle names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct OfficeIdent {
    /// The store's id: two stores are two offices even under the same code.
    pub id: String,
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub fingerprint: String,
    /// The Ed25519 public key of the office's identity (its first key), hex.
    pub public_key: String,
    /// The office's signatory keys, each vouched for by an earlier one back to the identity
    /// (issue 12); bundles of the first format carry none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<crate::keys::SignatoryKey>,
    /// The fingerprint of the signatory key that signed the bundle; none: the identity signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
}

/// A record's other fields as the office wrote them, kept as JSON text and never built into a tree
/// on the way through: a 100,000-case bundle's trees took gigabytes (issue 14).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Json(Box<serde_json::value::RawValue>);

impl Json {
    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Json) -> bool {
        self.get() == other.get()
    }
}

/// A record's dates as `YYYY-MM-DD`, written and read without chrono's format machinery (issue 14:
/// a tenth of a 100,000-case export's reading and writing went to it), and exactly that form only.
mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(super) fn text(d: NaiveDate) -> Option<[u8; 10]> {
        let (y, m, d) = (d.year(), d.month(), d.day());
        if !(0..=9999).contains(&y) {
            return None;
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = y as u32;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ])
    }

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match text(*d) {
            Some(t) => s.serialize_str(std::str::from_utf8(&t).expect("digits")),
            // Outside four digits of year: chrono's own form.
            None => s.collect_str(d),
        }
    }

    fn parse<E: Error>(t: &str) -> Result<NaiveDate, E> {
        crate::records::ymd(t.as_bytes())
            .ok_or_else(|| E::custom(format!("not a date (YYYY-MM-DD): {t:.20}")))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        parse(&<std::borrow::Cow<'de, str>>::deserialize(d)?)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?
                .map(|t| parse(&t))
                .transpose()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CaseRecord {
    pub id: i64,
    pub version: i64,
    pub kind: String,
    pub status: String,
    #[serde(with = "day")]
    #[ts(as = "NaiveDate")]
    pub registered_on: NaiveDate,
    #[serde(default, with = "day::option")]
    #[ts(as = "Option<NaiveDate>")]
    pub decided_on: Option<NaiveDate>,
    pub holder: String,
    pub passport: String,
    pub citizenship: String,
    pub profession_id: String,
    pub result_certificate_id: Option<i64>,
    /// Everything else: the case row, applicant, checklist, assessment, decision, extension,
    /// refusal to accept, the scans' names and checksums (not their content).
    #[ts(type = "unknown")]
    pub data: Json,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CertificateRecord {
    pub id: i64,
    pub version: i64,
    pub number: String,
    pub copy: i64,
    pub case_id: i64,
    pub holder: String,
    pub passport: String,
    pub citizenship: String,
    pub profession_id: String,
    #[serde(with = "day")]
    #[ts(as = "NaiveDate")]
    pub issued_on: NaiveDate,
    #[serde(with = "day")]
    #[ts(as = "NaiveDate")]
    pub valid_from: NaiveDate,
    #[serde(with = "day")]
    #[ts(as = "NaiveDate")]
    pub valid_to: NaiveDate,
    pub status: String,
    #[serde(default, with = "day::option")]
    #[ts(as = "Option<NaiveDate>")]
    pub invalid_from: Option<NaiveDate>,
    /// The certificate row and its revocation, if any.
    #[ts(type = "unknown")]
    pub data: Json,
}

/// Notices, complaints and sittings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct OtherRecord {
    pub kind: String,
    pub id: i64,
    pub version: i64,
    #[ts(type = "unknown")]
    pub data: Json,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: String,
    /// Part of the event's hash; bundles of the first format lack it (their hashes cannot be
    /// recomputed at the higher office, only compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Option<i64>>,
    pub login: String,
    pub role: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The digest of the event's record of the rows it changed (part of its hash; the record
    /// itself stays in the office); none before that record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows_digest: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Records {
    pub cases: Vec<CaseRecord>,
    pub certificates: Vec<CertificateRecord>,
    pub others: Vec<OtherRecord>,
    pub audit: Vec<AuditRecord>,
}

/// One line of a streamed bundle's records (format 2): `{"audit":{...}}`, `{"case":{...}}`,
/// `{"certificate":{...}}` or `{"other":{...}}`. The audit events come first, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    Audit(AuditRecord),
    Case(CaseRecord),
    Certificate(CertificateRecord),
    Other(OtherRecord),
}

/// How many records of each kind a bundle holds (its manifest's `counts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub cases: usize,
    pub certificates: usize,
    pub others: usize,
    pub audit_events: usize,
}

impl RecordCounts {
    pub fn add(&mut self, r: &Record) {
        match r {
            Record::Audit(_) => self.audit_events += 1,
            Record::Case(_) => self.cases += 1,
            Record::Certificate(_) => self.certificates += 1,
            Record::Other(_) => self.others += 1,
        }
    }
}

/// What [`write_records`] wrote: the counts and the audit events covered, and the trail's last
/// event in the snapshot they were read from (the bundle's `audit_head_seq` and `_hash`).
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub counts: RecordCounts,
    pub seq_from: Option<i64>,
    pub seq_to: Option<i64>,
    pub head_seq: i64,
    pub head_hash: String,
}

impl Records {
    /// The records in the order of a streamed bundle: audit events, cases, certificates, others.
    pub fn into_stream(self) -> impl Iterator<Item = Record> {
        self.audit
            .into_iter()
            .map(Record::Audit)
            .chain(self.cases.into_iter().map(Record::Case))
            .chain(self.certificates.into_iter().map(Record::Certificate))
            .chain(self.others.into_iter().map(Record::Other))
    }

    pub fn counts(&self) -> RecordCounts {
        RecordCounts {
            cases: self.cases.len(),
            certificates: self.certificates.len(),
            others: self.others.len(),
            audit_events: self.audit.len(),
        }
    }
}

mod export;
mod hq;
mod import;

pub use export::*;
pub use hq::*;
pub use import::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn case(decided: &str) -> String {
        format!(
            r#"{{"id":1,"version":2,"kind":"issue","status":"issued","registered_on":"2026-03-20",
                "decided_on":{decided},"holder":"A B","passport":"N1","citizenship":"UZB",
                "profession_id":"p","result_certificate_id":null,"data":{{}}}}"#
        )
    }

    #[test]
    fn dates_are_written_and_read_as_the_store_keeps_them_and_nothing_else() {
        let c: CaseRecord = serde_json::from_str(&case(r#""2026-12-31""#)).unwrap();
        assert_eq!(
            c.registered_on,
            NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
        );
        assert_eq!(c.decided_on, NaiveDate::from_ymd_opt(2026, 12, 31));
        let text = serde_json::to_string(&c).unwrap();
        assert!(
            text.contains(r#""registered_on":"2026-03-20","decided_on":"2026-12-31""#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<CaseRecord>(&text).unwrap(), c);
        // No decision yet: null, and a record of an older program without the field.
        let c: CaseRecord = serde_json::from_str(&case("null")).unwrap();
        assert_eq!(c.decided_on, None);
        assert!(serde_json::to_string(&c)
            .unwrap()
            .contains(r#""decided_on":null"#));
        let without = case("null").replace(r#""decided_on":null,"#, "");
        assert_eq!(
            serde_json::from_str::<CaseRecord>(&without)
                .unwrap()
                .decided_on,
            None
        );
        // A day that does not exist, another form, a number: refused.
        for bad in [
            r#""2026-02-30""#,
            r#""2026-2-3""#,
            r#""2026-02-03T00:00""#,
            r#""+2026-02-03""#,
            "20260203",
        ] {
            assert!(
                serde_json::from_str::<CaseRecord>(&case(bad)).is_err(),
                "{bad}"
            );
        }
        // Years outside four digits keep chrono's form.
        let far = NaiveDate::from_ymd_opt(10000, 1, 1).unwrap();
        assert_eq!(day::text(far), None);
        assert_eq!(
            day::text(NaiveDate::from_ymd_opt(7, 2, 3).unwrap()).unwrap(),
            *b"0007-02-03"
        );
    }
}
