//! The rules of the house (CONTRIBUTING.md), checked: which crate may depend on which, and where
//! the clock may be read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Our crates each crate depends on (normal dependencies, not dev-dependencies).
fn our_dependencies(manifest: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    value
        .get("dependencies")
        .and_then(|d| d.as_table())
        .map(|t| {
            t.keys()
                .filter(|k| k.starts_with("anyqtama-"))
                .map(|k| k.trim_start_matches("anyqtama-").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn crates_depend_only_downwards() {
    // The house (ARCHITECTURE.md): rules <- i18n, store <- demo, docs, sync <- app <- the doors.
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("rules", &[][..]),
        ("i18n", &["rules"][..]),
        ("store", &["rules"][..]),
        ("demo", &["rules", "store"][..]),
        ("docs", &["rules", "i18n"][..]),
        ("sync", &["rules", "store"][..]),
        (
            "app",
            &["rules", "i18n", "store", "demo", "docs", "sync"][..],
        ),
        ("cli", &["rules", "i18n", "store", "app", "sync"][..]),
    ]);
    let mut wrong = Vec::new();
    for (krate, ok) in &allowed {
        let manifest = root().join("crates").join(krate).join("Cargo.toml");
        for dep in our_dependencies(&manifest) {
            if !ok.contains(&dep.as_str()) {
                wrong.push(format!("{krate} -> {dep}"));
            }
        }
    }
    // The window's shell is a door like the command line.
    for dep in our_dependencies(&root().join("src-tauri/Cargo.toml")) {
        if !["rules", "i18n", "store", "app", "sync"].contains(&dep.as_str()) {
            wrong.push(format!("src-tauri -> {dep}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the house: {wrong:?}"
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_doors_clock_is_read() {
    // Time is passed in: the rules, the store, the documents, the bundles and the demo never read
    // the clock; `anyqtama_app::clock` is the one place the doors read it.
    let mut files = Vec::new();
    for dir in ["rules", "store", "docs", "sync", "demo", "i18n"] {
        rust_files(&root().join("crates").join(dir).join("src"), &mut files);
    }
    rust_files(&root().join("crates/app/src"), &mut files);
    let clock = root().join("crates/app/src/clock.rs");
    let mut found = Vec::new();
    for f in files.iter().filter(|f| **f != clock) {
        let text = std::fs::read_to_string(f).unwrap();
        for pattern in ["Local::now", "Utc::now", "SystemTime::now", "Instant::now"] {
            if text.contains(pattern) {
                found.push(format!("{}: {pattern}", f.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the clock read outside app::clock: {found:?}"
    );
}
