//! Search on a store of a million demo cases (PRODUCT.md: "any search answers in under 50 ms on a
//! store of a million cases"). A benchmark, never a timed test.
//!
//!     cargo bench -p anyqtama-store --bench search
//!
//! The store is `target/bench/million.sqlite` (or ANYQTAMA_BENCH_DB); when missing it is made first
//! with `demo` (one million cases, seed 42), which takes several minutes once.

use anyqtama_demo::{self as demo, DemoOptions};
use anyqtama_store::{queries, Store};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::path::PathBuf;

fn store() -> Store {
    let path = std::env::var_os("ANYQTAMA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench/million.sqlite")
        });
    if !path.exists() {
        eprintln!(
            "making {} (one million demo cases; this takes a while once)",
            path.display()
        );
        let mut s = Store::open(&path).unwrap();
        let opts = DemoOptions {
            cases: 1_000_000,
            seed: 42,
            now: "2026-11-20T17:00:00".parse().unwrap(),
            years: 5,
            batch: 1000,
        };
        demo::fill(&mut s, &opts, |_| {}).unwrap();
    }
    Store::open_existing(&path).unwrap()
}

fn search(c: &mut Criterion) {
    let store = store();
    // Read beside the program (a second connection to the file), as a search would.
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    let conn = &raw;
    let cases = queries::count_cases(conn).unwrap();
    // Real values from the store, so every query has answers.
    let (passport, cyrillic, number): (String, String, String) = conn
        .query_row(
            "SELECT a.passport_number, a.surname_cyrillic, (SELECT number FROM certificates ORDER BY id DESC LIMIT 1)
             FROM applicants a ORDER BY a.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let queries = [
        ("passport", passport.clone()),
        ("passport prefix", passport[..5].to_string()),
        ("certificate number", number),
        ("cyrillic surname", cyrillic.to_uppercase()),
        ("latin name, two words", "kim minj".to_string()),
        ("native script", "张".to_string()),
    ];
    let mut group = c.benchmark_group(format!("search {cases} cases"));
    for (name, q) in &queries {
        let hits = queries::cases(conn, Some(q), Some(50)).unwrap().len();
        assert!(hits > 0, "{name}: {q} finds nothing");
        group.bench_with_input(
            BenchmarkId::new(*name, format!("{q} ({hits} shown)")),
            q,
            |b, q| b.iter(|| queries::cases(conn, Some(q), Some(50)).unwrap()),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = search
}
criterion_main!(benches);
