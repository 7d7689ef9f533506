//! Byte offsets ⇄ LSP positions in the negotiated encoding, and incremental text edits.

use crate::document::LineIndex;
use crate::document::lines::floor_char;
use lsp_types::Position;

/// How a position's `character` counts: the LSP `positionEncoding` in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }
    pub fn parse(s: &str) -> Option<Encoding> {
        match s {
            "utf-8" => Some(Encoding::Utf8),
            "utf-16" => Some(Encoding::Utf16),
            "utf-32" => Some(Encoding::Utf32),
            _ => None,
        }
    }
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// End of line `line`'s content (before its terminator).
fn content_end(text: &str, lines: &LineIndex, line: usize) -> usize {
    let next = if line + 1 < lines.line_count() {
        lines.line_start(line + 1)
    } else {
        text.len()
    };
    let start = lines.line_start(line);
    let s = &text[start..next];
    let trimmed = s
        .strip_suffix("\r\n")
        .or_else(|| s.strip_suffix('\n'))
        .or_else(|| s.strip_suffix('\r'))
        .unwrap_or(s);
    start + trimmed.len()
}

/// The position of byte `offset` (clamped to a char boundary inside the text).
pub fn position(text: &str, lines: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let offset = floor_char(text, offset.min(text.len()));
    let line = lines.line_of(offset);
    let start = lines.line_start(line);
    let character: usize = match enc {
        Encoding::Utf8 => offset - start,
        _ => text[start..offset].chars().map(|c| enc.units(c)).sum(),
    };
    Position::new(line as u32, character as u32)
}

/// The byte offset of `pos`. A line past the end maps to the end of the text; a character past
/// the end of its line maps to the line's end (as the protocol asks); a position inside a
/// character maps to that character's start.
pub fn offset(text: &str, lines: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= lines.line_count() {
        return text.len();
    }
    let start = lines.line_start(line);
    let end = content_end(text, lines, line);
    let want = pos.character as usize;
    if enc == Encoding::Utf8 {
        return floor_char(text, (start + want).min(end));
    }
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= want {
            return start + i;
        }
        units += enc.units(c);
        if units > want {
            return start + i;
        }
    }
    end
}

/// Apply one `contentChanges` entry: a whole-text replacement, or a range edit.
pub fn apply_change(
    text: &mut String,
    change: &lsp_types::TextDocumentContentChangeEvent,
    enc: Encoding,
) {
    match change.range {
        None => *text = change.text.clone(),
        Some(r) => {
            let lines = LineIndex::new(text);
            let a = offset(text, &lines, r.start, enc);
            let b = offset(text, &lines, r.end, enc).max(a);
            text.replace_range(a..b, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Range, TextDocumentContentChangeEvent};

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, t: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: t.to_string(),
        }
    }

    #[test]
    fn utf16_positions_round_trip() {
        let t = "a😀b é\r\nx\ry";
        let li = LineIndex::new(t);
        let b = t.find('b').unwrap();
        assert_eq!(position(t, &li, b, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(position(t, &li, b, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(position(t, &li, b, Encoding::Utf32), Position::new(0, 2));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (i, _) in t.char_indices() {
                if t[..i].ends_with('\r') {
                    continue; // inside a CRLF: no position of its own
                }
                let p = position(t, &li, i, enc);
                assert_eq!(offset(t, &li, p, enc), i, "{enc:?} {i}");
            }
        }
        // past the end of a line: the line's end, not the next line
        assert_eq!(
            offset(t, &li, Position::new(0, 99), Encoding::Utf16),
            t.find('\r').unwrap()
        );
        assert_eq!(
            offset(t, &li, Position::new(9, 0), Encoding::Utf16),
            t.len()
        );
        // inside a surrogate pair: the character's start
        assert_eq!(offset(t, &li, Position::new(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut t = String::from("αβ😀γ\nline two\n");
        // replace 😀 (2 UTF-16 units at col 2)
        apply_change(&mut t, &change(0, 2, 0, 4, "X"), Encoding::Utf16);
        assert_eq!(t, "αβXγ\nline two\n");
        // delete the whole second line
        apply_change(&mut t, &change(1, 0, 2, 0, ""), Encoding::Utf16);
        assert_eq!(t, "αβXγ\n");
        // insert at the very end
        apply_change(&mut t, &change(1, 0, 1, 0, "end"), Encoding::Utf16);
        assert_eq!(t, "αβXγ\nend");
        // utf-8 columns
        apply_change(&mut t, &change(0, 4, 0, 4, "!"), Encoding::Utf8);
        assert_eq!(t, "αβ!Xγ\nend");
    }
}
