//! Rule packs named by `rule-packs` in citelint.toml extend the built-in lexicons; a broken
//! or oversized pack is a config error (exit 2) that names the pack.

use assert_cmd::cargo::cargo_bin_cmd;

const ARTICLE: &str = "# Notes\n\nBeep boop, as your friendly robot I checked the sources.\n";

fn run(pack: &str) -> (i32, String, String) {
    run_with(pack, ARTICLE, "assistant-artifact")
}

/// Lint `article` as a.md with `pack` as the config's only rule pack, running `select`.
fn run_with(pack: &str, article: &str, select: &str) -> (i32, String, String) {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("citelint.toml"),
        // threshold 0: claims judged by the (extended) lexicon alone, not the model
        "rule-packs = [\"house.toml\"]\n[rules.uncited-claim]\nthreshold = 0\n",
    )
    .unwrap();
    std::fs::write(t.path().join("house.toml"), pack).unwrap();
    std::fs::write(t.path().join("a.md"), article).unwrap();
    let out = cargo_bin_cmd!("citelint")
        .current_dir(t.path())
        .args(["check", "--format", "json", "--select", select, "a.md"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_pack_adds_assistant_patterns() {
    // without the pack's pattern the sentence is not an artifact
    let (code, out, _) = run("");
    assert_eq!(code, 0, "{out}");
    let (code, out, err) = run(
        "[[assistant.pattern]]\nregex = \"as your friendly robot\"\nwhat = \"the assistant introduces itself\"\n",
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "assistant-artifact");
    assert_eq!(d["start"]["line"], 3);
}

#[test]
fn a_pattern_that_compiles_to_something_huge_is_rejected() {
    let (code, _, err) =
        run("[[assistant.pattern]]\nregex = \"((a{100}){100}){100}\"\nwhat = \"huge\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("house.toml") && err.contains("assistant"),
        "{err}"
    );
}

#[test]
fn unknown_tables_and_bad_toml_are_errors() {
    let (code, _, err) = run("[scripts]\nrun = \"rm -rf /\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("unknown table `scripts`"), "{err}");
    let (code, _, err) = run("[claims\n");
    assert_eq!(code, 2);
    assert!(err.contains("not valid TOML"), "{err}");
}

#[test]
fn a_pack_adds_claim_cues() {
    let pack = "[[claims.group]]\nkind = \"research\"\nweight = 0.9\nphrases = [\"the registry data say\"]\n";
    let (_, out, err) = run_with(
        pack,
        "# N\n\nThe registry data say that knees heal.\n",
        "uncited-claim",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    let msg = v["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(msg.contains("The registry data say"), "{v}");
}

#[test]
fn patterns_may_share_a_group_name() {
    // each pattern stands alone: two authors may both name a group `who`
    let pack = r#"
[[assistant.pattern]]
regex = '\bas an (?P<who>AI) model\b'
what = "model"

[[assistant.pattern]]
regex = '\bI am (?P<who>a chatbot)\b'
what = "chatbot"
"#;
    let (code, out, err) = run_with(
        pack,
        "# Q\n\nI am a chatbot and cannot examine you.\n",
        "assistant-artifact",
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("assistant-artifact"), "{out}");
}
