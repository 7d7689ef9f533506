//! Properties over generated articles: spans lie on char boundaries inside the file, output is
//! deterministic, file order does not change any file's findings, and every renderer survives
//! arbitrary diagnostics (spans out of range or inside a character are clamped).

use citelint::config::{CliOverrides, Config, Settings};
use citelint::diagnostic::{Diagnostic, FileReport, Label, Severity};
use citelint::document::{Document, Format};
use citelint::render;
use proptest::prelude::*;
use std::ops::Range;

/// Fragments that exercise the parsers: markers of every syntax, reference lists, front
/// matter, suppressions, HTML, multi-byte characters and every line ending.
const PIECES: &[&str] = &[
    "Salt raises blood pressure",
    " by 20% in adults",
    ". ",
    "There is no evidence that coffee causes cancer",
    "[1]",
    "[1,2]",
    "[1-3]",
    "[3–1]",
    "[[1]]",
    "[[4](#a)-[7](#b)]",
    "¹²",
    "<sup>2</sup>",
    "[^1]",
    "[^a]: A note.\n",
    "[@smith]",
    "[@a; @b]",
    " melanoma 1, 2, 3.",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "## References\n",
    "1. Smith. Salt. 2020. doi:10.1/x\n",
    "2. Jones. Tea.\n",
    "> ",
    "- ",
    "  ",
    "# Title\n",
    "---\nlast_reviewed: 2020-01-01\nreviewed_by: Dr. A\n---\n",
    "<!-- citelint-disable-next-line uncited-claim -- why -->\n",
    "<!-- citelint-disable -->",
    "<p>",
    "</p>",
    "<ul><li>",
    "<article>",
    "```\ncode [9]\n```\n",
    "é",
    "😀",
    "\u{feff}",
    "\u{200b}",
    "Last updated: February 7, 2025\n",
    "I will search for relevant research papers instead.",
    "[7]: https://example.org\n",
    "*",
    "|a|b|\n|-|-|\n",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn settings(path: &str) -> Settings {
    let cli = CliOverrides {
        today: Some(jiff::civil::date(2025, 6, 1)),
        ..CliOverrides::default()
    };
    Config::default().settings_for(path, &cli)
}

fn on_boundaries(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

const FORMATS: [(&str, Format); 3] = [
    ("a.md", Format::Markdown),
    ("a.txt", Format::Text),
    ("a.html", Format::Html),
];

fn render_all(reports: &[FileReport]) -> Vec<String> {
    vec![
        render::human::render(reports, false),
        render::human::render(reports, true),
        render::json::render(reports),
        render::json_lines::render(reports),
        render::sarif::render(reports),
        render::github::render(reports),
        render::junit::render(reports),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_lie_on_char_boundaries(text in article()) {
        for (path, format) in FORMATS {
            let s = settings(path);
            let doc = Document::parse(path, text.clone(), format, &s.parse);
            for b in &doc.blocks {
                prop_assert!(on_boundaries(&text, &b.span), "block {:?}", b.span);
            }
            for x in &doc.sentences {
                prop_assert!(on_boundaries(&text, &x.span), "sentence {:?}", x.span);
            }
            for c in &doc.citations {
                prop_assert!(on_boundaries(&text, &c.span), "citation {:?}", c.span);
            }
            for r in doc.references.iter().filter(|r| r.path.is_none()) {
                prop_assert!(on_boundaries(&text, &r.span), "reference {:?}", r.span);
            }
            let report = citelint::lint_text(path, text.clone(), format, &s);
            for d in &report.diagnostics {
                prop_assert!(on_boundaries(&text, &d.span), "{} {:?}", d.rule, d.span);
                for l in d.labels.iter().filter(|l| l.path.is_none()) {
                    prop_assert!(on_boundaries(&text, &l.span), "{} label {:?}", d.rule, l.span);
                }
            }
        }
    }

    #[test]
    fn same_input_same_output(text in article()) {
        for (path, format) in FORMATS {
            let s = settings(path);
            let a = render_all(&[citelint::lint_text(path, text.clone(), format, &s)]);
            let b = render_all(&[citelint::lint_text(path, text.clone(), format, &s)]);
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn renderers_clamp_arbitrary_spans(
        text in article(),
        spans in prop::collection::vec((0usize..400, 0usize..400), 1..6),
        huge in any::<bool>(),
        other_file in any::<bool>(),
    ) {
        let fix = |(a, b): (usize, usize)| if huge { a..usize::MAX - b } else { a..b };
        let mut diags = Vec::new();
        for (i, &(a, b)) in spans.iter().enumerate() {
            let mut d = Diagnostic::new("uncited-claim", fix((a, b)), "m<&>\"é\n%")
                .help("h\r\n");
            d.severity = [Severity::Error, Severity::Warning, Severity::Info][i % 3];
            d.labels.push(Label {
                span: fix((b, a)),
                message: "label".into(),
                path: other_file.then(|| "refs.json".to_string()),
            });
            if i == 1 {
                d.suppressed = Some("reason".into());
            }
            diags.push(d);
        }
        let reports = [
            FileReport { path: "a b/ç.md".into(), text: text.clone(), diagnostics: diags },
            FileReport { path: "empty.md".into(), text: String::new(), diagnostics: vec![
                Diagnostic::new("parse-error", std::ops::Range { start: 5, end: 3 }, "inverted"),
            ] },
        ];
        let out = render_all(&reports);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&out[2]).is_ok());
        prop_assert!(serde_json::from_str::<serde_json::Value>(&out[4]).is_ok());
        let _ = citelint::baseline::build(&reports);
    }
}

/// File order does not change any file's findings: the same files named in two orders give
/// the same JSON (the walk sorts; the rules are per file).
#[test]
fn file_order_does_not_change_findings() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(12));
    let files = prop::collection::vec(article(), 3..5);
    runner
        .run(&files, |texts| {
            let t = tempfile::tempdir().unwrap();
            let mut names = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                let name = format!("f{i}.{}", ["md", "txt", "html"][i % 3]);
                std::fs::write(t.path().join(&name), text).unwrap();
                names.push(name);
            }
            let run = |names: &[String]| {
                assert_cmd::cargo::cargo_bin_cmd!("citelint")
                    .current_dir(t.path())
                    .args(["check", "--format", "json", "--today", "2025-06-01"])
                    .args(names)
                    .output()
                    .unwrap()
                    .stdout
            };
            let forward = run(&names);
            names.reverse();
            names.rotate_left(1);
            prop_assert_eq!(forward, run(&names));
            Ok(())
        })
        .unwrap();
}

/// One marker of a generated article: its syntax (0 `[a, b]`, 1 `[[a]]`, 2 superscript,
/// 3 `<sup>`, 4 PDQ linked), its numbers, and whether it is written as a range.
type MarkerSpec = (u8, Vec<u32>, bool);

fn write_marker(section: usize, (syntax, nums, range): &MarkerSpec) -> String {
    // numbers as drawn: `[5, 1]` is written out of order, `[2, 2]` twice
    let (lo, hi) = (*nums.iter().min().unwrap(), *nums.iter().max().unwrap());
    let range = *range && hi > lo;
    let sup = |n: u32| -> String {
        n.to_string()
            .chars()
            .map(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().nth(c as usize - '0' as usize).unwrap())
            .collect()
    };
    let list = |f: &dyn Fn(u32) -> String, sep: &str, dash: &str| -> String {
        if range {
            format!("{}{dash}{}", f(lo), f(hi))
        } else {
            nums.iter().map(|&n| f(n)).collect::<Vec<_>>().join(sep)
        }
    };
    match syntax {
        0 => format!(" [{}].", list(&|n| n.to_string(), ", ", "–")),
        1 => format!(" [[{}]].", list(&|n| n.to_string(), ", ", "-")),
        2 => format!(".{}", list(&sup, ",", "⁻")),
        3 => format!(".<sup>{}</sup>", list(&|n| n.to_string(), ",", "-")),
        _ => format!(
            ".[{}]",
            list(&|n| format!("[{n}](#cit/section_{section}.{n})"), ",", "-")
        ),
    }
}

fn cited_article() -> impl Strategy<Value = String> {
    let section = (1u32..7).prop_flat_map(|n| {
        let marker = (0u8..5, prop::collection::vec(1..=n, 1..4), any::<bool>());
        (Just(n), prop::collection::vec(marker, 1..8))
    });
    prop::collection::vec(section, 1..3).prop_map(|sections| {
        let mut t = String::from("# Article\n\n");
        for (s, (n, markers)) in sections.iter().enumerate() {
            t.push_str(&format!("## Part {s}\n\n"));
            for (i, m) in markers.iter().enumerate() {
                t.push_str(&format!(
                    "Claim {i} of part {s} is stated here{}\n",
                    write_marker(s + 1, m)
                ));
            }
            t.push_str("\n###### References\n\n");
            for k in 1..=*n {
                // entries that end in a link, or run on over a second line (as PDQ's do)
                let tail = match k % 3 {
                    0 => format!(" [[PUBMED Abstract]](http://x.org/?uids={s}{k} \"x\")"),
                    1 if k > 1 => format!("\nContinued {s}.{k}."),
                    _ => String::new(),
                };
                t.push_str(&format!(
                    "{k}. Author{s}x{k} A. Study {k} of part {s}. J Med. 2020.{tail}\n"
                ));
            }
            t.push('\n');
        }
        t
    })
}

/// For every marker, the texts of the entries it resolves to.
fn cites(text: &str) -> Vec<Vec<String>> {
    let doc = Document::parse(
        "a.md",
        text.to_string(),
        Format::Markdown,
        &settings("a.md").parse,
    );
    doc.citations
        .iter()
        .map(|c| {
            let mut v: Vec<String> = c
                .targets
                .iter()
                .map(|t| {
                    t.resolved.map_or(format!("unresolved {}", t.key), |r| {
                        doc.references[r].text.clone()
                    })
                })
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// `--fix` over articles citing out of order in every numbered syntax: each marker still
    /// cites the same reference text, the numbering comes out in order, a second fix is a no-op.
    #[test]
    fn fix_keeps_every_marker_on_its_source(text in cited_article()) {
        let cli = CliOverrides {
            select: Some(vec!["citation-order".into(), "unused-reference".into(), "malformed-citation".into()]),
            today: Some(jiff::civil::date(2025, 6, 1)),
            ..CliOverrides::default()
        };
        let s = Config::default().settings_for("a.md", &cli);
        let opts = citelint::fix::FixOptions::default();
        let fixed = citelint::fix::fix_text("a.md", &text, Format::Markdown, &s, opts);
        prop_assert!(fixed.skipped.is_empty(), "{:?}\n{}", fixed.skipped, text);
        prop_assert_eq!(cites(&fixed.text), cites(&text), "\n{}\n{}", text, fixed.text);
        let report = citelint::lint_text("a.md", fixed.text.clone(), Format::Markdown, &s);
        prop_assert!(
            report.diagnostics.iter().all(|d| d.rule != "citation-order"),
            "{:?}\n{}", report.diagnostics, fixed.text
        );
        let again = citelint::fix::fix_text("a.md", &fixed.text, Format::Markdown, &s, opts);
        prop_assert_eq!(&again.text, &fixed.text);
        prop_assert!(again.fixed.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// `--fix --unsafe-fixes` over arbitrary fragments in every format never panics, and
    /// what it leaves a second fix does not change.
    #[test]
    fn fix_survives_any_article_and_is_idempotent(text in article()) {
        let opts = citelint::fix::FixOptions { unsafe_fixes: true };
        for (path, format) in FORMATS {
            let s = settings(path);
            let fixed = citelint::fix::fix_text(path, &text, format, &s, opts);
            let again = citelint::fix::fix_text(path, &fixed.text, format, &s, opts);
            prop_assert_eq!(&again.text, &fixed.text, "{}", path);
        }
    }
}
