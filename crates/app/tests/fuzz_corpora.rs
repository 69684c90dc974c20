//! The fuzzers' corpora (`fuzz/corpus/<target>/`) as ordinary tests on stable Rust: every input a
//! fuzzer kept (and every crash it found, once fixed) goes through the same code as the target
//! in `fuzz/fuzz_targets/`, on every `cargo test` (issue 13). Nothing may panic.
//!
//! `ANYQTAMA_UPDATE_CORPUS=1` writes the seeds this test can make (a sealed QR payload for the
//! `qr` target's key).

use anyqtama_app::input::{self, Month};
use anyqtama_app::{Document, RegisterFormat};
use anyqtama_rules::{evaluate, Calendar, RuleSets};
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no corpus for {target}");
    out
}

fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

#[test]
fn bundle_corpus() {
    for (_, data) in corpus("bundle") {
        let _ = anyqtama_sync::verify(&data);
    }
}

#[test]
fn evaluate_corpus() {
    let (sets, cal) = (RuleSets::embedded(), Calendar::embedded());
    for (_, data) in corpus("evaluate") {
        if let Some(t) = text(&data) {
            let _ = evaluate::evaluate_json(&sets, &cal, t);
        }
    }
}

fn qr_key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[7u8; 32])
}

#[test]
fn qr_corpus() {
    let key = qr_key().verifying_key();
    let mut genuine = 0;
    for (_, data) in corpus("qr") {
        if let Some(t) = text(&data) {
            genuine += usize::from(anyqtama_store::seal::verify(t, &[key]).is_ok());
        }
    }
    assert!(genuine >= 1, "the seed corpus holds a genuine payload");
}

#[test]
fn law_toml_corpus() {
    for (_, data) in corpus("law_toml") {
        if let Some(t) = text(&data) {
            let _ = RuleSets::from_files([("fuzz.toml".to_string(), t.to_string())]);
            let _ = Calendar::from_toml(
                anyqtama_rules::calendar::holiday_kinds(),
                [("2026.toml".to_string(), t.to_string())],
            );
        }
    }
}

#[test]
fn typed_values_corpus() {
    for (_, data) in corpus("typed_values") {
        if let Some(t) = text(&data) {
            if let Ok(m) = t.parse::<Month>() {
                assert_eq!(m.to_string().parse::<Month>().ok(), Some(m), "{t:?}");
            }
            let _ = t.parse::<RegisterFormat>();
            let _ = t.parse::<Document>();
            let _ = input::doc_lang(t);
            let _ = input::date("fuzz", t);
            let _ = input::case(t);
        }
    }
}

#[test]
fn write_seed_corpora() {
    if std::env::var_os("ANYQTAMA_UPDATE_CORPUS").is_none() {
        return;
    }
    let data = anyqtama_store::seal::QrData {
        office: String::new(),
        number: "KOS-2026-00034".into(),
        copy: 0,
        issued_on: "2026-11-20".parse().unwrap(),
        valid_from: "2026-11-20".parse().unwrap(),
        valid_to: "2027-02-20".parse().unwrap(),
        holder: "KARIMOV AZIZ".into(),
        profession_id: "o236.3.1.2".into(),
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/qr");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("sealed"),
        anyqtama_store::seal::sign(&qr_key(), &data),
    )
    .unwrap();
    std::fs::write(
        dir.join("draft"),
        anyqtama_store::seal::draft_payload("KOS-2026-00034"),
    )
    .unwrap();
}
