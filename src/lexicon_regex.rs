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
//!
//! **Built before the program runs.** The patterns of the built-in claims and evidence
//! lexicons are not compiled at start-up: `build.rs` assembles them (with
//! `src/lexicon_patterns.rs`, as the program does), builds their forward and reverse DFAs and
//! serialises them into the binary. [`LexRegex::new`] looks a pattern up by its exact string
//! and deserialises its DFAs without copying (validation only); a pattern not found there (a
//! rule pack's, or one of the few whose DFA was too big to keep) is compiled as before. Where
//! a caller needs capture groups, a `regex::Regex` is compiled on first use
//! ([`LexRegex::full`]): the DFAs find the same matches, leftmost-first.

use std::ops::Range;
use std::sync::OnceLock;

pub use crate::lexicon_patterns::ascii_word_classes;
use regex::{Regex, RegexBuilder};
use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
use regex_automata::util::wire::AlignAs;
use regex_automata::{Input, meta};

/// One built-in pattern's automata, as `build.rs` wrote them.
pub(crate) struct Prebuilt {
    pattern: &'static str,
    fwd: &'static [u8],
    rev: &'static [u8],
}

mod prebuilt {
    use super::{AlignAs, Prebuilt};
    include!(concat!(env!("OUT_DIR"), "/prebuilt_lexicons.rs"));
}

/// The DFAs of a prebuilt pattern.
struct Dfa(DfaRegex<dense::DFA<&'static [u32]>>);

impl Dfa {
    /// The prebuilt DFAs of `pattern`, if `build.rs` built them (and they load).
    fn prebuilt(pattern: &str) -> Option<Dfa> {
        let p = prebuilt::PREBUILT
            .iter()
            .find(|p| p.pattern.len() == pattern.len() && p.pattern == pattern)?;
        Dfa::load(p, false)
    }

    /// `p`'s DFAs. Unless `validate`, their transition tables are trusted (checking them
    /// was a fifth of the instructions left on a three-line file): `build.rs` wrote them with the same version of
    /// `regex-automata` in the same build, and the test `every_prebuilt_dfa_validates`
    /// loads every one with full validation. Headers, endianness and alignment are checked
    /// either way: a mismatch gives `None`, and the pattern is compiled at run time.
    fn load(p: &Prebuilt, validate: bool) -> Option<Dfa> {
        let (fwd, rev) = if validate {
            (
                dense::DFA::from_bytes(p.fwd).ok()?.0,
                dense::DFA::from_bytes(p.rev).ok()?.0,
            )
        } else {
            // SAFETY: see above: bytes serialised by `dense::DFA::to_bytes_little_endian` of
            // this regex-automata version; validated by a test
            unsafe {
                (
                    dense::DFA::from_bytes_unchecked(p.fwd).ok()?.0,
                    dense::DFA::from_bytes_unchecked(p.rev).ok()?.0,
                )
            }
        };
        Some(Dfa(DfaRegex::builder().build_from_dfas(fwd, rev)))
    }

    fn find(&self, input: Input<'_>) -> Option<Range<usize>> {
        self.0.find(input).map(|m| m.range())
    }

    fn is_match(&self, hay: &str) -> bool {
        self.0.is_match(hay)
    }
}

/// A lexicon pattern: its prebuilt DFAs, or a regex compiled at run time.
pub struct LexRegex {
    /// the pattern as written
    pattern: String,
    /// the pattern with ASCII word classes
    source: String,
    dfa: Option<Dfa>,
    /// compiled at run time (no prebuilt DFAs): the `regex` crate's engine without its
    /// literal prefilters, whose extraction was a third of compiling a lexicon pattern; the
    /// matches are the same
    lean: Option<meta::Regex>,
    full: OnceLock<Regex>,
}

impl std::fmt::Debug for LexRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LexRegex")
            .field("pattern", &self.pattern)
            .field("prebuilt", &self.dfa.is_some())
            .finish()
    }
}

/// A match of a [`LexRegex`]: like `regex::Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.range()]
    }
}

impl LexRegex {
    /// The lexicon pattern `pattern` (ASCII word classes, see the module docs): prebuilt if
    /// `build.rs` built it, else compiled now.
    pub fn new(pattern: &str) -> Result<LexRegex, regex::Error> {
        LexRegex::build(pattern, None)
    }

    /// As [`LexRegex::new`], with a size limit for compiling it at run time.
    pub fn with_size_limit(pattern: &str, limit: usize) -> Result<LexRegex, regex::Error> {
        LexRegex::build(pattern, Some(limit))
    }

    fn build(pattern: &str, limit: Option<usize>) -> Result<LexRegex, regex::Error> {
        let mut re = LexRegex {
            pattern: pattern.to_string(),
            source: ascii_word_classes(pattern),
            dfa: Dfa::prebuilt(pattern),
            lean: None,
            full: OnceLock::new(),
        };
        if re.dfa.is_none() {
            // the `regex` crate's defaults (`RegexBuilder`: a 10 MB size limit)
            let config = meta::Config::new()
                .auto_prefilter(false)
                .nfa_size_limit(Some(limit.unwrap_or(10 << 20)));
            match meta::Regex::builder().configure(config).build(&re.source) {
                Ok(lean) => re.lean = Some(lean),
                // the `regex` crate's error, word for word
                Err(_) => {
                    let mut b = RegexBuilder::new(&re.source);
                    if let Some(limit) = limit {
                        b.size_limit(limit);
                    }
                    let full = b.build()?;
                    let _ = re.full.set(full);
                }
            }
        }
        Ok(re)
    }

    /// Whether the pattern's automata were built before the program ran.
    pub fn is_prebuilt(&self) -> bool {
        self.dfa.is_some()
    }

    /// The pattern as a `regex::Regex` (for capture groups), compiled on first use.
    pub fn full(&self) -> &Regex {
        self.full.get_or_init(|| {
            RegexBuilder::new(&self.source)
                .build()
                .expect("a prebuilt pattern compiles")
        })
    }

    pub fn is_match(&self, hay: &str) -> bool {
        match (&self.dfa, &self.lean) {
            (Some(d), _) => d.is_match(hay),
            (None, Some(lean)) => lean.is_match(hay),
            (None, None) => self.full().is_match(hay),
        }
    }

    /// The first match starting at or after `start` (the text before it is still read for
    /// `\b` and `^`), as `regex::Regex::find_at`.
    pub fn find_at<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let r = match (&self.dfa, &self.lean) {
            (Some(d), _) => d.find(Input::new(hay).range(start..)),
            (None, Some(lean)) => lean.find(Input::new(hay).range(start..)).map(|m| m.range()),
            (None, None) => self.full().find_at(hay, start).map(|m| m.range()),
        }?;
        Some(Match {
            hay,
            start: r.start,
            end: r.end,
        })
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_at(hay, 0)
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter`.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> FindIter<'r, 'h> {
        let inner = match (&self.dfa, &self.lean) {
            (Some(Dfa(re)), _) => Iter::Dfa(re.find_iter(hay)),
            (None, Some(lean)) => Iter::Lean(lean.find_iter(hay)),
            (None, None) => Iter::Full(self.full().find_iter(hay)),
        };
        FindIter { hay, inner }
    }
}

/// The iterator of [`LexRegex::find_iter`].
pub struct FindIter<'r, 'h> {
    hay: &'h str,
    inner: Iter<'r, 'h>,
}

enum Iter<'r, 'h> {
    Dfa(regex_automata::dfa::regex::FindMatches<'r, 'h, dense::DFA<&'static [u32]>>),
    Lean(meta::FindMatches<'r, 'h>),
    Full(regex::Matches<'r, 'h>),
}

impl<'h> Iterator for FindIter<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        let r = match &mut self.inner {
            Iter::Dfa(it) => it.next().map(|m| m.range()),
            Iter::Lean(it) => it.next().map(|m| m.range()),
            Iter::Full(it) => it.next().map(|m| m.range()),
        }?;
        Some(Match {
            hay: self.hay,
            start: r.start,
            end: r.end,
        })
    }
}

/// A builder for a lexicon pattern with ASCII word classes (see the module docs), for
/// callers that set limits.
pub fn builder(pattern: &str) -> RegexBuilder {
    RegexBuilder::new(&ascii_word_classes(pattern))
}

/// A lexicon pattern with ASCII word classes (see the module docs), prebuilt if it is
/// built in.
pub fn compile(pattern: &str) -> Result<LexRegex, regex::Error> {
    LexRegex::new(pattern)
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
    fn every_prebuilt_dfa_validates() {
        assert!(!prebuilt::PREBUILT.is_empty());
        for p in prebuilt::PREBUILT {
            assert!(Dfa::load(p, true).is_some(), "{}", p.pattern);
        }
    }

    /// The program assembles the built-in lexicons' patterns as `build.rs` did: each is
    /// prebuilt, or listed as too big.
    #[test]
    fn built_in_patterns_are_the_prebuilt_ones() {
        let known = |p: &str| {
            prebuilt::PREBUILT.iter().any(|b| b.pattern == p) || prebuilt::SKIPPED.contains(&p)
        };
        let claims = crate::checks::claims::engine::ClaimLexicon::builtin();
        let evidence = crate::checks::evidence::EvidenceLexicon::builtin();
        let assistant = crate::checks::content::assistant_artifact::builtin();
        let every = || {
            claims
                .regexes()
                .chain(evidence.regexes())
                .chain(assistant.regexes())
                .chain(crate::checks::metadata::missing_ai_disclosure::regexes())
        };
        let mut all = std::collections::BTreeSet::new();
        for re in every() {
            assert!(known(&re.pattern), "{}", re.pattern);
            all.insert(re.pattern.as_str());
        }
        assert_eq!(
            all.len(),
            prebuilt::PREBUILT.len() + prebuilt::SKIPPED.len()
        );
        // each built-in pattern left to compile at run time costs every run; only the
        // claims group of attributed quotations (its quotation of 12 characters or more
        // before "said" does not determinise small) is allowed
        assert!(
            prebuilt::SKIPPED.len() <= 1,
            "built-in patterns compiled at run time (avoid counted repeats): {:?}",
            prebuilt::SKIPPED
        );
        // the same strings, the same matches
        let s = "There is no evidence that vitamin C prevents colds; studies show 30% fewer.";
        for re in every() {
            let full = re.full();
            assert_eq!(
                re.find_iter(s).map(|m| m.range()).collect::<Vec<_>>(),
                full.find_iter(s).map(|m| m.range()).collect::<Vec<_>>(),
                "{}",
                re.pattern
            );
        }
    }

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
