// The shell's commands and the shapes they return (mirroring the Rust structs of src-tauri and
// crates/store; serde field names). Every command takes the window's language so its refusals
// come back as sentences in it.
import { invoke } from "@tauri-apps/api/core";
import { lang } from "./i18n";

export interface Fail { message: string; field: string | null }
export type Kind = "issue" | "extend" | "reissue" | "duplicate";
export type Status = "registered" | "not_accepted" | "sent_to_commission" | "assessed" | "issued" | "refused";
export type Role = "registrar" | "secretary" | "head" | "admin";
export type Names = { kk: string; ru: string; en: string };

export interface Session { user_id: number; login: string; full_name: string; roles: Role[]; lang: string }
export interface AppInfo { rules_in_force: string; calendar_first: number; calendar_last: number; version: string; pinned_now: string | null }
export interface StoreStatus { path: string; ready: boolean; in_use: boolean; higher_office: boolean; has_users: boolean }
export interface DemoSummary { cases: number; password: string }
export interface CaseSummary {
  id: number; kind: Kind; status: Status; applicant: string; applicant_cyrillic: string; passport_number: string;
  registered_on: string; rule_set: string; profession_id: string; certificate: string | null; filed_late: boolean;
}
export interface Due { case_id: number; kind: Kind; status: Status; applicant: string; step: string; deadline: string; late_by: number }
export interface Dashboard { today: string; due_today: Due[]; late: Due[]; upcoming: Due[]; ending_soon: { number: string; holder: string; valid_to: string }[] }
export interface Agenda { registered: CaseSummary[]; commission: CaseSummary[]; decision: CaseSummary[] }
export interface Checklist { rule_set: string; items: { id: string; cite: string }[]; grounds: string[] }
export interface Hit { list: string; id: string; number: string; name: string; path: string[]; unofficial: boolean }
export interface CertificateRow {
  id: number; number: string; copy: number; issued_on: string; valid_from: string; valid_to: string; status: string; invalid_from: string | null;
}
export interface CertificateFound { certificate: CertificateRow; holder: string; applicant_id: number; profession_id: string }
export interface CaseRecord {
  id: number; received_on: string; registered_on: string; decided_on: string | null; rule_set: string; passport: string;
  passport_issued_on: string | null; passport_issuer: string; address: string; phone: string; residence: string;
  employer: [string, string] | null; refusal_grounds: string[]; reason: string | null; signatory: string;
  total: number | null; threshold: number | null; sitting_id: number | null;
  commission_grounds: string[]; commission_note: string | null;
}
export interface Attachment { id: number; document_kind: string | null; file_name: string; size: number; sha256: string; added_at: string }
export interface NotificationRow { id: number; kind: string; event_on: string; received_on: string; due_on: string; late: boolean; note: string }
export interface ComplaintRow {
  id: number; addressee: string; registered_on: string; forward_due: string | null; review_due: string; status: string;
  resolved_on: string | null; summary: string; outcome: string | null;
}
export interface CaseExtras {
  applicant_id: number; citizenship: string; checklist: [string, boolean, string | null][]; attachments: Attachment[];
  concerns: CertificateRow | null; produced: CertificateRow | null; notifications: NotificationRow[]; complaints: ComplaintRow[];
  acceptance_refusal: [string[], string[], string] | null;
}
export interface CasePage {
  summary: CaseSummary; record: CaseRecord; extras: CaseExtras; profession: Names | null; actions: string[];
  next: { step: string; deadline: string; late_by: number } | null;
}
export interface Member { id: number; full_name: string; position: string; organisation: string; active: boolean }
export interface Sitting { id: number; held_on: string; place: string; present: number; assessed: number }
export interface Findings {
  higher: boolean; degree: boolean; english: boolean; profession_in_list: boolean; qualification_matches: boolean;
  documents_reliable: boolean; periods: [string, string][];
}
export interface Points {
  rule_set: string; citations: string[];
  result: {
    total: number; threshold: number; recommendation: "issue" | "refuse"; refusal_grounds: string[];
    experience: { years: number; months: number; days: number };
    count: { periods: CountedPeriod[]; total: Length; days: number; calendar: Length } | null;
  };
}
export interface Length { years: number; months: number; days: number }
export interface CountedPeriod { from: string; to: string; counted_to: string; length: Length }
export interface Saved { path: string; bytes: number }
export interface RegisterRow {
  number: string; date: string; holder: string; citizenship: string; profession: Names; event: string;
  valid_from: string | null; valid_to: string | null; status: string;
}
export interface Office { code: string; name_kk: string; name_ru: string; name_en: string; region_kk: string; region_ru: string; region_en: string; address: string }
export interface UserRow { id: number; login: string; full_name: string; lang: string; active: boolean; roles: Role[] }
export interface RuleSetInfo { id: string; order: string; effective_from: string; effective_from_assumed: boolean; effective_from_cite: string; threshold: number }
export interface CalendarYear { year: number; status: "confirmed" | "provisional"; note: string | null; exceptions: [string, Record<string, unknown>][]; working_days: number }
export interface Settings {
  office: { office: Office; hours_open: string; hours_close: string; number_pattern: string; next_number: number };
  users: UserRow[]; members: Member[]; rule_sets: RuleSetInfo[]; calendar: CalendarYear[];
}
export interface AuditRow { seq: number; at: string; login: string; role: string; action: string; entity: string; entity_id: string }
export interface AuditPage { rows: AuditRow[]; verified: { events: number; head: string } | null; broken: string | null }
export interface About { version: string; store: string; rule_sets: RuleSetInfo[]; lists: [string, string][] }

export interface ImportCounts { new: number; updated: number; unchanged: number; older_skipped: number }
export interface Conflict { kind: string; detail: Record<string, unknown> }
export interface ImportReport {
  office: string; office_id: string; fingerprint: string; period: string; new_office: boolean; already_imported: boolean;
  dry_run: boolean; cases: ImportCounts; certificates: ImportCounts; others: ImportCounts; audit_new: number; conflicts: Conflict[];
}
export interface HqOffice {
  office_id: string; code: string; name_kk: string; name_ru: string; name_en: string; fingerprint: string; trusted_at: string;
  bundles: number; last_period: string | null; last_created_at: string | null; last_imported_at: string | null; cases: number; certificates: number;
}
export interface HqConflict { id: number; kind: string; detail: Record<string, any>; found_at: string }
export interface HqRegisterRow {
  office_code: string; office_id: string; number: string; date: string; holder: string; citizenship: string; profession_id: string;
  event: string; valid_from: string | null; valid_to: string | null;
}

/** Calls a shell command with the window's language added. */
export function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  return invoke<T>(cmd, { ...args, lang });
}
