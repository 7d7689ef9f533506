//! Walk the paths given on the command line: folders with `ignore` (honours .gitignore unless
//! `--no-ignore`), files named explicitly even when ignored (pre-commit passes file names),
//! as long as their extension is an article's.

use std::path::{Path, PathBuf};

pub struct Walked {
    pub files: Vec<PathBuf>,
    /// Files named on the command line whose extension is not an article's.
    pub skipped: Vec<PathBuf>,
    /// Paths named on the command line that do not exist or cannot be read.
    pub errors: Vec<String>,
}

pub fn walk(paths: &[PathBuf], extensions: &[String], no_ignore: bool) -> Walked {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    let wanted = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => errors.push(format!("{}: {}", root.display(), e)),
            Ok(m) if m.is_file() => {
                if wanted(root) {
                    files.push(root.clone());
                } else {
                    skipped.push(root.clone());
                }
            }
            // a FIFO, socket or device: opening a FIFO would block forever
            Ok(m) if !m.is_dir() => {
                errors.push(format!("{}: not a regular file or folder", root.display()))
            }
            Ok(_) => {
                let mut b = ignore::WalkBuilder::new(root);
                b.standard_filters(!no_ignore)
                    .require_git(false)
                    .follow_links(false);
                for entry in b.build() {
                    match entry {
                        Ok(e) => {
                            if e.file_type().is_some_and(|t| t.is_file()) && wanted(e.path()) {
                                files.push(e.into_path());
                            }
                        }
                        Err(e) => errors.push(e.to_string()),
                    }
                }
            }
        }
    }
    files.sort();
    files.dedup();
    Walked {
        files,
        skipped,
        errors,
    }
}

/// The path as shown in output: as walked, without a leading `./`.
pub fn display(p: &Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}
