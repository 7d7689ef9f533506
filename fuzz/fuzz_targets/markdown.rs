#![no_main]
//! The Markdown parser alone: the input (invalid UTF-8 replaced) parsed into the document model,
//! whose spans and indices are checked. No rule or renderer runs (see `end_to_end`).
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    citelint_fuzz::parse_and_check("a.md", &text, Format::Markdown);
});
