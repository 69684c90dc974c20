//! Every action that changes the store. A [`Writer`] lives inside one transaction (see
//! [`crate::Store::write`]); each method checks the user's role and the case's state first
//! ([`crate::lifecycle`]), then writes, then appends its audit event. Any error rolls back the whole
//! transaction.
//!
//! The actions are grouped by who takes them, one file each, in the order a case meets them:
//! `front_office` (applications, scans, notices, complaints), `commission` (sittings,
//! assessments), `decision` (the head: decisions, certificates, revocation, complaints resolved,
//! prints), `admin` (users, the office, the law as data, numbering, members). This file holds the
//! Writer itself and the checks they share.

mod admin;
mod commission;
mod decision;
mod front_office;

use crate::audit::{self, Actor, Event};
use crate::error::{Result, StoreError};
use crate::lifecycle::{self, Action};
use crate::model::*;
use crate::{numbering, search, Law, Session};
use anyqtama_rules::deadlines;
use anyqtama_rules::iin::IinBin;
use anyqtama_rules::intake;
use anyqtama_rules::points::{Recommendation, RefusalGround};
use anyqtama_rules::registration::{self, OfficeHours};
use anyqtama_rules::ruleset::{DocumentKind, RuleSet};
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
            detail: "empty".into(),
        });
    }
    Ok(())
}

/// The refusals among a form's checks, each with its field (issue 15: all at once).
fn refusals(checks: Vec<(&'static str, Result<()>)>) -> Vec<(&'static str, StoreError)> {
    checks
        .into_iter()
        .filter_map(|(f, r)| r.err().map(|e| (f, e)))
        .collect()
}

/// A form's checks, refused together.
fn all_of(checks: Vec<(&'static str, Result<()>)>) -> Result<()> {
    StoreError::gathered(refusals(checks))
}

fn invalid(field: &'static str, reason: &str) -> StoreError {
    StoreError::Invalid {
        field,
        detail: reason.to_string(),
    }
}

/// A new applicant's typed values, each refused with its field and a reason code the message
/// selects on (`future`, `age`, `shape`, `before_birth`), so every door gets the same answer; all
/// at once (issue 15: a person corrects them in one go).
pub(crate) fn applicant_refusals(
    a: &ApplicantData,
    received: NaiveDate,
) -> Vec<(&'static str, StoreError)> {
    // A passport number: letters and digits, of a sane length (ICAO 9303 allows up to 9 in the
    // machine-readable zone; national numbers run a little longer).
    let passport = a.passport_number.trim();
    let mut checks = vec![
        (
            "surname_latin",
            non_empty("surname_latin", &a.surname_latin),
        ),
        ("citizenship", non_empty("citizenship", &a.citizenship)),
        (
            "passport_number",
            non_empty("passport_number", passport).and_then(|()| {
                if (5..=20).contains(&passport.chars().count())
                    && passport.chars().all(|c| c.is_alphanumeric())
                {
                    Ok(())
                } else {
                    Err(invalid("passport_number", "shape"))
                }
            }),
        ),
    ];
    if let Some(born) = a.birth_date {
        // A person of working age: from 16 to 100 years on the day the application arrived.
        let age = received.years_since(born).unwrap_or(0);
        checks.push((
            "birth_date",
            if born > received {
                Err(invalid("birth_date", "future"))
            } else if !(16..=100).contains(&age) {
                Err(invalid("birth_date", "age"))
            } else {
                Ok(())
            },
        ));
    }
    if let Some(issued) = a.passport_issued_on {
        checks.push((
            "passport_issued_on",
            if issued > received {
                Err(invalid("passport_issued_on", "future"))
            } else if a.birth_date.is_some_and(|b| issued < b) {
                Err(invalid("passport_issued_on", "before_birth"))
            } else {
                Ok(())
            },
        ));
    }
    if let Some(iin) = a.iin.as_deref().filter(|s| !s.is_empty()) {
        // A person's IIN: its structure (birth date, century digit) as well as its check digit.
        checks.push((
            "iin",
            IinBin::parse_iin(iin).map(|_| ()).map_err(Into::into),
        ));
    }
    refusals(checks)
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
        must_change_password: false,
        seal_key: None,
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
    StoreError::gathered(office_refusals(o))
}

/// Every refusal of an office's details at once, each with its field.
fn office_refusals(o: &Office) -> Vec<(&'static str, StoreError)> {
    let mut checks: Vec<(&'static str, Result<()>)> = [
        ("code", &o.code),
        ("name_kk", &o.name_kk),
        ("name_ru", &o.name_ru),
        ("name_en", &o.name_en),
    ]
    .into_iter()
    .map(|(f, v)| (f, non_empty(f, v)))
    .collect();
    if !o.code.trim().is_empty()
        && (!o.code.chars().all(|c| c.is_ascii_alphanumeric()) || o.code.len() > 8)
    {
        checks.push(("code", Err(invalid("code", "shape"))));
    }
    refusals(checks)
}

/// What first-time setup refuses in what was typed, all at once: the office's details, the
/// administrator's login, name and password (checked before the password is hashed).
pub(crate) fn setup_refusals(
    office: Option<&Office>,
    login: &str,
    name: &str,
    password: &str,
) -> Vec<(&'static str, StoreError)> {
    let mut out = office.map(office_refusals).unwrap_or_default();
    out.extend(refusals(vec![
        ("login", check_login(login)),
        ("full_name", non_empty("full_name", name)),
        ("password", crate::check_password(password)),
    ]));
    out
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
            detail: "shape".into(),
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

    /// Acts as another signed-in user, later, within the same transaction (the demo simulates an
    /// office's history this way; the window never does). Every action is still checked for that
    /// user's roles and against the law at that moment.
    pub fn act_as(&mut self, session: &Session, now: NaiveDateTime) {
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

    pub fn law(&self) -> &'a Law {
        self.law
    }

    /// The day an application received at `received` is registered (App 2 p.7: the next working
    /// day if it came after hours), by which its rule set is chosen.
    pub fn registration_date(&self, received: NaiveDateTime) -> Result<NaiveDate> {
        let cal = &self.law.calendar;
        Ok(anyqtama_rules::registration::registration_date(
            cal,
            received,
            &office_hours(self.tx)?,
        )?)
    }

    /// What this transaction reads (the read functions take it as their [`crate::Db`]): a change
    /// made earlier in the same transaction is seen.
    pub fn db(&self) -> &(impl crate::Db + use<'a>) {
        self.tx
    }

    fn today(&self) -> NaiveDate {
        self.now.date()
    }

    fn permit(&self, action: Action) -> Result<Actor> {
        // A password the administrator reset is changed before anything else is done.
        if self.session.must_change_password {
            return Err(StoreError::MustChangePassword);
        }
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
        // A signatory's event is signed with the key their password unlocked (issue 12).
        audit::append_signed(
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
            self.session.seal_key.as_ref().map(|k| k.signing()),
        )?;
        Ok(())
    }

    fn rule_set(&self, id: &str) -> Result<&'a RuleSet> {
        let rid = self.law.rule_sets.id(id)?;
        Ok(self.law.rule_sets.get(&rid))
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
