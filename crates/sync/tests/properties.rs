//! Properties of the import (issue "Hostile and careless input", item 6): any bundles the program
//! made, from two demo offices, imported in any order and any number of times, give the same
//! consolidated store; any strict prefix of a bundle, or any single changed byte, is refused with
//! the store unchanged.

use anyqtama_demo::{self as demo, DemoOptions};
use anyqtama_store::exchange::Period;
use anyqtama_store::{Actor, Store};
use anyqtama_sync::without_registers;
use anyqtama_sync::{export, import, ImportOptions, SyncError};
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use std::sync::OnceLock;

#[path = "../../store/tests/common/raw.rs"]
mod raw;
use raw::RawSql;

const TRUST: ImportOptions = ImportOptions {
    trust_new_office: true,
    dry_run: false,
};

#[path = "common/signer.rs"]
mod signer;
use signer::signer;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap()
}

/// Every month's bundle of two demo offices, and each office's whole history as one bundle.
fn bundles() -> &'static Vec<Vec<u8>> {
    static B: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        for seed in [3, 4] {
            let mut s = Store::open(dir.path().join(format!("o{seed}.sqlite"))).unwrap();
            let opts = DemoOptions {
                cases: 90,
                seed,
                now: now(),
                years: 1,
                batch: 100,
            };
            demo::fill(&mut s, &opts, |_| {}).unwrap();
            let mut month = now().date().checked_sub_months(Months::new(12)).unwrap();
            while month <= now().date() {
                let period = Period::Month {
                    year: month.year(),
                    month: month.month(),
                };
                let signing = signer(&s);
                match export(
                    &mut s,
                    period,
                    &Actor::command_line(),
                    now(),
                    &without_registers,
                    &signing,
                ) {
                    Ok(b) => out.push(b.bytes),
                    Err(SyncError::Empty) => {}
                    Err(e) => panic!("{e}"),
                }
                month = month.checked_add_months(Months::new(1)).unwrap();
            }
            let signing = signer(&s);
            let all = export(
                &mut s,
                Period::Since { after: 0 },
                &Actor::command_line(),
                now(),
                &without_registers,
                &signing,
            )
            .unwrap();
            out.push(all.bytes);
        }
        assert!(out.len() > 6, "{} bundles", out.len());
        out
    })
}

/// The consolidated data of a higher office (not its own trail of imports).
fn consolidated(s: &Store) -> String {
    let mut out = String::new();
    for table in [
        "hq_offices",
        "hq_cases",
        "hq_certificates",
        "hq_records",
        "hq_audit",
        "hq_conflicts",
    ] {
        let raw = s.connection();
        let mut stmt = raw
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2, 3"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    // The conflict's row id and time of finding depend on the order of imports.
                    .filter(|i| !(table == "hq_conflicts" && (*i == 0 || *i == 4 || *i == 5)))
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        let mut rows: Vec<String> = rows.map(|r| r.unwrap()).collect();
        rows.sort();
        for row in rows {
            out.push_str(&format!("{table}:{row}\n"));
        }
    }
    out
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("region.sqlite")).unwrap();
    (dir, s)
}

fn reference() -> &'static String {
    static R: OnceLock<String> = OnceLock::new();
    R.get_or_init(|| {
        let (_dir, mut hq) = fresh();
        for b in bundles() {
            import(&mut hq, b, TRUST, &Actor::command_line(), now()).unwrap();
        }
        consolidated(&hq)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn any_order_any_number_of_times_gives_the_same_consolidated_store(
        order in Just((0..bundles().len()).collect::<Vec<_>>()).prop_shuffle(),
        again in proptest::collection::vec(0..bundles().len(), 0..6),
    ) {
        let (_dir, mut hq) = fresh();
        for i in order.iter().chain(again.iter()) {
            import(&mut hq, &bundles()[*i], TRUST, &Actor::command_line(), now()).unwrap();
        }
        prop_assert_eq!(&consolidated(&hq), reference());
    }

    #[test]
    fn a_strict_prefix_or_one_changed_byte_is_refused_with_the_store_unchanged(
        which in 0..bundles().len(),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        xor in 1u8..=255,
    ) {
        let (_dir, mut hq) = fresh();
        // Something already held, so "unchanged" means something.
        let first = (which + 1) % bundles().len();
        import(&mut hq, &bundles()[first], TRUST, &Actor::command_line(), now()).unwrap();
        let before = consolidated(&hq);
        let b = &bundles()[which];
        let prefix = &b[..cut.index(b.len())];
        prop_assert!(import(&mut hq, prefix, TRUST, &Actor::command_line(), now()).is_err());
        let mut changed = b.clone();
        changed[flip.index(b.len())] ^= xor;
        prop_assert!(import(&mut hq, &changed, TRUST, &Actor::command_line(), now()).is_err());
        prop_assert_eq!(consolidated(&hq), before);
    }
}
