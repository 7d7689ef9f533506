#![no_main]
//! Rule packs: the pack's TOML checked for its tables, then each table (`[claims]`,
//! `[evidence]`, `[assistant]`) compiled on its own by the compiler that compiles the merged
//! lexicon (merging with the built-ins would recompile them on every input). An error, or a
//! lexicon; patterns are compiled with a size limit, so no input makes a huge automaton.
use citelint::checks::claims::engine::ClaimLexicon;
use citelint::checks::content::assistant_artifact;
use citelint::checks::evidence::EvidenceLexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let Ok(pack) = citelint::checks::packs::parse_pack(&s) else {
        return;
    };
    for (name, v) in &pack {
        let Some(t) = v.as_table() else {
            continue;
        };
        let Ok(src) = toml::to_string(t) else {
            continue;
        };
        match name.as_str() {
            "claims" => drop(ClaimLexicon::from_toml(&src)),
            "evidence" => drop(EvidenceLexicon::parse(&src)),
            "assistant" => drop(assistant_artifact::compile(&src)),
            other => panic!("parse_pack let through the table `{other}`"),
        }
    }
});
