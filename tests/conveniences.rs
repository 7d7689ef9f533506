//! The everyday conveniences: standard input (`-`, `--stdin-filename`), `--output-file`,
//! `--statistics`. Each pins what a user sees: the paths in the findings, the notes and
//! error messages, the exit codes.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;
use std::process::Output;

/// unresolved-citation (error) and unused-reference (warning)
const ARTICLE: &str =
    "# A\n\nSalt raises blood pressure [3].\n\n## References\n1. Smith. Salt. 2020.\n";
const RULES: &str = "unresolved-citation,unused-reference";

fn run(dir: &Path, args: &[&str], stdin: &str) -> Output {
    cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code and the whole of stderr.
fn exits_saying(o: &Output, code: i32, err: &str) {
    assert_eq!((o.status.code(), stderr(o).as_str()), (Some(code), err));
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// (path, rule) of every finding
fn findings(v: &serde_json::Value) -> Vec<(String, String)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn stdin_filename_names_the_findings_and_finds_the_config_in_its_folder() {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir(t.path().join("docs")).unwrap();
    // the config in the named file's folder, not the working directory, turns a rule off
    std::fs::write(
        t.path().join("docs/citelint.toml"),
        "select = [\"unresolved-citation\", \"unused-reference\"]\nignore = [\"unused-reference\"]\n",
    )
    .unwrap();
    let o = run(
        t.path(),
        &["--format", "json", "--stdin-filename", "docs/salt.md", "-"],
        ARTICLE,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        findings(&json(&o)),
        [(
            "docs/salt.md".to_string(),
            "unresolved-citation".to_string()
        )]
    );
    // the file itself does not exist: standard input is what was read
    assert!(!t.path().join("docs/salt.md").exists());
    assert_eq!(stderr(&o), "");
    // the config's per-path overrides match the named path, relative to the config
    std::fs::write(
        t.path().join("docs/citelint.toml"),
        "select = [\"unresolved-citation\"]\n[[overrides]]\npaths = [\"drafts/**\"]\nignore = [\"unresolved-citation\"]\n",
    )
    .unwrap();
    std::fs::create_dir(t.path().join("docs/drafts")).unwrap();
    let o = run(
        t.path(),
        &[
            "--format",
            "json",
            "--stdin-filename",
            "docs/drafts/salt.md",
            "-",
        ],
        ARTICLE,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(findings(&json(&o)), []);
    // with no path at all, --stdin-filename reads standard input too (as ruff does)
    let o = run(
        t.path(),
        &["--format", "json", "--stdin-filename", "docs/salt.md"],
        ARTICLE,
    );
    assert_eq!(findings(&json(&o)).len(), 1);
}

#[test]
fn stdin_filename_extension_picks_the_format() {
    let t = tempfile::tempdir().unwrap();
    let html = "<html><body><p>Salt raises blood pressure [3].</p>\
        <h2>References</h2><ol><li>Smith. Salt. 2020.</li></ol></body></html>";
    let o = run(
        t.path(),
        &[
            "--format",
            "json",
            "--select",
            RULES,
            "--stdin-filename",
            "page.html",
            "-",
        ],
        html,
    );
    let v = json(&o);
    let f = findings(&v);
    assert!(
        f.contains(&("page.html".into(), "unresolved-citation".into())),
        "{v}"
    );
    // read as Markdown, the tags would be text and the line would carry them
    let d = &v["diagnostics"][0];
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(&html[start..start + 3], "[3]");
}

#[test]
fn a_dash_alone_is_markdown_and_says_so_once() {
    let t = tempfile::tempdir().unwrap();
    let o = run(
        t.path(),
        &["--format", "json", "--select", RULES, "-"],
        ARTICLE,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&json(&o)),
        [
            ("-".to_string(), "unresolved-citation".to_string()),
            ("-".to_string(), "unused-reference".to_string())
        ]
    );
    assert_eq!(
        stderr(&o),
        "note: reading standard input as Markdown; --stdin-filename PATH names it (its extension picks the format)\n"
    );
    // an unknown extension is read as Markdown too, and said
    let o = run(
        t.path(),
        &["--select", RULES, "--stdin-filename", "notes.xyz", "-"],
        ARTICLE,
    );
    exits_saying(
        &o,
        1,
        "note: `notes.xyz` is not a Markdown, text or HTML file name; reading standard input as Markdown\n",
    );
}

#[test]
fn stdin_cannot_be_mixed_with_paths() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), ARTICLE).unwrap();
    let o = run(t.path(), &["a.md", "-"], ARTICLE);
    exits_saying(
        &o,
        2,
        "error: `-` (standard input) cannot be combined with other paths\n",
    );
    let o = run(t.path(), &["--stdin-filename", "b.md", "a.md"], ARTICLE);
    exits_saying(
        &o,
        2,
        "error: --stdin-filename names standard input; give `-` as the only path (or no path)\n",
    );
}

#[test]
fn output_file_holds_the_report_and_stdout_stays_empty() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), ARTICLE).unwrap();
    let o = run(
        t.path(),
        &[
            "--format",
            "json",
            "--select",
            RULES,
            "--output-file",
            "report.json",
            "a.md",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(t.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(v["summary"]["diagnostics"], 2);
    // human output into a file has no colour codes, even when asked for auto
    let o = run(
        t.path(),
        &["--select", RULES, "--output-file", "report.txt", "a.md"],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    let text = std::fs::read_to_string(t.path().join("report.txt")).unwrap();
    assert!(text.contains("error[unresolved-citation]"), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn output_file_in_a_missing_folder_is_exit_2() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), ARTICLE).unwrap();
    let o = run(t.path(), &["--output-file", "out/report.json", "a.md"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        "error: cannot write the report to out/report.json: the folder out does not exist\n"
    );
    assert!(!t.path().join("out").exists());
}

#[test]
fn statistics_count_findings_per_rule() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), ARTICLE).unwrap();
    std::fs::write(t.path().join("b.md"), ARTICLE).unwrap();
    let o = run(t.path(), &["--select", RULES, "--statistics", "."], "");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "2  unresolved-citation  a marker names a reference that no list in scope defines, or there is no reference list\n\
         2  unused-reference     a reference entry is never cited\n"
    );
    let o = run(
        t.path(),
        &["--select", RULES, "--statistics", "--format", "json", "."],
        "",
    );
    let v = json(&o);
    assert_eq!(v[0]["rule"], "unresolved-citation");
    assert_eq!(v[0]["count"], 2);
    // the exit code is the run's, as without --statistics
    let o = run(
        t.path(),
        &["--select", RULES, "--statistics", "--exit-zero", "."],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let o = run(t.path(), &["--statistics", "--format", "sarif", "."], "");
    exits_saying(
        &o,
        2,
        "error: --statistics prints a table (--format human) or JSON (--format json)\n",
    );
}

/// unused-suppression runs by default, is documented, and `--ignore` turns it off.
#[test]
fn unused_suppressions_are_reported_and_can_be_turned_off() {
    let t = tempfile::tempdir().unwrap();
    let text = "# Tea\n\n<!-- citelint-disable-next-line unresolved-citation -- added since -->\n\
        Green tea contains caffeine [1].\n\n## References\n1. Ito K. Caffeine in tea. 2017.\n";
    let args = [
        "--format",
        "json",
        "--select",
        "unresolved-citation,unused-suppression",
        "-",
    ];
    let o = run(t.path(), &args, text);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(
        findings(&v),
        [("-".to_string(), "unused-suppression".to_string())]
    );
    assert_eq!(
        v["diagnostics"][0]["message"],
        "`unresolved-citation` is suppressed here, but no `unresolved-citation` finding was found"
    );
    // in the default profile too
    let o = run(t.path(), &["--format", "json", "-"], text);
    assert!(
        findings(&json(&o))
            .iter()
            .any(|(_, r)| r == "unused-suppression")
    );
    let o = run(
        t.path(),
        &["--format", "json", "--ignore", "unused-suppression", "-"],
        text,
    );
    assert!(
        !findings(&json(&o))
            .iter()
            .any(|(_, r)| r == "unused-suppression")
    );
    let doc = cargo_bin_cmd!("citelint")
        .args(["rule", "unused-suppression"])
        .output()
        .unwrap();
    assert_eq!(doc.status.code(), Some(0));
    let doc = String::from_utf8(doc.stdout).unwrap();
    assert!(doc.starts_with("# unused-suppression\n"), "{doc}");
    assert!(doc.contains("`require-reason`"), "{doc}");
}

fn citelint(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// The schema kept in the repository for SchemaStore is the one the binary prints.
#[test]
fn the_committed_schema_is_citelint_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = citelint(root, &["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(root.join("citelint.schema.json")).unwrap();
    assert!(
        String::from_utf8(o.stdout).unwrap() == committed,
        "citelint.schema.json is stale: run `cargo run -- schema > citelint.schema.json`"
    );
    let v: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(v["properties"]["rules"]["$ref"], "#/definitions/rules");
    assert!(
        v["definitions"]["rules"]["properties"]["unused-suppression"]["properties"]
            ["require-reason"]
            .is_object()
    );
}

#[test]
fn init_writes_a_config_for_the_profile_and_never_overwrites() {
    let t = tempfile::tempdir().unwrap();
    let o = citelint(t.path(), &["init", "--profile", "general"]);
    exits_saying(
        &o,
        0,
        "wrote citelint.toml (profile general): `citelint check` uses it in this folder and below\n",
    );
    let written = std::fs::read_to_string(t.path().join("citelint.toml")).unwrap();
    assert!(written.contains("\nprofile = \"general\"\n"), "{written}");
    // the run uses it: general turns citation-order off
    std::fs::write(
        t.path().join("a.md"),
        "# C\n\nAdults need sleep [2], and teens more [1].\n\n## References\n1. Roe. Teens. 2017.\n2. Poe. Adults. 2016.\n",
    )
    .unwrap();
    let o = citelint(t.path(), &["check", "--format", "json", "a.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["summary"]["diagnostics"], 0);
    // a second init changes nothing
    std::fs::write(t.path().join("citelint.toml"), "profile = \"medical\"\n").unwrap();
    let o = citelint(t.path(), &["init"]);
    exits_saying(
        &o,
        2,
        "error: citelint.toml already exists; citelint init never overwrites a config (edit it, or remove it first)\n",
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("citelint.toml")).unwrap(),
        "profile = \"medical\"\n"
    );
    let o = citelint(t.path(), &["init", "--profile", "nope"]);
    exits_saying(
        &o,
        2,
        "error: unknown profile `nope`; the profiles are: general, medical\n",
    );
}

#[test]
fn completions_for_every_shell() {
    let t = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = citelint(t.path(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(o.stdout).unwrap();
        for word in ["citelint", "check", "stdin-filename", "statistics"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        if shell == "bash" && cfg!(unix) {
            // the script parses
            let f = t.path().join("citelint.bash");
            std::fs::write(&f, &script).unwrap();
            let st = std::process::Command::new("bash")
                .arg("-n")
                .arg(&f)
                .status()
                .unwrap();
            assert!(st.success());
        }
    }
    let o = citelint(t.path(), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Standard input goes through the same checks as a file: invalid UTF-8 is one `parse-error`
/// at the named path, not a crash.
#[test]
fn broken_stdin_is_a_parse_error_at_the_named_path() {
    let t = tempfile::tempdir().unwrap();
    let o = cargo_bin_cmd!("citelint")
        .current_dir(t.path())
        .args(["check", "--format", "json", "--stdin-filename", "a.md", "-"])
        .write_stdin(b"# A\n\nSalt \xff raises.\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(
        findings(&v),
        [("a.md".to_string(), "parse-error".to_string())]
    );
    assert_eq!(v["diagnostics"][0]["span"]["start"], 10);
}
