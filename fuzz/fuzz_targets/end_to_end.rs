#![no_main]
//! The whole pipeline, slow on purpose: the first byte picks the format (Markdown, text or
//! HTML), the rest goes through the byte path (binary, UTF-16, invalid UTF-8) and, when it is
//! UTF-8, the text path; every rule runs, every renderer renders, every span is checked.
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let (path, format) = match pick % 3 {
        0 => ("a.md", Format::Markdown),
        1 => ("a.txt", Format::Text),
        _ => ("a.html", Format::Html),
    };
    citelint_fuzz::end_to_end(path, rest, format);
});
