//! Renderers: one module per output format, each an implementation of [`Renderer`].

pub mod github;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod stream;

use crate::diagnostic::{Diagnostic, FileReport, Severity};

/// An output format. A run calls [`Renderer::begin`] once, [`Renderer::file`] for every file
/// (on the thread that linted it, in any order) and [`Renderer::finish`] once; the
/// [`stream::Sink`] writes the pieces in path order between them. A new format is one file
/// here with one `impl Renderer`.
pub trait Renderer: Sync {
    /// Written before the first file.
    fn begin(&self) -> String {
        String::new()
    }
    /// One file's report rendered. A format that needs every report at the end (SARIF,
    /// JUnit) keeps it in [`Piece::report`].
    fn file(&self, r: FileReport) -> Piece;
    /// Written before a piece that holds items (`first`: no piece with items came before).
    fn separator(&self, _first: bool) -> &'static str {
        ""
    }
    /// Written after the last file.
    fn finish(&self, end: End) -> String;
}

/// What one file contributes to the output.
#[derive(Default)]
pub struct Piece {
    /// its shown findings, rendered
    pub body: String,
    /// how many items `body` holds (a separator goes before a piece with items)
    pub items: usize,
    /// JSON: its suppressed findings, rendered
    pub suppressed: String,
    /// the report itself, for a format that renders every report at the end
    pub report: Option<FileReport>,
}

impl Piece {
    /// One file rendered by `render`, the whole-report function of a format that is only the
    /// concatenation of its files (no head, no tail).
    pub fn of_file(r: &FileReport, render: fn(&[FileReport]) -> String) -> Piece {
        Piece {
            body: render(std::slice::from_ref(r)),
            items: shown(r).count(),
            ..Piece::default()
        }
    }

    /// The report kept for a format that renders every report at the end.
    pub fn keep(r: FileReport) -> Piece {
        Piece {
            report: Some(r),
            ..Piece::default()
        }
    }
}

/// What the files wrote, for [`Renderer::finish`].
pub struct End<'a> {
    pub summary: &'a Summary,
    /// some piece held items
    pub any: bool,
    /// the pieces' `suppressed` parts, in order
    pub suppressed: &'a [String],
    /// the reports the pieces kept, in order
    pub reports: &'a [FileReport],
}

/// Counts shared by the renderers' summaries.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    pub by_rule: std::collections::BTreeMap<String, usize>,
}

impl Summary {
    /// Adds another summary's counts (of other files) to this one.
    pub fn add(&mut self, o: &Summary) {
        self.files += o.files;
        self.diagnostics += o.diagnostics;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.infos += o.infos;
        self.suppressed += o.suppressed;
        for (rule, n) in &o.by_rule {
            *self.by_rule.entry(rule.clone()).or_default() += n;
        }
    }

    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            if d.suppressed.is_some() {
                s.suppressed += 1;
                continue;
            }
            s.diagnostics += 1;
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            *s.by_rule.entry(d.rule.to_string()).or_default() += 1;
        }
        s
    }
}

/// The diagnostics a renderer shows: everything not suppressed.
pub fn shown(r: &FileReport) -> impl Iterator<Item = &Diagnostic> {
    r.diagnostics.iter().filter(|d| d.suppressed.is_none())
}

/// Hand-built reports for the renderers' snapshot tests: independent of rule behaviour, with
/// the characters each format must escape (`%`, `,`, `:`, `<`, `&`, newlines, non-ASCII).
#[cfg(test)]
pub(crate) fn sample_reports() -> Vec<FileReport> {
    let text = "# Salt: 50% less\n\nSodium raises blood pressure [3] — café.\n\n\
<!-- citelint-disable-next-line uncited-claim -- editor's call -->\nSalt & sugar <harm> you.\n\n\
## References\n1. Smith. Salt. 2020.\n"
        .to_string();
    let at = |needle: &str| {
        let s = text.find(needle).unwrap();
        s..s + needle.len()
    };
    let mut unresolved = Diagnostic::new(
        "unresolved-citation",
        at("[3]"),
        "`[3]` cites reference 3, but the reference list has entries 1–1",
    )
    .label(at("## References"), "the reference list consulted")
    .help("add the missing entry (3), or correct the number");
    unresolved.severity = Severity::Error;
    let mut unused = Diagnostic::new(
        "unused-reference",
        at("1. Smith. Salt. 2020."),
        "reference 1 is never cited",
    );
    unused.severity = Severity::Info;
    let mut suppressed = Diagnostic::new(
        "uncited-claim",
        at("Salt & sugar <harm> you."),
        "claim \"Salt & sugar <harm> you\" has no citation:\n50% of readers, at least",
    );
    suppressed.suppressed = Some("editor's call".into());
    let weird = Diagnostic::new(
        "malformed-citation",
        at("café"),
        "odd text: 50%, a:b, <tag> & \"quotes\"\r\nsecond line",
    );
    vec![
        FileReport {
            path: "docs/clean.md".into(),
            text: "# Clean\n".into(),
            diagnostics: vec![],
        },
        FileReport {
            path: "docs/salt, sodium: notes.md".into(),
            diagnostics: vec![unresolved, weird, suppressed, unused],
            text,
        },
    ]
}
