// Generated from the Rust types by crates/app/tests/bindings.rs: do not edit.
// ANYQTAMA_UPDATE_BINDINGS=1 cargo test -p anyqtama-app --test bindings

export type About = { version: string, store: string, rule_sets: Array<RuleSetInfo>, 
/**
 * The lists of professions: id and source.
 */
lists: Array<[string, string]>, };

/**
 * A control body's act (Rules p.21), as typed.
 */
export type ActTyped = { body: string, number: string, date: string, };

/**
 * Every action that changes the store.
 */
export type Action = "register_application" | "refuse_acceptance" | "attach_scan" | "send_to_commission" | "record_notification" | "register_complaint" | "create_sitting" | "record_assessment" | "decide" | "revoke" | "resolve_complaint" | "manage_users" | "manage_office" | "manage_commission" | "manage_numbering" | "backup" | "restore" | "print";

/**
 * Cases waiting for a step: to be sent to the Commission, at the Commission, for the head.
 */
export type Agenda = { registered: Array<CaseSummary>, commission: Array<CaseSummary>, decision: Array<CaseSummary>, };

/**
 * What the first screen shows before anyone signs in.
 */
export type AppInfo = { rules_in_force: string, calendar_first: number, calendar_last: number, version: string, 
/**
 * Set only when a test pins the clock: the window's date fields then start from it.
 */
pinned_now: string | null, };

/**
 * A person applying: names in the passport's Latin spelling and in Cyrillic (and the native script
 * where the passport has one), passport data, citizenship and contacts.
 */
export type ApplicantData = { surname_latin: string, given_names_latin: string, surname_cyrillic: string, given_names_cyrillic: string, patronymic: string, name_native: string, birth_date: string | null, 
/**
 * ISO 3166 alpha-3; `XXA` for a stateless person.
 */
citizenship: string, passport_number: string, passport_issued_on: string | null, passport_issuer: string, iin: string | null, phone: string, email: string, address_kz: string, residence_address: string, residence_phone: string, };

export type ApplicantId = number;

export type ApplicantRef = { "existing": ApplicantId } | { "new": ApplicantData };

/**
 * The computed part of an assessment: points (issue only), recommendation and refusal grounds.
 */
export type AssessmentResult = { 
/**
 * The periods as counted and the totals (customary and calendar).
 */
count: Count | null, experience: Length | null, points: Points | null, total: number | null, threshold: number, recommendation: Recommendation, refusal_grounds: Array<RefusalGround>, };

export type AttachmentRow = { id: number, document_kind: DocumentKind | null, file_name: string, size: number, sha256: string, added_at: string, };

export type AuditPage = { rows: Array<AuditRow>, 
/**
 * The chain checked from the first event to the last.
 */
verified: Verified | null, 
/**
 * Why the check failed, as a sentence in the reader's language.
 */
broken: string | null, };

export type AuditRow = { seq: number, at: string, login: string, 
/**
 * The user's name as the store knows it now (none for the command line's operator).
 */
full_name: string | null, role: string, action: string, entity: string, entity_id: string, };

/**
 * One year of the working-day calendar: its exceptions to the Monday-Friday week, with sources.
 */
export type CalendarYear = { year: number, status: YearStatus, note: string | null, exceptions: Array<[string, Exception]>, working_days: number, };

/**
 * Everything that hangs off one case, for its page.
 */
export type CaseExtras = { applicant_id: number, citizenship: string, checklist: Array<[DocumentKind, boolean, string | null]>, attachments: Array<AttachmentRow>, 
/**
 * The certificate an extension, reissue or duplicate concerns.
 */
concerns: CertificateRow | null, 
/**
 * The certificate this case produced.
 */
produced: CertificateRow | null, notifications: Array<NotificationRow>, complaints: Array<ComplaintRow>, acceptance_refusal: [Array<string>, Array<string>, string] | null, };

export type CaseId = number;

export type CasePage = { summary: CaseSummary, record: CaseRecord, extras: CaseExtras, profession: Names | null, 
/**
 * What the signed-in user may do now, by role and the case's state.
 */
actions: Array<Action>, next: NextStep | null, };

export type CaseRecord = { id: number, kind: Service, status: CaseStatus, received_on: string, registered_on: string, decided_on: string | null, rule_set: string, profession_id: string, applicant_latin: string, applicant_cyrillic: string, passport: string, passport_issued_on: string | null, passport_issuer: string, address: string, phone: string, residence: string, employer: [string, string] | null, documents: Array<DocumentKind>, 
/**
 * Refusal: grounds, the official's reason, signatory.
 */
refusal_grounds: Array<RefusalGround>, reason: string | null, signatory: string, total: number | null, threshold: number | null, sitting_id: number | null, 
/**
 * The Commission's grounds (App 2 p.9) and its written justification of its findings.
 */
commission_grounds: Array<RefusalGround>, commission_note: string | null, 
/**
 * A refusal to accept: the documents missing, those expired (with their last day), the note.
 */
not_accepted: NotAccepted | null, 
/**
 * Who registered the case (or refused to accept it).
 */
registrar: string, };

/**
 * Where a case stands after an action: what a script reads to take the next step.
 */
export type CaseState = { case: number, kind: Service, status: CaseStatus, registered_on: string, rule_set: string, decided_on: string | null, refusal_grounds: Array<RefusalGround>, 
/**
 * The certificate it produced: its number, and the ids a later application refers to.
 */
certificate: string | null, certificate_id: number | null, applicant_id: number | null, };

/**
 * Where a case stands. `issue` goes registered -> sent_to_commission -> assessed -> issued |
 * refused; the other services go registered -> issued | refused. `not_accepted` is the refusal to
 * accept an incomplete application (App 2 p.9).
 */
export type CaseStatus = "registered" | "not_accepted" | "sent_to_commission" | "assessed" | "issued" | "refused";

export type CaseSummary = { id: number, kind: Service, status: CaseStatus, 
/**
 * Full name in the passport's spelling.
 */
applicant: string, applicant_cyrillic: string, passport_number: string, registered_on: string, rule_set: string, profession_id: string, 
/**
 * The certificate concerned or produced.
 */
certificate: string | null, filed_late: boolean, };

export type CertificateFound = { certificate: CertificateRow, holder: string, applicant_id: number, profession_id: string, };

export type CertificateId = number;

/**
 * A certificate's number as printed, made by the office's numbering pattern.
 */
export type CertificateNumber = string;

export type CertificateRow = { id: number, number: CertificateNumber, copy: number, issued_on: string, valid_from: string, valid_to: string, 
/**
 * As stored: a valid certificate past its end is still `valid` here (see `valid_to`).
 */
status: CertificateStatus, invalid_from: string | null, 
/**
 * Who decided and sealed it (issue 12); none for one decided before seals were stored.
 */
sealed_by: string | null, };

/**
 * A certificate's stored status; "expired" is not stored but follows from `valid_to` and the date.
 */
export type CertificateStatus = "valid" | "superseded" | "revoked" | "replaced";

/**
 * The documents App 2 p.8 asks for one kind of application, under the rule set in force.
 */
export type Checklist = { rule_set: string, items: Array<ChecklistItem>, 
/**
 * Reissue grounds the rule set allows.
 */
grounds: Array<ReissueGround>, };

export type ChecklistItem = { id: DocumentKind, cite: string, };

/**
 * Where a complaint was filed (Rules ch.3).
 */
export type ComplaintAddressee = "leb" | "quality_body";

export type ComplaintId = number;

export type ComplaintRow = { id: number, addressee: ComplaintAddressee, registered_on: string, forward_due: string | null, review_due: string, status: ComplaintStatus, resolved_on: string | null, summary: string, outcome: string | null, };

export type ComplaintStatus = "open" | "satisfied" | "forwarded" | "rejected";

export type Conflict = { kind: string, detail: JsonValue, };

/**
 * The experience the points are based on, with the periods behind it.
 */
export type Count = { periods: Array<CountedPeriod>, 
/**
 * The customary sum (30 days = 1 month, 12 months = 1 year) of the union: what is scored.
 */
total: Length, 
/**
 * Days in the union of the periods, both ends included.
 */
days: number, 
/**
 * The same days as calendar years, months and days (laid end to end from the first day), so
 * that a Commission member sees where the customary figure differs from the calendar.
 */
calendar: Length, };

/**
 * One period as the Commission counts it: as presented, and up to the registration date.
 */
export type CountedPeriod = { from: string, 
/**
 * The end as presented (it may lie after the registration date).
 */
to: string, 
/**
 * The last day counted: `to`, or the registration date when `to` is later.
 */
counted_to: string, 
/**
 * Calendar years, months and days of this period as counted (inclusive).
 */
length: Length, };

export type Counts = { new: number, updated: number, unchanged: number, 
/**
 * Held here in a newer version: the bundle's older one is not applied.
 */
older_skipped: number, };

export type Dashboard = { today: string, due_today: Array<Due>, late: Array<Due>, 
/**
 * Open steps due later, soonest first.
 */
upcoming: Array<Due>, ending_soon: Array<Ending>, 
/**
 * The day of the last backup (the trail's last `backup` event), none if there never was one.
 */
last_backup: string | null, 
/**
 * Days since then; the dashboard asks for a backup from [`BACKUP_DUE_DAYS`] on.
 */
days_since_backup: number | null, backup_due: boolean, };

export type DemoSummary = { office_code: string, office: string, store_id: string, cases: number, certificates: number, open_cases: number, users: Array<string>, password: string, };

/**
 * One document of the checklist as the registrar found it.
 */
export type DocumentCheck = { kind: DocumentKind, present: boolean, 
/**
 * Where a document has a validity (a passport, a contract): its last day.
 */
valid_until: string | null, };

/**
 * A kind of document in the checklist of App 2 p.8; its name is the message `doc-<id>`.
 */
export type DocumentKind = "application" | "identity_document" | "education_translation" | "work_history" | "previous_certificate" | "employment_contract" | "change_document";

/**
 * A document to print, named by what it belongs to: a case's application, refusal or protocol by
 * the case, a certificate by its number. The window sends this, so a sitting's id can never stand
 * where a case is meant.
 */
export type DocumentRef = { "kind": "application", case: CaseId, } | { "kind": "refusal", case: CaseId, } | { "kind": "protocol", case: CaseId, } | { "kind": "certificate", number: CertificateNumber, };

/**
 * A step that is due, with its deadline.
 */
export type Due = { case_id: number, kind: Service, status: CaseStatus, applicant: string, 
/**
 * What must happen next: to_commission, commission_decision, decision.
 */
step: string, deadline: string, 
/**
 * Working days past the deadline (0 when due today).
 */
late_by: number, 
/**
 * Working days left before the deadline: after today up to and including the deadline
 * (0 when due today or late). Shown beside every upcoming deadline (issue 15).
 */
left: number, };

/**
 * The employer block of an extension or an employer-change reissue.
 */
export type Employer = { name: string, 
/**
 * BIN or IIN, checked.
 */
bin: string, contract_from: string, contract_to: string, };

export type Ending = { number: string, holder: string, valid_to: string, };

/**
 * Why a date is an exception to the Monday-Friday week.
 */
export type Exception = { "kind": "holiday", holiday: HolidayKind, estimated: boolean, source: string, } | { "kind": "carried", holiday: HolidayKind, from: string, source: string, } | { "kind": "transferred", working_day: string, source: string, } | { "kind": "working", instead_of: string, source: string, };

/**
 * The Commission's findings for one applicant, as the secretary enters them: dates as typed.
 */
export type Findings = { higher: boolean, degree: boolean, english: boolean, profession_in_list: boolean, qualification_matches: boolean, documents_reliable: boolean, periods: Array<[string, string]>, };

export type Found = { cases: Array<CaseSummary>, 
/**
 * More matched than are shown.
 */
more: boolean, };

/**
 * One search result.
 */
export type Hit = { 
/**
 * `order-236-annex-2` or `order-49-annex-2`.
 */
list: string, id: string, 
/**
 * The legal number (order 236) or the NK RK 01-2017 code (order 49).
 */
number: string, name: string, 
/**
 * The groups above it in the chosen language: sector and activity, profession for a position;
 * the field for order 49.
 */
path: Array<string>, 
/**
 * The chosen language's name is an unofficial translation.
 */
unofficial: boolean, names: Names, };

/**
 * A kind of holiday: its names and whether a weekend occurrence is carried over.
 */
export type HolidayKind = { id: string, carried: boolean, source: string, kk: string, ru: string, en: string, };

export type HqConflict = { id: number, kind: string, detail: JsonValue, found_at: string, };

export type HqOffice = { office_id: string, code: string, name_kk: string, name_ru: string, name_en: string, fingerprint: string, trusted_at: string, bundles: number, last_period: string | null, last_created_at: string | null, last_imported_at: string | null, cases: number, certificates: number, };

export type HqRegisterRow = { office_code: string, office_id: string, number: string, date: string, holder: string, citizenship: string, profession_id: string, 
/**
 * issued, extended, reissued, duplicate, refused, revoked
 */
event: string, valid_from: string | null, valid_to: string | null, };

export type HqStatus = { offices: Array<HqOffice>, conflicts: Array<HqConflict>, };

export type ImportReport = { office: string, office_id: string, fingerprint: string, period: string, new_office: boolean, 
/**
 * The same file was imported before: nothing was changed.
 */
already_imported: boolean, dry_run: boolean, cases: Counts, certificates: Counts, others: Counts, audit_new: number, conflicts: Array<Conflict>, };

/**
 * A bundle imported from a file.
 */
export type Imported = { file: string, report: ImportReport, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

/**
 * Years, months and days of service, normalised (months < 12, days < 30).
 */
export type Length = { years: number, months: number, days: number, };

/**
 * The live points while the secretary types (named apart from the rules' points per criterion).
 */
export type LivePoints = { rule_set: string, result: AssessmentResult, citations: Array<string>, };

export type MemberId = number;

export type MemberRow = { id: number, full_name: string, position: string, organisation: string, active: boolean, };

/**
 * An error as a person reads it.
 */
export type Message = { message: string, 
/**
 * The form field it belongs to, when there is one (`received_at`, `periods`, `grounds`, …).
 */
field: string | null, 
/**
 * The other refusals of the same form, each next to its own field (issue 15: all at once).
 */
also?: Array<Message>, };

/**
 * A name in the three languages, as the data files carry it.
 */
export type Names = { kk: string, ru: string, en: string, };

/**
 * A new application.
 */
export type NewApplication = { kind: Service, 
/**
 * An applicant already on file, or a new one.
 */
applicant: ApplicantRef, received_at: string, 
/**
 * Profession id from the list of order 236 (e.g. `o236.3.1.2`).
 */
profession_id: string, documents: Array<DocumentCheck>, 
/**
 * Extend, reissue, duplicate: the certificate concerned.
 */
certificate: CertificateId | null, employer: Employer | null, 
/**
 * Reissue: why.
 */
change_ground: ReissueGround | null, 
/**
 * The day the applicant's 5 working days run from: the contract (extension), the change
 * (reissue), the loss or damage (duplicate).
 */
event_on: string | null, };

/**
 * The next step of an open case: its deadline, and by how many working days it is late or how
 * many are left to it.
 */
export type NextStep = { step: string, deadline: string, late_by: number, left: number, };

export type NotAccepted = { missing: Array<DocumentKind>, expired: Array<[DocumentKind, string | null]>, note: string, };

/**
 * Notices the holder must send (Rules p.18, p.20).
 */
export type NotificationKind = "employer_change" | "contract_termination";

export type NotificationRow = { id: number, kind: NotificationKind, event_on: string, received_on: string, due_on: string, late: boolean, note: string, };

/**
 * Office details, in three languages.
 */
export type Office = { code: string, name_kk: string, name_ru: string, name_en: string, region_kk: string, region_ru: string, region_en: string, address: string, };

export type OfficeSettings = { office: Office, hours_open: string, hours_close: string, number_pattern: string, 
/**
 * The next sequence number for this year (what numbering would give next).
 */
next_number: number, };

export type Outcome = "issue" | "refuse";

/**
 * Points per criterion; they add up (the text has no "or": RULES.md §6.2).
 */
export type Points = { higher_education: number, academic_degree: number, english_teaching_certificate: number, experience: number, };

/**
 * A profession as the list words it, so that the printed line identifies one entry of order 236's
 * list (App 1: "profession, sector of the economy (type of economic activity)"; App 3: profession
 * and sector per the list).
 */
export type ProfessionView = { 
/**
 * The profession; for a recommended position, the profession heading above it.
 */
profession: Names, 
/**
 * The recommended position chosen under the profession heading, if any.
 */
position: Names | null, 
/**
 * The type of economic activity.
 */
activity: Names, 
/**
 * The priority sector, where the list prints its name (not for sector 1, whose name the
 * source table leaves blank: nothing is printed that the list does not contain).
 */
sector: Names | null, };

/**
 * One report: `total` is none while the end is not known (an export's size).
 */
export type Progress = { task: Task, unit: Unit, done: number, total: number | null, };

/**
 * What a QR code tells, checked against this store.
 */
export type QrCheck = { 
/**
 * The signature is right for an office key this store knows.
 */
genuine: boolean, certificate: QrData, 
/**
 * The office whose key signed it (its name as this store knows it) and the key's fingerprint.
 */
office: string, fingerprint: string, 
/**
 * The signatory whose own key signed it, as the keys' records name them (none for a seal made
 * with an office's first key before signatories held keys of their own, or for another
 * office's key known without its holder).
 */
signed_by: string | null, 
/**
 * Whether this store holds a certificate of that number and copy (a higher office holds
 * its offices'; an office its own).
 */
known: boolean, 
/**
 * Its status today where known: valid, expired, superseded (reissued), replaced (by a
 * duplicate), revoked.
 */
status: ShownStatus | null, 
/**
 * Where known: whether the store's record still says what the code says (holder, end date;
 * and, for a certificate sealed at its decision, the very seal stored then).
 */
matches: boolean | null, 
/**
 * Where known: who decided and so sealed it.
 */
sealed_by: string | null, };

/**
 * The data a QR carries.
 */
export type QrData = { office: string, number: string, copy: number, issued_on: string, valid_from: string, valid_to: string, holder: string, profession_id: string, };

export type Recommendation = "issue" | "refuse";

/**
 * A ground for refusing the service (App 2 p.9).
 */
export type RefusalGround = "qualification_mismatch" | "below_threshold" | "unreliable_documents";

/**
 * A month's register as the window lists it.
 */
export type RegisterPreview = { month: string, rows: Array<RegisterRow>, };

export type RegisterRow = { number: string, date: string, holder: string, citizenship: string, 
/**
 * Shared by the month's rows of one profession (issue 14: a register of 11,000 rows held a
 * copy of its names in three languages for each).
 */
profession: ProfessionView, 
/**
 * issued, extended, reissued, duplicate, refused, revoked, not_accepted
 */
event: string, valid_from: string | null, valid_to: string | null, 
/**
 * valid, expired, superseded, revoked, replaced, refused
 */
status: string, };

/**
 * Why a certificate may be reissued.
 */
export type ReissueGround = "name_change" | "identity_document_change" | "employer_change";

/**
 * What a user may do is decided by role (PRODUCT.md, "Users").
 */
export type Role = "registrar" | "secretary" | "head" | "admin";

export type RuleSetInfo = { id: string, order: string, effective_from: string, effective_from_assumed: boolean, effective_from_cite: string, threshold: number, };

/**
 * A file written where the user chose: where, and how big.
 */
export type Saved = { path: string, bytes: number, };

/**
 * A bundle saved where the user chose.
 */
export type SavedBundle = { path: string, bytes: number, office: string, fingerprint: string, period: string, seq_from: number | null, seq_to: number | null, counts: { [key in string]: number }, };

export type Service = "issue" | "extend" | "reissue" | "duplicate";

/**
 * A signed-in user.
 */
export type Session = { user_id: UserId, login: string, full_name: string, roles: Array<Role>, lang: string, 
/**
 * The administrator reset the password: the window asks for a new one before anything else,
 * and every action but changing it is refused (`StoreError::MustChangePassword`).
 */
must_change_password: boolean, };

export type Settings = { office: OfficeSettings, users: Array<UserRow>, members: Array<MemberRow>, rule_sets: Array<RuleSetInfo>, calendar: Array<CalendarYear>, };

/**
 * A certificate's status as shown on a day: the stored one, or "expired" once a valid
 * certificate's end has passed.
 */
export type ShownStatus = "valid" | "expired" | "superseded" | "revoked" | "replaced";

export type SittingId = number;

export type SittingRow = { id: number, held_on: string, place: string, present: number, assessed: number, };

export type SittingsPage = { sittings: Array<SittingRow>, members: Array<MemberRow>, };

/**
 * What a store is, for the first screen: set up or not, an office's or a higher office's.
 */
export type StoreStatus = { path: string, 
/**
 * An office is set up: sign in.
 */
ready: boolean, 
/**
 * Another window holds this store.
 */
in_use: boolean, 
/**
 * A higher office's store: bundles imported, no office of its own.
 */
higher_office: boolean, 
/**
 * Users exist: sign in (else the first administrator is to be made).
 */
has_users: boolean, };

export type Task = "export" | "import" | "restore" | "demo";

/**
 * What `done` and `total` count.
 */
export type Unit = "bytes" | "cases";

export type UserId = number;

export type UserRow = { id: number, login: string, full_name: string, lang: string, active: boolean, roles: Array<Role>, 
/**
 * The fingerprint of the office key this user's password opens (a signatory's key slot).
 */
seal: string | null, };

/**
 * The result of a successful verification.
 */
export type Verified = { events: number, head: string, };

export type YearStatus = "confirmed" | "provisional";
