#![no_main]
//! Front matter detection and parsing (YAML and TOML): the input as it is, and fenced as YAML
//! and as TOML above a one-line body; the block, body and key spans are checked.
use citelint::document::front_matter::FrontMatter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let yaml = format!("---\n{s}\n---\n\nSalt raises blood pressure [1].\n");
    let toml = format!("+++\n{s}\n+++\n\nSalt raises blood pressure [1].\n");
    for text in [s.into_owned(), yaml, toml] {
        if let Some(fm) = FrontMatter::detect(&text) {
            citelint_fuzz::check_front_matter(&text, &fm);
        }
    }
});
