//! Prints, for each sentence `uncited-claim` judges in an article, whether it is cited, the
//! lexicon's score, the model's probability (with this article's calibration shift) and the
//! features that weigh most: a tool for reading what the model learned.
//! `cargo run --release --example claim_probe -- ARTICLE.md`
use citelint::checks::claims::engine as claims;
use citelint::checks::claims::model::{self, Model};
use citelint::checks::claims::uncited_claim;
use citelint::config::{CliOverrides, Config};
use citelint::document::{Document, Format};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: claim_probe ARTICLE");
        std::process::exit(2);
    };
    let p = std::path::Path::new(&path);
    let text = std::fs::read_to_string(p).expect("readable UTF-8 article");
    let format = Format::from_path(p).unwrap_or(Format::Markdown);
    let config = Config::default();
    let settings = config.settings_for(&path, &CliOverrides::default());
    let doc = Document::parse(&path, text, format, &settings.parse);
    let lex = settings.lexicons.claims();
    let m = Model::builtin();
    let judged = uncited_claim::judged(&doc, &settings.lexicons, false);
    let logits: Vec<f32> = judged
        .iter()
        .map(|j| {
            let t = doc.sentence_text(&doc.sentences[j.index]);
            m.logit(t, j.shape)
        })
        .collect();
    let shift = model::document_shift(&logits, judged.iter().filter(|j| j.cited).count());
    println!("calibration shift {shift:+.2}");
    for j in &judged {
        let t = doc.sentence_text(&doc.sentences[j.index]);
        let score = claims::score_sentence(t, lex);
        let p = m.predict(t, j.shape, shift);
        let mut cs = p.contributions.clone();
        cs.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        let top: Vec<String> = cs
            .iter()
            .take(6)
            .map(|c| format!("{}={:+.2}", c.feature, c.weight))
            .collect();
        println!(
            "{} lex {:.2} p {:.3}  {}\n       {}",
            if j.cited {
                "cited"
            } else if j.covered {
                "cover"
            } else {
                "     "
            },
            score.score,
            p.probability,
            t.chars().take(100).collect::<String>(),
            top.join(" ")
        );
    }
}
