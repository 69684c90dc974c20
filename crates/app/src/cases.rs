//! A case from the front office to the decision, and what follows a certificate: the checklist,
//! new applications of the four kinds, scans, the Commission (sittings, live points, assessment),
//! the head's decision, notices, complaints and revocation.
//!
//! Every function is one action or one page of data. Roles, states and the law are checked by the
//! store inside one transaction (`store::Writer`); what is decided here is only what the page shows.

use crate::{input, Result};
use anyqtama_rules::lists::Hit;
use anyqtama_rules::points::{Education, RefusalGround};
use anyqtama_rules::ruleset::{DocumentKind, ReissueGround};
use anyqtama_rules::{Lang, Names, Service};
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::{
    queries, records, views, AssessmentInput, CaseId, CertificateId, CertificateNumber,
    CertificateStatus, ComplaintAddressee, ComplaintId, ComplaintStatus, Law, MemberId,
    NewApplication, NotificationKind, Outcome, RevocationAct, Session, SittingId, Store,
};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
pub struct ChecklistItem {
    pub id: DocumentKind,
    pub cite: String,
}

/// The documents App 2 p.8 asks for one kind of application, under the rule set in force.
#[derive(Debug, Serialize, TS)]
pub struct Checklist {
    pub rule_set: String,
    pub items: Vec<ChecklistItem>,
    /// Reissue grounds the rule set allows.
    pub grounds: Vec<ReissueGround>,
}

/// The checklist for `kind` under the rule set in force on the day the application is received.
pub fn checklist(law: &Law, kind: Service, on: &str) -> Result<Checklist> {
    let on = input::date("received_at", on)?;
    let rs = law.rule_sets.in_force_on(on)?;
    Ok(Checklist {
        rule_set: rs.id.to_string(),
        items: rs
            .documents
            .for_service(kind)
            .iter()
            .map(|d| ChecklistItem {
                id: d.id,
                cite: d.cite.clone(),
            })
            .collect(),
        grounds: rs.reissue.grounds.clone(),
    })
}

/// Professions a certificate may name (order 236, and order 49) with every word of `text`.
pub fn professions(law: &Law, text: &str, lang: Lang) -> Vec<Hit> {
    let mut hits = law.lists.search_for_certificate(text, lang);
    hits.truncate(30);
    hits
}

#[derive(Debug, Serialize, TS)]
pub struct CertificateFound {
    pub certificate: views::CertificateRow,
    pub holder: String,
    pub applicant_id: i64,
    pub profession_id: String,
}

/// A certificate by number, for an extension, reissue, duplicate, notice or revocation.
pub fn find_certificate(store: &Store, number: &str) -> Result<CertificateFound> {
    let c = store;
    let certificate = views::certificate(c, number.trim())?;
    let r = records::certificate(c, certificate.number.as_str())?;
    let (applicant_id, profession_id) = records::certificate_holder(c, certificate.id)?;
    Ok(CertificateFound {
        holder: r.holder_latin,
        certificate,
        applicant_id,
        profession_id,
    })
}

/// Registers an application, or records the refusal to accept it when its documents are not
/// complete (App 2 p.9): the store decides which applies.
pub fn register(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    app: &NewApplication,
    refuse_note: Option<&str>,
) -> Result<CaseId> {
    Ok(store.write(session, now, |w| match refuse_note {
        None => w.register_application(app),
        Some(note) => w.refuse_acceptance(app, note),
    })?)
}

/// The next step of an open case: its deadline, and by how many working days it is late or how
/// many are left to it.
#[derive(Debug, Serialize, TS)]
pub struct NextStep {
    pub step: String,
    pub deadline: NaiveDate,
    pub late_by: u32,
    pub left: u32,
}

#[derive(Debug, Serialize, TS)]
pub struct CasePage {
    pub summary: queries::CaseSummary,
    pub record: records::CaseRecord,
    pub extras: views::CaseExtras,
    pub profession: Option<Names>,
    /// What the signed-in user may do now, by role and the case's state.
    pub actions: Vec<Action>,
    pub next: Option<NextStep>,
}

/// A case as its page shows it, with what the signed-in user may do on it today.
pub fn page(store: &Store, session: &Session, now: NaiveDateTime, id: CaseId) -> Result<CasePage> {
    let c = store;
    let summary = queries::case(c, id)?;
    let record = records::case(c, id.0)?;
    let extras = views::case_extras(c, id)?;
    let held = &session.roles;
    let mut actions: Vec<Action> = [
        Action::AttachScan,
        Action::SendToCommission,
        Action::RecordAssessment,
        Action::Decide,
    ]
    .into_iter()
    .filter(|a| {
        lifecycle::permitted(*a, held).is_ok()
            && lifecycle::next(summary.kind, summary.status, *a, true).is_some()
    })
    .collect();
    let live = extras
        .produced
        .as_ref()
        .or(extras.concerns.as_ref())
        .is_some_and(|t| t.status == CertificateStatus::Valid);
    for a in [Action::RecordNotification, Action::Revoke] {
        if live && lifecycle::permitted(a, held).is_ok() {
            actions.push(a);
        }
    }
    for a in [Action::RegisterComplaint, Action::ResolveComplaint] {
        if lifecycle::permitted(a, held).is_ok() {
            actions.push(a);
        }
    }
    let sent_on = records::sent_to_commission_on(c, id.0)?;
    let law = store.law();
    let today = now.date();
    let next = queries::next_deadline(
        &law.rule_sets,
        &law.calendar,
        summary.kind,
        summary.status,
        &summary.rule_set,
        summary.registered_on,
        sent_on,
    )?
    .map(|(step, deadline)| NextStep {
        step: step.to_string(),
        deadline,
        late_by: if today > deadline {
            law.calendar
                .working_days_between(deadline, today)
                .unwrap_or(0)
        } else {
            0
        },
        left: law
            .calendar
            .working_days_between(today, deadline)
            .unwrap_or(0),
    });
    Ok(CasePage {
        profession: law
            .lists
            .profession(&summary.profession_id)
            .map(|e| e.names.clone()),
        summary,
        record,
        extras,
        actions,
        next,
    })
}

/// The media type of a scan, by its file name.
fn media_type(path: &Path) -> &'static str {
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("tif" | "tiff") => "image/tiff",
        _ => "application/octet-stream",
    }
}

/// The file types a scan may be (the open dialog's filter).
pub const SCAN_TYPES: (&str, &[&str]) = (
    "PDF, JPEG, PNG, TIFF",
    &["pdf", "jpg", "jpeg", "png", "tif", "tiff"],
);

/// Attaches the scan at `path` to a case (as the document `kind` of its checklist). Returns the
/// file's name.
pub fn attach_scan(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    case: CaseId,
    kind: Option<DocumentKind>,
    path: &Path,
) -> Result<String> {
    let content = std::fs::read(path).map_err(anyqtama_store::StoreError::Io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    store.write(session, now, |w| {
        w.attach_scan(case, kind, &name, media_type(path), &content)
    })?;
    Ok(name)
}

pub fn send_to_commission(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    case: CaseId,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.send_to_commission(case))?)
}

#[derive(Debug, Serialize, TS)]
pub struct SittingsPage {
    pub sittings: Vec<views::SittingRow>,
    pub members: Vec<views::MemberRow>,
}

pub fn sittings(store: &Store) -> Result<SittingsPage> {
    Ok(SittingsPage {
        sittings: views::sittings(store, 50)?,
        members: views::members(store)?,
    })
}

/// Records a sitting of the Commission: every active member, marked present or absent (Rules p.6).
/// `present: None` marks every active member present.
pub fn create_sitting(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    held_on: &str,
    place: &str,
    present: Option<&[MemberId]>,
) -> Result<SittingId> {
    let held_on = input::date("held_on", held_on)?;
    let marks: Vec<(MemberId, bool)> = views::members(store)?
        .iter()
        .filter(|m| m.active)
        .map(|m| {
            let id = MemberId(m.id);
            (id, present.is_none_or(|p| p.contains(&id)))
        })
        .collect();
    Ok(store.write(session, now, |w| w.create_sitting(held_on, place, &marks))?)
}

/// The Commission's findings for one applicant, as the secretary enters them: dates as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct Findings {
    pub higher: bool,
    pub degree: bool,
    pub english: bool,
    pub profession_in_list: bool,
    pub qualification_matches: bool,
    pub documents_reliable: bool,
    pub periods: Vec<(String, String)>,
}

impl Findings {
    /// The findings as the rules read them; a bad date is refused next to its period's fields.
    pub fn input(&self) -> Result<AssessmentInput> {
        let periods = self
            .periods
            .iter()
            .enumerate()
            .map(|(i, (a, b))| {
                let field = format!("period-{i}");
                Ok((input::date(&field, a)?, input::date(&field, b)?))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(AssessmentInput {
            profession_in_list: self.profession_in_list,
            qualification_matches: self.qualification_matches,
            documents_reliable: self.documents_reliable,
            education: Education {
                higher: self.higher,
                academic_degree: self.degree,
                english_teaching_certificate: self.english,
            },
            periods,
        })
    }
}

/// The live points while the secretary types (named apart from the rules' points per criterion).
#[derive(Debug, Serialize, TS)]
#[ts(rename = "LivePoints")]
pub struct Points {
    pub rule_set: String,
    pub result: anyqtama_rules::evaluate::AssessmentResult,
    pub citations: Vec<String>,
}

/// Points, threshold and recommendation under the rule set in force on the registration date, as
/// the rules core computes them (Rules p.10; App 2 p.9), while the secretary types.
pub fn points(law: &Law, registered_on: &str, f: &Findings) -> Result<Points> {
    let on = input::date("registered_on", registered_on)?;
    let assessment = f.input()?;
    let rs = law.rule_sets.in_force_on(on)?;
    let mut citations = Vec::new();
    let result = assessment.assess(rs, Service::Issue, on, &mut citations)?;
    Ok(Points {
        rule_set: rs.id.to_string(),
        result,
        citations,
    })
}

/// The Commission's assessment at a sitting; its decision must follow from its findings.
pub fn record_assessment(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    case: CaseId,
    sitting: SittingId,
    assessment: &AssessmentInput,
    decision: Outcome,
    note: Option<&str>,
) -> Result<()> {
    let note = input::note(note);
    store.write(session, now, |w| {
        w.record_assessment(case, sitting, assessment, decision, note)
            .map(|_| ())
    })?;
    Ok(())
}

/// The head's decision: issue, or refuse on the grounds of App 2 p.9. Returns the new
/// certificate's number when one is issued.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    case: CaseId,
    outcome: Outcome,
    grounds: &[RefusalGround],
    reason: Option<&str>,
    end: Option<&str>,
) -> Result<Option<CertificateNumber>> {
    let end = input::optional_date("chosen_end", end)?;
    let reason = input::note(reason);
    let id = store.write(session, now, |w| {
        w.decide(case, outcome, grounds, reason, end)
    })?;
    match id {
        None => Ok(None),
        Some(CertificateId(id)) => Ok(Some(records::certificate_number(store, id)?)),
    }
}

fn certificate_id(store: &Store, number: &str) -> Result<CertificateId> {
    Ok(CertificateId(views::certificate(store, number.trim())?.id))
}

/// A control body's act (Rules p.21), as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ActTyped {
    pub body: String,
    pub number: String,
    pub date: String,
}

/// Revokes a certificate on a control body's act (Rules p.21).
pub fn revoke(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    number: &str,
    act: &ActTyped,
) -> Result<()> {
    let date = input::date("act_date", &act.date)?;
    let id = certificate_id(store, number)?;
    let act = RevocationAct {
        body: act.body.clone(),
        number: act.number.clone(),
        date,
    };
    Ok(store.write(session, now, |w| w.revoke(id, &act))?)
}

/// A notice from the holder (Rules p.18 employer change, p.20 termination). Returns whether it
/// came late.
pub fn record_notification(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    number: &str,
    kind: NotificationKind,
    event_on: &str,
    note: &str,
) -> Result<bool> {
    let event_on = input::date("event_on", event_on)?;
    let id = certificate_id(store, number)?;
    let n = store.write(session, now, |w| {
        w.record_notification(id, kind, event_on, now, note)
    })?;
    Ok(records::notification_late(store, n.0)?)
}

/// A complaint about a decision or an action (Rules ch.3), with its review term.
pub fn register_complaint(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    case: Option<CaseId>,
    addressee: ComplaintAddressee,
    summary: &str,
) -> Result<ComplaintId> {
    Ok(store.write(session, now, |w| {
        w.register_complaint(case, addressee, now, summary)
    })?)
}

pub fn resolve_complaint(
    store: &mut Store,
    session: &Session,
    now: NaiveDateTime,
    id: ComplaintId,
    status: ComplaintStatus,
    outcome: &str,
) -> Result<()> {
    Ok(store.write(session, now, |w| w.resolve_complaint(id, status, outcome))?)
}

/// A stored scan, to save back out: its file name and bytes.
pub fn attachment(store: &Store, id: i64) -> Result<(String, Vec<u8>)> {
    Ok(views::attachment(store, id)?)
}

/// Where a case stands after an action: what a script reads to take the next step.
#[derive(Debug, Serialize, TS)]
pub struct CaseState {
    pub case: i64,
    pub kind: Service,
    pub status: anyqtama_store::CaseStatus,
    pub registered_on: NaiveDate,
    pub rule_set: String,
    pub decided_on: Option<NaiveDate>,
    pub refusal_grounds: Vec<RefusalGround>,
    /// The certificate it produced: its number, and the ids a later application refers to.
    pub certificate: Option<String>,
    pub certificate_id: Option<i64>,
    pub applicant_id: Option<i64>,
}

pub fn state(store: &Store, id: CaseId) -> Result<CaseState> {
    let c = records::case(store, id.0)?;
    let produced = records::result_certificate(store, id.0)?;
    Ok(CaseState {
        case: c.id,
        kind: c.kind,
        status: c.status,
        registered_on: c.registered_on,
        rule_set: c.rule_set,
        decided_on: c.decided_on,
        refusal_grounds: c.refusal_grounds,
        certificate: produced.as_ref().map(|p| p.1.clone()),
        certificate_id: produced.as_ref().map(|p| p.0),
        applicant_id: produced.as_ref().map(|p| p.2),
    })
}

/// A certificate's number and its status as stored, after an action on it.
#[derive(Debug, Serialize, TS)]
pub struct CertificateState {
    pub certificate: CertificateNumber,
    pub status: CertificateStatus,
}

pub fn certificate_state(store: &Store, number: &str) -> Result<CertificateState> {
    let row = views::certificate(store, number.trim())?;
    Ok(CertificateState {
        certificate: row.number,
        status: row.status,
    })
}
