//! citelint: a linter for claim–citation consistency in health and science articles.
//!
//! One direction of flow: walk → load → parse once into a [`document::Document`] → pure rule
//! functions ([`checks`]) → suppressions and sorting → render ([`render`]) → exit code.

pub mod baseline;
mod builtin_rules;
pub mod checks;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod git_diff;
pub mod lexicon_patterns;
pub mod lexicon_regex;
pub mod profile;
pub mod render;
pub mod run;
pub mod schema;
pub mod server;
pub mod suppress;
pub mod train;
pub mod walk;

use checks::Context;
use config::Settings;
use diagnostic::{Diagnostic, FileReport, Severity};
use document::{Document, Format, bibliography::PARSE_ERROR};

/// Run every enabled rule over a parsed document; suppressions applied, sorted by offset then rule.
pub fn lint_document(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    let mut diags = doc.problems.clone();
    diags.extend(run_rules(doc, settings, |_| true));
    let running: Vec<&'static str> = settings.rules.iter().map(|(r, _, _)| r.id).collect();
    let unused = settings
        .rules
        .iter()
        .find(|(r, _, _)| r.id == checks::content::unused_suppression::ID)
        .and_then(|(_, severity, options)| Some((*severity, options.downcast_ref()?)));
    let audit = suppress::Audit {
        running: &running,
        unused,
    };
    suppress::apply(doc, &mut diags, &audit);
    diags.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
    });
    diags.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    diags
}

/// The findings of the run's rules that `wanted` picks, with the run's severities; no
/// suppressions applied. The rules read the document on every thread the pool has free (a
/// run of one file has one idle; a run of many, only at its end), their findings kept in
/// rule order.
pub fn run_rules(
    doc: &Document,
    settings: &Settings,
    wanted: impl Fn(&checks::Rule) -> bool + Sync,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let per_rule: Vec<Vec<Diagnostic>> = settings
        .rules
        .par_iter()
        .filter(|r| wanted(r.0))
        .map(|(rule, severity, options)| {
            let cx = Context {
                today: settings.today,
                options: &**options,
                profile: settings.profile,
                lexicons: &settings.lexicons,
            };
            let mut found = (rule.check)(doc, &cx);
            for d in &mut found {
                d.severity = if d.milder {
                    severity.milder()
                } else {
                    *severity
                };
            }
            found
        })
        .collect();
    per_rule.concat()
}

/// Lint text held in memory (an editor buffer, a test) as the file `path`.
pub fn lint_text(path: &str, text: String, format: Format, settings: &Settings) -> FileReport {
    let doc = Document::parse(path, text, format, &settings.parse);
    let diagnostics = lint_document(&doc, settings);
    FileReport {
        path: path.to_string(),
        text: doc.text,
        diagnostics,
    }
}

fn input_problem(path: &str, span: std::ops::Range<usize>, msg: String, help: &str) -> FileReport {
    let mut d = Diagnostic::new(PARSE_ERROR, span, msg).help(help);
    d.severity = Severity::Error;
    FileReport {
        path: path.to_string(),
        text: String::new(),
        diagnostics: vec![d],
    }
}

/// Files larger than this are not read: one `parse-error` finding says so. Articles are
/// kilobytes; the cap keeps memory bounded (a 200 MB file costs a few KB, not gigabytes).
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// Read and lint the file at `path` (shown as `shown`). `Err` is a read failure (the file
/// vanished, is a FIFO or a directory, permission denied): the run reports it and exits 2.
pub fn lint_file(
    path: &std::path::Path,
    shown: &str,
    format: Format,
    settings: &Settings,
) -> Result<FileReport, String> {
    match read_file(path, shown)? {
        Ok(bytes) => Ok(lint_bytes(shown, bytes, format, settings)),
        Err(too_large) => Ok(too_large),
    }
}

/// Read the file at `path` (shown as `shown`): its bytes, or (`Ok(Err)`) the finding that
/// says it is too large to lint. `Err` is a read failure.
pub fn read_file(
    path: &std::path::Path,
    shown: &str,
) -> Result<Result<Vec<u8>, FileReport>, String> {
    // checked before opening: opening a FIFO would block until a writer comes
    if !std::fs::metadata(path)
        .map_err(|e| format!("{shown}: {e}"))?
        .is_file()
    {
        return Err(format!("{shown}: not a regular file"));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    read_bounded(file, shown)
}

/// Read `input` (a file, standard input) to its end, at most [`MAX_FILE_BYTES`], and lint it
/// as the file `shown`. `Err` is a read failure.
pub fn lint_reader(
    input: impl std::io::Read,
    shown: &str,
    format: Format,
    settings: &Settings,
) -> Result<FileReport, String> {
    match read_bounded(input, shown)? {
        Ok(bytes) => Ok(lint_bytes(shown, bytes, format, settings)),
        Err(too_large) => Ok(too_large),
    }
}

/// Read `input` to its end, at most [`MAX_FILE_BYTES`]: its bytes, or (`Ok(Err)`) the finding
/// that says it is too large to lint. `Err` is a read failure.
fn read_bounded(
    input: impl std::io::Read,
    shown: &str,
) -> Result<Result<Vec<u8>, FileReport>, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    // read at most one byte past the cap: a file that grows while read is still bounded
    input
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Err(input_problem(
            shown,
            0..0,
            format!(
                "the file is larger than {} MB; not linted",
                MAX_FILE_BYTES >> 20
            ),
            "split the article, or check that this is an article at all",
        )));
    }
    Ok(Ok(bytes))
}

/// Lint the bytes of a file: binary files, UTF-16 and invalid UTF-8 become one clear
/// `parse-error` finding instead of a crash or a lossy reading.
pub fn lint_bytes(path: &str, bytes: Vec<u8>, format: Format, settings: &Settings) -> FileReport {
    match decode(path, bytes) {
        Ok(text) => lint_text(path, text, format, settings),
        Err(r) => r,
    }
}

/// The text of a file's bytes, or the `parse-error` finding that says why there is none:
/// binary files, UTF-16 and invalid UTF-8.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, FileReport> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(input_problem(
            path,
            0..0,
            "the file is UTF-16 encoded; citelint reads UTF-8".into(),
            "convert it, e.g. `iconv -f UTF-16 -t UTF-8`",
        ));
    }
    if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(input_problem(
            path,
            0..0,
            format!("the file looks binary (a NUL byte at offset {nul}); not linted"),
            "only Markdown, text and HTML articles are linted",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let mut r = input_problem(
            path,
            at..at,
            format!("the file is not valid UTF-8 (invalid byte at offset {at}); not linted"),
            "re-save the file as UTF-8",
        );
        // keep the valid prefix so the span can be shown
        r.text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        r
    })
}
