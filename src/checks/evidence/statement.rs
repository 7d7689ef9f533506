//! The statement model: an absence-of-evidence statement's denied proposition X, cut into
//! its parts (intervention or exposure, relation, outcome, population), and the test of
//! whether a source sentence asserts anything at all.
//!
//! "maintenance chemotherapy improves survival duration" has the intervention
//! "maintenance chemotherapy", the relation "improves" and the outcome "survival duration";
//! "the use of thalidomide in patients with advanced cancer" is a recommendation about
//! thalidomide in the population "patients with advanced cancer"; "systemic inflammation
//! in fibromyalgia" states that something exists in a population. A proposition that only
//! names a topic ("primary tumor", "clinical utility") has no parts to compare and is not
//! judged. Every word list is in `[statement]` of `rules/evidence.toml`.

use super::{EvidenceLexicon, stem, stem_into, token_spans, tokens};
use std::ops::Range;

/// What kind of proposition X is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "X reduces Y (in P)", "X is associated with Y", "a benefit of X (in P)".
    Relation,
    /// "the use of X (for Y) (in P)": only a source reporting a benefit of X contradicts it.
    Recommendation,
    /// "Y in P": Y occurs or is present in the population P.
    Existence,
    /// A clause whose relation the lexicon does not name ("people touch their eyes
    /// frequently"): read whole, as one part, and only when it has four content words.
    Clause,
}

/// The parts of a denied proposition, as byte ranges into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub form: Form,
    /// The intervention or exposure (the subject of the relation).
    pub intervention: Option<Range<usize>>,
    /// The relation words ("reduces", "is associated with", "benefit").
    pub relation: Option<Range<usize>>,
    /// What the intervention acts on.
    pub outcome: Option<Range<usize>>,
    /// The population or setting ("in children with asthma").
    pub population: Option<Range<usize>>,
    /// Only a reported benefit contradicts it: a recommendation ("the use of X") or a
    /// relation noun that names one ("a benefit of X", "a survival gain with X").
    pub benefit: bool,
}

impl Statement {
    /// Cut `claim` into parts. `None` when it only names a topic: no relation, and no
    /// population for an existence statement, or a relation without a subject of content.
    pub fn parse(claim: &str, lex: &EvidenceLexicon) -> Option<Statement> {
        let toks = tokens(claim);
        let stems: Vec<String> = toks.iter().map(|(w, _)| stem(w)).collect();
        let n = toks.len();
        if n == 0 {
            return None;
        }
        let span = |a: usize, b: usize| -> Option<Range<usize>> {
            (a < b && b <= n).then(|| toks[a].1.start..toks[b - 1].1.end)
        };
        let content = |r: &Option<Range<usize>>| {
            r.as_ref().is_some_and(|r| {
                tokens(&claim[r.clone()]).iter().any(|(w, _)| {
                    let s = stem(w);
                    w.chars().count() >= 2
                        && w.chars().any(char::is_alphabetic)
                        && !lex.stop.contains(&s)
                        && !lex.empty_heads.contains(&s)
                })
            })
        };
        // a relation word after these is a noun or an adjective ("the increase", "and
        // decreased mortality")
        let det = |i: usize| i > 0 && function_word(toks[i - 1].0.as_str());
        // "link X to Y" has no subject: which of X and Y is the intervention is unknown
        if lex.relation_verbs.longest_at(&stems, 0).is_some()
            && !matches!(
                toks.get(1).map(|t| t.0.as_str()),
                Some("of" | "in" | "is" | "are" | "was" | "were")
            )
        {
            return None;
        }
        // words inside parentheses are asides ("maintenance therapy (at lower doses)")
        let mut aside = vec![false; n];
        let mut depth = 0usize;
        let mut last = 0;
        for (i, (_, r)) in toks.iter().enumerate() {
            for c in claim[last..r.start].chars() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            aside[i] = depth > 0;
            last = r.end;
        }
        // a verb of relation with a subject before it
        let mut verb: Option<(usize, usize)> = None;
        let mut aux: Option<usize> = None;
        for i in 1..n {
            // asides, and the verb of a relative clause ("drugs that block IL-6 can ...")
            if aside[i] || matches!(toks[i - 1].0.as_str(), "that" | "which" | "who") {
                continue;
            }
            if let Some((len, _)) = lex.relation_verbs.longest_at(&stems, i)
                && !det(i)
                && !(i > 0 && toks[i - 1].0 == "to" && aux.is_none())
            {
                verb = Some((i, len));
                break;
            }
            if aux.is_none() && lex.auxiliaries.longest_at(&stems, i).is_some() {
                aux = Some(i);
            }
        }
        // a population: the last "in/among P" (for a verb relation, P must name people)
        let population_at = |from: usize, need_people: bool| -> Option<usize> {
            (from.max(1)..n).rev().find(|&p| {
                lex.population_links.contains(&stems[p])
                    && p + 1 < n
                    && (!need_people && stems[p] != stem("for")
                        || (p + 1..n).any(|j| lex.population_nouns.longest_at(&stems, j).is_some()))
            })
        };
        // a verb the lexicon does not know: "-s" after a singular noun ("the assay returns
        // results"), or a past form after a noun before an object ("zinc shortened colds")
        if verb.is_none() && aux.is_none() {
            verb = (1..n)
                .find(|&i| {
                    let (w, p) = (toks[i].0.as_str(), toks[i - 1].0.as_str());
                    !aside[i]
                        && w.len() >= 4
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !lex.stop.contains(&stems[i])
                        && !lex.stop.contains(&stems[i - 1])
                        && !p.ends_with('s')
                        && !det(i)
                        && !matches!(p, "that" | "which" | "who")
                        // and an object after it, not a preposition ("variants to")
                        && i + 1 < n
                        && !matches!(
                            toks[i + 1].0.as_str(),
                            "to" | "of" | "in" | "on" | "for" | "with" | "by" | "from" | "at" | "and" | "or" | "as"
                        )
                        && (plural_noun(w) || w.ends_with("ed"))
                        || {
                            // "people touch their eyes": a plural subject, a verb, an object
                            let (w, p) = (toks[i].0.as_str(), toks[i - 1].0.as_str());
                            !aside[i]
                                && w.len() >= 3
                                && !lex.stop.contains(&stems[i])
                                && plural_noun(p)
                                && !w.ends_with('s')
                                && !w.ends_with("ing")
                                && toks.get(i + 1).is_some_and(|(x, _)| {
                                    matches!(x.as_str(), "the" | "a" | "an" | "their" | "its" | "our" | "his" | "her" | "this" | "these")
                                })
                        }
                })
                .map(|i| (i, 1));
        }
        if verb.is_some() || aux.is_some() {
            // no relation verb the lexicon knows: the auxiliary and the word it governs
            // ("can be applied", "are susceptible")
            let (v, len) = verb.unwrap_or_else(|| {
                let a = aux.unwrap_or(0);
                let mut j = a + 1;
                while j + 1 < n
                    && (matches!(
                        toks[j].0.as_str(),
                        "be" | "been" | "being" | "not" | "also" | "still"
                    ) || toks[j].0.ends_with("ly"))
                {
                    j += 1;
                }
                (a, (j + 1).min(n) - a)
            });
            // "can increase", "is associated with": the auxiliary belongs to the relation
            let start = match aux {
                Some(a) if a < v => a,
                _ => v,
            };
            let pop = population_at(v + len, true);
            let end = pop.unwrap_or(n);
            let st = Statement {
                form: Form::Relation,
                intervention: span(0, start),
                relation: span(start, v + len),
                outcome: span(v + len, end),
                population: pop.and_then(|p| span(p + 1, n)),
                benefit: false,
            };
            return content(&st.intervention).then_some(st);
        }
        // "the use of X (for Y) (in P)"
        for i in 0..n.min(3) {
            if let Some((len, _)) = lex.use_heads.longest_at(&stems, i) {
                let from = i + len;
                let pop = population_at(from + 1, false);
                let end = pop.unwrap_or(n);
                let (x_end, y) =
                    match (from + 1..end).find(|&j| stems[j] == "for" || stems[j] == "to") {
                        Some(j) => (j, span(j + 1, end)),
                        None => (end, None),
                    };
                let st = Statement {
                    form: Form::Recommendation,
                    intervention: span(from, x_end),
                    relation: span(i, from),
                    outcome: y,
                    population: pop.and_then(|p| span(p + 1, n)),
                    benefit: true,
                };
                return content(&st.intervention).then_some(st);
            }
        }
        // "a benefit of X", "a survival gain with X", "the effect of X on Y"
        for i in 0..n {
            if lex.relation_nouns.longest_at(&stems, i).is_some()
                && i + 2 < n
                && lex.relation_links.contains(&stems[i + 1])
            {
                let pop = population_at(i + 2, false);
                let end = pop.unwrap_or(n);
                // "the effect of X on Y", "the efficacy of X in preventing Y"
                let on = (i + 3..end).find(|&j| {
                    stems[j] == "on"
                        || (matches!(toks[j].0.as_str(), "in" | "for")
                            && toks.get(j + 1).is_some_and(|(w, _)| w.ends_with("ing")))
                });
                let (x_end, y) = match on {
                    Some(j) if stems[j] == "on" => (j, span(j + 1, end)),
                    Some(j) => (j, span(j + 2, end)),
                    None => (end, span(0, i)),
                };
                let st = Statement {
                    form: Form::Relation,
                    intervention: span(i + 2, x_end),
                    relation: span(i, i + 1),
                    outcome: y,
                    population: pop.and_then(|p| span(p + 1, n)),
                    benefit: lex.benefit_nouns.longest_at(&stems, i).is_some(),
                };
                return content(&st.intervention).then_some(st);
            }
        }
        // "Y in P": something exists in a population
        let Some(pop) = population_at(1, false) else {
            // a clause with a verb the lexicon does not know: long enough to say something
            let words = toks
                .iter()
                .filter(|(w, _)| {
                    w.chars().count() >= 3
                        && w.chars().any(char::is_alphabetic)
                        && !lex.stop.contains(&stem(w))
                })
                .count();
            // and a verb: a noun phrase only names a topic
            return (words >= 4 && asserts(claim, lex)).then(|| Statement {
                form: Form::Clause,
                intervention: None,
                relation: None,
                outcome: span(0, n),
                population: None,
                benefit: false,
            });
        };
        let st = Statement {
            form: Form::Existence,
            intervention: None,
            relation: None,
            outcome: span(0, pop),
            population: span(pop + 1, n),
            benefit: false,
        };
        (content(&st.outcome) && content(&st.population)).then_some(st)
    }

    /// The parts that are present, named, with their text.
    pub fn parts<'a>(&self, claim: &'a str) -> Vec<(&'static str, &'a str)> {
        let mut out = Vec::new();
        for (name, r) in [
            ("intervention", &self.intervention),
            ("relation", &self.relation),
            ("outcome", &self.outcome),
            ("population", &self.population),
        ] {
            if let Some(r) = r {
                let t =
                    claim[r.clone()].trim_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
                // a part that is only an article ("a benefit of X": the outcome "a") is none
                let words = t.split_whitespace().filter(|w| {
                    !matches!(
                        w.to_lowercase().as_str(),
                        "a" | "an" | "the" | "any" | "some" | "that"
                    )
                });
                if words.count() > 0 {
                    out.push((name, t));
                }
            }
        }
        out
    }

    /// The parts a source sentence must hold, with their text: every part but the relation.
    pub fn content_parts<'a>(&self, claim: &'a str) -> Vec<&'a str> {
        self.parts(claim)
            .into_iter()
            .filter(|(n, _)| *n != "relation")
            .map(|(_, t)| t)
            .collect()
    }

    /// The relation's own words, when it has any beyond auxiliaries ("applied" in "can be
    /// applied", "associated" in "is associated with"): the source must name the relation.
    pub fn relation_text<'a>(&self, claim: &'a str) -> Option<&'a str> {
        self.relation.as_ref().map(|r| &claim[r.clone()])
    }

    /// "intervention “X”, relation “reduces”, outcome “Y”, population “P”", for messages.
    pub fn describe(&self, claim: &str) -> String {
        self.parts(claim)
            .iter()
            .map(|(n, t)| format!("{n} “{t}”"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The sentences of a source's text that report something: those that [`asserts`], less
/// those under a structured abstract's background, aims or methods ("Background: Masks have
/// been worn since…", "Methods: We enrolled…"), which set the study up and report no
/// finding. A section runs from its label to the next label.
pub fn findings(text: &str, lex: &EvidenceLexicon) -> Vec<Range<usize>> {
    let mut setup = false;
    crate::document::split::split_sentences(text)
        .into_iter()
        .filter(|r| {
            let t = &text[r.clone()];
            if let Some(finding) = last_section_label(t, lex) {
                setup = !finding;
            }
            !setup && asserts(t, lex)
        })
        .collect()
}

/// Does a sentence (its word stems) describe what a study did rather than what it found ("In
/// addition, we evaluated treatment effects on the time to recovery", "Patients were
/// randomized to…")? It names a procedure (`[sources] procedure`) and no verb that reports a
/// finding ("we compared X and found…" reports one).
pub fn describes_procedure(stems: &[String], lex: &EvidenceLexicon) -> bool {
    lex.procedure.contains_any(stems) && !lex.finding_verbs.contains_any(stems)
}

/// The last structured-abstract label in `sentence` ("Results:", "Design, Setting, and
/// Participants:"), as whether its section reports findings. A label is the one to
/// `section_label_words` words just before a colon, read without case.
fn last_section_label(sentence: &str, lex: &EvidenceLexicon) -> Option<bool> {
    let max = lex.section_label_words;
    let mut last = None;
    for (colon, _) in sentence.match_indices(':') {
        let before: Vec<&str> = sentence[..colon]
            .split_whitespace()
            .rev()
            .take(max)
            .collect();
        // a label ends with the word right before the colon (cut at a full stop when it is
        // the label's only word): where that is no label's last word, no run is a label
        let Some(&end) = before.first() else {
            continue;
        };
        let ends = &lex.section_label_ends;
        if !ends.contains(&end.to_lowercase())
            && !ends.contains(&end.rsplit('.').next().unwrap_or(end).to_lowercase())
        {
            continue;
        }
        // the longest run of words before the colon that is a label
        for n in (1..=before.len()).rev() {
            let mut words: Vec<&str> = before[..n].iter().rev().copied().collect();
            // "trial. RESULTS:" — a label may follow a full stop glued to it
            words[0] = words[0].rsplit('.').next().unwrap_or(words[0]);
            let label = words.join(" ").to_lowercase();
            if let Some(&finding) = lex.section_labels.get(&label) {
                last = Some(finding);
                break;
            }
        }
    }
    last
}

/// Does `sentence` assert something? A sentence with no finite verb only names a topic ("The
/// macrobiotic diet in cancer.", "Maintenance chemotherapy in small-cell lung cancer:
/// long-term results of a randomized trial."); a question asks. "X reduces Y in Z" and an
/// abstract's "Mortality was lower in the treated group" assert.
pub fn asserts(sentence: &str, lex: &EvidenceLexicon) -> bool {
    // an address's path is no verb: "…Syndrome https://clinicaltrials.gov/show/NCT00711841"
    let unlinked;
    let t = if sentence.contains("://") {
        unlinked = sentence
            .split(' ')
            .filter(|w| !w.contains("://"))
            .collect::<Vec<_>>()
            .join(" ");
        unlinked.trim_end()
    } else {
        sentence.trim_end()
    };
    if t.ends_with('?') {
        return false;
    }
    // each token's lower-cased word in one buffer, and its range there and in `t`
    let mut buf = String::new();
    let toks = token_spans(t, &mut buf);
    let word = |i: usize| &buf[toks[i].0.clone()];
    let word_at = |i: usize| (i < toks.len()).then(|| word(i));
    // the stems are made only as far as the loop reads them, up to the longest phrase of
    // the tables past the word at hand: a sentence that asserts something early needs no more.
    // They are written into the strings of this thread's earlier calls (the first `made` of
    // `pool`), not allocated a word.
    thread_local! {
        static POOL: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut pool = POOL.take();
    let mut made = 0;
    let reach = lex
        .auxiliaries
        .longest()
        .max(lex.relation_verbs.longest())
        .max(1);
    let preps = [
        "with", "by", "from", "in", "for", "to", "as", "among", "using", "at", "on",
    ];
    // punctuation between token i and the next ("Strategies: A Decision Analysis")
    let gap = |i: usize| {
        toks.get(i + 1).is_none_or(|n| {
            t[toks[i].1.end..n.1.start].contains([',', ':', '(', ')', ';', '.', '[', ']', '—', '–'])
        })
    };
    let gap_before = |i: usize| i == 0 || gap(i - 1);
    let nounish = |i: usize| {
        i > 0 && !gap_before(i) && !function_word(word(i - 1)) && !word(i - 1).ends_with("ly")
    };
    let determiner = |n: &str| {
        matches!(
            n,
            "the" | "a" | "an" | "that" | "this" | "these" | "its" | "their" | "both" | "no"
        )
    };
    let found = 'words: {
        for i in 0..toks.len() {
            while made < toks.len().min(i + reach) {
                if pool.len() == made {
                    pool.push(String::new());
                }
                stem_into(word(made), &mut pool[made]);
                made += 1;
            }
            let stems = &pool[..made];
            let after_to = i > 0 && word(i - 1) == "to";
            let w = word(i);
            let colon_before = i > 0 && t[toks[i - 1].1.end..toks[i].1.start].contains([':', '.']);
            if lex.auxiliaries.longest_at(stems, i).is_some() && !after_to && i > 0 && !colon_before
            {
                break 'words true;
            }
            // "we estimated", "they found": a subject pronoun opens a clause
            if matches!(w, "we" | "they") && !gap(i) {
                break 'words true;
            }
            if lex.report_verbs.contains(w) && nounish(i) && !gap(i) {
                break 'words true;
            }
            let next = word_at(i + 1);
            // a past form that is not a participle or an adjective: "Clinical improvement
            // occurred within 28 days", "The curve peaked in January"
            if w.len() >= 6
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && nounish(i)
                && !gap(i)
                && !word(i - 1).ends_with("ed")
                && next.is_some_and(|n| {
                    n.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(
                            n,
                            "the"
                                | "a"
                                | "an"
                                | "in"
                                | "at"
                                | "within"
                                | "on"
                                | "after"
                                | "before"
                                | "during"
                                | "over"
                                | "its"
                                | "their"
                                | "that"
                                | "this"
                                | "these"
                                | "no"
                                | "significantly"
                                | "substantially"
                                | "markedly"
                        )
                })
            {
                break 'words true;
            }
            // "This report describes the trends", "These findings highlight the need": a
            // present form before a determiner
            let plural_before = i > 0 && plural_noun(word(i - 1));
            if w.len() >= 4
                && !lex.stop.contains(&stems[i])
                && w.chars().all(|c| c.is_ascii_lowercase())
                && (w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is")
                    || plural_before && !w.ends_with("ed") && !w.ends_with("ing"))
                && nounish(i)
                && !gap(i)
                && next.is_some_and(determiner)
            {
                break 'words true;
            }
            if let Some((len, _)) = lex.relation_verbs.longest_at(stems, i) {
                if after_to || w.ends_with("ing") || i == 0 || colon_before {
                    continue;
                }
                let past = w.ends_with("ed") || lex.irregular_past.contains(w);
                let third = w.ends_with('s') && !w.ends_with("ss");
                // "some viruses severely affect other mammals": a plural subject's verb
                let before = |k: usize| (k >= 1 && i >= k).then(|| word(i - k));
                let plural = |x: Option<&str>| x.is_some_and(plural_noun);
                let base = !past
                    && !third
                    && (plural(before(1))
                        || before(1).is_some_and(|x| x.ends_with("ly")) && plural(before(2)));
                // "patients treated with", "prostatectomy associated with": a participle
                let after = word_at(i + len);
                let participle = past
                    && (len > 1 || after.is_none_or(|n| preps.contains(&n)) || gap(i + len - 1));
                // after an article or a preposition it is a noun or an adjective ("an increased
                // risk"); a past form after an adverb is one too ("newly diagnosed")
                let prev = word(i - 1);
                // "for newly diagnosed": an adjective; "interventions successfully prevented"
                let adverb = prev.ends_with("ly");
                if function_word(prev)
                    || (adverb
                        && past
                        && (i < 2 || function_word(word(i - 2)) || gap_before(i - 1)))
                {
                    continue;
                }
                if third || base || (past && !participle) {
                    break 'words true;
                }
            }
        }
        false
    };
    POOL.set(pool);
    found
}

/// Articles, prepositions, conjunctions and forms of "be": a relation word after one is a
/// noun or an adjective ("the increase", "an increased risk", "and decreased mortality").
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "with"
            | "by"
            | "in"
            | "for"
            | "to"
            | "from"
            | "on"
            | "at"
            | "no"
            | "any"
            | "be"
            | "been"
            | "being"
    )
}

/// "patients", "findings": not "versus", "class", "analysis".
fn plural_noun(x: &str) -> bool {
    x.len() > 3
        && x.ends_with('s')
        && !x.ends_with("ss")
        && !x.ends_with("us")
        && !x.ends_with("is")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asserts_reads_no_stem_of_an_earlier_sentence() {
        // the stems' strings are reused from call to call: the answers do not depend on the
        // order the sentences come in
        let lex = EvidenceLexicon::builtin();
        let lines: Vec<String> = crate::lexicon_regex::fixture_texts()
            .iter()
            .flat_map(|t| t.lines().map(String::from).collect::<Vec<_>>())
            .collect();
        let forwards: Vec<bool> = lines.iter().map(|l| asserts(l, lex)).collect();
        let backwards: Vec<bool> = lines.iter().rev().map(|l| asserts(l, lex)).collect();
        assert_eq!(forwards, backwards.into_iter().rev().collect::<Vec<_>>());
        assert!(forwards.iter().any(|&a| a) && forwards.iter().any(|&a| !a));
    }
    use crate::checks::evidence::stems;

    fn parts(claim: &str) -> Option<(Form, String)> {
        let lex = EvidenceLexicon::builtin();
        Statement::parse(claim, lex).map(|s| (s.form, s.describe(claim)))
    }

    #[test]
    fn relations_are_cut_into_parts() {
        assert_eq!(
            parts("maintenance chemotherapy improves survival duration"),
            Some((
                Form::Relation,
                "intervention “maintenance chemotherapy”, relation “improves”, outcome “survival duration”".into()
            ))
        );
        assert_eq!(
            parts("tai chi improves balance in older adults"),
            Some((
                Form::Relation,
                "intervention “tai chi”, relation “improves”, outcome “balance”, population “older adults”".into()
            ))
        );
        assert_eq!(
            parts("the use of thalidomide in patients with advanced cancer").map(|p| p.0),
            Some(Form::Recommendation)
        );
        assert_eq!(
            parts("systemic inflammation in fibromyalgia"),
            Some((
                Form::Existence,
                "outcome “systemic inflammation”, population “fibromyalgia”".into()
            ))
        );
    }

    #[test]
    fn topics_and_empty_subjects_are_not_statements() {
        for c in [
            "primary tumor",
            "clinical utility",
            "communication outcomes",
            "it reduces breast cancer mortality",
        ] {
            assert_eq!(parts(c), None, "{c}");
        }
    }

    #[test]
    fn a_studys_procedure_reports_no_finding() {
        let lex = EvidenceLexicon::builtin();
        for t in [
            "In addition, we evaluated treatment effects on the time to recovery of laboratory parameters.",
            "Participants were randomized to zinc or placebo lozenges.",
            "Several trials have been performed to investigate this effect of corticosteroids.",
        ] {
            assert!(describes_procedure(&stems(t), lex), "{t}");
        }
        for t in [
            "We compared zinc with placebo and found that zinc shortened colds by a day.",
            "Zinc shortened colds by a day.",
        ] {
            assert!(!describes_procedure(&stems(t), lex), "{t}");
        }
    }

    #[test]
    fn titles_that_name_a_topic_assert_nothing() {
        let lex = EvidenceLexicon::builtin();
        for t in [
            "The macrobiotic diet in cancer.",
            "Maintenance chemotherapy in small-cell lung cancer: long-term results of a randomized trial.",
            "Thalidomide for managing cancer cachexia.",
            "Low bacterial diet versus control diet to prevent infection in cancer patients treated with chemotherapy.",
            "Does zinc shorten colds?",
            // a registry address is no verb
            "Effectivity of Postpartum Dexamethasone for Women With Class I HELLP Syndrome https://clinicaltrials.gov/show/NCT00711841",
        ] {
            assert!(!asserts(t, lex), "{t}");
        }
        for t in [
            "Amitriptyline effectively relieves neuropathic pain following treatment of breast cancer.",
            "Cryoablation promoted metastasis of melanoma in a mouse model.",
            "Mortality was lower in the treated group.",
            "We found that the virus transmits in cats via respiratory droplets.",
        ] {
            assert!(asserts(t, lex), "{t}");
        }
    }
}
