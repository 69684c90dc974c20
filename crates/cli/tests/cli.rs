//! The command-line contract of PRODUCT.md, through the real binary.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn anyqtama(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anyqtama"))
        .args(args)
        .env_remove("LANG")
        .env_remove("ANYQTAMA_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn ok_json(args: &[&str], stdin: Option<&str>) -> Value {
    let out = anyqtama(args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Refused: non-zero exit, nothing on stdout, a message on stderr; returns the message.
fn refused(args: &[&str], stdin: Option<&str>) -> String {
    let out = anyqtama(args, stdin);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed on stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.trim().is_empty());
    err
}

const EXAMPLE: &str = r#"{
  "service": "issue",
  "received_at": "2026-03-20T17:45",
  "office_hours": {"open": "09:00", "close": "18:30"},
  "profession_in_list": true,
  "qualification_matches": true,
  "documents_reliable": true,
  "education": {"higher": true, "academic_degree": false, "english_teaching_certificate": false},
  "experience": [{"from": "2014-09-01", "to": "2020-08-31"}]
}"#;

#[test]
fn evaluate_reproduces_the_product_example_from_stdin_and_file() {
    let expected = |o: &Value| {
        assert_eq!(o["rule_set"], "order-426-2026");
        assert_eq!(o["registered_on"], "2026-03-20");
        assert_eq!(o["experience"], json!({"years": 6, "months": 0, "days": 0}));
        assert_eq!(
            o["points"],
            json!({"higher_education": 3, "academic_degree": 0, "english_teaching_certificate": 0, "experience": 4})
        );
        assert_eq!(o["total"], 7);
        assert_eq!(o["threshold"], 6);
        assert_eq!(o["recommendation"], "issue");
        assert_eq!(o["refusal_grounds"], json!([]));
        assert_eq!(
            o["deadlines"],
            json!({"to_commission": "2026-03-27", "commission_decision": "2026-04-01", "decision": "2026-04-01"})
        );
        assert!(o["citations"].as_array().is_some_and(|c| !c.is_empty()));
    };
    expected(&ok_json(&["evaluate"], Some(EXAMPLE)));
    expected(&ok_json(&["evaluate", "-"], Some(EXAMPLE)));
    let path = std::env::temp_dir().join(format!("anyqtama-example-{}.json", std::process::id()));
    std::fs::write(&path, EXAMPLE).unwrap();
    expected(&ok_json(&["evaluate", path.to_str().unwrap()], None));
    std::fs::remove_file(path).ok();
}

#[test]
fn evaluate_refuses_bad_input_with_a_message() {
    assert!(refused(&["evaluate"], Some("{\"service\": ")).contains("JSON"));
    assert!(refused(
        &["evaluate"],
        Some(&EXAMPLE.replace("\"issue\"", "\"renew\""))
    )
    .contains("issue, extend, reissue, duplicate"));
    assert!(refused(
        &["evaluate"],
        Some(&EXAMPLE.replace(
            "\"service\": \"issue\",",
            "\"service\": \"issue\", \"rule_set\": \"order-9\","
        ))
    )
    .contains("order-426-2026"));
    assert!(refused(
        &["evaluate"],
        Some(&EXAMPLE.replace("2026-03-20T17:45", "2026-02-30T17:45"))
    )
    .contains("2026-02-30"));
    assert!(refused(
        &["evaluate"],
        Some(&EXAMPLE.replace("2020-08-31", "2013-08-31"))
    )
    .contains("2013-08-31"));
    assert!(refused(&["evaluate", "/no/such/file.json"], None).contains("/no/such/file.json"));
    // In the user's language.
    let ru = refused(
        &["evaluate", "--lang", "ru"],
        Some(&EXAMPLE.replace("\"issue\"", "\"renew\"")),
    );
    assert!(ru.contains("Неизвестный вид услуги"), "{ru}");
    let kk = refused(
        &["--lang", "kk", "evaluate"],
        Some(&EXAMPLE.replace("2020-08-31", "2013-08-31")),
    );
    assert!(kk.contains("Жұмыс кезеңі"), "{kk}");
}

#[test]
fn calendar_add_working_days() {
    let out = anyqtama(&["calendar", "add-working-days", "2026-03-20", "2"], None);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "2026-03-27\n");
    let out = anyqtama(&["calendar", "add-working-days", "2026-03-20", "3"], None);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "2026-03-30\n");
    refused(&["calendar", "add-working-days", "2026-13-01", "2"], None);
    refused(&["calendar", "add-working-days", "2026-03-20", "-1"], None);
    refused(&["calendar", "add-working-days", "2026-03-20", "two"], None);
    assert!(refused(&["calendar", "add-working-days", "2040-03-20", "2"], None).contains("2040"));
}

#[test]
fn calendar_non_working() {
    let o = ok_json(&["calendar", "non-working", "2026"], None);
    assert_eq!(o["year"], 2026);
    let dates: Vec<&str> = o["non_working"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    for day in [
        "2026-01-01",
        "2026-01-02",
        "2026-01-07",
        "2026-03-09",
        "2026-03-23",
        "2026-03-24",
        "2026-03-25",
        "2026-05-01",
        "2026-05-07",
        "2026-05-11",
        "2026-05-27",
        "2026-07-06",
        "2026-10-26",
        "2026-12-16",
    ] {
        assert!(dates.contains(&day), "{day} missing from {dates:?}");
    }
    assert!(
        !dates.contains(&"2026-03-21"),
        "weekend days are not listed"
    );
    assert!(o["non_working"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| !e["reason"].as_str().unwrap().is_empty()));
    assert_eq!(o["working_weekend_days"], json!([]));

    let o = ok_json(&["calendar", "non-working", "2025", "--lang", "ru"], None);
    assert_eq!(o["working_weekend_days"][0]["date"], "2025-01-05");
    let jan3 = o["non_working"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["date"] == "2025-01-03")
        .unwrap();
    assert!(jan3["reason"].as_str().unwrap().contains("постановлением"));
    refused(&["calendar", "non-working", "26"], None);
    refused(&["calendar", "non-working", "2035"], None);
}

#[test]
fn lists_search() {
    let hits = ok_json(&["lists", "search", "онколог", "--lang", "ru"], None);
    let hits = hits.as_array().unwrap();
    assert!(hits
        .iter()
        .any(|h| h["list"] == "order-236-annex-2" && h["name"] == "Врач – онколог"));
    assert!(hits
        .iter()
        .any(|h| h["list"] == "order-49-annex-2" && h["number"] == "2211-7-004"));
    let hits = ok_json(&["lists", "search", "software", "developer"], None);
    assert!(!hits.as_array().unwrap().is_empty());
    assert_eq!(ok_json(&["lists", "search", "zzzz"], None), json!([]));
    refused(&["lists", "search", "--lang", "de", "x"], None);
}

/// Issue 13, item 3: a command line clap refuses is answered in the user's language, with exit
/// code 2, naming what was wrong; help still prints (clap's, in English, with the commands' names).
#[test]
fn a_mistyped_command_line_is_answered_in_the_users_language() {
    let cases: [(&[&str], &str, [&str; 3]); 4] = [
        (
            &["calendar", "non-working", "2026", "--bogus"],
            "--bogus",
            ["қабылдамайды", "не принимает", "does not take"],
        ),
        (
            &["frobnicate"],
            "frobnicate",
            ["командасы емес", "не команда", "is not an anyqtama command"],
        ),
        (
            &["calendar", "add-working-days", "2026-03-02"],
            "<N>",
            ["қажет", "нужно", "needs"],
        ),
        (
            &["print", "certificate", "N-1", "--copies", "many"],
            "many",
            ["жарамайды", "не подходит", "does not fit"],
        ),
    ];
    for (args, named, words) in cases {
        for (lang, word) in ["kk", "ru", "en"].iter().zip(words) {
            let mut line = vec!["--lang", lang];
            line.extend_from_slice(args);
            let out = anyqtama(&line, None);
            assert_eq!(out.status.code(), Some(2), "{line:?}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains(word) && err.contains(named), "{line:?}: {err}");
            assert!(
                !err.contains(concat!("error", "-cli")),
                "a message id, not a message: {err}"
            );
        }
    }
    let help = anyqtama(&["--help"], None);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("calendar"));
}
