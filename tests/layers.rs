//! The direction of flow, checked: the document layer imports nothing from the layers built on
//! it, so a parser can never come to depend on a rule, a renderer or the command line.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::LAYER` path in the code (comments included: a doc link is a dependency too).
fn uses_of(files: &[std::path::PathBuf], layers: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            for layer in layers {
                let needle = format!("crate::{layer}");
                let hit = line.match_indices(&needle).any(|(at, _)| {
                    !line[at + needle.len()..]
                        .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                if hit {
                    found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_document_layer_imports_nothing_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("document"), &mut files);
    assert!(files.len() >= 10, "{files:?}");
    let above = [
        "checks",
        "render",
        "server",
        "cli",
        "config",
        "profile",
        "run",
        "suppress",
        "baseline",
        "git_diff",
        "walk",
        "lint_document",
        "lint_text",
        "lint_file",
        "lint_bytes",
    ];
    let found = uses_of(&files, &above);
    assert!(
        found.is_empty(),
        "the document layer reaches up:\n{}",
        found.join("\n")
    );
    assert!(
        !root.join("html").exists(),
        "HTML parsing lives in src/document/html.rs"
    );
}

#[test]
fn rules_do_not_reach_into_rendering_or_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("checks"), &mut files);
    let found = uses_of(
        &files,
        &["render", "server", "cli", "run", "config", "suppress"],
    );
    assert!(found.is_empty(), "a rule reaches up:\n{}", found.join("\n"));
}

/// One file per rule id, in the folder of its family: `src/checks/FAMILY/RULE_ID.rs`.
#[test]
fn every_rule_lives_in_its_family_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/checks");
    let mut families = std::collections::BTreeSet::new();
    for rule in citelint::checks::RULES {
        let file = root
            .join(rule.family)
            .join(format!("{}.rs", rule.id.replace('-', "_")));
        assert!(file.is_file(), "{}: expected {}", rule.id, file.display());
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            text, rule.source,
            "{}: its docs come from its own file",
            rule.id
        );
        families.insert(rule.family);
    }
    assert!(families.len() >= 4, "{families:?}");
}
