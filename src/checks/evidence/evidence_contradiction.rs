//! # evidence-contradiction
//!
//! **What it catches:** a statement that there is no evidence for something ("there is no
//! evidence that X reduces Y", "no convincing evidence of X in P", "there is no evidence to
//! support the use of X", "X has not been shown to Y", "no studies have shown X", "it is
//! unknown whether X") while a source the statement cites asserts exactly X. A statement
//! with no citation of its own is checked against every source the article lists (of a
//! bibliography file, only the entries the article cites or its `nocite:` names: the file is
//! a shared database, and its other works are not in the article's reference list); a cited
//! sentence of the article itself that asserts X counts too.
//!
//! **Why it matters:** it is the error a medical editor most needs caught: the article denies
//! what its own references say. "There is no direct evidence that cryotherapy increases the
//! aggressiveness of melanoma [1–5]" is wrong if reference 3 reports that cryoablation
//! promoted metastasis.
//!
//! **How it decides:** precision first; when in doubt it stays silent.
//! - The statement is cut into parts (`statement.rs`): intervention or exposure, relation
//!   and direction, outcome, population. "The use of X" is a recommendation: only a reported
//!   benefit of X contradicts it. "Y in P" after "no evidence of" says Y exists in P. A
//!   statement that only names a topic ("no evidence of primary tumor") is not judged, nor
//!   one in a heading or a table cell, nor a weak denial ("insufficient", "limited",
//!   "inadequate" evidence admits that some exists).
//! - Sources assert, titles name topics: a sentence without a finite verb ("The macrobiotic
//!   diet in cancer.", "X in Y: results of a randomized trial") reports nothing. A
//!   declarative title ("X relieves Y after Z"), an abstract's or an excerpt's sentence does.
//!   A structured abstract's background, aims and methods ("Background: X is widely thought
//!   to reduce Y.") frame the study and report nothing; its results and conclusions do
//!   (`[sources]` lists the labels). A sentence anywhere that says what the study did and
//!   reports no finding ("we evaluated the effects of X on Y", "patients were randomized to
//!   X"; `[sources] procedure` and `finding_verbs`) may name the population for another
//!   sentence of the abstract but never supports the claim itself. An address is never a verb.
//! - The judge (the `Judge` trait in `judge.rs`; `LexicalJudge` is built in) needs one sentence that
//!   names the relation, agrees on direction, numbers and quantifiers (a quantifier in the
//!   sentence itself), and has no negation, null result ("not significant", "was not
//!   associated"), hedge ("may") or restriction ("only those who...") touching the claim:
//!   opposite polarity never supports, nor does a source that affirms what the claim denies
//!   ("X is ineffective", "Y is unrelated to Z"), nor one that itself says evidence is
//!   lacking ("there is currently no evidence for Y in P"). The sentence holds every part of
//!   the statement when the source is one sentence (a title); in an abstract a part named
//!   only in another sentence costs only the coverage the sentence lacks (`part_penalty`,
//!   0 by default), never a veto. A comparison is read in its own clause and must be the
//!   same way round ("X lowers Y more than Z" is not supported by "Z lowered Y more than
//!   X"), and one that finds no difference ("as much as", "similar"; not a ratio, "twice as
//!   likely") never supports a difference, nor the reverse. A negation binds to its own
//!   clause (a parenthesis closes none): one in a relative clause about people or on the
//!   far side of a comparison ("lower than in patients who did not receive X") does not
//!   negate the sentence; one after the relative clause ("runners who finish do not have
//!   ...") does. A claim of no difference ("the same", "in line with") needs a source that
//!   reports none. A direction word speaks of its own clause and of the words next to it:
//!   when the clause naming most of the claim goes the other way, or the sentence moves a
//!   word of the claim the other way wherever it names it ("a decreased likelihood of
//!   death despite higher infection rates" against "increases the likelihood of death"),
//!   the sentence does not support it. Degree adverbs ("much lower", "closely related")
//!   name nothing the source must repeat. Measured markers count for what they indicate
//!   ("higher IL-6 and CRP" reports inflammation; `[markers]`).
//! - The article's own sentences count only when they carry a citation and assert the same
//!   relation with the same polarity.
//!
//! Every word list is in `rules/evidence.toml`. The message quotes the statement and the
//! parts understood, so a wrong cut shows; a secondary label quotes the source sentence.
//!
//! **Example:** `No studies have shown that zinc shortens colds [1].` with reference 1 reading
//! "Zinc lozenges shortened the duration of colds by two days" is reported, with a label on
//! reference 1 quoting that sentence. With reference 1 "Zinc lozenges and the common cold: a
//! randomized trial." nothing is reported: the title names a topic.
//!
//! **Options:** `all-sources` (bool, default false: also consult references the statement
//! does not cite; a statement that cites nothing always consults them all), `in-article`
//! (bool, default true: also consult the article's own cited sentences).

use crate::checks::{Context, Lexicon, Reads, Rule, RuleOption, parse_options};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::{BlockKind, Document, Role};

use super::absence::find_absence;
use super::fragment_text;
use super::judge::{LexicalJudge, Prepared, SourceSentence};
use super::statement::{Form, Statement, asserts, findings};

pub static RULE: Rule = Rule {
    id: "evidence-contradiction",
    family: "evidence",
    summary: "\"no evidence that X\" while a listed source, or another cited sentence of the article, asserts X",
    source: include_str!("evidence_contradiction.rs"),
    default_severity: Severity::Warning,
    reads: Reads {
        text: false,
        sentences: true,
        metadata: false,
        references: true,
        lexicons: &[Lexicon::Evidence],
    },
    parse_options: parse_options::<Options>,
    options: &[
        RuleOption {
            name: "all-sources",
            kind: "bool",
            help: "consult every listed reference, not only the cited ones",
        },
        RuleOption {
            name: "in-article",
            kind: "bool",
            help: "consult the article's own cited sentences (default true)",
        },
    ],
    check,
};

/// `[rules.evidence-contradiction]`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    all_sources: Option<bool>,
    in_article: Option<bool>,
}

/// Where a candidate source sentence came from.
enum Origin {
    Reference(usize),
    Sentence(usize),
}

fn check(doc: &Document, cx: &Context) -> Vec<Diagnostic> {
    let lex = cx.lexicons.evidence();
    let judge = LexicalJudge::with_lexicon(lex);
    let o = cx.options::<Options>();
    let all_sources = o.all_sources.unwrap_or(false);
    let in_article = o.in_article.unwrap_or(true);
    let mut out = Vec::new();
    // every sentence is searched for an absence statement once
    // (headings, table cells and reference entries name topics; they state nothing)
    let absences: Vec<Option<_>> = doc
        .sentences
        .iter()
        .map(|s| {
            if prose(doc, s) {
                find_absence(doc.sentence_text(s), lex)
            } else {
                None
            }
        })
        .collect();
    // The article's own cited sentences that deny nothing: the same list for every
    // statement (a statement is never its own source, as it denies something), gathered
    // with their lower-cased text when the first statement needs it. A statement is judged
    // against those that contain a fragment of each of its concepts: only a sentence that
    // covers the whole claim counts, and analysing all of a long article's cited sentences
    // was a fifth of a PDQ run.
    let mut own: Option<(Vec<usize>, Vec<String>)> = None;
    // Each reference's sentences that report something, and their analyses, read at the
    // first statement that needs them: a statement with no citation of its own is judged
    // against every reference, and reading them again for each one was a quarter of a PDQ run.
    let mut per_reference: Vec<Option<(Vec<String>, Prepared)>> =
        (0..doc.references.len()).map(|_| None).collect();
    // which references a marker of the article resolves to
    let mut cited = vec![false; doc.references.len()];
    for r in doc
        .citations
        .iter()
        .flat_map(|c| c.targets.iter().filter_map(|t| t.resolved))
    {
        cited[r] = true;
    }
    // pandoc prints the entries `nocite:` names as if they were cited
    let nocite = doc.nocite();
    for (r, reference) in doc.references.iter().enumerate() {
        if reference.path.is_some() && nocite.lists(&reference.key) {
            cited[r] = true;
        }
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(s);
        let Some(abs) = &absences[si] else {
            continue;
        };
        // "insufficient evidence that X" admits that some exists: one source reporting X
        // does not contradict it
        if abs.weak {
            continue;
        }
        let claim = abs.claim_text(text);
        let claim = claim
            .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
            .to_string();
        if claim.split_whitespace().count() < 2 {
            continue;
        }
        // a claim that only names a topic has no parts to compare: stay silent
        let Some(statement) = Statement::parse(&claim, lex) else {
            continue;
        };
        // "Y in P" is a statement about Y only after "no evidence of"
        let of = text[abs.trigger.clone()].to_lowercase();
        if statement.form == Form::Existence && !(of.ends_with(" of") || of.ends_with(" for")) {
            continue;
        }
        // the references the statement cites, then (optionally) all others
        let mut refs: Vec<usize> = s
            .citations
            .iter()
            .flat_map(|&c| doc.citations[c].targets.iter().filter_map(|t| t.resolved))
            .collect();
        refs.dedup();
        // a statement with no citation of its own is about the sources the article lists (of
        // a bibliography file, a shared database of works, only those the article cites: the
        // others are not in its reference list)
        if all_sources || s.citations.is_empty() {
            for (r, reference) in doc.references.iter().enumerate() {
                let listed = reference.path.is_none() || cited[r];
                if listed && !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
        let mut texts: Vec<(Origin, String)> = Vec::new();
        for &r in &refs {
            let (sentences, _) = per_reference[r].get_or_insert_with(|| {
                let t = doc.references[r].source_text();
                // a title that only names a topic, a journal line, an abstract's
                // background: nothing reported
                let sentences: Vec<String> = findings(&t, lex)
                    .into_iter()
                    .map(|range| t[range].to_string())
                    .collect();
                let prepared = judge.prepare(
                    &sentences
                        .iter()
                        .map(|text| SourceSentence { source: r, text })
                        .collect::<Vec<_>>(),
                );
                (sentences, prepared)
            });
            texts.extend(sentences.iter().map(|t| (Origin::Reference(r), t.clone())));
        }
        let mut verdict = None;
        if !texts.is_empty() {
            // sentences of one reference share a source: numbers and runners-up are read
            // across the whole reference
            let sources: Vec<SourceSentence> = texts
                .iter()
                .map(|(o, t)| SourceSentence {
                    source: match o {
                        Origin::Reference(r) => *r,
                        Origin::Sentence(oi) => *oi,
                    },
                    text: t,
                })
                .collect();
            let prepared = Prepared::concat(
                refs.iter()
                    .filter_map(|&r| per_reference[r].as_ref().map(|(_, p)| p)),
            );
            verdict = judge
                .judge_prepared(&claim, &sources, &prepared)
                .map(|v| (v.sentence_index, v.matched));
        }
        // The article's own cited sentences: they are on topic by construction, so a match
        // must cover every concept of the denied claim, not most of them.
        if verdict.is_none() && in_article {
            let (list, lower) = own.get_or_insert_with(|| {
                let list: Vec<usize> = (0..doc.sentences.len())
                    .filter(|&oi| {
                        !doc.sentences[oi].citations.is_empty()
                            && absences[oi].is_none()
                            && prose(doc, &doc.sentences[oi])
                            && asserts(doc.sentence_text(&doc.sentences[oi]), lex)
                    })
                    .collect();
                let lower = list
                    .iter()
                    .map(|&oi| fragment_text(doc.sentence_text(&doc.sentences[oi])))
                    .collect::<Vec<_>>();
                (list, lower)
            });
            debug_assert!(!list.contains(&si));
            // only the sentences that can hold every concept of the claim are analysed
            let fragments = judge.required_fragments(&claim).unwrap_or_default();
            let candidates: Vec<usize> = (0..list.len())
                .filter(|&i| {
                    fragments
                        .iter()
                        .all(|alts| alts.iter().any(|f| lower[i].contains(f.as_str())))
                })
                .map(|i| list[i])
                .collect();
            let sources = own_sources(doc, &candidates);
            let prepared = judge.prepare(&sources);
            if !candidates.is_empty()
                && let Some(a) = judge.assess_prepared(&claim, &sources, &prepared)
                && a.coverage >= 0.999
                && a.score >= lex.weights.threshold
            {
                let oi = candidates[a.sentence_index];
                verdict = Some((texts.len(), a.matched));
                texts.push((
                    Origin::Sentence(oi),
                    doc.sentence_text(&doc.sentences[oi]).to_string(),
                ));
            }
        }
        let Some((index, matched)) = verdict else {
            continue;
        };
        let (origin, quote) = &texts[index];
        let concepts = if matched.is_empty() {
            String::new()
        } else {
            format!("; both name {}", matched.join(", "))
        };
        // the statement as written, trigger to the end of X, and the parts understood
        let from = abs.trigger.start.min(abs.claim.start);
        let to = abs
            .trigger
            .end
            .max(abs.claim.end)
            .max(abs.rest.as_ref().map_or(0, |r| r.end));
        let said = shorten(text[from..to].trim(), 200);
        let parts = statement.describe(&claim);
        let short = shorten(quote, 160);
        let mut d;
        match origin {
            Origin::Reference(r) => {
                let e = &doc.references[*r];
                d = Diagnostic::new(
                    RULE.id,
                    s.span.clone(),
                    format!(
                        "says \"{said}\" ({parts}), but reference {} asserts it{concepts}",
                        e.key
                    ),
                );
                d.labels.push(Label {
                    span: e.span.clone(),
                    message: format!("reference {} says: \"{short}\"", e.key),
                    path: e.path.clone(),
                });
            }
            Origin::Sentence(oi) => {
                let o = &doc.sentences[*oi];
                d = Diagnostic::new(
                    RULE.id,
                    s.span.clone(),
                    format!("says \"{said}\" ({parts}), but a cited sentence of the article asserts it{concepts}"),
                )
                .label(o.span.clone(), format!("this cited sentence says: \"{short}\""));
            }
        }
        out.push(
            d.help("reword the statement to reflect what the sources report, or cite the evidence"),
        );
    }
    out
}

/// A sentence of the article's running prose: a paragraph, list item or quotation, not a
/// heading, a table cell or a reference entry.
fn prose(doc: &Document, s: &crate::document::Sentence) -> bool {
    let b = &doc.blocks[s.block];
    b.role == Role::Prose && !matches!(b.kind, BlockKind::Heading(_) | BlockKind::TableCell)
}

/// The article's sentences `list` as sources, each its own.
fn own_sources<'a>(doc: &'a Document, list: &[usize]) -> Vec<SourceSentence<'a>> {
    list.iter()
        .enumerate()
        .map(|(i, &oi)| SourceSentence {
            source: i,
            text: doc.sentence_text(&doc.sentences[oi]),
        })
        .collect()
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    #[test]
    fn a_reference_is_read_as_one_source() {
        // the number is in one sentence of the reference, the finding in the next
        let text = "# Summary\n\nThere is no evidence that the nasal vaccine prevented 80 percent of infections [1].\n\n## References\n\n1. A trial of a nasal vaccine. Efficacy was 80% in the per-protocol group. The nasal vaccine prevented infections in adults.\n";
        let d = run("evidence-contradiction", text, "a.md");
        assert_eq!(d.len(), 1, "{d:?}");
        // a number found nowhere in the reference still vetoes
        let other = text.replace("80%", "45%");
        assert!(run("evidence-contradiction", &other, "a.md").is_empty());
    }
}
