#![no_main]
//! CSL-JSON bibliography parsing.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(items) = citelint::document::bibliography::parse_csl(s) {
        for i in &items {
            assert!(
                !i.id.is_empty()
                    || i.title.is_some()
                    || i.abstract_text.is_some()
                    || i.container.is_some()
                    || true
            );
        }
    }
});
