//! `--shard I/N`: N jobs together lint every file exactly once, each job's report is whole
//! for its files, and a bad shard is a usage error.

use assert_cmd::cargo::cargo_bin_cmd;
use std::collections::BTreeSet;
use std::path::Path;

/// The paths with a finding when shard `shard` of the folder is linted; every file of the
/// folder has exactly one finding (an unresolved citation).
fn shard_paths(dir: &Path, shard: &str) -> Vec<String> {
    let out = cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .args([
            "check",
            "--select",
            "unresolved-citation",
            "--format",
            "json",
        ])
        .args(["--shard", shard, "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let tmp = tempfile::tempdir().unwrap();
    let mut all = BTreeSet::new();
    for i in 0..60 {
        let sub = tmp.path().join(format!("part{}", i % 4));
        std::fs::create_dir_all(&sub).unwrap();
        let name = format!("article-{i:02}.md");
        std::fs::write(sub.join(&name), "# A\n\nSalt raises blood pressure [1].\n").unwrap();
        all.insert(format!("part{}/{name}", i % 4));
    }
    for n in [1, 2, 3, 7] {
        let mut seen: Vec<String> = Vec::new();
        let mut sizes = Vec::new();
        for i in 1..=n {
            let got = shard_paths(tmp.path(), &format!("{i}/{n}"));
            sizes.push(got.len());
            seen.extend(got);
        }
        let unique: BTreeSet<String> = seen.iter().cloned().collect();
        assert_eq!(
            seen.len(),
            all.len(),
            "{n} shards: a file linted twice or missed"
        );
        assert_eq!(unique, all, "{n} shards");
        // a hash partition, not everything in one shard
        if n > 1 {
            assert!(
                sizes.iter().all(|&s| s < all.len()),
                "{n} shards: {sizes:?}"
            );
        }
    }
    // stable: the same shard holds the same files on a second run
    assert_eq!(
        shard_paths(tmp.path(), "2/3"),
        shard_paths(tmp.path(), "2/3")
    );
}

#[test]
fn a_shard_outside_its_count_is_a_usage_error() {
    for bad in ["0/3", "4/3", "1/0", "2", "a/b"] {
        let out = cargo_bin_cmd!("citelint")
            .args(["check", "--shard", bad, "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "`{bad}` is not a shard: write I/N with 1 <= I <= N"
            )),
            "{err}"
        );
    }
}
