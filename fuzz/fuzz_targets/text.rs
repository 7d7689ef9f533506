#![no_main]
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = citelint_fuzz::settings("a.txt");
    // the byte path first (binary, UTF-16, invalid UTF-8), then the text path
    let r = citelint::lint_bytes("a.txt", data.to_vec(), Format::Text, &settings);
    citelint_fuzz::check_report(&r);
    citelint_fuzz::render_all(std::slice::from_ref(&r));
    if let Ok(text) = std::str::from_utf8(data) {
        citelint_fuzz::lint_and_render("a.txt", text, Format::Text, &settings);
    }
});
