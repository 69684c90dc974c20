//! Cases from the front office to the decision, and what follows a certificate: each command
//! calls one function of `anyqtama_app::cases`.

use crate::state::{command, fail, lang, now, AppState, Res};
use anyqtama_app::cases::{self, ActTyped, CasePage, CertificateFound, Checklist, Findings};
use anyqtama_app::cases::{Points, SittingsPage};
use anyqtama_rules::lists::Hit;
use anyqtama_rules::points::RefusalGround;
use anyqtama_rules::ruleset::DocumentKind;
use anyqtama_rules::Service;
use anyqtama_store::{
    CaseId, CertificateNumber, ComplaintAddressee, ComplaintId, ComplaintStatus, MemberId,
    NewApplication, NotificationKind, Outcome, SittingId,
};

#[tauri::command]
pub fn checklist(
    state: tauri::State<'_, AppState>,
    kind: Service,
    on: String,
    lang: String,
) -> Res<Checklist> {
    cases::checklist(&state.law_now(), kind, &on).map_err(|e| fail(e, &lang))
}

#[tauri::command]
pub fn professions(state: tauri::State<'_, AppState>, text: String, lang: String) -> Vec<Hit> {
    cases::professions(&state.law, &text, self::lang(&lang))
}

#[tauri::command]
pub fn points(
    state: tauri::State<'_, AppState>,
    registered_on: String,
    f: Findings,
    lang: String,
) -> Res<Points> {
    cases::points(&state.law_now(), &registered_on, &f).map_err(|e| fail(e, &lang))
}

command!(read find_certificate(number: String) -> CertificateFound, |s, _| {
    cases::find_certificate(s, &number)
});

command!(with_mut new_application(app: NewApplication, refuse_note: Option<String>) -> CaseId,
    |s, who| cases::register(s, who, now(), &app, refuse_note.as_deref()));

command!(read case_page(id: CaseId) -> CasePage, |s, who| cases::page(s, who, now(), id));

/// Attaches a scan chosen in the native open dialog. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn attach_scan(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    case: CaseId,
    kind: Option<DocumentKind>,
    lang: String,
) -> Res<Option<String>> {
    let Some(path) = state.dialogs.open(&app, cases::SCAN_TYPES) else {
        return Ok(None);
    };
    state
        .with_mut(&lang, |s, who| {
            cases::attach_scan(s, who, now(), case, kind, &path)
        })
        .map(Some)
}

command!(with_mut send_to_commission(case: CaseId) -> (), |s, who| {
    cases::send_to_commission(s, who, now(), case)
});

command!(read sittings() -> SittingsPage, |s, _| cases::sittings(s));

command!(with_mut create_sitting(held_on: String, place: String, present: Vec<MemberId>) -> SittingId,
    |s, who| cases::create_sitting(s, who, now(), &held_on, &place, Some(&present)));

command!(with_mut record_assessment(case: CaseId, sitting: SittingId, f: Findings, decision: Outcome,
    reason: Option<String>) -> (), |s, who| {
    let input = f.input()?;
    cases::record_assessment(s, who, now(), case, sitting, &input, decision, reason.as_deref())
});

command!(
    /// The head's decision. Returns the new certificate's number when one is issued.
    with_mut decide(case: CaseId, outcome: Outcome, grounds: Vec<RefusalGround>, reason: Option<String>,
        chosen_end: Option<String>) -> Option<CertificateNumber>,
    |s, who| cases::decide(s, who, now(), case, outcome, &grounds, reason.as_deref(), chosen_end.as_deref())
);

command!(with_mut revoke(number: String, act: ActTyped) -> (), |s, who| {
    cases::revoke(s, who, now(), &number, &act)
});

command!(
    /// A notice from the holder (Rules p.18, p.20); returns whether it came late.
    with_mut record_notification(number: String, kind: NotificationKind, event_on: String, note: String) -> bool,
    |s, who| cases::record_notification(s, who, now(), &number, kind, &event_on, &note)
);

command!(with_mut register_complaint(case: Option<CaseId>, addressee: ComplaintAddressee, summary: String)
    -> ComplaintId, |s, who| cases::register_complaint(s, who, now(), case, addressee, &summary));

command!(with_mut resolve_complaint(id: ComplaintId, status: ComplaintStatus, outcome: String) -> (),
    |s, who| cases::resolve_complaint(s, who, now(), id, status, &outcome));
