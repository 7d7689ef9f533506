#![no_main]
//! Front matter detection, then the whole document it opens linted.
use citelint::document::Format;
use citelint::document::front_matter::FrontMatter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    // the input, and the input fenced as YAML front matter above a small body
    let fenced = format!("---\n{s}\n---\n\n# Salt\n\nSalt raises blood pressure [1].\n");
    for text in [s.to_string(), fenced] {
        if let Some(fm) = FrontMatter::detect(&text) {
            assert!(
                fm.body.end <= text.len()
                    && text.is_char_boundary(fm.body.start)
                    && text.is_char_boundary(fm.body.end)
            );
            for k in &fm.keys {
                let _ = fm.key(&k.name);
            }
        }
        let settings = citelint_fuzz::settings("a.md");
        citelint_fuzz::lint_and_render("a.md", &text, Format::Markdown, &settings);
    }
});
