//! The case store through the real binary: demo, verify, tampering with the sqlite3 shell, SIGKILL at
//! random moments, backups, a newer store refused.

use rand::{Rng, SeedableRng};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_anyqtama");

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("ANYQTAMA_LANG")
        // The demo's administrator signs bundles (the office key opens with their password).
        .env("ANYQTAMA_PASSWORD", "anyqtama-demo")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> Value {
    let (ok, out, err) = run(args);
    assert!(ok, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn sqlite3(db: &Path, sql: &str) -> (bool, String) {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("the sqlite3 shell is installed (./dev test installs it)");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn demo(dir: &Path, name: &str, cases: &str, seed: &str) -> std::path::PathBuf {
    let db = dir.join(name);
    json(&[
        "demo",
        "--db",
        db.to_str().unwrap(),
        "--cases",
        cases,
        "--seed",
        seed,
        "--today",
        "2026-11-20",
    ]);
    db
}

#[test]
fn demo_is_deterministic_and_varied() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path(), "a.sqlite", "300", "5");
    let b = demo(dir.path(), "b.sqlite", "300", "5");
    let c = demo(dir.path(), "c.sqlite", "300", "6");
    let list = |db: &Path| json(&["cases", "--db", db.to_str().unwrap()]);
    assert_eq!(list(&a), list(&b), "same seed, same cases");
    assert_ne!(
        list(&a),
        list(&c),
        "another seed, another office and other cases"
    );
    let cases = list(&a);
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 300);
    for kind in ["issue", "extend", "reissue", "duplicate"] {
        assert!(cases.iter().any(|c| c["kind"] == kind), "no {kind} case");
    }
    for field in ["id", "kind", "status", "applicant"] {
        assert!(cases.iter().all(|c| !c[field].is_null()), "{field}");
    }
    // Several years, several rule sets, names in several scripts.
    let rule_sets: std::collections::BTreeSet<&str> = cases
        .iter()
        .map(|c| c["rule_set"].as_str().unwrap())
        .collect();
    assert!(rule_sets.len() >= 2, "{rule_sets:?}");
    let native: i64 = rusqlite::Connection::open(&a)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM applicants WHERE name_native <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(native > 0);
    // Another seed is another office.
    let (_, sa) = sqlite3(&a, "SELECT value FROM meta WHERE key = 'store_id'");
    let (_, sc) = sqlite3(&c, "SELECT value FROM meta WHERE key = 'store_id'");
    assert_ne!(sa, sc);
    // demo refuses a store that is not empty.
    let (ok, out, err) = run(&["demo", "--db", a.to_str().unwrap(), "--cases", "5"]);
    assert!(!ok && out.is_empty() && err.contains("not empty"), "{err}");
}

#[test]
fn certificates_and_search_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "s.sqlite", "300", "3");
    let db = db.to_str().unwrap();
    let all = json(&["certificates", "--db", db, "--today", "2026-11-20"]);
    let all = all.as_array().unwrap();
    assert!(all.len() > 50);
    for c in all {
        for field in [
            "number",
            "holder",
            "profession",
            "valid_from",
            "valid_to",
            "status",
        ] {
            assert!(
                c[field].is_string() && !c[field].as_str().unwrap().is_empty(),
                "{field} in {c}"
            );
        }
    }
    let month = json(&[
        "certificates",
        "--db",
        db,
        "--month",
        "2025-06",
        "--lang",
        "ru",
    ]);
    assert!(month
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["issued_on"].as_str().unwrap().starts_with("2025-06")));
    let (ok, out, err) = run(&["certificates", "--db", db, "--month", "2025-13"]);
    assert!(!ok && out.is_empty() && err.contains("2025-13"), "{err}");
    // Search by a certificate number, a passport number and a name in Cyrillic.
    let cert = all[0]["number"].as_str().unwrap();
    let hits = json(&["cases", "--db", db, "--search", cert]);
    assert!(
        hits["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["certificate"] == cert),
        "{cert}"
    );
    let any = json(&["cases", "--db", db, "--limit", "1"]);
    let passport = any[0]["passport_number"].as_str().unwrap().to_string();
    assert!(
        json(&["cases", "--db", db, "--search", &passport.to_lowercase()])["cases"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["passport_number"] == passport.as_str())
    );
    let cyr = any[0]["applicant_cyrillic"]
        .as_str()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_uppercase();
    assert!(
        !json(&["cases", "--db", db, "--search", &cyr])["cases"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{cyr}"
    );
    // A page at a time: the total is every match, the pages do not overlap and cover them all.
    let first = json(&["cases", "--db", db, "--search", &cyr, "--limit", "2"]);
    let total = first["total"].as_u64().unwrap() as usize;
    assert!(first["cases"].as_array().unwrap().len() == total.min(2));
    let mut seen = std::collections::BTreeSet::new();
    let mut offset = 0;
    while offset < total {
        let page = json(&[
            "cases",
            "--db",
            db,
            "--search",
            &cyr,
            "--limit",
            "2",
            "--offset",
            &offset.to_string(),
        ]);
        for c in page["cases"].as_array().unwrap() {
            assert!(seen.insert(c["id"].as_i64().unwrap()), "pages overlap");
        }
        offset += 2;
    }
    assert_eq!(seen.len(), total);
}

#[test]
fn tampering_with_the_sqlite3_shell_is_detected_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "t.sqlite", "120", "9");
    let dbs = db.to_str().unwrap();
    let v = json(&["verify", "--db", dbs]);
    assert_eq!(v["ok"], true);
    let events = v["events"].as_i64().unwrap();
    assert!(events > 100);

    // The trail refuses plain edits.
    let (ok, msg) = sqlite3(&db, "UPDATE audit SET login = 'someone' WHERE seq = 40;");
    assert!(!ok && msg.contains("append-only"), "{msg}");
    let (ok, msg) = sqlite3(&db, "DELETE FROM audit WHERE seq = 40;");
    assert!(!ok && msg.contains("append-only"), "{msg}");

    // Around the triggers: change one event's content.
    let copy = dir.path().join("edit.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    sqlite3(&copy, "DROP TRIGGER audit_no_update; UPDATE audit SET entity_id = entity_id || '9' WHERE seq = 40;");
    let (ok, out, err) = run(&["verify", "--db", copy.to_str().unwrap()]);
    assert!(!ok && out.is_empty(), "{out}");
    assert!(err.contains("event 40"), "{err}");

    // Delete one in the middle.
    let copy = dir.path().join("delete.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    sqlite3(
        &copy,
        "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 57;",
    );
    let (ok, _, err) = run(&["verify", "--db", copy.to_str().unwrap()]);
    assert!(!ok && err.contains("event 57"), "{err}");

    // Remove the last events.
    let copy = dir.path().join("truncate.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    sqlite3(
        &copy,
        &format!(
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > {};",
            events - 3
        ),
    );
    let (ok, _, err) = run(&["verify", "--db", copy.to_str().unwrap()]);
    assert!(
        !ok && err.contains(&format!("event {}", events - 2)),
        "{err}"
    );

    // Change the time of an event.
    let copy = dir.path().join("time.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    sqlite3(
        &copy,
        "DROP TRIGGER audit_no_update; UPDATE audit SET at = '2020-01-01T00:00:00' WHERE seq = 2;",
    );
    let (ok, _, err) = run(&["verify", "--db", copy.to_str().unwrap()]);
    assert!(!ok && err.contains("event 2"), "{err}");
}

#[test]
fn sigkill_at_random_moments_loses_no_committed_case() {
    let dir = tempfile::tempdir().unwrap();
    let seed: u64 = std::env::var("ANYQTAMA_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261121);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let rounds = 16;
    let mut killed_mid_write = 0;
    for round in 0..rounds {
        let db = dir.path().join(format!("k{round}.sqlite"));
        let mut child = Command::new(BIN)
            .args([
                "demo",
                "--db",
                db.to_str().unwrap(),
                "--cases",
                "4000",
                "--seed",
                &round.to_string(),
                "--today",
                "2026-11-20",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read progress in the background: every line is a count already committed.
        let stderr = child.stderr.take().unwrap();
        let committed = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
        let c2 = committed.clone();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str::<Value>(&line) {
                    if let Some(n) = v["committed"].as_i64() {
                        c2.store(n, std::sync::atomic::Ordering::SeqCst);
                    }
                }
            }
        });
        let wait = Duration::from_millis(rng.random_range(30..2500));
        let start = Instant::now();
        while start.elapsed() < wait {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let seen_before_kill = committed.load(std::sync::atomic::Ordering::SeqCst);
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            // SIGKILL: no chance to clean up.
            child.kill().unwrap();
            killed_mid_write += 1;
        }
        child.wait().unwrap();
        reader.join().unwrap();
        let committed = committed
            .load(std::sync::atomic::Ordering::SeqCst)
            .max(seen_before_kill);
        if !db.exists() {
            continue;
        }
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round} (seed {seed})");
        let has_cases: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'cases'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let cases: i64 = if has_cases > 0 {
            conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
                .unwrap()
        } else {
            0
        };
        assert!(
            cases >= committed,
            "round {round} (seed {seed}): {committed} reported committed, {cases} found"
        );
        drop(conn);
        if has_cases > 0 {
            let (ok, out, err) = run(&["verify", "--db", db.to_str().unwrap()]);
            assert!(ok, "round {round} (seed {seed}): {err}{out}");
        }
    }
    assert!(
        killed_mid_write >= rounds / 2,
        "most rounds must kill a running writer ({killed_mid_write})"
    );
}

#[test]
fn a_store_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "n.sqlite", "20", "1");
    sqlite3(&db, "PRAGMA user_version = 99;");
    let before = std::fs::read(&db).unwrap();
    for cmd in [vec!["verify"], vec!["cases"], vec!["due"]] {
        let mut args = cmd.clone();
        args.extend(["--db", db.to_str().unwrap()]);
        let (ok, out, err) = run(&args);
        assert!(!ok && out.is_empty(), "{cmd:?}");
        assert!(err.contains("newer version"), "{err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
    let (ok, _, err) = run(&[
        "verify",
        "--db",
        dir.path().join("missing.sqlite").to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("missing.sqlite"), "{err}");
}

#[test]
fn backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "b.sqlite", "60", "2");
    let dbs = db.to_str().unwrap();
    let copy = dir.path().join("copy.sqlite");
    json(&["backup", "--db", dbs, "--out", copy.to_str().unwrap()]);
    let (ok, _, err) = run(&["backup", "--db", dbs, "--out", copy.to_str().unwrap()]);
    assert!(!ok && err.contains("already exists"), "{err}");
    let before = json(&["cases", "--db", dbs]);
    // Damage the live store's data, then restore the copy.
    sqlite3(&db, "UPDATE applicants SET surname_latin = 'DAMAGED';");
    let r = json(&["restore", "--db", dbs, "--from", copy.to_str().unwrap()]);
    assert!(r["previous_kept_as"]
        .as_str()
        .unwrap()
        .contains("before-restore"));
    assert_eq!(json(&["cases", "--db", dbs]), before);
    assert_eq!(json(&["verify", "--db", dbs])["ok"], true);
    // A file that is not a store, or a tampered copy, is refused and the store is left as it was.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let (ok, _, err) = run(&["restore", "--db", dbs, "--from", junk.to_str().unwrap()]);
    assert!(!ok && err.contains("junk.sqlite"), "{err}");
    sqlite3(
        &copy,
        "DROP TRIGGER audit_no_update; UPDATE audit SET login = 'x' WHERE seq = 3;",
    );
    let (ok, _, err) = run(&["restore", "--db", dbs, "--from", copy.to_str().unwrap()]);
    assert!(!ok && err.contains("event 3"), "{err}");
    assert_eq!(json(&["cases", "--db", dbs]), before);
    // Rotating automatic backups: one a day.
    let auto = dir.path().join("auto");
    let first = json(&[
        "backup",
        "--db",
        dbs,
        "--auto",
        auto.to_str().unwrap(),
        "--keep",
        "2",
    ]);
    assert!(first["backup"].is_string());
    let second = json(&[
        "backup",
        "--db",
        dbs,
        "--auto",
        auto.to_str().unwrap(),
        "--keep",
        "2",
    ]);
    assert!(
        second["backup"].is_null(),
        "a second one the same day is not made"
    );
}

/// Two demo offices (different seeds are different offices) export; a higher office imports from
/// the command line: an unknown office is refused with its fingerprint in the user's language, a
/// trusted import consolidates into the sources' counts, the same file again changes nothing.
#[test]
fn bundles_from_two_offices_consolidate_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path(), "a.sqlite", "150", "1");
    let b = demo(dir.path(), "b.sqlite", "120", "2");
    let region = dir.path().join("region.sqlite");
    let (r, a_zip, b_zip) = (
        region.to_str().unwrap(),
        dir.path().join("a.zip"),
        dir.path().join("b.zip"),
    );
    let made = json(&[
        "bundle",
        "export",
        "--db",
        a.to_str().unwrap(),
        "--since-last",
        "--out",
        a_zip.to_str().unwrap(),
        "--user",
        "admin",
    ]);
    json(&[
        "bundle",
        "export",
        "--db",
        b.to_str().unwrap(),
        "--since-last",
        "--out",
        b_zip.to_str().unwrap(),
        "--user",
        "admin",
    ]);
    let fingerprint = made["fingerprint"].as_str().unwrap();
    let out = Command::new(BIN)
        .args([
            "--lang",
            "ru",
            "bundle",
            "import",
            "--db",
            r,
            a_zip.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(fingerprint) && err.contains("--trust-new-office"),
        "{err}"
    );
    for (zip, db) in [(&a_zip, &a), (&b_zip, &b)] {
        let report = json(&[
            "bundle",
            "import",
            "--db",
            r,
            zip.to_str().unwrap(),
            "--trust-new-office",
        ]);
        let (_, cases) = sqlite3(db, "SELECT count(*) FROM cases");
        assert_eq!(report["cases"]["new"].to_string(), cases.trim());
    }
    let offices = json(&["bundle", "offices", "--db", r]);
    assert_eq!(offices.as_array().unwrap().len(), 2);
    let again = json(&["bundle", "import", "--db", r, a_zip.to_str().unwrap()]);
    assert_eq!(again["already_imported"], true);
    let (_, total) = sqlite3(&region, "SELECT count(*) FROM hq_cases");
    assert_eq!(total.trim(), "270");
    // A byte changed on the stick: refused, and named as a change after signing.
    let mut bytes = std::fs::read(&b_zip).unwrap();
    let i = bytes.len() / 3;
    bytes[i] ^= 0x20;
    std::fs::write(&b_zip, &bytes).unwrap();
    let (ok, _, err) = run(&["bundle", "import", "--db", r, b_zip.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("changed after the office signed it") || err.contains("damaged"),
        "{err}"
    );
}

/// Issue 12: an edit with the sqlite3 shell that leaves the audit chain whole is still named by
/// `verify`, in the user's language, with the table, the row and the field.
#[test]
fn verify_names_an_outside_edit_of_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "office.sqlite", "120", "4");
    let v = json(&["verify", "--db", db.to_str().unwrap()]);
    assert_eq!(v["ok"], true);
    let (ok, id) = sqlite3(
        &db,
        "SELECT id FROM certificates WHERE seal IS NOT NULL ORDER BY id LIMIT 1",
    );
    assert!(ok);
    let id = id.trim().to_string();
    let (ok, _) = sqlite3(
        &db,
        &format!("UPDATE certificates SET valid_to = '2031-01-01' WHERE id = {id}"),
    );
    assert!(ok);
    for (lang, word) in [("en", "valid_to"), ("ru", "таблице"), ("kk", "кестесінде")]
    {
        let (ok, out, err) = run(&["--lang", lang, "verify", "--db", db.to_str().unwrap()]);
        assert!(!ok && out.is_empty(), "{lang}: {out}");
        assert!(err.contains(word) && err.contains(&id), "{lang}: {err}");
    }
}
