#!/usr/bin/env bash
# A certificate's whole life from a shell, against a new store: set up an office and its users,
# register a first-issue application, send it to the Commission, assess it at a sitting, decide,
# print the certificate, then extend it, reissue it for a new employer (the term follows the new
# contract when it ends earlier), issue a duplicate and revoke it. Every step signs in as a user of
# the store; passwords come from the environment, never from an argument.
#
#   tools/lifecycle.sh DIR         (ANYQTAMA=path/to/anyqtama; the README shows it)
#
# Each step prints the case as JSON; the script stops at the first refusal (set -e).
set -euo pipefail
DIR=${1:?usage: tools/lifecycle.sh DIR}
BIN=${ANYQTAMA:-anyqtama}
DB="$DIR/office.sqlite"
mkdir -p "$DIR"
a() { "$BIN" "$@" --db "$DB"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
today=$(python3 -c "import os,datetime as d; n=os.environ.get('ANYQTAMA_TEST_NOW'); print((d.datetime.fromisoformat(n) if n else d.datetime.now()).strftime('%Y-%m-%dT%H:%M'))")
day=${today%T*}

# 1. The office and its people (the administrator's password, then each new user's).
cat > "$DIR/office.json" <<'JSON'
{"code": "SMY", "name_kk": "Семей қаласының әкімдігі", "name_ru": "Акимат города Семей",
 "name_en": "Akimat of Semey", "region_kk": "Абай облысы", "region_ru": "Область Абай",
 "region_en": "Abai Region", "address": "Semey, Abai avenue 1"}
JSON
export ANYQTAMA_PASSWORD="admin password"
"$BIN" setup --db "$DB" --office "$DIR/office.json" --admin admin --name "Аманов Ерлан"
for who in "registrar Серикова_Айгерим registrar" "secretary Омаров_Данияр secretary" "head Жумабаева_Гульнара head"; do
  set -- $who
  ANYQTAMA_NEW_PASSWORD="$1 password" a user add "$1" --name "${2//_/ }" --role "$3" --user admin
done
for m in "Жумабаева Гульнара Ерлановна|Председатель Комиссии|Акимат" "Ким Сергей|Главный специалист|Управление образования" \
         "Нургалиев Арман|Эксперт|Палата предпринимателей «Атамекен»"; do
  IFS='|' read -r name position org <<< "$m"
  a member add --name "$name" --position "$position" --organisation "$org" --user admin
done
as() { export ANYQTAMA_PASSWORD="$1 password"; }

# 2. The registrar registers a complete first-issue application.
cat > "$DIR/application.json" <<JSON
{"kind": "issue", "received_at": "${today}:00", "profession_id": "o236.3.1.2",
 "applicant": {"new": {"surname_latin": "KARIMOV", "given_names_latin": "BOBUR",
   "surname_cyrillic": "Каримов", "given_names_cyrillic": "Бобур", "patronymic": "", "name_native": "",
   "birth_date": "1988-03-14", "citizenship": "UZB", "passport_number": "FA1234567",
   "passport_issued_on": "2020-01-15", "passport_issuer": "MIA UZB", "iin": null, "phone": "+998 90 123 45 67",
   "email": "", "address_kz": "Semey, Lenin st 5", "residence_address": "Tashkent", "residence_phone": ""}},
 "documents": [{"kind": "application", "present": true}, {"kind": "identity_document", "present": true},
   {"kind": "education_translation", "present": true}, {"kind": "work_history", "present": true}]}
JSON
as registrar
case=$(a case register "$DIR/application.json" --user registrar | field case)
# A scan of the passport goes with the case, and the case page shows what the registrar may do.
printf '%%PDF-1.4\n%% a scan\n' > "$DIR/passport-scan.pdf"
a case attach "$case" "$DIR/passport-scan.pdf" --kind identity_document --user registrar
a case page "$case" --user registrar | python3 -c "import json,sys; p=json.load(sys.stdin); print('may:', p['actions'])"
a case send "$case" --user registrar

# 3. The Commission sits and assesses: higher education (3) + 6 years of experience (4) = 7 of 6.
as secretary
sitting=$(a sitting create --held-on "$day" --place "Akimat, room 12" --user secretary | field sitting)
cat > "$DIR/findings.json" <<'JSON'
{"profession_in_list": true, "qualification_matches": true, "documents_reliable": true,
 "education": {"higher": true, "academic_degree": false, "english_teaching_certificate": false},
 "periods": [["2014-09-01", "2020-08-31"]]}
JSON
a case assess "$case" --sitting "$sitting" --decision issue "$DIR/findings.json" --user secretary

# 4. The head issues; the certificate is printed in Kazakh and Russian.
as head
issued=$(a case decide "$case" --outcome issue --user head)
echo "$issued"
number=$(echo "$issued" | field certificate)
cert=$(echo "$issued" | field certificate_id)
holder=$(echo "$issued" | field applicant_id)
"$BIN" print certificate "$number" --db "$DB" --lang kk+ru --out "$DIR/certificate.pdf" --user head

# 5. An extension on a new employment contract (Rules p.16-17).
employer() { echo "\"employer\": {\"name\": \"$1\", \"bin\": \"211240642195\", \"contract_from\": \"$day\", \"contract_to\": \"$2\"}"; }
later() { # kind, certificate id, extra JSON
  cat <<JSON
{"kind": "$1", "received_at": "${today}:00", "profession_id": "o236.3.1.2", "applicant": {"existing": $holder},
 "certificate": $2, "event_on": "$day", $3}
JSON
}
docs='"documents": [{"kind": "application", "present": true}, {"kind": "previous_certificate", "present": true}, {"kind": "employment_contract", "present": true}]'
# The holder tells the office of the new employer (Rules p.18), then applies for the extension.
as registrar
a certificate notice "$number" --kind employer_change --event-on "$day" --note "new contract" --user registrar
later extend "$cert" "$(employer 'Semey Build LLP' 2028-06-30), $docs" > "$DIR/extend.json"
as registrar
ext=$(a case register "$DIR/extend.json" --user registrar | field case)
as head
a case decide "$ext" --outcome issue --user head

# 6. A reissue for a new employer whose contract ends sooner: the new certificate ends with it.
docs='"documents": [{"kind": "application", "present": true}, {"kind": "change_document", "present": true}]'
later reissue "$cert" "\"change_ground\": \"employer_change\", $(employer 'Irtysh Energy LLP' 2027-06-30), $docs" > "$DIR/reissue.json"
as registrar
re=$(a case register "$DIR/reissue.json" --user registrar | field case)
as head
reissued=$(a case decide "$re" --outcome issue --user head)
echo "$reissued"
cert=$(echo "$reissued" | field certificate_id)
number=$(echo "$reissued" | field certificate)

# 7. The reissued certificate is lost: a duplicate (Rules p.22-1), then revoked on a control
#    body's act (Rules p.21).
docs='"documents": [{"kind": "application", "present": true}, {"kind": "identity_document", "present": true}, {"kind": "work_history", "present": true}]'
later duplicate "$cert" "$docs" > "$DIR/duplicate.json"
as registrar
dup=$(a case register "$DIR/duplicate.json" --user registrar | field case)
as head
a case decide "$dup" --outcome issue --user head
a certificate revoke "$number" --body "Migration service" --act "17-04/112" --date "$day" --user head
# 8. The holder complains about the revocation (Rules ch.3); the head rejects it with reasons.
as registrar
complaint=$(a complaint register --case "$dup" --addressee leb --summary "Disagrees with the revocation" --user registrar | field complaint)
as head
a complaint resolve "$complaint" --status rejected --outcome "The control body's act stands" --user head
# 9. The head forgot the password: the administrator sets a new one, under which the head's copy
#    of the office key opens again; the head then chooses their own before anything else (a
#    complaint resolved with the given one is refused); the administrator changes their own.
as admin
ANYQTAMA_NEW_PASSWORD="head given password" a user reset head --user admin
if ANYQTAMA_PASSWORD="head given password" a complaint resolve "$complaint" --status rejected \
    --outcome "again" --user head 2>/dev/null; then
  echo "a reset password acted before it was changed" >&2
  exit 1
fi
ANYQTAMA_PASSWORD="head given password" ANYQTAMA_NEW_PASSWORD="head new password" a user password --user head
export ANYQTAMA_PASSWORD="head new password"
a case page "$dup" --user head > /dev/null
ANYQTAMA_PASSWORD="admin password" ANYQTAMA_NEW_PASSWORD="admin new password" a user password --user admin
export ANYQTAMA_PASSWORD="admin new password"
# 10. The administrator checks the trail from the first event to the last.
a office audit --verify --user admin | python3 -c "import json,sys; print('audit:', json.load(sys.stdin)['verified'])"
"$BIN" verify --db "$DB"
