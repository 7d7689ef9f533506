#![no_main]
//! Bibliography parsing: CSL-JSON, CSL-YAML and BibTeX/BibLaTeX (every span inside the input).
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
    let _ = citelint::document::bibliography::parse_csl_yaml(s);
    match citelint::document::bibtex::parse(s) {
        Ok(items) => {
            for i in &items {
                if let Some(r) = &i.span {
                    assert!(r.start <= r.end && r.end <= s.len() && s.is_char_boundary(r.start));
                }
            }
        }
        Err((_, r)) => assert!(r.start <= r.end && r.end <= s.len()),
    }
});
