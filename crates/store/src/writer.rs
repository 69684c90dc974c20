//! Every action that changes the store. A [`Writer`] lives inside one transaction (see
//! [`crate::Store::write`]); each method checks the user's role and the case's state first
//! ([`crate::lifecycle`]), then writes, then appends its audit event. Any error rolls back the whole
//! transaction.

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::lifecycle::{self, Action};
use crate::model::*;
use crate::{numbering, search, Law, Session};
use anyqtama_rules::deadlines;
use anyqtama_rules::iin::IinBin;
use anyqtama_rules::points::{Recommendation, RefusalGround};
use anyqtama_rules::registration::{self, OfficeHours};
use anyqtama_rules::ruleset::{DocumentKind, ReissueGround, RuleSet};
use anyqtama_rules::validity::{self, Validity};
use anyqtama_rules::Service;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::json;
use sha2::{Digest, Sha256};

/// The largest scan kept in the store.
pub const MAX_ATTACHMENT: usize = 50 * 1024 * 1024;

pub struct Writer<'a> {
    tx: &'a Transaction<'a>,
    session: Session,
    now: NaiveDateTime,
    law: &'a Law,
}

/// A case as the lifecycle needs it.
#[derive(Debug, Clone)]
pub(crate) struct CaseRow {
    pub id: i64,
    pub kind: Service,
    pub status: CaseStatus,
    pub applicant_id: i64,
    pub registered_on: NaiveDate,
    pub rule_set: String,
    pub profession_id: String,
    pub certificate_id: Option<i64>,
    pub employer: Option<Employer>,
    /// Reissue: the ground, as stored (`employer_change`, ...).
    pub change_ground: Option<String>,
}

/// A certificate row as the lifecycle needs it.
#[derive(Debug, Clone)]
pub(crate) struct CertRow {
    pub id: i64,
    pub number: String,
    pub copy: i64,
    pub applicant_id: i64,
    pub profession_id: String,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub status: CertificateStatus,
}

pub(crate) fn load_case(tx: &rusqlite::Connection, id: i64) -> Result<CaseRow> {
    tx.query_row(
        "SELECT id, kind, status, applicant_id, registered_on, rule_set, profession_id, certificate_id,
                employer_name, employer_bin, contract_from, contract_to, change_ground FROM cases WHERE id = ?1",
        [id],
        |r| {
            let employer = match (r.get::<_, Option<String>>(8)?, r.get::<_, Option<String>>(9)?) {
                (Some(name), Some(bin)) => Some(Employer { name, bin, contract_from: r.get(10)?, contract_to: r.get(11)? }),
                _ => None,
            };
            Ok(CaseRow {
                id: r.get(0)?,
                kind: r.get::<_, String>(1)?.parse().expect("kind constrained by schema"),
                status: CaseStatus::parse(&r.get::<_, String>(2)?).expect("status constrained by schema"),
                applicant_id: r.get(3)?,
                registered_on: r.get(4)?,
                rule_set: r.get(5)?,
                profession_id: r.get(6)?,
                certificate_id: r.get(7)?,
                employer,
                change_ground: r.get(12)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound { what: "case", id: id.to_string() })
}

pub(crate) fn load_cert(tx: &rusqlite::Connection, id: i64) -> Result<CertRow> {
    tx.query_row(
        "SELECT id, number, copy, applicant_id, profession_id, valid_from, valid_to, status FROM certificates WHERE id = ?1",
        [id],
        |r| {
            Ok(CertRow {
                id: r.get(0)?,
                number: r.get(1)?,
                copy: r.get(2)?,
                applicant_id: r.get(3)?,
                profession_id: r.get(4)?,
                valid_from: r.get(5)?,
                valid_to: r.get(6)?,
                status: CertificateStatus::parse(&r.get::<_, String>(7)?).expect("status constrained by schema"),
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound { what: "certificate", id: id.to_string() })
}

pub(crate) fn office_hours(tx: &rusqlite::Connection) -> Result<OfficeHours> {
    let (open, close): (String, String) = tx
        .query_row(
            "SELECT hours_open, hours_close FROM office WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(StoreError::NoOffice)?;
    Ok(OfficeHours::parse(&open, &close)?)
}

fn non_empty(field: &'static str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(StoreError::Invalid {
            field,
            detail: "must not be empty".into(),
        });
    }
    Ok(())
}

fn invalid(field: &'static str, reason: &str) -> StoreError {
    StoreError::Invalid {
        field,
        detail: reason.to_string(),
    }
}

/// A new applicant's typed values, each refused with its field and a reason code the message
/// selects on (`future`, `age`, `shape`, `before_birth`), so every door gets the same answer.
fn check_applicant(a: &ApplicantData, received: NaiveDate) -> Result<()> {
    non_empty("surname_latin", &a.surname_latin)?;
    non_empty("passport_number", &a.passport_number)?;
    non_empty("citizenship", &a.citizenship)?;
    // A passport number: letters and digits, of a sane length (ICAO 9303 allows up to 9 in the
    // machine-readable zone; national numbers run a little longer).
    let passport = a.passport_number.trim();
    if !(5..=20).contains(&passport.chars().count())
        || !passport.chars().all(|c| c.is_alphanumeric())
    {
        return Err(invalid("passport_number", "shape"));
    }
    if let Some(born) = a.birth_date {
        if born > received {
            return Err(invalid("birth_date", "future"));
        }
        // A person of working age: from 16 to 100 years on the day the application arrived.
        let age = received.years_since(born).unwrap_or(0);
        if !(16..=100).contains(&age) {
            return Err(invalid("birth_date", "age"));
        }
    }
    if let Some(issued) = a.passport_issued_on {
        if issued > received {
            return Err(invalid("passport_issued_on", "future"));
        }
        if a.birth_date.is_some_and(|b| issued < b) {
            return Err(invalid("passport_issued_on", "before_birth"));
        }
    }
    if let Some(iin) = a.iin.as_deref().filter(|s| !s.is_empty()) {
        // A person's IIN: its structure (birth date, century digit) as well as its check digit.
        IinBin::parse_iin(iin)?;
    }
    Ok(())
}

fn check_bin(bin: &str) -> Result<()> {
    bin.parse::<IinBin>()?;
    Ok(())
}

/// First-time setup: the office and its administrator (called by [`crate::Store::setup`]).
/// The first administrator of a higher office's store: no office of its own; it receives bundles.
pub(crate) fn setup_higher_office(
    tx: &Transaction<'_>,
    login: &str,
    name: &str,
    hash: &str,
    now: NaiveDateTime,
) -> Result<Session> {
    check_login(login)?;
    non_empty("full_name", name)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('role', 'higher_office') ON CONFLICT(key) DO NOTHING",
        [],
    )?;
    first_admin(
        tx,
        login,
        name,
        hash,
        now,
        ("store", json!({"role": "higher_office"})),
    )
}

/// The first administrator of a new store, with the setup's audit event (on `entity`, with
/// `after`) and the user's: shared by an office's setup and a higher office's.
fn first_admin(
    tx: &Transaction<'_>,
    login: &str,
    name: &str,
    hash: &str,
    now: NaiveDateTime,
    (entity, after): (&str, serde_json::Value),
) -> Result<Session> {
    tx.execute(
        "INSERT INTO users (login, full_name, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![login, name, hash, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO user_roles (user_id, role) VALUES (?1, 'admin')",
        [id],
    )?;
    let actor = Actor::user(UserId(id), login, Role::Admin);
    audit::append(
        tx,
        &actor,
        Event {
            at: now,
            action: "setup",
            entity,
            entity_id: "1".into(),
            before: None,
            after: Some(after),
        },
    )?;
    audit::append(
        tx,
        &actor,
        Event {
            at: now,
            action: "create_user",
            entity: "user",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"login": login, "full_name": name, "roles": ["admin"]})),
        },
    )?;
    Ok(Session {
        user_id: UserId(id),
        login: login.into(),
        full_name: name.into(),
        roles: vec![Role::Admin],
        lang: "kk".into(),
    })
}

pub(crate) fn setup(
    tx: &Transaction<'_>,
    office: &Office,
    login: &str,
    name: &str,
    hash: &str,
    now: NaiveDateTime,
) -> Result<Session> {
    check_office(office)?;
    check_login(login)?;
    non_empty("full_name", name)?;
    tx.execute(
        "INSERT INTO office (id, code, name_kk, name_ru, name_en, region_kk, region_ru, region_en, address)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![office.code, office.name_kk, office.name_ru, office.name_en, office.region_kk, office.region_ru, office.region_en, office.address],
    )?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16)))) ON CONFLICT(key) DO NOTHING",
        [],
    )?;
    first_admin(tx, login, name, hash, now, ("office", json!(office)))
}

fn check_office(o: &Office) -> Result<()> {
    for (f, v) in [
        ("code", &o.code),
        ("name_kk", &o.name_kk),
        ("name_ru", &o.name_ru),
        ("name_en", &o.name_en),
    ] {
        non_empty(f, v)?;
    }
    if !o.code.chars().all(|c| c.is_ascii_alphanumeric()) || o.code.len() > 8 {
        return Err(StoreError::Invalid {
            field: "code",
            detail: "letters and digits, at most 8".into(),
        });
    }
    Ok(())
}

fn check_login(login: &str) -> Result<()> {
    let ok = !login.is_empty()
        && login.len() <= 64
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !ok {
        return Err(StoreError::Invalid {
            field: "login",
            detail: "latin letters, digits, dot, dash or underscore".into(),
        });
    }
    Ok(())
}

/// What registering an application decided before anything is written.
struct Prepared<'r> {
    registered_on: NaiveDate,
    rs: &'r RuleSet,
    missing: Vec<DocumentKind>,
    expired: Vec<DocumentKind>,
    filed_late: bool,
    certificate: Option<CertRow>,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(
        tx: &'a Transaction<'a>,
        session: &Session,
        now: NaiveDateTime,
        law: &'a Law,
    ) -> Writer<'a> {
        Writer {
            tx,
            session: session.clone(),
            now,
            law,
        }
    }

    /// Acts as another user, at another time, within the same transaction (the demo simulates an
    /// office's history this way; the window never does).
    pub(crate) fn act_as(&mut self, session: &Session, now: NaiveDateTime) {
        self.session = session.clone();
        self.now = now;
    }

    /// Runs `f` inside a savepoint: when it fails, everything it wrote is undone and the rest of the
    /// transaction goes on.
    pub fn attempt<T>(&mut self, f: impl FnOnce(&mut Writer<'a>) -> Result<T>) -> Result<T> {
        self.tx.execute_batch("SAVEPOINT attempt")?;
        match f(self) {
            Ok(v) => {
                self.tx.execute_batch("RELEASE attempt")?;
                Ok(v)
            }
            Err(e) => {
                self.tx
                    .execute_batch("ROLLBACK TO attempt; RELEASE attempt")?;
                Err(e)
            }
        }
    }

    pub(crate) fn law(&self) -> &'a Law {
        self.law
    }

    pub(crate) fn tx(&self) -> &Transaction<'a> {
        self.tx
    }

    fn today(&self) -> NaiveDate {
        self.now.date()
    }

    fn permit(&self, action: Action) -> Result<Actor> {
        let role = lifecycle::permitted(action, &self.session.roles)?;
        Ok(Actor::user(self.session.user_id, &self.session.login, role))
    }

    fn audit(
        &self,
        actor: &Actor,
        action: Action,
        entity: &str,
        id: impl ToString,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<()> {
        audit::append(
            self.tx,
            actor,
            Event {
                at: self.now,
                action: action.name(),
                entity,
                entity_id: id.to_string(),
                before,
                after,
            },
        )?;
        Ok(())
    }

    fn rule_set(&self, id: &str) -> Result<&'a RuleSet> {
        let rid = self.law.rule_sets.id(id)?;
        Ok(self.law.rule_sets.get(&rid))
    }

    // ---------------------------------------------------------------- front office

    /// Registers a complete application (App 2 p.8). Incomplete or expired documents are refused
    /// with [`StoreError::IncompleteDocuments`]; the registrar then records a refusal to accept.
    pub fn register_application(&mut self, app: &NewApplication) -> Result<CaseId> {
        let actor = self.permit(Action::RegisterApplication)?;
        let p = self.prepare(app)?;
        if !p.missing.is_empty() || !p.expired.is_empty() {
            return Err(StoreError::IncompleteDocuments {
                missing: p.missing.iter().map(|d| d.as_str().to_string()).collect(),
                expired: p.expired.iter().map(|d| d.as_str().to_string()).collect(),
            });
        }
        let id = self.insert_case(app, &p, CaseStatus::Registered)?;
        self.audit(
            &actor,
            Action::RegisterApplication,
            "case",
            id,
            None,
            Some(self.case_json(id)?),
        )?;
        Ok(CaseId(id))
    }

    /// Records the refusal to accept an application whose documents are incomplete or expired
    /// (App 2 p.9). Refused when the documents are in fact complete.
    pub fn refuse_acceptance(&mut self, app: &NewApplication, note: &str) -> Result<CaseId> {
        let actor = self.permit(Action::RefuseAcceptance)?;
        let p = self.prepare(app)?;
        if p.missing.is_empty() && p.expired.is_empty() {
            return Err(StoreError::Invalid {
                field: "documents",
                detail: "the documents are complete: register the application".into(),
            });
        }
        let id = self.insert_case(app, &p, CaseStatus::NotAccepted)?;
        let names = |v: &[DocumentKind]| {
            json!(v.iter().map(|d| d.as_str()).collect::<Vec<_>>()).to_string()
        };
        self.tx.execute(
            "INSERT INTO acceptance_refusals (case_id, missing, expired, note) VALUES (?1, ?2, ?3, ?4)",
            params![id, names(&p.missing), names(&p.expired), note],
        )?;
        let mut after = self.case_json(id)?;
        after["refusal"] = json!({"missing": p.missing, "expired": p.expired, "note": note, "cite": p.rs.documents.refuse_acceptance_cite});
        self.audit(
            &actor,
            Action::RefuseAcceptance,
            "case",
            id,
            None,
            Some(after),
        )?;
        Ok(CaseId(id))
    }

    fn prepare(&self, app: &NewApplication) -> Result<Prepared<'a>> {
        let cal = &self.law.calendar;
        // What the law means as the past cannot be in the future: an application is received
        // before it is registered, a contract concluded, a change or a loss happened before it.
        if app.received_at > self.now {
            return Err(invalid("received_at", "future"));
        }
        let received = app.received_at.date();
        let registered_on =
            registration::registration_date(cal, app.received_at, &office_hours(self.tx)?)?;
        let rs = self.law.rule_sets.in_force_on(registered_on)?;
        if self.law.lists.profession(&app.profession_id).is_none() {
            return Err(StoreError::Invalid {
                field: "profession_id",
                detail: app.profession_id.clone(),
            });
        }
        if let ApplicantRef::New(a) = &app.applicant {
            check_applicant(a, received)?;
        }
        if app.event_on.is_some_and(|d| d > received) {
            return Err(invalid("event_on", "application"));
        }
        if let Some(e) = &app.employer {
            // Rules p.17: the extension follows a contract already concluded.
            if e.contract_from > received {
                return Err(invalid("contract_from", "future"));
            }
        }
        // App 2 p.8: the checklist of this service under this version.
        let required = rs.documents.for_service(app.kind);
        let found = |k: DocumentKind| app.documents.iter().find(|d| d.kind == k && d.present);
        let missing: Vec<DocumentKind> = required
            .iter()
            .map(|r| r.id)
            .filter(|k| found(*k).is_none())
            .collect();
        let expired: Vec<DocumentKind> = required
            .iter()
            .filter_map(|r| found(r.id))
            .filter(|d| d.valid_until.is_some_and(|u| u < registered_on))
            .map(|d| d.kind)
            .collect();

        let certificate = match (app.kind, app.certificate) {
            (Service::Issue, None) => None,
            (Service::Issue, Some(_)) => {
                return Err(StoreError::Invalid {
                    field: "certificate",
                    detail: "not_for_issue".into(),
                })
            }
            (_, None) => {
                return Err(StoreError::Invalid {
                    field: "certificate",
                    detail: "required".into(),
                })
            }
            (_, Some(id)) => {
                let c = load_cert(self.tx, id.0)?;
                if c.status != CertificateStatus::Valid {
                    return Err(StoreError::CertificateNotValid {
                        number: c.number,
                        date: registered_on.to_string(),
                    });
                }
                match &app.applicant {
                    ApplicantRef::Existing(a) if a.0 != c.applicant_id => {
                        return Err(StoreError::Invalid {
                            field: "applicant",
                            detail: "not_holder".into(),
                        })
                    }
                    ApplicantRef::New(_) if app.kind != Service::Reissue => {
                        return Err(StoreError::Invalid {
                            field: "applicant",
                            detail: "holder_on_file".into(),
                        })
                    }
                    _ => {}
                }
                // The certificate is for one profession; its later services keep it.
                if c.profession_id != app.profession_id {
                    return Err(StoreError::Invalid {
                        field: "profession_id",
                        detail: format!("the certificate is for {}", c.profession_id),
                    });
                }
                Some(c)
            }
        };
        let employer_needed = match app.kind {
            Service::Extend => true,
            Service::Reissue => {
                let ground = app.change_ground.ok_or(StoreError::Invalid {
                    field: "change_ground",
                    detail: "required".into(),
                })?;
                // Rules p.22: the grounds of this version (employer change only from order 426).
                if !rs.reissue.grounds.contains(&ground) {
                    return Err(StoreError::Invalid {
                        field: "change_ground",
                        detail: format!("{ground:?} is not a ground for reissue under {}", rs.id),
                    });
                }
                ground == ReissueGround::EmployerChange
            }
            _ => false,
        };
        if employer_needed {
            let e = app.employer.as_ref().ok_or(StoreError::Invalid {
                field: "employer",
                detail: "required".into(),
            })?;
            non_empty("employer_name", &e.name)?;
            check_bin(&e.bin)?;
            if e.contract_to < e.contract_from {
                return Err(anyqtama_rules::RulesError::EndBeforeStart {
                    start: e.contract_from,
                    end: e.contract_to,
                }
                .into());
            }
        }
        // The applicant's own term (p.17, p.22, p.22-1): lateness is flagged, not refused (RULES.md §6.7).
        let term = match app.kind {
            Service::Issue => None,
            Service::Extend => Some(&rs.applicant_terms.extension_filing),
            Service::Reissue => Some(&rs.applicant_terms.reissue_filing),
            Service::Duplicate => rs.applicant_terms.duplicate_filing.as_ref(),
        };
        let event_on = app.event_on.or(if app.kind == Service::Extend {
            app.employer.as_ref().map(|e| e.contract_from)
        } else {
            None
        });
        let filed_late = match (term, event_on) {
            (Some(t), Some(ev)) => deadlines::is_late(cal, ev, t.value, registered_on)?,
            _ => false,
        };
        Ok(Prepared {
            registered_on,
            rs,
            missing,
            expired,
            filed_late,
            certificate,
        })
    }

    fn insert_case(
        &mut self,
        app: &NewApplication,
        p: &Prepared<'_>,
        status: CaseStatus,
    ) -> Result<i64> {
        let applicant_id = match &app.applicant {
            ApplicantRef::Existing(id) => self
                .tx
                .query_row("SELECT id FROM applicants WHERE id = ?1", [id.0], |r| {
                    r.get::<_, i64>(0)
                })
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: "applicant",
                    id: id.to_string(),
                })?,
            ApplicantRef::New(a) => insert_applicant(self.tx, a)?,
        };
        let e = app.employer.as_ref();
        let event_on = app.event_on.or(if app.kind == Service::Extend {
            e.map(|e| e.contract_from)
        } else {
            None
        });
        self.tx.execute(
            "INSERT INTO cases (kind, status, applicant_id, received_at, registered_on, rule_set, profession_id,
                certificate_id, employer_name, employer_bin, contract_from, contract_to, change_ground, event_on,
                filed_late, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                app.kind.as_str(),
                status.as_str(),
                applicant_id,
                app.received_at,
                p.registered_on,
                p.rs.id.as_str(),
                app.profession_id,
                p.certificate.as_ref().map(|c| c.id),
                e.map(|e| e.name.clone()),
                e.map(|e| e.bin.clone()),
                e.map(|e| e.contract_from),
                e.map(|e| e.contract_to),
                app.change_ground.map(|g| serde_json::to_value(g).unwrap().as_str().unwrap().to_string()),
                event_on,
                p.filed_late,
                self.session.user_id.0,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        for d in &app.documents {
            self.tx.execute(
                "INSERT INTO case_documents (case_id, kind, present, valid_until) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(case_id, kind) DO UPDATE SET present = excluded.present, valid_until = excluded.valid_until",
                params![id, d.kind.as_str(), d.present, d.valid_until],
            )?;
        }
        search::refresh(self.tx, id)?;
        Ok(id)
    }

    fn case_json(&self, id: i64) -> Result<serde_json::Value> {
        Ok(self.tx.query_row(
            "SELECT json_object('id', id, 'kind', kind, 'status', status, 'applicant_id', applicant_id,
                'received_at', received_at, 'registered_on', registered_on, 'rule_set', rule_set,
                'profession_id', profession_id, 'certificate_id', certificate_id, 'employer_name', employer_name,
                'employer_bin', employer_bin, 'contract_from', contract_from, 'contract_to', contract_to,
                'change_ground', change_ground, 'event_on', event_on, 'filed_late', filed_late,
                'sent_to_commission_on', sent_to_commission_on, 'decided_on', decided_on,
                'result_certificate_id', result_certificate_id)
             FROM cases WHERE id = ?1",
            [id],
            |r| r.get::<_, String>(0),
        )
        .map(|s| serde_json::from_str(&s).expect("SQLite makes valid JSON"))?)
    }

    /// Keeps a scan with its SHA-256 while the case is open.
    pub fn attach_scan(
        &mut self,
        case: CaseId,
        kind: Option<DocumentKind>,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<i64> {
        let actor = self.permit(Action::AttachScan)?;
        let c = load_case(self.tx, case.0)?;
        lifecycle::check(c.id, c.kind, c.status, Action::AttachScan, false)?;
        non_empty("file_name", file_name)?;
        if content.is_empty() || content.len() > MAX_ATTACHMENT {
            return Err(StoreError::Invalid {
                field: "content",
                detail: format!("between 1 byte and {MAX_ATTACHMENT} bytes"),
            });
        }
        let sha = hex::encode(Sha256::digest(content));
        self.tx.execute(
            "INSERT INTO attachments (case_id, document_kind, file_name, media_type, sha256, size, content, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![case.0, kind.map(|k| k.as_str()), file_name, media_type, sha, content.len() as i64, content, self.now, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(&actor, Action::AttachScan, "attachment", id, None, Some(json!({"case_id": case.0, "file_name": file_name, "sha256": sha, "size": content.len()})))?;
        Ok(id)
    }

    /// Sends complete documents of an issue case to the Commission (Rules p.7).
    pub fn send_to_commission(&mut self, case: CaseId) -> Result<()> {
        let actor = self.permit(Action::SendToCommission)?;
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(c.id, c.kind, c.status, Action::SendToCommission, false)?;
        self.tx.execute(
            "UPDATE cases SET status = ?1, sent_to_commission_on = ?2 WHERE id = ?3",
            params![next.as_str(), self.today(), c.id],
        )?;
        self.audit(
            &actor,
            Action::SendToCommission,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "sent_to_commission_on": self.today()})),
        )
    }

    /// Records a notice of the holder: change of employer (p.18) or termination of the contract
    /// (p.20), due within 5 working days of the event; lateness is flagged.
    pub fn record_notification(
        &mut self,
        certificate: CertificateId,
        kind: NotificationKind,
        event_on: NaiveDate,
        received_at: NaiveDateTime,
        note: &str,
    ) -> Result<NotificationId> {
        let actor = self.permit(Action::RecordNotification)?;
        let cert = load_cert(self.tx, certificate.0)?;
        let cal = &self.law.calendar;
        let received_on =
            registration::registration_date(cal, received_at, &office_hours(self.tx)?)?;
        if event_on > received_on {
            return Err(StoreError::Invalid {
                field: "event_on",
                detail: "after the notice was received".into(),
            });
        }
        let rs = self.law.rule_sets.in_force_on(received_on)?;
        let term = match kind {
            NotificationKind::EmployerChange => &rs.applicant_terms.employer_change_notice,
            NotificationKind::ContractTermination => &rs.applicant_terms.termination_notice,
        };
        let due = deadlines::applicant_due(cal, event_on, term.value)?;
        let late = received_on > due;
        self.tx.execute(
            "INSERT INTO notifications (certificate_id, kind, event_on, received_on, due_on, late, note, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![cert.id, kind.as_str(), event_on, received_on, due, late, note, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::RecordNotification,
            "notification",
            id,
            None,
            Some(json!({"certificate": cert.number, "kind": kind, "event_on": event_on, "received_on": received_on, "due_on": due, "late": late, "cite": term.cite})),
        )?;
        Ok(NotificationId(id))
    }

    /// Registers a complaint with its chapter 3 deadlines.
    pub fn register_complaint(
        &mut self,
        case: Option<CaseId>,
        addressee: ComplaintAddressee,
        received_at: NaiveDateTime,
        summary: &str,
    ) -> Result<ComplaintId> {
        let actor = self.permit(Action::RegisterComplaint)?;
        non_empty("summary", summary)?;
        if let Some(c) = case {
            load_case(self.tx, c.0)?;
        }
        let cal = &self.law.calendar;
        let registered_on =
            registration::registration_date(cal, received_at, &office_hours(self.tx)?)?;
        let rs = self.law.rule_sets.in_force_on(registered_on)?;
        // p.24: the body whose decision is appealed forwards the complaint within 3 working days
        // unless it satisfies it; p.25: the LEB considers it in 5 working days; p.26: 15.
        let forward_due = match (addressee, &rs.terms.complaint_forward) {
            (ComplaintAddressee::Leb, Some(t)) => {
                Some(cal.add_working_days(registered_on, t.value)?)
            }
            _ => None,
        };
        let review = match addressee {
            ComplaintAddressee::Leb => &rs.terms.complaint_review_leb,
            ComplaintAddressee::QualityBody => &rs.terms.complaint_review_quality_body,
        };
        let review_due = cal.add_working_days(registered_on, review.value)?;
        self.tx.execute(
            "INSERT INTO complaints (case_id, addressee, received_at, registered_on, forward_due, review_due, status, summary)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7)",
            params![case.map(|c| c.0), addressee.as_str(), received_at, registered_on, forward_due, review_due, summary],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::RegisterComplaint,
            "complaint",
            id,
            None,
            Some(json!({"case_id": case, "addressee": addressee, "registered_on": registered_on, "forward_due": forward_due, "review_due": review_due, "cite": review.cite})),
        )?;
        Ok(ComplaintId(id))
    }

    // ---------------------------------------------------------------- Commission

    /// A Commission sitting with the members present (Rules p.9: the protocol is signed by them).
    pub fn create_sitting(
        &mut self,
        held_on: NaiveDate,
        place: &str,
        members: &[(MemberId, bool)],
    ) -> Result<SittingId> {
        let actor = self.permit(Action::CreateSitting)?;
        non_empty("place", place)?;
        if !members.iter().any(|(_, present)| *present) {
            return Err(StoreError::Invalid {
                field: "members",
                detail: "at least one member present".into(),
            });
        }
        self.tx.execute(
            "INSERT INTO sittings (held_on, place, created_by) VALUES (?1, ?2, ?3)",
            params![held_on, place, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        for (m, present) in members {
            let active: Option<bool> = self
                .tx
                .query_row(
                    "SELECT active FROM commission_members WHERE id = ?1",
                    [m.0],
                    |r| r.get(0),
                )
                .optional()?;
            if active != Some(true) {
                return Err(StoreError::NotFound {
                    what: "commission member",
                    id: m.to_string(),
                });
            }
            self.tx.execute(
                "INSERT INTO sitting_members (sitting_id, member_id, present) VALUES (?1, ?2, ?3)",
                params![id, m.0, present],
            )?;
        }
        self.audit(&actor, Action::CreateSitting, "sitting", id, None, Some(json!({"held_on": held_on, "place": place, "members": members.iter().map(|(m, p)| json!([m.0, p])).collect::<Vec<_>>()})))?;
        Ok(SittingId(id))
    }

    /// The Commission's assessment and decision for one applicant (Rules p.9-10).
    ///
    /// The decision follows from the findings (RULES.md §6.2): the Commission departs from what the
    /// documents claim only by changing its findings — a period not accepted, a document found
    /// unreliable, the qualification not matching — and the points follow. `decision` is what the
    /// secretary records; it is refused when it is not what the findings give. A finding that grounds
    /// a refusal under App 2 p.9 subp.1 or 3 needs its written justification (`note`), which goes
    /// into the protocol and the audit trail.
    pub fn record_assessment(
        &mut self,
        case: CaseId,
        sitting: SittingId,
        input: &AssessmentInput,
        decision: Outcome,
        note: Option<&str>,
    ) -> Result<Recommendation> {
        let actor = self.permit(Action::RecordAssessment)?;
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(c.id, c.kind, c.status, Action::RecordAssessment, false)?;
        let held_on: NaiveDate = self
            .tx
            .query_row(
                "SELECT held_on FROM sittings WHERE id = ?1",
                [sitting.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "sitting",
                id: sitting.to_string(),
            })?;
        let rs = self.rule_set(&c.rule_set)?;
        let mut cites = Vec::new();
        // Rules p.10 subp.2: work done up to the registration date.
        let result = input.assess(rs, c.kind, c.registered_on, &mut cites)?;
        let recommended = Outcome::from(result.recommendation);
        let reason = note.map(str::trim).filter(|s| !s.is_empty());
        // App 2 p.9 grounds are mandatory: no issue while one holds, no refusal without one.
        if decision != recommended {
            return Err(StoreError::DecisionAgainstFindings {
                recommendation: recommended.as_str(),
            });
        }
        let written = result
            .refusal_grounds
            .iter()
            .any(|g| *g != RefusalGround::BelowThreshold);
        if written && reason.is_none() {
            return Err(StoreError::ReasonRequired);
        }
        self.tx.execute(
            "INSERT INTO assessments (case_id, sitting_id, rule_set, inputs, points, total, threshold, recommendation,
                refusal_grounds, commission_decision, departure_reason, decided_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                c.id,
                sitting.0,
                rs.id.as_str(),
                json!(input).to_string(),
                json!({"experience": result.experience, "points": result.points, "count": result.count}).to_string(),
                result.total.unwrap_or(0),
                result.threshold,
                recommended.as_str(),
                json!(result.refusal_grounds).to_string(),
                decision.as_str(),
                reason,
                held_on,
            ],
        )?;
        self.tx.execute(
            "UPDATE cases SET status = ?1 WHERE id = ?2",
            params![next.as_str(), c.id],
        )?;
        self.audit(
            &actor,
            Action::RecordAssessment,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "sitting": sitting.0, "rule_set": rs.id, "inputs": input, "points": result.points, "total": result.total,
                "threshold": result.threshold, "recommendation": recommended, "refusal_grounds": result.refusal_grounds,
                "experience": result.count, "commission_decision": decision, "findings_note": reason, "citations": cites})),
        )?;
        Ok(result.recommendation)
    }

    // ---------------------------------------------------------------- head / signatory

    /// The LEB's decision (Rules p.11, p.16, p.22, p.22-1). Issuing makes or changes the certificate.
    ///
    /// A refusal of the service is a *reasoned* refusal on the grounds of App 2 p.9 (App 2 p.5): it
    /// names at least one ground and its written justification. A first issue is refused on the
    /// Commission's grounds, to which the head may add subp.1 or 3 with a reason (a departure); it is
    /// never issued while a ground holds. Extension, reissue and duplicate have no points: their
    /// refusal rests on subp.1 or 3. `chosen_end` lets the official choose an earlier end for a first
    /// issue (RULES.md §6.5).
    pub fn decide(
        &mut self,
        case: CaseId,
        outcome: Outcome,
        grounds: &[RefusalGround],
        reason: Option<&str>,
        chosen_end: Option<NaiveDate>,
    ) -> Result<Option<CertificateId>> {
        let actor = self.permit(Action::Decide)?;
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(
            c.id,
            c.kind,
            c.status,
            Action::Decide,
            outcome == Outcome::Issue,
        )?;
        let reason = reason.map(str::trim).filter(|s| !s.is_empty());
        let today = self.today();
        // A decision cannot come before the registration it decides on (App 2 p.7: what arrives
        // after hours or on a day off is registered on the next working day).
        if today < c.registered_on {
            return Err(StoreError::Invalid {
                field: "decided_on",
                detail: c.registered_on.to_string(),
            });
        }
        let rs = self.rule_set(&c.rule_set)?;
        // The Commission's grounds (a first issue only: the other services have no assessment).
        let commission: Vec<RefusalGround> = if c.kind == Service::Issue {
            let text: String = self.tx.query_row(
                "SELECT refusal_grounds FROM assessments WHERE case_id = ?1",
                [c.id],
                |r| r.get(0),
            )?;
            serde_json::from_str(&text).map_err(|e| StoreError::Invalid {
                field: "refusal_grounds",
                detail: e.to_string(),
            })?
        } else {
            Vec::new()
        };
        let mut effective = commission.clone();
        let (departs, grounds) = match outcome {
            Outcome::Issue => {
                // App 2 p.9: never issue while a ground holds.
                if !commission.is_empty() {
                    return Err(StoreError::GroundsHold {
                        subparagraphs: anyqtama_rules::points::subparagraphs(&commission),
                    });
                }
                if let Some(g) = grounds.first() {
                    return Err(StoreError::GroundNotApplicable {
                        subparagraph: g.subparagraph(),
                    });
                }
                (false, effective)
            }
            Outcome::Refuse => {
                for g in grounds {
                    // The threshold is shown only by the Commission's points (App 2 p.9 subp.2).
                    if !g.applies_to(c.kind)
                        || (*g == RefusalGround::BelowThreshold && !commission.contains(g))
                    {
                        return Err(StoreError::GroundNotApplicable {
                            subparagraph: g.subparagraph(),
                        });
                    }
                    if !effective.contains(g) {
                        effective.push(*g);
                    }
                }
                effective.sort();
                if effective.is_empty() {
                    return Err(StoreError::GroundRequired);
                }
                // Refusing what the Commission recommended to issue is a departure.
                let departs = c.kind == Service::Issue && commission.is_empty();
                // App 2 p.5: reasoned. The Commission's points justify subp.2 by themselves, and its
                // written note justifies its own subp.1/3 findings; anything the head adds needs the
                // head's reason.
                let added = effective.iter().any(|g| !commission.contains(g));
                if added && reason.is_none() {
                    return Err(StoreError::ReasonRequired);
                }
                (departs, effective)
            }
        };
        let certificate = if outcome == Outcome::Issue {
            Some(self.produce_certificate(&c, rs, today, chosen_end)?)
        } else {
            None
        };
        self.tx.execute(
            "INSERT INTO decisions (case_id, outcome, decided_on, refusal_grounds, reason, departs, decided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![c.id, outcome.as_str(), today, json!(grounds).to_string(), reason, departs, self.session.user_id.0],
        )?;
        self.tx.execute(
            "UPDATE cases SET status = ?1, decided_on = ?2, result_certificate_id = ?3 WHERE id = ?4",
            params![next.as_str(), today, certificate, c.id],
        )?;
        search::refresh(self.tx, c.id)?;
        let cert_json = match certificate {
            Some(id) => {
                let r = load_cert(self.tx, id)?;
                json!({"id": r.id, "number": r.number, "copy": r.copy, "valid_from": r.valid_from, "valid_to": r.valid_to})
            }
            None => serde_json::Value::Null,
        };
        self.audit(
            &actor,
            Action::Decide,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "outcome": outcome, "decided_on": today, "refusal_grounds": grounds, "reason": reason, "departs": departs, "certificate": cert_json})),
        )?;
        Ok(certificate.map(CertificateId))
    }

    fn produce_certificate(
        &mut self,
        c: &CaseRow,
        rs: &RuleSet,
        today: NaiveDate,
        chosen_end: Option<NaiveDate>,
    ) -> Result<i64> {
        let insert = |tx: &Transaction<'_>,
                      number: &str,
                      copy: i64,
                      applicant: i64,
                      v: Validity,
                      replaces: Option<i64>|
         -> Result<i64> {
            tx.execute(
                "INSERT INTO certificates (number, copy, case_id, applicant_id, profession_id, issued_on, valid_from, valid_to, status, replaces_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'valid', ?9)",
                params![number, copy, c.id, applicant, c.profession_id, today, v.from, v.to, replaces],
            )?;
            Ok(tx.last_insert_rowid())
        };
        let current = |tx: &Transaction<'_>| -> Result<CertRow> {
            let cert = load_cert(tx, c.certificate_id.expect("checked at registration"))?;
            if cert.status != CertificateStatus::Valid || cert.valid_to < today {
                return Err(StoreError::CertificateNotValid {
                    number: cert.number,
                    date: today.to_string(),
                });
            }
            Ok(cert)
        };
        match c.kind {
            Service::Issue => {
                // Rules p.15: at most three months.
                let v = validity::issue(rs, today, chosen_end)?;
                let number = numbering::allocate(self.tx, today.year())?;
                insert(self.tx, number.as_str(), 0, c.applicant_id, v, None)
            }
            Service::Extend => {
                // Rules p.16: for the contract's term, at most three years. Same number.
                let cert = current(self.tx)?;
                let e = c.employer.as_ref().expect("checked at registration");
                let v = validity::extension(rs, today, e.contract_to)?;
                self.tx.execute(
                    "UPDATE certificates SET valid_to = ?1 WHERE id = ?2",
                    params![v.to, cert.id],
                )?;
                self.tx.execute(
                    "INSERT INTO extensions (certificate_id, case_id, employer_name, employer_bin, contract_from, contract_to, previous_valid_to, valid_from, valid_to)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![cert.id, c.id, e.name, e.bin, e.contract_from, e.contract_to, cert.valid_to, v.from, v.to],
                )?;
                Ok(cert.id)
            }
            Service::Reissue => {
                // Rules p.22: a new number; the original's end date is kept, or the new contract's
                // end when the employer changed and it is earlier (p.19, p.16; RULES.md §6.6).
                let cert = current(self.tx)?;
                let new_contract_end = match c.change_ground.as_deref() {
                    Some("employer_change") => c.employer.as_ref().map(|e| e.contract_to),
                    _ => None,
                };
                let v = validity::reissue(
                    today,
                    Validity {
                        from: cert.valid_from,
                        to: cert.valid_to,
                    },
                    new_contract_end,
                )?;
                let number = numbering::allocate(self.tx, today.year())?;
                let id = insert(
                    self.tx,
                    number.as_str(),
                    0,
                    c.applicant_id,
                    v,
                    Some(cert.id),
                )?;
                self.tx.execute("UPDATE certificates SET status = 'superseded', invalid_from = ?1 WHERE id = ?2", params![today, cert.id])?;
                Ok(id)
            }
            Service::Duplicate => {
                // Rules p.22-1: same number, marked as a duplicate, valid to the original's end; the
                // original is invalid from the day the duplicate was applied for.
                let cert = current(self.tx)?;
                let out = validity::duplicate(
                    c.registered_on,
                    today,
                    Validity {
                        from: cert.valid_from,
                        to: cert.valid_to,
                    },
                )?;
                let copy: i64 = self.tx.query_row(
                    "SELECT max(copy) + 1 FROM certificates WHERE number = ?1",
                    [&cert.number],
                    |r| r.get(0),
                )?;
                let id = insert(
                    self.tx,
                    &cert.number,
                    copy,
                    cert.applicant_id,
                    out.duplicate,
                    None,
                )?;
                self.tx.execute(
                    "UPDATE certificates SET status = 'replaced', invalid_from = ?1 WHERE id = ?2",
                    params![out.original_invalid_from, cert.id],
                )?;
                Ok(id)
            }
        }
    }

    /// Revokes a certificate on the act of a control body (Rules p.21).
    pub fn revoke(&mut self, certificate: CertificateId, act: &RevocationAct) -> Result<()> {
        let actor = self.permit(Action::Revoke)?;
        non_empty("body", &act.body)?;
        non_empty("act_number", &act.number)?;
        let cert = load_cert(self.tx, certificate.0)?;
        if cert.status != CertificateStatus::Valid {
            return Err(StoreError::CertificateNotValid {
                number: cert.number,
                date: self.today().to_string(),
            });
        }
        if act.date > self.today() {
            return Err(StoreError::Invalid {
                field: "act_date",
                detail: "in the future".into(),
            });
        }
        self.tx.execute(
            "UPDATE certificates SET status = 'revoked', invalid_from = ?1 WHERE id = ?2",
            params![self.today(), cert.id],
        )?;
        self.tx.execute(
            "INSERT INTO revocations (certificate_id, body, act_number, act_date, revoked_on, revoked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![cert.id, act.body, act.number, act.date, self.today(), self.session.user_id.0],
        )?;
        self.audit(
            &actor,
            Action::Revoke,
            "certificate",
            cert.id,
            Some(json!({"number": cert.number, "status": cert.status})),
            Some(json!({"status": "revoked", "act": act, "revoked_on": self.today()})),
        )
    }

    /// Closes a complaint: satisfied, forwarded to the reviewing body, or rejected.
    pub fn resolve_complaint(
        &mut self,
        id: ComplaintId,
        status: ComplaintStatus,
        outcome: &str,
    ) -> Result<()> {
        let actor = self.permit(Action::ResolveComplaint)?;
        non_empty("outcome", outcome)?;
        if status == ComplaintStatus::Open {
            return Err(StoreError::Invalid {
                field: "status",
                detail: "a resolution cannot be open".into(),
            });
        }
        let current: String = self
            .tx
            .query_row("SELECT status FROM complaints WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "complaint",
                id: id.to_string(),
            })?;
        if current != "open" {
            return Err(StoreError::Invalid {
                field: "status",
                detail: format!("already {current}"),
            });
        }
        self.tx.execute(
            "UPDATE complaints SET status = ?1, resolved_on = ?2, outcome = ?3 WHERE id = ?4",
            params![status.as_str(), self.today(), outcome, id.0],
        )?;
        self.audit(
            &actor,
            Action::ResolveComplaint,
            "complaint",
            id.0,
            Some(json!({"status": current})),
            Some(json!({"status": status, "outcome": outcome})),
        )
    }

    /// Records a real print of a document (drafts are not recorded): which, in which language, how
    /// many copies (issue 4).
    pub fn record_print(
        &mut self,
        document: &str,
        id: &str,
        lang: &str,
        copies: u32,
    ) -> Result<()> {
        let actor = self.permit(Action::Print)?;
        if copies == 0 || copies > 100 {
            return Err(StoreError::Invalid {
                field: "copies",
                detail: "from 1 to 100".into(),
            });
        }
        self.audit(
            &actor,
            Action::Print,
            document,
            id,
            None,
            Some(json!({"document": document, "id": id, "lang": lang, "copies": copies})),
        )
    }

    // ---------------------------------------------------------------- administrator

    pub fn create_user(
        &mut self,
        login: &str,
        full_name: &str,
        password: &str,
        roles: &[Role],
        lang: &str,
    ) -> Result<UserId> {
        let actor = self.permit(Action::ManageUsers)?;
        check_login(login)?;
        non_empty("full_name", full_name)?;
        if roles.is_empty() {
            return Err(StoreError::Invalid {
                field: "roles",
                detail: "at least one".into(),
            });
        }
        if !["kk", "ru", "en"].contains(&lang) {
            return Err(StoreError::Invalid {
                field: "lang",
                detail: lang.into(),
            });
        }
        let exists: bool = self.tx.query_row(
            "SELECT count(*) FROM users WHERE login = ?1",
            [login],
            |r| r.get::<_, i64>(0),
        )? > 0;
        if exists {
            return Err(StoreError::Invalid {
                field: "login",
                detail: format!("{login} is taken"),
            });
        }
        let hash = crate::hash_password(password)?;
        self.tx.execute("INSERT INTO users (login, full_name, password_hash, lang, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", params![login, full_name, hash, lang, self.now])?;
        let id = self.tx.last_insert_rowid();
        for r in roles {
            self.tx.execute(
                "INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)",
                params![id, r.as_str()],
            )?;
        }
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            id,
            None,
            Some(json!({"login": login, "full_name": full_name, "roles": roles, "lang": lang})),
        )?;
        Ok(UserId(id))
    }

    pub fn set_roles(&mut self, user: UserId, roles: &[Role]) -> Result<()> {
        let actor = self.permit(Action::ManageUsers)?;
        let before: Vec<String> = {
            let mut s = self
                .tx
                .prepare("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role")?;
            let v = s
                .query_map([user.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        self.tx
            .query_row("SELECT id FROM users WHERE id = ?1", [user.0], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "user",
                id: user.to_string(),
            })?;
        self.tx
            .execute("DELETE FROM user_roles WHERE user_id = ?1", [user.0])?;
        for r in roles {
            self.tx.execute(
                "INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)",
                params![user.0, r.as_str()],
            )?;
        }
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user.0,
            Some(json!({"roles": before})),
            Some(json!({"roles": roles})),
        )
    }

    pub fn set_user_active(&mut self, user: UserId, active: bool) -> Result<()> {
        let actor = self.permit(Action::ManageUsers)?;
        if user == self.session.user_id && !active {
            return Err(StoreError::Invalid {
                field: "active",
                detail: "you cannot disable yourself".into(),
            });
        }
        let n = self.tx.execute(
            "UPDATE users SET active = ?1 WHERE id = ?2",
            params![active, user.0],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "user",
                id: user.to_string(),
            });
        }
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user.0,
            None,
            Some(json!({"active": active})),
        )
    }

    pub fn update_office(&mut self, office: &Office) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        check_office(office)?;
        let before: String = self.tx.query_row(
            "SELECT json_object('code', code, 'name_kk', name_kk, 'name_ru', name_ru, 'name_en', name_en, 'region_kk', region_kk,
                'region_ru', region_ru, 'region_en', region_en, 'address', address) FROM office WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "UPDATE office SET code = ?1, name_kk = ?2, name_ru = ?3, name_en = ?4, region_kk = ?5, region_ru = ?6, region_en = ?7, address = ?8 WHERE id = 1",
            params![office.code, office.name_kk, office.name_ru, office.name_en, office.region_kk, office.region_ru, office.region_en, office.address],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "office",
            1,
            Some(serde_json::from_str(&before).unwrap_or_default()),
            Some(json!(office)),
        )
    }

    pub fn set_office_hours(&mut self, open: &str, close: &str) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        let hours = OfficeHours::parse(open, close)?;
        let before = office_hours(self.tx)?;
        self.tx.execute(
            "UPDATE office SET hours_open = ?1, hours_close = ?2 WHERE id = 1",
            params![open, close],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "office",
            1,
            Some(json!(before)),
            Some(json!(hours)),
        )
    }

    /// Confirms the date a rule set came into force (order 426: its official publication), with the
    /// source. Applications are judged by the rule set in force on their registration date, so the
    /// date decides which rules later applications get; cases already registered keep theirs.
    pub fn set_rule_set_date(&mut self, id: &str, date: NaiveDate, source: &str) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        non_empty("source", source)?;
        let mut sets = self.law.rule_sets.clone();
        let rid = sets.id(id)?;
        let before = sets.get(&rid).effective_from;
        sets.confirm_effective_from(&rid, date)?;
        self.tx.execute(
            "INSERT INTO rule_set_dates (rule_set, effective_from, source) VALUES (?1, ?2, ?3)
             ON CONFLICT (rule_set) DO UPDATE SET effective_from = ?2, source = ?3",
            params![id, date, source],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "rule_set",
            id,
            Some(json!({"effective_from": before})),
            Some(json!({"effective_from": date, "source": source})),
        )
    }

    /// The calendar editor: a Government decree moves a day off to `day_off` (a weekday) and makes
    /// `working_day` (a weekend day) working. Checked like the shipped calendar before it is kept.
    pub fn add_calendar_transfer(
        &mut self,
        day_off: NaiveDate,
        working_day: NaiveDate,
        source: &str,
    ) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        non_empty("source", source)?;
        self.law
            .calendar
            .with_transfer(day_off, working_day, source)?;
        self.tx.execute(
            "INSERT INTO calendar_transfers (day_off, working_day, source) VALUES (?1, ?2, ?3)",
            params![day_off, working_day, source],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "calendar",
            day_off,
            None,
            Some(json!({"day_off": day_off, "working_day": working_day, "source": source})),
        )
    }

    /// The numbering pattern and the next number of a year (an office that numbered on paper goes on
    /// from where it stopped). Going back below a number already given is refused.
    pub fn set_numbering(&mut self, pattern: &str, year: i32, next: i64) -> Result<()> {
        let actor = self.permit(Action::ManageNumbering)?;
        numbering::check_pattern(pattern)?;
        if next < 1 {
            return Err(StoreError::Invalid {
                field: "next",
                detail: "at least 1".into(),
            });
        }
        let current = numbering::stored_next(self.tx, year)?;
        if current.is_some_and(|c| next < c) {
            return Err(StoreError::Invalid {
                field: "next",
                detail: (current.unwrap() - 1).to_string(),
            });
        }
        let before: String = self
            .tx
            .query_row("SELECT number_pattern FROM office WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NoOffice)?;
        self.tx.execute(
            "UPDATE office SET number_pattern = ?1 WHERE id = 1",
            [pattern],
        )?;
        self.tx.execute(
            "INSERT INTO number_sequences (year, next) VALUES (?1, ?2) ON CONFLICT(year) DO UPDATE SET next = excluded.next",
            params![year, next],
        )?;
        self.audit(
            &actor,
            Action::ManageNumbering,
            "numbering",
            year,
            Some(json!({"pattern": before, "next": current})),
            Some(json!({"pattern": pattern, "next": next})),
        )
    }

    pub fn add_commission_member(
        &mut self,
        full_name: &str,
        position: &str,
        organisation: &str,
    ) -> Result<MemberId> {
        let actor = self.permit(Action::ManageCommission)?;
        non_empty("full_name", full_name)?;
        non_empty("organisation", organisation)?;
        self.tx.execute("INSERT INTO commission_members (full_name, position, organisation) VALUES (?1, ?2, ?3)", params![full_name, position, organisation])?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::ManageCommission,
            "commission_member",
            id,
            None,
            Some(
                json!({"full_name": full_name, "position": position, "organisation": organisation}),
            ),
        )?;
        Ok(MemberId(id))
    }
}

pub(crate) fn insert_applicant(tx: &Transaction<'_>, a: &ApplicantData) -> Result<i64> {
    tx.execute(
        "INSERT INTO applicants (surname_latin, given_names_latin, surname_cyrillic, given_names_cyrillic, patronymic, name_native,
            birth_date, citizenship, passport_number, passport_issued_on, passport_issuer, iin, phone, email, address_kz,
            residence_address, residence_phone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            a.surname_latin,
            a.given_names_latin,
            a.surname_cyrillic,
            a.given_names_cyrillic,
            a.patronymic,
            a.name_native,
            a.birth_date,
            a.citizenship,
            a.passport_number,
            a.passport_issued_on,
            a.passport_issuer,
            a.iin.as_deref().filter(|s| !s.is_empty()),
            a.phone,
            a.email,
            a.address_kz,
            a.residence_address,
            a.residence_phone
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
