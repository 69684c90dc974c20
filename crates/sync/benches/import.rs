//! Importing a bundle of 100,000 cases at the higher office (issue 6). A benchmark, never a
//! timed test.
//!
//!     cargo bench -p anyqtama-sync --bench import
//!
//! The office store `target/bench/office-100k.sqlite` (100,000 demo cases over five years, seed 43)
//! and its bundle `target/bench/office-100k.zip` are made once when missing (several minutes).
//! Each iteration imports the bundle into a new, empty store: verification (signature, checksums,
//! records) and the one transaction.

use anyqtama_demo::{self as demo, DemoOptions};
use anyqtama_store::exchange::Period;
use anyqtama_store::{Actor, Store};
use anyqtama_sync::without_registers;
use anyqtama_sync::{export, import, verify, ImportOptions};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::path::PathBuf;
use std::time::Instant;

#[path = "../tests/common/signer.rs"]
mod signer;
use signer::signer;

fn bundle() -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("office-100k.zip");
    if let Ok(bytes) = std::fs::read(&file) {
        return bytes;
    }
    let db = dir.join("office-100k.sqlite");
    for ext in ["sqlite", "sqlite-wal", "sqlite-shm"] {
        let _ = std::fs::remove_file(db.with_extension(ext));
    }
    let started = Instant::now();
    let mut store = Store::open(&db).unwrap();
    let opts = DemoOptions {
        cases: 100_000,
        seed: 43,
        now: "2026-11-20T17:00:00".parse().unwrap(),
        years: 5,
        batch: 1000,
    };
    demo::fill(&mut store, &opts, |_| {}).unwrap();
    eprintln!("demo store of 100,000 cases: {:.1?}", started.elapsed());
    let started = Instant::now();
    let now = "2026-11-20T18:00:00".parse().unwrap();
    let signing = signer(&store);
    let made = export(
        &mut store,
        Period::Since { after: 0 },
        &Actor::command_line(),
        now,
        &without_registers,
        &signing,
    )
    .unwrap();
    eprintln!(
        "export: {:.1?}, {} bytes, {:?}",
        started.elapsed(),
        made.bytes.len(),
        made.manifest.counts
    );
    std::fs::write(&file, &made.bytes).unwrap();
    made.bytes
}

fn bench(c: &mut Criterion) {
    let bytes = bundle();
    let cases = verify(&bytes).unwrap().manifest.counts["cases"];
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-11-21T09:00:00".parse().unwrap();
    let opts = ImportOptions {
        trust_new_office: true,
        dry_run: false,
    };
    let mut group = c.benchmark_group(format!(
        "bundle of {cases} cases ({} MB)",
        bytes.len() / 1_000_000
    ));
    group.sample_size(10);
    group.bench_function("verify", |b| b.iter(|| verify(&bytes).unwrap()));
    let mut n = 0;
    group.bench_function("import into an empty store", |b| {
        b.iter_batched(
            || {
                n += 1;
                Store::open(dir.path().join(format!("region-{n}.sqlite"))).unwrap()
            },
            |mut region| {
                let r = import(&mut region, &bytes, opts, &Actor::command_line(), now).unwrap();
                assert_eq!(r.cases.new, cases);
                region
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
