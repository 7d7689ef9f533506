//! Absence-of-evidence statements: "there is no evidence that X", "no studies have
//! shown X", "X has not been demonstrated", "evidence for X is lacking".

use super::EvidenceLexicon;
use crate::lexicon_regex::Match;
use std::ops::Range;

/// Which form the statement takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbsenceKind {
    /// "no (direct) evidence that / of / for X", "there are no data on X"
    NoEvidence,
    /// "no studies have shown (that) X"
    NoStudies,
    /// "X has not been shown / demonstrated / established / proven", "X remains unproven"
    NotShown,
    /// "evidence for X is lacking / insufficient / limited"
    Lacking,
    /// "insufficient evidence", "lack of evidence" with no proposition attached
    Bare,
    /// "it is unknown whether X", "it remains unclear whether X"
    Unknown,
}

/// An absence-of-evidence statement found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    /// Byte range of the trigger words in the sentence.
    pub trigger: Range<usize>,
    /// Byte range of the denied proposition X (empty for [`AbsenceKind::Bare`]).
    pub claim: Range<usize>,
    /// For "X has not been shown to Y": the range of "Y", which completes X.
    pub rest: Option<Range<usize>>,
    pub kind: AbsenceKind,
    /// A weak denial ("insufficient", "limited" evidence): it admits that some evidence
    /// exists, so one source reporting X does not contradict it.
    pub weak: bool,
}

impl Absence {
    /// The denied proposition as one string ("cryotherapy increases aggressiveness"
    /// for "cryotherapy has not been shown to increase aggressiveness").
    pub fn claim_text(&self, sentence: &str) -> String {
        let mut s = sentence[self.claim.clone()].trim().to_string();
        if let Some(r) = &self.rest {
            let tail = sentence[r.clone()].trim();
            let tail = tail.strip_prefix("to ").unwrap_or(tail);
            if !tail.is_empty() {
                s.push(' ');
                s.push_str(tail);
            }
        }
        s
    }
}

/// Where the `link` group of `all`, a match of `pre_re` in `sentence`, ends if it took part
/// in the match. The group is the pattern's optional last part, after `pre_head_re`, and it
/// ends with the match: the match takes the head's path of highest priority (the head's own
/// match at the same start, which ends where `pre_head_re` finds), then the linker part if it
/// matches there, greedy, so the linker took part exactly when the match reaches past the
/// head (a linker is never empty, else `pre_head_re` never matches). Where the head does not
/// tell, the groups are read (their engine compiled at the first such match).
fn link_end(sentence: &str, all: Match<'_>, lex: &EvidenceLexicon) -> Option<usize> {
    match lex.pre_head_re.find_at(sentence, all.start()) {
        Some(head) if head.start() == all.start() => (all.end() > head.end()).then_some(all.end()),
        _ => lex
            .pre_re
            .captures_of(sentence, all)
            .name("link")
            .map(|l| l.end()),
    }
}

/// Find the first absence-of-evidence statement in `sentence`.
pub fn find_absence(sentence: &str, lex: &EvidenceLexicon) -> Option<Absence> {
    // each form below starts with one of these words at a word boundary
    if !lex.gate_re.is_match(sentence) {
        return None;
    }
    let mut found: Vec<Absence> = Vec::new();

    for all in lex.pre_re.find_iter(sentence) {
        if is_pseudo(sentence, all.start(), lex)
            || lex.conditional_re.is_match(&sentence[..all.start()])
        {
            continue;
        }
        match link_end(sentence, all, lex) {
            Some(link_end) => {
                let claim = clause_after(sentence, link_end, lex);
                if claim.is_empty() {
                    continue;
                }
                found.push(Absence {
                    trigger: all.start()..link_end,
                    claim,
                    rest: None,
                    kind: AbsenceKind::NoEvidence,
                    weak: false,
                });
            }
            None => {
                // "lack of evidence" with nothing attached: only bare forms count
                if lex
                    .bare_re
                    .find_at(sentence, all.start())
                    .is_some_and(|b| b.start() < all.end())
                {
                    found.push(Absence {
                        trigger: all.range(),
                        claim: all.end()..all.end(),
                        rest: None,
                        kind: AbsenceKind::Bare,
                        weak: false,
                    });
                }
            }
        }
    }

    // "no studies have shown X", "it is unknown whether X": X follows the trigger
    for (re, kind) in [
        (&lex.study_re, AbsenceKind::NoStudies),
        (&lex.unknown_re, AbsenceKind::Unknown),
    ] {
        for m in re.find_iter(sentence) {
            let claim = clause_after(sentence, m.end(), lex);
            if !claim.is_empty() {
                found.push(Absence {
                    trigger: m.range(),
                    claim,
                    rest: None,
                    kind,
                    weak: false,
                });
            }
        }
    }

    // `\b(?P<post>…)\b`: the group is the whole match
    for post in lex.post_re.find_iter(sentence) {
        let norm = post
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let norm = norm.to_lowercase();
        let subj = clause_before(sentence, post.start(), lex);
        if subj.is_empty() {
            continue;
        }
        if lex.post_needs_subject.contains(&norm) {
            // "evidence for X is lacking": X is what follows the linker
            let text = &sentence[subj.clone()];
            let Some(s) = lex.subject_re.find(text) else {
                continue;
            };
            let claim = subj.start + s.end()..subj.end;
            if claim.is_empty() {
                continue;
            }
            found.push(Absence {
                trigger: subj.start..post.end(),
                claim,
                rest: None,
                kind: AbsenceKind::Lacking,
                weak: false,
            });
        } else {
            // "X has not been shown to Y": the infinitive completes X
            let after = clause_after(sentence, post.end(), lex);
            let tail = sentence[after.clone()].trim_start();
            let rest = (tail.starts_with("to ") || tail.starts_with("that "))
                .then(|| after.clone())
                .map(|r| {
                    let t = &sentence[r.clone()];
                    let lead = t.len() - t.trim_start().len();
                    let skip = if t.trim_start().starts_with("that ") {
                        5
                    } else {
                        0
                    };
                    r.start + lead + skip..r.end
                });
            found.push(Absence {
                trigger: post.range(),
                claim: subj,
                rest,
                kind: AbsenceKind::NotShown,
                weak: false,
            });
        }
    }

    found.sort_by_key(|a| a.trigger.start);
    let mut a = found.into_iter().next()?;
    a.weak = lex.weak_re.is_match(&sentence[a.trigger.clone()]);
    // "no evidence of toxicity was found": the ending belongs to the trigger
    if let Some(t) = lex.tail_re.find(&sentence[a.claim.clone()]) {
        a.claim = a.claim.start..a.claim.start + t.start();
    }
    Some(a)
}

/// Look-alikes: "no evidence of disease", "showed no evidence of infection".
fn is_pseudo(sentence: &str, at: usize, lex: &EvidenceLexicon) -> bool {
    if lex
        .pseudo_re
        .find_at(sentence, at)
        .is_some_and(|m| m.start() == at)
    {
        return true;
    }
    let back = sentence[..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(0, |(i, _)| i);
    lex.finding_re
        .find_at(sentence, back)
        .is_some_and(|m| m.start() < at && m.end() > at)
}

/// From `from` to the first terminator, citation marker or the sentence end,
/// trimmed of spaces and final punctuation.
fn clause_after(sentence: &str, from: usize, lex: &EvidenceLexicon) -> Range<usize> {
    let lead = sentence[from..].len() - sentence[from..].trim_start().len();
    // a proposition that opens with "although ..." keeps its first clause
    let end = lex
        .terminator_re
        .find_iter(&sentence[from..])
        .find(|m| m.start() > lead)
        .map_or(sentence.len(), |m| from + m.start());
    trim(sentence, from..end)
}

/// From the last terminator (or the sentence start) before `to`, skipping openers
/// such as "To date,".
fn clause_before(sentence: &str, to: usize, lex: &EvidenceLexicon) -> Range<usize> {
    let head = &sentence[..to];
    let mut start = 0;
    for m in lex.terminator_re.find_iter(head) {
        start = m.end();
    }
    // "Several factors have been proposed, but strong associations have not been
    // confirmed": the subject is the last clause
    if let Some(c) = head[start..].rfind([',', ':']) {
        start += c + 1;
    }
    // skip a leading opener like "To date, " or "However, "
    let text = &sentence[start..to];
    let mut skip = 0;
    for (i, _) in text.char_indices() {
        if lex.opener_re.is_match(&text[..i]) {
            skip = i;
        }
    }
    trim(sentence, start + skip..to)
}

fn trim(sentence: &str, r: Range<usize>) -> Range<usize> {
    if r.start >= r.end {
        return r.start..r.start;
    }
    let s = &sentence[r.clone()];
    let lead = s.len() - s.trim_start_matches([' ', ',', ':', '\t', '\n']).len();
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    r.start + lead..r.start + t.len().max(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of `lex.pre_re` in `text`: [`link_end`] tells where its `link` group ends
    /// as reading the group does.
    fn link_ends_as_groups(text: &str, lex: &EvidenceLexicon) -> usize {
        let mut n = 0;
        for m in lex.pre_re.find_iter(text) {
            let groups = lex.pre_re.captures_of(text, m);
            assert_eq!(
                link_end(text, m, lex),
                groups.name("link").map(|l| l.end()),
                "{:?} in {text:?}",
                m.as_str()
            );
            n += 1;
        }
        n
    }

    #[test]
    fn link_end_reads_the_link_group() {
        let lex = EvidenceLexicon::builtin();
        let raw: super::super::RawLexicon = toml::from_str(super::super::BUILTIN_LEXICON).unwrap();
        let a = &raw.absence;
        let mut texts = crate::lexicon_regex::fixture_texts();
        for (i, pre) in a.pre.iter().enumerate() {
            let noun = &a.nouns[i % a.nouns.len()];
            let modi = &a.modifiers[i % a.modifiers.len()];
            for link in &a.linkers {
                for s in [
                    format!("There is {pre} {noun} {link} it works."),
                    format!("There is {pre} {modi}, {modi} {noun} yet {link} it works."),
                    format!("{pre} {noun} at present {link}"),
                    format!("{pre} {noun}"),
                    format!("{pre} {noun}s {link} it works"),
                    format!("{pre} {noun} {link}x"),
                    format!("{pre} {noun} Δ {link} é"),
                ] {
                    texts.push(s.to_uppercase());
                    texts.push(s);
                }
            }
        }
        let found: usize = texts.iter().map(|t| link_ends_as_groups(t, lex)).sum();
        assert!(found > 1000, "{found}");
        // a lexicon whose linker could be empty: the head cannot tell, the groups are read
        let empty = super::super::BUILTIN_LEXICON.replacen("linkers = [", "linkers = [\" \",", 1);
        let lex = EvidenceLexicon::parse(&empty).unwrap();
        assert_eq!(lex.pre_head_re.pattern(), r"[^\s\S]");
        let found: usize = texts.iter().map(|t| link_ends_as_groups(t, &lex)).sum();
        assert!(found > 1000, "{found}");
    }

    fn claim(s: &str) -> Option<(AbsenceKind, String)> {
        let lex = EvidenceLexicon::builtin();
        find_absence(s, lex).map(|a| (a.kind, a.claim_text(s)))
    }

    fn expect(s: &str, kind: AbsenceKind, x: &str) {
        assert_eq!(claim(s), Some((kind, x.to_string())), "sentence: {s}");
    }

    #[test]
    fn no_evidence_forms() {
        use AbsenceKind::*;
        expect(
            "There is no direct evidence to suggest that freezing a tumour makes it spread [2].",
            NoEvidence,
            "freezing a tumour makes it spread",
        );
        expect(
            "There is currently no conclusive evidence that fasting lowers blood pressure.",
            NoEvidence,
            "fasting lowers blood pressure",
        );
        expect(
            "To date, there is no published evidence that statins cause memory loss [4].",
            NoEvidence,
            "statins cause memory loss",
        );
        expect(
            "We found no clear evidence of a benefit from zinc lozenges, but trials were small.",
            NoEvidence,
            "a benefit from zinc lozenges",
        );
        expect(
            "There is no strong scientific evidence for garlic as a treatment for colds.",
            NoEvidence,
            "garlic as a treatment for colds",
        );
        expect(
            "There are no data on the use of this vaccine in pregnancy.",
            NoEvidence,
            "the use of this vaccine in pregnancy",
        );
    }

    #[test]
    fn study_and_post_forms() {
        use AbsenceKind::*;
        expect(
            "No studies have shown that vitamin C shortens a cold [1].",
            NoStudies,
            "vitamin C shortens a cold",
        );
        expect(
            "No trials have demonstrated a survival gain with the new regimen.",
            NoStudies,
            "a survival gain with the new regimen",
        );
        expect(
            "Laser therapy has not been shown to improve scar healing.",
            NotShown,
            "Laser therapy improve scar healing",
        );
        expect(
            "A benefit of early surgery has not been established.",
            NotShown,
            "A benefit of early surgery",
        );
        expect(
            "To date, the protective effect of masks remains unproven.",
            NotShown,
            "the protective effect of masks",
        );
        expect(
            "Evidence for a link between diet and acne is lacking.",
            Lacking,
            "a link between diet and acne",
        );
        expect(
            "The evidence that acupuncture relieves migraine is insufficient [3].",
            Lacking,
            "acupuncture relieves migraine",
        );
    }

    #[test]
    fn unknown_weak_and_conditional_forms() {
        use AbsenceKind::*;
        expect(
            "It is unknown whether daily flossing reduces gum bleeding in teenagers.",
            Unknown,
            "daily flossing reduces gum bleeding in teenagers",
        );
        // "no evidence of X was found": the ending belongs to the trigger
        expect(
            "No evidence of antitumor activity was found in the trial.",
            NoEvidence,
            "antitumor activity",
        );
        let lex = EvidenceLexicon::builtin();
        let weak = |s: &str| find_absence(s, lex).map(|a| a.weak);
        assert_eq!(
            weak("There is insufficient evidence that screening reduces mortality."),
            Some(true)
        );
        assert_eq!(
            weak("Evidence that yoga improves sleep is limited."),
            Some(true)
        );
        assert_eq!(
            weak("There is no evidence that screening reduces mortality."),
            Some(false)
        );
        // a condition, not a denial
        assert_eq!(
            claim("In the absence of evidence of a syndrome, several methods are used."),
            None
        );
    }

    #[test]
    fn bare_forms_have_no_proposition() {
        let s = "For this indication there is insufficient evidence.";
        let a = find_absence(s, EvidenceLexicon::builtin()).unwrap();
        assert_eq!(a.kind, AbsenceKind::Bare);
        assert!(a.claim.is_empty());
        let s = "Treatment was stopped owing to a lack of evidence.";
        assert_eq!(
            find_absence(s, EvidenceLexicon::builtin()).unwrap().kind,
            AbsenceKind::Bare
        );
    }

    #[test]
    fn terminators_end_the_proposition() {
        expect(
            "There is no evidence that the drug shortens illness, although one trial hinted at it.",
            AbsenceKind::NoEvidence,
            "the drug shortens illness",
        );
        expect(
            "There is no evidence that heat kills the virus; however, cold storage preserves it.",
            AbsenceKind::NoEvidence,
            "heat kills the virus",
        );
    }

    #[test]
    fn look_alikes_are_not_absence_statements() {
        assert_eq!(
            claim("Imaging showed no evidence of disease at one year."),
            None
        );
        assert_eq!(
            claim("The scan revealed no evidence of pneumonia in either lung."),
            None
        );
        assert_eq!(claim("Rates rose by a fifth in 2021."), None);
        assert_eq!(
            claim("There is evidence that exercise improves sleep."),
            None
        );
        assert_eq!(claim("Masks are limited in supply."), None);
    }
}
