//! `--fix` run twice at once, in two processes, over the same tree: every file ends either as
//! it was or correctly fixed (as `fix_text` fixes it), never half written, and no temporary
//! file is left behind.

use citelint::config::{CliOverrides, Config};
use citelint::document::Format;
use citelint::fix::{FixOptions, fix_text};
use std::path::Path;
use std::process::{Command, Stdio};

/// Article `i`: three numbered entries cited out of order, in one of several syntaxes, and a
/// body long enough that a torn write would show.
fn article(i: usize) -> String {
    let cites = [
        ("[3]", "[1]", "[2]"),
        ("[2, 3]", "[1]", "[3]"),
        ("[3]", "[1–2]", "[2]"),
        ("[2][3]", "[1]", "[1, 3]"),
    ][i % 4];
    let filler = format!("Paragraph {i} restates what the trials measured. ").repeat(40);
    format!(
        "# Article {i}\n\nSalt intake raised blood pressure in trial {i} {}.\n\n{filler}\n\n\
         Potassium lowered it again {}.\n\nBoth effects were small {}.\n\n## References\n\n\
         1. Ames R. Potassium study number {i}. J Hypertens. 2019.\n\
         2. Berg L. Combined effects, report {i}. Lancet. 2020.\n\
         3. Cole P. Salt trial {i}. BMJ. 2018.\n",
        cites.0, cites.1, cites.2
    )
}

#[test]
fn two_fix_runs_at_once_leave_every_file_as_before_or_fixed() {
    let n = 600;
    let tmp = tempfile::tempdir().unwrap();
    let cli = CliOverrides {
        select: Some(vec!["citation-order".into()]),
        ..CliOverrides::default()
    };
    let settings = Config::default().settings_for("a.md", &cli);
    let mut want = Vec::new();
    for i in 0..n {
        let text = article(i);
        let fixed = fix_text(
            "a.md",
            &text,
            Format::Markdown,
            &settings,
            FixOptions::default(),
        );
        assert_ne!(fixed.text, text, "article {i} has something to fix");
        std::fs::write(tmp.path().join(format!("a{i:04}.md")), &text).unwrap();
        want.push((text, fixed.text));
    }
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_citelint"))
            .current_dir(tmp.path())
            .args([
                "check",
                "--fix",
                "--select",
                "citation-order",
                "--format",
                "json",
                ".",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (run(), run());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        // 0: nothing remains; a file the other process wrote first is skipped with a warning,
        // never an error
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut fixed = 0;
    for (i, (before, after)) in want.iter().enumerate() {
        let got = std::fs::read_to_string(tmp.path().join(format!("a{i:04}.md"))).unwrap();
        assert!(
            got == *before || got == *after,
            "a{i:04}.md is neither as before nor fixed:\n{got}"
        );
        fixed += usize::from(got == *after);
    }
    // each file was read by at least one process before anything else touched it
    assert_eq!(fixed, n, "every file ends fixed");
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| !(f.starts_with('a') && f.ends_with(".md")))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(Path::new(tmp.path()).read_dir().unwrap().count() == n);
}
