//! Writing a fixed file safely: through a symlink to the file it names, only when the file
//! still holds what was read, atomically (a temporary file in the same folder, then a rename),
//! with the file's permissions kept. A read-only file is an error.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk since it was read: skipped (a warning).
    Changed,
    /// The file cannot be written (read-only, a folder without write access, a full disk).
    Failed(String),
}

/// Replace the contents of `path` (read earlier as `read`) with `new`.
pub fn write_fixed(path: &Path, read: &[u8], new: &[u8]) -> Result<(), WriteError> {
    // a symlink is written through: the file it names is replaced, the link stays
    let target: PathBuf =
        std::fs::canonicalize(path).map_err(|e| WriteError::Failed(e.to_string()))?;
    let meta = std::fs::metadata(&target).map_err(|e| WriteError::Failed(e.to_string()))?;
    if !meta.is_file() {
        return Err(WriteError::Failed("not a regular file".into()));
    }
    if meta.permissions().readonly() {
        return Err(WriteError::Failed("the file is read-only".into()));
    }
    let now = std::fs::read(&target).map_err(|e| WriteError::Failed(e.to_string()))?;
    if now != read {
        return Err(WriteError::Changed);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = None;
    for k in 0..100u32 {
        let p = dir.join(format!(".{name}.citelint-{}-{k}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
        {
            Ok(f) => {
                tmp = Some((p, f));
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(WriteError::Failed(format!(
                    "cannot create a temporary file: {e}"
                )));
            }
        }
    }
    let Some((tmp_path, mut file)) = tmp else {
        return Err(WriteError::Failed("cannot create a temporary file".into()));
    };
    let result = file
        .write_all(new)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::set_permissions(&tmp_path, meta.permissions()))
        .and_then(|()| {
            drop(file);
            std::fs::rename(&tmp_path, &target)
        });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(WriteError::Failed(e.to_string()));
    }
    Ok(())
}
