//! The exit-code contract: 0 nothing at or above the failing severity, 1 findings that fail,
//! 2 the run itself failed; `--fail-on` moves the threshold, `--exit-zero` never turns 2 into 0.

use assert_cmd::cargo::cargo_bin_cmd;

/// unresolved-citation (error) and unused-reference (warning)
const ERROR: &str =
    "# A\n\nSalt raises blood pressure [3].\n\n## References\n1. Smith. Salt. 2020.\n";
/// unused-reference only (warning)
const WARNING: &str = "# B\n\nSalt raises blood pressure [1].\n\n## References\n1. Smith. Salt. 2020.\n2. Jones. Tea. 2021.\n";
/// citation-order only (info)
const INFO: &str = "# C\n\nAdults need sleep [2], and teenagers need more [1].\n\n## References\n1. Roe. Teens. 2017.\n2. Poe. Adults. 2016.\n";

/// The rules these fixtures are written for (the default profile adds metadata rules).
const RULES: &str = "unresolved-citation,unused-reference,citation-order,malformed-citation";

fn code(file: &str, text: &str, args: &[&str]) -> i32 {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join(file), text).unwrap();
    let out = cargo_bin_cmd!("citelint")
        .current_dir(t.path())
        .args(["check", "--format", "json", "--select", RULES, file])
        .args(args)
        .output()
        .unwrap();
    out.status.code().unwrap()
}

fn severities(text: &str) -> Vec<String> {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("x.md"), text).unwrap();
    let out = cargo_bin_cmd!("citelint")
        .current_dir(t.path())
        .args(["check", "--format", "json", "--select", RULES, "x.md"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut s: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap().to_string())
        .collect();
    s.sort();
    s.dedup();
    s
}

#[test]
fn fixtures_have_the_severities_assumed() {
    assert_eq!(severities(ERROR), ["error", "warning"]);
    assert_eq!(severities(WARNING), ["warning"]);
    assert_eq!(severities(INFO), ["info"]);
    assert!(severities("# D\n\nNothing to see.\n").is_empty());
}

#[test]
fn fail_on_moves_the_threshold() {
    let clean = "# D\n\nNothing to see.\n";
    for (text, default, error, warning, info) in [
        (clean, 0, 0, 0, 0),
        (INFO, 0, 0, 0, 1),
        (WARNING, 1, 0, 1, 1),
        (ERROR, 1, 1, 1, 1),
    ] {
        assert_eq!(code("x.md", text, &[]), default, "{text}");
        assert_eq!(code("x.md", text, &["--fail-on", "error"]), error, "{text}");
        assert_eq!(
            code("x.md", text, &["--fail-on", "warning"]),
            warning,
            "{text}"
        );
        assert_eq!(code("x.md", text, &["--fail-on", "info"]), info, "{text}");
        assert_eq!(code("x.md", text, &["--fail-on", "info", "--exit-zero"]), 0);
    }
}

#[test]
fn a_failed_run_exits_2_even_with_exit_zero() {
    let t = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        cargo_bin_cmd!("citelint")
            .current_dir(t.path())
            .arg("check")
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    assert_eq!(run(&["missing.md"]), 2);
    assert_eq!(run(&["missing.md", "--exit-zero"]), 2);
    assert_eq!(run(&["--fail-on", "sometimes", "."]), 2);
    std::fs::write(t.path().join("citelint.toml"), "no_such_key = 1\n").unwrap();
    assert_eq!(run(&["--exit-zero", "."]), 2);
}

#[test]
fn every_format_renders_and_keeps_the_exit_code() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("x.md"), ERROR).unwrap();
    let run = |format: &str| {
        cargo_bin_cmd!("citelint")
            .current_dir(t.path())
            .args(["check", "x.md", "--format", format])
            .output()
            .unwrap()
    };
    let json = run("json");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let n = v["diagnostics"].as_array().unwrap().len();
    for format in ["human", "sarif", "github", "junit", "json-lines"] {
        let out = run(format);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let s = String::from_utf8(out.stdout).unwrap();
        match format {
            "sarif" => {
                let v: serde_json::Value = serde_json::from_str(&s).unwrap();
                assert_eq!(v["version"], "2.1.0");
                assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), n);
            }
            "github" => assert_eq!(s.lines().filter(|l| l.starts_with("::")).count(), n),
            "junit" => assert_eq!(s.matches("<failure ").count(), n),
            "json-lines" => {
                assert_eq!(s.lines().count(), n);
                for (line, d) in s.lines().zip(v["diagnostics"].as_array().unwrap()) {
                    let got: serde_json::Value = serde_json::from_str(line).unwrap();
                    assert_eq!(&got, d);
                }
            }
            _ => assert!(s.contains("unresolved-citation")),
        }
    }
}

/// Output that cannot be written (a full disk) fails the run: exit 2 and a message, in every
/// format and in the listing commands.
#[test]
#[cfg(target_os = "linux")]
fn a_write_error_exits_2_with_a_message() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), ERROR).unwrap();
    let runs: Vec<Vec<&str>> = ["human", "json", "json-lines", "sarif", "github", "junit"]
        .iter()
        .map(|f| vec!["check", "--format", f, "a.md"])
        .chain([vec!["rules"], vec!["rule", "unused-reference"]])
        .collect();
    for args in runs {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_citelint"))
            .current_dir(t.path())
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("error: cannot write the output"),
            "{args:?}: {err}"
        );
    }
}

/// A reader that stops early (`| head`) ends the output quietly: no error, the usual code.
#[test]
fn a_closed_pipe_ends_quietly() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_citelint"))
        .args(["check", "--format", "sarif", "--today", "2026-11-24"])
        .arg(&fixtures)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // the output (a quarter of a megabyte) does not fit the pipe: the writer meets the closed end
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("cannot write"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(1));
}
