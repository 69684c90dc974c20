//! A store with an office, one user per role, Commission members, and helpers to put cases into any
//! state through the real actions.
#![allow(dead_code)]

use anyqtama_rules::points::Education;
pub use anyqtama_rules::points::RefusalGround;
use anyqtama_rules::ruleset::{DocumentKind, ReissueGround};
use anyqtama_rules::{RuleSets, Service};
use anyqtama_store::*;
use chrono::{NaiveDate, NaiveDateTime};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

pub const PASSWORD: &str = "correct horse battery";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub admin: Session,
    pub registrar: Session,
    pub secretary: Session,
    pub head: Session,
    pub members: Vec<MemberId>,
}

pub fn office() -> Office {
    Office {
        code: "ALA".into(),
        name_kk: "Алматы қ. жұмыспен қамту басқармасы".into(),
        name_ru: "Управление занятости г. Алматы".into(),
        name_en: "Almaty Employment Department".into(),
        region_kk: "Алматы қ.".into(),
        region_ru: "г. Алматы".into(),
        region_en: "Almaty".into(),
        address: "ул. Абая, 10".into(),
    }
}

/// The store with office, users and members is made once (Argon2 is slow on purpose) and copied
/// for each test.
fn template() -> &'static std::path::Path {
    static TEMPLATE: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> =
        std::sync::OnceLock::new();
    &TEMPLATE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("template.sqlite");
            let mut store = Store::open(&path).unwrap();
            let admin = store
                .setup(&office(), "admin", "Admin", PASSWORD, t("2026-02-02 09:00"))
                .unwrap();
            store
                .write(&admin, t("2026-02-02 09:10"), |w| {
                    w.create_user("reg", "Registrar", PASSWORD, &[Role::Registrar], "kk")?;
                    w.create_user("sec", "Secretary", PASSWORD, &[Role::Secretary], "ru")?;
                    w.create_user("head", "Head", PASSWORD, &[Role::Head], "en")?;
                    w.add_commission_member("Member One", "Chair", "LEB")?;
                    w.add_commission_member("Member Two", "Member", "Atameken")?;
                    Ok(())
                })
                .unwrap();
            drop(store); // closing checkpoints the WAL into the file
            (dir, path)
        })
        .1
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    std::fs::copy(template(), &path).unwrap();
    let store = Store::open(&path).unwrap();
    let members = vec![MemberId(1), MemberId(2)];
    // Signatories sign in with their passwords: that is what unlocks the office key to seal.
    let at = t("2026-02-02 08:30");
    let admin = store.sign_in("admin", PASSWORD, at).unwrap();
    let registrar = store.session_for("reg").unwrap();
    let secretary = store.session_for("sec").unwrap();
    let head = store.sign_in("head", PASSWORD, at).unwrap();
    Fixture {
        dir,
        store,
        admin,
        registrar,
        secretary,
        head,
        members,
    }
}

pub fn person(surname: &str, passport: &str) -> ApplicantData {
    ApplicantData {
        surname_latin: surname.into(),
        given_names_latin: "AZIZ".into(),
        surname_cyrillic: "Каримов".into(),
        given_names_cyrillic: "Азиз".into(),
        citizenship: "UZB".into(),
        // Short test names ("N1") become passport numbers of a real shape ("N10000000").
        passport_number: if passport.is_empty() {
            String::new()
        } else {
            format!("{passport:0<9}")
        },
        ..Default::default()
    }
}

/// All documents of the checklist for a service at a date, present.
pub fn docs(kind: Service, on: NaiveDate) -> Vec<DocumentCheck> {
    let sets = RuleSets::embedded();
    sets.in_force_on(on)
        .unwrap()
        .documents
        .for_service(kind)
        .iter()
        .map(|r| DocumentCheck {
            kind: r.id,
            present: true,
            valid_until: None,
        })
        .collect()
}

pub const PROFESSION: &str = "o236.3.1.2";

pub fn issue_app(received: &str, surname: &str, passport: &str) -> NewApplication {
    let at = t(received);
    NewApplication {
        kind: Service::Issue,
        applicant: ApplicantRef::New(person(surname, passport)),
        received_at: at,
        profession_id: PROFESSION.into(),
        documents: docs(Service::Issue, at.date()),
        certificate: None,
        employer: None,
        change_ground: None,
        event_on: None,
    }
}

pub fn employer(from: &str, to: &str) -> Employer {
    Employer {
        name: "ТОО «Тест»".into(),
        bin: "301661318607".into(),
        contract_from: d(from),
        contract_to: d(to),
    }
}

/// An application of `kind` about an existing certificate.
pub fn later_app(
    store: &Store,
    kind: Service,
    cert: CertificateId,
    received: &str,
) -> NewApplication {
    let at = t(received);
    let holder: i64 = store
        .connection()
        .query_row(
            "SELECT applicant_id FROM certificates WHERE id = ?1",
            [cert.0],
            |r| r.get(0),
        )
        .unwrap();
    NewApplication {
        kind,
        applicant: ApplicantRef::Existing(ApplicantId(holder)),
        received_at: at,
        profession_id: PROFESSION.into(),
        documents: docs(kind, at.date()),
        certificate: Some(cert),
        employer: (kind == Service::Extend).then(|| employer(&received[..10], "2028-12-31")),
        change_ground: (kind == Service::Reissue).then_some(ReissueGround::NameChange),
        event_on: (kind != Service::Extend).then(|| at.date()),
    }
}

/// The grounds a test refusal rests on (App 2 p.9 subp.3: documents found unreliable), none for an issue.
pub fn refusal_grounds(outcome: Outcome) -> &'static [RefusalGround] {
    match outcome {
        Outcome::Issue => &[],
        Outcome::Refuse => &[RefusalGround::UnreliableDocuments],
    }
}

pub fn assessment(pass: bool) -> AssessmentInput {
    AssessmentInput {
        profession_in_list: true,
        qualification_matches: true,
        documents_reliable: true,
        education: Education {
            higher: true,
            academic_degree: pass,
            english_teaching_certificate: false,
        },
        periods: vec![(d("2015-01-01"), d("2020-12-31"))],
    }
}

impl Fixture {
    pub fn register(&mut self, app: &NewApplication) -> CaseId {
        let r = self.registrar.clone();
        self.store
            .write(&r, app.received_at, |w| w.register_application(app))
            .unwrap()
    }

    pub fn sitting(&mut self, on: &str) -> SittingId {
        let s = self.secretary.clone();
        let members: Vec<(MemberId, bool)> = self.members.iter().map(|m| (*m, true)).collect();
        self.store
            .write(&s, t(&format!("{on} 10:00")), |w| {
                w.create_sitting(d(on), "Hall", &members)
            })
            .unwrap()
    }

    /// An issue case taken to `status` through the real actions, starting on 2026-02-03.
    pub fn issue_case(&mut self, status: CaseStatus, n: u32) -> CaseId {
        let case = self.register(&issue_app(
            "2026-02-03 10:00",
            &format!("KARIMOV{n}"),
            &format!("N{n:08}"),
        ));
        if status == CaseStatus::Registered {
            return case;
        }
        let r = self.registrar.clone();
        self.store
            .write(&r, t("2026-02-04 10:00"), |w| w.send_to_commission(case))
            .unwrap();
        if status == CaseStatus::SentToCommission {
            return case;
        }
        let sitting = self.sitting("2026-02-05");
        let s = self.secretary.clone();
        self.store
            .write(&s, t("2026-02-05 11:00"), |w| {
                w.record_assessment(case, sitting, &assessment(true), Outcome::Issue, None)
            })
            .unwrap();
        if status == CaseStatus::Assessed {
            return case;
        }
        let h = self.head.clone();
        let outcome = if status == CaseStatus::Issued {
            Outcome::Issue
        } else {
            Outcome::Refuse
        };
        self.store
            .write(&h, t("2026-02-06 15:00"), |w| {
                w.decide(
                    case,
                    outcome,
                    refusal_grounds(outcome),
                    Some("Reason given in writing."),
                    None,
                )
            })
            .unwrap();
        case
    }

    /// A valid certificate (issued 2026-02-06).
    pub fn certificate(&mut self, n: u32) -> CertificateId {
        let case = self.issue_case(CaseStatus::Issued, n);
        let id: i64 = self
            .store
            .connection()
            .query_row(
                "SELECT result_certificate_id FROM cases WHERE id = ?1",
                [case.0],
                |r| r.get(0),
            )
            .unwrap();
        CertificateId(id)
    }

    /// Rows of every table, to show that a refused action changed nothing.
    pub fn snapshot(&self) -> String {
        let c = self.store.connection();
        let tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'case_search%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let mut out = String::new();
        for table in tables {
            let mut stmt = c
                .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
                .unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            while let Some(r) = rows.next().unwrap() {
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i).unwrap();
                    out.push_str(&format!("{v:?};"));
                }
                out.push('\n');
            }
            out.push_str(&format!("== {table}\n"));
        }
        out
    }
}

pub fn all_documents_kinds() -> Vec<DocumentKind> {
    DocumentKind::ALL.to_vec()
}

mod raw;
pub use raw::RawSql;
