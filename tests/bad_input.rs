//! Hostile and broken input: each case has a decided outcome, documented on its test and in
//! `docs/bad-input.md`. The large-scale cases (a 200 MB file, a 10 MB line, 100,000-item
//! lists and bibliographies) run against the release binary in `tests/hostile-scale.sh`.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

const ARTICLE: &str =
    "# A\n\nSalt raises blood pressure [3].\n\n## References\n1. Smith. Salt. 2020.\n";
/// Citation rules only, so outcomes do not depend on the metadata rules of the profile.
const RULES: &str = "unresolved-citation,unused-reference,malformed-citation";

fn run(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("citelint")
        .current_dir(dir)
        .args(["check", "--format", "json", "--select", RULES])
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

fn diags(o: &Output) -> Vec<serde_json::Value> {
    json(o)["diagnostics"].as_array().unwrap().clone()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Invalid UTF-8: one `parse-error` at the offset of the first invalid byte (exit 1); the
/// file is not linted further (no lossy reading).
#[test]
fn invalid_utf8_reports_the_offset() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "a.md",
        b"# Caf\xc3\xa9\n\nSalt \xff raises [1].\n",
    );
    let o = run(t.path(), &["a.md"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diags(&o);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["rule"], "parse-error");
    assert_eq!(d[0]["span"]["start"], 14);
    assert!(d[0]["message"].as_str().unwrap().contains("offset 14"));
    assert_eq!(d[0]["start"]["line"], 3);
}

/// UTF-16 with a BOM (either byte order): one `parse-error` naming UTF-16 (exit 1).
#[test]
fn utf16_with_bom_is_named() {
    let t = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "# A\n\nSalt [1].\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(t.path(), "a.md", bytes);
    let o = run(t.path(), &["a.md"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diags(&o);
    assert_eq!(d.len(), 1);
    assert!(d[0]["message"].as_str().unwrap().contains("UTF-16"));
}

/// CRLF and lone CR line endings: findings as with LF, spans exact (the span's text is the
/// marker) and lines counted at every kind of line end.
#[test]
fn crlf_and_lone_cr_keep_spans_exact() {
    for eol in ["\r\n", "\r"] {
        let t = tempfile::tempdir().unwrap();
        let text = ARTICLE.replace('\n', eol);
        write(t.path(), "a.md", &text);
        let o = run(t.path(), &["a.md"]);
        assert_eq!(o.status.code(), Some(1), "{eol:?}");
        let d = diags(&o);
        let u = d
            .iter()
            .find(|d| d["rule"] == "unresolved-citation")
            .unwrap_or_else(|| panic!("{eol:?}: {d:?}"));
        let (s, e) = (
            u["span"]["start"].as_u64().unwrap() as usize,
            u["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], "[3]", "{eol:?}");
        assert_eq!(u["start"]["line"], 3, "{eol:?}");
        assert_eq!(u["start"]["column"], 28, "{eol:?}");
    }
}

/// NUL bytes / binary files: one `parse-error` ("looks binary", with the offset of the NUL),
/// exit 1; an image renamed `.md` is the same.
#[test]
fn nul_bytes_and_binary_files() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "a.md", b"# A\n\nSalt\0 [1].\n");
    write(t.path(), "b.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8");
    let o = run(t.path(), &["a.md", "b.md"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diags(&o);
    assert_eq!(d.len(), 2);
    assert!(d.iter().all(|d| d["rule"] == "parse-error"));
    assert!(d[0]["message"].as_str().unwrap().contains("offset 9"));
}

/// Broken bibliographies: a `.bib` that does not parse, a binary file, a missing file, a
/// folder, invalid UTF-8 and a BibTeX file named `.json`: one `parse-error` each, labelled
/// into the file where the parser says, the markers saying the bibliography could not be
/// read; never a panic.
#[test]
fn broken_bibliographies() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "broken.bib",
        "@article{a,\n  title = {never closed\n",
    );
    write(
        t.path(),
        "binary.bib",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8",
    );
    write(t.path(), "latin1.bib", b"@article{a, title = {Caf\xe9}}\n");
    write(t.path(), "bib.json", "@article{a, title = {T}}\n");
    std::fs::create_dir(t.path().join("folder.bib")).unwrap();
    for (i, bib) in [
        "broken.bib",
        "binary.bib",
        "latin1.bib",
        "bib.json",
        "folder.bib",
        "missing.bib",
        "@{}.yaml",
    ]
    .iter()
    .enumerate()
    {
        let name = format!("a{i}.qmd");
        write(
            t.path(),
            &name,
            format!("---\nbibliography: \"{bib}\"\n---\n# A\n\nSalt raises pressure [@a].\n"),
        );
        let o = run(t.path(), &[&name]);
        assert_eq!(o.status.code(), Some(1), "{bib}");
        let d = diags(&o);
        assert_eq!(d.len(), 2, "{bib}: {d:?}");
        assert_eq!(d[0]["rule"], "parse-error", "{bib}");
        assert!(
            d[1]["message"]
                .as_str()
                .unwrap()
                .contains("could not be read"),
            "{bib}: {}",
            d[1]["message"]
        );
    }
}

/// Empty files (and whitespace-only ones): nothing to cite, no finding from the citation
/// rules, exit 0; under the medical profile the missing metadata is reported, no panic.
#[test]
fn empty_files() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "a.md", "");
    write(t.path(), "b.txt", "");
    write(t.path(), "c.html", "  \n\n");
    let o = run(t.path(), &["a.md", "b.txt", "c.html"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(diags(&o).is_empty());
    let o = cargo_bin_cmd!("citelint")
        .current_dir(t.path())
        .args(["check", "--format", "json", "--profile", "medical", "a.md"])
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)));
    assert!(diags(&o).iter().all(|d| d["rule"] != "parse-error"));
}

/// 10,000 levels of nested quotes, lists and HTML elements: linted, no stack overflow.
#[test]
fn deep_nesting_does_not_overflow() {
    let t = tempfile::tempdir().unwrap();
    let n = 10_000;
    write(
        t.path(),
        "quotes.md",
        format!("# Q\n\n{}Salt raises blood pressure [3].\n", "> ".repeat(n)),
    );
    write(
        t.path(),
        "lists.md",
        format!("# L\n\n{}x [3]\n", "- ".repeat(n)),
    );
    let mut indented = String::from("# I\n\n");
    for i in 0..2_000 {
        indented.push_str(&" ".repeat(i * 2));
        indented.push_str("- x [3]\n");
    }
    write(t.path(), "indented.md", indented);
    write(
        t.path(),
        "deep.html",
        format!(
            "<html><body>{}<p>Salt [3].</p>{}</body></html>",
            "<div><blockquote><ul><li>".repeat(n / 4),
            "</li></ul></blockquote></div>".repeat(n / 4)
        ),
    );
    write(
        t.path(),
        "unclosed.html",
        format!("<body>{}x [3]", "<blockquote><ol><li>".repeat(n / 3)),
    );
    let o = run(
        t.path(),
        &[
            "quotes.md",
            "lists.md",
            "indented.md",
            "deep.html",
            "unclosed.html",
        ],
    );
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(json(&o)["summary"]["files"], 5);
}

/// Symlink loops: a folder walk does not follow links (no loop, the loop is not reported);
/// a looping link named on the command line is a failed path (exit 2), the rest still linted.
#[cfg(unix)]
#[test]
fn symlink_loops() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("d");
    std::fs::create_dir(&d).unwrap();
    write(&d, "ok.md", ARTICLE);
    std::os::unix::fs::symlink(".", d.join("loop")).unwrap();
    std::os::unix::fs::symlink(&d, d.join("up")).unwrap();
    std::os::unix::fs::symlink("b.md", d.join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", d.join("b.md")).unwrap();
    let o = run(t.path(), &["d"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["summary"]["files"], 1);
    let o = run(t.path(), &["d/a.md", "d/ok.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&o)["summary"]["files"], 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("d/a.md"));
}

/// Unreadable paths named on the command line: a dangling symlink and a FIFO are reported
/// (exit 2, without blocking on the FIFO) and the other files are still linted; a directory
/// named `x.md` is a folder and is walked.
#[cfg(unix)]
#[test]
fn unreadable_paths_are_reported_and_others_linted() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "ok.md", ARTICLE);
    std::os::unix::fs::symlink("gone.md", t.path().join("dangling.md")).unwrap();
    let fifo = t.path().join("pipe.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::create_dir(t.path().join("x.md")).unwrap();
    write(&t.path().join("x.md"), "inner.md", ARTICLE);
    let o = run(t.path(), &["dangling.md", "pipe.md", "x.md", "ok.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("dangling.md"), "{err}");
    assert!(err.contains("pipe.md: not a regular file"), "{err}");
    let v = json(&o);
    assert_eq!(v["summary"]["files"], 2);
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"ok.md") && paths.contains(&"x.md/inner.md"));
    // a FIFO inside a walked folder is not a file: skipped, not read
    let o = run(t.path(), &["."]);
    assert_eq!(o.status.code(), Some(1));
}

/// A file deleted after the walk listed it: the read error is returned (the CLI prints
/// `error: cannot read …` and exits 2) and the other files are linted.
#[test]
fn file_deleted_during_the_walk() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "a.md", ARTICLE);
    write(t.path(), "b.md", ARTICLE);
    let walked = citelint::walk::walk(&[t.path().to_path_buf()], &["md".into()], false);
    assert_eq!(walked.files.len(), 2);
    std::fs::remove_file(t.path().join("a.md")).unwrap();
    let config = citelint::config::Config::default();
    let results: Vec<_> = walked
        .files
        .iter()
        .map(|p| {
            let shown = citelint::walk::display(p);
            let settings = config.settings_for(&shown, &Default::default());
            citelint::lint_file(p, &shown, citelint::document::Format::Markdown, &settings)
        })
        .collect();
    let err = results[0].as_ref().unwrap_err();
    assert!(
        err.contains("a.md") && err.contains("No such file"),
        "{err}"
    );
    assert!(!results[1].as_ref().unwrap().diagnostics.is_empty());
}

/// A malformed config: exit 2, the error shown with its location in the config file.
#[test]
fn malformed_config() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "a.md", ARTICLE);
    for (config, shows) in [
        ("profile = \n", "citelint.toml:1:"),
        ("profile = \"general\"\nbogus = 1\n", "citelint.toml:2:"),
        ("[rules.nope]\nseverity = \"error\"\n", "citelint.toml:1:"),
        ("\u{feff}profile = \"nope\"\n", "citelint.toml:1:"),
        // option values are typed: a word for a number, a misspelt choice
        (
            "[rules.uncited-claim]\nthreshold = \"high\"\n",
            "citelint.toml:2:13",
        ),
        (
            "[rules.uncited-claim]\nscope = \"paragrah\"\n",
            "citelint.toml:2:9",
        ),
    ] {
        write(t.path(), "citelint.toml", config);
        let o = run(t.path(), &["a.md"]);
        assert_eq!(o.status.code(), Some(2), "{config}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(shows), "{config}: {err}");
        assert!(o.stdout.is_empty());
    }
}

/// Unknown rule ids on the command line: exit 2 with the id named.
#[test]
fn unknown_rule_ids() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "a.md", ARTICLE);
    for flag in ["--select", "--ignore"] {
        let o = cargo_bin_cmd!("citelint")
            .current_dir(t.path())
            .args(["check", flag, "nope", "a.md"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("`nope`"));
    }
}

/// A file over the size cap (32 MB; here a sparse 200 MB file) is not read: one
/// `parse-error` saying so, exit 1. Memory is measured in `tests/hostile-scale.sh`.
#[test]
fn huge_file_is_not_read() {
    let t = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(t.path().join("big.md")).unwrap();
    f.set_len(200 << 20).unwrap();
    write(t.path(), "ok.md", ARTICLE);
    let o = run(t.path(), &["big.md", "ok.md"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diags(&o);
    assert_eq!(d[0]["path"], "big.md");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("larger than 32 MB")
    );
    assert!(d.iter().any(|d| d["path"] == "ok.md"));
}

fn tree_hash(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let meta = std::fs::symlink_metadata(&p).unwrap();
        let mtime = meta.modified().ok();
        if meta.is_dir() {
            tree_hash(&p, out);
        } else {
            let mut v = std::fs::read(&p).unwrap();
            v.extend(format!("{mtime:?}{:o}", meta.len()).bytes());
            out.push((p.display().to_string(), v));
        }
    }
}

/// Nothing lost: the checked tree is byte-identical (contents, sizes, mtimes, no new files)
/// after a run in every output format. citelint never writes outside `--write-baseline`.
#[test]
fn checked_tree_is_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut before = Vec::new();
    tree_hash(&root.join("fixtures"), &mut before);
    for format in ["human", "json", "json-lines", "sarif", "github", "junit"] {
        let o = cargo_bin_cmd!("citelint")
            .current_dir(root)
            .args(["check", "--format", format, "fixtures"])
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{format}");
    }
    let mut after = Vec::new();
    tree_hash(&root.join("fixtures"), &mut after);
    assert_eq!(before.len(), after.len());
    assert!(before == after, "the fixtures tree changed");
}

/// The article every hostile-bibliography case lints: it names `bib` in its front matter and
/// cites `@k1` (present in the working bibliographies) and `@nowhere` (never present).
fn cite_from(dir: &Path, name: &str, bib: &str) -> Vec<serde_json::Value> {
    write(
        dir,
        name,
        format!("---\nbibliography: {bib}\n---\n# A\n\nSalt raises pressure [@k1; @nowhere].\n"),
    );
    let o = run(dir, &[name]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{bib}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    diags(&o)
}

/// The unresolved keys among the findings.
fn unresolved(d: &[serde_json::Value]) -> Vec<String> {
    d.iter()
        .filter(|d| d["rule"] == "unresolved-citation")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

/// The case's outcome when the bibliography cannot be read: one `parse-error` on the
/// `bibliography:` field, and the markers it would resolve are not judged.
fn assert_unreadable(bib: &str, d: &[serde_json::Value]) {
    let (errors, rest): (Vec<_>, Vec<_>) = d.iter().partition(|d| d["rule"] == "parse-error");
    assert_eq!(errors.len(), 1, "{bib}: {d:?}");
    assert!(!rest.is_empty(), "{bib}: {d:?}");
    for x in rest {
        assert!(
            x["message"].as_str().unwrap().contains("could not be read"),
            "{bib}: {}",
            x["message"]
        );
    }
}

/// `.bib` files whose braces do not balance (an entry never closed, a field opened 50,000
/// levels deep, closing braces to spare, an `@string` left open): a `parse-error` naming
/// the file, or, where the parser can recover, the entries before the damage; never a panic
/// or a stack overflow.
#[test]
fn bib_with_unbalanced_braces() {
    let t = tempfile::tempdir().unwrap();
    let cases = [
        (
            "open.bib",
            "@article{k1, title = {Salt}}\n@article{k2,\n  title = {never {closed}\n".to_string(),
        ),
        (
            "deep.bib",
            format!("@article{{k1, title = {}x}}\n", "{".repeat(50_000)),
        ),
        (
            "deep-closed.bib",
            format!(
                "@article{{k1, title = {}x{}}}\n",
                "{".repeat(50_000),
                "}".repeat(50_000)
            ),
        ),
        (
            "extra.bib",
            "@article{k1, title = {Salt}}}}}}\n@article{k2, title = {B}}\n".to_string(),
        ),
        (
            "string.bib",
            "@string{jn = {Sleep\n@article{k1, title = {Salt}, journal = jn}\n".to_string(),
        ),
    ];
    for (i, (bib, text)) in cases.iter().enumerate() {
        write(t.path(), bib, text);
        let d = cite_from(t.path(), &format!("a{i}.qmd"), bib);
        let parse_error = d.iter().any(|d| d["rule"] == "parse-error");
        if parse_error {
            assert_unreadable(bib, &d);
        } else {
            // read: @k1 resolves, @nowhere does not
            let u = unresolved(&d);
            assert_eq!(u.len(), 1, "{bib}: {d:?}");
            assert!(u[0].contains("nowhere"), "{bib}: {u:?}");
        }
    }
}

/// A `.bib` of 100,000 entries is read whole: the cited key among them resolves, the
/// missing one is reported (the release binary's time and memory are bounded in
/// `tests/hostile-scale.sh`).
#[test]
fn bib_with_100000_entries() {
    let t = tempfile::tempdir().unwrap();
    let mut bib = String::from("@string{jn = {Journal of Salt}}\n");
    for i in (0..100_000).rev() {
        bib.push_str(&format!(
            "@article{{k{i},\n  title = {{Salt and pressure, part {i}}},\n  journal = jn,\n  year = 2020\n}}\n"
        ));
    }
    write(t.path(), "big.bib", bib);
    let d = cite_from(t.path(), "a.qmd", "big.bib");
    let u = unresolved(&d);
    assert_eq!(u.len(), 1, "{d:?}");
    assert!(u[0].contains("nowhere"), "{u:?}");
}

/// `@string` macros that refer to each other in a loop, each naming the other 400 times
/// (400^4 pieces if expansion ran to the depth limit): the file is read, the expansion
/// stops at a budget, the entries resolve.
#[test]
fn bib_string_macros_in_a_loop() {
    let t = tempfile::tempdir().unwrap();
    let a = vec!["b"; 400].join(" # ");
    let b = vec!["a"; 400].join(" # ");
    write(
        t.path(),
        "loop.bib",
        format!(
            "@string{{a = {a}}}\n@string{{b = {b}}}\n@string{{self = self # self}}\n\
             @article{{k1, title = a, journal = self # a}}\n@article{{k2, title = b}}\n"
        ),
    );
    let d = cite_from(t.path(), "a.qmd", "loop.bib");
    let u = unresolved(&d);
    assert_eq!(u.len(), 1, "{d:?}");
    assert!(u[0].contains("nowhere"), "{u:?}");
}

/// CSL-YAML whose anchors expand exponentially (the "billion laughs": nine levels, each
/// alias list naming the level below nine times, 9^9 strings if expanded), as a
/// bibliography file and as front-matter `references:`: the YAML reader's budget refuses
/// it, so it is a `parse-error`, not a hang or gigabytes of memory.
#[test]
fn csl_yaml_billion_laughs() {
    let mut yaml = String::from(
        "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for i in 1..=9 {
        let p = i - 1;
        let items = vec![format!("*l{p}"); 9].join(", ");
        yaml.push_str(&format!("l{i}: &l{i} [{items}]\n"));
    }
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "laughs.yaml",
        format!("{yaml}references:\n  - id: k1\n    title: *l9\n"),
    );
    let d = cite_from(t.path(), "a.qmd", "laughs.yaml");
    assert_unreadable("laughs.yaml", &d);

    // the same anchors in the article's own front matter
    let front: String = yaml.lines().map(|l| format!("{l}\n")).collect();
    write(
        t.path(),
        "b.qmd",
        format!("---\n{front}references:\n  - id: k1\n    title: *l9\n---\n# B\n\nSalt [@k1].\n"),
    );
    let o = run(t.path(), &["b.qmd"]);
    assert_eq!(o.status.code(), Some(1));
    let d = diags(&o);
    assert!(
        d.iter().any(|d| d["rule"] == "parse-error"
            && d["message"]
                .as_str()
                .unwrap()
                .contains("front matter does not parse")),
        "{d:?}"
    );
}
