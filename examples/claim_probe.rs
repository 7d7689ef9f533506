//! Prints the cite-worthiness probability of each sentence given on standard input (one per
//! line) under the built-in model, with the features that weigh most: a tool for reading
//! what the model learned. `cargo run --release --example claim_probe < sentences.txt`
use citelint::checks::claims::engine as claims;
use citelint::checks::claims::model::{Model, Shape};
use std::io::BufRead;

fn main() {
    let model = Model::builtin();
    let shape = Shape {
        list_item: false,
        quote: false,
        first: true,
        last: true,
    };
    for line in std::io::stdin().lock().lines() {
        let Ok(s) = line else { break };
        if s.trim().is_empty() {
            continue;
        }
        let score = claims::score(&s);
        let p = model.predict(&s, shape, &score, 0.0);
        let mut cs = p.contributions.clone();
        cs.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        let top: Vec<String> = cs
            .iter()
            .take(6)
            .map(|c| format!("{}={:+.2}", c.feature, c.weight))
            .collect();
        println!("{:.3}  {s}\n       {}", p.probability, top.join(" "));
    }
}
