//! A scanned QR payload, checked against a known office key.
#![no_main]
use std::sync::LazyLock;

static KEY: LazyLock<ed25519_dalek::VerifyingKey> =
    LazyLock::new(|| ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]).verifying_key());

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = anyqtama_store::seal::verify(text, &[*KEY]);
    }
});
