#![no_main]
//! The citation-syntax scanner: the input becomes one paragraph (no blank lines) of a document
//! with a numbered reference list, a footnote definition and a link definition, so markers
//! resolve against something; parsed as Markdown and as text, the model checked.
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let para: String = s.replace("\n\n", "\n").replace("\r\n\r\n", "\r\n");
    let text = format!(
        "# Title\n\n{para}\n\n## References\n\n1. Smith. Salt. 2020. doi:10.1/x\n2. Jones. Sugar.\n3. Lee. Fat.\n\n[^a]: A note.\n\n[7]: https://example.org\n"
    );
    citelint_fuzz::parse_and_check("a.md", &text, Format::Markdown);
    let text = format!("{para}\n\nReferences\n1. Smith. Salt.\n2. Jones. Sugar.\n");
    citelint_fuzz::parse_and_check("a.txt", &text, Format::Text);
});
