//! Every message exists in Kazakh, Russian and English, with the same variables; every error has a
//! message; every message id the code asks for exists.

use anyqtama_i18n::{message_ids, Lang, Messages, SOURCES};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn text(lang: Lang) -> String {
    SOURCES
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .map(|(_, _, t)| *t)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Message id -> the variables it uses.
fn variables(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = fluent_syntax::parser::parse(text.to_string())
        .unwrap_or_else(|(_, errs)| panic!("does not parse: {errs:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                collect(v, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn collect(p: &ast::Pattern<String>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, vars);
        }
    }
}

fn expr(e: &ast::Expression<String>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline(selector, vars);
            for v in variants {
                collect(&v.value, vars);
            }
        }
    }
}

fn inline(i: &ast::InlineExpression<String>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.clone());
        }
        ast::InlineExpression::Placeable { expression } => expr(expression, vars),
        _ => {}
    }
}

#[test]
fn every_id_in_every_language_with_the_same_variables() {
    let en = variables(&text(Lang::En));
    assert!(en.len() > 20);
    for lang in [Lang::Kk, Lang::Ru] {
        let other = variables(&text(lang));
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in en {extra:?}",
            lang.code()
        );
        for (id, vars) in &en {
            assert_eq!(&other[id], vars, "{}: variables of {id}", lang.code());
        }
    }
    assert_eq!(message_ids(&text(Lang::Kk)), message_ids(&text(Lang::En)));
}

#[test]
fn every_rules_error_has_a_message() {
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for e in anyqtama_rules::error::examples() {
            let msg = m.rules_error(&e);
            assert!(
                !msg.starts_with("error-"),
                "{}: no message for {}",
                lang.code(),
                e.code()
            );
            for (_, v) in e.args() {
                assert!(
                    msg.contains(&v),
                    "{}: {} does not show {v}",
                    lang.code(),
                    e.code()
                );
            }
        }
    }
}

/// Scans the workspace's Rust and JavaScript for message ids in quotes (`"error-..."`,
/// `"calendar-..."`, `"app-..."`) and checks each exists.
#[test]
fn every_id_the_code_uses_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let known = message_ids(&text(Lang::En));
    let mut used = BTreeSet::new();
    for dir in ["crates", "src-tauri/src", "ui"] {
        scan(&root.join(dir), &mut used);
    }
    assert!(used.len() > 10, "the scan found the ids: {used:?}");
    // An error code (`calendar-year-missing`) is shown through its `error-` message.
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !known.contains(*id) && !known.contains(&format!("error-{id}")))
        .collect();
    assert!(
        missing.is_empty(),
        "ids used in code but missing in locales: {missing:?}"
    );
}

fn scan(dir: &Path, used: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if !["target", "node_modules", "tests", "dist"].contains(&name.as_str()) {
                scan(&path, used);
            }
        } else if name.ends_with(".rs") || name.ends_with(".js") || name.ends_with(".ts") {
            let src = std::fs::read_to_string(&path).unwrap_or_default();
            for part in src.split('"').skip(1).step_by(2) {
                let prefixes = [
                    "ui-",
                    "error-",
                    "calendar-",
                    "app-",
                    "doc-",
                    "cert-",
                    "form-",
                    "refusal-",
                    "protocol-",
                    "register-",
                    "grounds-",
                    "ruleset-",
                ];
                let is_id = prefixes.iter().any(|p| part.starts_with(p))
                    && part.len() > 5
                    && !part.ends_with('-')
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if is_id {
                    used.insert(part.to_string());
                }
            }
        }
    }
}

#[test]
fn every_store_error_and_document_has_a_message() {
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for e in anyqtama_store::error::examples() {
            let msg = m.get(&format!("error-{}", e.code()), &e.args());
            assert!(
                !msg.starts_with("error-"),
                "{}: no message for {}",
                lang.code(),
                e.code()
            );
            let id = format!("error-{}", e.code());
            for (name, v) in e.args() {
                if [
                    "status",
                    "action",
                    "roles",
                    "recommendation",
                    "problem",
                    "what",
                ]
                .contains(&name)
                {
                    // A code is translated by the message: it must not print the way the fallback
                    // branch prints an unknown code.
                    let args: Vec<(&str, String)> = e
                        .args()
                        .into_iter()
                        .map(|(n, x)| (n, if n == name { "zzz".to_string() } else { x }))
                        .collect();
                    let fallback = m.get(&id, &args).replace("zzz", &v);
                    assert_ne!(
                        msg,
                        fallback,
                        "{}: {id} does not translate {name} = {v}",
                        lang.code()
                    );
                } else {
                    assert!(msg.contains(&v), "{}: {id} does not show {v}", lang.code());
                }
            }
        }
        for d in anyqtama_rules::ruleset::DocumentKind::ALL {
            let id = format!("doc-{}", d.as_str());
            assert_ne!(m.get(&id, &[]), id, "{}: {id}", lang.code());
        }
    }
}

/// The window builds some ids from a prefix and a code; every code must have its message.
#[test]
fn window_ids_built_from_codes_exist() {
    let known = message_ids(&text(Lang::En));
    let mut ids: Vec<String> = anyqtama_store::CaseStatus::ALL
        .iter()
        .map(|s| format!("ui-status-{}", s.as_str()))
        .collect();
    ids.extend(
        anyqtama_rules::Service::ALL
            .iter()
            .map(|k| format!("ui-kind-{}", k.as_str())),
    );
    ids.extend(
        ["to_commission", "commission_decision", "decision"]
            .iter()
            .map(|s| format!("ui-step-{s}")),
    );
    let missing: Vec<_> = ids.iter().filter(|id| !known.contains(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn every_role_has_a_name_in_the_window() {
    let known = message_ids(&text(Lang::Kk));
    for r in anyqtama_store::Role::ALL {
        assert!(known.contains(&format!("ui-role-{}", r.as_str())), "{r}");
    }
}

/// Every field the store can refuse has a sentence of its own in each language, so the window can
/// say next to the field what to change.
#[test]
fn every_field_the_store_refuses_has_a_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let known = message_ids(&text(Lang::En));
    let mut fields = BTreeSet::new();
    let mut files = Vec::new();
    for dir in ["store/src", "app/src", "rules/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    for path in files {
        let src = std::fs::read_to_string(path).unwrap();
        for marker in ["field: \"", "non_empty(\"", "invalid(\""] {
            for part in src.split(marker).skip(1) {
                fields.insert(part.split('"').next().unwrap().to_string());
            }
        }
    }
    fields.remove("f");
    assert!(fields.len() > 20, "{fields:?}");
    let missing: Vec<_> = fields
        .iter()
        .filter(|f| !known.contains(&format!("error-field-{f}")))
        .collect();
    assert!(
        missing.is_empty(),
        "fields without error-field-*: {missing:?}"
    );
}

/// Every reason a bundle is refused has a message in each language, showing its arguments.
#[test]
fn every_bundle_error_has_a_message() {
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for e in anyqtama_sync::SyncError::examples() {
            let id = format!("error-{}", e.code());
            let msg = m.get(&id, &e.args());
            assert_ne!(msg, id, "{}: no message for {id}", lang.code());
            for (_, v) in e.args() {
                assert!(msg.contains(&v), "{}: {id} does not show {v}", lang.code());
            }
        }
    }
}

#[test]
fn a_refused_fields_reason_code_is_worded_never_printed() {
    // The store refuses a field with a language-neutral reason code; no English (or code) may
    // reach a Kazakh or Russian sentence ("Анықтаманы тексеріңіз: required" was the bug).
    let cases = [
        ("certificate", "required"),
        ("certificate", "not_for_issue"),
        ("applicant", "not_holder"),
        ("applicant", "holder_on_file"),
        ("passport_number", "shape"),
        ("birth_date", "future"),
        ("birth_date", "age"),
        ("passport_issued_on", "before_birth"),
        ("event_on", "application"),
        ("received_at", "future"),
        ("contract_from", "future"),
    ];
    // (In English a code may be a word of the sentence: "cannot be in the future".)
    for lang in [Lang::Kk, Lang::Ru] {
        let m = Messages::new(lang);
        for (field, code) in cases {
            let text = m.invalid_field(field, code);
            assert!(
                !text.contains(code) && !text.starts_with("error-"),
                "{}: {field}/{code}: {text}",
                lang.code()
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A refused field's detail is a reason code (or the value refused), worded per language by its
/// message, never an English phrase that would stand inside a Kazakh or Russian sentence.
#[test]
fn refusal_details_are_codes_not_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["store/src", "app/src", "rules/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut prose = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        for part in src.split("detail: \"").skip(1) {
            let text = part.split('"').next().unwrap();
            if text.contains(' ') {
                prose.push(format!("{}: {text}", path.display()));
            }
        }
    }
    assert!(prose.is_empty(), "details written as prose: {prose:?}");
}

/// No message id is given twice in one language (across all its files): the bundle refuses it,
/// and a program that built its messages only on an error path would fail there.
#[test]
fn every_language_builds_with_each_id_once() {
    for lang in Lang::ALL {
        let m = anyqtama_i18n::Messages::new(lang);
        assert!(!m.get("app-title", &[]).is_empty());
    }
}

/// Every action the audit trail can record (the lifecycle's actions and the store's own events:
/// keys, backups, bundles, the record of rows) has its name on the audit screen in kk, ru and en.
#[test]
fn every_audit_action_has_a_name_on_the_audit_screen() {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/src");
    let mut files = Vec::new();
    let mut dirs = vec![store];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    let mut actions = BTreeSet::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for line in src.lines() {
            let line = line.trim();
            let quoted = |after: &str| {
                line.split_once(after)
                    .and_then(|(_, rest)| rest.strip_prefix('"'))
                    .and_then(|rest| rest.split_once('"'))
                    .map(|(name, _)| name.to_string())
            };
            // `action: "office_key",` in an Event; `Action::Decide => "decide",` in the lifecycle.
            if let Some(name) = quoted("action: ") {
                actions.insert(name);
            }
            if line.starts_with("Action::") {
                if let Some(name) = quoted("=> ") {
                    actions.insert(name);
                }
            }
        }
    }
    assert!(
        actions.len() > 20,
        "the scan found the actions: {actions:?}"
    );
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let known = message_ids(&text(lang));
        let missing: Vec<_> = actions
            .iter()
            .filter(|a| !known.contains(&format!("ui-action-{a}")))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: no ui-action- name for {missing:?}",
            lang.code()
        );
    }
}

/// Every rule set the program ships has its name as a message in kk, ru and en: the window shows
/// "Приказ № 236 (в ред. приказа № 426 …)", never the id `order-426-2026` (issue 15).
#[test]
fn every_rule_set_has_a_name_in_every_language() {
    let sets = anyqtama_rules::ruleset::RuleSets::embedded();
    assert!(sets.all().len() >= 3);
    for lang in [Lang::Kk, Lang::Ru, Lang::En] {
        let known = message_ids(&text(lang));
        for rs in sets.all() {
            for id in [
                format!("ruleset-{}", rs.id.as_str()),
                format!("ruleset-{}-in-force", rs.id.as_str()),
            ] {
                assert!(known.contains(&id), "{}: no {id}", lang.code());
            }
        }
        let lists = anyqtama_rules::lists::Lists::embedded();
        for meta in [&lists.priority.meta, &lists.residence.meta] {
            let id = format!("list-{}", meta.id);
            assert!(known.contains(&id), "{}: no {id}", lang.code());
        }
    }
}
