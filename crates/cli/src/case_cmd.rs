//! `anyqtama case | sitting | certificate | complaint | user | member | office | law | audit`:
//! every action of the window from a shell, signed in as a user of the store (`--user LOGIN`; the
//! password from `ANYQTAMA_PASSWORD` or the first line of standard input, never from an argument).
//! Each command reads its arguments and calls one function of `anyqtama_app`, the same the window
//! calls: roles, states and the law are checked there, and nothing is written on failure.

use crate::error::CliError;
use crate::to_json;
use anyqtama_app::cases::{self, ActTyped};
use anyqtama_app::office::{self, NewUser};
use anyqtama_app::start::{self, FirstAdmin};
use anyqtama_rules::points::RefusalGround;
use anyqtama_rules::ruleset::DocumentKind;
use anyqtama_store::{
    AssessmentInput, CaseId, ComplaintAddressee, ComplaintId, ComplaintStatus, NewApplication,
    NotificationKind, Outcome, Role, Session, SittingId, Store,
};
use chrono::NaiveDateTime;
use clap::Subcommand;
use serde_json::json;
use std::io::BufRead;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum Case {
    /// Register an application (NewApplication JSON from FILE or standard input), or record the
    /// refusal to accept it when its documents are incomplete (--refuse-acceptance NOTE).
    Register {
        file: Option<String>,
        #[arg(long)]
        refuse_acceptance: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Send a registered first-issue case to the Commission (Rules p.7).
    Send {
        id: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record the Commission's assessment of a case at a sitting (AssessmentInput JSON: education,
    /// periods, qualification, reliability). The decision must follow from the findings.
    Assess {
        id: String,
        #[arg(long)]
        sitting: String,
        /// issue or refuse: what the Commission decides (it must be what the findings give).
        #[arg(long)]
        decision: String,
        /// The Commission's written justification of its findings (App 2 p.9 subp.1, 3).
        #[arg(long)]
        note: Option<String>,
        file: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// The head's decision: issue, or refuse on grounds of App 2 p.9 with a written reason.
    Decide {
        id: String,
        /// issue or refuse.
        #[arg(long)]
        outcome: String,
        /// qualification_mismatch, below_threshold or unreliable_documents (repeatable).
        #[arg(long = "ground")]
        grounds: Vec<String>,
        #[arg(long)]
        reason: Option<String>,
        /// An earlier end than three months for a first issue (Rules p.15).
        #[arg(long)]
        end: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Attach a scan (PDF, JPEG, PNG, TIFF) to a case, as one document of its checklist.
    Attach {
        id: String,
        file: PathBuf,
        /// The checklist document it is (identity_document, work_history, …).
        #[arg(long)]
        kind: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// The case's page as the window shows it: record, checklist, certificates, notices,
    /// complaints, the next step's deadline and what this user may do now.
    Page {
        id: String,
        #[command(flatten)]
        who: Who,
    },
    /// A case as the store holds it.
    Show {
        id: String,
        #[arg(long)]
        db: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum Sitting {
    /// A sitting of the Commission with every active member present.
    Create {
        #[arg(long)]
        held_on: String,
        #[arg(long)]
        place: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum Certificate {
    /// Revoke a certificate on a control body's act (Rules p.21).
    Revoke {
        number: String,
        #[arg(long)]
        body: String,
        #[arg(long)]
        act: String,
        #[arg(long)]
        date: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record the holder's notice (Rules p.18 employer_change, p.20 contract_termination).
    Notice {
        number: String,
        #[arg(long)]
        kind: String,
        /// The day of the change or termination.
        #[arg(long)]
        event_on: String,
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        who: Who,
    },
    /// A certificate by number, with its holder.
    Find {
        number: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum Complaint {
    /// Register a complaint (Rules ch.3), about a case or in general.
    Register {
        #[arg(long)]
        case: Option<String>,
        /// leb (the local executive body) or quality_body.
        #[arg(long)]
        addressee: String,
        #[arg(long)]
        summary: String,
        #[command(flatten)]
        who: Who,
    },
    /// Resolve a complaint: satisfied, forwarded or rejected, with the outcome in words.
    Resolve {
        id: String,
        #[arg(long)]
        status: String,
        #[arg(long)]
        outcome: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum User {
    /// A new user of the store with roles (registrar, secretary, head, admin); the new user's
    /// password comes from ANYQTAMA_NEW_PASSWORD, never from an argument.
    Add {
        login: String,
        #[arg(long)]
        name: String,
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        #[arg(long, default_value = "ru")]
        language: String,
        #[command(flatten)]
        who: Who,
    },
    /// Set a user's roles (all of them, replacing the old ones).
    Roles {
        login: String,
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Change your own password: the current one from ANYQTAMA_PASSWORD (or standard input), the
    /// new one from ANYQTAMA_NEW_PASSWORD. A signatory's key goes on opening with the new one.
    Password {
        #[command(flatten)]
        who: Who,
    },
    /// Set a new password for a user who lost theirs (the administrator; the new password from
    /// ANYQTAMA_NEW_PASSWORD). A head or administrator gets a new slot of the office key.
    Reset {
        login: String,
        #[command(flatten)]
        who: Who,
    },
    /// Let a user sign in again, or no more (--off).
    Active {
        login: String,
        #[arg(long)]
        off: bool,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum OfficeCmd {
    /// The settings page: the office, its users and members, rule sets and calendar.
    Settings {
        #[command(flatten)]
        who: Who,
    },
    /// Change the office's details (Office JSON from FILE or standard input).
    Update {
        file: Option<String>,
        #[command(flatten)]
        who: Who,
    },
    /// Office hours, HH:MM to HH:MM (a document received after closing counts from the next
    /// working day: App 2 p.7).
    Hours {
        #[arg(long)]
        open: String,
        #[arg(long)]
        close: String,
        #[command(flatten)]
        who: Who,
    },
    /// The certificate numbering pattern and this year's next number.
    Numbering {
        #[arg(long)]
        pattern: String,
        #[arg(long)]
        next: i64,
        #[command(flatten)]
        who: Who,
    },
    /// The cases waiting for a step: to send, at the Commission, for the head.
    Agenda {
        #[command(flatten)]
        who: Who,
    },
    /// The audit trail, newest first (100 events before --before), and with --verify the chain.
    Audit {
        #[arg(long)]
        before: Option<i64>,
        #[arg(long)]
        verify: bool,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum LawCmd {
    /// Confirm the day a rule set came into force, with its source.
    RuleSetDate {
        rule_set: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        source: String,
        #[command(flatten)]
        who: Who,
    },
    /// A day off moved by Government decree to another day.
    Transfer {
        #[arg(long)]
        day_off: String,
        #[arg(long)]
        working_day: String,
        #[arg(long)]
        source: String,
        #[command(flatten)]
        who: Who,
    },
}

#[derive(Subcommand)]
pub enum Member {
    /// A member of the Commission (Rules p.6), by name, position and organisation.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        position: String,
        #[arg(long)]
        organisation: String,
        #[command(flatten)]
        who: Who,
    },
}

/// The store and the user a command acts as.
#[derive(clap::Args)]
pub struct Who {
    #[arg(long)]
    db: Option<PathBuf>,
    /// The login of a user of the store; the password comes from ANYQTAMA_PASSWORD or the first
    /// line of standard input.
    #[arg(long)]
    user: String,
}

struct Signed {
    store: Store,
    session: Session,
}

/// The password of the person acting: ANYQTAMA_PASSWORD, else the first line of standard input.
pub(crate) fn password() -> Result<String, CliError> {
    match std::env::var("ANYQTAMA_PASSWORD") {
        Ok(p) => Ok(p),
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| CliError::ReadFile {
                    path: "-".into(),
                    detail: e.to_string(),
                })?;
            Ok(line.trim_end_matches(['\r', '\n']).to_string())
        }
    }
}

/// A new password, from ANYQTAMA_NEW_PASSWORD (never from an argument).
fn new_password() -> Result<String, CliError> {
    std::env::var("ANYQTAMA_NEW_PASSWORD")
        .map_err(|_| CliError::Usage("ANYQTAMA_NEW_PASSWORD".into()))
}

/// Opens the store and signs the user in. With no ANYQTAMA_PASSWORD the first line of standard
/// input is the password (so a JSON input then comes from a file).
fn sign_in(who: &Who) -> Result<Signed, CliError> {
    let password = password()?;
    let store = Store::open_existing(crate::store_cmd::db_path(who.db.clone()))?;
    let session = start::sign_in(&store, &who.user, &password, crate::store_cmd::now())?;
    Ok(Signed { store, session })
}

fn case_id(s: &str) -> Result<CaseId, CliError> {
    Ok(anyqtama_app::input::case(s)?)
}

fn number(what: &str, s: &str) -> Result<i64, CliError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| CliError::NotANumber(format!("{what} {s}")))
}

/// A value of one of our enums by its name, or a usage error listing the names.
fn one_of<T: Copy>(
    flag: &str,
    s: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, CliError> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| {
        let names: Vec<_> = all.iter().map(|v| name(*v)).collect();
        CliError::Usage(format!("{flag} {s}: {}", names.join(", ")))
    })
}

fn json_input<T: serde::de::DeserializeOwned>(file: Option<&str>) -> Result<T, CliError> {
    let text = crate::read_input(file)?;
    serde_json::from_str(&text).map_err(|e| CliError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

fn case_json(store: &Store, id: CaseId) -> Result<String, CliError> {
    Ok(to_json(&cases::state(store, id)?))
}

pub fn run_case(cmd: Case, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Case::Register {
            file,
            refuse_acceptance,
            who,
        } => {
            let app: NewApplication = json_input(file.as_deref())?;
            let mut s = sign_in(&who)?;
            let id = cases::register(
                &mut s.store,
                &s.session,
                now,
                &app,
                refuse_acceptance.as_deref(),
            )?;
            case_json(&s.store, id)
        }
        Case::Send { id, who } => {
            let id = case_id(&id)?;
            let mut s = sign_in(&who)?;
            cases::send_to_commission(&mut s.store, &s.session, now, id)?;
            case_json(&s.store, id)
        }
        Case::Assess {
            id,
            sitting,
            decision,
            note,
            file,
            who,
        } => {
            let id = case_id(&id)?;
            let sitting = SittingId(number("sitting", &sitting)?);
            let decision = one_of("--decision", &decision, Outcome::ALL, Outcome::as_str)?;
            let input: AssessmentInput = json_input(file.as_deref())?;
            let mut s = sign_in(&who)?;
            cases::record_assessment(
                &mut s.store,
                &s.session,
                now,
                id,
                sitting,
                &input,
                decision,
                note.as_deref(),
            )?;
            case_json(&s.store, id)
        }
        Case::Decide {
            id,
            outcome,
            grounds,
            reason,
            end,
            who,
        } => {
            let id = case_id(&id)?;
            let outcome = one_of("--outcome", &outcome, Outcome::ALL, Outcome::as_str)?;
            let grounds = grounds
                .iter()
                .map(|g| one_of("--ground", g, &RefusalGround::ALL, RefusalGround::as_str))
                .collect::<Result<Vec<_>, _>>()?;
            let mut s = sign_in(&who)?;
            cases::decide(
                &mut s.store,
                &s.session,
                now,
                id,
                outcome,
                &grounds,
                reason.as_deref(),
                end.as_deref(),
            )?;
            case_json(&s.store, id)
        }
        Case::Attach {
            id,
            file,
            kind,
            who,
        } => {
            let id = case_id(&id)?;
            let kind = kind
                .map(|k| one_of("--kind", &k, &DocumentKind::ALL, DocumentKind::as_str))
                .transpose()?;
            let mut s = sign_in(&who)?;
            let name = cases::attach_scan(&mut s.store, &s.session, now, id, kind, &file)?;
            Ok(to_json(&json!({"case": id, "attached": name})))
        }
        Case::Page { id, who } => {
            let id = case_id(&id)?;
            let s = sign_in(&who)?;
            Ok(to_json(&cases::page(&s.store, &s.session, now, id)?))
        }
        Case::Show { id, db } => {
            let id = case_id(&id)?;
            let store = Store::open_for_reading(crate::store_cmd::db_path(db))?;
            case_json(&store, id)
        }
    }
}

pub fn run_sitting(cmd: Sitting, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Sitting::Create {
            held_on,
            place,
            who,
        } => {
            let mut s = sign_in(&who)?;
            let id = cases::create_sitting(&mut s.store, &s.session, now, &held_on, &place, None)?;
            let held_on = anyqtama_app::input::date("held_on", &held_on)?;
            Ok(to_json(&json!({"sitting": id, "held_on": held_on})))
        }
    }
}

pub fn run_certificate(cmd: Certificate, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Certificate::Revoke {
            number,
            body,
            act,
            date,
            who,
        } => {
            let act = ActTyped {
                body,
                number: act,
                date,
            };
            let mut s = sign_in(&who)?;
            cases::revoke(&mut s.store, &s.session, now, &number, &act)?;
            Ok(to_json(&cases::certificate_state(&s.store, &number)?))
        }
        Certificate::Notice {
            number,
            kind,
            event_on,
            note,
            who,
        } => {
            let kind = one_of(
                "--kind",
                &kind,
                NotificationKind::ALL,
                NotificationKind::as_str,
            )?;
            let mut s = sign_in(&who)?;
            let late = cases::record_notification(
                &mut s.store,
                &s.session,
                now,
                &number,
                kind,
                &event_on,
                &note,
            )?;
            Ok(to_json(
                &json!({"certificate": number, "notice": kind, "late": late}),
            ))
        }
        Certificate::Find { number, who } => {
            let s = sign_in(&who)?;
            Ok(to_json(&cases::find_certificate(&s.store, &number)?))
        }
    }
}

pub fn run_complaint(cmd: Complaint, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Complaint::Register {
            case,
            addressee,
            summary,
            who,
        } => {
            let case = case.as_deref().map(case_id).transpose()?;
            let addressee = one_of(
                "--addressee",
                &addressee,
                ComplaintAddressee::ALL,
                ComplaintAddressee::as_str,
            )?;
            let mut s = sign_in(&who)?;
            let id = cases::register_complaint(
                &mut s.store,
                &s.session,
                now,
                case,
                addressee,
                &summary,
            )?;
            Ok(to_json(&json!({"complaint": id, "case": case})))
        }
        Complaint::Resolve {
            id,
            status,
            outcome,
            who,
        } => {
            let id = ComplaintId(number("complaint", &id)?);
            let status = one_of(
                "--status",
                &status,
                ComplaintStatus::ALL,
                ComplaintStatus::as_str,
            )?;
            let mut s = sign_in(&who)?;
            cases::resolve_complaint(&mut s.store, &s.session, now, id, status, &outcome)?;
            Ok(to_json(&json!({"complaint": id, "status": status})))
        }
    }
}

/// `anyqtama setup`: a new office's store with its first administrator (office details as JSON in
/// three languages; the administrator's password from ANYQTAMA_PASSWORD or standard input).
pub fn setup(
    db: Option<PathBuf>,
    office: &str,
    admin: &str,
    name: &str,
    now: NaiveDateTime,
    lang: anyqtama_i18n::Lang,
) -> Result<String, CliError> {
    let office: anyqtama_store::Office = json_input(Some(office))?;
    let password = password()?;
    let mut store = Store::open(crate::store_cmd::db_path(db))?;
    let first = FirstAdmin {
        login: admin,
        full_name: name,
        password: &password,
    };
    let session = start::setup(&mut store, now, &office, &first, lang)?;
    Ok(to_json(
        &json!({"office": office.code, "admin": session.login}),
    ))
}

fn roles(list: &[String]) -> Result<Vec<Role>, CliError> {
    list.iter()
        .map(|r| one_of("--role", r, Role::ALL, Role::as_str))
        .collect()
}

pub fn run_user(cmd: User, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        User::Add {
            login,
            name,
            roles: r,
            language,
            who,
        } => {
            let roles = roles(&r)?;
            let new_password = new_password()?;
            let mut s = sign_in(&who)?;
            let user = NewUser {
                login: &login,
                full_name: &name,
                password: &new_password,
                roles: &roles,
                lang: &language,
            };
            let id = office::create_user(&mut s.store, &s.session, now, &user)?;
            Ok(to_json(&json!({"user": id, "login": login})))
        }
        User::Roles {
            login,
            roles: r,
            who,
        } => {
            let roles = roles(&r)?;
            let mut s = sign_in(&who)?;
            let id = office::user_id(&s.store, &login)?;
            office::set_roles(&mut s.store, &s.session, now, id, &roles)?;
            Ok(to_json(
                &json!({"user": id, "login": login, "roles": roles}),
            ))
        }
        User::Password { who } => {
            let new = new_password()?;
            let old = password()?;
            let store = Store::open_existing(crate::store_cmd::db_path(who.db.clone()))?;
            let session = start::sign_in(&store, &who.user, &old, now)?;
            let mut store = store;
            office::change_password(&mut store, &session, now, &old, &new)?;
            Ok(to_json(&json!({"login": who.user, "password": "changed"})))
        }
        User::Reset { login, who } => {
            let new = new_password()?;
            let mut s = sign_in(&who)?;
            let id = office::user_id(&s.store, &login)?;
            office::reset_password(&mut s.store, &s.session, now, id, &new)?;
            Ok(to_json(
                &json!({"user": id, "login": login, "password": "reset"}),
            ))
        }
        User::Active { login, off, who } => {
            let mut s = sign_in(&who)?;
            let id = office::user_id(&s.store, &login)?;
            office::set_user_active(&mut s.store, &s.session, now, id, !off)?;
            Ok(to_json(
                &json!({"user": id, "login": login, "active": !off}),
            ))
        }
    }
}

pub fn run_member(cmd: Member, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Member::Add {
            name,
            position,
            organisation,
            who,
        } => {
            let mut s = sign_in(&who)?;
            let id = office::add_member(
                &mut s.store,
                &s.session,
                now,
                &name,
                &position,
                &organisation,
            )?;
            Ok(to_json(&json!({"member": id, "name": name})))
        }
    }
}

pub fn run_office(
    cmd: OfficeCmd,
    now: NaiveDateTime,
    lang: anyqtama_i18n::Lang,
) -> Result<String, CliError> {
    match cmd {
        OfficeCmd::Settings { who } => {
            let s = sign_in(&who)?;
            Ok(to_json(&office::settings(&s.store, now)?))
        }
        OfficeCmd::Update { file, who } => {
            let details: anyqtama_store::Office = json_input(file.as_deref())?;
            let mut s = sign_in(&who)?;
            office::update_office(&mut s.store, &s.session, now, &details)?;
            Ok(to_json(&json!({"office": details.code})))
        }
        OfficeCmd::Hours { open, close, who } => {
            let mut s = sign_in(&who)?;
            office::set_hours(&mut s.store, &s.session, now, &open, &close)?;
            Ok(to_json(&json!({"open": open, "close": close})))
        }
        OfficeCmd::Numbering { pattern, next, who } => {
            let mut s = sign_in(&who)?;
            office::set_numbering(&mut s.store, &s.session, now, &pattern, next)?;
            Ok(to_json(&json!({"pattern": pattern, "next": next})))
        }
        OfficeCmd::Agenda { who } => {
            let s = sign_in(&who)?;
            Ok(to_json(&start::agenda(&s.store)?))
        }
        OfficeCmd::Audit {
            before,
            verify,
            who,
        } => {
            let s = sign_in(&who)?;
            Ok(to_json(&office::audit_page(
                &s.store, before, verify, lang,
            )?))
        }
    }
}

pub fn run_law(cmd: LawCmd, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        LawCmd::RuleSetDate {
            rule_set,
            date,
            source,
            who,
        } => {
            let mut s = sign_in(&who)?;
            office::set_rule_set_date(&mut s.store, &s.session, now, &rule_set, &date, &source)?;
            Ok(to_json(&office::rule_sets(s.store.law())))
        }
        LawCmd::Transfer {
            day_off,
            working_day,
            source,
            who,
        } => {
            let mut s = sign_in(&who)?;
            office::add_calendar_transfer(
                &mut s.store,
                &s.session,
                now,
                &day_off,
                &working_day,
                &source,
            )?;
            Ok(to_json(
                &json!({"day_off": day_off, "working_day": working_day}),
            ))
        }
    }
}
