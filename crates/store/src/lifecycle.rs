//! The lifecycle as an explicit state machine: which role may take which action, and from which
//! state of a case. Pure; the store calls [`check`] inside every write, before changing anything.

use crate::error::{Result, StoreError};
use crate::model::{CaseStatus, Role};
use anyqtama_rules::Service;

/// Every action that changes the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // Front office.
    RegisterApplication,
    RefuseAcceptance,
    AttachScan,
    SendToCommission,
    RecordNotification,
    RegisterComplaint,
    // Commission secretary.
    CreateSitting,
    RecordAssessment,
    // Head / signatory.
    Decide,
    Revoke,
    ResolveComplaint,
    // Administrator.
    ManageUsers,
    ManageOffice,
    ManageCommission,
    ManageNumbering,
    Backup,
    Restore,
    // Everyone: a real (not draft) print is recorded.
    Print,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::RegisterApplication,
        Action::RefuseAcceptance,
        Action::AttachScan,
        Action::SendToCommission,
        Action::RecordNotification,
        Action::RegisterComplaint,
        Action::CreateSitting,
        Action::RecordAssessment,
        Action::Decide,
        Action::Revoke,
        Action::ResolveComplaint,
        Action::ManageUsers,
        Action::ManageOffice,
        Action::ManageCommission,
        Action::ManageNumbering,
        Action::Backup,
        Action::Restore,
        Action::Print,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::RegisterApplication => "register_application",
            Action::RefuseAcceptance => "refuse_acceptance",
            Action::AttachScan => "attach_scan",
            Action::SendToCommission => "send_to_commission",
            Action::RecordNotification => "record_notification",
            Action::RegisterComplaint => "register_complaint",
            Action::CreateSitting => "create_sitting",
            Action::RecordAssessment => "record_assessment",
            Action::Decide => "decide",
            Action::Revoke => "revoke",
            Action::ResolveComplaint => "resolve_complaint",
            Action::ManageUsers => "manage_users",
            Action::ManageOffice => "manage_office",
            Action::ManageCommission => "manage_commission",
            Action::ManageNumbering => "manage_numbering",
            Action::Backup => "backup",
            Action::Restore => "restore",
            Action::Print => "print",
        }
    }

    /// The roles that may take this action.
    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::RegisterApplication | Action::RefuseAcceptance | Action::AttachScan => {
                &[Registrar]
            }
            Action::RecordNotification | Action::RegisterComplaint => &[Registrar],
            // The registrar sends complete documents (p.7); the secretary may receive them directly.
            Action::SendToCommission => &[Registrar, Secretary],
            Action::CreateSitting | Action::RecordAssessment => &[Secretary],
            Action::Decide | Action::Revoke | Action::ResolveComplaint => &[Head],
            Action::ManageUsers
            | Action::ManageOffice
            | Action::ManageCommission
            | Action::ManageNumbering => &[Admin],
            Action::Backup | Action::Restore => &[Admin],
            Action::Print => &[Registrar, Secretary, Head, Admin],
        }
    }
}

/// The role, among those a user holds, under which an action is taken; refused when none permits it.
pub fn permitted(action: Action, held: &[Role]) -> Result<Role> {
    action
        .roles()
        .iter()
        .find(|r| held.contains(r))
        .copied()
        .ok_or_else(|| StoreError::NotPermitted {
            action: action.name(),
            needed: action.roles().to_vec(),
        })
}

/// The state a case moves to when `action` is taken on it, or `None` when the action is not possible
/// from `status` for this kind of case.
pub fn next(
    kind: Service,
    status: CaseStatus,
    action: Action,
    outcome_issue: bool,
) -> Option<CaseStatus> {
    use CaseStatus::*;
    match (kind, status, action) {
        (Service::Issue, Registered, Action::SendToCommission) => Some(SentToCommission),
        (Service::Issue, SentToCommission, Action::RecordAssessment) => Some(Assessed),
        (Service::Issue, Assessed, Action::Decide) => {
            Some(if outcome_issue { Issued } else { Refused })
        }
        // Extension, reissue and duplicate are decided by the LEB without the Commission (App 2 p.3).
        (Service::Extend | Service::Reissue | Service::Duplicate, Registered, Action::Decide) => {
            Some(if outcome_issue { Issued } else { Refused })
        }
        // Scans may be added while the case is open.
        (_, Registered | SentToCommission | Assessed, Action::AttachScan) => Some(status),
        _ => None,
    }
}

/// Checks a transition; the error names the case, its state and the action.
pub fn check(
    case: i64,
    kind: Service,
    status: CaseStatus,
    action: Action,
    outcome_issue: bool,
) -> Result<CaseStatus> {
    next(kind, status, action, outcome_issue).ok_or(StoreError::WrongState {
        case,
        status,
        action: action.name(),
    })
}
