//! Shared by the sync crate's tests and bench (`#[path]`-included): a bundle is signed by a
//! signatory, so the demo's administrator signs in to unlock the office key.

use anyqtama_store::keys::SealKey;
use anyqtama_store::Store;

pub fn signer(s: &Store) -> SealKey {
    let at = "2026-12-01T10:00:00".parse().expect("a date");
    s.sign_in("admin", anyqtama_demo::DEMO_PASSWORD, at)
        .unwrap()
        .seal_key
        .expect("the administrator's password opens the office key")
}
