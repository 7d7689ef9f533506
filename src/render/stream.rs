//! Streaming output: each file's report is rendered as soon as it is linted, on the thread
//! that linted it, and its text is dropped; the pieces are written to the output in path
//! order. Memory then holds the files in flight and the pieces that finished ahead of their
//! turn, not the whole corpus and its whole report. Human, JSON, JSON Lines and GitHub output
//! stream; SARIF and JUnit need every report first.

use super::Summary;
use crate::diagnostic::{FileReport, Severity};
use std::collections::BTreeMap;
use std::io::Write;

/// The formats that stream.
#[derive(Clone, Copy, Debug)]
pub enum Streamed {
    Human { color: bool },
    Json,
    JsonLines,
    Github,
}

/// What one file contributes.
#[derive(Default)]
pub struct Piece {
    /// its shown findings, rendered
    body: String,
    /// how many objects `body` holds (JSON: 0 means no separator)
    items: usize,
    /// JSON: its suppressed findings, rendered
    suppressed: String,
    summary: Summary,
    /// a shown finding at or above the `--fail-on` threshold
    pub failing: bool,
    /// a read failure of the file, reported in turn
    error: Option<String>,
}

impl Streamed {
    /// Render one file's report (its text is not kept).
    pub fn piece(self, r: &FileReport, fail_on: Severity) -> Piece {
        let summary = Summary::of(std::slice::from_ref(r));
        let failing = super::shown(r).any(|d| d.severity >= fail_on);
        let mut p = Piece {
            summary,
            failing,
            ..Piece::default()
        };
        match self {
            Streamed::Human { color } => super::human::render_report(r, color, &mut p.body),
            Streamed::Json => {
                let ((s, n), (sup, _)) = super::json::file_chunks(r);
                p.body = s;
                p.items = n;
                p.suppressed = sup;
            }
            Streamed::JsonLines => p.body = super::json_lines::render(std::slice::from_ref(r)),
            Streamed::Github => p.body = super::github::render(std::slice::from_ref(r)),
        }
        p
    }

    /// A file that could not be read: reported when its turn comes.
    pub fn failed(message: String) -> Piece {
        Piece {
            error: Some(message),
            ..Piece::default()
        }
    }
}

/// A whole report at once, for callers that hold every report: exactly the streamed bytes.
pub fn render_all(format: Streamed, reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    let mut sink = Sink::new(format, &mut out);
    for (i, r) in reports.iter().enumerate() {
        sink.put(i, format.piece(r, Severity::Error));
    }
    sink.finish();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes pieces in order of their index as they arrive, whatever order they finish in.
pub struct Sink<W: Write> {
    format: Streamed,
    out: W,
    next: usize,
    pending: BTreeMap<usize, Piece>,
    any: bool,
    suppressed: Vec<String>,
    pub summary: Summary,
    pub failing: bool,
    pub failed_files: usize,
}

impl<W: Write> Sink<W> {
    pub fn new(format: Streamed, mut out: W) -> Sink<W> {
        if let Streamed::Json = format {
            let _ = out.write_all(super::json::HEAD.as_bytes());
        }
        Sink {
            format,
            out,
            next: 0,
            pending: BTreeMap::new(),
            any: false,
            suppressed: Vec::new(),
            summary: Summary::default(),
            failing: false,
            failed_files: 0,
        }
    }

    /// Piece number `index` is done: write it and every piece after it that is waiting.
    pub fn put(&mut self, index: usize, piece: Piece) {
        self.pending.insert(index, piece);
        while let Some(p) = self.pending.remove(&self.next) {
            self.next += 1;
            self.write(p);
        }
    }

    fn write(&mut self, p: Piece) {
        if let Some(e) = p.error {
            eprintln!("error: cannot read {e}");
            self.failed_files += 1;
            return;
        }
        self.summary.add(&p.summary);
        self.failing |= p.failing;
        match self.format {
            Streamed::Json => {
                if p.items > 0 {
                    let _ = self
                        .out
                        .write_all(super::json::separator(!self.any).as_bytes());
                    let _ = self.out.write_all(p.body.as_bytes());
                    self.any = true;
                }
                if !p.suppressed.is_empty() {
                    self.suppressed.push(p.suppressed);
                }
            }
            _ => {
                let _ = self.out.write_all(p.body.as_bytes());
            }
        }
    }

    /// Write the closing part (the summary line, the JSON tail) and flush.
    pub fn finish(mut self) {
        debug_assert!(self.pending.is_empty(), "pieces left unwritten");
        match self.format {
            Streamed::Human { color } => {
                let _ = self
                    .out
                    .write_all(super::human::summary_line(&self.summary, color).as_bytes());
            }
            Streamed::Json => {
                let tail = super::json::tail(self.any, &self.summary, &self.suppressed);
                let _ = self.out.write_all(tail.as_bytes());
            }
            Streamed::JsonLines | Streamed::Github => {}
        }
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_out_of_order_are_written_in_order_and_equal_the_whole_rendering() {
        let reports = super::super::sample_reports();
        for format in [
            Streamed::Human { color: false },
            Streamed::Json,
            Streamed::JsonLines,
            Streamed::Github,
        ] {
            let mut out = Vec::new();
            let mut sink = Sink::new(format, &mut out);
            let pieces: Vec<Piece> = reports
                .iter()
                .map(|r| format.piece(r, Severity::Warning))
                .collect();
            // the second file finishes first
            let mut it = pieces.into_iter().enumerate().collect::<Vec<_>>();
            it.reverse();
            for (i, p) in it {
                sink.put(i, p);
            }
            let failing = sink.failing;
            sink.finish();
            let out = String::from_utf8(out).unwrap();
            assert_eq!(out, render_all(format, &reports), "{format:?}");
            // the one-file renderers agree with the stream
            match format {
                Streamed::JsonLines => assert_eq!(out, super::super::json_lines::render(&reports)),
                Streamed::Github => assert_eq!(out, super::super::github::render(&reports)),
                Streamed::Json => {
                    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(v["summary"]["suppressed"], 1);
                    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
                    assert_eq!(
                        v["diagnostics"].as_array().unwrap().len(),
                        v["summary"]["diagnostics"].as_u64().unwrap() as usize
                    );
                }
                Streamed::Human { .. } => assert!(out.ends_with("in 2 files checked.\n"), "{out}"),
            }
            // the sample has an error-level finding
            assert!(failing);
        }
    }
}
