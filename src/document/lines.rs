//! Byte offsets to lines and columns, computed only when rendering.

/// Line starts of a text; lines end at `\n`, `\r\n` or a lone `\r`.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Every `MARK` bytes (floored to a char boundary): the byte offset and the characters and
    /// UTF-16 units before it, so a column costs at most `MARK` bytes of counting even on a
    /// 10 MB line with thousands of findings.
    /// Computed on first use: most documents are never rendered column by column.
    marks: std::sync::OnceLock<Vec<(usize, usize, usize)>>,
}

/// Characters and UTF-16 units in a UTF-8 byte slice (on char boundaries).
fn count(bytes: &[u8]) -> (usize, usize) {
    let mut chars = 0;
    let mut astral = 0;
    for &b in bytes {
        chars += usize::from(b & 0xC0 != 0x80);
        astral += usize::from(b >= 0xF0);
    }
    (chars, chars + astral)
}

const MARK: usize = 4096;

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            marks: std::sync::OnceLock::new(),
        }
    }

    fn marks(&self, text: &str) -> &[(usize, usize, usize)] {
        self.marks.get_or_init(|| {
            let mut marks = vec![(0, 0, 0)];
            let (mut chars, mut utf16, mut at) = (0, 0, 0);
            while marks.len() * MARK < text.len() {
                let next = floor_char(text, marks.len() * MARK);
                let (c, u) = count(&text.as_bytes()[at..next]);
                chars += c;
                utf16 += u;
                marks.push((next, chars, utf16));
                at = next;
            }
            marks
        })
    }

    /// Characters and UTF-16 units in `text[..offset]` (`offset` on a char boundary).
    fn counts(&self, text: &str, offset: usize) -> (usize, usize) {
        let marks = self.marks(text);
        let (at, chars, utf16) = marks[(offset / MARK).min(marks.len() - 1)];
        let at = at.min(offset);
        let (c, u) = count(&text.as_bytes()[at..offset]);
        (chars + c, utf16 + u)
    }

    /// Characters and UTF-16 units in `text[start..offset]`: counted directly on an ordinary
    /// line, through the marks on a very long one.
    fn between(&self, text: &str, start: usize, offset: usize) -> (usize, usize) {
        if offset - start <= 2 * MARK {
            return count(&text.as_bytes()[start..offset]);
        }
        let (a, b) = (self.counts(text, offset), self.counts(text, start));
        (a.0 - b.0, a.1 - b.1)
    }

    /// 0-based line number holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and character column of `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        LineCol {
            line: line + 1,
            column: self.between(text, start, offset).0 + 1,
        }
    }

    /// 0-based line and UTF-16 column, as editors count.
    pub fn utf16(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = self.between(text, start, offset).1;
        (line as u32, col as u32)
    }
}

/// The nearest char boundary at or before `i`.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_all_line_endings() {
        let t = "ab\r\ncé d\rx\ny";
        let li = LineIndex::new(t);
        assert_eq!(li.line_count(), 4);
        assert_eq!(li.line_col(t, 0), LineCol { line: 1, column: 1 });
        // 'd' after "cé " is the 4th character of line 2
        let d = t.find('d').unwrap();
        assert_eq!(li.line_col(t, d), LineCol { line: 2, column: 4 });
        assert_eq!(li.line_col(t, t.find('x').unwrap()).line, 3);
        assert_eq!(li.line_col(t, t.len()).line, 4);
        let e = "a😀b";
        assert_eq!(LineIndex::new(e).utf16(e, 5), (0, 3));
    }

    #[test]
    fn columns_on_long_lines_match_counting() {
        let t = "é😀a\n".repeat(3000) + &"ü😀b".repeat(5000);
        let li = LineIndex::new(&t);
        for off in (0..t.len()).step_by(997).filter(|&o| t.is_char_boundary(o)) {
            let line = li.line_of(off);
            let start = li.line_start(line);
            let want = t[start..off].chars().count() + 1;
            assert_eq!(li.line_col(&t, off).column, want, "at {off}");
            let w16: usize = t[start..off].chars().map(char::len_utf16).sum();
            assert_eq!(li.utf16(&t, off).1 as usize, w16);
        }
    }
}
