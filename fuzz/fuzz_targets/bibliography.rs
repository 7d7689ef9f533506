#![no_main]
//! CSL-JSON bibliography parsing.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(items) = citelint::document::bibliography::parse_csl(s) {
        for i in &items {
            // every field readable; ids are strings (numbers converted)
            let _ = (
                i.id.len(),
                &i.title,
                &i.abstract_text,
                &i.container,
                &i.ids.doi,
            );
        }
    }
});
