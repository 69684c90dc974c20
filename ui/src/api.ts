// The shell's commands and the shapes they return. The shapes are generated from the Rust types
// (ui/src/bindings.ts, by crates/app/tests/bindings.rs): never written here by hand. Every command
// takes the window's language so its refusals come back as sentences in it.
import { invoke } from "@tauri-apps/api/core";
import { lang } from "./i18n";
import type * as B from "./bindings";

export type {
  About, Agenda, AppInfo, AuditPage, AuditRow, CalendarYear, CaseExtras, CasePage, CaseRecord, CaseState,
  CaseSummary, CertificateFound, CertificateRow, Checklist, DemoSummary, Dashboard, Due, Findings, Found, Hit,
  HqConflict, HqOffice, HqRegisterRow, HqStatus, ImportReport, Imported, Names, Office, RegisterPreview, RegisterRow,
  Saved, SavedBundle, Session, Settings, StoreStatus, UserRow, RuleSetInfo, Action, Role, CaseStatus, Service,
  CertificateNumber, CaseId, DocumentRef, Progress,
} from "./bindings";

/** A refusal as the window shows it: a sentence, and the field it belongs next to. */
export type Fail = B.Message;
export type Kind = B.Service;
export type Status = B.CaseStatus;
export type Member = B.MemberRow;
export type Sitting = B.SittingRow;
export type Points = B.LivePoints;
export type Attachment = B.AttachmentRow;
export type NotificationRow = B.NotificationRow;
export type ComplaintRow = B.ComplaintRow;

/** Calls a shell command with the window's language added. */
export function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  return invoke<T>(cmd, { ...args, lang });
}
