//! `--fix`: the before/after fixtures under `fixtures/fix/` (a file without a `.fixed.md`
//! twin must come out unchanged), a second fix that changes nothing, and the command line:
//! what is written, what is not, and how.

use citelint::config::{CliOverrides, Config, Settings};
use citelint::document::Format;
use citelint::fix::{FixOptions, fix_text};
use std::path::{Path, PathBuf};

#[path = "../benches/support/gen.rs"]
mod generator;

const CITATION_RULES: &[&str] = &[
    "unresolved-citation",
    "unused-reference",
    "duplicate-reference",
    "citation-order",
    "malformed-citation",
];

fn settings(path: &str) -> Settings {
    let cli = CliOverrides {
        select: Some(CITATION_RULES.iter().map(|s| s.to_string()).collect()),
        today: Some(jiff::civil::date(2026, 1, 1)),
        ..CliOverrides::default()
    };
    Config::default().settings_for(path, &cli)
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fix");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            !n.contains(".fixed.") && Format::from_path(p).is_some()
        })
        .collect();
    v.sort();
    assert!(v.len() >= 5, "{v:?}");
    v
}

fn fixed_twin(p: &Path) -> PathBuf {
    let ext = p.extension().unwrap().to_string_lossy();
    p.with_extension(format!("fixed.{ext}"))
}

#[test]
fn fixtures_come_out_as_their_fixed_twins_and_a_second_fix_changes_nothing() {
    let mut failures = Vec::new();
    for p in fixtures() {
        let text = std::fs::read_to_string(&p).unwrap();
        let shown = p.file_name().unwrap().to_string_lossy().into_owned();
        let format = Format::from_path(&p).unwrap();
        let s = settings(&shown);
        let opts = FixOptions {
            unsafe_fixes: text.contains("<!-- fix: unsafe -->"),
        };
        let out = fix_text(&shown, &text, format, &s, opts);
        let twin = fixed_twin(&p);
        let want = if twin.exists() {
            std::fs::read_to_string(&twin).unwrap()
        } else if std::env::var_os("CITELINT_BLESS").is_some() && out.text != text {
            std::fs::write(&twin, &out.text).unwrap();
            out.text.clone()
        } else {
            text.clone()
        };
        if out.text != want {
            failures.push(format!(
                "{shown}: got\n{}\n--- diff:\n{}\nskipped: {:?}",
                out.text,
                citelint::fix::diff::unified(&shown, &want, &out.text),
                out.skipped
            ));
            continue;
        }
        if want == text {
            // a fixture left alone is one the fixer refuses, and says why
            assert!(out.fixed.is_empty(), "{shown}: {:?}", out.fixed);
            assert!(
                !out.skipped.is_empty(),
                "{shown}: left alone without a reason"
            );
        } else {
            assert!(
                !out.fixed.is_empty(),
                "{shown}: changed but nothing counted"
            );
        }
        let again = fix_text(&shown, &want, format, &s, opts);
        if again.text != want || !again.fixed.is_empty() {
            failures.push(format!(
                "{shown}: a second fix changed it:\n{}",
                citelint::fix::diff::unified(&shown, &want, &again.text)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

const OUT_OF_ORDER: &str = "# Tea\n\nGreen tea lowers cholesterol [2]. Black tea does less [1].\n\n## References\n\n1. Black tea trial. 2019.\n2. Green tea review. 2020.\n";
const FIXED: &str = "# Tea\n\nGreen tea lowers cholesterol [1]. Black tea does less [2].\n\n## References\n\n1. Green tea review. 2020.\n2. Black tea trial. 2019.\n";
const CLEAN: &str =
    "# Tea\n\nGreen tea lowers cholesterol [1].\n\n## References\n\n1. Green tea review. 2020.\n";

fn citelint(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_citelint"))
        .current_dir(dir)
        .args([
            "check",
            "--select",
            &CITATION_RULES.join(","),
            "--format",
            "json",
        ])
        .args(args)
        .output()
        .unwrap()
}

/// Does the run's JSON output hold a finding of `rule`?
fn reports(out: &std::process::Output, rule: &str) -> bool {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["rule"] == rule)
}

#[test]
fn fix_writes_only_files_with_a_fixable_finding_and_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.md"), OUT_OF_ORDER).unwrap();
    std::fs::write(d.join("clean.md"), CLEAN).unwrap();
    // an old modification time: a rewrite of the file would show
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    let f = std::fs::File::options()
        .write(true)
        .open(d.join("clean.md"))
        .unwrap();
    f.set_modified(old).unwrap();
    drop(f);
    let out = citelint(d, &["--fix", "a.md", "clean.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("fixed a.md: 1 citation-order"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("a.md")).unwrap(), FIXED);
    assert_eq!(std::fs::read_to_string(d.join("clean.md")).unwrap(), CLEAN);
    let m = std::fs::metadata(d.join("clean.md"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(m, old, "a file without findings was rewritten");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 0);
    // no temporary file left behind
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_finding_fix_cannot_mend_remains_and_sets_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = OUT_OF_ORDER.replace("[1].", "[1]. Milk is added [9].");
    std::fs::write(d.join("a.md"), &text).unwrap();
    let out = citelint(d, &["--fix", "a.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("left as it is"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("a.md")).unwrap(), text);
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.md"), OUT_OF_ORDER).unwrap();
    let out = citelint(d, &["--fix", "--dry-run", "a.md"]);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n@@ -1,"), "{diff}");
    assert!(diff.contains("\n-1. Black tea trial. 2019.\n"), "{diff}");
    assert!(diff.contains("\n+1. Green tea review. 2020.\n"), "{diff}");
    assert_eq!(
        std::fs::read_to_string(d.join("a.md")).unwrap(),
        OUT_OF_ORDER
    );
    // --dry-run and --unsafe-fixes need --fix
    assert_eq!(citelint(d, &["--dry-run", "a.md"]).status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_and_permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/a.md"), OUT_OF_ORDER).unwrap();
    std::fs::set_permissions(d.join("real/a.md"), std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real/a.md", d.join("link.md")).unwrap();
    let out = citelint(d, &["--fix", "link.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(d.join("link.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(d.join("real/a.md")).unwrap(), FIXED);
    let mode = std::fs::metadata(d.join("real/a.md"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn a_read_only_file_is_an_error_that_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.md"), OUT_OF_ORDER).unwrap();
    std::fs::write(d.join("b.md"), OUT_OF_ORDER).unwrap();
    let mut p = std::fs::metadata(d.join("a.md")).unwrap().permissions();
    p.set_readonly(true);
    std::fs::set_permissions(d.join("a.md"), p).unwrap();
    let out = citelint(d, &["--fix", "a.md", "b.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: a.md: cannot write the fix"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("a.md")).unwrap(),
        OUT_OF_ORDER
    );
    assert_eq!(std::fs::read_to_string(d.join("b.md")).unwrap(), FIXED);
    // the read-only file's findings are still reported
    assert!(reports(&out, "citation-order"));
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    std::fs::write(&p, "changed by someone else").unwrap();
    let r = citelint::fix::write::write_fixed(&p, OUT_OF_ORDER.as_bytes(), FIXED.as_bytes());
    assert!(
        matches!(r, Err(citelint::fix::write::WriteError::Changed)),
        "{r:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "changed by someone else"
    );
}

#[test]
fn rule_says_whether_it_is_fixable() {
    let rule = |id: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_citelint"))
            .args(["rule", id])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(rule("citation-order").contains("Fix (safe"));
    assert!(rule("unused-reference").contains("Fix (unsafe"));
    assert!(rule("uncited-claim").contains("Fix:** none"));
}

#[test]
fn bad_input_is_reported_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let latin1 = b"Caf\xe9 [2]. Tea [1].\n\n## References\n\n1. A.\n2. B.\n".to_vec();
    std::fs::write(d.join("latin1.md"), &latin1).unwrap();
    std::fs::write(d.join("empty.md"), "").unwrap();
    let out = citelint(d, &["--fix", "latin1.md", "empty.md"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(std::fs::read(d.join("latin1.md")).unwrap(), latin1);
    assert_eq!(std::fs::read(d.join("empty.md")).unwrap(), b"");
    assert!(reports(&out, "parse-error"));
}

#[test]
fn crlf_line_endings_are_kept() {
    let text = OUT_OF_ORDER.replace('\n', "\r\n");
    let s = settings("a.md");
    let out = fix_text("a.md", &text, Format::Markdown, &s, FixOptions::default());
    assert_eq!(out.text, FIXED.replace('\n', "\r\n"));
}

/// Every file below `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Two `--fix` runs at once on the same tree (600 articles: generated ones, and every fixture
/// of `fixtures/fix/` twenty times over, in five folders): every file ends either as it was
/// or exactly as one run alone fixes it, never half written or mixed, and no temporary file
/// is left behind. Each write is a temporary file renamed over the article, made only when
/// the article still holds what was read.
#[test]
fn two_fixes_at_once_leave_every_file_as_it_was_or_fixed() {
    let mut articles: Vec<(String, String)> = Vec::new();
    for k in 0..20 {
        for p in fixtures() {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            articles.push((format!("f{k}-{name}"), std::fs::read_to_string(&p).unwrap()));
        }
    }
    let mut seed = 0;
    while articles.len() < 600 {
        articles.push((format!("g{seed}.md"), generator::article(seed, 400)));
        seed += 1;
    }
    let write_tree = |root: &Path| {
        for (i, (name, text)) in articles.iter().enumerate() {
            let sub = root.join(format!("d{}", i % 5));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(name), text).unwrap();
        }
    };
    // what one run alone makes of the tree
    let alone = tempfile::tempdir().unwrap();
    write_tree(alone.path());
    let before = tree(alone.path());
    let out = citelint(alone.path(), &["--fix", "."]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let fixed = tree(alone.path());
    let changed = before.iter().filter(|(p, b)| fixed[*p] != **b).count();
    assert!(changed >= 100, "only {changed} files have something to fix");

    // two at once
    let both = tempfile::tempdir().unwrap();
    write_tree(both.path());
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_citelint"))
            .current_dir(both.path())
            .args(["check", "--select", &CITATION_RULES.join(",")])
            .args(["--format", "json", "--fix", "."])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let after = tree(both.path());
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "files appeared or went (a temporary file left behind?)"
    );
    let mut as_fixed = 0;
    for (p, now) in &after {
        assert!(
            *now == before[p] || *now == fixed[p],
            "{} is neither as it was nor as fixed",
            p.display()
        );
        as_fixed += usize::from(*now == fixed[p] && fixed[p] != before[p]);
    }
    // each file with something to fix was fixed by one of the two runs
    assert_eq!(as_fixed, changed);
}
