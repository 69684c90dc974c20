//! The window's TypeScript types are generated from the Rust ones (issue 11: never written twice).
//! This test declares every type that crosses the boundary, with everything they refer to, into
//! one file and fails when `ui/src/bindings.ts` differs from it. After changing a type, run
//! `ANYQTAMA_UPDATE_BINDINGS=1 cargo test -p anyqtama-app --test bindings` and commit the file.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use ts_rs::{Config, TypeVisitor, TS};

/// Every declaration reachable from the roots, by TypeScript name.
struct Collect<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, (TypeId, String)>,
    clashes: Vec<String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let name = T::ident(self.cfg);
        let decl = T::decl(self.cfg);
        let docs = T::docs()
            .map(|d| format!("{}\n", d.trim_end()))
            .unwrap_or_default();
        let text = format!("{docs}export {decl}");
        match self.decls.get(&name) {
            // The same declaration twice (serde_json's Value and its Map) is one.
            Some((_, known)) if *known == text => {}
            Some((id, _)) if *id != TypeId::of::<T>() => self.clashes.push(name.clone()),
            _ => {
                self.decls.insert(name, (TypeId::of::<T>(), text));
            }
        }
        T::visit_dependencies(self);
    }
}

macro_rules! roots {
    ($v:expr; $($t:ty),* $(,)?) => { $( $v.visit::<$t>(); )* };
}

fn generated() -> String {
    use anyqtama_app::*;
    use anyqtama_store as store;
    let cfg = Config::new().with_large_int("number");
    let mut v = Collect {
        cfg: &cfg,
        seen: HashSet::new(),
        decls: BTreeMap::new(),
        clashes: Vec::new(),
    };
    roots!(v;
        // What the window sends.
        store::NewApplication, store::Office, cases::Findings, cases::ActTyped,
        store::Outcome, store::Role, store::NotificationKind, store::ComplaintAddressee,
        store::ComplaintStatus, anyqtama_rules::points::RefusalGround,
        anyqtama_rules::ruleset::DocumentKind, anyqtama_rules::Service,
        // What it receives.
        explain::Message, start::AppInfo, start::StoreStatus, store::Session,
        start::DemoSummary, store::queries::Dashboard, start::Found, start::Agenda,
        cases::Checklist, anyqtama_rules::lists::Hit, cases::CertificateFound, cases::CasePage,
        cases::SittingsPage, cases::Points, cases::CaseState, store::CaseId, store::SittingId,
        store::MemberId, store::ComplaintId, store::UserId, store::CertificateNumber,
        office::Settings<'static>, office::AuditPage, office::About, Saved,
        registers::RegisterPreview, bundles::SavedBundle, bundles::HqStatus, bundles::Imported,
        store::exchange::HqRegisterRow, QrCheck, DocumentRef,
        anyqtama_app::progress::Progress,
    );
    assert!(
        v.clashes.is_empty(),
        "two Rust types have the same TypeScript name (rename one with #[ts(rename)]): {:?}",
        v.clashes
    );
    let mut out = String::from(
        "// Generated from the Rust types by crates/app/tests/bindings.rs: do not edit.\n\
         // ANYQTAMA_UPDATE_BINDINGS=1 cargo test -p anyqtama-app --test bindings\n\n",
    );
    for (_, decl) in v.decls.values() {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn the_window_types_are_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
    let fresh = generated();
    if std::env::var_os("ANYQTAMA_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/bindings.ts is not what the Rust types generate: run \
         ANYQTAMA_UPDATE_BINDINGS=1 cargo test -p anyqtama-app --test bindings"
    );
}

#[test]
fn every_declaration_is_exported_once() {
    let text = generated();
    let mut names = HashSet::new();
    for line in text.lines().filter(|l| l.starts_with("export type ")) {
        let name = line["export type ".len()..]
            .split([' ', '<', '='])
            .next()
            .unwrap()
            .to_string();
        assert!(names.insert(name.clone()), "{name} declared twice");
    }
    for needed in [
        "CasePage",
        "Checklist",
        "Message",
        "CertificateNumber",
        "Action",
    ] {
        assert!(names.contains(needed), "{needed} missing");
    }
}
