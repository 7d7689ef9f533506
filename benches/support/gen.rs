//! Deterministic article generator for benchmarks: the shapes citelint meets (front matter,
//! headings, paragraphs with bracket, linked, footnote and pandoc citations, reference
//! lists, footnote definitions) and a few faults (a marker with no entry, an uncited claim,
//! a "no evidence" statement). Every sentence is assembled from the word lists below.

#![allow(dead_code)]

/// xorshift64*: the same seed gives the same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SUBJECTS: &[&str] = &[
    "Daily walking",
    "A diet rich in legumes",
    "Regular strength training",
    "Short afternoon naps",
    "Group music therapy",
    "Reduced screen time in the evening",
    "Oral vitamin D supplements",
    "Cold water swimming",
    "Mindful breathing exercises",
    "A low-salt meal plan",
    "Community gardening",
    "Early morning light exposure",
];
const VERBS: &[&str] = &[
    "lowered",
    "improved",
    "was linked to better",
    "reduced",
    "raised",
    "was associated with fewer problems in",
    "did not change",
    "modestly increased",
];
const OUTCOMES: &[&str] = &[
    "resting blood pressure",
    "sleep quality",
    "bone density in older adults",
    "self-reported fatigue",
    "fasting glucose",
    "knee pain scores",
    "anxiety ratings",
    "the number of clinic visits",
    "grip strength",
    "markers of inflammation",
];
const SETTINGS: &[&str] = &[
    "in a trial of 412 adults",
    "across nine cohort studies",
    "in a 2019 meta-analysis",
    "among 1,280 nurses followed for six years",
    "in two randomised trials",
    "in a survey of rural clinics",
    "over a 12-week programme",
];
const PLAIN: &[&str] = &[
    "What does this mean for you?",
    "Ask your care team whether this suits you.",
    "You may want to keep a simple diary of how you feel.",
    "Talk with your care team before changing a treatment plan.",
    "How often should you review your plan?",
    "Check with your pharmacist about other medicines you take.",
];

const HEADINGS: &[&str] = &[
    "Background",
    "What the studies found",
    "Who may benefit",
    "Possible side effects",
    "How it compares with other options",
    "Practical advice",
    "Open questions",
];
const JOURNALS: &[&str] = &[
    "J Clin Habits",
    "Prev Med Rep",
    "Sleep Health Q",
    "Nutr Res Lett",
    "Arch Rehab Sci",
];
const AUTHORS: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Silva",
    "Novak",
    "Haddad",
];

/// Citation style of one article.
#[derive(Clone, Copy)]
enum Style {
    Bracket,
    Linked,
    Footnote,
    Pandoc,
}

fn marker(style: Style, ns: &[usize]) -> String {
    match style {
        Style::Bracket => {
            if ns.len() >= 3 && ns.windows(2).all(|w| w[1] == w[0] + 1) {
                format!("[{}-{}]", ns[0], ns[ns.len() - 1])
            } else {
                let v: Vec<String> = ns.iter().map(|n| n.to_string()).collect();
                format!("[{}]", v.join(","))
            }
        }
        Style::Linked => ns
            .iter()
            .map(|n| format!("[[{n}](#ref-{n})]"))
            .collect::<Vec<_>>()
            .join(""),
        Style::Footnote => ns.iter().map(|n| format!("[^{n}]")).collect(),
        Style::Pandoc => {
            let v: Vec<String> = ns.iter().map(|n| format!("@src{n}")).collect();
            format!("[{}]", v.join("; "))
        }
    }
}

fn claim(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OUTCOMES),
        rng.pick(SETTINGS)
    )
}

/// One article of about `words` words; `seed` picks its content and style.
pub fn article(seed: u64, words: usize) -> String {
    let mut rng = Rng::new(seed);
    let front = rng.chance(70);
    let style = match rng.below(4) {
        0 => Style::Bracket,
        1 => Style::Linked,
        2 => Style::Footnote,
        _ if front => Style::Pandoc,
        _ => Style::Bracket,
    };
    let faulty = rng.chance(20);
    let refs = 6 + rng.below(20);
    let mut out = String::with_capacity(words * 7);
    if front {
        out.push_str(&format!(
            "---\ntitle: \"Habits and health, part {seed}\"\nlast_reviewed: 2025-0{}-1{}\nreviewed_by: Dr. {} {}\n",
            1 + rng.below(9),
            rng.below(10),
            rng.pick(&["Ana", "Ben", "Chidi", "Dana"]),
            rng.pick(AUTHORS)
        ));
        if let Style::Pandoc = style {
            out.push_str("references:\n");
            for n in 1..=refs {
                out.push_str(&format!(
                    "  - id: src{n}\n    title: \"{} and {} in adults\"\n",
                    rng.pick(SUBJECTS),
                    rng.pick(OUTCOMES)
                ));
            }
        }
        out.push_str("---\n\n");
    }
    out.push_str(&format!("# Habits and health, part {seed}\n\n"));
    out.push_str("This page is for general information and is not medical advice.\n\n");
    let mut written = 0;
    let mut next_ref = 1;
    let mut section = 0;
    while written < words {
        out.push_str(&format!("## {}\n\n", HEADINGS[section % HEADINGS.len()]));
        section += 1;
        for _ in 0..2 + rng.below(3) {
            let mut para = String::new();
            for _ in 0..3 + rng.below(4) {
                let kind = rng.below(10);
                let s = if kind < 6 {
                    // cited claim; references first cited in order
                    let n = if next_ref <= refs && rng.chance(60) {
                        next_ref += 1;
                        next_ref - 1
                    } else {
                        1 + rng.below(next_ref.clamp(2, refs + 1) - 1)
                    };
                    let mut ns = vec![n];
                    if rng.chance(20) && n + 2 <= refs && n + 2 < next_ref {
                        ns = vec![n, n + 1, n + 2];
                    }
                    format!("{} {}.", claim(&mut rng), marker(style, &ns))
                } else if kind < 9 {
                    rng.pick(PLAIN).to_string()
                } else if faulty && rng.chance(30) {
                    // an uncited claim, or a denial with a citation
                    if rng.chance(50) {
                        format!("{}.", claim(&mut rng))
                    } else {
                        format!(
                            "There is no evidence that {} {} {}.",
                            rng.pick(SUBJECTS).to_lowercase(),
                            rng.pick(VERBS),
                            rng.pick(OUTCOMES)
                        )
                    }
                } else {
                    rng.pick(PLAIN).to_string()
                };
                written += s.split_whitespace().count();
                para.push_str(&s);
                para.push(' ');
            }
            out.push_str(para.trim_end());
            out.push_str("\n\n");
        }
        if rng.chance(30) {
            out.push_str("- Start slowly and build up.\n- Keep a simple log.\n- Review progress after a month.\n\n");
        }
    }
    if faulty {
        // a marker with no entry
        out.push_str(&format!(
            "One further report points the same way {}.\n\n",
            marker(style, &[refs + 1])
        ));
    }
    match style {
        Style::Pandoc => {}
        Style::Footnote => {
            for n in 1..=refs {
                out.push_str(&format!("[^{n}]: {}\n", reference(&mut rng, n)));
            }
        }
        Style::Bracket | Style::Linked => {
            out.push_str("## References\n\n");
            for n in 1..=refs {
                out.push_str(&format!("{n}. {}\n", reference(&mut rng, n)));
            }
        }
    }
    out
}

fn reference(rng: &mut Rng, n: usize) -> String {
    format!(
        "{} A, {} B. {} and {}. {} {}:{}. doi:10.5555/bench.{n}.{}",
        rng.pick(AUTHORS),
        rng.pick(AUTHORS),
        rng.pick(SUBJECTS),
        rng.pick(OUTCOMES),
        rng.pick(JOURNALS),
        2000 + rng.below(25),
        10 + rng.below(90),
        rng.next() % 100_000
    )
}
