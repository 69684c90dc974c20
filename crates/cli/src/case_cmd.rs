//! `anyqtama case | sitting | certificate`: a case's whole life from a shell, signed in as a user of
//! the store (`--user LOGIN`; the password from `ANYQTAMA_PASSWORD` or the first line of standard
//! input, never from an argument). Each command is one Writer action in one transaction, the same
//! the window takes: roles, states and the law are checked there, and nothing is written on failure.

use crate::error::CliError;
use crate::to_json;
use anyqtama_rules::points::RefusalGround;
use anyqtama_store::{
    records, views, AssessmentInput, CaseId, CertificateId, MemberId, NewApplication, Outcome,
    RevocationAct, Session, SittingId, Store,
};
use chrono::{NaiveDate, NaiveDateTime};
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

/// Opens the store and signs the user in. With no ANYQTAMA_PASSWORD the first line of standard
/// input is the password (so a JSON input then comes from a file).
fn sign_in(who: &Who) -> Result<Signed, CliError> {
    let password = password()?;
    let store = Store::open_existing(crate::store_cmd::db_path(who.db.clone()))?;
    let session = store.sign_in(&who.user, &password)?;
    Ok(Signed { store, session })
}

fn number(what: &str, s: &str) -> Result<i64, CliError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| CliError::NotANumber(format!("{what} {s}")))
}

fn outcome(s: &str) -> Result<Outcome, CliError> {
    Outcome::parse(s).ok_or_else(|| CliError::Usage(format!("--outcome {s}: issue or refuse")))
}

fn json_input<T: serde::de::DeserializeOwned>(file: Option<&str>) -> Result<T, CliError> {
    let text = crate::read_input(file)?;
    serde_json::from_str(&text).map_err(|e| CliError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })
}

fn date(s: &str) -> Result<NaiveDate, CliError> {
    Ok(anyqtama_rules::registration::parse_date(s)?)
}

/// The case's state after an action, as JSON.
fn case_json(store: &Store, id: i64) -> Result<String, CliError> {
    let c = records::case(store.connection(), id)?;
    let produced = records::result_certificate(store.connection(), id)?;
    Ok(to_json(&json!({
        "case": c.id,
        "kind": c.kind,
        "status": c.status,
        "registered_on": c.registered_on,
        "rule_set": c.rule_set,
        "decided_on": c.decided_on,
        "refusal_grounds": c.refusal_grounds,
        // The certificate it produced: its number, and the ids a later application refers to.
        "certificate": produced.as_ref().map(|p| &p.1),
        "certificate_id": produced.as_ref().map(|p| p.0),
        "applicant_id": produced.as_ref().map(|p| p.2),
    })))
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
            let id = s
                .store
                .write(&s.session, now, |w| match &refuse_acceptance {
                    Some(note) => w.refuse_acceptance(&app, note),
                    None => w.register_application(&app),
                })?;
            case_json(&s.store, id.0)
        }
        Case::Send { id, who } => {
            let id = number("case", &id)?;
            let mut s = sign_in(&who)?;
            s.store
                .write(&s.session, now, |w| w.send_to_commission(CaseId(id)))?;
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
            let id = number("case", &id)?;
            let sitting = number("sitting", &sitting)?;
            let decision = outcome(&decision)?;
            let input: AssessmentInput = json_input(file.as_deref())?;
            let mut s = sign_in(&who)?;
            s.store.write(&s.session, now, |w| {
                w.record_assessment(
                    CaseId(id),
                    SittingId(sitting),
                    &input,
                    decision,
                    note.as_deref(),
                )
            })?;
            case_json(&s.store, id)
        }
        Case::Decide {
            id,
            outcome: o,
            grounds,
            reason,
            end,
            who,
        } => {
            let id = number("case", &id)?;
            let o = outcome(&o)?;
            let grounds = grounds
                .iter()
                .map(|g| {
                    RefusalGround::parse(g).ok_or_else(|| {
                        CliError::Usage(format!(
                            "--ground {g}: qualification_mismatch, below_threshold or unreliable_documents"
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let end = end.as_deref().map(date).transpose()?;
            let mut s = sign_in(&who)?;
            s.store.write(&s.session, now, |w| {
                w.decide(CaseId(id), o, &grounds, reason.as_deref(), end)
            })?;
            case_json(&s.store, id)
        }
        Case::Show { id, db } => {
            let id = number("case", &id)?;
            let store = Store::open_existing(crate::store_cmd::db_path(db))?;
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
            let held_on = date(&held_on)?;
            let mut s = sign_in(&who)?;
            let members: Vec<(MemberId, bool)> = views::members(s.store.connection())?
                .into_iter()
                .filter(|m| m.active)
                .map(|m| (MemberId(m.id), true))
                .collect();
            let id = s.store.write(&s.session, now, |w| {
                w.create_sitting(held_on, &place, &members)
            })?;
            Ok(to_json(&json!({"sitting": id.0, "held_on": held_on})))
        }
    }
}

pub fn run_certificate(cmd: Certificate, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        Certificate::Revoke {
            number: n,
            body,
            act,
            date: d,
            who,
        } => {
            let act = RevocationAct {
                body,
                number: act,
                date: date(&d)?,
            };
            let mut s = sign_in(&who)?;
            let id = views::certificate(s.store.connection(), &n)?.id;
            s.store
                .write(&s.session, now, |w| w.revoke(CertificateId(id), &act))?;
            let status = views::certificate(s.store.connection(), &n)?.status;
            Ok(to_json(&json!({"certificate": n, "status": status})))
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
) -> Result<String, CliError> {
    let office: anyqtama_store::Office = json_input(Some(office))?;
    let password = password()?;
    let mut store = Store::open(crate::store_cmd::db_path(db))?;
    let session = store.setup(&office, admin, name, &password, now)?;
    Ok(to_json(
        &json!({"office": office.code, "admin": session.login}),
    ))
}

pub fn run_user(cmd: User, now: NaiveDateTime) -> Result<String, CliError> {
    match cmd {
        User::Add {
            login,
            name,
            roles,
            language,
            who,
        } => {
            let roles = roles
                .iter()
                .map(|r| {
                    anyqtama_store::Role::parse(r).ok_or_else(|| {
                        CliError::Usage(format!("--role {r}: registrar, secretary, head or admin"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let new_password = std::env::var("ANYQTAMA_NEW_PASSWORD").map_err(|_| {
                CliError::Usage("ANYQTAMA_NEW_PASSWORD: the new user's password".into())
            })?;
            let mut s = sign_in(&who)?;
            let id = s.store.write(&s.session, now, |w| {
                w.create_user(&login, &name, &new_password, &roles, &language)
            })?;
            Ok(to_json(&json!({"user": id.0, "login": login})))
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
            let id = s.store.write(&s.session, now, |w| {
                w.add_commission_member(&name, &position, &organisation)
            })?;
            Ok(to_json(&json!({"member": id.0, "name": name})))
        }
    }
}
