//! The lifecycle of a certificate, step by step, against the Rules.

mod common;
use common::RawSql;

use anyqtama_rules::ruleset::{DocumentKind, ReissueGround};
use anyqtama_rules::Service;
use anyqtama_store::*;
use chrono::NaiveDate;
use common::*;

fn cert_row(fx: &Fixture, id: i64) -> (String, i64, String, String, String, Option<String>) {
    fx.store
        .connection()
        .query_row("SELECT number, copy, valid_from, valid_to, status, invalid_from FROM certificates WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .unwrap()
}

fn decide(
    fx: &mut Fixture,
    case: CaseId,
    at: &str,
    outcome: Outcome,
    reason: Option<&str>,
) -> Result<Option<CertificateId>> {
    let h = fx.head.clone();
    fx.store.write(&h, t(at), |w| {
        w.decide(case, outcome, refusal_grounds(outcome), reason, None)
    })
}

#[test]
fn issue_gives_a_numbered_certificate_for_three_months() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    // Rules p.15: decided 2026-02-06, valid to 2026-05-06.
    let (number, copy, from, to, status, _) = cert_row(&fx, cert.0);
    assert_eq!(
        (
            number.as_str(),
            copy,
            from.as_str(),
            to.as_str(),
            status.as_str()
        ),
        ("ALA-2026-00001", 0, "2026-02-06", "2026-05-06", "valid")
    );
    let second = fx.certificate(2);
    assert_eq!(cert_row(&fx, second.0).0, "ALA-2026-00002");
}

#[test]
fn an_earlier_end_may_be_chosen_never_a_later_one() {
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Assessed, 1);
    let h = fx.head.clone();
    let later = fx.store.write(&h, t("2026-02-06 15:00"), |w| {
        w.decide(case, Outcome::Issue, &[], None, Some(d("2026-05-07")))
    });
    assert!(
        matches!(
            later,
            Err(StoreError::Rules(
                anyqtama_rules::RulesError::EndAfterLatest { .. }
            ))
        ),
        "{later:?}"
    );
    let cert = fx
        .store
        .write(&h, t("2026-02-06 15:00"), |w| {
            w.decide(case, Outcome::Issue, &[], None, Some(d("2026-04-30")))
        })
        .unwrap()
        .unwrap();
    assert_eq!(cert_row(&fx, cert.0).3, "2026-04-30");
}

#[test]
fn extension_keeps_the_number_to_the_contract_end_at_most_three_years() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let mut app = later_app(&fx.store, Service::Extend, cert, "2026-03-02 10:00");
    app.employer = Some(employer("2026-02-27", "2030-12-31"));
    let case = fx.register(&app);
    let got = decide(&mut fx, case, "2026-03-04 11:00", Outcome::Issue, None)
        .unwrap()
        .unwrap();
    assert_eq!(got, cert, "same certificate, same number");
    let (number, _, from, to, status, _) = cert_row(&fx, cert.0);
    // Rules p.16: capped at decision + 3 years.
    assert_eq!(
        (number.as_str(), from.as_str(), to.as_str(), status.as_str()),
        ("ALA-2026-00001", "2026-02-06", "2029-03-04", "valid")
    );
    let (prev, ext_from): (String, String) = fx
        .store
        .connection()
        .query_row(
            "SELECT previous_valid_to, valid_from FROM extensions WHERE certificate_id = ?1",
            [cert.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (prev.as_str(), ext_from.as_str()),
        ("2026-05-06", "2026-03-04")
    );
}

#[test]
fn extension_needs_a_valid_employer_bin_and_flags_lateness() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let mut app = later_app(&fx.store, Service::Extend, cert, "2026-03-02 10:00");
    app.employer = Some(Employer {
        bin: "301661318608".into(),
        ..employer("2026-02-27", "2027-12-31")
    });
    let r = fx.registrar.clone();
    let bad = fx
        .store
        .write(&r, app.received_at, |w| w.register_application(&app));
    assert!(
        matches!(
            bad,
            Err(StoreError::Rules(anyqtama_rules::RulesError::InvalidIin(
                ..
            )))
        ),
        "{bad:?}"
    );
    // p.17: filed more than 5 working days after the contract: registered, flagged late.
    app.employer = Some(employer("2026-02-16", "2027-12-31"));
    let case = fx.register(&app);
    let late: bool = fx
        .store
        .connection()
        .query_row(
            "SELECT filed_late FROM cases WHERE id = ?1",
            [case.0],
            |r| r.get(0),
        )
        .unwrap();
    assert!(late);
}

#[test]
fn reissue_gives_a_new_number_and_keeps_the_end_date() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let case = fx.register(&later_app(
        &fx.store,
        Service::Reissue,
        cert,
        "2026-03-02 10:00",
    ));
    let new = decide(&mut fx, case, "2026-03-03 11:00", Outcome::Issue, None)
        .unwrap()
        .unwrap();
    let (number, copy, from, to, status, _) = cert_row(&fx, new.0);
    assert_eq!(
        (
            number.as_str(),
            copy,
            from.as_str(),
            to.as_str(),
            status.as_str()
        ),
        ("ALA-2026-00002", 0, "2026-03-03", "2026-05-06", "valid")
    );
    let (_, _, _, _, old_status, invalid_from) = cert_row(&fx, cert.0);
    assert_eq!(
        (old_status.as_str(), invalid_from.as_deref()),
        ("superseded", Some("2026-03-03"))
    );
    let replaces: i64 = fx
        .store
        .connection()
        .query_row(
            "SELECT replaces_id FROM certificates WHERE id = ?1",
            [new.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(replaces, cert.0);
}

#[test]
fn employer_change_is_a_reissue_only_from_order_426() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let mut app = later_app(&fx.store, Service::Reissue, cert, "2026-03-02 10:00");
    app.change_ground = Some(ReissueGround::EmployerChange);
    app.employer = Some(employer("2026-02-27", "2027-12-31"));
    fx.register(&app);
    // Under order 236 (2024) the same ground is refused: a new employer meant an extension (p.19).
    let mut fx = fixture();
    let case = fx.register(&issue_app("2024-02-05 10:00", "OLD", "N1"));
    let (r, s, h) = (fx.registrar.clone(), fx.secretary.clone(), fx.head.clone());
    fx.store
        .write(&r, t("2024-02-06 10:00"), |w| w.send_to_commission(case))
        .unwrap();
    let members: Vec<(MemberId, bool)> = fx.members.iter().map(|m| (*m, true)).collect();
    let sitting = fx
        .store
        .write(&s, t("2024-02-07 10:00"), |w| {
            w.create_sitting(d("2024-02-07"), "Hall", &members)
        })
        .unwrap();
    fx.store
        .write(&s, t("2024-02-07 11:00"), |w| {
            w.record_assessment(case, sitting, &assessment(true), Outcome::Issue, None)
        })
        .unwrap();
    let cert = fx
        .store
        .write(&h, t("2024-02-08 11:00"), |w| {
            w.decide(case, Outcome::Issue, &[], None, None)
        })
        .unwrap()
        .unwrap();
    let mut app = later_app(&fx.store, Service::Reissue, cert, "2024-03-01 10:00");
    app.change_ground = Some(ReissueGround::EmployerChange);
    app.employer = Some(employer("2024-02-28", "2025-12-31"));
    let refused = fx
        .store
        .write(&r, app.received_at, |w| w.register_application(&app));
    assert!(
        matches!(
            refused,
            Err(StoreError::Invalid {
                field: "change_ground",
                ..
            })
        ),
        "{refused:?}"
    );
    app.change_ground = Some(ReissueGround::NameChange);
    app.employer = None;
    fx.register(&app);
}

#[test]
fn duplicate_keeps_the_number_and_the_original_is_invalid_from_the_application() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let case = fx.register(&later_app(
        &fx.store,
        Service::Duplicate,
        cert,
        "2026-03-02 10:00",
    ));
    let dup = decide(&mut fx, case, "2026-03-04 11:00", Outcome::Issue, None)
        .unwrap()
        .unwrap();
    let (number, copy, from, to, status, _) = cert_row(&fx, dup.0);
    assert_eq!(
        (
            number.as_str(),
            copy,
            from.as_str(),
            to.as_str(),
            status.as_str()
        ),
        ("ALA-2026-00001", 1, "2026-03-04", "2026-05-06", "valid")
    );
    let (_, _, _, _, status, invalid_from) = cert_row(&fx, cert.0);
    // Invalid from the day of the application (registration), not the decision.
    assert_eq!(
        (status.as_str(), invalid_from.as_deref()),
        ("replaced", Some("2026-03-02"))
    );
    // A replaced original cannot be extended.
    let r = fx.registrar.clone();
    let app = later_app(&fx.store, Service::Extend, cert, "2026-03-05 10:00");
    assert!(matches!(
        fx.store
            .write(&r, app.received_at, |w| w.register_application(&app)),
        Err(StoreError::CertificateNotValid { .. })
    ));
}

#[test]
fn revocation_on_a_control_bodys_act() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let h = fx.head.clone();
    let act = RevocationAct {
        body: "Labour inspectorate".into(),
        number: "12-34".into(),
        date: d("2026-03-01"),
    };
    fx.store
        .write(&h, t("2026-03-02 12:00"), |w| w.revoke(cert, &act))
        .unwrap();
    let (_, _, _, _, status, from) = cert_row(&fx, cert.0);
    assert_eq!(
        (status.as_str(), from.as_deref()),
        ("revoked", Some("2026-03-02"))
    );
    assert!(matches!(
        fx.store
            .write(&h, t("2026-03-03 12:00"), |w| w.revoke(cert, &act)),
        Err(StoreError::CertificateNotValid { .. })
    ));
}

#[test]
fn incomplete_or_expired_documents_are_a_refusal_to_accept() {
    let mut fx = fixture();
    let r = fx.registrar.clone();
    let mut app = issue_app("2026-02-03 10:00", "X", "N5");
    app.documents
        .retain(|d| d.kind != DocumentKind::WorkHistory);
    app.documents
        .iter_mut()
        .find(|d| d.kind == DocumentKind::IdentityDocument)
        .unwrap()
        .valid_until = Some(d("2026-01-31"));
    let err = fx
        .store
        .write(&r, app.received_at, |w| w.register_application(&app))
        .unwrap_err();
    match &err {
        StoreError::IncompleteDocuments { missing, expired } => {
            assert_eq!(missing, &["work_history"]);
            assert_eq!(expired, &["identity_document"]);
        }
        e => panic!("{e:?}"),
    }
    let case = fx
        .store
        .write(&r, app.received_at, |w| {
            w.refuse_acceptance(&app, "explained to the applicant")
        })
        .unwrap();
    let status: String = fx
        .store
        .connection()
        .query_row("SELECT status FROM cases WHERE id = ?1", [case.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(status, "not_accepted");
    // Complete documents cannot be refused acceptance.
    let full = issue_app("2026-02-03 10:00", "Y", "N6");
    assert!(matches!(
        fx.store
            .write(&r, full.received_at, |w| w.refuse_acceptance(&full, "no")),
        Err(StoreError::Invalid {
            field: "documents",
            ..
        })
    ));
}

#[test]
fn the_commission_decides_by_its_findings_and_never_issues_over_a_ground() {
    // RULES.md §6.2; App 2 p.9: the grounds are mandatory; a departure changes the findings.
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::SentToCommission, 1);
    let sitting = fx.sitting("2026-02-05");
    let s = fx.secretary.clone();
    let before = fx.snapshot();
    // With these findings (11 points, documents reliable) the decision is "issue": a refusal with
    // only a written reason is not a decision the Commission can take.
    let r = fx.store.write(&s, t("2026-02-05 11:00"), |w| {
        w.record_assessment(
            case,
            sitting,
            &assessment(true),
            Outcome::Refuse,
            Some("We do not like it."),
        )
    });
    assert!(
        matches!(
            r,
            Err(StoreError::DecisionAgainstFindings {
                recommendation: "issue"
            })
        ),
        "{r:?}"
    );
    // A document found unreliable (App 2 p.9 subp.3) is a finding with its written justification.
    let mut unreliable = assessment(true);
    unreliable.documents_reliable = false;
    let r = fx.store.write(&s, t("2026-02-05 11:00"), |w| {
        w.record_assessment(case, sitting, &unreliable, Outcome::Refuse, Some("  "))
    });
    assert!(matches!(r, Err(StoreError::ReasonRequired)), "{r:?}");
    // ... and it cannot issue over that ground.
    let r = fx.store.write(&s, t("2026-02-05 11:00"), |w| {
        w.record_assessment(
            case,
            sitting,
            &unreliable,
            Outcome::Issue,
            Some("Recognition confirmed."),
        )
    });
    assert!(
        matches!(
            r,
            Err(StoreError::DecisionAgainstFindings {
                recommendation: "refuse"
            })
        ),
        "{r:?}"
    );
    assert_eq!(fx.snapshot(), before, "refused attempts change nothing");
    fx.store
        .write(&s, t("2026-02-05 11:00"), |w| {
            w.record_assessment(
                case,
                sitting,
                &unreliable,
                Outcome::Refuse,
                Some("The employment record's stamp belongs to another company."),
            )
        })
        .unwrap();
    // The head cannot issue while the ground holds, with or without a reason.
    for reason in [None, Some("Recognition confirmed on 6 February.")] {
        let r = decide(&mut fx, case, "2026-02-06 10:00", Outcome::Issue, reason);
        assert!(
            matches!(&r, Err(StoreError::GroundsHold { subparagraphs }) if subparagraphs == "3"),
            "{r:?}"
        );
    }
    // The refusal rests on the Commission's ground and its note.
    let h = fx.head.clone();
    fx.store
        .write(&h, t("2026-02-06 10:00"), |w| {
            w.decide(case, Outcome::Refuse, &[], None, None)
        })
        .unwrap();
    let grounds: String = fx
        .store
        .connection()
        .query_row(
            "SELECT refusal_grounds FROM decisions WHERE case_id = ?1",
            [case.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(grounds, r#"["unreliable_documents"]"#);
}

#[test]
fn below_the_threshold_is_a_refusal_and_the_head_cannot_issue() {
    // App 2 p.9 subp.2 (order 426: six points). Higher education only: 3 points.
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::SentToCommission, 1);
    let sitting = fx.sitting("2026-02-05");
    let s = fx.secretary.clone();
    let mut weak = assessment(false);
    weak.periods.clear();
    fx.store
        .write(&s, t("2026-02-05 11:00"), |w| {
            w.record_assessment(case, sitting, &weak, Outcome::Refuse, None)
        })
        .unwrap();
    let r = decide(
        &mut fx,
        case,
        "2026-02-06 10:00",
        Outcome::Issue,
        Some("The applicant is a rare specialist."),
    );
    assert!(
        matches!(&r, Err(StoreError::GroundsHold { subparagraphs }) if subparagraphs == "2"),
        "{r:?}"
    );
}

#[test]
fn the_head_refuses_against_the_commission_only_on_a_ground_with_a_reason() {
    // App 2 p.5 and p.9: a reasoned refusal on the grounds of p.9; subp.2 only from the points.
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Assessed, 1);
    let h = fx.head.clone();
    let before = fx.snapshot();
    let attempts: [(&[RefusalGround], Option<&str>); 3] = [
        (&[], Some("A written reason alone is not a ground.")),
        (
            &[RefusalGround::BelowThreshold],
            Some("Eleven points are too few."),
        ),
        (&[RefusalGround::UnreliableDocuments], None),
    ];
    for (grounds, reason) in attempts {
        let r = fx.store.write(&h, t("2026-02-06 10:00"), |w| {
            w.decide(case, Outcome::Refuse, grounds, reason, None)
        });
        assert!(
            matches!(
                r,
                Err(StoreError::GroundRequired
                    | StoreError::GroundNotApplicable { subparagraph: 2 }
                    | StoreError::ReasonRequired)
            ),
            "{grounds:?}: {r:?}"
        );
    }
    assert_eq!(fx.snapshot(), before);
    fx.store
        .write(&h, t("2026-02-06 10:00"), |w| {
            w.decide(
                case,
                Outcome::Refuse,
                &[RefusalGround::UnreliableDocuments],
                Some("The diploma's register entry does not exist (reply of the university of 5 February)."),
                None,
            )
        })
        .unwrap();
    let departs: bool = fx
        .store
        .connection()
        .query_row(
            "SELECT departs FROM decisions WHERE case_id = ?1",
            [case.0],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        departs,
        "refusing what the Commission recommended to issue is a departure"
    );
}

#[test]
fn a_refusal_of_an_extension_names_a_ground_of_app_2_p9() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let case = fx.register(&later_app(
        &fx.store,
        Service::Extend,
        cert,
        "2026-03-02 10:00",
    ));
    let h = fx.head.clone();
    let refuse = |fx: &mut Fixture, grounds: &[RefusalGround], reason: Option<&str>| {
        fx.store.write(&h, t("2026-03-03 10:00"), |w| {
            w.decide(case, Outcome::Refuse, grounds, reason, None)
        })
    };
    let reason = Some("The employment contract is not signed by the employer.");
    assert!(matches!(
        refuse(&mut fx, &[], reason),
        Err(StoreError::GroundRequired)
    ));
    // An extension has no points: the threshold cannot be its ground.
    assert!(matches!(
        refuse(&mut fx, &[RefusalGround::BelowThreshold], reason),
        Err(StoreError::GroundNotApplicable { subparagraph: 2 })
    ));
    assert!(matches!(
        refuse(&mut fx, &[RefusalGround::UnreliableDocuments], None),
        Err(StoreError::ReasonRequired)
    ));
    refuse(&mut fx, &[RefusalGround::UnreliableDocuments], reason).unwrap();
}

#[test]
fn the_store_itself_refuses_a_refusal_without_a_ground() {
    // Below the API too: a row written around the Writer cannot hold a groundless refusal.
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Assessed, 1);
    let r = fx.store.connection().execute(
        "INSERT INTO decisions (case_id, outcome, decided_on, refusal_grounds, reason, departs, decided_by)
         VALUES (?1, 'refuse', '2026-02-06', '[]', 'no', 0, 1)",
        [case.0],
    );
    assert!(r.is_err(), "{r:?}");
}

#[test]
fn work_after_the_registration_date_does_not_count() {
    // Rules p.10 subp.2; App 2 p.8 (documents confirming work done); RULES.md §6.1.
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::SentToCommission, 1);
    let registered: NaiveDate = fx
        .store
        .connection()
        .query_row(
            "SELECT registered_on FROM cases WHERE id = ?1",
            [case.0],
            |r| r.get(0),
        )
        .unwrap();
    let sitting = fx.sitting("2026-02-05");
    let s = fx.secretary.clone();
    // A period starting after the registration date is an input error, refused.
    let mut future = assessment(true);
    future.periods = vec![(d("2026-03-01"), d("2030-12-31"))];
    let r = fx.store.write(&s, t("2026-02-05 11:00"), |w| {
        w.record_assessment(case, sitting, &future, Outcome::Issue, None)
    });
    assert!(
        matches!(
            r,
            Err(StoreError::Rules(
                anyqtama_rules::RulesError::PeriodAfterRegistration { .. }
            ))
        ),
        "{r:?}"
    );
    let mut old = assessment(true);
    old.periods = vec![(d("1850-01-01"), d("1860-01-01"))];
    let r = fx.store.write(&s, t("2026-02-05 11:00"), |w| {
        w.record_assessment(case, sitting, &old, Outcome::Issue, None)
    });
    assert!(
        matches!(
            r,
            Err(StoreError::Rules(anyqtama_rules::RulesError::DateTooEarly(
                ..
            )))
        ),
        "{r:?}"
    );
    // A period running past the registration date counts up to it: 2016-01-01 .. registration.
    let mut running = assessment(false);
    running.education.higher = false;
    running.periods = vec![(d("2016-01-01"), d("2030-12-31"))];
    fx.store
        .write(&s, t("2026-02-05 11:00"), |w| {
            w.record_assessment(case, sitting, &running, Outcome::Refuse, None)
        })
        .unwrap();
    let points: String = fx
        .store
        .connection()
        .query_row(
            "SELECT points FROM assessments WHERE case_id = ?1",
            [case.0],
            |r| r.get(0),
        )
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&points).unwrap();
    // Registered in February 2026: 10 full years, so 4 points under order 426, not 6 for 15 years.
    assert_eq!(v["experience"]["years"], 10, "{v}");
    assert_eq!(v["points"]["experience"], 4, "{v}");
    assert_eq!(
        v["count"]["periods"][0]["counted_to"],
        registered.to_string(),
        "{v}"
    );
}

#[test]
fn numbering_continues_a_paper_register_and_never_goes_back() {
    let mut fx = fixture();
    let a = fx.admin.clone();
    assert!(matches!(
        fx.store
            .write(&a, t("2026-02-02 10:00"), |w| w.set_numbering(
                "{office}-{year}",
                2026,
                1
            )),
        Err(StoreError::BadPattern(_))
    ));
    assert!(matches!(
        fx.store
            .write(&a, t("2026-02-02 10:00"), |w| w.set_numbering(
                "{office}-{seq}-{seq}",
                2026,
                1
            )),
        Err(StoreError::BadPattern(_))
    ));
    fx.store
        .write(&a, t("2026-02-02 10:00"), |w| {
            w.set_numbering("№ {seq:04}/{year} ({office})", 2026, 418)
        })
        .unwrap();
    let cert = fx.certificate(1);
    assert_eq!(cert_row(&fx, cert.0).0, "№ 0418/2026 (ALA)");
    let r = fx.store.write(&a, t("2026-02-10 10:00"), |w| {
        w.set_numbering("{office}-{year}-{seq:05}", 2026, 10)
    });
    assert!(
        matches!(r, Err(StoreError::Invalid { field: "next", .. })),
        "{r:?}"
    );
}

#[test]
fn two_app_instances_never_take_the_same_number() {
    let mut fx = fixture();
    let cases: Vec<CaseId> = (0..24)
        .map(|n| fx.issue_case(CaseStatus::Assessed, 100 + n))
        .collect();
    let path = fx.store.path().to_path_buf();
    let head = fx.head.clone();
    drop(fx.store);
    let halves: Vec<Vec<CaseId>> = vec![
        cases.iter().step_by(2).copied().collect(),
        cases.iter().skip(1).step_by(2).copied().collect(),
    ];
    let handles: Vec<_> = halves
        .into_iter()
        .map(|half| {
            let path = path.clone();
            let head = head.clone();
            std::thread::spawn(move || {
                // Each thread is its own connection to the same file, like a second app window.
                let mut store = Store::open(&path).unwrap();
                for case in half {
                    store
                        .write(&head, t("2026-02-06 15:00"), |w| {
                            w.decide(case, Outcome::Issue, &[], None, None)
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let mut numbers: Vec<String> = store
        .connection()
        .prepare("SELECT number FROM certificates")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=24).map(|n| format!("ALA-2026-{n:05}")).collect();
    assert_eq!(numbers, expected);
    store.verify().unwrap();
}

#[test]
fn notices_are_flagged_late_after_five_working_days() {
    let mut fx = fixture();
    let cert = fx.certificate(1);
    let r = fx.registrar.clone();
    // New contract Monday 2 March 2026: working days 3, 4, 5, 6 and 10 March (Sunday 8 March is
    // carried over to Monday 9 March), so due Tuesday 10 March (p.18).
    let on_time = fx
        .store
        .write(&r, t("2026-03-10 17:00"), |w| {
            w.record_notification(
                cert,
                NotificationKind::EmployerChange,
                d("2026-03-02"),
                t("2026-03-10 17:00"),
                "",
            )
        })
        .unwrap();
    let late = fx
        .store
        .write(&r, t("2026-03-11 09:30"), |w| {
            w.record_notification(
                cert,
                NotificationKind::ContractTermination,
                d("2026-03-02"),
                t("2026-03-11 09:30"),
                "",
            )
        })
        .unwrap();
    let flag = |id: NotificationId| -> (bool, String) {
        fx.store
            .connection()
            .query_row(
                "SELECT late, due_on FROM notifications WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(flag(on_time), (false, "2026-03-10".to_string()));
    assert_eq!(flag(late), (true, "2026-03-10".to_string()));
}

#[test]
fn complaints_carry_their_chapter_3_deadlines() {
    let mut fx = fixture();
    let r = fx.registrar.clone();
    let leb = fx
        .store
        .write(&r, t("2026-03-16 10:00"), |w| {
            w.register_complaint(
                None,
                ComplaintAddressee::Leb,
                t("2026-03-16 10:00"),
                "refusal disputed",
            )
        })
        .unwrap();
    let qb = fx
        .store
        .write(&r, t("2026-03-16 10:00"), |w| {
            w.register_complaint(
                None,
                ComplaintAddressee::QualityBody,
                t("2026-03-16 10:00"),
                "x",
            )
        })
        .unwrap();
    let due = |id: ComplaintId| -> (Option<String>, String) {
        fx.store
            .connection()
            .query_row(
                "SELECT forward_due, review_due FROM complaints WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    // p.24: forwarded within 3 working days (17-19 March); p.25: 5 working days, i.e. 17-20 and 26
    // March (Nauryz 23-25 March is off).
    assert_eq!(
        due(leb),
        (Some("2026-03-19".to_string()), "2026-03-26".to_string())
    );
    // p.26: 15 working days: 17-20, 26-27, 30-31 March, 1-3 and 6-9 April.
    assert_eq!(due(qb), (None, "2026-04-09".to_string()));
    let h = fx.head.clone();
    fx.store
        .write(&h, t("2026-03-17 10:00"), |w| {
            w.resolve_complaint(leb, ComplaintStatus::Satisfied, "decision revised")
        })
        .unwrap();
    assert!(fx
        .store
        .write(&h, t("2026-03-17 10:00"), |w| w.resolve_complaint(
            leb,
            ComplaintStatus::Rejected,
            "again"
        ))
        .is_err());
}

#[test]
fn search_in_every_script() {
    let mut fx = fixture();
    let mut app = issue_app("2026-02-03 10:00", "ZHANG", "E12345678");
    if let ApplicantRef::New(p) = &mut app.applicant {
        p.given_names_latin = "WEI".into();
        p.surname_cyrillic = "Чжан".into();
        p.given_names_cyrillic = "Вэй".into();
        p.name_native = "张伟".into();
        p.citizenship = "CHN".into();
    }
    let zhang = fx.register(&app);
    let mut app = issue_app("2026-02-03 10:00", "SEMYONOV", "N55555555");
    if let ApplicantRef::New(p) = &mut app.applicant {
        p.surname_cyrillic = "Семёнов".into();
        p.given_names_cyrillic = "Пётр".into();
        p.iin = Some("880314300009".into());
    }
    let semyonov = fx.register(&app);
    let c = fx.store.connection();
    let ids = |q: &str| {
        queries::cases(&c, Some(q), None)
            .unwrap()
            .iter()
            .map(|x| x.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("zhang"), vec![zhang.0]);
    assert_eq!(ids("ЧЖАН вэй"), vec![zhang.0]);
    assert_eq!(ids("张伟"), vec![zhang.0]);
    assert_eq!(ids("e1234"), vec![zhang.0], "passport prefix");
    assert_eq!(ids("семенов"), vec![semyonov.0], "ё and е meet");
    assert_eq!(ids("ПЁТР"), vec![semyonov.0]);
    assert_eq!(ids("8803143"), vec![semyonov.0], "IIN prefix");
    assert!(ids("nobody").is_empty());
    assert!(ids("  ;;  ").is_empty());
}

#[test]
fn the_dashboard_counts_working_days() {
    let mut fx = fixture();
    // Registered Tuesday 3 Feb 2026: to the Commission by Thursday 5 Feb (p.7).
    let case = fx.issue_case(CaseStatus::Registered, 1);
    let law = Law::embedded();
    let c = fx.store.connection();
    let on_day = queries::dashboard(&c, &law, d("2026-02-05"), 14).unwrap();
    assert_eq!(
        on_day
            .due_today
            .iter()
            .map(|x| x.case_id)
            .collect::<Vec<_>>(),
        vec![case.0]
    );
    // Issue 15: the working days left to an upcoming deadline. Seen on Friday 30 January (the
    // case's registration is later, but its deadline is what counts): Monday 2 to Thursday 5
    // February are four working days; the weekend between is not counted.
    let before = queries::dashboard(&c, &law, d("2026-01-30"), 14).unwrap();
    let up = before
        .upcoming
        .iter()
        .find(|x| x.case_id == case.0)
        .unwrap();
    assert_eq!((up.deadline, up.left, up.late_by), (d("2026-02-05"), 4, 0));
    assert!(on_day.due_today.iter().all(|x| x.left == 0));
    let later = queries::dashboard(&c, &law, d("2026-02-09"), 14).unwrap();
    assert_eq!(later.late[0].case_id, case.0);
    assert_eq!(later.late[0].left, 0);
    assert_eq!(later.late[0].late_by, 2, "Friday 6 and Monday 9 February");
    let cert = fx.certificate(2);
    let ending = queries::dashboard(&fx.store, &law, d("2026-04-25"), 14).unwrap();
    assert!(ending
        .ending_soon
        .iter()
        .any(|e| e.number == cert_row(&fx, cert.0).0));
}

#[test]
fn sign_in_with_argon2id() {
    let mut fx = fixture();
    let s = fx
        .store
        .sign_in("reg", PASSWORD, t("2026-02-02 09:00"))
        .unwrap();
    assert_eq!(s.roles, vec![Role::Registrar]);
    assert!(matches!(
        fx.store
            .sign_in("reg", "wrong password", t("2026-02-02 09:00")),
        Err(StoreError::BadCredentials)
    ));
    assert!(matches!(
        fx.store.sign_in("nobody", PASSWORD, t("2026-02-02 09:00")),
        Err(StoreError::BadCredentials)
    ));
    let hash: String = fx
        .store
        .connection()
        .query_row(
            "SELECT password_hash FROM users WHERE login = 'reg'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(hash.starts_with("$argon2id$"));
    let a = fx.admin.clone();
    fx.store
        .write(&a, t("2026-02-03 10:00"), |w| {
            w.set_user_active(s.user_id, false)
        })
        .unwrap();
    assert!(matches!(
        fx.store.sign_in("reg", PASSWORD, t("2026-02-02 09:00")),
        Err(StoreError::UserDisabled(_))
    ));
    assert!(fx
        .store
        .write(&a, t("2026-02-03 10:00"), |w| w.create_user(
            "x y",
            "X",
            PASSWORD,
            &[Role::Head],
            "kk"
        ))
        .is_err());
    assert!(fx
        .store
        .write(&a, t("2026-02-03 10:00"), |w| w.create_user(
            "short",
            "X",
            "1234567",
            &[Role::Head],
            "kk"
        ))
        .is_err());
}

#[test]
fn scans_are_kept_with_their_hash() {
    let mut fx = fixture();
    let case = fx.issue_case(CaseStatus::Registered, 1);
    let r = fx.registrar.clone();
    let id = fx
        .store
        .write(&r, t("2026-02-03 11:00"), |w| {
            w.attach_scan(
                case,
                Some(DocumentKind::IdentityDocument),
                "passport.pdf",
                "application/pdf",
                b"hello",
            )
        })
        .unwrap();
    let (sha, size): (String, i64) = fx
        .store
        .connection()
        .query_row(
            "SELECT sha256, size FROM attachments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        sha,
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    );
    assert_eq!(size, 5);
    assert!(fx
        .store
        .write(&r, t("2026-02-03 11:00"), |w| w.attach_scan(
            case,
            None,
            "empty.pdf",
            "application/pdf",
            b""
        ))
        .is_err());
}

#[test]
fn typed_values_are_checked_in_the_store_each_naming_its_field() {
    // Every door gets the same answer: the store refuses what cannot be true, naming the field.
    let mut fx = fixture();
    let r = fx.registrar.clone();
    let now = t("2026-02-03 10:00");
    let before = fx.snapshot();
    let base = issue_app("2026-02-03 09:30", "KARIMOV", "FA1234567");
    // The application with its new applicant changed by `f`.
    let with = |f: &dyn Fn(&mut ApplicantData)| {
        let mut a = base.clone();
        if let ApplicantRef::New(p) = &mut a.applicant {
            f(p);
        }
        a
    };
    let mut late = base.clone();
    late.received_at = t("2027-01-15 10:00");
    let cases: Vec<(&str, NewApplication)> = vec![
        // App 2 p.7: an application is received before it is registered, never after now.
        ("received_at", late),
        (
            "birth_date",
            with(&|p| p.birth_date = Some(d("2031-01-01"))),
        ),
        (
            "birth_date",
            with(&|p| p.birth_date = Some(d("2015-01-01"))),
        ),
        (
            "birth_date",
            with(&|p| p.birth_date = Some(d("1900-01-01"))),
        ),
        (
            "passport_number",
            with(&|p| p.passport_number = "12".into()),
        ),
        (
            "passport_number",
            with(&|p| p.passport_number = "FA!@#123".into()),
        ),
        (
            "passport_issued_on",
            with(&|p| p.passport_issued_on = Some(d("2026-05-01"))),
        ),
        (
            "passport_issued_on",
            with(&|p| {
                p.birth_date = Some(d("1990-01-01"));
                p.passport_issued_on = Some(d("1989-01-01"));
            }),
        ),
    ];
    for (field, app) in cases {
        let got = fx.store.write(&r, now, |w| w.register_application(&app));
        assert!(
            matches!(&got, Err(StoreError::Invalid { field: f, .. }) if *f == field),
            "{field}: {got:?}"
        );
    }
    // An IIN whose first six digits are not a date, or whose seventh is 0, is not a person's.
    for iin in ["991340000007", "880101012347"] {
        let app = with(&|p| p.iin = Some(iin.into()));
        let got = fx.store.write(&r, now, |w| w.register_application(&app));
        assert!(
            matches!(
                got,
                Err(StoreError::Rules(anyqtama_rules::RulesError::InvalidIin(
                    ..
                )))
            ),
            "{iin}: {got:?}"
        );
    }
    assert_eq!(fx.snapshot(), before, "nothing written");
    // A plausible applicant goes through.
    let ok = with(&|p| {
        p.birth_date = Some(d("1988-03-14"));
        p.passport_issued_on = Some(d("2020-01-15"));
    });
    fx.store
        .write(&r, now, |w| w.register_application(&ok))
        .unwrap();
}
