//! A bundle from a USB stick, whole: refused or read, never a panic, in bounded memory.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = anyqtama_sync::verify(data);
});
