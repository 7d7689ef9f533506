//! Human output through codespan-reporting: the primary span, secondary labels, a help line.

use super::{Summary, shown};
use crate::diagnostic::{FileReport, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use rayon::prelude::*;
use termcolor::{Buffer, WriteColor};

/// Lines longer than this (in bytes) are not printed under a finding.
pub(crate) const LONG_LINE: usize = 4096;

/// Render every report; `color` adds ANSI colours.
pub fn render(reports: &[FileReport], color: bool) -> String {
    let new_buffer = || {
        if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        }
    };
    // each file into its own buffer, in parallel, then joined in order
    let parts: Vec<Buffer> = reports
        .par_iter()
        .map(|r| {
            let mut buf = new_buffer();
            render_file(r, &mut buf);
            buf
        })
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(parts.iter().map(|b| b.len()).sum::<usize>() + 256);
    for p in &parts {
        out.extend_from_slice(p.as_slice());
    }
    let mut buf = new_buffer();
    let s = Summary::of(reports);
    let _ = buf.set_color(termcolor::ColorSpec::new().set_bold(true));
    let line = if s.diagnostics == 0 {
        format!(
            "All clear: {} file{} checked, no findings.\n",
            s.files,
            plural(s.files)
        )
    } else {
        format!(
            "Found {} problem{} ({} error{}, {} warning{}, {} info) in {} file{} checked.\n",
            s.diagnostics,
            plural(s.diagnostics),
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings),
            s.infos,
            s.files,
            plural(s.files)
        )
    };
    use std::io::Write;
    let _ = buf.write_all(line.as_bytes());
    let _ = buf.reset();
    out.extend_from_slice(buf.as_slice());
    String::from_utf8_lossy(&out).into_owned()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One file's diagnostics.
fn render_file(r: &FileReport, buf: &mut Buffer) {
    let config = Config::default();
    let file = SimpleFile::new(r.path.as_str(), r.text.as_str());
    let lines = crate::document::LineIndex::new(&r.text);
    for d in shown(r) {
        let base = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Info => CsDiagnostic::note(),
        };
        let clamp = |s: &std::ops::Range<usize>| {
            let a = crate::document::lines::floor_char(&r.text, s.start.min(r.text.len()));
            let b = crate::document::lines::floor_char(&r.text, s.end.min(r.text.len())).max(a);
            a..b
        };
        // A span on a very long line (a minified page, a 10 MB paragraph) is given as a
        // location: printing the line for every finding on it would be gigabytes.
        let too_long = |s: &std::ops::Range<usize>| {
            [s.start, s.end].iter().any(|&at| {
                let l = lines.line_of(at.min(r.text.len()));
                let end = if l + 1 < lines.line_count() {
                    lines.line_start(l + 1)
                } else {
                    r.text.len()
                };
                end - lines.line_start(l) > LONG_LINE
            })
        };
        let at = |s: &std::ops::Range<usize>| {
            let p = lines.line_col(&r.text, s.start);
            format!("{}:{}", p.line, p.column)
        };
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        if too_long(&d.span) {
            notes.push(format!(
                "at {}:{} (the line is too long to show)",
                r.path,
                at(&d.span)
            ));
        } else {
            labels.push(CsLabel::primary((), clamp(&d.span)));
        }
        for l in &d.labels {
            match &l.path {
                None if too_long(&l.span) => notes.push(format!("{}: {}", at(&l.span), l.message)),
                None => labels
                    .push(CsLabel::secondary((), clamp(&l.span)).with_message(l.message.clone())),
                Some(p) => notes.push(format!("{}: {}", p, l.message)),
            }
        }
        if let Some(h) = &d.help {
            notes.push(format!("help: {h}"));
        }
        let cs = base
            .with_code(d.rule)
            .with_message(d.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        let _ = term::emit_to_write_style(buf, &config, &file, &cs);
    }
}
