//! Sentence splitting of prose plain text (placeholder until the full splitter lands).

use std::ops::Range;

pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b')' | b'\'') {
                j += 1;
            }
            if j >= b.len()
                || (b[j] == b' ' && b.get(j + 1).is_some_and(|c| c.is_ascii_uppercase()))
            {
                push(text, start..j, &mut out);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, start..b.len(), &mut out);
    out
}

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(r.start + lead..r.start + lead + t.len());
    }
}
