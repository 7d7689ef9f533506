//! Byte offsets to lines and columns, computed only when rendering.

/// Line starts of a text; lines end at `\n`, `\r\n` or a lone `\r`.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

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
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
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
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// 0-based line and UTF-16 column, as editors count.
    pub fn utf16(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
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
}
