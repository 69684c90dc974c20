//! Printing a document: the view read from the store, rendered by `anyqtama-docs`, written whole
//! and then recorded as the signed-in user's print.

use crate::{AppError, Result};
use anyqtama_docs::certificate::CertificateView;
use anyqtama_docs::forms::{
    AcceptanceRefusalView, Appeal, ApplicationView, GroundLine, ProtocolEntry, ProtocolView,
    RefusalView,
};
use anyqtama_docs::text::DocLang;
use anyqtama_docs::{certificate, forms, Grounds, ProfessionView};
use anyqtama_rules::points::RefusalGround;
use anyqtama_rules::ruleset::DocumentKind;
use anyqtama_rules::{Lang, Names};
use anyqtama_store::seal::{self as qr, QrData};
use anyqtama_store::{records, CaseStatus, Session, Store, StoreError};
use chrono::NaiveDateTime;
use std::path::Path;

/// The documents that can be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Application,
    Certificate,
    Refusal,
    Protocol,
}

impl Document {
    pub fn parse(s: &str) -> Option<Document> {
        match s {
            "application" => Some(Document::Application),
            "certificate" => Some(Document::Certificate),
            "refusal" => Some(Document::Refusal),
            "protocol" => Some(Document::Protocol),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Document::Application => "application",
            Document::Certificate => "certificate",
            Document::Refusal => "refusal",
            Document::Protocol => "protocol",
        }
    }
}

pub(crate) fn office_names(store: &Store) -> Result<Names> {
    let o = records::office(store)?;
    Ok(Names {
        kk: o.name_kk,
        ru: o.name_ru,
        en: o.name_en,
    })
}

/// The profession by id as the list words it (profession, recommended position, type of activity,
/// sector). An id the list does not know (a store from a newer list) prints as the id.
pub(crate) fn profession(store: &Store, id: &str) -> ProfessionView {
    ProfessionView::from_list(&store.law().lists, id).unwrap_or_else(|| {
        let unknown = Names {
            kk: id.into(),
            ru: id.into(),
            en: id.into(),
        };
        ProfessionView {
            profession: unknown.clone(),
            position: None,
            activity: unknown,
            sector: None,
        }
    })
}

fn unofficial(store: &Store) -> Vec<Lang> {
    store.law().lists.priority.meta.unofficial.clone()
}

/// The view of a certificate, with its QR payload signed by this office; a draft's code says
/// "draft" and is not signed, so a draft never verifies as a certificate.
pub fn certificate_view(store: &Store, number: &str, draft: bool) -> Result<CertificateView> {
    let r = records::certificate(store, number)?;
    // An original of a certificate that no longer holds (revoked, replaced, expired) would read as
    // one that does: only its draft, marked, is printed.
    if !draft && r.status != anyqtama_store::CertificateStatus::Valid {
        return Err(AppError::NotPrintable {
            document: "certificate",
            what: "certificate",
            id: number.to_string(),
        });
    }
    let profession = profession(store, &r.profession_id);
    let grounds = match (&r.extension, r.case_kind.as_str()) {
        (Some((employer, bin, contract)), _) => Grounds::Extend {
            employer: employer.clone(),
            bin: bin.clone(),
            contract_on: *contract,
        },
        (None, "reissue") => Grounds::Reissue {
            replaces: r.replaces.clone().unwrap_or_default(),
            ground: r.change_ground.clone().unwrap_or_default(),
        },
        (None, "duplicate") => Grounds::Duplicate {
            number: r.number.to_string(),
        },
        _ => Grounds::Issue {
            decided_on: r.decided_on.unwrap_or(r.issued_on),
            sitting_on: r.sitting_on,
        },
    };
    let data = QrData {
        office: String::new(),
        number: r.number.to_string(),
        copy: r.copy as u32,
        issued_on: r.issued_on,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        holder: r.holder_latin.clone(),
        profession_id: r.profession_id.clone(),
    };
    Ok(CertificateView {
        office: office_names(store)?,
        number: r.number.to_string(),
        copy: r.copy as u32,
        issued_on: r.issued_on,
        holder_latin: r.holder_latin,
        holder_cyrillic: r.holder_cyrillic,
        profession,
        grounds,
        valid_from: r.valid_from,
        valid_to: r.valid_to,
        signatory: r.signatory,
        replaces: r.replaces,
        original_invalid_from: if r.copy > 0 {
            r.previous_invalid_from
        } else {
            None
        },
        // The seal made at the decision; a certificate decided before seals were stored is
        // signed now, as it always was. A draft's code says "draft" and is never genuine.
        qr_payload: match (draft, &r.seal) {
            (true, _) => qr::draft_payload(r.number.as_str()),
            (false, Some(seal)) => seal.clone(),
            (false, None) => qr::sign(&store.own_key()?.ok_or(AppError::NoOfficeKey)?, &data),
        },
        unofficial_names: unofficial(store),
    })
}

fn application_view(store: &Store, case: i64) -> Result<ApplicationView> {
    let c = records::case(store, case)?;
    let profession = profession(store, &c.profession_id);
    let applicant = if c.applicant_cyrillic.is_empty() {
        c.applicant_latin.clone()
    } else {
        format!("{} ({})", c.applicant_cyrillic, c.applicant_latin)
    };
    let passport = [
        Some(c.passport.clone()),
        c.passport_issued_on
            .map(|d| d.format("%d.%m.%Y").to_string()),
        Some(c.passport_issuer.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let doc_names = document_namer();
    Ok(ApplicationView {
        office: office_names(store)?,
        kind: c.kind,
        applicant,
        passport,
        address: [c.address.clone(), c.phone.clone()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        residence: c.residence.clone(),
        profession,
        employer: c.employer.map(|(n, b)| format!("{n}, {b}")),
        attachments: c
            .documents
            .iter()
            .filter(|d| **d != DocumentKind::Application)
            .map(|d| doc_names(*d))
            .collect(),
        date: c.received_on,
        unofficial_names: unofficial(store),
    })
}

/// The rule set a case was judged by.
fn case_rule_set<'s>(store: &'s Store, id: &str) -> Result<&'s anyqtama_rules::RuleSet> {
    let sets = &store.law().rule_sets;
    Ok(sets.get(&sets.id(id).map_err(StoreError::from)?))
}

/// Chapter 3 of the Rules as the case's rule set words it.
fn appeal(rs: &anyqtama_rules::RuleSet) -> Appeal {
    Appeal {
        rule_set: rs.id.to_string(),
        forward_days: rs.terms.complaint_forward.as_ref().map(|t| t.value),
        review_days_leb: rs.terms.complaint_review_leb.value,
        review_days_quality: rs.terms.complaint_review_quality_body.value,
    }
}

fn refusal_view(store: &Store, c: &records::CaseRecord) -> Result<RefusalView> {
    if c.status != CaseStatus::Refused {
        return Err(AppError::NotPrintable {
            document: "refusal",
            what: "case",
            id: c.id.to_string(),
        });
    }
    let rs = case_rule_set(store, &c.rule_set)?;
    let profession = profession(store, &c.profession_id);
    // App 2 p.5: each ground with its justification: the points for subp.2 (printed in the ground's
    // own line), the Commission's written note for the findings it made, the head's reason for a
    // ground the head added.
    let grounds = c
        .refusal_grounds
        .iter()
        .map(|g| GroundLine {
            ground: g.as_str().to_string(),
            justification: if *g == RefusalGround::BelowThreshold {
                None
            } else if c.commission_grounds.contains(g) {
                c.commission_note.clone().or_else(|| c.reason.clone())
            } else {
                c.reason.clone()
            },
        })
        .collect();
    Ok(RefusalView {
        office: office_names(store)?,
        case: c.id,
        kind: c.kind,
        applicant: c.applicant_latin.clone(),
        passport: c.passport.clone(),
        registered_on: c.registered_on,
        decided_on: c.decided_on.unwrap_or(c.registered_on),
        profession,
        grounds,
        total: c.total,
        threshold: c.threshold.unwrap_or(rs.threshold.points),
        appeal: appeal(rs),
        rule_set: rs.id.to_string(),
        signatory: c.signatory.clone(),
        unofficial_names: unofficial(store),
    })
}

/// Names checklist documents (`doc-<kind>`) in the three languages, the messages loaded once.
fn document_namer() -> impl Fn(DocumentKind) -> Names {
    let msgs = Lang::ALL.map(anyqtama_i18n::Messages::new);
    move |kind| {
        let id = format!("doc-{}", kind.as_str());
        let [kk, ru, en] = msgs.each_ref().map(|m| m.get(&id, &[]));
        Names { kk, ru, en }
    }
}

fn acceptance_refusal_view(
    store: &Store,
    c: &records::CaseRecord,
    na: &records::NotAccepted,
) -> Result<AcceptanceRefusalView> {
    let rs = case_rule_set(store, &c.rule_set)?;
    let profession = profession(store, &c.profession_id);
    let doc_names = document_namer();
    Ok(AcceptanceRefusalView {
        office: office_names(store)?,
        case: c.id,
        kind: c.kind,
        applicant: c.applicant_latin.clone(),
        passport: c.passport.clone(),
        received_on: c.received_on,
        profession,
        missing: na.missing.iter().map(|k| doc_names(*k)).collect(),
        expired: na
            .expired
            .iter()
            .map(|(k, d)| (doc_names(*k), *d))
            .collect(),
        note: na.note.clone(),
        appeal: appeal(rs),
        rule_set: rs.id.to_string(),
        signatory: c.registrar.clone(),
        unofficial_names: unofficial(store),
    })
}

fn protocol_view(store: &Store, case: i64) -> Result<ProtocolView> {
    let c = records::case(store, case)?;
    let sitting = c.sitting_id.ok_or(AppError::NotPrintable {
        document: "protocol",
        what: "case",
        id: case.to_string(),
    })?;
    let s = records::sitting(store, sitting)?;
    let mut entries = Vec::with_capacity(s.assessments.len());
    for a in &s.assessments {
        let profession = profession(store, &a.profession_id);
        // The stored findings are read back into the rules' types and counted again, so the
        // protocol shows every period as counted even for assessments stored before the counts were.
        let input = &a.inputs;
        let periods = input.periods().map_err(StoreError::from)?;
        let count = anyqtama_rules::experience::count_until(&periods, a.registered_on)
            .map_err(StoreError::from)?;
        // A first issue's assessment always has its points; none is printed as none.
        let points = a.points.points.unwrap_or(anyqtama_rules::points::Points {
            higher_education: 0,
            academic_degree: 0,
            english_teaching_certificate: 0,
            experience: 0,
        });
        entries.push(ProtocolEntry {
            case: a.case,
            applicant: a.applicant.clone(),
            passport: a.passport.clone(),
            profession,
            higher: input.education.higher,
            degree: input.education.academic_degree,
            english: input.education.english_teaching_certificate,
            periods: count.periods.clone(),
            total_customary: count.total,
            total_calendar: count.calendar,
            total_days: count.days,
            points: [
                points.higher_education,
                points.academic_degree,
                points.english_teaching_certificate,
                points.experience,
            ],
            total: a.total,
            threshold: a.threshold,
            rule_set: a.rule_set.clone(),
            recommendation: a.recommendation.as_str().to_string(),
            decision: a.decision.as_str().to_string(),
            findings_note: a.departure_reason.clone(),
            grounds: a.grounds.iter().map(|g| g.as_str().to_string()).collect(),
        });
    }
    Ok(ProtocolView {
        office: office_names(store)?,
        held_on: s.held_on,
        place: s.place,
        members: s
            .members
            .into_iter()
            .map(|(name, pos, org, present)| (name, format!("{pos}, {org}"), present))
            .collect(),
        entries,
        unofficial_names: unofficial(store),
    })
}

/// Renders a document as PDF; a draft carries a visible mark. Nothing is recorded: see
/// [`print_to`] for a print.
pub fn render(
    store: &Store,
    document: Document,
    id: &str,
    lang: DocLang,
    draft: bool,
) -> Result<Vec<u8>> {
    if document == Document::Protocol {
        let case = case_number(id)?;
        return Ok(forms::protocol(&protocol_view(store, case)?, lang, draft));
    }
    let texts = anyqtama_docs::text::Texts::new(lang);
    let title = match document {
        Document::Certificate => format!("{} {id}", texts.one("cert-title", &[])),
        Document::Application => texts.one("form-title", &[]),
        _ => texts.one("refusal-title", &[]),
    };
    let page = sheet(store, document, id, lang, draft)?;
    Ok(certificate::render_sheets(&title, vec![page]))
}

/// A case is printed by its number: anything else is a bad id, not a case in the wrong state.
fn case_number(id: &str) -> Result<i64> {
    id.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            AppError::Store(StoreError::Invalid {
                field: "id",
                detail: id.chars().take(40).collect(),
            })
        })
}

/// One page of a one-page document (certificate, application, refusal), for a file of many.
fn sheet(
    store: &Store,
    document: Document,
    id: &str,
    lang: DocLang,
    draft: bool,
) -> Result<anyqtama_docs::layout::Page> {
    let case_id = || case_number(id);
    Ok(match document {
        Document::Certificate => {
            certificate::sheet(&certificate_view(store, id, draft)?, lang, draft)
        }
        Document::Application => {
            forms::application_sheet(&application_view(store, case_id()?)?, lang, draft)
        }
        // A case refused at acceptance gets its own letter (App 2 p.9, last part; 503: Rules p.7).
        Document::Refusal => {
            let c = records::case(store, case_id()?)?;
            match &c.not_accepted {
                Some(na) => {
                    forms::acceptance_sheet(&acceptance_refusal_view(store, &c, na)?, lang, draft)
                }
                None => forms::refusal_sheet(&refusal_view(store, &c)?, lang, draft),
            }
        }
        // The protocol runs to several pages: one at a time.
        Document::Protocol => {
            return Err(AppError::NotPrintable {
                document: "protocol",
                what: "case",
                id: id.to_string(),
            })
        }
    })
}

/// Who a print is recorded for: a real print needs a signed-in user and 1 to 100 copies (checked
/// before anything is written; the Writer checks again inside its transaction); a draft, nobody.
fn who_prints(session: Option<&Session>, draft: bool, copies: u32) -> Result<Option<&Session>> {
    let session = match (draft, session) {
        (true, _) => return Ok(None),
        (false, Some(s)) => s,
        (false, None) => return Err(AppError::SignInRequired),
    };
    if !(1..=100).contains(&copies) {
        return Err(StoreError::Invalid {
            field: "copies",
            detail: copies.to_string(),
        }
        .into());
    }
    Ok(Some(session))
}

/// The file name a document is saved under: `certificate-KOS-2026-00034-kk-ru.pdf`.
pub fn file_name(document: Document, id: &str, lang: DocLang, draft: bool) -> String {
    format!(
        "{}-{}-{}{}.pdf",
        document.as_str(),
        id.replace(['/', '\\'], "-"),
        lang.code().replace('+', "-"),
        if draft { "-draft" } else { "" }
    )
}

/// A document to print, named by what it belongs to: a case's application, refusal or protocol by
/// the case, a certificate by its number. The window sends this, so a sitting's id can never stand
/// where a case is meant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocumentRef {
    Application {
        case: anyqtama_store::CaseId,
    },
    Refusal {
        case: anyqtama_store::CaseId,
    },
    Protocol {
        case: anyqtama_store::CaseId,
    },
    Certificate {
        number: anyqtama_store::CertificateNumber,
    },
}

impl DocumentRef {
    /// The document and the id it is printed by.
    pub fn parts(&self) -> (Document, String) {
        match self {
            DocumentRef::Application { case } => (Document::Application, case.to_string()),
            DocumentRef::Refusal { case } => (Document::Refusal, case.to_string()),
            DocumentRef::Protocol { case } => (Document::Protocol, case.to_string()),
            DocumentRef::Certificate { number } => (Document::Certificate, number.to_string()),
        }
    }
}

/// What is printed: which document, in which language(s), a marked draft or a real print of so
/// many copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    pub document: Document,
    pub lang: DocLang,
    pub draft: bool,
    pub copies: u32,
}

/// Records the prints of files already written, in one transaction as the signed-in user; if
/// that fails the files are removed, so no unrecorded print is left. A draft records nothing.
fn record_prints(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    job: Job,
    ids: &[String],
    files: &[(String, usize)],
) -> Result<()> {
    let Job {
        document,
        lang,
        copies,
        ..
    } = job;
    let Some(session) = session else {
        return Ok(());
    };
    store
        .write(session, now, |w| {
            for id in ids {
                w.record_print(document.as_str(), id, lang.code(), copies)?;
            }
            Ok(())
        })
        .map_err(|e| {
            remove_files(files);
            e.into()
        })
}

fn remove_files(files: &[(String, usize)]) {
    for (p, _) in files {
        let _ = std::fs::remove_file(p);
    }
}

/// Several documents, one page each, in one PDF.
fn sheets(
    store: &Store,
    document: Document,
    ids: &[String],
    lang: DocLang,
    draft: bool,
) -> Result<Vec<u8>> {
    let pages = ids
        .iter()
        .map(|id| sheet(store, document, id, lang, draft))
        .collect::<Result<Vec<_>>>()?;
    Ok(certificate::render_sheets(document.as_str(), pages))
}

/// Where many documents go: one PDF, or one file each in a folder.
pub enum Many<'a> {
    OneFile(&'a Path),
    Folder(&'a Path),
}

/// Prints many documents at once (a day's certificates): rendered in one process, written whole
/// and synced (one PDF, or one file each), and then every print recorded in one transaction as
/// the signed-in user. If recording fails, the files written are removed. Returns the files.
pub fn print_many(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    job: Job,
    ids: &[String],
    out: Many<'_>,
) -> Result<Vec<(String, usize)>> {
    let Job {
        document,
        lang,
        draft,
        copies,
    } = job;
    let session = who_prints(session, draft, copies)?;
    if ids.is_empty() {
        return Err(StoreError::Invalid {
            field: "ids",
            detail: "0".into(),
        }
        .into());
    }
    let mut written: Vec<(String, usize)> = Vec::new();
    let made = (|| -> Result<()> {
        match out {
            Many::OneFile(path) => {
                let pdf = sheets(store, document, ids, lang, draft)?;
                write_file(path, &pdf).map_err(StoreError::Io)?;
                written.push((path.display().to_string(), pdf.len()));
            }
            Many::Folder(dir) => {
                std::fs::create_dir_all(dir).map_err(StoreError::Io)?;
                for id in ids {
                    let pdf = render(store, document, id, lang, draft)?;
                    let path = dir.join(file_name(document, id, lang, draft));
                    write_file(&path, &pdf).map_err(StoreError::Io)?;
                    written.push((path.display().to_string(), pdf.len()));
                }
            }
        }
        Ok(())
    })();
    if let Err(e) = made {
        remove_files(&written);
        return Err(e);
    }
    record_prints(store, session, now, job, ids, &written)?;
    Ok(written)
}

/// Writes a file whole or not at all: under a temporary name beside it, synced to the disk, then
/// renamed into place (a killed process leaves the old file or none, never half a PDF).
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("partial");
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Prints a document to `out`. A real print is recorded in the audit trail as the signed-in user
/// (the role to print, 1 to 100 copies: `Writer::record_print`) only once its file is written whole
/// and synced; if recording fails, the file is removed, so no unrecorded print is left. A draft is
/// marked, needs no user and is not recorded. Returns the size of the file.
pub fn print_to(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    job: Job,
    id: &str,
    out: &Path,
) -> Result<usize> {
    let Job {
        document,
        lang,
        draft,
        copies,
    } = job;
    let session = who_prints(session, draft, copies)?;
    let pdf = render(store, document, id, lang, draft)?;
    write_file(out, &pdf).map_err(StoreError::Io)?;
    let written = [(out.display().to_string(), pdf.len())];
    record_prints(store, session, now, job, &[id.to_string()], &written)?;
    Ok(pdf.len())
}

/// A day's or a month's print run in the window: every certificate decided from `from` to `until`
/// inclusive, in one PDF at `out`, each print recorded as the signed-in user in one transaction.
/// Returns how many and the bytes written; none decided then is an error that says so.
#[allow(clippy::too_many_arguments)]
pub fn print_decided(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    lang: DocLang,
    from: chrono::NaiveDate,
    until: chrono::NaiveDate,
    out: &Path,
) -> Result<(usize, usize)> {
    let (numbers, job) = decided_run(store, lang, (from, until), false)?;
    let files = print_many(store, session, now, job, &numbers, Many::OneFile(out))?;
    Ok((numbers.len(), files.iter().map(|(_, n)| n).sum()))
}

/// What the window's own preview shows and prints (issue 15): the documents `ids` in one PDF,
/// handed back rather than saved. As a draft it is the preview (marked, recorded nowhere); as a
/// real print each document's print is recorded as the signed-in user, as a saved print is.
pub fn for_window(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    job: Job,
    ids: &[String],
) -> Result<Vec<u8>> {
    let session = who_prints(session, job.draft, job.copies)?;
    let pdf = match ids {
        [] => {
            return Err(StoreError::Invalid {
                field: "ids",
                detail: "0".into(),
            }
            .into())
        }
        [one] => render(store, job.document, one, job.lang, job.draft)?,
        many => sheets(store, job.document, many, job.lang, job.draft)?,
    };
    record_prints(store, session, now, job, ids, &[])?;
    Ok(pdf)
}

/// A day's or a month's certificates (decided from `from` to `until`) for the window's preview
/// (`draft`) or for printing from it (each print recorded); none decided then says so.
pub fn decided_for_window(
    store: &mut Store,
    session: Option<&Session>,
    now: NaiveDateTime,
    lang: DocLang,
    span: (chrono::NaiveDate, chrono::NaiveDate),
    draft: bool,
) -> Result<Vec<u8>> {
    let (numbers, job) = decided_run(store, lang, span, draft)?;
    for_window(store, session, now, job, &numbers)
}

/// A print run's certificates (decided from `from` to `until`, still in force) and its job; none
/// decided then is an error that says so.
fn decided_run(
    store: &Store,
    lang: DocLang,
    (from, until): (chrono::NaiveDate, chrono::NaiveDate),
    draft: bool,
) -> Result<(Vec<String>, Job)> {
    let numbers = decided(store, from, until)?;
    if numbers.is_empty() {
        return Err(AppError::NothingDecided { from, until });
    }
    let job = Job {
        document: Document::Certificate,
        lang,
        draft,
        copies: 1,
    };
    Ok((numbers, job))
}

/// The file a print run is saved as: `certificates-2026-12-01-kk-ru.pdf`, or with both ends.
pub fn run_file_name(from: chrono::NaiveDate, until: chrono::NaiveDate, lang: DocLang) -> String {
    let days = if from == until {
        from.to_string()
    } else {
        format!("{from}-{until}")
    };
    format!("certificates-{days}-{}.pdf", lang.code().replace('+', "-"))
}

/// The numbers of the certificates decided (issued, extended, reissued, duplicated) from `from`
/// to `until` inclusive: a day's or a month's print run.
pub fn decided(
    store: &Store,
    from: chrono::NaiveDate,
    until: chrono::NaiveDate,
) -> Result<Vec<String>> {
    Ok(records::certificates_decided(store, from, until)?)
}
