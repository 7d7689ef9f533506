#![no_main]
//! CSL-YAML bibliography parsing (pandoc's `references:` list, with or without `---` fences):
//! anchors, aliases and merge keys included; an error or items.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    citelint_fuzz::check_items(citelint::document::bibliography::parse_csl_yaml(&s));
});
