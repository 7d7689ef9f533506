//! `file:` URIs ⇄ paths (percent-encoding by hand: lsp-types' `Uri` does not map to paths).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path a `file:` URI names; `None` for other schemes and remote hosts.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri
        .strip_prefix("file://")
        .or_else(|| uri.strip_prefix("FILE://"))?;
    let rest = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = decode(rest);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let s = String::from_utf8_lossy(&bytes).into_owned();
        // `/C:/dir` → `C:/dir`
        let s = match s.as_bytes() {
            [b'/', d, b':', ..] if d.is_ascii_alphabetic() => s[1..].to_string(),
            _ => s,
        };
        Some(PathBuf::from(s))
    }
}

fn decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// A `file:` URI for a path (made absolute against the working directory).
pub fn from_path(path: &Path) -> Option<Uri> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let s = abs.to_string_lossy().replace('\\', "/");
    let mut enc = String::with_capacity(s.len() + 8);
    if !s.starts_with('/') {
        enc.push('/');
    }
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || b"-._~/".contains(&c) {
            enc.push(c as char);
        } else {
            enc.push_str(&format!("%{c:02X}"));
        }
    }
    Uri::from_str(&format!("file://{enc}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = Path::new("/tmp/a dir/é [1].md");
        let u = from_path(p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/a%20dir/%C3%A9%20%5B1%5D.md");
        assert_eq!(to_path(u.as_str()).unwrap(), p);
        assert_eq!(
            to_path("file://localhost/x/y.md").unwrap(),
            Path::new("/x/y.md")
        );
        assert!(to_path("untitled:Untitled-1").is_none());
        assert!(to_path("file://server/share/x").is_none());
    }
}
