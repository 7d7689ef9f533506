//! Sentence splitting for one block of prose (a paragraph, list item or table cell).
//!
//! A hand-written scanner tuned for medical and scientific prose: it knows the usual
//! abbreviations (`et al.`, `e.g.`, `Dr.`, `Fig. 2`, `U.S.`), initials, decimals
//! (`2.5 mg`, `p < .05`), ellipses, closing quotes and brackets after the full stop, and
//! line breaks inside a block.

use super::english::listed;
use std::ops::Range;

/// Characters that may follow the terminal punctuation and still belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '}' | '\u{BB}' | '*' | '_'
    )
}

/// Characters that may precede the first letter of a sentence.
fn is_opener_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '{' | '\u{AB}' | '*' | '_'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

/// Byte ranges of the sentences in `text`, in order, trimmed of surrounding whitespace.
/// Every non-blank part of `text` lies in exactly one range.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    thread_local! {
        /// The character table of the last text split, kept for the next: sixteen bytes a
        /// byte of text, it was allocated and freed for every block. Kept up to 64 Ki
        /// characters (1 MiB); a longer text gets a table of its own.
        static CHARS: std::cell::RefCell<Vec<(usize, char)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    CHARS.with(|cell| {
        let (out, chars) = split_with(text, cell.take());
        if chars.capacity() <= 1 << 16 {
            cell.replace(chars);
        }
        out
    })
}

/// [`split_sentences`], with `chars` (emptied first) for the character table, given back.
/// ASCII text needs no table: its characters are its bytes.
fn split_with(text: &str, chars: Vec<(usize, char)>) -> (Vec<Range<usize>>, Vec<(usize, char)>) {
    if text.is_ascii() {
        let mut scan = AsciiScan::new(text.as_bytes());
        let cuts = cuts(text, &Ascii(text.as_bytes()), |i| scan.next(i));
        (ranges_from_cuts(text, &cuts), chars)
    } else {
        split_by_table(text, chars)
    }
}

/// [`split_with`] through a table of the characters, whatever the text.
fn split_by_table(
    text: &str,
    mut chars: Vec<(usize, char)>,
) -> (Vec<Range<usize>>, Vec<(usize, char)>) {
    // sized once (a char is at least a byte)
    chars.clear();
    chars.reserve(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let table = chars.as_slice();
    let next = |from: usize| {
        (from..n)
            .find(|&j| table[j].1 == '\n' || is_terminal(table[j].1))
            .unwrap_or(n)
    };
    let cuts = cuts(text, table, next);
    (ranges_from_cuts(text, &cuts), chars)
}

/// A text's characters by their index, each with its byte offset.
trait Chars {
    fn count(&self) -> usize;
    fn at(&self, i: usize) -> (usize, char);
}

impl Chars for [(usize, char)] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> (usize, char) {
        self[i]
    }
}

/// ASCII text: a character a byte.
struct Ascii<'a>(&'a [u8]);

impl Chars for Ascii<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> (usize, char) {
        (i, char::from(self.0[i]))
    }
}

/// In ASCII text, the next line break or terminal punctuation (`.`, `?`, `!`) at or after
/// an index that only grows: the next of each is found with `memchr` and kept until passed.
struct AsciiScan<'a> {
    bytes: &'a [u8],
    line_break: usize,
    terminal: usize,
}

impl<'a> AsciiScan<'a> {
    fn new(bytes: &'a [u8]) -> AsciiScan<'a> {
        AsciiScan {
            bytes,
            line_break: AsciiScan::find_line_break(bytes, 0),
            terminal: AsciiScan::find_terminal(bytes, 0),
        }
    }
    fn find_line_break(bytes: &[u8], from: usize) -> usize {
        memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |k| from + k)
    }
    fn find_terminal(bytes: &[u8], from: usize) -> usize {
        memchr::memchr3(b'.', b'?', b'!', &bytes[from..]).map_or(bytes.len(), |k| from + k)
    }
    /// The index of the next line break or terminal punctuation from `from` on (`from` no
    /// smaller than at the last call), or the text's length.
    fn next(&mut self, from: usize) -> usize {
        if self.line_break < from {
            self.line_break = AsciiScan::find_line_break(self.bytes, from);
        }
        if self.terminal < from {
            self.terminal = AsciiScan::find_terminal(self.bytes, from);
        }
        self.line_break.min(self.terminal)
    }
}

/// The byte offsets where `text` is cut into sentences. `next(i)` gives the index of the
/// first line break or terminal punctuation at or after `i` (`chars.count()` if none); the
/// characters between are not looked at.
fn cuts<C: Chars + ?Sized>(
    text: &str,
    chars: &C,
    mut next: impl FnMut(usize) -> usize,
) -> Vec<usize> {
    let mut cuts: Vec<usize> = Vec::new();
    let n = chars.count();
    let mut i = 0;
    loop {
        i = next(i);
        if i >= n {
            break;
        }
        let (_, c) = chars.at(i);
        if c == '\n' {
            if let Some(cut) = line_break_cut(text, chars.at(i).0) {
                cuts.push(cut);
            }
            i += 1;
            continue;
        }
        // A run of terminal punctuation ("?!", "...", "…").
        let run_start = i;
        while i < n && is_terminal(chars.at(i).1) {
            i += 1;
        }
        let run_end = i;
        while i < n && is_closer(chars.at(i).1) {
            i += 1;
        }
        let after = i;
        // The run must be followed by whitespace (or the end of the text).
        if after < n && !chars.at(after).1.is_whitespace() {
            continue;
        }
        if after >= n {
            break;
        }
        if is_boundary(text, chars, run_start, run_end, after) {
            cuts.push(chars.at(after).0);
        }
    }
    cuts
}

/// Decides a candidate boundary: terminal punctuation `chars[run_start..run_end]`,
/// closers up to `after`, which is a whitespace character.
fn is_boundary<C: Chars + ?Sized>(
    text: &str,
    chars: &C,
    run_start: usize,
    run_end: usize,
    after: usize,
) -> bool {
    let next = next_word(text, chars, after);
    let Some((next_word, first)) = next else {
        return true;
    };
    let starts_lower = first.is_lowercase() && !next_word.chars().skip(1).any(char::is_uppercase);
    if starts_lower {
        return false;
    }
    let single_period = run_end - run_start == 1 && chars.at(run_start).1 == '.';
    if !single_period {
        // "?", "!", "..." or "…" before something that is not lower-case.
        return true;
    }
    // A full stop: look at the word before it.
    let word = word_before(text, chars, run_start);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let lower = lower.as_str();
    let next_lower = next_word.to_lowercase();
    let words = &super::english::words().sentences;
    let opener = listed(&words.openers, &next_lower);
    if listed(&words.never_final, lower) {
        return false;
    }
    if listed(&words.numeric_prefix, lower) {
        // "No. 5", "p. 12": not a boundary before a number.
        return !first.is_ascii_digit();
    }
    if listed(&words.maybe_final, lower) {
        return opener;
    }
    let mut wchars = word.chars();
    let w0 = wchars.next().unwrap_or(' ');
    let single_letter = wchars.next().is_none();
    if single_letter && w0.is_uppercase() {
        // An initial ("J. Smith") unless it follows a lower-case word ("hepatitis C.")
        // or the next word is a usual sentence opener.
        if opener {
            return true;
        }
        let prev = word_before_index(text, chars, run_start - 1);
        let prev_is_lower_word = prev
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() && prev.len() > 3)
            && !matches!(prev, "with" | "from" | "and");
        return prev_is_lower_word;
    }
    if single_letter && w0.is_lowercase() {
        // "p." "n." and similar single lower-case letters followed by a number.
        return !first.is_ascii_digit();
    }
    // Dotted abbreviations not listed ("J.R.R.", "a.k.a.", "Ph.D.").
    if word.contains('.')
        && word.chars().any(char::is_alphabetic)
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return opener;
    }
    true
}

/// The run of non-space characters ending just before `chars[end]`, without leading
/// opening punctuation.
fn word_before<'a, C: Chars + ?Sized>(text: &'a str, chars: &C, end: usize) -> &'a str {
    let mut s = end;
    while s > 0 && !chars.at(s - 1).1.is_whitespace() {
        s -= 1;
    }
    while s < end && (is_opener_punct(chars.at(s).1) || chars.at(s).1 == '-') {
        s += 1;
    }
    &text[chars.at(s).0.min(chars.at(end).0)..chars.at(end).0]
}

/// The word before the one that ends at `chars[idx]` (exclusive of the final full stop).
fn word_before_index<'a, C: Chars + ?Sized>(text: &'a str, chars: &C, idx: usize) -> &'a str {
    // Walk back over the current word, then the whitespace, then take the previous word.
    let mut s = idx;
    while s > 0 && !chars.at(s - 1).1.is_whitespace() {
        s -= 1;
    }
    while s > 0 && chars.at(s - 1).1.is_whitespace() {
        s -= 1;
    }
    if s == 0 {
        return "";
    }
    let end = s;
    let mut b = end;
    while b > 0 && !chars.at(b - 1).1.is_whitespace() {
        b -= 1;
    }
    let end_byte = if end < chars.count() {
        chars.at(end).0
    } else {
        text.len()
    };
    text[chars.at(b).0..end_byte].trim_matches(|c: char| !c.is_alphanumeric())
}

/// The next word after position `from` (skipping whitespace and opening punctuation) and
/// its first alphanumeric character.
fn next_word<'a, C: Chars + ?Sized>(
    text: &'a str,
    chars: &C,
    from: usize,
) -> Option<(&'a str, char)> {
    let mut j = from;
    while j < chars.count() && (chars.at(j).1.is_whitespace() || is_opener_punct(chars.at(j).1)) {
        j += 1;
    }
    if j >= chars.count() {
        return None;
    }
    let start = chars.at(j).0;
    let mut k = j;
    while k < chars.count() && chars.at(k).1.is_alphanumeric() {
        k += 1;
    }
    if k == j {
        // Not a word (a dash, a bullet, a symbol): treat it as a non-lower-case start.
        return Some(("", chars.at(j).1));
    }
    let end = if k < chars.count() {
        chars.at(k).0
    } else {
        text.len()
    };
    Some((&text[start..end], chars.at(j).1))
}

/// A cut at a line break: a blank line always; a single line break when the next line
/// starts a list item, or the line ends in a colon and the next starts with a capital.
fn line_break_cut(text: &str, here: usize) -> Option<usize> {
    let rest = &text[here + 1..];
    let next_line = rest.split('\n').next().unwrap_or("");
    if next_line.trim().is_empty() && rest.contains('\n') {
        return Some(here);
    }
    let next = next_line.trim_start();
    if starts_list_item(next) {
        return Some(here);
    }
    let line_start = text[..here].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..here].trim_end();
    if line.ends_with(':') && next.chars().next().is_some_and(char::is_uppercase) {
        return Some(here);
    }
    None
}

fn starts_list_item(line: &str) -> bool {
    let mut it = line.chars();
    match it.next() {
        Some('-' | '*' | '+' | '\u{2022}' | '\u{2013}') => it.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &line[digits..];
            digits <= 3 && (tail.starts_with(". ") || tail.starts_with(") "))
        }
        _ => false,
    }
}

fn ranges_from_cuts(text: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&text.len())) {
        if cut < start {
            continue;
        }
        if let Some(r) = trimmed(text, start..cut) {
            out.push(r);
        }
        start = cut;
    }
    out
}

fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(r.start + lead..r.start + lead + t.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    /// ASCII text, split without a character table, is cut where the table would cut it:
    /// every ASCII file of the fixtures, whole and with its line breaks as spaces, and texts
    /// with terminal punctuation in runs, before closers, at the very end, between line
    /// breaks.
    #[test]
    fn ascii_text_is_cut_as_through_the_table() {
        let mut texts: Vec<String> = crate::lexicon_regex::fixture_texts()
            .into_iter()
            .filter(|t| t.is_ascii())
            .flat_map(|t| [t.replace('\n', " "), t])
            .collect();
        assert!(texts.len() > 20);
        texts.extend(
            [
                "",
                ".",
                "\n",
                "Wait... what?! Yes.\" No.) Done",
                "See Fig. 2 and Smith et al. 2020. It works.\n\n- a list\n- item. Next:\nNew line.",
                "e.g. this. J. R. R. Tolkien wrote. p. 12. p < .05. 2.5 mg. U.S. trial.",
                "End with stop.   ",
                "a.b.c.\n1. one\n2) two? three!",
            ]
            .map(str::to_string),
        );
        for t in &texts {
            assert_eq!(
                split_with(t, Vec::new()).0,
                split_by_table(t, Vec::new()).0,
                "{t}"
            );
        }
    }

    /// The scan finds each line break and terminal punctuation in turn, and the end.
    #[test]
    fn ascii_scan_finds_the_next_candidate() {
        let mut scan = AsciiScan::new(b"ab. c\nd?! e");
        let found: Vec<usize> = [0, 2, 3, 5, 6, 8, 9, 10, 11]
            .iter()
            .map(|&i| scan.next(i))
            .collect();
        assert_eq!(found, vec![2, 2, 5, 5, 7, 8, 11, 11, 11]);
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            split("The drug works. It is cheap! Is it safe?"),
            vec!["The drug works.", "It is cheap!", "Is it safe?"]
        );
    }

    #[test]
    fn exact_ranges_are_trimmed() {
        let text = "  First one.   Second one.  ";
        assert_eq!(split_sentences(text), vec![2..12, 15..26]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   \n\n  ").is_empty());
        assert_eq!(split("no full stop"), vec!["no full stop"]);
    }

    #[test]
    fn et_al_and_latin() {
        assert_eq!(
            split(
                "Kowalski et al. reported fewer relapses, e.g. in older adults, i.e. over 65. The trial was small."
            ),
            vec![
                "Kowalski et al. reported fewer relapses, e.g. in older adults, i.e. over 65.",
                "The trial was small."
            ]
        );
        assert_eq!(
            split("As Moreau et al. (2019) noted, doses vary. Others disagree."),
            vec![
                "As Moreau et al. (2019) noted, doses vary.",
                "Others disagree."
            ]
        );
        assert_eq!(
            split("This was first shown by Lindqvist et al. The finding was later confirmed."),
            vec![
                "This was first shown by Lindqvist et al.",
                "The finding was later confirmed."
            ]
        );
    }

    #[test]
    fn titles_figures_numbers() {
        assert_eq!(
            split(
                "Dr. Okafor treated the patient. See Fig. 3 and No. 7 for details. Prof. Ames agreed."
            ),
            vec![
                "Dr. Okafor treated the patient.",
                "See Fig. 3 and No. 7 for details.",
                "Prof. Ames agreed."
            ]
        );
        assert_eq!(
            split("Aspirin vs. placebo was tested. The answer was No. Nobody objected."),
            vec![
                "Aspirin vs. placebo was tested.",
                "The answer was No.",
                "Nobody objected."
            ]
        );
    }

    #[test]
    fn us_and_dotted_abbreviations() {
        assert_eq!(
            split(
                "The U.S. Food and Drug Administration approved it. Rates are high in the U.S. The cost is rising."
            ),
            vec![
                "The U.S. Food and Drug Administration approved it.",
                "Rates are high in the U.S.",
                "The cost is rising."
            ]
        );
        assert_eq!(
            split("Take it at 8 a.m. with water. Symptoms last approx. 3 days."),
            vec![
                "Take it at 8 a.m. with water.",
                "Symptoms last approx. 3 days."
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            split("The method of J. R. Hartley is cited widely. It was adopted in 1990."),
            vec![
                "The method of J. R. Hartley is cited widely.",
                "It was adopted in 1990."
            ]
        );
        assert_eq!(
            split("Patients had hepatitis C. Treatment lasted 12 weeks."),
            vec!["Patients had hepatitis C.", "Treatment lasted 12 weeks."]
        );
    }

    #[test]
    fn decimals_and_p_values() {
        assert_eq!(
            split(
                "The dose was 2.5 mg daily (p < .05). Levels fell by 0.3 mmol/L. Adverse events were rare."
            ),
            vec![
                "The dose was 2.5 mg daily (p < .05).",
                "Levels fell by 0.3 mmol/L.",
                "Adverse events were rare."
            ]
        );
        assert_eq!(
            split("The dose was 40 mg. 30% of patients responded."),
            vec!["The dose was 40 mg.", "30% of patients responded."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split(
                "Results were mixed... but promising. Then came the trial\u{2026} Nobody expected it."
            ),
            vec![
                "Results were mixed... but promising.",
                "Then came the trial\u{2026}",
                "Nobody expected it."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets() {
        assert_eq!(
            split(
                "She called it \"a turning point.\" The data agreed. (This was unexpected.) Later work followed."
            ),
            vec![
                "She called it \"a turning point.\"",
                "The data agreed.",
                "(This was unexpected.)",
                "Later work followed."
            ]
        );
        assert_eq!(
            split("He said \u{201C}stop now!\u{201D} Then he left."),
            vec!["He said \u{201C}stop now!\u{201D}", "Then he left."]
        );
    }

    #[test]
    fn question_and_exclamation_mid_sentence() {
        assert_eq!(
            split("Why does it matter? because risk accumulates. Really! It does?! Yes."),
            vec![
                "Why does it matter? because risk accumulates.",
                "Really!",
                "It does?!",
                "Yes."
            ]
        );
    }

    #[test]
    fn lower_case_start_is_continuation_but_mrna_is_not() {
        assert_eq!(
            split("Vaccines use antigens. mRNA vaccines are newer."),
            vec!["Vaccines use antigens.", "mRNA vaccines are newer."]
        );
        assert_eq!(
            split("The ratio was approx. two to one."),
            vec!["The ratio was approx. two to one."]
        );
    }

    #[test]
    fn line_breaks() {
        // A wrapped line is not a boundary.
        assert_eq!(
            split("The drug was approved by the\nFederal agency in 2001. It is used widely."),
            vec![
                "The drug was approved by the\nFederal agency in 2001.",
                "It is used widely."
            ]
        );
        // A blank line always is.
        assert_eq!(
            split("A heading without stop\n\nBody text here."),
            vec!["A heading without stop", "Body text here."]
        );
        // A new list item or a colon lead-in is a new sentence.
        assert_eq!(
            split("Common effects include:\nNausea and fatigue\n- headache"),
            vec![
                "Common effects include:",
                "Nausea and fatigue",
                "- headache"
            ]
        );
        // A full stop at the end of a line.
        assert_eq!(
            split("First line ends.\nSecond line starts."),
            vec!["First line ends.", "Second line starts."]
        );
    }

    #[test]
    fn non_ascii_is_kept_on_char_boundaries() {
        let text = "Le café coûte 2 €. Überall gleich. Ça va?";
        let r = split_sentences(text);
        assert_eq!(r.len(), 3);
        for x in &r {
            assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        }
        assert_eq!(&text[r[1].clone()], "Überall gleich.");
    }

    #[test]
    fn urls_and_versions_do_not_split() {
        assert_eq!(
            split("See example.org for v2.1 details. Done."),
            vec!["See example.org for v2.1 details.", "Done."]
        );
    }

    #[test]
    fn number_after_sentence_and_digits_start() {
        assert_eq!(
            split("The mean was 5.2. Glucose fell later."),
            vec!["The mean was 5.2.", "Glucose fell later."]
        );
        assert_eq!(
            split("Survival improved. 1 in 8 women will be affected."),
            vec!["Survival improved.", "1 in 8 women will be affected."]
        );
    }
}
