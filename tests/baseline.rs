//! `--write-baseline` and `--baseline` on a real temporary git repository.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;
use std::process::Command;

const ARTICLE: &str = "# Salt\n\nSalt raises blood pressure [3].\n\n## References\n1. Smith. Salt. 2020.\n2. Jones. Tea. 2021.\n";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(dir: &Path, args: &[&str]) -> (Vec<(String, u64)>, i32, String) {
    let out = cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .args(["check", "--format", "json", "--profile", "general"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if code == 2 || out.stdout.is_empty() {
        return (vec![], code, stderr);
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (found, code, stderr)
}

#[test]
fn baseline_hides_known_findings_and_survives_moves() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    git(d, &["init", "-q"]);
    git(d, &["config", "user.name", "Test"]);
    git(d, &["config", "user.email", "test@example.com"]);
    std::fs::create_dir(d.join("docs")).unwrap();
    std::fs::write(d.join("docs/a.md"), ARTICLE).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "first"]);

    let (_, code, err) = run(d, &["--write-baseline", "citelint-baseline.json", "docs"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 3 findings"), "{err}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("citelint-baseline.json")).unwrap())
            .unwrap();
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"].as_array().unwrap().len(), 3);
    assert_eq!(written["findings"][0]["path"], "docs/a.md");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "baseline"]);

    let base = ["--baseline", "citelint-baseline.json", "docs"];
    let (found, code, _) = run(d, &base);
    assert_eq!((found.len(), code), (0, 0), "{found:?}");

    // lines move (an intro paragraph, re-indented whitespace): still known
    let moved = format!(
        "Intro.\n\n{}",
        ARTICLE.replace("Salt raises blood", "Salt   raises\tblood")
    );
    std::fs::write(d.join("docs/a.md"), &moved).unwrap();
    let (found, code, _) = run(d, &base);
    assert_eq!((found.len(), code), (0, 0), "{found:?}");

    // a new finding, and a second identical line: both new (occurrence counter)
    let more = moved.replace(
        "[3].\n",
        "[3].\n\nCoffee is harmless [4].\n\nSalt raises blood pressure [3].\n",
    );
    std::fs::write(d.join("docs/a.md"), &more).unwrap();
    let (found, code, _) = run(d, &base);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        vec![
            ("unresolved-citation".to_string(), 7),
            ("unresolved-citation".to_string(), 9)
        ]
    );

    // a changed digit is a different finding
    std::fs::write(d.join("docs/a.md"), ARTICLE.replace("[3]", "[5]")).unwrap();
    let (found, _, _) = run(d, &base);
    assert_eq!(found, vec![("unresolved-citation".to_string(), 3)]);
}

#[test]
fn unreadable_baseline_is_a_failed_run() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    std::fs::write(d.join("a.md"), ARTICLE).unwrap();
    std::fs::write(d.join("bad.json"), "{\"nope\": 1}").unwrap();
    let (_, code, err) = run(d, &["--baseline", "bad.json", "--exit-zero", "a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a citelint baseline"), "{err}");
    let (_, code, _) = run(d, &["--baseline", "missing.json", "a.md"]);
    assert_eq!(code, 2);
    let (_, code, _) = run(
        d,
        &[
            "--baseline",
            "bad.json",
            "--write-baseline",
            "b.json",
            "a.md",
        ],
    );
    assert_eq!(code, 2);
}
