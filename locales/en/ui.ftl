## The desktop window
ui-store-none = No case store yet at { $path }.
ui-store-ready = Case store: { $path }
ui-open-demo = Open a demo office (realistic synthetic cases)
ui-opening-demo = Preparing the demo office…
ui-demo-ready = Demo office ready: { $cases } cases. Users: admin, registrar, secretary, head; password: { $password }
ui-sign-in = Sign in
ui-login = Login
ui-password = Password
ui-signed-in = { $name } ({ $roles })
ui-sign-out = Sign out
ui-due-today = Due today
ui-late = Overdue
ui-ending = Certificates expiring within 14 days
ui-none = Nothing here.
ui-late-by = { $days ->
        [one] { $days } working day late
       *[other] { $days } working days late
    }
ui-step-to_commission = send to the Commission by { $date }
ui-step-commission_decision = Commission decision by { $date }
ui-step-decision = decision by { $date }
ui-search = Search people, cases, certificates
ui-search-hint = A name in Latin or Cyrillic, a passport, an IIN/BIN or a certificate number
ui-results = { $count } found
ui-case = Case No. { $id }
ui-valid-to = valid until { $date }
ui-kind-issue = issue
ui-kind-extend = extension
ui-kind-reissue = reissue
ui-kind-duplicate = duplicate
ui-status-registered = registered
ui-status-not_accepted = not accepted
ui-status-sent_to_commission = with the Commission
ui-status-assessed = assessed
ui-status-issued = issued
ui-status-refused = refused
ui-role-registrar = registrar
ui-role-secretary = Commission secretary
ui-role-head = head
ui-role-admin = administrator
ui-points-title = Commission: points and recommendation
ui-points-date = Registration date
ui-points-higher = Higher education in a specialty of the list
ui-points-degree = Academic degree in such a specialty
ui-points-english = Certificate for teaching English
ui-points-in-list = The profession is in the list
ui-points-matches = The qualification matches the profession
ui-points-reliable = The documents are reliable
ui-points-periods = Work experience accepted by the Commission
ui-points-from = from
ui-points-to = to
ui-points-add = Add a period
ui-points-result = { $total } points of { $threshold } needed ({ $rule_set }); experience { $years } y { $months } m { $days } d
ui-points-issue = Recommendation: issue
ui-points-refuse = Recommendation: refuse
ui-ground-qualification_mismatch = qualification does not meet the list (App 2 p.9 sub.1)
ui-ground-below_threshold = below the threshold (App 2 p.9 sub.2)
ui-ground-unreliable_documents = unreliable documents (App 2 p.9 sub.3)
ui-role-system = command line

## Start, set-up, demo
ui-demo-title = Try it with a demo office
ui-demo-explain = A new store filled with realistic synthetic cases of three years, with users for each role. Use it to learn the program; real work goes into a store set up for your office.
ui-setup-title = Set up this office
ui-setup-explain = First run: the office's details in three languages and its first administrator. The program also makes the office's signing key for certificate QR codes.
ui-setup-office = The local executive body
ui-setup-admin = The administrator
ui-setup-submit = Set up and sign in
ui-office-code = Office code (in certificate numbers)
ui-office-name-kk = Name in Kazakh
ui-office-name-ru = Name in Russian
ui-office-name-en = Name in English
ui-office-region-kk = Region in Kazakh
ui-office-region-ru = Region in Russian
ui-office-region-en = Region in English
ui-office-address = Address
ui-full-name = Full name
ui-password-repeat = Password again
ui-password-mismatch = The two passwords differ. Type the same password twice.

## Menu
ui-menu-dashboard = Today
ui-menu-search = Search
ui-menu-new = New application
ui-menu-commission = Commission
ui-menu-decisions = Decisions
ui-menu-registers = Registers
ui-menu-settings = Settings
ui-menu-audit = Audit trail
ui-menu-backup = Backup
ui-menu-about = About

## Dashboard and search
ui-dashboard-title = Today, { $date }
ui-upcoming = Coming up
ui-search-go = Find
ui-results-more = More than { $count } found: showing the newest { $count }. Add a word to narrow the search.
ui-col-case = Case
ui-col-applicant = Applicant
ui-col-passport = Passport
ui-col-kind = Kind
ui-col-status = Status
ui-col-registered = Registered
ui-col-certificate = Certificate
ui-col-date = Date
ui-col-holder = Holder
ui-col-event = Event
ui-col-valid = Valid
ui-col-document = Document
ui-col-present = Presented
ui-col-valid-until = Valid until
ui-col-file = File
ui-col-size = Size
ui-col-added = Added
ui-col-due = Due
ui-col-seq = No.
ui-col-time = Time
ui-col-user = User
ui-col-action = Action
ui-col-object = Object
ui-col-order = Order
ui-col-effective = In force from
ui-col-threshold = Threshold
ui-col-source = Source
ui-col-day = Day
ui-date-placeholder = DD.MM.YYYY
ui-date-invalid = “{ $value }” is not a date. Write it as DD.MM.YYYY, for example 20.03.2026.
ui-time-invalid = “{ $value }” is not a time. Write it as HH:MM, for example 17:45.

## New application
ui-kind-long-issue = Issue of a certificate
ui-kind-long-extend = Extension of a certificate
ui-kind-long-reissue = Reissue of a certificate
ui-kind-long-duplicate = Duplicate of a certificate
ui-new-what = What is applied for
ui-new-kind = Service
ui-received-date = Received on
ui-received-time = Time
ui-new-certificate = The certificate concerned
ui-certificate-number = Certificate number
ui-find = Find
ui-find-certificate-first = Find the certificate concerned first: write its number and press Find.
ui-cert-found = { $number }: { $holder }, term { $from } – { $to }, status: { $status }
ui-new-applicant = The applicant
ui-a-surname-latin = Surname (Latin, as in the passport)
ui-a-given-latin = Given names (Latin, as in the passport)
ui-a-surname-cyrillic = Surname (Cyrillic)
ui-a-given-cyrillic = Given names (Cyrillic)
ui-a-patronymic = Patronymic
ui-a-birth-date = Date of birth
ui-a-citizenship = Citizenship
ui-a-citizenship-hint = Three letters, e.g. UZB; XXA for a stateless person
ui-a-passport = Passport
ui-a-passport-issued = Passport issued on
ui-a-passport-issuer = Issued by
ui-a-iin = IIN (if any)
ui-a-phone = Phone
ui-a-email = E-mail
ui-a-address-kz = Address in Kazakhstan
ui-a-residence = Address of permanent residence
ui-a-residence-phone = Phone at permanent residence
ui-new-profession = Profession
ui-prof-search = Find in the list of order 236
ui-prof-hint = Type part of the name in any language and choose from the list
ui-new-employer = Employer
ui-reissue-employer-term = The reissued certificate is valid until the earlier of the old certificate's end and the new employment contract's end (Rules p.16, p.19, p.22). A reissue never lengthens the term: that is an extension (p.16-17).
ui-e-name = Employer's name
ui-e-bin = BIN/IIN
ui-e-from = Contract from
ui-e-to = Contract to
ui-new-ground = Ground for reissue
ui-ground-reissue-name_change = change of surname, name or patronymic
ui-ground-reissue-identity_document_change = change of the identity document
ui-ground-reissue-employer_change = change of employer
ui-event-on-extend = Date of the employment contract
ui-event-on-reissue = Date of the change
ui-event-on-duplicate = Date of loss or damage
ui-event-on-issue = Date
ui-new-documents = Documents
ui-new-documents-of = Documents (App 2 p.8; rule set { $rule_set })
ui-valid-until = valid until
ui-new-decide = Register or refuse acceptance
ui-new-decide-explain = With every document present and in date, register the application. Otherwise record the refusal to accept it (App 2 p.9); the applicant may come back with complete documents.
ui-new-refuse-note = Note for the refusal to accept (optional)
ui-new-register = Register the application
ui-new-refuse = Refuse acceptance

## The case
ui-filed-late = filed after the applicant's term
ui-rule-set = Rule set
ui-points = Points
ui-points-of = { $total ->
        [one] { $total } point
       *[other] { $total } points
    } of { $threshold } needed
ui-decided-on = Decided on
ui-refusal-grounds = Grounds for refusal
ui-reason = Reason
ui-not-accepted-title = Acceptance refused
ui-not-accepted = { $has_missing ->
        [yes] Missing: { $missing }.
       *[no] {""}
    }{ $has_expired ->
        [yes] {" "}Out of date: { $expired }.
       *[no] {""}
    }
ui-present = presented
ui-missing = missing
ui-scans = Scans
ui-no-scans = No scans yet.
ui-scan-other = other document
ui-attach-scan = Attach a scan…
ui-scan-attached = Scan “{ $name }” attached.
ui-save-copy = Save a copy…
ui-send-title = The Commission
ui-send-explain = A first issue goes to the Commission after registration (App 2 p.10).
ui-send-to-commission = Send to the Commission
ui-sent = Sent to the Commission.
ui-go-assess = Open the assessment
ui-decision = Decision
ui-outcome-issue = issue
ui-outcome-refuse = refuse
ui-reason-hint = Required for a ground the head adds, and for refusing an extension, reissue or duplicate
ui-chosen-end = Valid until (optional)
ui-chosen-end-hint = Leave empty for the longest term the rules allow
ui-decide = Record the decision
ui-issued-number = Certificate { $number } issued.
ui-refused-done = Refusal recorded.
ui-print-title = Documents
ui-print-explain = Each document is built as PDF: save it, or save and open it in the PDF viewer to check and print. A draft carries a mark and is not recorded.
ui-doc-lang = Language of the document
ui-doclang-kk-ru = Kazakh and Russian
ui-doclang-en = English (unofficial)
ui-copies = Copies
ui-draft = Draft
ui-print-open = Save and open
ui-preview-open = Preview and print
ui-preview-print = Print
ui-preview-close = Close
ui-preview-loading = Preparing the document…
ui-preview-draft = A draft, { $pages ->
        [one] one page
       *[other] { $pages } pages
    }. “Print” makes the real document and records the print in the audit trail.
ui-preview-draft-only = A draft, { $pages ->
        [one] one page
       *[other] { $pages } pages
    }. A draft is not recorded.
ui-preview-real = The real document, { $pages ->
        [one] one page
       *[other] { $pages } pages
    }. The print is recorded in the audit trail.
ui-preview-page = Page { $page } of { $pages }
ui-print-application = Save application…
ui-print-certificate = Save certificate…
ui-print-refusal = Save refusal…
ui-print-protocol = Save protocol…
ui-doc-application = Application (App 1)
ui-doc-certificate = Certificate (App 3)
ui-doc-refusal = Reasoned refusal
ui-doc-protocol = Commission protocol
ui-saved = Saved: { $path }
ui-cert-produced = Certificate { $number }
ui-cert-concerned = The certificate concerned: { $number }
ui-cert-line = No. { $number }, term { $from } – { $to }; status: { $status }
ui-cert-sealed-by = Sealed when { $name } made the decision; the QR code holds this seal.
ui-col-seal = Seal key
ui-seal-explain = The fingerprint of the office key this person’s password opens: they can seal certificates and sign bundles. Read it out to the higher office to compare.
ui-password-title = My password
ui-password-explain = Change your password here. A head’s or an administrator’s password also opens the office key: after the change it opens with the new one.
ui-password-old = Current password
ui-password-temporary = Temporary password from the administrator
ui-password-new = New password (at least 8 characters)
ui-password-again = New password again
ui-password-save = Change the password
ui-password-changed = The password is changed.
ui-password-reset-title = A new password for a user who lost theirs
ui-password-reset-explain = Tell the user the new password in person: at their first sign-in they choose their own. A locked sign-in is unlocked. A head or administrator gets the office key under it from your own.
ui-password-must-title = Choose your own password
ui-password-must-explain = The administrator gave you a temporary password. Type it in the first field, then a new password of your own (at least 8 characters) that only you know. Then you can go on working.
ui-support-title = A file for support
ui-support-explain = The program's version, what the store check found and the end of the program's log, in one file (for a USB stick). No personal data is in it: the log records actions and error codes only.
ui-support-save = Save the file…
ui-support-done = The support file is saved: { $path }
ui-progress-export = Writing the bundle: { $mb } MB
ui-progress-import = Reading the bundle: { $percent }%
ui-progress-restore = Restoring from the backup…
ui-progress-demo = Making the demo office: { $done } of { $total } cases
ui-password-reset = Set the new password
ui-cert-copy = duplicate no. { $copy }
ui-cert-status-valid = valid
ui-cert-status-superseded = superseded
ui-cert-status-revoked = revoked
ui-cert-status-replaced = replaced by a duplicate
ui-cert-status-expired = expired
ui-start-extend = Extend…
ui-start-reissue = Reissue…
ui-start-duplicate = Duplicate…
ui-notices = Notifications from the holder ({ $count })
ui-notice-employer_change = change of employer (Rules p.18)
ui-notice-contract_termination = end of the employment contract (Rules p.20)
ui-event-date = Date of the event
ui-note = Note
ui-record-notice = Record the notification
ui-notice-recorded = Notification recorded, in time.
ui-notice-recorded-late = Notification recorded: it came after the term.
ui-late-notice = late
ui-in-time = in time
ui-revoke-title = Revoke on a control body's act
ui-revoke-explain = Rules p.21: a certificate is revoked on the act of a control body. The act's body, number and date go into the register.
ui-revoke-body = Body
ui-revoke-act = Act number
ui-revoke-date = Act date
ui-revoke = Revoke
ui-revoked = Certificate { $number } revoked.
ui-complaints = Complaints
ui-new-complaint = Register a complaint
ui-complaint-explain = Rules ch.3: a complaint to the office is reviewed in 5 working days or forwarded in 3; one to the quality body in 15.
ui-addressee = Addressed to
ui-addressee-leb = this office
ui-addressee-quality_body = the quality control body
ui-summary = Summary
ui-register-complaint = Register the complaint
ui-complaint-registered = Complaint registered.
ui-forward-due = Forward by
ui-review-due = Review by
ui-complaint-open = open
ui-complaint-satisfied = satisfied
ui-complaint-forwarded = forwarded
ui-complaint-rejected = rejected
ui-outcome = Outcome
ui-resolve = Resolve

## The Commission
ui-commission-title = The Commission
ui-agenda = Agenda
ui-agenda-explain = Applications sent to the Commission, oldest first. Open one to assess it.
ui-awaiting-send = Registered, not yet sent to the Commission
ui-sittings = Sittings
ui-new-sitting = New sitting
ui-sitting = Sitting
ui-sitting-date = Date of the sitting
ui-sitting-place = Place
ui-members-present = Members present
ui-no-members = No Commission members yet: the administrator adds them in Settings.
ui-create-sitting = Create the sitting
ui-sitting-created = Sitting created.
ui-sitting-counts = { $present } present, { $assessed } assessed
ui-create-sitting-first = Create a sitting first (below).
ui-assess-title = Assessment:
ui-assess-explain = Registered on { $date }: the rule set { $rule_set } applies. Points and recommendation follow your entries at once.
ui-findings = What the Commission accepts
ui-commission-decision = The Commission's decision
ui-findings-note = Justification of the Commission's findings
ui-findings-note-hint = Required when the Commission does not accept a period, finds a document unreliable or the qualification not matching (App 2 p.9 subp.1, 3); printed in the protocol
ui-period-counted = { $from } – { $to }: { $years } y { $months } m { $days } d
ui-period-counted-clipped = { $from } – { $to }: counted to { $counted_to } (the registration date), { $years } y { $months } m { $days } d
ui-experience-calendar = In calendar terms: { $years } y { $months } m { $days } d ({ $all } days)
ui-commission-grounds = The Commission's grounds:
ui-record-assessment = Record the assessment
ui-assessment-recorded = Assessment recorded.

## Decisions, registers
ui-awaiting-decision = Waiting for a decision
ui-awaiting-decision-explain = Assessed by the Commission, and extensions, reissues and duplicates, oldest first.
ui-month = Month
ui-month-hint = MM.YYYY, for example 11.2026
ui-register-show = Show
ui-register-count = { $count } entries
ui-save-pdf = Save PDF…
ui-save-xlsx = Save XLSX…
ui-save-csv = Save CSV…
ui-event-issued = issued
ui-event-extended = extended
ui-event-reissued = reissued
ui-event-duplicate = duplicate
ui-event-refused = refused
ui-event-revoked = revoked
ui-event-not_accepted = not accepted

## Settings
ui-save = Save
ui-saved-settings = Saved.
ui-hours = Working hours
ui-hours-explain = An application received after closing time counts from the next working day (App 2 p.7).
ui-hours-open = Opens
ui-hours-close = Closes
ui-numbering = Certificate numbers
ui-numbering-explain = In the pattern, { "{" }office{ "}" } is the office code, { "{" }year{ "}" } the year of the decision and { "{" }seq:05{ "}" } the sequence number in five digits (00034). The next number can only move forward.
ui-number-pattern = Pattern
ui-number-next = Next number this year
ui-members = Commission members
ui-position = Position
ui-organisation = Organisation
ui-active = active
ui-inactive = disabled
ui-add = Add
ui-users = Users and roles
ui-users-explain = Signatories are the users with the head's role: their names go on certificates and refusals.
ui-roles = Roles
ui-save-roles = Save roles
ui-disable = Disable
ui-enable = Enable
ui-new-user = New user
ui-user-lang = Language
ui-add-user = Add the user
ui-rule-sets = Rule sets
ui-rule-sets-explain = The law as data: each rule set applies to applications registered from its date. A date marked assumed is the project's until the official publication is confirmed.
ui-assumed = assumed
ui-calendar = Working-day calendar
ui-calendar-explain = Holidays, carried and transferred days off of each year, with their sources. Deadlines in working days are counted on it.
ui-year = Year
ui-year-confirmed = confirmed
ui-year-provisional = provisional
ui-working-days = { $count } working days
ui-estimated = date estimated

## Audit, backup, about
ui-audit-explain = Every change, who made it and when. Each entry is chained to the one before by its hash, so a changed or deleted entry is found.
ui-audit-verify = Check the chain
ui-audit-ok = The chain is whole: { $events } events, head { $head }…
ui-more = More
ui-print-day-title = The day's certificates
ui-print-day-explain = Every certificate decided on the day, in one PDF (Kazakh and Russian) to print at once; each print is recorded.
ui-print-day = Print the day's certificates
ui-day = Day
ui-printed-run = { $count ->
        [one] One certificate saved in one file: { $path }
       *[other] { $count } certificates saved in one file: { $path }
    }
ui-print-month-certificates = Print the month's certificates
ui-action-setup = set-up
ui-action-office_key = office key
ui-action-key_slot = key unlocked into a slot
ui-action-signatory_key = signatory's key
ui-action-row_baseline = record of every row
ui-action-row_changes = record of rows
ui-action-lockout = sign-in locked
ui-entity-signatory_key = key
ui-action-create_user = new user
ui-action-register_application = registration
ui-action-refuse_acceptance = refusal to accept
ui-action-attach_scan = scan attached
ui-action-send_to_commission = referral to the Commission
ui-action-record_notification = notification
ui-action-register_complaint = complaint
ui-action-create_sitting = sitting
ui-action-record_assessment = assessment
ui-action-decide = decision
ui-action-revoke = revocation
ui-action-resolve_complaint = complaint resolved
ui-action-manage_users = users
ui-action-manage_office = office
ui-action-manage_commission = Commission
ui-action-manage_numbering = numbering
ui-action-backup = backup
ui-action-restore = restore
ui-action-print = print
ui-entity-office = office
ui-entity-user = user
ui-entity-office_key = key
ui-entity-commission_member = member
ui-entity-case = case
ui-entity-sitting = sitting
ui-entity-notification = notification
ui-entity-certificate = certificate
ui-entity-complaint = complaint
ui-entity-store = store
ui-entity-attachment = scan
ui-entity-application = application
ui-entity-refusal = refusal
ui-entity-protocol = protocol
ui-backup-title = Backup
ui-backup-explain = A consistent copy of the whole store, taken while you work, to a file you choose (for example on a USB stick). Recorded in the audit trail.
ui-backup-now = Back up now…
ui-backup-done = Backup saved: { $path }
ui-backup-last = Last backup: { $date }, { $days ->
        [0] today
        [one] { $days } day ago
       *[other] { $days } days ago
    }.
ui-backup-never = This store has never been backed up.
ui-backup-due = Every case is on this one PC: save a copy to a USB stick (at least once a week).
ui-restore-title = Restore
ui-restore-explain = Replaces this store with a backup after checking it whole (integrity, version, audit chain). The store it replaces is kept beside it. Everyone is signed out.
ui-restore = Restore from a backup…
ui-restore-confirm = Replace the whole store with the backup? The current store is kept beside it.
ui-restore-done = Restored. The previous store is kept at { $kept }. Sign in again.
ui-about-version = Version { $version }
ui-about-store = Case store: { $path }
ui-about-offline = The program works without a network and makes no connection.
ui-about-law = Legal basis
ui-about-law-explain = Rules for issuing the certificate of qualification compliance for self-employment (order No. 236 and its amendments), the list of basic requirements for the public service (App 2), the lists of orders 236 and 49, and the working-day calendar of the Republic of Kazakhstan.
ui-about-lists = Lists
ui-about-font = Documents are set in PT Serif (ParaType Free Font License).
ui-ruleset-date-title = Confirm a rule set's date of entry into force
ui-ruleset-confirm = Confirm the date
ui-transfer-title = Transfer of a day off by decree
ui-transfer-explain = When the Government moves a day off, enter the weekday that becomes a day off and the weekend day worked instead, with the decree. Deadlines follow at once.
ui-transfer-off = Day off (a weekday)
ui-transfer-work = Working day (a weekend day)
ui-transfer-add = Add the transfer
ui-try-again = Try again

## Manual sync
ui-export-title = Send to the higher office
ui-export-explain = A signed bundle of the month (or of everything since the last such bundle) with the records and the register in XLSX, to carry on a USB stick; the higher office prints the PDF register from the records. Any change to the file is detected on import.
ui-export-month = Export the month…
ui-export-since = Export everything since the last export…
ui-export-done = Bundle saved: { $path } ({ $period }; { $cases } cases)
ui-menu-hq = Higher office
ui-hq-title = Higher office
ui-hq-explain = For a regional department or the ministry: an empty store that receives the offices' monthly bundles and shows the consolidated register and conflicts.
ui-hq-open = Use this store for a higher office
ui-hq-import-title = Import a bundle
ui-hq-import-explain = Choose the file an office brought. It is checked whole (signature, every part, counts) before anything is read; importing it again changes nothing, and an older bundle never overwrites newer records.
ui-hq-dry-run = Check only (import nothing)
ui-hq-import = Import a bundle…
ui-hq-trust = I compared the fingerprint: trust this office and import
ui-hq-done = Imported: { $office }, { $period }.
ui-hq-dry-done = Checked, nothing imported: { $office }, { $period }.
ui-hq-already = This bundle was imported before: nothing changed ({ $office }, { $period }).
ui-hq-counts = { $new } new, { $updated } updated, { $unchanged } unchanged, { $older } older than held
ui-hq-other = Notifications, complaints, sittings
ui-hq-audit-new = Audit events added: { $count }
ui-hq-new-conflicts = { $count } new conflicts: see below.
ui-hq-offices = Offices
ui-hq-no-offices = No bundles imported yet.
ui-hq-office = Office
ui-hq-fingerprint = Key fingerprint
ui-hq-last-bundle = Last bundle
ui-hq-imported = Imported
ui-hq-register = Consolidated register
ui-hq-conflicts = Conflicts
ui-hq-conflicts-explain = Reported, never resolved by the program: the offices concerned settle them.
ui-hq-detail = Detail
ui-hq-found = Found
ui-conflict-passport_overlap = same passport, overlapping live certificates
ui-conflict-number_content = same certificate number, different content
ui-conflict-audit_differs = an office's audit trail differs from what it sent before
ui-conflict-passport = passport { $passport } ({ $holder }): { $a } and { $b }
ui-conflict-number = certificate { $number } in two offices with different holders or dates
ui-conflict-audit = audit event { $seq }
ui-hq-cases = Cases
ui-hq-certificates = Certificates
ui-action-import_bundle = bundle imported
ui-action-export_bundle = bundle exported
ui-entity-bundle = bundle

# A citation of the law by its reference only (the rule sets' summaries after it are English).
ui-cite-app = App { $app } p.{ $p }
ui-cite-app-item = App { $app } p.{ $p } item { $item }
ui-cite-rules = Rules p.{ $p }
ui-cite-rules-item = Rules p.{ $p } sub.{ $item }

# A bundle's period "since-N" as people read it (a month is shown as MM.YYYY).
ui-period-since = everything after entry No. { $after }

# Beside an upcoming deadline: the working days left to it (the calendar of working days).
ui-days-left = { $count ->
        [one] { $count } working day left
       *[other] { $count } working days left
    }
