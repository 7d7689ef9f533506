//! Writes the benchmark corpora (deterministic):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- corpus DIR [N=10000] [WORDS=1250]
//! cargo run --release --example gen_corpus -- article FILE [WORDS=5000]
//! ```

#[path = "../benches/support/gen.rs"]
mod generator;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, d: usize| args.get(i).map_or(d, |s| s.parse().expect("a number"));
    match args.first().map(String::as_str) {
        Some("corpus") => {
            let dir = PathBuf::from(args.get(1).expect("DIR"));
            let (n, words) = (num(2, 10_000), num(3, 1250));
            for i in 0..n {
                let sub = dir.join(format!("{:03}", i / 100));
                std::fs::create_dir_all(&sub).expect("create dir");
                let text = generator::article(i as u64, words);
                std::fs::write(sub.join(format!("article-{i:05}.md")), text).expect("write");
            }
        }
        Some("article") => {
            let file = args.get(1).expect("FILE");
            std::fs::write(file, generator::article(7, num(2, 5000))).expect("write");
        }
        _ => {
            eprintln!("usage: gen_corpus corpus DIR [N] [WORDS] | article FILE [WORDS]");
            std::process::exit(2);
        }
    }
}
