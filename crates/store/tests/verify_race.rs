//! Issue 12, item 4: `verify` reads one consistent snapshot, so a writer in another process (here
//! another connection, in another thread) never makes it report a broken trail.

mod common;
use common::*;

use anyqtama_store::Store;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[test]
fn fifty_verifications_racing_a_writer_find_the_trail_whole() {
    let fx = fixture();
    let path = fx.store.path().to_path_buf();
    let registrar = fx.registrar.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut other = Store::open(&path).unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let app = issue_app("2026-02-03 10:00", &format!("RACE{n}"), &format!("R{n:08}"));
                other
                    .write(&registrar, app.received_at, |w| {
                        w.register_application(&app)
                    })
                    .unwrap();
            }
            n
        })
    };
    for i in 0..50 {
        let v = fx.store.verify();
        assert!(v.is_ok(), "run {i}: {v:?}");
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 0, "the writer wrote while we verified");
    assert!(fx.store.verify().is_ok());
}
