//! The fuzz targets are listed alike in the three places that name them: `fuzz/Cargo.toml`
//! (what cargo-fuzz builds), `fuzz/run-all.sh` (what runs locally) and the matrix of
//! `.github/workflows/fuzz.yml` (what runs nightly); each has its source file.

use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn every_fuzz_target_is_built_run_locally_and_run_nightly() {
    let cargo: toml::Table = read("fuzz/Cargo.toml").parse().unwrap();
    let bins: BTreeSet<String> = cargo["bin"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let name = b["name"].as_str().unwrap();
            assert_eq!(
                b["path"].as_str().unwrap(),
                format!("fuzz_targets/{name}.rs")
            );
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fuzz/fuzz_targets")
                    .join(format!("{name}.rs"))
                    .is_file(),
                "{name}"
            );
            name.to_string()
        })
        .collect();
    assert!(bins.contains("markdown") && bins.contains("end_to_end"));

    let script = read("fuzz/run-all.sh");
    let all = script
        .lines()
        .find_map(|l| l.strip_prefix("all=("))
        .and_then(|l| l.strip_suffix(')'))
        .expect("all=(…) in run-all.sh");
    let local: BTreeSet<String> = all.split_whitespace().map(str::to_string).collect();
    assert_eq!(local, bins, "fuzz/run-all.sh");
    // the `case` arms of `seeds()`: `markdown|citations|end_to_end) find …`
    let seeded: BTreeSet<String> = script
        .lines()
        .filter_map(|l| l.trim_start().split_once(") find "))
        .flat_map(|(arms, _)| arms.split('|').map(str::to_string))
        .collect();
    assert_eq!(seeded, bins, "the corpora run-all.sh seeds");

    let workflow = read(".github/workflows/fuzz.yml");
    let matrix: BTreeSet<String> = workflow
        .lines()
        .skip_while(|l| l.trim() != "target:")
        .skip(1)
        .map_while(|l| l.trim().strip_prefix("- "))
        .map(str::to_string)
        .collect();
    assert_eq!(matrix, bins, ".github/workflows/fuzz.yml");
}
