## Anyqtama — English messages. The same ids exist in kk/ and ru/ (a test checks).

app-title = Anyqtama
app-tagline = Certificates of qualification compliance for self-employment of foreigners and stateless persons
app-rules-in-force = Rules in force today: { $ruleset }
app-calendar-years = Working-day calendar: { $first }–{ $last }

## Errors a person can act on
error-unknown-rule-set = Unknown rule set “{ $value }”. Use one of: order-503-2016, order-236-2023, order-426-2026.
error-no-rule-set-in-force = No version of the Rules was in force on { $date }. The first one took effect on 2017-01-01; check the date.
error-unknown-service = Unknown service “{ $value }”. Use one of: issue, extend, reissue, duplicate.
error-calendar-year-missing = The working-day calendar has no data for { $year }. An administrator must add that year's holidays and transfers first.
error-period-reversed = A work period ends ({ $to }) before it starts ({ $from }). Swap or correct the dates.
error-period-after-registration = A work period starts on { $from }, after the registration date { $registered_on }. Only work done up to the registration date counts (Rules p.10 subp.2; App 2 p.8): correct the start date or remove the period.
error-date-too-early = The date { $date } is before { $earliest }. Check the year.
error-office-hours-reversed = Office hours: opening time { $open } must be before closing time { $close }.
error-invalid-date = “{ $value }” is not a valid date. Write it as YYYY-MM-DD, for example 2026-03-20.
error-invalid-datetime = “{ $value }” is not a valid date and time. Write it as YYYY-MM-DDTHH:MM, for example 2026-03-20T17:45.
error-invalid-time = “{ $value }” is not a valid time. Write it as HH:MM, for example 09:00.
error-missing-field = The field “{ $field }” is required for this service. Add it to the input.
error-end-after-latest = The end date { $end } is later than the law allows ({ $latest }). Choose { $latest } or an earlier date.
error-end-before-start = The end date { $end } is before the start { $start }. Correct the dates.
error-iin-length = “{ $value }” is not an IIN/BIN: it must be exactly 12 digits.
error-iin-check-digit = “{ $value }” is not a valid IIN/BIN: its last digit does not match. Check for a typing mistake.
error-iin-structure = The IIN { $value } is not a person's IIN: its first six digits must be the birth date (YYMMDD) and its seventh 1 to 6. Check the number.
error-data = The data file { $file } is invalid: { $detail }
error-json = The input is not valid JSON (line { $line }, column { $column }): { $detail }
error-read-file = Cannot read { $path }: { $detail }
error-not-a-number = “{ $value }” is not a whole number of days (0 or more).
error-not-a-year = “{ $value }” is not a year. Write it as four digits, for example 2026.
error-unknown-lang = Unknown language “{ $value }”. Use kk, ru or en.
error-empty-search = Give a word to search for, for example: anyqtama lists search онколог

## Working-day calendar
calendar-carried = Day off carried over from { $holiday } ({ $date })
calendar-transferred = Day off transferred by Government decree; { $date } is worked instead
calendar-working = Working day, in exchange for the day off on { $date }
calendar-estimated = { $holiday } (date estimated until announced)

## Documents of App 2 p.8
doc-application = Application (App 1)
doc-identity_document = Electronic copy of the identity document
doc-education_translation = Notarised translations (into Kazakh or Russian) of education documents that passed recognition or nostrification, or of certificates for teaching English
doc-work_history = Notarised copy of the work-history document, with its translation into Kazakh or Russian
doc-previous_certificate = The certificate issued earlier
doc-employment_contract = Copy of the employment contract
doc-change_document = Document showing the change (name, identity document or employer)

## Store errors
error-database = The case store could not complete the operation: { $detail }
error-migration = The case store could not be prepared: { $detail }
error-store-too-new = This store was written by a newer version of Anyqtama (schema { $found }; this program knows { $known }). Install the newer version to open it.
error-not-a-store = { $path } is not an Anyqtama store. Choose the store file (anyqtama.sqlite) or a backup made by Anyqtama.
error-store-file = { $problem ->
        [empty] { $path } is an empty file, not an Anyqtama store. Choose the store file (anyqtama.sqlite) or a backup; nothing was changed.
        [directory] { $path } is a folder. Choose the store's file inside it (anyqtama.sqlite).
        [read_only] { $path } cannot be written here (a read-only folder or medium, or no permission). Copy the store to a folder of yours, or ask the administrator.
        [locked] { $path } is in use by another Anyqtama (a window or an import). Close it and try again.
       *[other] { $path } cannot be opened ({ $problem }).
    }
error-store-locked = The store is in use by another Anyqtama (a window, an import or a backup). Wait for it to finish or close it, then try again.
error-store-read-only = The store cannot be written (a read-only folder or medium, or no permission). Copy it to a folder of yours, or ask the administrator.
error-bad-credentials = Wrong login or password.
error-user-disabled = The user { $login } is disabled. Ask the administrator.
error-locked-out = Too many wrong passwords in a row. Sign-in as { $login } is locked until { $until }. Wait, or ask the administrator to reset the password.
error-must-change-password = The administrator set your password. Choose your own password first: nothing else can be done until then.
# After error-must-change-password, on the command line only.
error-must-change-password-cli = On the command line: anyqtama user password (ANYQTAMA_PASSWORD the one you were given, ANYQTAMA_NEW_PASSWORD your own).
error-not-permitted = You may not do this ({ $action ->
        [register_application] registering an application
        [refuse_acceptance] refusing acceptance
        [attach_scan] attaching a scan
        [send_to_commission] sending to the Commission
        [record_notification] recording a notification
        [register_complaint] registering a complaint
        [create_sitting] creating a sitting
        [record_assessment] recording the assessment
        [decide] the decision
        [revoke] revocation
        [resolve_complaint] resolving a complaint
        [manage_users] managing users
        [manage_office] office settings
        [manage_commission] managing the Commission
        [manage_numbering] numbering settings
        [backup] backup
        [restore] restore
       *[other] { $action }
    }): it needs the role { $roles ->
        [registrar] registrar
        [secretary] Commission secretary
        [head] head (signatory)
        [admin] administrator
        [registrar-or-secretary] registrar or Commission secretary
       *[other] { $roles }
    }.
error-wrong-state = Case { $case } is “{ $status ->
        [registered] registered
        [not_accepted] not accepted
        [sent_to_commission] with the Commission
        [assessed] assessed by the Commission
        [issued] issued
        [refused] refused
       *[other] { $status }
    }”: { $action ->
        [register_application] registering an application
        [refuse_acceptance] refusing acceptance
        [attach_scan] attaching a scan
        [send_to_commission] sending to the Commission
        [record_notification] recording a notification
        [register_complaint] registering a complaint
        [create_sitting] creating a sitting
        [record_assessment] recording the assessment
        [decide] the decision
        [revoke] revocation
        [resolve_complaint] resolving a complaint
        [manage_users] managing users
        [manage_office] office settings
        [manage_commission] managing the Commission
        [manage_numbering] numbering settings
        [backup] backup
        [restore] restore
       *[other] { $action }
    } is not possible at this stage.
error-not-found = { $what ->
        [case] Case
        [certificate] Certificate
        [notification] Notification
        [sitting] Sitting
        [applicant] Applicant
        [attachment] Scan
        [backup] Backup
        [complaint] Complaint
        [store] Store
        [user] User
       *[other] { $what }
    } { $id } does not exist.
error-incomplete-documents = The documents are incomplete.{ $has_missing ->
       *[yes] { " " }Missing: { $missing }.
        [no] { "" }
    }{ $has_expired ->
       *[yes] { " " }Expired: { $expired }.
        [no] { "" }
    } Record a refusal to accept, or complete the documents.
error-reason-required = Write the justification: every refusal of the service and every departure from the Commission's recommendation needs a written reason (App 2 p.5: a reasoned refusal).
error-ground-required = A refusal of the service must name at least one ground of App 2 p.9: 1) qualification or education does not meet the requirements, 2) the threshold is not reached, 3) documents or data found unreliable. Choose the ground(s).
error-grounds-hold = The certificate cannot be issued while a ground of App 2 p.9 holds (subparagraph { $subparagraphs }). If the Commission's findings were wrong, the Commission corrects them (a period, a document, the qualification) with a reason; the points follow from the findings.
error-decision-against-findings = The Commission's decision follows from its findings: with these findings it is { $recommendation ->
        [issue] to issue
        [refuse] to refuse
       *[other] { $recommendation }
    }. To decide otherwise, change the findings (a period not accepted, a document found unreliable, the qualification) and write why.
error-ground-not-applicable = App 2 p.9 subparagraph { $subparagraph } cannot be a ground here: the threshold of points applies only to a first issue, and only the Commission's points can show it is not reached.
error-invalid-input = Check the field “{ $field }”: { $detail }
error-fields = { $count } fields of the form need correcting.
error-certificate-not-valid = Certificate { $number } is not valid on { $date }.
error-store-not-empty = The store is not empty: demo data and first-time setup go only into a new store.
error-no-office = The store has no office yet: run the first-time setup.
error-audit-broken = The audit trail is broken at event { $seq }: { $reason }. The store was changed outside Anyqtama; restore a backup and report it.
error-io = A file could not be read or written: { $detail }
error-bad-pattern = The numbering pattern “{ $pattern }” is invalid: it needs {"{"}seq{"}"} once and may use {"{"}office{"}"} and {"{"}year{"}"}.
error-seal-locked = Sealing a certificate or signing a bundle needs the office key, which opens only with a head’s or an administrator’s own password: sign out and sign in again as one of them.
error-table-differs = The store was changed outside the program: in table “{ $table }”, row { $row }, the { $field } no longer matches the audit trail or the certificate’s seal. Do not work on: tell the administrator, who keeps this copy for the inquiry and restores the last backup that verifies.
error-key-slot-broken = Your copy of the office key in this store is damaged (it was changed outside the program): ask the administrator to restore the last good backup.
error-not-a-month = “{ $value }” is not a month. Write it as YYYY-MM or MM.YYYY, for example 2026-03 or 03.2026.
error-usage = { $detail }
error-cli-unknown-argument = The command does not take “{ $arg }”. Run it with --help to see what it takes.
error-cli-unknown-command = “{ $arg }” is not an anyqtama command. Run anyqtama --help to see the commands.
error-cli-missing-argument = The command needs { $arg }. Run it with --help to see what it takes.
error-cli-missing-command = Say what to do after the command's name. Run it with --help to see the commands.
error-cli-invalid-value = “{ $value }” does not fit { $arg }. Run the command with --help to see what it takes.
error-cli-other = The command line is not understood ({ $value }{ $arg }). Run the command with --help to see what it takes.

## Documents from the command line
error-qr-malformed = This is not an Anyqtama certificate code. Scan the QR code on the certificate again.
error-qr-unknown-office = The code is signed by an office this store does not know (key { $fingerprint }). Import that office's bundle to check it, or ask the office.
error-qr-bad-signature = FORGED OR ALTERED: the certificate's data does not match its signature.
error-qr-draft = This is the code of a DRAFT of certificate { $number }: a draft is not a certificate and proves nothing.
error-not-printable = { $document ->
        [certificate] Certificate { $id } cannot be printed as an original: it is no longer valid (revoked, replaced or expired). Print a draft for a specimen.
        [refusal] Case No. { $id } has no refusal: a reasoned refusal is printed for a refused case only.
        [protocol] Case No. { $id } has not been at a sitting of the Commission yet: there is no protocol.
       *[other] The document for No. { $id } cannot be printed now.
    }
error-no-office-key = This store has no signing key for certificates yet. Run the first-time setup.
error-sign-in-required = A print is recorded in the audit trail under the name of the person who made it: sign in (--user LOGIN, the password in ANYQTAMA_PASSWORD or on standard input), or print a --draft.
error-nothing-decided = { $span ->
        [day] No certificate was decided on { $from }: there is nothing to print for that day.
       *[period] No certificate was decided from { $from } to { $until }: there is nothing to print.
    }
error-unknown-document = Unknown document “{ $value }”. Use application, certificate, refusal or protocol.
error-unknown-doc-lang = Unknown document language “{ $value }”. Use kk, ru, en or kk+ru.
error-unknown-format = Unknown format “{ $value }”. Use pdf, xlsx or csv.
error-write-file = Cannot write { $path }: { $detail }

## A field the store refused, said next to the field in the window
error-field-act_date = The act's date cannot be in the future.
error-field-act_number = Write the number of the act.
error-field-body = Write the body that issued the act.
error-field-applicant = { $detail ->
        [not_holder] The applicant is not the holder of this certificate: choose the holder on file.
        [holder_on_file] An extension or a duplicate is for the holder on file: choose the holder, not a new applicant.
       *[other] Choose the holder of the certificate on file.
    }
error-field-certificate = { $detail ->
        [not_for_issue] A first issue has no earlier certificate: remove it, or choose extension, reissue or duplicate.
        [required] Choose the certificate concerned: an extension, a reissue or a duplicate is of a certificate on file.
       *[other] Check the certificate.
    }
error-field-refusal_grounds = The Commission's recorded grounds cannot be read ({ $detail }): the record is damaged; check the audit trail (verify).
error-field-change_ground = Choose a ground for reissue that the rules in force allow.
error-field-citizenship = Write the citizenship (three letters, XXA for a stateless person).
error-field-code = The office code: letters and digits only, at most 8.
error-field-content = A scan must be a file of 1 byte to 50 MB.
error-field-copies = Copies: from 1 to 100.
error-field-id = “{ $detail }” is not a case number: an application, a refusal or a protocol is printed by its case number (for example 389), a certificate by its number (for example KOS-2026-00034).
error-field-ids = Nothing to print: name at least one document, by its number, in a file of numbers, or by the day or month it was decided.
error-field-documents = The documents are complete: register the application instead.
error-field-employer = Fill in the employer: name, BIN/IIN and the contract's dates.
error-field-employer_name = Write the employer's name.
error-field-event_on = { $detail ->
        [application] The date of the event (the contract, the change, the loss) cannot be after the application was received.
       *[other] The date of the event cannot be after the day the notification was received.
    }
error-field-file_name = The file has no name.
error-field-full_name = Write the full name.
error-field-lang = Choose Kazakh, Russian or English.
error-field-login = The login: latin letters, digits, dot, dash or underscore, not taken by another user.
error-field-members = Mark at least one member as present.
error-field-name_kk = Write the office's name in Kazakh.
error-field-name_ru = Write the office's name in Russian.
error-field-name_en = Write the office's name in English.
error-field-next = The next number must be at least 1 and above the numbers already given (the last one given is { $detail }).
error-field-organisation = Write the member's organisation.
error-field-out = The file already exists: choose another name.
error-field-outcome = Write the outcome of the complaint.
error-field-passport_number = { $detail ->
        [shape] The passport number: 5 to 20 letters and digits, without spaces or signs, as in the passport.
       *[other] Write the passport number.
    }
error-field-received_at = The application cannot have been received in the future: check the date and time.
error-field-birth_date = { $detail ->
        [future] The date of birth cannot be in the future.
        [age] Check the date of birth: the applicant would be under 16 or over 100 years old.
       *[other] Check the date of birth.
    }
error-field-passport_issued_on = { $detail ->
        [future] The passport cannot have been issued in the future.
        [before_birth] The passport cannot have been issued before the date of birth.
       *[other] Check the passport's date of issue.
    }
error-field-contract_from = The employment contract must already be concluded: its start cannot be after the application (Rules p.17).
error-field-password = The password needs at least 8 characters.
error-field-place = Write where the sitting is held.
error-field-profession_id = Choose a profession from the list of order 236.
error-field-roles = Give the user at least one role.
error-field-status = Choose how the complaint was resolved.
error-field-summary = Write what the complaint is about.
error-field-surname_latin = Write the surname as in the passport.
error-field-active = You cannot disable your own account.
error-field-years = Check the number of years.

## The window
error-store-in-use = The case store { $path } is already open in another Anyqtama window. Close that window first: two windows on one store could overwrite each other's work.
error-signed-out = You are signed out. Sign in again.
error-field-source = Write the source: the decree or order, its number and date.

## Bundles (manual sync)
error-unknown-office = Office { $office } is not known here yet. Its key fingerprint is { $fingerprint }: compare it with the one the office gives you by phone or letter, then import again trusting it (the button “I compared the fingerprint: trust this office and import”).
error-office-key-changed = Office { $office } signed this bundle with the key { $presented }, but this store knows it by the key { $known }. The bundle is refused: ask the office whether its key was really changed.
error-not-higher-office = This store belongs to an office. Bundles are imported into a higher office's store: use a new, empty store for that.
error-backup-of-another-store = This backup belongs to another store: { $office ->
        [higher_office] a higher office's
       *[other] { $office }
    }. This store is { $ours ->
        [higher_office] a higher office's
       *[other] { $ours }
    }. Nothing was changed. To replace this store with it anyway (moving to a new PC), restore with --other-office.
error-history-rewritten = Refused: the audit trail of office { $office } differs from what it sent before, at event { $seq } ({ $what ->
        [content] an event's content does not match its hash
        [chain] an event does not follow the one before it
        [differs] an event already received is sent again with other content
       *[other] { $what }
    }). The office's history was changed after it was sent: nothing was imported. Ask the office, and keep the bundle for the inspection.
error-bundle-not-a-bundle = This file is not an Anyqtama bundle, or it is damaged ({ $detail }). Ask the office for the file again.
error-bundle-altered = The bundle was changed after the office signed it: its signature does not match its content. Do not use it; ask the office for the file again.
error-bundle-unknown-format = The bundle's format ({ $detail }) is not known to this program. Update the program.
error-bundle-too-new = The bundle was written by a newer program (schema { $found }; this program knows { $known }). Update the program, then import it.
error-bundle-key-mismatch = The bundle's key does not match the fingerprint it names ({ $fingerprint }). Do not use it; ask the office for the file again.
error-bundle-key-not-vouched = The bundle is signed with, or names, the key { $fingerprint }, which no earlier key of the office vouches for. It may have been made by someone who only has a copy of the office's store. The bundle is refused: ask the office's administrator for the file again.
error-key-retired = Refused: office { $office } signed this bundle with the key { $fingerprint }, which was retired on { $date } (its holder's password was reset, or they no longer sign). A retired key signs nothing made later: ask the office's administrator how the file was made.
error-bundle-part-missing = The bundle lacks its part “{ $part }”. Ask the office for the file again.
error-bundle-part-damaged = The bundle's part “{ $part }” does not match its checksum. Ask the office for the file again.
error-bundle-part-extra = The bundle holds a part its manifest does not list (“{ $part }”). Do not use it; ask the office for the file again.
error-bundle-too-large = Refused: part { $part } of the bundle is larger than a bundle part may be. The file is not a bundle Anyqtama made (or was damaged); nothing was read from it.
error-bundle-bad-name = Refused: the bundle holds a part named “{ $part }”, which no Anyqtama bundle has (a folder, “..” or signs). Nothing was read from it.
error-bundle-counts = The bundle's records do not match its manifest ({ $detail }). Ask the office for the file again.
error-bundle-trail-span = Refused: the bundle's audit trail does not match the events its manifest names ({ $detail }). Though the bundle is signed, it does not name the end of the office's trail rightly: nothing was imported. Ask the office for the file again, and keep this bundle for the inspection.
error-bundle-empty = There is nothing to export for this period.
error-field-month = Write the month as YYYY-MM or MM.YYYY, for example 2026-03 or 03.2026.
error-field-decided_on = The application is registered on { $detail }: a decision can be recorded from that day.

# The desktop window started where there is no display (a server, a terminal over SSH).
error-no-display = The Anyqtama window needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set. Start it from the desktop; without a display, use the anyqtama command (anyqtama --help).


# The shipped lists by name (their ids are data: assets/lists/*.toml).
list-order-236-annex-2 = List of priority sectors and the professions in demand in them (annex 2 to order No. 236 of 22.06.2023)
list-order-49-annex-2 = List of occupations in demand for a permanent residence permit (annex 2 to order No. 49 of 20.02.2023)

# Where each rule set's date of entry into force comes from (as the rule set itself cites it).
ruleset-order-236-2023-in-force = Order No. 236, item 5: the order is put into force from 1 July 2023 and is subject to official publication
ruleset-order-426-2026-in-force = Order No. 426, item 4 (its final item): put into force ten calendar days after the day of its first official publication (registered with the Ministry of Justice on 31.12.2025, No. 37769)
ruleset-order-503-2016-in-force = Order No. 503, item 4: the order is put into force on 1 January 2017; declared invalid by order No. 236, item 2 and annex 3 item 1, in force from 1 July 2023 (order No. 236, item 5), so it applies to 30 June 2023

# After error-unknown-office, on the command line only (the window has its button).
error-unknown-office-cli = On the command line: import again with --trust-new-office.
