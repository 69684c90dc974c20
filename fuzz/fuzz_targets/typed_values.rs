//! What a person types where the program reads a month, a register format, a document, a
//! document language, a date, a case number.
#![no_main]
use anyqtama_app::input::{self, Month};
use anyqtama_app::{Document, RegisterFormat};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(m) = text.parse::<Month>() {
            // A month that was read prints back as one that reads the same.
            assert_eq!(m.to_string().parse::<Month>().ok(), Some(m));
            let _ = m.first_day();
        }
        let _ = text.parse::<RegisterFormat>();
        let _ = text.parse::<Document>();
        let _ = input::doc_lang(text);
        let _ = input::date("fuzz", text);
        let _ = input::case(text);
    }
});
