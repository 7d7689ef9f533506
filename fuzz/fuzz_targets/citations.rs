#![no_main]
//! The citation-syntax scanner: the input becomes one paragraph (no blank lines) of a document
//! with a numbered reference list, a footnote definition and a link definition, so markers
//! resolve against something.
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let para: String = s.replace("\n\n", "\n").replace("\r\n\r\n", "\r\n");
    let text = format!(
        "# Title\n\n{para}\n\n## References\n\n1. Smith. Salt. 2020. doi:10.1/x\n2. Jones. Sugar.\n3. Lee. Fat.\n\n[^a]: A note.\n\n[7]: https://example.org\n"
    );
    let settings = citelint_fuzz::settings("a.md");
    citelint_fuzz::lint_and_render("a.md", &text, Format::Markdown, &settings);
    let settings = citelint_fuzz::settings("a.txt");
    let text = format!("{para}\n\nReferences\n1. Smith. Salt.\n2. Jones. Sugar.\n");
    citelint_fuzz::lint_and_render("a.txt", &text, Format::Text, &settings);
});
