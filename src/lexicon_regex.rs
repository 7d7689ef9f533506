//! Compiling the patterns of the lexicons in `rules/`.
//!
//! The lexicons are written with `\b`. In the `regex` crate that is a Unicode word boundary,
//! which stops the fast lazy DFA at the first non-ASCII byte of a sentence (a curly quote, an
//! en dash, `µg`): the search falls back to the bounded backtracker, which was a quarter of an
//! `uncited-claim` run. The patterns of the lexicons are therefore compiled with ASCII word
//! boundaries: `\b` is a boundary between an ASCII letter, digit or `_` and anything else.
//! `\w` is `[0-9A-Za-z_]` and `\d` is `[0-9]` too (and `\W`, `\D` their complements): Unicode classes in the lexicons' bounded
//! repeats made the one-article run half again as slow. Where letters with diacritics matter
//! (surnames in reference entries) the lexicon spells them out. `\s` and `(?i)` case folding
//! stay Unicode. The `rules/claims.toml` header says so.

use regex::{Regex, RegexBuilder};

/// `pattern` with `\b`, `\B`, `\w` and `\d` made ASCII, inside and outside classes (`\s`
/// stays Unicode).
pub fn ascii_word_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    // depth of `[...]` nesting; `class_start` is true right after `[` or `[^`, where `]` is a
    // literal
    let mut depth = 0usize;
    let mut class_start = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let inside = depth > 0;
                match (e, inside) {
                    ('b', false) => out.push_str(r"(?-u:\b)"),
                    ('B', false) => out.push_str(r"(?-u:\B)"),
                    // `\w` is ASCII: Unicode word classes make big, slow automata
                    ('w', false) => out.push_str("[0-9A-Za-z_]"),
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    // digits are ASCII digits in the lexicons' numbers
                    ('d', false) => out.push_str("[0-9]"),
                    ('d', true) => out.push_str("0-9"),
                    // and so are their complements
                    ('W', false) => out.push_str("[^0-9A-Za-z_]"),
                    ('D', false) => out.push_str("[^0-9]"),
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
                class_start = false;
            }
            '[' => {
                out.push('[');
                // `[[:alpha:]]` ASCII classes and nested classes both open a level
                depth += 1;
                class_start = true;
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            ']' if depth > 0 && !class_start => {
                out.push(']');
                depth -= 1;
            }
            c => {
                out.push(c);
                class_start = false;
            }
        }
    }
    out
}

/// A builder for a lexicon pattern with ASCII word classes (see the module docs), for
/// callers that set limits.
pub fn builder(pattern: &str) -> RegexBuilder {
    RegexBuilder::new(&ascii_word_classes(pattern))
}

/// Compiles a lexicon pattern with ASCII word classes (see the module docs).
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    builder(pattern).build()
}

/// Whether a match found with ASCII word classes also has Unicode word edges: it does not
/// start with an ASCII letter or digit right after a non-ASCII letter ("Δ9-THC", "β2"), nor
/// end with one right before a non-ASCII letter. Callers drop matches that fail, which gives
/// back the Unicode `\b` at the edges where it matters for numbers and words.
pub fn unicode_edges(hay: &str, range: std::ops::Range<usize>) -> bool {
    let inner_first = hay[range.clone()].chars().next();
    let inner_last = hay[range.clone()].chars().next_back();
    let before = hay[..range.start].chars().next_back();
    let after = hay[range.end..].chars().next();
    let glued = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if !o.is_ascii() && o.is_alphanumeric() && i.is_ascii_alphanumeric());
    !glued(before, inner_first) && !glued(after, inner_last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_word_boundaries_and_classes() {
        assert_eq!(
            ascii_word_classes(r"\bfoo\w+\B"),
            r"(?-u:\b)foo[0-9A-Za-z_]+(?-u:\B)"
        );
        // inside a class `\b` is a backspace, and stays
        assert_eq!(ascii_word_classes(r"[]\b]"), r"[]\b]");
        assert_eq!(
            ascii_word_classes(r"[\w.-]+\d[\d,]"),
            r"[0-9A-Za-z_.-]+[0-9][0-9,]"
        );
        assert_eq!(ascii_word_classes(r"\\b\s"), r"\\b\s");
        // letters with diacritics are spelled out where they matter
        let re = compile(r"^[A-Z][\wÀ-ÖØ-öø-ÿĀ-ž'-]+ [A-Z]{1,2},").unwrap();
        assert!(re.is_match("Müller AB, Schmidt CD: a title."));
        assert!(
            !compile(r"^[A-Z][\w'-]+ [A-Z]{1,2},")
                .unwrap()
                .is_match("Müller AB,")
        );
    }

    #[test]
    fn same_matches_on_ascii_text_and_no_backtracking_fallback_needed() {
        let p = r"(?i)\b(?:studies|data)\s+(?:\w+\s+){0,3}?(?:show|found)\b";
        let uni = Regex::new(p).unwrap();
        let ascii = compile(p).unwrap();
        for s in [
            "Recent studies in adults found that…",
            "Data from two trials show a benefit — “clearly”.",
            "The studies’ authors found nothing.",
            "metadata show",
        ] {
            assert_eq!(
                uni.find(s).map(|m| m.range()),
                ascii.find(s).map(|m| m.range()),
                "{s}"
            );
        }
        // a non-ASCII letter is not a word character any more: the one difference
        assert!(Regex::new(r"\bcaf\b").unwrap().find("café").is_none());
        let m = compile(r"\bcaf\b").unwrap().find("café").unwrap();
        // … which `unicode_edges` catches
        assert!(!unicode_edges("café", m.range()));
        let m = compile(r"\b\d+\b")
            .unwrap()
            .find("Δ9-THC and 12 mg")
            .unwrap();
        assert!(!unicode_edges("Δ9-THC and 12 mg", m.range()));
        assert!(unicode_edges("12 mg", 0..2));
        assert!(unicode_edges("“12” mg", "“".len().."“12".len()));
    }
}
