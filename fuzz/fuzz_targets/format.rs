//! `format` must never panic, and what it returns must format to itself.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(once) = pejl::format::format(text) {
            let twice = pejl::format::format(&once).expect("formatted text formats again");
            assert_eq!(once, twice, "formatting is idempotent");
        }
    }
});
