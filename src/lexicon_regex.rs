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
//! ([`LexRegex::full`]): the DFAs find the same matches, leftmost-first. Capture groups are
//! read by [`LexRegex::captures_iter`] only on a match the DFAs found, with a lean engine
//! (no prefilters, no lazy DFA: half the cost of compiling a `regex::Regex`).
//!
//! **The document layer's patterns** (`src/document/patterns.rs`) are prebuilt the same way
//! and compiled with [`DocRegex`]: Unicode as written, searched with their DFAs, capture
//! groups read on a match only. A DFA cannot test a Unicode word boundary, so a pattern with
//! `\b` gets the DFAs of its twin with ASCII boundaries, which finds the same matches in
//! ASCII text; in other text it is compiled on first use, as before.

use std::ops::Range;
use std::sync::OnceLock;

pub use crate::lexicon_patterns::ascii_word_classes;
use regex::{Regex, RegexBuilder};
use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::syntax;
use regex_automata::util::wire::AlignAs;
use regex_automata::{Anchored, Input, meta};
use regex_syntax::hir::{ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir};

/// One built-in pattern's automata, as `build.rs` wrote them.
pub(crate) struct Prebuilt {
    pattern: &'static str,
    fwd: &'static [u8],
    rev: &'static [u8],
}

/// How the prebuilt DFAs of a document pattern stand to the pattern (see `build.rs`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fit {
    /// its own: no Unicode word boundary
    Exact,
    /// its twin's with ASCII word boundaries, each next to an ASCII word character of the
    /// pattern: every match of the pattern is the twin's, and a match of the twin that is
    /// ASCII, with ASCII characters around it, is the pattern's
    Superset,
    /// its twin's with ASCII word boundaries: the same matches in ASCII text
    AsciiText,
}

/// The prefilter `build.rs` built for a list of patterns (see [`Prefilter`]).
pub(crate) struct PrebuiltPrefilter {
    patterns: &'static [&'static str],
    /// the patterns without necessary literals, one bit each: always searched
    always: u64,
    dfa: &'static [u8],
}

/// The claims phrases' DFA `build.rs` built (see [`PhraseSet`]).
pub(crate) struct PrebuiltPhrases {
    words: &'static [&'static str],
    dfa: &'static [u8],
}

mod prebuilt {
    use super::{AlignAs, Fit, Prebuilt, PrebuiltPhrases, PrebuiltPrefilter};
    include!(concat!(env!("OUT_DIR"), "/prebuilt_lexicons.rs"));
}

/// A list of phrases, each found wherever it occurs (ASCII letters of either case), also
/// inside or across others: the claims lexicon's phrases. The built-in list's automaton is
/// a DFA `build.rs` built; another list's an Aho-Corasick automaton built now.
pub struct PhraseSet {
    engine: PhraseEngine,
    /// each phrase's length in bytes
    lens: Vec<usize>,
}

enum PhraseEngine {
    Prebuilt(Box<dense::DFA<&'static [u32]>>),
    Built(aho_corasick::AhoCorasick),
}

impl std::fmt::Debug for PhraseSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhraseSet")
            .field("phrases", &self.lens.len())
            .field("prebuilt", &self.is_prebuilt())
            .finish()
    }
}

impl PhraseSet {
    /// The automaton of `words` (none empty): the prebuilt one if `build.rs` built it for
    /// exactly this list, else one built now.
    pub fn new<S: AsRef<str>>(words: &[S]) -> Result<PhraseSet, String> {
        let lens = words.iter().map(|w| w.as_ref().len()).collect();
        let same = prebuilt::PHRASES.words.len() == words.len()
            && prebuilt::PHRASES
                .words
                .iter()
                .zip(words)
                .all(|(a, b)| *a == b.as_ref());
        match PhraseSet::load(&prebuilt::PHRASES, false) {
            Some(dfa) if same => Ok(PhraseSet {
                engine: PhraseEngine::Prebuilt(Box::new(dfa)),
                lens,
            }),
            _ => PhraseSet::built(words),
        }
    }

    /// The Aho-Corasick automaton of `words`, built now.
    fn built<S: AsRef<str>>(words: &[S]) -> Result<PhraseSet, String> {
        let lens = words.iter().map(|w| w.as_ref().len()).collect();
        let ac = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            // a contiguous NFA: built in a tenth of a full DFA's time, searched nearly as fast
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(words.iter().map(AsRef::<str>::as_ref))
            .map_err(|e| e.to_string())?;
        Ok(PhraseSet {
            engine: PhraseEngine::Built(ac),
            lens,
        })
    }

    /// `p`'s DFA, validated or trusted as [`Dfa::load`] says.
    fn load(p: &PrebuiltPhrases, validate: bool) -> Option<dense::DFA<&'static [u32]>> {
        if validate {
            Some(dense::DFA::from_bytes(p.dfa).ok()?.0)
        } else {
            // SAFETY: as in `Dfa::load`: serialised by this regex-automata version in this
            // build; validated by a test
            unsafe { Some(dense::DFA::from_bytes_unchecked(p.dfa).ok()?.0) }
        }
    }

    /// Whether the automaton was built before the program ran.
    pub fn is_prebuilt(&self) -> bool {
        matches!(self.engine, PhraseEngine::Prebuilt(_))
    }

    /// Every occurrence of every phrase in `hay`, as (phrase, start, end), into `out`
    /// (cleared first), in the order of an Aho-Corasick overlapping search (`MatchKind::Standard`):
    /// by end; at one end the longest first, equal ones (the same phrase listed twice) by
    /// their place in the list. The order reaches the signals of a claim's score.
    pub fn occurrences(&self, hay: &str, out: &mut Vec<(usize, usize, usize)>) {
        out.clear();
        match &self.engine {
            PhraseEngine::Built(ac) => out.extend(
                ac.find_overlapping_iter(hay)
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end())),
            ),
            PhraseEngine::Prebuilt(dfa) => {
                use regex_automata::dfa::{Automaton, OverlappingState};
                let input = Input::new(hay);
                let mut state = OverlappingState::start();
                // the DFA has no look-around and no size-limited cache: its search cannot fail
                while let Ok(()) = dfa.try_search_overlapping_fwd(&input, &mut state)
                    && let Some(m) = state.get_match()
                {
                    let p = m.pattern().as_usize();
                    out.push((p, m.offset() - self.lens[p], m.offset()));
                }
                // the DFA gives the phrases that end at one place in no set order
                out.sort_unstable_by_key(|&(p, start, end)| (end, start, p));
            }
        }
    }
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

    /// The prebuilt DFAs of the document-layer pattern `pattern`, how they stand to it, and
    /// whether it matches only at the start of the text.
    fn document(pattern: &str) -> Option<(Dfa, Fit, bool)> {
        let (p, fit, anchored) = prebuilt::DOCUMENT
            .iter()
            .find(|(p, ..)| p.pattern.len() == pattern.len() && p.pattern == pattern)?;
        Some((Dfa::load(p, false)?, *fit, *anchored))
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

/// Which of a list of patterns can match a text at all: a necessary condition, never a
/// sufficient one. `build.rs` derives from each pattern a set of literals every match of it
/// contains (`lexicon_patterns::necessary_literals`) and builds one DFA of them all, whose
/// overlapping search tells, in one pass over the text, the patterns of which some literal
/// occurs (ASCII letters of either case). A pattern none of whose literals occurs does not
/// match, and need not be searched; a pattern without such literals is always searched.
pub struct Prefilter {
    dfa: dense::DFA<&'static [u32]>,
    always: u64,
    /// one bit a pattern
    all: u64,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefilter")
            .field("always", &format_args!("{:#x}", self.always))
            .finish()
    }
}

impl Prefilter {
    /// The prefilter of exactly the list `patterns` (as written), if `build.rs` built one.
    pub fn prebuilt<S: AsRef<str>>(patterns: &[S]) -> Option<Prefilter> {
        let p = prebuilt::PREFILTERS.iter().find(|p| {
            p.patterns.len() == patterns.len()
                && p.patterns
                    .iter()
                    .zip(patterns)
                    .all(|(a, b)| *a == b.as_ref())
        })?;
        Prefilter::load(p, false)
    }

    /// `p`'s DFA, validated or trusted as [`Dfa::load`] says.
    fn load(p: &PrebuiltPrefilter, validate: bool) -> Option<Prefilter> {
        let dfa = if validate {
            dense::DFA::from_bytes(p.dfa).ok()?.0
        } else {
            // SAFETY: as in `Dfa::load`: serialised by this regex-automata version in this
            // build; validated by a test
            unsafe { dense::DFA::from_bytes_unchecked(p.dfa).ok()?.0 }
        };
        let n = p.patterns.len();
        let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        Some(Prefilter {
            dfa,
            always: p.always,
            all,
        })
    }

    /// The patterns that may match `hay`, one bit each (pattern `i` is bit `i`): those whose
    /// necessary literals occur in it, and those that have none.
    pub fn candidates(&self, hay: &str) -> u64 {
        use regex_automata::dfa::{Automaton, OverlappingState};
        let mut found = self.always;
        let input = Input::new(hay);
        let mut state = OverlappingState::start();
        while found != self.all {
            // the DFA has no look-around and no size-limited cache: its search cannot fail
            let Ok(()) = self.dfa.try_search_overlapping_fwd(&input, &mut state) else {
                return self.all;
            };
            match state.get_match() {
                Some(m) => found |= 1 << m.pattern().as_usize(),
                None => break,
            }
        }
        found
    }
}

/// A lexicon pattern: its prebuilt DFAs, or a regex compiled at run time.
pub struct LexRegex {
    /// the pattern as written
    pattern: String,
    /// the pattern with ASCII word classes, made when first needed (a prebuilt pattern
    /// needs it only to read groups)
    source: OnceLock<String>,
    dfa: Option<Dfa>,
    /// compiled at run time (no prebuilt DFAs): the `regex` crate's engine without its
    /// literal prefilters, whose extraction was a third of compiling a lexicon pattern; the
    /// matches are the same. `None` inside where it did not compile (then `full` holds the
    /// pattern); see [`LexRegex::lean`]
    lean: OnceLock<Option<meta::Regex>>,
    full: OnceLock<Regex>,
    /// the capture groups of a match found
    groups: Groups,
}

impl std::fmt::Debug for LexRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_pattern(f, "LexRegex", &self.pattern, self.dfa.is_some())
    }
}

/// A pattern as `Debug` shows it: the pattern and whether it was prebuilt.
fn debug_pattern(
    f: &mut std::fmt::Formatter<'_>,
    name: &str,
    pattern: &str,
    prebuilt: bool,
) -> std::fmt::Result {
    f.debug_struct(name)
        .field("pattern", &pattern)
        .field("prebuilt", &prebuilt)
        .finish()
}

/// A match of a [`LexRegex`]: like `regex::Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, r: Range<usize>) -> Match<'h> {
        Match {
            hay,
            start: r.start,
            end: r.end,
        }
    }
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
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The match from its first ASCII digit to its end, if it holds one: the last group of
    /// a pattern whose text before that group holds no digit and whose group starts with one
    /// and runs to the match's end (`list_uids=(?P<v>[0-9]+)`), read without a capture
    /// engine. (An ASCII byte is never inside a UTF-8 character.)
    pub fn from_first_digit(&self) -> Option<Match<'h>> {
        let at = self.as_str().bytes().position(|b| b.is_ascii_digit())?;
        Some(Match::new(self.hay, self.start + at..self.end))
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
        let re = LexRegex {
            pattern: pattern.to_string(),
            source: OnceLock::new(),
            dfa: Dfa::prebuilt(pattern),
            lean: OnceLock::new(),
            full: OnceLock::new(),
            groups: Groups::default(),
        };
        // a built-in pattern too big to prebuild compiles (a test compiles each): at its
        // first search, not at start-up
        let built_in = limit.is_none() && prebuilt::SKIPPED.contains(&pattern);
        if re.dfa.is_none() && !built_in {
            match lean_search(re.source(), limit) {
                Some(lean) => {
                    let _ = re.lean.set(Some(lean));
                }
                // the `regex` crate's error, word for word
                None => {
                    let _ = re.lean.set(None);
                    let mut b = RegexBuilder::new(re.source());
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

    /// The pattern as written.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The pattern with ASCII word classes.
    fn source(&self) -> &str {
        self.source
            .get_or_init(|| ascii_word_classes(&self.pattern))
    }

    /// The engine compiled at run time, where there are no prebuilt DFAs and it compiled:
    /// when the pattern was made, or for a built-in pattern, at its first search.
    fn lean(&self) -> Option<&meta::Regex> {
        if self.dfa.is_some() {
            return None;
        }
        self.lean
            .get_or_init(|| {
                Some(lean_search(self.source(), None).expect("a built-in pattern compiles"))
            })
            .as_ref()
    }

    /// Whether the pattern's automata were built before the program ran.
    pub fn is_prebuilt(&self) -> bool {
        self.dfa.is_some()
    }

    /// The pattern as a `regex::Regex` (for capture groups), compiled on first use.
    pub fn full(&self) -> &Regex {
        self.full.get_or_init(|| {
            RegexBuilder::new(self.source())
                .build()
                .expect("a prebuilt pattern compiles")
        })
    }

    pub fn is_match(&self, hay: &str) -> bool {
        match (&self.dfa, self.lean()) {
            (Some(d), _) => d.is_match(hay),
            (None, Some(lean)) => lean.is_match(hay),
            (None, None) => self.full().is_match(hay),
        }
    }

    /// The first match starting at or after `start` (the text before it is still read for
    /// `\b` and `^`), as `regex::Regex::find_at`.
    pub fn find_at<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let r = match (&self.dfa, self.lean()) {
            (Some(d), _) => d.find(Input::new(hay).range(start..)),
            (None, Some(lean)) => lean.find(Input::new(hay).range(start..)).map(|m| m.range()),
            (None, None) => self.full().find_at(hay, start).map(|m| m.range()),
        }?;
        Some(Match::new(hay, r))
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_at(hay, 0)
    }

    /// The capture groups of each successive non-overlapping match, as
    /// `regex::Regex::captures_iter`: the groups are read only on the matches found, their
    /// engine compiled at the first.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.find_iter(hay).map(move |m| self.captures_of(hay, m))
    }

    /// The capture groups of the match `m` (found by this pattern in `hay`), their engine
    /// compiled on first use.
    pub fn captures_of<'h>(&self, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        captures_on(
            self.groups.engine(self.source(), hay, m.range()),
            hay,
            m.range(),
        )
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter`.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> FindIter<'r, 'h> {
        let inner = match (&self.dfa, self.lean()) {
            (Some(Dfa(re)), _) => Iter::Dfa(re.find_iter(hay)),
            (None, Some(lean)) => Iter::Lean(lean.find_iter(hay)),
            (None, None) => Iter::Full(self.full().find_iter(hay)),
        };
        FindIter { hay, inner }
    }
}

/// `source` compiled with the `regex` crate's engine without prefilters, as
/// [`LexRegex`] compiles a pattern at run time (`limit`: the NFA's size limit, else the
/// `regex` crate's default, 10 MB).
fn lean_search(source: &str, limit: Option<usize>) -> Option<meta::Regex> {
    let config = meta::Config::new()
        .auto_prefilter(false)
        .nfa_size_limit(Some(limit.unwrap_or(10 << 20)));
    meta::Regex::builder().configure(config).build(source).ok()
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
        Some(Match::new(self.hay, r))
    }
}

/// The engines that read the capture groups of a match already found, each compiled on first
/// use: only the NFA and its backtracker (the `regex` crate also extracts literals for
/// prefilters and builds a reverse NFA for its lazy DFA, half the cost, which a search over one
/// match's span does not need). A match that is ASCII with ASCII characters either side is read
/// with the pattern compiled without Unicode: there every class, case fold and word boundary
/// reads only ASCII, where the two agree, and that compiles in a fraction of the time (no UTF-8
/// automata for Unicode classes and their repeats).
#[derive(Default)]
struct Groups {
    unicode: OnceLock<meta::Regex>,
    ascii: OnceLock<meta::Regex>,
}

impl Groups {
    /// The engine for the match `span` of `source` in `hay`.
    fn engine(&self, source: &str, hay: &str, span: Range<usize>) -> &meta::Regex {
        let ascii = ascii_around(hay, span);
        let cell = if ascii { &self.ascii } else { &self.unicode };
        cell.get_or_init(|| lean(source, ascii, true))
    }
}

/// Whether `span` of `hay` and the characters either side of it are ASCII: where a pattern
/// matches as it does compiled without Unicode.
fn ascii_around(hay: &str, span: Range<usize>) -> bool {
    hay.as_bytes()[span.start.saturating_sub(1)..(span.end + 1).min(hay.len())].is_ascii()
}

/// `source` (a pattern that compiles) compiled without the lazy DFA (and, for `groups`,
/// without prefilters or the one-pass DFA); for `ascii` text only, as [`ascii_only`].
fn lean(source: &str, ascii: bool, groups: bool) -> meta::Regex {
    let config = meta::Config::new().hybrid(false).dfa(false);
    let config = if groups {
        config.auto_prefilter(false).onepass(false)
    } else {
        config
    };
    let mut builder = meta::Regex::builder();
    builder.configure(config);
    if !ascii {
        return builder.build(source).expect("a compiled pattern compiles");
    }
    // an ASCII pattern parsed without Unicode is `ascii_only` of its Unicode reading, with
    // ASCII case folds and classes that also hold every non-ASCII byte of a negated class
    // (never read: the text is ASCII), and compiles without the rewriting
    if source.is_ascii()
        && let Ok(re) = builder
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .build(source)
    {
        return re;
    }
    let hir = regex_syntax::parse(source).expect("a compiled pattern parses");
    builder
        .build_from_hir(&ascii_only(&hir))
        .expect("a compiled pattern compiles")
}

/// `hir` as it matches in ASCII text: each class cut to its ASCII members, a literal with a
/// non-ASCII character matching nothing, each Unicode word boundary an ASCII one. Searched in
/// ASCII text (with ASCII characters either side of the part searched), it matches as `hir`
/// does, with the same groups (each test reads an ASCII character, where the two agree); it
/// compiles without the UTF-8 automata of Unicode classes and case folds.
fn ascii_only(hir: &Hir) -> Hir {
    use regex_syntax::hir::{Capture, Class, HirKind, Repetition};
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) if lit.0.is_ascii() => Hir::literal(lit.0.clone()),
        HirKind::Literal(_) => Hir::fail(),
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            Hir::class(Class::Unicode(c))
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut c = c.clone();
            c.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7f)]));
            Hir::class(Class::Bytes(c))
        }
        HirKind::Look(look) => Hir::look(crate::lexicon_patterns::ascii_look(*look)),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(ascii_only(&r.sub)),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(ascii_only(&c.sub)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_only).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_only).collect()),
    }
}

/// The capture groups of the match `span` of `re` in `hay` (found by a search of the same
/// pattern): the leftmost-first match anchored at its start and ending by its end is that
/// match, and the look-around assertions at its edges see `hay` around it.
fn captures_on<'h>(re: &meta::Regex, hay: &'h str, span: Range<usize>) -> Captures<'h> {
    let mut slots = re.create_captures();
    re.search_captures(
        &Input::new(hay).span(span).anchored(Anchored::Yes),
        &mut slots,
    );
    debug_assert!(slots.is_match());
    Captures { hay, slots }
}

/// The capture groups of a match: like `regex::Captures`.
#[derive(Debug)]
pub struct Captures<'h> {
    hay: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    fn matched(&self, span: Option<regex_automata::Span>) -> Option<Match<'h>> {
        span.map(|s| Match::new(self.hay, s.range()))
    }

    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.matched(self.slots.get_group(i))
    }

    /// The group named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.matched(self.slots.get_group_by_name(name))
    }
}

impl<'h> std::ops::Index<usize> for Captures<'h> {
    type Output = str;

    /// The text of group `i`: panics if it did not take part in the match, as
    /// `regex::Captures`.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

/// `fn name() -> &'static DocRegex`: the document-layer pattern `pattern`, loaded (or
/// compiled) on first use.
macro_rules! doc_regex {
    ($(#[$doc:meta])* $name:ident = $pattern:expr) => {
        $(#[$doc])*
        fn $name() -> &'static $crate::lexicon_regex::DocRegex {
            static R: std::sync::OnceLock<$crate::lexicon_regex::DocRegex> =
                std::sync::OnceLock::new();
            R.get_or_init(|| $crate::lexicon_regex::DocRegex::new(&$pattern))
        }
    };
}
pub(crate) use doc_regex;

/// A document-layer pattern (`src/document/patterns.rs`): Unicode, as `regex::Regex`, with
/// the same matches; searched with DFAs built before the program ran, its capture groups read
/// only on a match found (see the module docs).
pub struct DocRegex {
    pattern: String,
    /// the prebuilt DFAs, and how they stand to the pattern
    dfa: Option<(Dfa, Fit)>,
    /// the pattern matches only at the start of the text (`^`): its DFAs search anchored, not
    /// on to the end for nothing
    anchored: bool,
    /// the pattern compiled at run time: where there are no DFAs, or they do not hold
    full: OnceLock<meta::Regex>,
    /// where there are no DFAs: the pattern for ASCII text (see [`ascii_only`])
    full_ascii: OnceLock<meta::Regex>,
    groups: Groups,
}

impl std::fmt::Debug for DocRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_pattern(f, "DocRegex", &self.pattern, self.dfa.is_some())
    }
}

impl DocRegex {
    /// `pattern` (one of `src/document/patterns.rs`): its prebuilt DFAs, else compiled on
    /// first use. Panics there if the pattern does not compile.
    pub fn new(pattern: &str) -> DocRegex {
        let (dfa, anchored) = match Dfa::document(pattern) {
            Some((d, fit, anchored)) => (Some((d, fit)), anchored),
            None => (None, false),
        };
        DocRegex {
            pattern: pattern.to_string(),
            dfa,
            anchored,
            full: OnceLock::new(),
            full_ascii: OnceLock::new(),
            groups: Groups::default(),
        }
    }

    /// The pattern as written.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether the pattern's automata were built before the program ran.
    pub fn is_prebuilt(&self) -> bool {
        self.dfa.is_some()
    }

    /// The pattern compiled at run time, as `regex::Regex` would, except where it has no
    /// prebuilt DFAs (too big to build): then without the lazy DFA, whose reverse NFA is
    /// half the cost of compiling these patterns' bounded repeats of Unicode classes; their
    /// searches start at the literal prefilter's candidates, in short blocks.
    fn full(&self) -> &meta::Regex {
        self.full.get_or_init(|| {
            let config = meta::Config::new();
            let config = match self.dfa {
                Some(_) => config,
                None => config.hybrid(false).dfa(false),
            };
            meta::Regex::builder()
                .configure(config)
                .build(&self.pattern)
                .expect("the pattern compiles")
        })
    }

    /// The pattern compiled at run time, to search `hay`: where there are no DFAs and `hay` is
    /// ASCII, compiled without Unicode (see [`Groups`]), a fraction of the cost.
    fn full_for(&self, hay: &str) -> &meta::Regex {
        if self.dfa.is_none() && hay.is_ascii() {
            return self
                .full_ascii
                .get_or_init(|| lean(&self.pattern, true, false));
        }
        self.full()
    }

    /// The DFAs, and whether their matches are the pattern's in `hay` (else they must be
    /// checked, see [`Fit::Superset`]); `None` where they do not hold.
    fn dfa_for(&self, hay: &str) -> Option<(&Dfa, bool)> {
        match &self.dfa {
            Some((d, Fit::Exact)) => Some((d, true)),
            Some((d, Fit::Superset)) => Some((d, false)),
            Some((d, Fit::AsciiText)) if hay.is_ascii() => Some((d, true)),
            _ => None,
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        match self.dfa_for(hay) {
            Some((d, true)) => d.0.is_match(self.dfa_input(hay, 0)),
            Some((d, false)) if !d.0.is_match(self.dfa_input(hay, 0)) => false,
            dfa => self.span_at(dfa, hay, 0).is_some(),
        }
    }

    /// The search of `hay` from `start` for the DFAs: anchored for a pattern that matches
    /// only at the start.
    fn dfa_input<'h>(&self, hay: &'h str, start: usize) -> Input<'h> {
        let anchored = if self.anchored {
            Anchored::Yes
        } else {
            Anchored::No
        };
        Input::new(hay).range(start..).anchored(anchored)
    }

    /// The span of the first match at or after `start` (the text before it is still read for
    /// `\b` and `^`), searched with `dfa` (from [`DocRegex::dfa_for`]) if it holds for `hay`.
    fn span_at(&self, dfa: Option<(&Dfa, bool)>, hay: &str, start: usize) -> Option<Range<usize>> {
        if let Some((d, exact)) = dfa {
            let r = d.find(self.dfa_input(hay, start))?;
            // a match of the ASCII twin: the pattern's if it and its neighbours are ASCII (no
            // match of the pattern starts before it)
            let ascii = |i: usize| hay.as_bytes().get(i).is_none_or(u8::is_ascii);
            if exact
                || (hay[r.clone()].is_ascii()
                    && (r.start == 0 || ascii(r.start - 1))
                    && ascii(r.end))
            {
                return Some(r);
            }
        }
        self.full_for(hay)
            .find(Input::new(hay).range(start..))
            .map(|m| m.range())
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_from(hay, 0)
    }

    /// The first match that starts at or after `from` (a char boundary; the text before it
    /// is still read for `\b`): [`DocRegex::find`] where the caller knows that no match starts
    /// before `from` (a literal every match opens with is not there), without reading that
    /// text through the automaton.
    pub fn find_from<'h>(&self, hay: &'h str, from: usize) -> Option<Match<'h>> {
        debug_assert!(!self.anchored || from == 0);
        let r = self.span_at(self.dfa_for(hay), hay, from)?;
        Some(Match::new(hay, r))
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter` (no document
    /// pattern matches the empty string: `build.rs` checks).
    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.find_iter_from(hay, 0)
    }

    /// [`DocRegex::find_iter`] from `from`, where the caller knows that no match starts
    /// before it (see [`DocRegex::find_from`]).
    pub fn find_iter_from<'r, 'h>(
        &'r self,
        hay: &'h str,
        from: usize,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        debug_assert!(!self.anchored || from == 0);
        let dfa = self.dfa_for(hay);
        let mut at = from;
        std::iter::from_fn(move || {
            let r = self.span_at(dfa, hay, at)?;
            debug_assert!(!r.is_empty(), "{}", self.pattern);
            at = r.end.max(r.start + 1);
            Some(Match::new(hay, r))
        })
    }

    /// The capture groups of the match `m` (found by this pattern in `hay`): with the
    /// pattern's compiled regex if there is one, else with the lean engine.
    fn groups_of<'h>(&self, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        let re = match (&self.dfa, self.full.get()) {
            (Some(_), Some(full)) => full,
            (Some(_), None) => self.groups.engine(&self.pattern, hay, m.range()),
            (None, _) => self.full_for(hay),
        };
        captures_on(re, hay, m.range())
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.find(hay).map(|m| self.groups_of(hay, m))
    }

    /// The capture groups of `m`, a match of this pattern in `hay` (from [`DocRegex::find`]
    /// or [`DocRegex::find_iter`]).
    pub fn captures_of<'h>(&self, hay: &'h str, m: Match<'h>) -> Captures<'h> {
        self.groups_of(hay, m)
    }

    /// As `regex::Regex::captures_iter`.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.find_iter(hay).map(move |m| self.groups_of(hay, m))
    }

    /// `hay` with the first match removed.
    pub fn remove_first(&self, hay: &str) -> String {
        self.remove(hay, self.find(hay).into_iter())
    }

    /// `hay` with every match removed.
    pub fn remove_all(&self, hay: &str) -> String {
        self.remove(hay, self.find_iter(hay))
    }

    fn remove<'h>(&self, hay: &'h str, ms: impl Iterator<Item = Match<'h>>) -> String {
        let mut out = String::with_capacity(hay.len());
        let mut last = 0;
        for m in ms {
            out.push_str(&hay[last..m.start()]);
            last = m.end();
        }
        out.push_str(&hay[last..]);
        out
    }
}

/// An alternation of document patterns no two of which match at the same position (each
/// starts with characters of its own), searched part by part where one DFA for the whole
/// would be too big: the leftmost match of the whole is the leftmost of its parts', and a
/// part's next match, once found, stays its next until the search passes its start.
pub struct DocAlternation(Vec<DocRegex>);

impl DocAlternation {
    pub fn new(parts: &[&str]) -> DocAlternation {
        DocAlternation(parts.iter().map(|p| DocRegex::new(p)).collect())
    }

    /// The capture groups of each successive non-overlapping match (those of the part that
    /// matched: the other parts' groups are absent).
    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let dfas: Vec<_> = self.0.iter().map(|p| p.dfa_for(hay)).collect();
        let mut next: Vec<Option<Range<usize>>> = vec![None; self.0.len()];
        let mut stale = vec![true; self.0.len()];
        let mut at = 0;
        std::iter::from_fn(move || {
            for (i, part) in self.0.iter().enumerate() {
                if stale[i] || next[i].as_ref().is_some_and(|r| r.start < at) {
                    next[i] = part.span_at(dfas[i], hay, at);
                    stale[i] = false;
                }
            }
            let (i, r) = next
                .iter()
                .enumerate()
                .filter_map(|(i, r)| Some((i, r.clone()?)))
                .min_by_key(|(i, r)| (r.start, *i))?;
            at = r.end.max(r.start + 1);
            Some(self.0[i].groups_of(hay, Match::new(hay, r)))
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

/// Every line of every file under `fixtures/`.
#[cfg(test)]
fn fixture_lines() -> Vec<String> {
    fixture_texts()
        .iter()
        .flat_map(|t| t.lines().map(str::to_string))
        .collect()
}

/// The text of every file under `fixtures/`.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs = vec![fixtures];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Asserts that `filter` never rules out one of `patterns` (its list, in order) that matches:
/// every pattern that finds a match in a text is among the filter's candidates for it. The
/// texts: `extra`; each pattern's necessary literals as written, upper-cased, capitalised,
/// glued to letters, with `ſ` for `s` and the Kelvin sign for `k` (which `(?i)` folds
/// together), next to non-ASCII letters, before `?`; and every line of the fixtures. And it
/// does rule some out.
#[cfg(test)]
pub(crate) fn assert_prefilter_keeps_matches(
    filter: &Prefilter,
    patterns: &[&LexRegex],
    extra: &[&str],
) {
    let mut texts: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    texts.push(String::new());
    for re in patterns {
        let src = ascii_word_classes(re.pattern());
        for lit in crate::lexicon_patterns::necessary_literals(&src).unwrap_or_default() {
            let upper = lit.to_uppercase();
            let mut title = lit.clone();
            if let Some(first) = title.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            let long_s = lit.replace('s', "\u{17F}");
            let kelvin = lit.replace('k', "\u{212A}");
            for v in [&lit, &upper, &title, &long_s, &kelvin] {
                texts.push(v.clone());
                texts.push(format!("The {v} here."));
                texts.push(format!("x{v}x"));
                texts.push(format!("é{v}é"));
                texts.push(format!("{v}?"));
            }
        }
    }
    texts.extend(fixture_lines());
    let mut ruled_out = 0;
    for t in &texts {
        let maybe = filter.candidates(t);
        for (i, re) in patterns.iter().enumerate() {
            let matches = re.find_iter(t).next().is_some();
            assert!(
                !matches || maybe & (1 << i) != 0,
                "pattern {i} matches {t:?} but the prefilter rules it out"
            );
            ruled_out += usize::from(maybe & (1 << i) == 0);
        }
    }
    assert!(ruled_out > texts.len(), "{ruled_out} of {}", texts.len());
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
        for (p, ..) in prebuilt::DOCUMENT {
            assert!(Dfa::load(p, true).is_some(), "{}", p.pattern);
        }
        assert!(!prebuilt::PREFILTERS.is_empty());
        for p in prebuilt::PREFILTERS {
            assert!(Prefilter::load(p, true).is_some(), "{:?}", p.patterns);
        }
        assert!(!prebuilt::PHRASES.words.is_empty());
        assert!(PhraseSet::load(&prebuilt::PHRASES, true).is_some());
    }

    /// The prebuilt phrase DFA finds what the Aho-Corasick automaton of the same phrases
    /// finds, in its order: each phrase alone, in sentences, in upper and title case, glued
    /// to letters and to non-ASCII ones, all phrases run together (every overlap of one's
    /// end with another's start), and every line of the fixtures.
    #[test]
    fn prebuilt_phrases_occur_as_aho_corasick_finds_them() {
        let words = prebuilt::PHRASES.words;
        let dfa = PhraseSet::new(words).unwrap();
        assert!(dfa.is_prebuilt());
        let ac = PhraseSet::built(words).unwrap();
        assert!(!ac.is_prebuilt());
        let mut texts = fixture_lines();
        texts.push(words.join(" "));
        texts.push(words.join(""));
        texts.push(words.join("é").to_uppercase());
        for w in words {
            let upper = w.to_uppercase();
            let mut title = w.to_string();
            if let Some(first) = title.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            for v in [w.to_string(), upper, title] {
                texts.push(format!("The {v}, as {v} {v}."));
                texts.push(format!("x{v}x é{v}é"));
            }
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let mut found = 0;
        for t in &texts {
            dfa.occurrences(t, &mut a);
            ac.occurrences(t, &mut b);
            assert_eq!(a, b, "{t}");
            found += a.len();
        }
        assert!(found > 10 * words.len());
    }

    /// The order of occurrences on a small list: by end, the longest first at one end, a
    /// phrase listed twice (in either case) by its place; ASCII letters fold, nothing else.
    #[test]
    fn phrase_occurrences_in_order() {
        let set = PhraseSet::built(&["risk", "high risk", "RISK", "isk", "é"]).unwrap();
        let mut out = Vec::new();
        set.occurrences("High risk: É é", &mut out);
        assert_eq!(
            out,
            vec![(1, 0, 9), (0, 5, 9), (2, 5, 9), (3, 6, 9), (4, 14, 16)]
        );
    }

    /// The necessary literals of a pattern, as derived, on small cases.
    #[test]
    fn necessary_literals_of_small_patterns() {
        use crate::lexicon_patterns::necessary_literals as lits;
        let some = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        // case-insensitive: the Kelvin sign and the long s are what `k` and `s` fold with
        assert_eq!(lits("(?i)ok"), some(&["ok", "o\u{212A}"]));
        assert_eq!(lits("(?i)as"), some(&["as", "a\u{17F}"]));
        // case-sensitive literals are given lower-cased (searched ASCII-case-insensitively)
        assert_eq!(lits("OR|HR"), some(&["hr", "or"]));
        // a sequence reads across look-arounds; the best part of it is taken
        assert_eq!(lits(r"(?-u:\b)cause(?-u:\b)"), some(&["cause"]));
        assert_eq!(lits(r"[0-9]+\s+(?:mg|kg)"), some(&["kg", "mg"]));
        assert_eq!(lits(r"[a-z]+ed"), some(&["ed"]));
        assert_eq!(
            lits(r"fig(?:ure)?s?\."),
            some(&["fig.", "figs.", "figure.", "figures."])
        );
        // an alternation needs a set in every branch; a longer literal with a shorter one
        // inside it is implied by the shorter
        assert_eq!(lits("studies|data"), some(&["data", "studies"]));
        assert_eq!(lits("(?:ab|cd)+x"), some(&["ab", "cd"]));
        assert_eq!(lits("abc|abcd"), some(&["abc"]));
        assert_eq!(lits(r"data|[0-9]+"), None);
        // nothing necessary, or only a single byte
        assert_eq!(lits(r"[a-z]+"), None);
        assert_eq!(lits("x?"), None);
        assert_eq!(lits(r"(?-u:\b)I(?-u:\b)"), None);
        assert_eq!(lits(r"[0-9]+%"), None);
        assert_eq!(lits("^"), None);
    }

    /// Every document-layer pattern is prebuilt (or listed as too big), and finds the matches
    /// and groups `regex::Regex` finds: in ASCII text, next to non-ASCII letters (where a
    /// Unicode `\b` differs from an ASCII one) and inside non-ASCII text.
    #[test]
    fn document_patterns_match_as_regex_does() {
        let mut all = crate::document::patterns::all();
        all.extend(crate::document::metadata::body_patterns());
        let known = |p: &str| {
            prebuilt::DOCUMENT.iter().any(|(b, ..)| b.pattern == p)
                || prebuilt::DOCUMENT_SKIPPED.contains(&p)
        };
        assert!(all.iter().all(|p| known(p)));
        // the five skipped are searched only in blocks that pass a substring test
        assert!(
            prebuilt::DOCUMENT_SKIPPED.len() <= 5,
            "{:?}",
            prebuilt::DOCUMENT_SKIPPED
        );
        let texts = [
            "Reviewed 2021-03-04 by the PDQ Board. See [1], [2, 3] and [^n]; doi:10.1000/xyz.",
            "éReviewed 2021-03-04 by Müller. PMID: 12345678 NCT0123 ISRCTN99 n = 12, 35% (4).",
            "Δ2021-03-04 and 3/4/2020, 12 March 2020, March 12, 2020; Smith et al. (2020) said.",
            "Smith J, Roe A (2019). x.1 It was. ¹²,³ <sup>4</sup> @doe2020 \\cite{a} 60 mg.",
            "Medically reviewed by Dr. Jane Roe, MD. HR 0.72 (95% CI 0.61–0.90); 4,120 women.",
            "The lead reviewers for this summary are: Über (1, 2). ſep 2020 and Kelvin 2 K.",
        ];
        for p in &all {
            let re = DocRegex::new(p);
            let full = Regex::new(p).unwrap();
            for t in texts {
                let want: Vec<_> = full.find_iter(t).map(|m| m.range()).collect();
                let got: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(got, want, "{p} on {t}");
                assert_eq!(re.is_match(t), full.is_match(t), "{p} on {t}");
                let want: Vec<Vec<_>> = full
                    .captures_iter(t)
                    .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
                    .collect();
                let got: Vec<Vec<_>> = re
                    .captures_iter(t)
                    .map(|c| {
                        (0..c.slots.group_len())
                            .map(|i| c.get(i).map(|g| g.range()))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "{p} on {t}");
            }
        }
        // the alternation in parts finds what the whole finds
        let whole = Regex::new(&crate::document::patterns::CITATION.join("|")).unwrap();
        let parts = DocAlternation::new(&crate::document::patterns::CITATION);
        for t in texts {
            let want: Vec<_> = whole.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<_> = parts
                .captures_iter(t)
                .map(|c| c.get(0).unwrap().range())
                .collect();
            assert_eq!(got, want, "{t}");
        }
    }

    /// The engines for ASCII text read the groups the Unicode pattern reads there, for
    /// patterns with non-ASCII literals, Unicode classes and word boundaries too.
    #[test]
    fn ascii_engines_read_what_unicode_reads() {
        let mut patterns: Vec<String> = prebuilt::PREBUILT
            .iter()
            .map(|b| ascii_word_classes(b.pattern))
            .collect();
        patterns.extend(crate::document::patterns::all());
        patterns.extend(
            [
                r"(?i)\b(stra(ß|ss)e|k)\b[^.]{0,5}?(?P<w>\w+)",
                r"(\pL+)[–\s-]+(?P<n>\d+)\b",
                r"\B(?:é|e)(\S*)\s*$",
            ]
            .map(String::from),
        );
        let texts = [
            "There is no evidence that masks reduce the spread of influenza (12).",
            "Strasse K 12 reviewed by the PDQ Board on 2021-03-04; see [1](#r1), PMID: 1234567.",
            "We found it; abc-12 and tea e9 x.",
        ];
        let mut matches = 0;
        for p in &patterns {
            let unicode = Regex::new(p).unwrap();
            let ascii = lean(p, true, true);
            let full = lean(p, true, false);
            for t in texts {
                let want: Vec<Vec<_>> = unicode
                    .captures_iter(t)
                    .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
                    .collect();
                let found: Vec<_> = full.find_iter(t).map(|m| m.range()).collect();
                let wanted: Vec<_> = want.iter().map(|c| c[0].clone().unwrap()).collect();
                assert_eq!(found, wanted, "{p} on {t}");
                let got: Vec<Vec<_>> = found
                    .iter()
                    .map(|r| {
                        let c = captures_on(&ascii, t, r.clone());
                        (0..c.slots.group_len())
                            .map(|i| c.get(i).map(|g| g.range()))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "{p} on {t}");
                matches += got.len();
            }
        }
        assert!(matches > 30, "{matches}");
    }

    /// Each built-in pattern too big to prebuild compiles (at its first search, see
    /// `LexRegex::lean`), and is not compiled before.
    #[test]
    fn skipped_built_in_patterns_compile_when_searched() {
        for p in prebuilt::SKIPPED {
            let re = LexRegex::new(p).unwrap();
            assert!(re.lean.get().is_none(), "{p}");
            assert!(lean_search(&ascii_word_classes(p), None).is_some(), "{p}");
            assert!(!re.is_match("nothing here"), "{p}");
            assert!(re.lean.get().is_some_and(Option::is_some), "{p}");
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
