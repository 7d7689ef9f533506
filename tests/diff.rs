//! `--diff REF` on a real temporary git repository.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;
use std::process::Command;

const ARTICLE: &str = "# Salt\n\nSalt raises blood pressure [3].\n\n## References\n1. Smith. Salt. 2020.\n2. Jones. Tea. 2021.\n";

/// Keep git from finding a repository around the temporary folders.
fn ceiling() -> std::path::PathBuf {
    let t = std::env::temp_dir();
    t.canonicalize().unwrap_or(t)
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CEILING_DIRECTORIES", ceiling())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn repo() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    git(d, &["init", "-q"]);
    git(d, &["config", "user.name", "Test"]);
    git(d, &["config", "user.email", "test@example.com"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    std::fs::write(d.join("a.md"), ARTICLE).unwrap();
    std::fs::write(d.join("b.md"), ARTICLE).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "first"]);
    t
}

/// (path, rule, line) of every diagnostic in the JSON output, and the exit code.
fn run(dir: &Path, args: &[&str]) -> (Vec<(String, String, u64)>, i32, String) {
    let out = cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .env("GIT_CEILING_DIRECTORIES", ceiling())
        .args(["check", "--format", "json", "--profile", "general"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap();
    if code == 2 {
        return (vec![], code, stderr);
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (found, code, stderr)
}

#[test]
fn only_changed_and_untracked_lines_are_reported() {
    let t = repo();
    let d = t.path();
    // without --diff: 3 findings in each file
    let (all, code, _) = run(d, &["."]);
    assert_eq!(all.len(), 6, "{all:?}");
    assert_eq!(code, 1);
    // nothing changed yet
    let (found, code, _) = run(d, &["--diff", "HEAD", "."]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
    // a new bad line in a.md (moving the reference list down), an untracked new file
    let changed = ARTICLE.replace("[3].\n", "[3].\n\nCoffee is harmless [4].\n");
    std::fs::write(d.join("a.md"), changed).unwrap();
    std::fs::write(d.join("new.md"), ARTICLE).unwrap();
    let (found, code, _) = run(d, &["--diff", "HEAD", "."]);
    assert_eq!(code, 1);
    let a: Vec<_> = found.iter().filter(|f| f.0 == "a.md").collect();
    assert_eq!(
        a,
        vec![&("a.md".to_string(), "unresolved-citation".to_string(), 5)]
    );
    assert!(!found.iter().any(|f| f.0 == "b.md"), "{found:?}");
    assert_eq!(
        found.iter().filter(|f| f.0 == "new.md").count(),
        3,
        "{found:?}"
    );
    // staged and committed changes count against an older ref too
    git(d, &["add", "a.md"]);
    git(d, &["commit", "-q", "-m", "second"]);
    let (found, _, _) = run(d, &["--diff", "HEAD~1", "a.md", "b.md"]);
    assert_eq!(
        found,
        vec![("a.md".to_string(), "unresolved-citation".to_string(), 5)]
    );
    let (found, _, _) = run(d, &["--diff", "HEAD", "a.md", "b.md"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn works_from_a_subfolder() {
    let t = repo();
    let d = t.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/c.md"), ARTICLE).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "sub"]);
    std::fs::write(
        d.join("sub/c.md"),
        ARTICLE.replace("Salt raises", "Salt really raises"),
    )
    .unwrap();
    let (found, _, _) = run(&d.join("sub"), &["--diff", "HEAD", ".", "../a.md"]);
    assert_eq!(
        found,
        vec![("c.md".to_string(), "unresolved-citation".to_string(), 3)]
    );
}

#[test]
fn bad_ref_is_a_failed_run() {
    let t = repo();
    let (_, code, err) = run(t.path(), &["--diff", "no-such-branch", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no-such-branch") && err.contains("does not name a commit"),
        "{err}"
    );
    let (_, code, _) = run(t.path(), &["--diff", "--exit-zero", "."]);
    assert_eq!(code, 2);
}

#[test]
fn outside_a_repository_is_a_failed_run() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("plain");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("a.md"), ARTICLE).unwrap();
    let (_, code, err) = run(&d, &["--diff", "HEAD", "--exit-zero", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("needs a git repository"), "{err}");
}
