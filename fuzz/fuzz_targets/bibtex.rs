#![no_main]
//! BibTeX/BibLaTeX parsing (`@string` expansion, TeX reduced to text): every entry's key span
//! and every error span inside the input.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    match citelint::document::bibtex::parse(&s) {
        Ok(items) => {
            for i in &items {
                if let Some(r) = &i.span {
                    assert!(citelint_fuzz::span_ok(&s, r), "entry key span {r:?}");
                }
                let _ = (&i.title, &i.abstract_text, &i.container, &i.ids);
            }
        }
        Err((msg, r)) => {
            assert!(!msg.is_empty());
            assert!(r.start <= r.end && r.end <= s.len(), "error span {r:?}");
        }
    }
});
