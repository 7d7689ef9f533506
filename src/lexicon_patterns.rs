//! The pattern strings of the lexicons in `rules/`, assembled from their TOML lists.
//!
//! One source of truth for two users: the program, which assembles them from the built-in
//! lexicons (and from rule packs) at run time, and `build.rs`, which `#[path]`-includes this
//! file, assembles the same strings from the built-in `rules/*.toml` and builds each one's
//! DFAs before the program runs (see [`crate::lexicon_regex`]). A string the build step
//! assembled differently would not be found among the prebuilt automata and would be
//! compiled at run time instead: slower, never different (a test checks that none is).
//!
//! This file may use only `std`, `serde` and `regex_syntax`: the build script has no more.

use serde::Deserialize;

/// `pattern` with `\b`, `\B`, `\w` and `\d` made ASCII, inside and outside classes (`\s`
/// stays Unicode). See [`crate::lexicon_regex`] for why.
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

// ---- rules/claims.toml ---------------------------------------------------------------------

/// The one pattern of a claims group: its patterns as one alternation, case-insensitive
/// unless the group says `case_sensitive`.
pub fn claim_group(patterns: &[String], case_sensitive: bool) -> String {
    let joined = patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    if case_sensitive {
        joined
    } else {
        format!("(?i:{joined})")
    }
}

/// A claims phrase as written: its text, and whether it matches as the start of a word (a
/// trailing `*`: "prevent*" is "prevents", "prevented").
pub fn claim_phrase(phrase: &str) -> (&str, bool) {
    match phrase.strip_suffix('*') {
        Some(text) => (text.trim(), true),
        None => (phrase.trim(), false),
    }
}

/// The pattern of a claims phrase's text as the phrases are searched (Aho-Corasick, ASCII
/// case-insensitive): its characters as written, each ASCII letter in either case and
/// nothing else folded.
pub fn phrase_pattern(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            out.push('[');
            out.push(c.to_ascii_lowercase());
            out.push(c.to_ascii_uppercase());
            out.push(']');
        } else {
            out.push_str(&regex_syntax::escape(c.encode_utf8(&mut [0; 4])));
        }
    }
    out
}

/// Patterns only ever tested with `is_match` are split into alternations of at most this
/// many: "one of the parts matches" is the same test, and the DFA of one long alternation of
/// patterns with counted repeats can explode when determinised (a part that does is compiled
/// at run time alone).
pub const MATCH_CHUNK: usize = 8;

/// The `[not-prose]` patterns of the claims lexicon, in parts of [`MATCH_CHUNK`].
pub fn not_prose(patterns: &[String]) -> Vec<String> {
    patterns
        .chunks(MATCH_CHUNK)
        .map(|c| claim_group(c, false))
        .collect()
}

// ---- rules/metadata.toml -------------------------------------------------------------------

/// One pattern for a list of `[ai]` patterns (disclosures, signs).
pub fn ai_any(list: &[String]) -> String {
    let joined = list
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    format!("(?im){joined}")
}

// ---- rules/assistant.toml ------------------------------------------------------------------

/// An assistant entry's `regex`, as compiled on its own.
pub fn assistant_entry(regex: &str) -> String {
    format!("(?i){regex}")
}

/// The alternations of a list of assistant entries (each as [`assistant_entry`] gives it),
/// in parts of [`MATCH_CHUNK`]: whether any entry matches.
pub fn assistant_any(entries: &[String]) -> Vec<String> {
    entries
        .chunks(MATCH_CHUNK)
        .map(|c| {
            c.iter()
                .map(|src| format!("(?:{})", unnamed_groups(src)))
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

/// `pattern` with its named groups `(?P<n>…)` / `(?<n>…)` made non-capturing `(?:…)`.
pub fn unnamed_groups(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    let mut depth = 0usize;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let n = rest[1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&rest[..1 + n]);
            rest = &rest[1 + n..];
            continue;
        }
        if depth == 0 {
            let named = ["(?P<", "(?<"].iter().find_map(|open| {
                let after = rest.strip_prefix(open)?;
                let end = after.find('>').filter(|_| !after.starts_with(['=', '!']))?;
                Some(&after[end + 1..])
            });
            if let Some(after) = named {
                out.push_str("(?:");
                rest = after;
                continue;
            }
        }
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

// ---- rules/evidence.toml -------------------------------------------------------------------

/// `[absence]` of `rules/evidence.toml`.
#[derive(Debug, Deserialize)]
pub struct RawAbsence {
    pub pre: Vec<String>,
    pub modifiers: Vec<String>,
    pub nouns: Vec<String>,
    pub linkers: Vec<String>,
    pub study_nouns: Vec<String>,
    pub study_verbs: Vec<String>,
    pub post: Vec<String>,
    pub post_needs_evidence_subject: Vec<String>,
    pub bare: Vec<String>,
    pub terminators: Vec<String>,
    pub comma_terminators: Vec<String>,
    pub pseudo: Vec<String>,
    pub finding_verbs: Vec<String>,
    pub openers: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
    #[serde(default)]
    pub unknown: Vec<String>,
    #[serde(default)]
    pub conditional_before: Vec<String>,
    #[serde(default)]
    pub claim_tails: Vec<String>,
}

/// The patterns of the absence finder, in the order of [`AbsencePatterns::all`].
pub struct AbsencePatterns {
    pub gate: String,
    pub pre: String,
    /// `pre` up to its optional linker (the `link` group): where that part of a match of
    /// `pre` ends, which tells whether the linker took part without reading groups; a
    /// pattern that never matches when a linker could be empty (then it cannot tell)
    pub pre_head: String,
    pub study: String,
    pub post: String,
    pub bare: String,
    pub subject: String,
    pub terminator: String,
    pub opener: String,
    pub pseudo: String,
    pub finding: String,
    pub weak: String,
    pub unknown: String,
    pub conditional: String,
    pub tail: String,
}

impl AbsencePatterns {
    /// Every pattern.
    pub fn all(&self) -> [&str; 15] {
        [
            &self.gate,
            &self.pre,
            &self.pre_head,
            &self.study,
            &self.post,
            &self.bare,
            &self.subject,
            &self.terminator,
            &self.opener,
            &self.pseudo,
            &self.finding,
            &self.weak,
            &self.unknown,
            &self.conditional,
            &self.tail,
        ]
    }
}

/// `a|b|c` of the escaped phrases, longest first, spaces matching any whitespace.
fn alternation(list: &[String]) -> String {
    let mut v: Vec<&String> = list.iter().collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter()
        .map(|s| {
            s.split_whitespace()
                .map(regex_syntax::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A pattern that never matches.
const NEVER: &str = r"[^\s\S]";

/// `template` (with `{}` for the alternation of `list`), case-insensitive; a pattern that
/// never matches for an empty list.
fn any_of(list: &[String], template: &str) -> String {
    if list.is_empty() {
        return NEVER.to_string();
    }
    format!("(?i){}", template.replace("{}", &alternation(list)))
}

/// The absence finder's patterns from `[absence]`.
pub fn absence(a: &RawAbsence) -> AbsencePatterns {
    // every word of a matched phrase stands whole in the sentence: one word of each
    // evidence noun (pre-triggers need one), study noun ("no studies…") and
    // post-trigger, the longest, is enough to rule a sentence out
    let longest = |p: &String| {
        p.split_whitespace()
            .max_by_key(|w| w.len())
            .map(str::to_string)
    };
    let firsts: Vec<String> = a
        .nouns
        .iter()
        .chain(&a.study_nouns)
        .chain(&a.post)
        .chain(&a.unknown)
        .filter_map(longest)
        .collect();
    let pre = alternation(&a.pre);
    let modi = alternation(&a.modifiers);
    let noun = alternation(&a.nouns);
    let link = alternation(&a.linkers);
    let head = format!(r"(?i)\b(?:{pre})\s+(?:(?:{modi})[\s,]+){{0,3}}(?:{noun})\b");
    let linked = !a.linkers.is_empty() && a.linkers.iter().all(|l| !l.trim().is_empty());
    AbsencePatterns {
        gate: format!(r"(?i)\b(?:{})\b", alternation(&firsts)),
        pre: format!(
            r"{head}(?:\s*(?:(?:yet|so\s+far|to\s+date|currently|available|at\s+present)\s+)?(?P<link>{link})\b)?"
        ),
        pre_head: if linked { head } else { NEVER.to_string() },
        study: format!(
            r"(?i)\b(?:no|none\s+of\s+the)\s+(?:(?:{modi})[\s,]+){{0,3}}(?:{})\s+(?:(?:to\s+date|so\s+far|thus\s+far|yet)\s+)?(?:(?:has|have|had)\s+)?(?:(?:yet|ever|so\s+far|to\s+date|convincingly|clearly|conclusively)\s+)?(?:{})\b(?:\s+that\b)?",
            alternation(&a.study_nouns),
            alternation(&a.study_verbs)
        ),
        post: format!(r"(?i)\b(?P<post>{})\b", alternation(&a.post)),
        bare: format!(r"(?i)\b(?:{})\b", alternation(&a.bare)),
        subject: format!(
            r"(?i)^\s*(?:(?:the|current|available|existing|published|any)\s+)*(?:(?:{modi})[\s,]+){{0,3}}(?:{noun})\s+(?:{link})\s+"
        ),
        terminator: format!(
            r"(?i)(?:[;\[]|\s—|\s–\s|\b(?:{})\b|,\s*(?:{})\b)",
            alternation(&a.terminators),
            alternation(&a.comma_terminators)
        ),
        opener: format!(
            r"(?i)^(?:\s*(?:to\s+date|so\s+far|at\s+present|currently|at\s+this\s+time|as\s+yet|however|moreover|furthermore|in\s+addition|overall|thus|therefore|notably|importantly)\s*,?)*\s*(?:(?:{})\s+)?(?:(?:currently|still|yet|as\s+yet|so\s+far|to\s+date)\s+)?$",
            alternation(&a.openers)
        ),
        pseudo: format!(r"(?i)\b(?:{})\b", alternation(&a.pseudo)),
        finding: format!(
            r"(?i)\b(?:{})\s+(?:no|little)\s+(?:(?:{modi})\s+)?(?:evidence|sign|signs)\s+of\b",
            alternation(&a.finding_verbs)
        ),
        weak: any_of(&a.weak, r"\b(?:{})\b"),
        unknown: any_of(&a.unknown, r"\b(?:{})\b"),
        conditional: any_of(&a.conditional_before, r"\b(?:{})\s*$"),
        tail: any_of(&a.claim_tails, r"\s+(?:{})\b"),
    }
}

/// The ASCII word boundary of a Unicode one (`\b` and its kin); any other assertion as it is.
pub fn ascii_look(look: regex_syntax::hir::Look) -> regex_syntax::hir::Look {
    use regex_syntax::hir::Look;
    match look {
        Look::WordUnicode => Look::WordAscii,
        Look::WordUnicodeNegate => Look::WordAsciiNegate,
        Look::WordStartUnicode => Look::WordStartAscii,
        Look::WordEndUnicode => Look::WordEndAscii,
        Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
        Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
        other => other,
    }
}

// ---- necessary literals (prefilters) -------------------------------------------------------

/// The most strings a literal set may hold while it is built (a product of classes and
/// alternatives); beyond it the set is given up or cut where it stands.
const LITERAL_SET_MAX: usize = 64;
/// The most characters a class may have (ASCII letters counted once for both cases) to be
/// read as a set of one-character literals.
const CLASS_MAX: usize = 10;
/// The most literals a pattern's necessary set may hold.
const NECESSARY_MAX: usize = 1000;

/// The shortest literal worth giving: a single byte (a digit, `i`, `,`) occurs in most
/// sentences, where it would stop the prefilter's pass for nothing.
const LITERAL_MIN: usize = 2;

/// A set of byte strings, ASCII letters lower-cased.
type Literals = Vec<Vec<u8>>;

/// Literals that every match of `pattern` (a regex source, as compiled) contains at least
/// one of, compared ASCII-case-insensitively: where none of them occurs in a text (ASCII
/// letters of either case), the pattern does not match there. `None` when no such set can
/// be derived (a class of many characters, a repeat that may match nothing, `\w+`), or only
/// with a literal shorter than `LITERAL_MIN`: then the pattern must always be searched. Derived from the pattern's syntax tree, each step exact:
/// a literal is itself, a small class its characters (each non-ASCII member as its own UTF-8
/// bytes, so `(?i)k` gives `k` and `K`, the Kelvin sign), a sequence the product of its
/// neighbouring literal parts (look-arounds match no text, so a sequence reads across them)
/// or else the best necessary set of one part, an alternation the union of its branches'
/// sets (every branch must have one), a repeat of at least one its part's set.
pub fn necessary_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut set = necessary(&hir)?;
    if set.iter().any(|l| l.len() < LITERAL_MIN) || set.len() > NECESSARY_MAX {
        return None;
    }
    set.sort();
    set.dedup();
    // a literal that contains another is implied by it
    let all = set.clone();
    set.retain(|l| {
        !all.iter()
            .any(|o| o.len() < l.len() && l.windows(o.len()).any(|w| w == o.as_slice()))
    });
    // the bytes of a `&str` pattern's literals are UTF-8 (a byte class of non-ASCII bytes
    // would not be): a literal that is not is not given
    set.into_iter().map(|l| String::from_utf8(l).ok()).collect()
}

/// Every string `h` matches, if they are few (letters lower-cased): a literal, a small class,
/// a look-around (the empty string), and products, unions and short repeats of those.
fn exact_literals(h: &regex_syntax::hir::Hir) -> Option<Literals> {
    use regex_syntax::hir::{Class, HirKind};
    let lower = |b: &[u8]| b.to_ascii_lowercase();
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(l) => Some(vec![lower(&l.0)]),
        HirKind::Class(Class::Unicode(c)) => class_literals(
            c.ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|ch| lower(ch.encode_utf8(&mut [0u8; 4]).as_bytes())),
        ),
        HirKind::Class(Class::Bytes(c)) => class_literals(
            c.ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|b| vec![b.to_ascii_lowercase()]),
        ),
        HirKind::Capture(c) => exact_literals(&c.sub),
        HirKind::Concat(hs) => hs.iter().try_fold(vec![Vec::new()], |acc, h| {
            let next = exact_literals(h)?;
            (acc.len() * next.len() <= LITERAL_SET_MAX).then(|| product(&acc, &next))
        }),
        HirKind::Alternation(hs) => union(hs, LITERAL_SET_MAX, exact_literals),
        HirKind::Repetition(r) => {
            let sub = exact_literals(&r.sub)?;
            match (r.min, r.max) {
                (0, Some(1)) => {
                    let mut out = vec![Vec::new()];
                    out.extend(sub);
                    Some(out)
                }
                (n, Some(m)) if n == m && n <= 3 => (0..n).try_fold(vec![Vec::new()], |acc, _| {
                    (acc.len() * sub.len() <= LITERAL_SET_MAX).then(|| product(&acc, &sub))
                }),
                _ => None,
            }
        }
    }
}

/// The members of a class (each a string, letters lower-cased), if it has at most
/// `CLASS_MAX`.
fn class_literals(members: impl Iterator<Item = Vec<u8>>) -> Option<Literals> {
    let mut out: Literals = Vec::new();
    for l in members {
        if !out.contains(&l) {
            out.push(l);
        }
        if out.len() > CLASS_MAX {
            return None;
        }
    }
    Some(out)
}

/// The union of the sets `f` gives each of `hs`, if each has one and they hold at most `max`.
fn union(
    hs: &[regex_syntax::hir::Hir],
    max: usize,
    f: fn(&regex_syntax::hir::Hir) -> Option<Literals>,
) -> Option<Literals> {
    let mut out: Literals = Vec::new();
    for h in hs {
        out.extend(f(h)?);
        if out.len() > max {
            return None;
        }
    }
    Some(out)
}

/// Each string of `a` followed by each of `b`.
fn product(a: &Literals, b: &Literals) -> Literals {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
        .collect()
}

/// A set of literals every match of `h` contains one of (see [`necessary_literals`]).
fn necessary(h: &regex_syntax::hir::Hir) -> Option<Literals> {
    use regex_syntax::hir::HirKind;
    if let Some(all) = exact_literals(h) {
        return Some(all);
    }
    match h.kind() {
        HirKind::Capture(c) => necessary(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => necessary(&r.sub),
        HirKind::Alternation(hs) => union(hs, NECESSARY_MAX, necessary),
        HirKind::Concat(hs) => {
            // the best of: each run of neighbouring exact parts (their product) and each
            // other part's own necessary set
            let mut best: Option<Literals> = None;
            let mut consider = |set: Literals| {
                let score = |s: &Literals| {
                    let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
                    (shortest.min(4), std::cmp::Reverse(s.len()))
                };
                let useful = !set.is_empty() && set.iter().all(|l| l.len() >= LITERAL_MIN);
                if useful && best.as_ref().is_none_or(|b| score(&set) > score(b)) {
                    best = Some(set);
                }
            };
            let mut run: Literals = vec![Vec::new()];
            for h in hs {
                match exact_literals(h) {
                    Some(next) if run.len() * next.len() <= LITERAL_SET_MAX => {
                        run = product(&run, &next);
                    }
                    Some(next) => consider(std::mem::replace(&mut run, next)),
                    None => {
                        consider(std::mem::replace(&mut run, vec![Vec::new()]));
                        if let Some(set) = necessary(h) {
                            consider(set);
                        }
                    }
                }
            }
            consider(run);
            best
        }
        _ => None,
    }
}
