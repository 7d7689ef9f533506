//! Every file under `fixtures/` carries its expectations inline:
//!
//! - `<!-- expect: RULE[, RULE] -->` (any format; in .txt also a line `#! expect: RULE`):
//!   findings of those rules start on the next line that is not blank and not another
//!   expectation;
//! - `<!-- expect-file: RULE -->`: at least one finding of RULE anywhere in the file;
//! - `<!-- fixture: profile=NAME select=ID,ID option=RULE.KEY=VALUE -->`: how the file is
//!   linted (default: the default profile, all its rules, every option at its default);
//!   `option` sets a rule option as `[rules.RULE] KEY = VALUE` in citelint.toml would
//!   (e.g. `option=uncited-claim.threshold=0` judges claims by the lexicon alone);
//!   `retractions=FILE,FILE` names retraction lists beside the fixture, as
//!   `retractions = [...]` in a citelint.toml in the fixture's folder would.
//!
//! Every finding that is not expected, and every expectation not met, fails the test.

use citelint::config::{CliOverrides, Config};
use citelint::diagnostic::FileReport;
use citelint::document::Format;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // `fixtures/fix/` holds before/after pairs for `--fix` (tests/fix.rs)
            if p.file_name().is_some_and(|n| n == "fix") {
                continue;
            }
            fixture_files(&p, out);
        } else if Format::from_path(&p).is_some() {
            out.push(p);
        }
    }
}

fn directive<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let t = line.trim();
    let body = if let Some(b) = t.strip_prefix("<!--") {
        b.strip_suffix("-->")?.trim()
    } else {
        t.strip_prefix("#!")?.trim()
    };
    body.strip_prefix(word)?.strip_prefix(':').map(str::trim)
}

pub struct Expectations {
    pub lines: BTreeMap<(usize, String), usize>,
    pub file: Vec<String>,
    pub profile: Option<String>,
    pub select: Option<Vec<String>>,
    /// `[rules.RULE] KEY = VALUE` lines, as TOML.
    pub options: Vec<(String, String)>,
    /// Retraction lists, relative to the fixture.
    pub retractions: Vec<String>,
}

pub fn expectations(text: &str) -> Expectations {
    let lines: Vec<&str> = text.lines().collect();
    let mut e = Expectations {
        lines: BTreeMap::new(),
        file: Vec::new(),
        profile: None,
        select: None,
        options: Vec::new(),
        retractions: Vec::new(),
    };
    let is_expect = |l: &str| directive(l, "expect").is_some();
    for (i, l) in lines.iter().enumerate() {
        if let Some(rules) = directive(l, "expect") {
            let mut target = i + 1;
            while target < lines.len()
                && (lines[target].trim().is_empty() || is_expect(lines[target]))
            {
                target += 1;
            }
            for r in rules.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                *e.lines.entry((target + 1, r.to_string())).or_default() += 1;
            }
        }
        if let Some(rules) = directive(l, "expect-file") {
            e.file
                .extend(rules.split(',').map(|r| r.trim().to_string()));
        }
        if let Some(args) = directive(l, "fixture") {
            for kv in args.split_whitespace() {
                match kv.split_once('=') {
                    Some(("profile", v)) => e.profile = Some(v.to_string()),
                    Some(("select", v)) => {
                        e.select = Some(v.split(',').map(str::to_string).collect())
                    }
                    Some(("retractions", v)) => {
                        e.retractions = v.split(',').map(str::to_string).collect()
                    }
                    Some(("option", v)) => {
                        let (rule, kv) = v.split_once('.').expect("option=RULE.KEY=VALUE");
                        e.options.push((rule.to_string(), kv.to_string()));
                    }
                    _ => panic!("unknown fixture directive `{kv}`"),
                }
            }
        }
    }
    e
}

/// Lint a fixture as its directives say, judged on 2026-11-24.
fn lint_fixture(
    config: &Config,
    shown: &str,
    path: &Path,
    text: &str,
    exp: &Expectations,
) -> FileReport {
    let cli = CliOverrides {
        profile: exp.profile.clone(),
        select: exp.select.clone(),
        ignore: Vec::new(),
        today: Some("2026-11-24".parse().unwrap()),
    };
    let own;
    let config = if exp.options.is_empty() && exp.retractions.is_empty() {
        config
    } else {
        let mut by_rule: BTreeMap<&str, String> = BTreeMap::new();
        for (rule, kv) in &exp.options {
            let t = by_rule.entry(rule).or_default();
            t.push_str(kv);
            t.push('\n');
        }
        let lists = exp
            .retractions
            .iter()
            .map(|l| format!("{l:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let toml: String = std::iter::once(format!("retractions = [{lists}]\n"))
            .chain(
                by_rule
                    .iter()
                    .map(|(rule, kvs)| format!("[rules.{rule}]\n{kvs}")),
            )
            .collect();
        let mut c =
            Config::parse(shown, &toml).unwrap_or_else(|e| panic!("{shown}: {}", e.message));
        c.load_retractions(path.parent().unwrap(), &toml)
            .unwrap_or_else(|e| panic!("{shown}: {}", e.message));
        own = c;
        &own
    };
    let settings = config.settings_for(shown, &cli);
    citelint::lint_text(
        shown,
        text.to_string(),
        Format::from_path(path).unwrap(),
        &settings,
    )
}

#[test]
fn fixtures_meet_their_inline_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    assert!(
        files.len() >= 10,
        "expected a fixture tree, found {} files",
        files.len()
    );
    let config = Config::default();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let exp = expectations(&text);
        let report = lint_fixture(&config, &path.to_string_lossy(), path, &text, &exp);
        let index = citelint::document::LineIndex::new(&report.text);
        let mut got: BTreeMap<(usize, String), usize> = BTreeMap::new();
        let mut file_rules: Vec<String> = Vec::new();
        for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            if exp.file.iter().any(|f| f == d.rule) {
                file_rules.push(d.rule.to_string());
                continue;
            }
            let line = index.line_col(&report.text, d.span.start).line;
            *got.entry((line, d.rule.to_string())).or_default() += 1;
            if !exp.lines.contains_key(&(line, d.rule.to_string())) {
                failures.push(format!(
                    "{}:{line}: unexpected {}: {}",
                    path.display(),
                    d.rule,
                    d.message
                ));
            }
        }
        for (k, n) in &exp.lines {
            let g = got.get(k).copied().unwrap_or(0);
            if g != *n {
                failures.push(format!(
                    "{}:{}: expected {} × {}, got {g}",
                    path.display(),
                    k.0,
                    n,
                    k.1
                ));
            }
        }
        for f in &exp.file {
            if !file_rules.contains(f) {
                failures.push(format!(
                    "{}: expected a {} finding in the file, got none",
                    path.display(),
                    f
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_docs_and_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    let all: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for rule in citelint::checks::RULES {
        let doc = rule.doc();
        assert!(
            doc.contains(&format!("# {}", rule.id)),
            "{}: the doc comment must start with its id",
            rule.id
        );
        for part in [
            "**What it catches:**",
            "**Why it matters:**",
            "**Example:**",
            "**Options:**",
        ] {
            assert!(doc.contains(part), "{}: its doc lacks {part}", rule.id);
        }
        let expected = all.lines().any(|l| {
            directive(l, "expect")
                .or_else(|| directive(l, "expect-file"))
                .is_some_and(|r| r.split(',').any(|x| x.trim() == rule.id))
        });
        assert!(
            expected,
            "{}: no fixture expects a finding of this rule",
            rule.id
        );
    }
}

/// A rule run alone finds what it finds in a full run: what it reads (sentences, metadata) is
/// parsed for it. A rule that forgot to declare a read would see an empty list when alone.
#[test]
fn a_rule_run_alone_finds_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    fixture_files(&root, &mut files);
    let config = Config::default();
    let today = Some("2026-11-24".parse().unwrap());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let shown = path.to_string_lossy().to_string();
        let format = Format::from_path(path).unwrap();
        let all = CliOverrides {
            today,
            ..CliOverrides::default()
        };
        let full = citelint::lint_text(
            &shown,
            text.clone(),
            format,
            &config.settings_for(&shown, &all),
        );
        for rule in citelint::checks::RULES {
            // whether a suppression was used depends on the other rules of the run
            if rule.id == "unused-suppression" {
                continue;
            }
            let alone = CliOverrides {
                select: Some(vec![rule.id.to_string()]),
                today,
                ..CliOverrides::default()
            };
            let settings = config.settings_for(&shown, &alone);
            let one = citelint::lint_text(&shown, text.clone(), format, &settings);
            let pick =
                |r: &citelint::diagnostic::FileReport| -> Vec<(std::ops::Range<usize>, String)> {
                    r.diagnostics
                        .iter()
                        .filter(|d| d.rule == rule.id)
                        .map(|d| (d.span.clone(), d.message.clone()))
                        .collect()
                };
            assert_eq!(
                pick(&one),
                pick(&full),
                "{}: {} alone",
                path.display(),
                rule.id
            );
        }
    }
}

/// A span as the snapshots show it: `line:column-line:column [start..end] `excerpt``.
fn show_span(
    r: &FileReport,
    index: &citelint::document::LineIndex,
    span: &std::ops::Range<usize>,
) -> String {
    let a = index.line_col(&r.text, span.start);
    let b = index.line_col(&r.text, span.end);
    let mut excerpt: String = r
        .text
        .get(span.clone())
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    if excerpt.len() < span.len() {
        excerpt.push('…');
    }
    format!(
        "{}:{}-{}:{} [{}..{}] `{}`",
        a.line,
        a.column,
        b.line,
        b.column,
        span.start,
        span.end,
        excerpt.replace('\n', "⏎")
    )
}

/// Every finding of every fixture, its message, span, labels and help, pinned in a snapshot
/// per fixture file (`tests/snapshots/fixtures__*.snap`): a changed message or a span moved by
/// one byte fails. After an intended change: `INSTA_UPDATE=always cargo test --test fixtures`
/// (or `cargo insta review`), then read the diff.
#[test]
fn every_finding_of_every_fixture_is_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    fixture_files(&root.join("fixtures"), &mut files);
    let config = Config::default();
    for path in &files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        let exp = expectations(&text);
        let report = lint_fixture(&config, &rel, path, &text, &exp);
        let index = citelint::document::LineIndex::new(&report.text);
        let mut out = String::new();
        for d in &report.diagnostics {
            out.push_str(&format!(
                "{} {} {}\n    {}\n",
                show_span(&report, &index, &d.span),
                d.rule,
                d.severity.as_str(),
                d.message.replace('\n', "\n    ")
            ));
            for l in &d.labels {
                let at = match &l.path {
                    Some(p) => format!("{p} [{}..{}]", l.span.start, l.span.end),
                    None => show_span(&report, &index, &l.span),
                };
                out.push_str(&format!("    label {at}: {}\n", l.message));
            }
            if let Some(h) = &d.help {
                out.push_str(&format!("    help: {h}\n"));
            }
            if let Some(reason) = &d.suppressed {
                out.push_str(&format!("    suppressed: {reason}\n"));
            }
        }
        if out.is_empty() {
            out.push_str("(no findings)\n");
        }
        let name = rel.trim_start_matches("fixtures/").replace(['/', '.'], "_");
        insta::assert_snapshot!(name, out, &rel);
    }
}
