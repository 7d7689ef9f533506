#![no_main]
//! `citelint.toml` parsing: an error whose span lies inside the file, or a config that yields
//! settings for a few paths. No article is linted (see `end_to_end`).
use citelint::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    match Config::parse("citelint.toml", &s) {
        Ok(cfg) => {
            let _ = cfg.extensions();
            for p in ["a.md", "drafts/b.md", "/abs/c.txt", "../d.html"] {
                let settings = cfg.settings_for(p, &citelint_fuzz::cli());
                let _ = settings.parse.bibliographies.len();
            }
        }
        Err(e) => {
            assert_eq!(e.text, s, "the error carries the file's text");
            if let Some(sp) = &e.span {
                assert!(
                    sp.start <= sp.end && sp.end <= e.text.len(),
                    "config error span {sp:?}"
                );
            }
        }
    }
});
