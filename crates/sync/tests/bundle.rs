//! Bundles end to end on real stores: two demo offices export, a higher office imports; every kind
//! of damage or forgery is refused with the store left exactly as it was; replays and older
//! bundles change nothing; conflicts are reported.

use anyqtama_demo::{self as demo, DemoOptions};
use anyqtama_store::exchange::Period;
use anyqtama_store::{Actor, Store, StoreError};
use anyqtama_sync::without_registers;
use anyqtama_sync::{export, import, verify, ImportOptions, SyncError};
use chrono::{NaiveDate, NaiveDateTime};

#[path = "../../store/tests/common/raw.rs"]
mod raw;
use raw::RawSql;

#[path = "common/signer.rs"]
mod signer;
use signer::signer;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(12, 0, 0).unwrap()
}

fn office(dir: &tempfile::TempDir, seed: u64, cases: usize) -> Store {
    let mut store = Store::open(dir.path().join(format!("office-{seed}.sqlite"))).unwrap();
    let opts = DemoOptions {
        cases,
        seed,
        now: today().and_hms_opt(17, 0, 0).unwrap(),
        years: 1,
        batch: 500,
    };
    demo::fill(&mut store, &opts, |_| {}).unwrap();
    store
}

fn hq(dir: &tempfile::TempDir) -> Store {
    Store::open(dir.path().join("region.sqlite")).unwrap()
}

const TRUST: ImportOptions = ImportOptions {
    trust_new_office: true,
    dry_run: false,
};

/// Every row of the higher office's tables, to show that a refused import changed nothing.
fn snapshot(s: &Store) -> String {
    let mut out = String::new();
    for table in [
        "hq_offices",
        "hq_bundles",
        "hq_cases",
        "hq_certificates",
        "hq_records",
        "hq_audit",
        "hq_conflicts",
        "audit",
        "meta",
    ] {
        let raw = s.connection();
        let mut stmt = raw
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}:{}\n", row.unwrap()));
        }
    }
    out
}

/// A manifest made out to another office identity, `key`'s: its public key and fingerprint, and
/// without the office's signatory keys (vouched for from the real identity, they would not be).
fn give_identity(manifest: &mut serde_json::Value, key: &ed25519_dalek::SigningKey) {
    let public = key.verifying_key();
    manifest["office"]["public_key"] = hex::encode(public.as_bytes()).into();
    manifest["office"]["fingerprint"] = anyqtama_store::keys::fingerprint(&public).into();
    manifest["office"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "keys" && k != "signer");
}

fn count(s: &Store, sql: &str) -> i64 {
    s.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn all(store: &mut Store) -> Vec<u8> {
    let signing = signer(store);
    since_last(store, &signing).bytes
}

/// A "since last" bundle (format 3, no registers), signed with a key unlocked once by the caller.
fn since_last(
    store: &mut Store,
    signing: &anyqtama_store::keys::SealKey,
) -> anyqtama_sync::Exported {
    export(
        store,
        Period::Since { after: 0 },
        &Actor::command_line(),
        now(),
        &without_registers,
        signing,
    )
    .unwrap()
}

/// The office's bundle of October 2026 (format 3, no registers).
fn october(store: &mut Store) -> anyqtama_sync::Exported {
    let signing = signer(store);
    export(
        store,
        Period::Month {
            year: 2026,
            month: 10,
        },
        &Actor::command_line(),
        now(),
        &without_registers,
        &signing,
    )
    .unwrap()
}

#[test]
fn two_offices_consolidate_into_the_counts_of_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 1, 150);
    let mut b = office(&dir, 2, 120);
    let mut region = hq(&dir);
    let (bytes_a, bytes_b) = (all(&mut a), all(&mut b));
    for (store, bytes) in [(&a, bytes_a), (&b, bytes_b)] {
        let v = verify(&bytes).unwrap();
        let r = import(&mut region, &bytes, TRUST, &Actor::command_line(), now()).unwrap();
        assert!(r.new_office);
        let id = &v.manifest.office.id;
        for (hq_sql, src_sql) in [
            ("SELECT count(*) FROM hq_cases WHERE office_id = '{id}'", "SELECT count(*) FROM cases"),
            ("SELECT count(*) FROM hq_certificates WHERE office_id = '{id}'", "SELECT count(*) FROM certificates"),
            ("SELECT count(*) FROM hq_cases WHERE office_id = '{id}' AND status = 'issued'", "SELECT count(*) FROM cases WHERE status = 'issued'"),
            ("SELECT count(*) FROM hq_certificates WHERE office_id = '{id}' AND status = 'revoked'", "SELECT count(*) FROM certificates WHERE status = 'revoked'"),
            ("SELECT sum(seq_last - seq_first + 1) FROM hq_trail WHERE office_id = '{id}'", "SELECT count(*) FROM audit WHERE seq <= (SELECT max(seq) FROM audit WHERE action <> 'export_bundle')"),
            ("SELECT count(*) FROM hq_audit WHERE office_id = '{id}'", "SELECT 0"),
        ] {
            assert_eq!(
                count(&region, &hq_sql.replace("{id}", id)),
                count(store, src_sql),
                "{hq_sql}"
            );
        }
    }
    assert_eq!(count(&region, "SELECT count(*) FROM hq_offices"), 2);
    // Different seeds are different offices: nothing collides.
    assert_eq!(count(&region, "SELECT count(*) FROM hq_conflicts"), 0);
}

#[test]
fn a_replayed_or_older_bundle_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 3, 120);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let signing = signer(&a);
    let october = export(
        &mut a,
        Period::Month {
            year: 2026,
            month: 10,
        },
        &actor,
        now(),
        &without_registers,
        &signing,
    )
    .unwrap();
    let first = all(&mut a);
    import(&mut region, &first, TRUST, &actor, now()).unwrap();
    let before = snapshot(&region);
    let again = import(&mut region, &first, TRUST, &actor, now()).unwrap();
    assert!(again.already_imported);
    assert_eq!(
        snapshot(&region),
        before,
        "the same bundle again changes nothing"
    );
    // October's bundle was made before (older or equal versions): nothing in it overwrites.
    let r = import(&mut region, &october.bytes, TRUST, &actor, now()).unwrap();
    assert_eq!(r.cases.new + r.cases.updated, 0, "{r:?}");
    assert_eq!(r.certificates.new + r.certificates.updated, 0, "{r:?}");
    assert_eq!(
        snapshot(&region)
            .lines()
            .filter(|l| l.starts_with("hq_cases") || l.starts_with("hq_certificates"))
            .collect::<Vec<_>>(),
        before
            .lines()
            .filter(|l| l.starts_with("hq_cases") || l.starts_with("hq_certificates"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_newer_change_wins_and_the_older_bundle_does_not_undo_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 4, 100);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let old = all(&mut a);
    // Later the office revokes a certificate and sends what changed since.
    let (cert, number): (i64, String) = a
        .connection()
        .query_row(
            "SELECT id, number FROM certificates WHERE status = 'valid' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let head = a
        .sign_in("head", anyqtama_demo::DEMO_PASSWORD, now())
        .unwrap();
    a.write(&head, now(), |w| {
        w.revoke(
            anyqtama_store::CertificateId(cert),
            &anyqtama_store::RevocationAct {
                body: "Migration service".into(),
                number: "42".into(),
                date: today(),
            },
        )
    })
    .unwrap();
    let signing = signer(&a);
    let newer = export(
        &mut a,
        Period::Since { after: 0 },
        &actor,
        now(),
        &without_registers,
        &signing,
    )
    .unwrap();
    assert_eq!(
        newer.manifest.counts["certificates"], 1,
        "only what changed since"
    );
    import(&mut region, &newer.bytes, TRUST, &actor, now()).unwrap();
    let r = import(&mut region, &old, TRUST, &actor, now()).unwrap();
    assert!(r.certificates.older_skipped >= 1, "{r:?}");
    let status: String = region
        .connection()
        .query_row(
            "SELECT status FROM hq_certificates WHERE number = ?1",
            [&number],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "revoked");
}

#[test]
fn damage_and_forgery_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 5, 60);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let signing = signer(&a);
    let bundle = export(
        &mut a,
        Period::Month {
            year: 2026,
            month: 9,
        },
        &actor,
        now(),
        &without_registers,
        &signing,
    )
    .unwrap()
    .bytes;
    // An office must be trusted explicitly the first time; its fingerprint is named.
    let fp = verify(&bundle).unwrap().manifest.office.fingerprint;
    let untrusted = ImportOptions::default();
    match import(&mut region, &bundle, untrusted, &actor, now()) {
        Err(SyncError::Store(StoreError::UnknownOffice { fingerprint, .. })) => {
            assert_eq!(fingerprint, fp)
        }
        other => panic!("{other:?}"),
    }
    let empty = snapshot(&region);
    import(&mut region, &bundle, TRUST, &actor, now()).unwrap();
    let before = snapshot(&region);
    assert_ne!(before, empty);

    // Every single byte flipped: refused.
    for i in 0..bundle.len() {
        let mut bad = bundle.clone();
        bad[i] ^= 0x01;
        assert!(
            verify(&bad).is_err(),
            "byte {i} of {} flipped was accepted",
            bundle.len()
        );
        if i % 211 == 0 {
            assert!(import(&mut region, &bad, TRUST, &actor, now()).is_err());
        }
    }
    // Truncated anywhere, or with bytes added: refused.
    for len in [0, 1, 100, bundle.len() / 2, bundle.len() - 1] {
        assert!(import(&mut region, &bundle[..len], TRUST, &actor, now()).is_err());
    }
    let mut longer = bundle.clone();
    longer.push(b'\n');
    assert!(verify(&longer).is_err());

    // Another key signs the same content: the fingerprint no longer matches.
    let parts = anyqtama_sync::unpack(&bundle);
    let forger = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let forged = anyqtama_sync::assemble(&parts[0].1, &parts[1..], &forger);
    assert!(matches!(
        verify(&forged),
        Err(SyncError::Altered) | Err(SyncError::KeyMismatch(_))
    ));
    // ... and with the forger's key and fingerprint put in the manifest, the known office's key
    // has changed: refused by the higher office.
    let mut manifest: serde_json::Value = serde_json::from_slice(&parts[0].1).unwrap();
    give_identity(&mut manifest, &forger);
    let swapped = anyqtama_sync::assemble(
        &serde_json::to_vec(&manifest).unwrap(),
        &parts[1..],
        &forger,
    );
    assert!(verify(&swapped).is_ok(), "well-formed, but by another key");
    assert!(matches!(
        import(&mut region, &swapped, TRUST, &actor, now()),
        Err(SyncError::Store(StoreError::OfficeKeyChanged { .. }))
    ));
    // Another bundle's manifest under this bundle's signature: refused.
    let signing = signer(&a);
    let october = export(
        &mut a,
        Period::Month {
            year: 2026,
            month: 10,
        },
        &actor,
        now(),
        &without_registers,
        &signing,
    )
    .unwrap()
    .bytes;
    let other_manifest = anyqtama_sync::unpack(&october)[0].1.clone();
    let mut mixed = anyqtama_sync::assemble(&other_manifest, &parts[1..], &forger);
    let sig_at = mixed.len() - 128;
    let sig_ok = &bundle[bundle.len() - 128..];
    mixed[sig_at..].copy_from_slice(sig_ok);
    assert!(verify(&mixed).is_err());
    // A part whose content does not match its checksum, re-signed by the office's own key: named.
    let key = signer(&a).signing().clone();
    let mut damaged = parts.clone();
    let records = damaged
        .iter()
        .position(|(n, _)| n == "records.jsonl")
        .unwrap();
    damaged[records].1.push(b' ');
    let resigned = anyqtama_sync::assemble(&damaged[0].1, &damaged[1..], &key);
    match verify(&resigned) {
        Err(SyncError::PartDamaged(p)) => assert!(p.starts_with("records.jsonl"), "{p}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(snapshot(&region), before, "nothing refused was written");

    // Only an empty store or a higher office's store takes bundles.
    assert!(matches!(
        import(&mut a, &bundle, TRUST, &actor, now()),
        Err(SyncError::Store(StoreError::NotHigherOffice))
    ));
    // A dry run reports and keeps nothing.
    let mut fresh = Store::open(dir.path().join("fresh.sqlite")).unwrap();
    let dry = ImportOptions {
        trust_new_office: true,
        dry_run: true,
    };
    let r = import(&mut fresh, &bundle, dry, &actor, now()).unwrap();
    assert!(r.cases.new > 0 && r.dry_run);
    assert_eq!(count(&fresh, "SELECT count(*) FROM hq_cases"), 0);
    assert_eq!(count(&fresh, "SELECT count(*) FROM hq_offices"), 0);
}

#[test]
fn conflicts_are_reported_not_resolved() {
    let dir = tempfile::tempdir().unwrap();
    // Seeds 1 and 21 are two offices that use the same code (AST): their certificate numbers collide.
    let mut a = office(&dir, 1, 60);
    let mut b = office(&dir, 21, 60);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    import(&mut region, &all(&mut a), TRUST, &actor, now()).unwrap();
    let r = import(&mut region, &all(&mut b), TRUST, &actor, now()).unwrap();
    assert!(
        r.conflicts.iter().any(|c| c.kind == "number_content"),
        "{:?}",
        r.conflicts.iter().map(|c| &c.kind).collect::<Vec<_>>()
    );
    let numbers = count(
        &region,
        "SELECT count(*) FROM hq_conflicts WHERE kind = 'number_content'",
    );
    // Both offices' records are kept as sent: nothing was merged or dropped.
    assert_eq!(
        count(&region, "SELECT count(*) FROM hq_certificates"),
        count(&a, "SELECT count(*) FROM certificates")
            + count(&b, "SELECT count(*) FROM certificates")
    );
    // Reported once: importing again adds no conflict.
    import(&mut region, &all(&mut b), TRUST, &actor, now()).unwrap();
    assert_eq!(
        count(
            &region,
            "SELECT count(*) FROM hq_conflicts WHERE kind = 'number_content'"
        ),
        numbers
    );
}

/// A person holding a live certificate in one office gets another, overlapping one in a second
/// office: the higher office reports it (with both numbers) and keeps both.
#[test]
fn the_same_passport_live_in_two_offices_is_reported() {
    use anyqtama_store::{
        views, ApplicantData, ApplicantRef, AssessmentInput, CaseId, DocumentCheck, MemberId,
        NewApplication, Outcome,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 8, 80);
    let mut b = office(&dir, 9, 10);
    let (passport, number): (String, String) = a
        .connection()
        .query_row(
            "SELECT p.passport_number, t.number FROM certificates t JOIN applicants p ON p.id = t.applicant_id
             WHERE t.status = 'valid' AND t.valid_to > '2026-12-31' ORDER BY t.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // Office B issues a certificate to the same passport, through its real actions.
    let received = now();
    let rs = b.law().rule_sets.in_force_on(received.date()).unwrap();
    let documents = rs
        .documents
        .for_service(anyqtama_rules::Service::Issue)
        .iter()
        .map(|d| DocumentCheck {
            kind: d.id,
            present: true,
            valid_until: None,
        })
        .collect();
    let app = NewApplication {
        kind: anyqtama_rules::Service::Issue,
        applicant: ApplicantRef::New(ApplicantData {
            surname_latin: "TWICE".into(),
            given_names_latin: "HOLDER".into(),
            citizenship: "UZB".into(),
            passport_number: passport.to_lowercase(),
            ..ApplicantData::default()
        }),
        received_at: received,
        profession_id: "o236.3.1.2".into(),
        documents,
        certificate: None,
        employer: None,
        change_ground: None,
        event_on: None,
    };
    let (reg, sec, head) = (
        b.session_for("registrar").unwrap(),
        b.session_for("secretary").unwrap(),
        b.sign_in("head", anyqtama_demo::DEMO_PASSWORD, now())
            .unwrap(),
    );
    let case: CaseId = b
        .write(&reg, received, |w| w.register_application(&app))
        .unwrap();
    b.write(&reg, received, |w| w.send_to_commission(case))
        .unwrap();
    let members: Vec<(MemberId, bool)> = views::members(&b)
        .unwrap()
        .iter()
        .map(|m| (MemberId(m.id), true))
        .collect();
    let sitting = b
        .write(&sec, received, |w| {
            w.create_sitting(received.date(), "Hall", &members)
        })
        .unwrap();
    let input = AssessmentInput {
        profession_in_list: true,
        qualification_matches: true,
        documents_reliable: true,
        education: anyqtama_rules::points::Education {
            higher: true,
            academic_degree: false,
            english_teaching_certificate: false,
        },
        periods: vec![(
            NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2020, 12, 31).unwrap(),
        )],
    };
    b.write(&sec, received, |w| {
        w.record_assessment(case, sitting, &input, Outcome::Issue, None)
    })
    .unwrap();
    b.write(&head, received, |w| {
        w.decide(case, Outcome::Issue, &[], None, None)
    })
    .unwrap();

    let mut region = hq(&dir);
    let actor = Actor::command_line();
    import(&mut region, &all(&mut a), TRUST, &actor, now()).unwrap();
    let r = import(&mut region, &all(&mut b), TRUST, &actor, now()).unwrap();
    let overlap: Vec<_> = r
        .conflicts
        .iter()
        .filter(|c| c.kind == "passport_overlap")
        .collect();
    assert_eq!(overlap.len(), 1, "{:?}", r.conflicts);
    let detail = overlap[0].detail.to_string();
    assert!(detail.contains(&number), "{detail}");
    let key: String = passport
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_uppercase();
    assert_eq!(
        count(&region, &format!("SELECT count(DISTINCT office_id) FROM hq_certificates WHERE passport_key = '{key}' AND status = 'valid'")),
        2,
        "both offices' certificates are kept"
    );
}

/// A higher office's store gets its own administrator (no office); an office's store or a store
/// with users cannot be made one; bundles imported from the command line before are kept.
#[test]
fn a_higher_office_has_its_own_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 12, 30);
    let mut region = hq(&dir);
    import(
        &mut region,
        &all(&mut a),
        TRUST,
        &Actor::command_line(),
        now(),
    )
    .unwrap();
    let admin = region
        .setup_higher_office("region", "Region Admin", "long enough", now())
        .unwrap();
    assert!(region.is_higher_office().unwrap());
    assert!(!region.has_office().unwrap());
    assert!(region.sign_in("region", "long enough", now()).is_ok());
    assert_eq!(admin.roles, vec![anyqtama_store::Role::Admin]);
    assert!(matches!(
        region.setup_higher_office("again", "Again", "long enough", now()),
        Err(StoreError::NotEmpty)
    ));
    assert!(matches!(
        a.setup_higher_office("x", "X", "long enough", now()),
        Err(StoreError::NotEmpty)
    ));
    assert_eq!(count(&region, "SELECT count(*) FROM hq_offices"), 1);
    assert!(
        region.verify().is_ok(),
        "the audit chain holds across imports and setup"
    );
}

#[test]
fn both_registers_show_the_term_each_event_set() {
    // Rules p.15 (an issue: at most three months) and p.16 (an extension: the contract's term): an
    // issue row keeps the end it was issued with even after the certificate was extended, in the
    // office's register and in the higher office's consolidated one alike.
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 1, 400);
    let (issued_on, number, first_end, now_end): (NaiveDate, String, NaiveDate, NaiveDate) = a
        .connection()
        .query_row(
            "SELECT c.decided_on, t.number, e.previous_valid_to, t.valid_to
             FROM extensions e JOIN certificates t ON t.id = e.certificate_id JOIN cases c ON c.id = t.case_id
             WHERE c.kind = 'issue' AND e.previous_valid_to <> t.valid_to ORDER BY e.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("the demo has an extended certificate");
    assert_ne!(first_end, now_end);
    let first = NaiveDate::from_ymd_opt(
        chrono::Datelike::year(&issued_on),
        chrono::Datelike::month(&issued_on),
        1,
    )
    .unwrap();
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
    let rows = anyqtama_store::records::register(&a, first, next, today()).unwrap();
    let row = rows
        .iter()
        .find(|r| r.number == number && r.event == "issued")
        .unwrap();
    assert_eq!(row.valid_to, Some(first_end), "the office's register");
    let mut region = hq(&dir);
    import(
        &mut region,
        &all(&mut a),
        TRUST,
        &Actor::command_line(),
        now(),
    )
    .unwrap();
    let rows = anyqtama_store::exchange::hq_register(
        &region,
        chrono::Datelike::year(&issued_on),
        chrono::Datelike::month(&issued_on),
    )
    .unwrap();
    let row = rows
        .iter()
        .find(|r| r.number == number && r.event == "issued")
        .unwrap();
    assert_eq!(row.valid_to, Some(first_end), "the consolidated register");
}

#[test]
fn a_history_rewritten_after_it_was_sent_is_refused_whole() {
    // The office restores an older backup after sending its bundle and goes on working: its new
    // events re-use sequence numbers the higher office already holds, with other content. The
    // higher office refuses that bundle whole, naming the event; an honest later bundle goes in.
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 1, 60);
    let copy = dir.path().join("older.sqlite");
    a.backup_to(&copy).unwrap();
    let admin = a
        .sign_in("admin", anyqtama_demo::DEMO_PASSWORD, now())
        .unwrap();
    a.write(&admin, now(), |w| {
        w.add_commission_member("Member Sent", "Expert", "Atameken")
            .map(|_| ())
    })
    .unwrap();
    let mut region = hq(&dir);
    import(
        &mut region,
        &all(&mut a),
        TRUST,
        &Actor::command_line(),
        now(),
    )
    .unwrap();
    let before = snapshot(&region);
    let path = a.path().to_path_buf();
    drop(a);
    anyqtama_store::backup::restore(&path, &copy, &Actor::command_line(), now()).unwrap();
    let mut a = Store::open_existing(&path).unwrap();
    a.write(&admin, now(), |w| {
        w.add_commission_member("Member Rewritten", "Expert", "Atameken")
            .map(|_| ())
    })
    .unwrap();
    let rewritten = all(&mut a);
    let r = import(
        &mut region,
        &rewritten,
        TRUST,
        &Actor::command_line(),
        now(),
    );
    assert!(
        matches!(
            r,
            Err(SyncError::Store(StoreError::HistoryRewritten { .. }))
        ),
        "{r:?}"
    );
    assert_eq!(snapshot(&region), before, "refused whole");
}

#[test]
fn an_honest_next_bundle_continues_the_history_held() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 2, 60);
    let mut region = hq(&dir);
    import(
        &mut region,
        &all(&mut a),
        TRUST,
        &Actor::command_line(),
        now(),
    )
    .unwrap();
    let admin = a
        .sign_in("admin", anyqtama_demo::DEMO_PASSWORD, now())
        .unwrap();
    a.write(&admin, now(), |w| {
        w.add_commission_member("Member Later", "Expert", "Atameken")
            .map(|_| ())
    })
    .unwrap();
    let r = import(
        &mut region,
        &all(&mut a),
        TRUST,
        &Actor::command_line(),
        now(),
    )
    .unwrap();
    assert!(r.audit_new >= 1, "{r:?}");
}

/// Issue 12, item 6: a signatory's new or rotated key is accepted through a chain of endorsements
/// from the identity the higher office trusts; a key made by whoever has only the file is not; and
/// a key the higher office knows to be retired signs nothing made after.
#[test]
fn a_rotated_key_is_accepted_through_the_office_and_a_made_up_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 3, 40);
    let mut region = hq(&dir);
    let cli = Actor::command_line();
    let bundle =
        |store: &mut Store, key: &anyqtama_store::keys::SealKey| since_last(store, key).bytes;
    // The head signs the first bundle with their own key, vouched for by the administrator's.
    let head = a.sign_in("head", demo::DEMO_PASSWORD, now()).unwrap();
    let old_key = head.seal_key.clone().unwrap();
    let first = bundle(&mut a, &old_key);
    let v = verify(&first).unwrap();
    assert_eq!(v.manifest.office.signer, Some(old_key.fingerprint()));
    import(&mut region, &first, TRUST, &cli, now()).unwrap();

    // The head's password is reset: a new key, vouched for by the administrator; accepted.
    let admin = a.sign_in("admin", demo::DEMO_PASSWORD, now()).unwrap();
    let later = now() + chrono::Duration::hours(1);
    a.write(&admin, later, |w| {
        w.reset_password(head.user_id, "a brand new passphrase")
    })
    .unwrap();
    let head = a.sign_in("head", "a brand new passphrase", later).unwrap();
    let new_key = head.seal_key.clone().unwrap();
    assert_ne!(new_key.fingerprint(), old_key.fingerprint());
    let second = bundle(&mut a, &new_key);
    let known = ImportOptions {
        trust_new_office: false,
        dry_run: false,
    };
    import(&mut region, &second, known, &cli, later).unwrap();
    assert_eq!(
        count(
            &region,
            "SELECT count(*) FROM hq_office_keys WHERE retired_at IS NOT NULL"
        ),
        1,
        "the higher office knows the old key is retired"
    );

    // Whoever kept the old key (an old copy and the old password) signs a bundle made later.
    let stale = export(
        &mut a,
        Period::Since { after: 0 },
        &cli,
        later + chrono::Duration::hours(1),
        &without_registers,
        &old_key,
    )
    .unwrap()
    .bytes;
    let before = snapshot(&region);
    assert!(matches!(
        import(&mut region, &stale, known, &cli, later),
        Err(SyncError::Store(StoreError::KeyRetired { .. }))
    ));
    assert_eq!(snapshot(&region), before);

    // A key made up by someone with only the file, listed with a false endorsement: refused
    // before anything is read.
    let parts = anyqtama_sync::unpack(&second);
    let mut manifest: serde_json::Value = serde_json::from_slice(&parts[0].1).unwrap();
    let forger = ed25519_dalek::SigningKey::from_bytes(&[5u8; 32]);
    let fp = anyqtama_store::keys::fingerprint(&forger.verifying_key());
    let mut fake = manifest["office"]["keys"][1].clone();
    fake["fingerprint"] = fp.clone().into();
    fake["public_key"] = hex::encode(forger.verifying_key().as_bytes()).into();
    manifest["office"]["keys"]
        .as_array_mut()
        .unwrap()
        .push(fake);
    manifest["office"]["signer"] = fp.clone().into();
    let forged = anyqtama_sync::assemble(
        &serde_json::to_vec(&manifest).unwrap(),
        &parts[1..],
        &forger,
    );
    assert!(matches!(verify(&forged), Err(SyncError::KeyNotVouched(f)) if f == fp));
    assert!(import(&mut region, &forged, known, &cli, later).is_err());
    assert_eq!(snapshot(&region), before);
}

/// Issue 13, item 1: a well-signed bundle whose records hold a string longer than any real field
/// (a hostile "name") is refused before its JSON is parsed.
#[test]
fn a_string_longer_than_any_field_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 4, 10);
    let bundle = all(&mut a);
    let mut lines: Vec<serde_json::Value> = records_of(&bundle)
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let case = lines.iter_mut().find(|l| l.get("case").is_some()).unwrap();
    case["case"]["holder"] = "A".repeat(100_000).into();
    let mut bytes = Vec::new();
    for l in &lines {
        bytes.extend(serde_json::to_vec(l).unwrap());
        bytes.push(b'\n');
    }
    let hostile = resigned_with_records(&bundle, bytes);
    assert!(
        matches!(verify(&hostile), Err(SyncError::TooLarge(p)) if p.starts_with("records.jsonl line")),
    );
}

/// The records part of a bundle, inflated.
fn records_of(bundle: &[u8]) -> Vec<u8> {
    part_of(bundle, "records.jsonl")
}

/// A part of a bundle by its name, inflated.
fn part_of(bundle: &[u8], name: &str) -> Vec<u8> {
    anyqtama_sync::unpack(bundle)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap()
        .1
}

/// A bundle's parts with `records` as its records, re-signed consistently by a key of its own (so
/// only what the records hold can refuse it).
fn resigned_with_records(bundle: &[u8], records: Vec<u8>) -> Vec<u8> {
    resigned_with(bundle, "records.jsonl", records, 9)
}

/// A bundle with one part replaced, its manifest made to agree (the part's size and checksum;
/// for the trail, its count), re-signed by a key of its own made from `seed`.
fn resigned_with(bundle: &[u8], name: &str, bytes: Vec<u8>, seed: u8) -> Vec<u8> {
    resigned_edited(bundle, name, bytes, seed, |_| {})
}

/// [`resigned_with`], and the manifest then edited by `edit` before it is signed.
fn resigned_edited(
    bundle: &[u8],
    name: &str,
    bytes: Vec<u8>,
    seed: u8,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Vec<u8> {
    let parts = anyqtama_sync::unpack(bundle);
    let mut manifest: serde_json::Value = serde_json::from_slice(&parts[0].1).unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
    give_identity(&mut manifest, &key);
    for p in manifest["parts"].as_array_mut().unwrap() {
        if p["name"] == name {
            use sha2::Digest;
            p["size"] = bytes.len().into();
            p["sha256"] = hex::encode(sha2::Sha256::digest(&bytes)).into();
        }
    }
    if name == "trail.bin" {
        manifest["counts"]["audit_events"] = (bytes.len() / 40).into();
    }
    edit(&mut manifest);
    let mut new_parts = parts[1..].to_vec();
    let at = new_parts.iter().position(|(n, _)| n == name).unwrap();
    new_parts[at].1 = bytes;
    anyqtama_sync::assemble(&serde_json::to_vec(&manifest).unwrap(), &new_parts, &key)
}

/// A manifest's edit.
type Edit<'a> = &'a dyn Fn(&mut serde_json::Value);

/// The lies about what a bundle's events span that either format is refused for, each made by
/// `same` (the bundle re-signed, its manifest edited).
fn span_lies(same: &dyn Fn(Edit<'_>) -> Vec<u8>) -> Vec<(&'static str, Vec<u8>)> {
    let to = |m: &serde_json::Value| m["seq_to"].as_i64().unwrap();
    vec![
        // The head behind its own trail (what 0a59f95 fixed in the export).
        (
            "head behind",
            same(&|m| m["audit_head_seq"] = (to(m) - 1).into()),
        ),
        // The head at the last event, with another hash: the chain anchored at a made-up event.
        (
            "head hash",
            same(&|m| m["audit_head_hash"] = "00".repeat(32).into()),
        ),
        // More events named than carried, the head moved with them.
        (
            "names more",
            same(&|m| {
                let later = to(m) + 5;
                m["seq_to"] = later.into();
                m["audit_head_seq"] = later.into();
            }),
        ),
        // A "since" bundle that begins later than just after its point.
        ("begins later", same(&|m| m["seq_from"] = 2.into())),
        // No event named, and events carried.
        (
            "none named",
            same(&|m| {
                m["seq_from"] = serde_json::Value::Null;
                m["seq_to"] = serde_json::Value::Null;
            }),
        ),
    ]
}

/// Each of `hostile` refused as not spanning its manifest, on verifying and on importing, with
/// `region`'s tables as they were.
fn refused_as_span(region: &mut Store, hostile: &[(&str, Vec<u8>)]) {
    let actor = Actor::command_line();
    let before = snapshot(region);
    for (what, bytes) in hostile {
        let verified = verify(bytes);
        assert!(
            matches!(verified, Err(SyncError::TrailSpan(_))),
            "{what}: {:?}",
            verified.err()
        );
        assert!(
            matches!(
                import(region, bytes, TRUST, &actor, now()),
                Err(SyncError::TrailSpan(_))
            ),
            "{what}"
        );
        assert_eq!(snapshot(region), before, "{what}: refused whole");
    }
}

/// The trail a signed manifest names must be the one the bundle carries: from the period's first
/// event (or the one before it) to its last, and the head, where it is that last event, with its
/// hash; a "since" bundle runs from just after its point to the head. Each lie is refused whole,
/// on verifying and on importing, however well it is signed.
#[test]
fn a_bundle_whose_trail_does_not_span_what_its_manifest_names_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 8, 20);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let bundle = all(&mut a);
    let trail = part_of(&bundle, "trail.bin");
    let same = |edit: &dyn Fn(&mut serde_json::Value)| {
        resigned_edited(&bundle, "trail.bin", trail.clone(), 13, edit)
    };
    // Re-signed as it was: taken (the control; nothing but the edits below refuses).
    assert!(verify(&same(&|_| {})).is_ok());
    let mut hostile = span_lies(&same);
    // The trail's last event left out, its count made to agree.
    hostile.push((
        "last left out",
        resigned_edited(
            &bundle,
            "trail.bin",
            trail[..trail.len() - 40].to_vec(),
            13,
            |_| {},
        ),
    ));
    refused_as_span(&mut region, &hostile);
    // The honest bundle after them all: taken.
    import(&mut region, &bundle, TRUST, &actor, now()).unwrap();
}

/// The same for a bundle of format 2, whose events come whole among its records: a manifest
/// that names other events than it carries is refused whole too, however it is signed.
#[test]
fn a_bundle_of_format_2_whose_events_do_not_span_its_manifest_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 8, 20);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let signing = signer(&a);
    let full =
        anyqtama_sync::export_full(&mut a, Period::Since { after: 0 }, &actor, now(), &signing)
            .unwrap();
    let records = part_of(&full.bytes, "records.jsonl");
    let same = |edit: &dyn Fn(&mut serde_json::Value)| {
        resigned_edited(&full.bytes, "records.jsonl", records.clone(), 13, edit)
    };
    assert!(verify(&same(&|_| {})).is_ok());
    let mut hostile = span_lies(&same);
    // One event more than named, its point moved to agree: a trail of hashes may begin with the
    // event before its run, events whole may not.
    hostile.push((
        "one before",
        same(&|m| {
            let from = m["seq_from"].as_i64().unwrap();
            m["seq_from"] = (from + 1).into();
            m["period"]["after"] = from.into();
        }),
    ));
    refused_as_span(&mut region, &hostile);
    import(&mut region, &full.bytes, TRUST, &actor, now()).unwrap();
}

/// Issue 14, item 1: the streamed format (3). Records are JSON Lines, one record a line, with no
/// audit event among them; the trail is the hash of every event, in order, 40 bytes each; the
/// manifest (written last) counts them.
#[test]
fn records_are_one_line_each_and_the_trail_is_every_events_hash() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 6, 30);
    let bundle = all(&mut a);
    let parts = anyqtama_sync::unpack(&bundle);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["manifest.json", "trail.bin", "records.jsonl"]);
    let manifest: anyqtama_sync::Manifest = serde_json::from_slice(&parts[0].1).unwrap();
    assert_eq!(manifest.format_version, 3);
    let text = std::str::from_utf8(&parts[2].1).unwrap();
    assert!(text.ends_with('\n'));
    let records: Vec<anyqtama_store::exchange::Record> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    use anyqtama_store::exchange::Record;
    assert!(!records.iter().any(|r| matches!(r, Record::Audit(_))));
    let kinds = |f: fn(&Record) -> bool| records.iter().filter(|r| f(r)).count();
    assert_eq!(
        manifest.counts["cases"],
        kinds(|r| matches!(r, Record::Case(_)))
    );
    assert_eq!(
        manifest.counts["certificates"],
        kinds(|r| matches!(r, Record::Certificate(_)))
    );
    assert_eq!(
        manifest.counts["others"],
        kinds(|r| matches!(r, Record::Other(_)))
    );
    assert_eq!(manifest.counts["cases"], 30);
    // The trail: every event of the store, its sequence number and the hash the store holds.
    let trail = &parts[1].1;
    assert_eq!(trail.len() % 40, 0);
    assert_eq!(manifest.counts["audit_events"], trail.len() / 40);
    let held: Vec<(i64, String)> = {
        let conn = rusqlite::Connection::open(a.path()).unwrap();
        let mut stmt = conn
            .prepare("SELECT seq, hash FROM audit WHERE seq <= ?1 ORDER BY seq")
            .unwrap();
        stmt.query_map([manifest.seq_to.unwrap()], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let sent: Vec<(i64, String)> = trail
        .chunks(40)
        .map(|e| {
            (
                u64::from_be_bytes(e[..8].try_into().unwrap()) as i64,
                hex::encode(&e[8..]),
            )
        })
        .collect();
    assert_eq!(sent, held);
    // The head the manifest names is the trail's last event: both come from one snapshot.
    let (last_seq, last_hash) = sent.last().unwrap();
    assert_eq!(manifest.audit_head_seq, *last_seq);
    assert_eq!(&manifest.audit_head_hash, last_hash);
    // A case's record carries its register columns; an extension's terms are all of its data.
    let data: Vec<&str> = records
        .iter()
        .filter_map(|r| match r {
            Record::Case(c) => Some(c.data.get()),
            _ => None,
        })
        .collect();
    assert!(data
        .iter()
        .all(|d| *d == "{}" || d.starts_with("{\"extensions\":[{\"certificate_id\":")));
}

/// A format-3 bundle whose records hold an audit event whole (the trail is its own part) is
/// refused, named, even signed consistently.
#[test]
fn an_event_among_a_format_3_bundles_records_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 4, 10);
    let signing = signer(&a);
    let full = anyqtama_sync::export_full(
        &mut a,
        Period::Since { after: 0 },
        &Actor::command_line(),
        now(),
        &signing,
    )
    .unwrap();
    let event = records_of(&full.bytes)
        .split(|&b| b == b'\n')
        .find(|l| l.starts_with(b"{\"audit\":"))
        .unwrap()
        .to_vec();
    let bundle = october(&mut a);
    let mut records = event;
    records.push(b'\n');
    records.extend(records_of(&bundle.bytes));
    match verify(&resigned_with_records(&bundle.bytes, records)) {
        Err(SyncError::PartDamaged(p)) => assert!(p.starts_with("records.jsonl: audit"), "{p}"),
        other => panic!("{other:?}"),
    }
}

/// The first bundle of a month carries the event before the month, so the higher office sees
/// the month join what it holds; a trail out of order, or one whose event differs from what is
/// held, is refused whole.
#[test]
fn a_trail_joins_what_is_held_and_is_refused_out_of_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 3, 40);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let october = october(&mut a);
    let parts = anyqtama_sync::unpack(&october.bytes);
    let trail = &parts[1].1;
    let first = u64::from_be_bytes(trail[..8].try_into().unwrap()) as i64;
    assert_eq!(
        Some(first + 1),
        october.manifest.seq_from,
        "the event before the month"
    );
    import(&mut region, &all(&mut a), TRUST, &actor, now()).unwrap();
    // The same month again: every event is held, nothing new.
    let r = import(&mut region, &october.bytes, TRUST, &actor, now()).unwrap();
    assert_eq!(r.audit_new, 0);

    // Re-signed by a key of its own, the trail reordered or torn: refused.
    let resigned = |trail: Vec<u8>| resigned_with(&october.bytes, "trail.bin", trail, 11);
    let mut fresh = Store::open(dir.path().join("fresh.sqlite")).unwrap();
    let mut swapped = trail.clone();
    swapped[..80].rotate_left(40);
    assert!(matches!(
        import(&mut fresh, &resigned(swapped), TRUST, &actor, now()),
        Err(SyncError::Store(StoreError::HistoryRewritten {
            reason: "order",
            ..
        }))
    ));
    // A sequence number past any the store can hold, or the largest it can: refused, not
    // overflowed (a hostile trail).
    let mut past = trail[..40].to_vec();
    past[..8].copy_from_slice(&u64::MAX.to_be_bytes());
    assert!(matches!(
        verify(&resigned(past)),
        Err(SyncError::PartDamaged(p)) if p == "trail.bin entry 1"
    ));
    let mut torn = trail.clone();
    torn.truncate(trail.len() - 3);
    assert!(matches!(
        verify(&resigned(torn)),
        Err(SyncError::PartDamaged(p)) if p == "trail.bin"
    ));
    assert_eq!(count(&fresh, "SELECT count(*) FROM hq_trail"), 0);
    // The largest sequence number a store can hold, counted as the manifest says: taken, the
    // join after it not looked for past the end.
    let mut largest = trail[..40].to_vec();
    largest[..8].copy_from_slice(&(i64::MAX as u64).to_be_bytes());
    let head = hex::encode(&largest[8..]);
    let largest = resigned_edited(&october.bytes, "trail.bin", largest, 11, |m| {
        m["seq_from"] = i64::MAX.into();
        m["seq_to"] = i64::MAX.into();
        m["audit_head_seq"] = i64::MAX.into();
        m["audit_head_hash"] = head.into();
    });
    import(&mut fresh, &largest, TRUST, &actor, now()).unwrap();
    assert_eq!(
        count(
            &fresh,
            "SELECT count(*) FROM hq_trail WHERE seq_first = 9223372036854775807"
        ),
        1
    );
}

/// A higher office that holds an office's events whole, from a bundle of the format before
/// (every row, the events whole), takes its trails of hashes after them, and refuses one that
/// differs; and the other way round.
#[test]
fn bundles_of_format_2_still_import_and_join_the_trails() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 5, 30);
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let signing = signer(&a);
    let full =
        anyqtama_sync::export_full(&mut a, Period::Since { after: 0 }, &actor, now(), &signing)
            .unwrap();
    assert_eq!(full.manifest.format_version, 2);
    let r = import(&mut region, &full.bytes, TRUST, &actor, now()).unwrap();
    assert!(r.new_office && r.cases.new == 30);
    assert!(count(&region, "SELECT count(*) FROM hq_audit") > 0);
    // The next bundle (format 3) joins the events held whole.
    let admin = a
        .sign_in("admin", anyqtama_demo::DEMO_PASSWORD, now())
        .unwrap();
    a.write(&admin, now(), |w| {
        w.add_commission_member("Member Later", "Expert", "Atameken")
            .map(|_| ())
    })
    .unwrap();
    let next = all(&mut a);
    let r = import(&mut region, &next, TRUST, &actor, now()).unwrap();
    assert!(r.audit_new >= 1, "{r:?}");
    // October again, as format 3: each of its hashes is compared with the events held whole.
    let everything = october(&mut a);
    import(&mut region, &everything.bytes, TRUST, &actor, now()).unwrap();
    // A trail whose hash differs from an event held whole: refused.
    let parts = anyqtama_sync::unpack(&everything.bytes);
    let mut trail = parts[1].1.clone();
    trail[8] ^= 1;
    let forged = resigned_with(&everything.bytes, "trail.bin", trail, 12);
    let key = ed25519_dalek::SigningKey::from_bytes(&[12u8; 32]);
    // (Another identity: the higher office takes it as a new office; a bundle of format 2 of
    // that identity, held whole first, makes the comparison.)
    let mut fresh = Store::open(dir.path().join("fresh2.sqlite")).unwrap();
    let mut manifest2: serde_json::Value =
        serde_json::from_slice(&anyqtama_sync::unpack(&full.bytes)[0].1).unwrap();
    give_identity(&mut manifest2, &key);
    let full_parts = anyqtama_sync::unpack(&full.bytes);
    let full2 = anyqtama_sync::assemble(
        &serde_json::to_vec(&manifest2).unwrap(),
        &full_parts[1..],
        &key,
    );
    import(&mut fresh, &full2, TRUST, &actor, now()).unwrap();
    let before = snapshot(&fresh);
    assert!(matches!(
        import(&mut fresh, &forged, TRUST, &actor, now()),
        Err(SyncError::Store(StoreError::HistoryRewritten {
            reason: "differs",
            ..
        }))
    ));
    assert_eq!(snapshot(&fresh), before, "refused whole");
}

/// Issue 14, item 1: a line is held to a limit before it is parsed, every line ends, and no line
/// is empty; each refusal names the line.
#[test]
fn a_line_too_long_unended_or_empty_is_refused_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 7, 8);
    let bundle = all(&mut a);
    let records = records_of(&bundle);
    let first = records.iter().position(|&b| b == b'\n').unwrap() + 1;

    // 3 MB without an end of line: refused once it passes the limit, never held whole.
    let mut long = records[..first].to_vec();
    long.extend(std::iter::repeat_n(b' ', 3 << 20));
    long.push(b'\n');
    match verify(&resigned_with_records(&bundle, long)) {
        Err(SyncError::TooLarge(p)) => assert_eq!(p, "records.jsonl line 2"),
        other => panic!("{other:?}"),
    }
    let unended = records[..records.len() - 1].to_vec();
    match verify(&resigned_with_records(&bundle, unended)) {
        Err(SyncError::PartDamaged(p)) => assert!(p.contains("no end of line"), "{p}"),
        other => panic!("{other:?}"),
    }
    let mut empty = records[..first].to_vec();
    empty.push(b'\n');
    empty.extend_from_slice(&records[first..]);
    match verify(&resigned_with_records(&bundle, empty)) {
        Err(SyncError::PartDamaged(p)) => assert!(p.starts_with("records.jsonl line 2:"), "{p}"),
        other => panic!("{other:?}"),
    }
    // The same records re-signed are accepted: only the damage refused them.
    assert!(verify(&resigned_with_records(&bundle, records)).is_ok());
}

/// Issue 14, "bundles of the old format still import": a bundle written by the program before the
/// streamed format (records.json, plain Ed25519; made with `demo --cases 40 --seed 7 --today
/// 2026-11-20 --years 1` and `bundle export --since-last` at commit 3f0bfcc).
#[test]
fn a_bundle_of_the_first_format_still_imports() {
    let old = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1-VKO-since.anyqtama.zip"
    ))
    .unwrap();
    let v = verify(&old).unwrap();
    assert_eq!(v.manifest.format_version, 1);
    assert_eq!(v.manifest.office.code, "VKO");
    let dir = tempfile::tempdir().unwrap();
    let mut region = hq(&dir);
    let actor = Actor::command_line();
    let mut bad = old.clone();
    let at = bad.len() / 2;
    bad[at] ^= 0x10;
    assert!(import(&mut region, &bad, TRUST, &actor, now()).is_err());
    let r = import(&mut region, &old, TRUST, &actor, now()).unwrap();
    assert_eq!(
        (r.cases.new, r.certificates.new, r.others.new, r.audit_new),
        (40, 26, 23, 161)
    );
    assert_eq!(count(&region, "SELECT count(*) FROM hq_cases"), 40);
    assert_eq!(
        count(
            &region,
            "SELECT count(*) FROM hq_certificates WHERE number LIKE 'VKO-%'"
        ),
        26
    );
    let again = import(&mut region, &old, TRUST, &actor, now()).unwrap();
    assert!(again.already_imported);
    assert_eq!(count(&region, "SELECT count(*) FROM hq_audit"), 161);
}

/// Format 3 carries what the higher office reads: its consolidated register, month by month,
/// is the same as from a bundle of format 2 (every row) of the same office, extensions' terms
/// included.
#[test]
fn the_consolidated_register_is_the_same_from_either_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 13, 160);
    // A "since" export moves the office's cursor: the other format is made from a copy.
    let copy = dir.path().join("copy.sqlite");
    a.backup_to(&copy).unwrap();
    let mut b = Store::open_existing(&copy).unwrap();
    let actor = Actor::command_line();
    let signing = signer(&a);
    let signing_b = signer(&b);
    let full =
        anyqtama_sync::export_full(&mut a, Period::Since { after: 0 }, &actor, now(), &signing)
            .unwrap();
    let lean = export(
        &mut b,
        Period::Since { after: 0 },
        &actor,
        now(),
        &without_registers,
        &signing_b,
    )
    .unwrap();
    assert_eq!(lean.manifest.seq_to, full.manifest.seq_to);
    assert!(lean.bytes.len() < full.bytes.len());
    let mut two = Store::open(dir.path().join("two.sqlite")).unwrap();
    let mut three = Store::open(dir.path().join("three.sqlite")).unwrap();
    import(&mut two, &full.bytes, TRUST, &actor, now()).unwrap();
    import(&mut three, &lean.bytes, TRUST, &actor, now()).unwrap();
    assert!(
        count(
            &a,
            "SELECT count(*) FROM cases WHERE kind = 'extend' AND status = 'issued'"
        ) > 0,
        "the office has extensions"
    );
    let months: Vec<String> = {
        let conn = rusqlite::Connection::open(a.path()).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT DISTINCT substr(decided_on, 1, 7) FROM cases WHERE decided_on IS NOT NULL",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert!(months.len() > 3);
    for m in months {
        let (y, mo) = (m[..4].parse().unwrap(), m[5..].parse().unwrap());
        let of = |s: &Store| {
            serde_json::to_string(&anyqtama_store::exchange::hq_register(s, y, mo).unwrap())
                .unwrap()
        };
        assert_eq!(of(&two), of(&three), "{m}");
    }
}

/// Another program (the window, a second command) writing events while bundles are exported: each
/// bundle's head is its trail's last event, never one from before an event it carries (the head
/// was read before the records' snapshot began, so an event written in between came after it).
/// The writer inserts trail rows straight into the file, one every few hundred microseconds.
#[test]
fn a_bundle_exported_while_events_are_written_names_the_head_of_its_own_trail() {
    /// Stops the writer however the exporting side ends (a failed assertion included).
    struct Stop<'a>(&'a std::sync::atomic::AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut a = office(&dir, 8, 10);
    let signing = signer(&a);
    let stop = &std::sync::atomic::AtomicBool::new(false);
    let conn = a.connection();
    let (checked, written) = std::thread::scope(|s| {
        let writer = s.spawn(move || {
            let mut written = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                conn.execute(
                    "INSERT INTO audit (seq, at, login, role, action, entity, entity_id, prev_hash, hash)
                     SELECT max(seq) + 1, '2026-11-20T12:00:00', 'x', 'admin', 'test', 'office', '1',
                            hash, printf('%064x', max(seq) + 1) FROM audit",
                    [],
                )
                .unwrap();
                written += 1;
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            written
        });
        let guard = Stop(stop);
        let mut checked = 0;
        for _ in 0..30 {
            let made = since_last(&mut a, &signing);
            if let Some(to) = made.manifest.seq_to {
                assert_eq!(made.manifest.audit_head_seq, to, "bundle {checked}");
                checked += 1;
            }
        }
        drop(guard);
        (checked, writer.join().unwrap())
    });
    assert!(checked > 0 && written > 0);
}
