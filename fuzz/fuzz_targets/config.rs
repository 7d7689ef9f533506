#![no_main]
//! Config parsing; a config that parses is used to lint a small article.
use citelint::config::Config;
use citelint::document::Format;
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "---\nlast_reviewed: 2025-01-01\nreviewed_by: Dr. A\n---\n# Salt\n\nSalt raises blood pressure by 5 mmHg [1]. There is no evidence that salt causes cancer.\n\n## References\n\n1. Smith. Salt raises blood pressure. 2020.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse("citelint.toml", s) {
        Ok(cfg) => {
            let _ = cfg.extensions();
            for p in ["a.md", "drafts/b.md", "/abs/c.txt", "../d.html"] {
                let settings = cfg.settings_for(p, &citelint_fuzz::cli());
                let format = citelint::document::Format::from_path(std::path::Path::new(p))
                    .unwrap_or(Format::Markdown);
                citelint_fuzz::lint_and_render(p, ARTICLE, format, &settings);
            }
        }
        Err(e) => {
            if let Some(sp) = &e.span {
                assert!(
                    sp.start <= sp.end && sp.end <= e.text.len(),
                    "config error span {sp:?}"
                );
            }
        }
    }
});
