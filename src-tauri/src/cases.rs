//! Cases from the front office to the decision: the checklist, new applications of the four kinds,
//! scans, the Commission (sittings, live points, assessment), decisions, and what follows a
//! certificate (notices, complaints, revocation). Each command is one call into the store.

use crate::state::{now, AppState, Fail, Res};
use anyqtama_rules::registration::parse_date;
use anyqtama_rules::{lists::Hit, Service};
use anyqtama_store::lifecycle::{self, Action};
use anyqtama_store::{
    queries, records, views, AssessmentInput, CaseId, CertificateId, ComplaintAddressee,
    ComplaintId, ComplaintStatus, MemberId, NewApplication, NotificationKind, Outcome,
    RevocationAct, SittingId, StoreError,
};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct ChecklistItem {
    id: anyqtama_rules::ruleset::DocumentKind,
    cite: String,
}

#[derive(Serialize)]
pub struct Checklist {
    rule_set: String,
    items: Vec<ChecklistItem>,
    /// Reissue grounds the rule set allows.
    grounds: Vec<anyqtama_rules::ruleset::ReissueGround>,
}

/// The documents App 2 p.8 asks for this kind of application under the rule set in force on `on`.
#[tauri::command]
pub fn checklist(
    state: tauri::State<'_, AppState>,
    kind: Service,
    on: String,
    lang: String,
) -> Res<Checklist> {
    let on = parse_date(&on).map_err(|e| Fail::field(&lang, "received_at", e))?;
    let law = state.law_now();
    let rs = law
        .rule_sets
        .in_force_on(on)
        .map_err(|e| Fail::rules(e, &lang))?;
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

/// Professions of order 236 (and order 49) whose name in any language has every word.
#[tauri::command]
pub fn professions(state: tauri::State<'_, AppState>, text: String, lang: String) -> Vec<Hit> {
    let mut hits = state
        .law
        .lists
        .search_for_certificate(&text, crate::state::lang(&lang));
    hits.truncate(30);
    hits
}

#[derive(Serialize)]
pub struct CertificateFound {
    certificate: views::CertificateRow,
    holder: String,
    applicant_id: i64,
    profession_id: String,
}

/// A certificate by number, for an extension, reissue, duplicate, notice or revocation.
#[tauri::command]
pub fn find_certificate(
    state: tauri::State<'_, AppState>,
    number: String,
    lang: String,
) -> Res<CertificateFound> {
    state.read(&lang, |s, _| {
        let certificate = views::certificate(s.connection(), &number)?;
        let r = records::certificate(s.connection(), &certificate.number)?;
        let (applicant_id, profession_id) =
            records::certificate_holder(s.connection(), certificate.id)?;
        Ok(CertificateFound {
            holder: r.holder_latin,
            certificate,
            applicant_id,
            profession_id,
        })
    })
}

/// Registers an application, or records the refusal to accept it when the documents are not
/// complete (App 2 p.9): the store decides which applies, the window only asks.
#[tauri::command]
pub fn new_application(
    state: tauri::State<'_, AppState>,
    app: NewApplication,
    refuse_note: Option<String>,
    lang: String,
) -> Res<i64> {
    state.write(&lang, |w| {
        Ok(match &refuse_note {
            None => w.register_application(&app)?.0,
            Some(note) => w.refuse_acceptance(&app, note)?.0,
        })
    })
}

#[derive(Serialize)]
pub struct CasePage {
    summary: queries::CaseSummary,
    record: records::CaseRecord,
    extras: views::CaseExtras,
    profession: Option<anyqtama_rules::Names>,
    /// What the signed-in user may do now, by role and the case's state.
    actions: Vec<&'static str>,
    /// The next step's deadline when the case is open, and how many working days it is late.
    next: Option<NextStep>,
}

#[derive(Serialize)]
pub struct NextStep {
    step: &'static str,
    deadline: chrono::NaiveDate,
    late_by: u32,
}

#[tauri::command]
pub fn case_page(state: tauri::State<'_, AppState>, id: i64, lang: String) -> Res<CasePage> {
    state.read(&lang, |s, session| {
        let c = s.connection();
        let summary = queries::case(c, CaseId(id))?;
        let record = records::case(c, id)?;
        let extras = views::case_extras(c, CaseId(id))?;
        let held = &session.roles;
        let mut actions: Vec<&'static str> = [
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
        .map(|a| a.name())
        .collect();
        let live = extras
            .produced
            .as_ref()
            .or(extras.concerns.as_ref())
            .is_some_and(|t| t.status == "valid");
        for a in [Action::RecordNotification, Action::Revoke] {
            if live && lifecycle::permitted(a, held).is_ok() {
                actions.push(a.name());
            }
        }
        if lifecycle::permitted(Action::RegisterComplaint, held).is_ok() {
            actions.push(Action::RegisterComplaint.name());
        }
        if lifecycle::permitted(Action::ResolveComplaint, held).is_ok() {
            actions.push(Action::ResolveComplaint.name());
        }
        let sent_on = records::sent_to_commission_on(c, id)?;
        let law = s.law();
        let today = now().date();
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
            step,
            deadline,
            late_by: if today > deadline {
                law.calendar
                    .working_days_between(deadline, today)
                    .unwrap_or(0)
            } else {
                0
            },
        });
        Ok(CasePage {
            profession: s
                .law()
                .lists
                .profession(&summary.profession_id)
                .map(|e| e.names.clone()),
            summary,
            record,
            extras,
            actions,
            next,
        })
    })
}

/// Attaches a scan chosen in the native open dialog. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn attach_scan(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    case: i64,
    kind: Option<anyqtama_rules::ruleset::DocumentKind>,
    lang: String,
) -> Res<Option<String>> {
    let filter = (
        "PDF, JPEG, PNG, TIFF",
        &["pdf", "jpg", "jpeg", "png", "tif", "tiff"][..],
    );
    let Some(path) = state.dialogs.open(&app, filter) else {
        return Ok(None);
    };
    let content = std::fs::read(&path).map_err(|e| Fail::store(StoreError::Io(e), &lang))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let media = match path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("tif" | "tiff") => "image/tiff",
        _ => "application/octet-stream",
    };
    state.write(&lang, |w| {
        w.attach_scan(CaseId(case), kind, &name, media, &content)
    })?;
    Ok(Some(name))
}

#[tauri::command]
pub fn send_to_commission(state: tauri::State<'_, AppState>, case: i64, lang: String) -> Res<()> {
    state.write(&lang, |w| w.send_to_commission(CaseId(case)))
}

#[derive(Serialize)]
pub struct SittingsPage {
    sittings: Vec<views::SittingRow>,
    members: Vec<views::MemberRow>,
}

#[tauri::command]
pub fn sittings(state: tauri::State<'_, AppState>, lang: String) -> Res<SittingsPage> {
    state.read(&lang, |s, _| {
        Ok(SittingsPage {
            sittings: views::sittings(s.connection(), 50)?,
            members: views::members(s.connection())?,
        })
    })
}

#[tauri::command]
pub fn create_sitting(
    state: tauri::State<'_, AppState>,
    held_on: String,
    place: String,
    present: Vec<i64>,
    lang: String,
) -> Res<i64> {
    let held_on = parse_date(&held_on).map_err(|e| Fail::field(&lang, "held_on", e))?;
    let members = state.read(&lang, |s, _| Ok(views::members(s.connection())?))?;
    let marks: Vec<(MemberId, bool)> = members
        .iter()
        .filter(|m| m.active)
        .map(|m| (MemberId(m.id), present.contains(&m.id)))
        .collect();
    state.write(&lang, |w| Ok(w.create_sitting(held_on, &place, &marks)?.0))
}

/// The Commission's findings for one applicant, as the secretary enters them.
#[derive(Deserialize)]
pub struct Findings {
    higher: bool,
    degree: bool,
    english: bool,
    profession_in_list: bool,
    qualification_matches: bool,
    documents_reliable: bool,
    periods: Vec<(String, String)>,
}

impl Findings {
    fn input(&self, lang: &str) -> Res<AssessmentInput> {
        let periods = self
            .periods
            .iter()
            .enumerate()
            .map(|(i, (a, b))| {
                let field = format!("period-{i}");
                Ok((
                    parse_date(a).map_err(|e| Fail::field(lang, &field, e))?,
                    parse_date(b).map_err(|e| Fail::field(lang, &field, e))?,
                ))
            })
            .collect::<Res<Vec<_>>>()?;
        Ok(AssessmentInput {
            profession_in_list: self.profession_in_list,
            qualification_matches: self.qualification_matches,
            documents_reliable: self.documents_reliable,
            education: anyqtama_rules::points::Education {
                higher: self.higher,
                academic_degree: self.degree,
                english_teaching_certificate: self.english,
            },
            periods,
        })
    }
}

#[derive(Serialize)]
pub struct Points {
    rule_set: String,
    result: anyqtama_rules::evaluate::AssessmentResult,
    citations: Vec<String>,
}

/// Points, threshold and recommendation under the rule set in force on the registration date, as
/// the rules core computes them (Rules p.10; App 2 p.9).
#[tauri::command]
pub fn points(
    state: tauri::State<'_, AppState>,
    registered_on: String,
    f: Findings,
    lang: String,
) -> Res<Points> {
    let on = parse_date(&registered_on).map_err(|e| Fail::field(&lang, "registered_on", e))?;
    let input = f.input(&lang)?;
    let law = state.law_now();
    let rs = law
        .rule_sets
        .in_force_on(on)
        .map_err(|e| Fail::rules(e, &lang))?;
    let mut citations = Vec::new();
    let result = input
        .assess(rs, Service::Issue, on, &mut citations)
        .map_err(|e| Fail::rules(e, &lang))?;
    Ok(Points {
        rule_set: rs.id.to_string(),
        result,
        citations,
    })
}

#[tauri::command]
pub fn record_assessment(
    state: tauri::State<'_, AppState>,
    case: i64,
    sitting: i64,
    f: Findings,
    decision: Outcome,
    reason: Option<String>,
    lang: String,
) -> Res<()> {
    let input = f.input(&lang)?;
    let reason = reason.filter(|r| !r.trim().is_empty());
    state.write(&lang, |w| {
        w.record_assessment(
            CaseId(case),
            SittingId(sitting),
            &input,
            decision,
            reason.as_deref(),
        )
        .map(|_| ())
    })
}

/// The head's decision. Returns the new certificate's number when one is issued.
#[tauri::command]
pub fn decide(
    state: tauri::State<'_, AppState>,
    case: i64,
    outcome: Outcome,
    grounds: Vec<anyqtama_rules::points::RefusalGround>,
    reason: Option<String>,
    chosen_end: Option<String>,
    lang: String,
) -> Res<Option<String>> {
    let end = chosen_end
        .filter(|d| !d.is_empty())
        .map(|d| parse_date(&d).map_err(|e| Fail::field(&lang, "chosen_end", e)))
        .transpose()?;
    let reason = reason.filter(|r| !r.trim().is_empty());
    let id = state.write(&lang, |w| {
        w.decide(CaseId(case), outcome, &grounds, reason.as_deref(), end)
    })?;
    match id {
        None => Ok(None),
        Some(CertificateId(id)) => state.read(&lang, |s, _| {
            Ok(Some(records::certificate_number(s.connection(), id)?))
        }),
    }
}

fn certificate_id(state: &AppState, number: &str, lang: &str) -> Res<CertificateId> {
    state.read(lang, |s, _| {
        Ok(CertificateId(
            views::certificate(s.connection(), number)?.id,
        ))
    })
}

#[tauri::command]
pub fn revoke(
    state: tauri::State<'_, AppState>,
    number: String,
    body: String,
    act_number: String,
    act_date: String,
    lang: String,
) -> Res<()> {
    let date = parse_date(&act_date).map_err(|e| Fail::field(&lang, "act_date", e))?;
    let id = certificate_id(&state, &number, &lang)?;
    state.write(&lang, |w| {
        w.revoke(
            id,
            &RevocationAct {
                body,
                number: act_number,
                date,
            },
        )
    })
}

/// A notice from the holder (Rules p.18 employer change, p.20 termination), with its lateness.
#[tauri::command]
pub fn record_notification(
    state: tauri::State<'_, AppState>,
    number: String,
    kind: NotificationKind,
    event_on: String,
    note: String,
    lang: String,
) -> Res<bool> {
    let event_on = parse_date(&event_on).map_err(|e| Fail::field(&lang, "event_on", e))?;
    let id = certificate_id(&state, &number, &lang)?;
    let n = state.write(&lang, |w| {
        w.record_notification(id, kind, event_on, now(), &note)
    })?;
    state.read(&lang, |s, _| {
        Ok(records::notification_late(s.connection(), n.0)?)
    })
}

#[tauri::command]
pub fn register_complaint(
    state: tauri::State<'_, AppState>,
    case: Option<i64>,
    addressee: ComplaintAddressee,
    summary: String,
    lang: String,
) -> Res<i64> {
    state.write(&lang, |w| {
        Ok(
            w.register_complaint(case.map(CaseId), addressee, now(), &summary)?
                .0,
        )
    })
}

#[tauri::command]
pub fn resolve_complaint(
    state: tauri::State<'_, AppState>,
    id: i64,
    status: ComplaintStatus,
    outcome: String,
    lang: String,
) -> Res<()> {
    state.write(&lang, |w| {
        w.resolve_complaint(ComplaintId(id), status, &outcome)
    })
}
