#![no_main]
//! CSL-JSON bibliography parsing: an error or items with string ids.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    citelint_fuzz::check_items(citelint::document::bibliography::parse_csl(&s));
});
