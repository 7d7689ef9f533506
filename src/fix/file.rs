//! Fixing one file of a `check --fix` run: read, fix, write (or diff), and lint what remains.

use super::write::{WriteError, write_fixed};
use super::{FixOptions, Fixed};
use crate::config::Settings;
use crate::diagnostic::FileReport;
use crate::document::Format;
use std::collections::BTreeMap;
use std::path::Path;

/// What fixing one file came to.
#[derive(Debug)]
pub struct FileFix {
    /// The findings that remain (in the fixed text, or the text as read when nothing was written).
    pub report: FileReport,
    /// Findings mended, by rule (written, or for a dry run, that would be).
    pub fixed: BTreeMap<&'static str, usize>,
    /// For a dry run: the unified diff of the fix.
    pub diff: Option<String>,
    /// Warnings: fixes not made and why; a file changed on disk.
    pub warnings: Vec<String>,
    /// The fixed file could not be written.
    pub error: Option<String>,
}

/// Fix the file at `path` (shown as `shown`). `Err`: it could not be read.
pub fn fix_file(
    path: &Path,
    shown: &str,
    format: Format,
    settings: &Settings,
    opts: FixOptions,
    dry_run: bool,
) -> Result<FileFix, String> {
    let mut out = FileFix {
        report: FileReport {
            path: shown.to_string(),
            text: String::new(),
            diagnostics: Vec::new(),
        },
        fixed: BTreeMap::new(),
        diff: None,
        warnings: Vec::new(),
        error: None,
    };
    let bytes = match crate::read_file(path, shown)? {
        Ok(b) => b,
        Err(too_large) => {
            out.report = too_large;
            return Ok(out);
        }
    };
    let read = bytes.clone();
    let text = match crate::decode(shown, bytes) {
        Ok(t) => t,
        Err(r) => {
            out.report = r;
            return Ok(out);
        }
    };
    let Fixed {
        text: new,
        fixed,
        skipped,
    } = super::fix_text(shown, &text, format, settings, opts);
    out.warnings = skipped;
    let mut remaining = text.clone();
    if new != text {
        if dry_run {
            out.diff = Some(super::diff::unified(shown, &text, &new));
            out.fixed = fixed;
            remaining = new;
        } else {
            match write_fixed(path, &read, new.as_bytes()) {
                Ok(()) => {
                    out.fixed = fixed;
                    remaining = new;
                }
                Err(WriteError::Changed) => out
                    .warnings
                    .push("the file changed on disk since it was read; not fixed".into()),
                Err(WriteError::Failed(e)) => {
                    out.error = Some(format!("cannot write the fix: {e}"))
                }
            }
        }
    }
    out.report = crate::lint_text(shown, remaining, format, settings);
    Ok(out)
}
