//! Streaming output: each file's report is rendered as soon as it is linted, on the thread
//! that linted it, and its text is dropped; the pieces are written to the output in path
//! order. Memory then holds the files in flight and the pieces that finished ahead of their
//! turn, not the whole corpus and its whole report. SARIF and JUnit keep every report for
//! their closing part.
//!
//! The first write error stops the writing; [`Sink::finish`] returns it.

use super::{End, Piece, Renderer, Summary};
use crate::diagnostic::{FileReport, Severity};
use std::collections::BTreeMap;
use std::io::Write;

/// One file done: its piece, or the read failure to report in its turn.
pub struct Done {
    piece: Piece,
    summary: Summary,
    /// a shown finding at or above the `--fail-on` threshold
    failing: bool,
    error: Option<String>,
}

impl Done {
    /// Render one file's report with `renderer`.
    pub fn new(renderer: &dyn Renderer, r: FileReport, fail_on: Severity) -> Done {
        let summary = Summary::of(std::slice::from_ref(&r));
        let failing = super::shown(&r).any(|d| d.severity >= fail_on);
        Done {
            piece: renderer.file(r),
            summary,
            failing,
            error: None,
        }
    }

    /// A file that could not be read: reported when its turn comes.
    pub fn failed(message: String) -> Done {
        Done {
            piece: Piece::default(),
            summary: Summary::default(),
            failing: false,
            error: Some(message),
        }
    }
}

/// A whole report at once, for callers that hold every report: exactly the streamed bytes.
pub fn render_all(renderer: &dyn Renderer, reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    let mut sink = Sink::new(renderer, &mut out);
    for (i, r) in reports.iter().enumerate() {
        sink.put(i, Done::new(renderer, r.clone(), Severity::Error));
    }
    // writing into memory does not fail
    let _ = sink.finish();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes pieces in order of their index as they arrive, whatever order they finish in.
pub struct Sink<'r, W: Write> {
    renderer: &'r dyn Renderer,
    out: W,
    next: usize,
    pending: BTreeMap<usize, Done>,
    any: bool,
    suppressed: Vec<String>,
    reports: Vec<FileReport>,
    error: Option<std::io::Error>,
    pub summary: Summary,
    pub failing: bool,
    pub failed_files: usize,
}

impl<'r, W: Write> Sink<'r, W> {
    pub fn new(renderer: &'r dyn Renderer, out: W) -> Sink<'r, W> {
        let mut sink = Sink {
            renderer,
            out,
            next: 0,
            pending: BTreeMap::new(),
            any: false,
            suppressed: Vec::new(),
            reports: Vec::new(),
            error: None,
            summary: Summary::default(),
            failing: false,
            failed_files: 0,
        };
        sink.emit(&renderer.begin());
        sink
    }

    /// Write `s` unless an earlier write failed; keep the first error.
    fn emit(&mut self, s: &str) {
        if self.error.is_none()
            && !s.is_empty()
            && let Err(e) = self.out.write_all(s.as_bytes())
        {
            self.error = Some(e);
        }
    }

    /// File number `index` is done: write it and every file after it that is waiting.
    pub fn put(&mut self, index: usize, done: Done) {
        self.pending.insert(index, done);
        while let Some(d) = self.pending.remove(&self.next) {
            self.next += 1;
            self.write(d);
        }
    }

    fn write(&mut self, d: Done) {
        if let Some(e) = d.error {
            eprintln!("error: cannot read {e}");
            self.failed_files += 1;
            return;
        }
        self.summary.add(&d.summary);
        self.failing |= d.failing;
        let p = d.piece;
        if p.items > 0 {
            let sep = self.renderer.separator(!self.any);
            self.emit(sep);
            self.any = true;
        }
        self.emit(&p.body);
        if !p.suppressed.is_empty() {
            self.suppressed.push(p.suppressed);
        }
        if let Some(r) = p.report {
            self.reports.push(r);
        }
    }

    /// Write the closing part (the summary line, the JSON tail, a whole SARIF log) and flush;
    /// the first write error, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        debug_assert!(self.pending.is_empty(), "pieces left unwritten");
        let tail = self.renderer.finish(End {
            summary: &self.summary,
            any: self.any,
            suppressed: &self.suppressed,
            reports: &self.reports,
        });
        self.emit(&tail);
        if self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.error = Some(e);
        }
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{github, human, json, json_lines, junit, sarif};

    #[test]
    fn pieces_out_of_order_are_written_in_order_and_equal_the_whole_rendering() {
        let reports = super::super::sample_reports();
        let formats: [(&str, &dyn Renderer); 7] = [
            ("human", &human::Human { color: false }),
            ("human color", &human::Human { color: true }),
            ("json", &json::Json),
            ("json-lines", &json_lines::JsonLines),
            ("github", &github::Github),
            ("sarif", &sarif::Sarif),
            ("junit", &junit::Junit),
        ];
        for (name, format) in formats {
            let mut out = Vec::new();
            let mut sink = Sink::new(format, &mut out);
            let pieces: Vec<Done> = reports
                .iter()
                .map(|r| Done::new(format, r.clone(), Severity::Warning))
                .collect();
            // the second file finishes first
            let mut it = pieces.into_iter().enumerate().collect::<Vec<_>>();
            it.reverse();
            for (i, p) in it {
                sink.put(i, p);
            }
            let failing = sink.failing;
            sink.finish().unwrap();
            let out = String::from_utf8(out).unwrap();
            assert_eq!(out, render_all(format, &reports), "{name}");
            // the one-file renderers agree with the stream
            match name {
                "json-lines" => assert_eq!(out, json_lines::render(&reports)),
                "github" => assert_eq!(out, github::render(&reports)),
                "sarif" => assert_eq!(out, sarif::render(&reports)),
                "junit" => assert_eq!(out, junit::render(&reports)),
                "json" => {
                    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(v["summary"]["suppressed"], 1);
                    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
                    assert_eq!(
                        v["diagnostics"].as_array().unwrap().len(),
                        v["summary"]["diagnostics"].as_u64().unwrap() as usize
                    );
                }
                _ => assert!(out.contains("in 2 files checked."), "{out}"),
            }
            // the sample has an error-level finding
            assert!(failing);
        }
    }

    /// Writes `room` bytes, then fails with `kind`.
    struct Full {
        room: usize,
        kind: std::io::ErrorKind,
        written: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.written + buf.len() > self.room {
                return Err(std::io::Error::from(self.kind));
            }
            self.written += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_first_write_error_is_returned_and_nothing_is_written_after_it() {
        let reports = super::super::sample_reports();
        for room in [0, 10, 200] {
            let mut full = Full {
                room,
                kind: std::io::ErrorKind::StorageFull,
                written: 0,
            };
            let mut sink = Sink::new(&json::Json, &mut full);
            for (i, r) in reports.iter().enumerate() {
                sink.put(i, Done::new(&json::Json, r.clone(), Severity::Error));
            }
            let e = sink.finish().unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
            assert!(full.written <= room);
        }
    }
}
