#![no_main]
//! Retraction lists (a Retraction Watch CSV, or one DOI a line): the first byte says whether
//! the name ends in `.csv`; the rest is read. An error names the list and a line; a list read
//! answers lookups.
use citelint::checks::sources::retractions::Retractions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let mut r = Retractions::default();
    match r.read(rest, "list.csv", pick % 2 == 0) {
        Ok(()) => {
            let _ = r.get("10.5555/x");
            let _ = r.len();
        }
        Err(e) => assert!(e.contains("list.csv"), "{e}"),
    }
});
