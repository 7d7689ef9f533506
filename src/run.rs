//! One run over the files: lint them on every thread, write the output in path order through
//! a [`Renderer`], and say how it went. Writing is where a run can fail after the files were
//! read: a closed pipe (`citelint check | head`) ends the output quietly, any other write
//! error (a full disk) is an error of the run.

use crate::diagnostic::{FileReport, Severity};
use crate::render::Renderer;
use crate::render::stream::{Done, Sink};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the files went.
#[derive(Debug, Default)]
pub struct Outcome {
    /// a shown finding at or above the `--fail-on` severity
    pub failing: bool,
    /// files that could not be read (each reported on stderr in its turn)
    pub failed_files: usize,
}

/// Lint files `0..count` with `lint` (handed out in order, one at a time, to every thread;
/// each thread renders its file and drops the text) and write the output to `out`.
/// `Err`: the output could not be written (a broken pipe is not an error).
pub fn stream<W: Write + Send>(
    count: usize,
    lint: impl Fn(usize) -> Result<FileReport, String> + Sync,
    renderer: &dyn Renderer,
    fail_on: Severity,
    out: W,
) -> std::io::Result<Outcome> {
    let next = AtomicUsize::new(0);
    let sink = std::sync::Mutex::new(Sink::new(renderer, out));
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads() {
            scope.spawn(|_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let done = match lint(i) {
                        Ok(r) => Done::new(renderer, r, fail_on),
                        Err(e) => Done::failed(e),
                    };
                    if let Ok(mut s) = sink.lock() {
                        s.put(i, done);
                    }
                }
            });
        }
    });
    let sink = match sink.into_inner() {
        Ok(s) => s,
        Err(p) => p.into_inner(),
    };
    let outcome = Outcome {
        failing: sink.failing,
        failed_files: sink.failed_files,
    };
    match sink.finish() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(outcome),
    }
}

/// Write `text` to standard output: 0, or 2 after reporting a write error (a broken pipe
/// ends quietly with 0).
pub fn print(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => write_error(&e),
        _ => 0,
    }
}

/// Report a failed write of the output; the run's exit code (2).
pub fn write_error(e: &std::io::Error) -> i32 {
    eprintln!("error: cannot write the output: {e}");
    2
}
