//! The two doors stay thin (ARCHITECTURE.md, "Both doors are thin"): the desktop shell and the
//! command line hold no SQL and no rule-set id; what they need from the store is a function of the
//! store or the app crate, so both doors get the same answer.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_shell_and_the_command_line_hold_no_sql_and_no_law() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for door in ["src-tauri/src", "crates/cli/src"] {
        sources(&root.join(door), &mut files);
    }
    assert!(files.len() > 10, "found the doors' sources: {files:?}");
    let forbidden = [
        "query_row",
        ".prepare(",
        ".execute(",
        "execute_batch",
        "rusqlite",
        "\"order-503",
        "\"order-236",
        "\"order-426",
    ];
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "move these into the store or app crate:\n{}",
        found.join("\n")
    );
}
