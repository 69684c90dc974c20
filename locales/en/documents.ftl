## Documents (English is an unofficial translation; printed documents say so)

doc-draft = DRAFT
doc-unofficial-translation = Unofficial translation. The official texts of the forms are in Kazakh and Russian.
doc-unofficial-names = Names of professions in this language are the project's unofficial working translation.
doc-page = Page { $page } of { $pages }
doc-date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

month-nom-1 = January
month-nom-2 = February
month-nom-3 = March
month-nom-4 = April
month-nom-5 = May
month-nom-6 = June
month-nom-7 = July
month-nom-8 = August
month-nom-9 = September
month-nom-10 = October
month-nom-11 = November
month-nom-12 = December
ruleset-order-503-2016 = Order No. 503 of 13 June 2016
ruleset-order-236-2023 = Order No. 236 of 22 June 2023
ruleset-order-426-2026 = Order No. 236 as amended by order No. 426 of 30 December 2025

## Certificate (App 3)
cert-form = Appendix 3 to the Rules. Form
cert-leb-hint = (name of the local executive body)
cert-title = Certificate of qualification compliance for self-employment
cert-number-date = No. { $number } of { $date }
cert-issued-to = Issued to
cert-name-hint = (surname, name, patronymic (if any))
cert-body = certifying that he (she) meets the qualification requirements and the level of education for self-employment in the Republic of Kazakhstan in the following profession in demand in priority sectors of the economy:
cert-profession-hint = (the profession in demand and the sector, according to the list of priority sectors and professions in demand approved by the authorised body for migration)
cert-grounds = Grounds for issuing the certificate
cert-validity = Validity of the certificate: from { $from } to { $to }
cert-seal = Seal
cert-signatory-hint = (surname, name, patronymic (if any))   (signature)
cert-duplicate = DUPLICATE
cert-duplicate-note = Duplicate of certificate No. { $number } (Rules p.22-1); the original is invalid from { $date }.
cert-replaces = Issued in place of certificate No. { $number } (Rules p.22).
cert-qr-hint = The QR code carries the certificate's data signed by the issuing office; anyone with Anyqtama can verify it offline.
grounds-issue = Decision of the local executive body of { $date } on the recommendation of the Commission (protocol of { $sitting })
grounds-extend = Extension for the term of the employment contract with { $employer } (BIN { $bin }) of { $contract }
grounds-reissue = Reissue of certificate No. { $number }: { $ground ->
        [name_change] change of surname, name or patronymic
        [identity_document_change] change of the identity document
        [employer_change] change of employer
       *[other] { $ground }
    }
grounds-duplicate = Duplicate of certificate No. { $number } on loss or damage of the original

## Application (App 1)
form-form = Appendix 1 to the Rules. Form
form-leb-hint = (name of the local executive body of the region, city of republican significance, the capital)
form-from = from
form-name-hint = (surname, name, patronymic (if any))
form-passport-hint = (passport (identity document) No., date and issuing authority)
form-address = Address, telephone, fax
form-residence = Location in the country of residence, telephone
form-title = APPLICATION
form-ask = I ask you to
form-kind-issue = issue
form-kind-extend = extend
form-kind-reissue = reissue
form-kind-duplicate = issue a duplicate of
form-ask-rest = the certificate of qualification compliance for self-employment in the profession
form-profession-hint = (the profession and the sector of the economy (type of economic activity) according to the list approved by order of the authorised body for migration)
form-employer = Employer (when extending the certificate):
form-employer-hint = (name of the employer, business identification number or individual identification number of the employer)
form-consent = I consent to the collection and processing of my personal data necessary for issuing the certificate of qualification compliance for self-employment.
form-attached = Attached to the application:
form-date = Date of application: { $date }
form-signature = Applicant's signature

## Reasoned refusal (App 2 p.5, p.9)
refusal-title = Reasoned refusal to provide the public service
refusal-service = “Issuance or extension of a certificate of qualification compliance for self-employment to a foreigner or a stateless person”
refusal-to = To: { $name }, passport { $passport }
refusal-case = Application No. { $case } registered on { $date } ({ $kind ->
        [issue] issue
        [extend] extension
        [reissue] reissue
        [duplicate] duplicate
       *[other] { $kind }
    }); profession: { $profession }.
refusal-decided = By decision of { $date } the local executive body refuses to provide the public service on the following grounds (App 2 p.9 of the Rules):
ground-qualification_mismatch = the qualification or level of education does not meet the requirements of the professions in demand in priority sectors of the economy under the list (App 2 p.9 sub.1);
ground-below_threshold = the assessment result ({ $total } points) does not reach the threshold of { $threshold } points (App 2 p.9 sub.2);
ground-unreliable_documents = the documents submitted, or the data in them, were found unreliable (App 2 p.9 sub.3);
refusal-justification = Justification: { $reason }
refusal-appeal-title = How to appeal (chapter 3 of the Rules)
refusal-appeal-forward = A complaint filed through the local executive body is forwarded to the body that reviews it within { $days } working days of its receipt, unless within that time the local executive body fully satisfies it (p.24).
refusal-appeal-leb = A complaint to the local executive body is considered within { $days } working days of its registration ({ $rules ->
        [order-503-2016] p.23
       *[other] p.25
    }).
refusal-appeal-quality = A complaint to the authorised body for the assessment and control of the quality of public services is considered within { $days } working days of its registration ({ $rules ->
        [order-503-2016] p.23
       *[other] p.26
    }).
refusal-appeal-court = { $rules ->
        [order-503-2016] An applicant who disagrees with the result may apply to the court as the legislation provides (p.23).
       *[other] Court proceedings are possible after the pre-trial (administrative) appeal (p.27-28).
    }
refusal-rule-set = Rules applied: { $rule_set }.

## Commission protocol (Rules p.9)
protocol-title = PROTOCOL of the sitting of the Commission assessing the compliance of foreigners and stateless persons with the qualification requirements and level of education
protocol-date-place = { $date }, { $place }
protocol-present = Members present:
protocol-absent = Absent:
protocol-applicant = { $n }. { $name }, passport { $passport }; case { $case }; profession: { $profession }
protocol-education = Education: higher { $higher }, academic degree { $degree }, certificate for teaching English { $english }.
protocol-points = Points (p.10): higher education { $higher }, academic degree { $degree }, English certificate { $english }, experience { $experience }; total { $total } against the threshold of { $threshold } ({ $rule_set }).
protocol-recommendation = Recommendation: { $recommendation ->
        [issue] issue
       *[refuse] refuse
    }. Decision of the Commission: { $decision ->
        [issue] issue
       *[refuse] refuse
    }.
protocol-findings-note = The Commission's justification of its findings: { $reason }
protocol-period = Period { $n }: { $from } to { $to }{ $clipped ->
        [true] , counted to { $counted_to } (the registration date)
       *[other] {""}
    } — { $years } y { $months } m { $days } d.
protocol-experience-total = Accepted experience: { $years } y { $months } m { $days } d (1 month = 30 days; the points are based on this); in calendar terms { $cyears } y { $cmonths } m { $cdays } d ({ $all_days } days).
acceptance-title = Reasoned refusal to accept the application
acceptance-body = The application of { $date } ({ $kind ->
        [issue] for the issue of a certificate
        [extend] for the extension of a certificate
        [reissue] for the reissue of a certificate
        [duplicate] for a duplicate of a certificate
       *[other] { $kind }
    }; profession: { $profession }) is not accepted: the documents are incomplete and (or) their validity has expired ({ $rules ->
        [order-503-2016] Rules p.7
        [order-236-2023] Rules p.7
       *[other] App 2 p.9 to the Rules
    }).
acceptance-missing = Not submitted:
acceptance-expired = Validity expired:
acceptance-expired-item = { $name } (valid until { $date })
acceptance-again = Once the documents are complete, the applicant may apply again.
protocol-grounds = Grounds for refusal: { $grounds }
protocol-signatures = Signatures of the members present:
yes = yes
no = no

## Monthly register
register-title = Register of certificates of qualification compliance for self-employment, { $month }
register-office = { $office }
register-col-no = No.
register-col-number = Certificate
register-col-date = Date
register-col-holder = Holder
register-col-citizenship = Citizenship
register-col-profession = Profession
register-col-event = Event
register-col-from = Valid from
register-col-to = Valid to
register-col-status = Status today
register-total = Total: { $count }
register-trail = As of { $date }. Audit trail: event { $seq }, fingerprint { $fingerprint } (compare with the head that “anyqtama verify” shows).
event-issued = issued
event-extended = extended
event-reissued = reissued
event-duplicate = duplicate
event-refused = refused
event-revoked = revoked
event-not_accepted = not accepted
status-valid = valid
status-expired = expired
status-superseded = superseded
status-revoked = revoked
status-replaced = replaced by a duplicate
status-refused = —
