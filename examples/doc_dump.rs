//! Prints what the document layer read from an article: its reference lists and their
//! entries' keys, and with `BLOCKS=1` every block (kind, list number, depth, role, last
//! words), with `CITES=1` every citation marker and what it resolved to. A tool for seeing
//! why a rule saw what it saw.
//! `cargo run --release --example doc_dump -- ARTICLE.md`
use citelint::config::{CliOverrides, Config};
use citelint::document::{Document, Format};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: doc_dump ARTICLE");
        std::process::exit(2);
    };
    let p = std::path::Path::new(&path);
    let text = std::fs::read_to_string(p).expect("readable UTF-8 article");
    let format = Format::from_path(p).unwrap_or(Format::Markdown);
    let settings = Config::default().settings_for(&path, &CliOverrides::default());
    let doc = Document::parse(&path, text, format, &settings.parse);
    let tail = |s: &str| {
        let n = s.chars().count().saturating_sub(40);
        s.chars().skip(n).collect::<String>()
    };
    if std::env::var_os("BLOCKS").is_some() {
        for b in &doc.blocks {
            let number = b.number.as_ref().map(|n| n.0);
            let text = tail(&doc.text[b.span.clone()]);
            println!(
                "{:?} number={number:?} depth={} {:?} …{text:?}",
                b.kind, b.depth, b.role
            );
        }
    }
    if std::env::var_os("CITES").is_some() {
        for c in &doc.citations {
            let targets: Vec<_> = c.targets.iter().map(|t| (&t.key, t.resolved)).collect();
            println!(
                "cite {:?} {:?} {targets:?}",
                c.syntax,
                &doc.text[c.span.clone()]
            );
        }
    }
    for (i, l) in doc.lists.iter().enumerate() {
        println!("list {i} {:?}, {} entries", l.kind, l.entries.len());
        for &r in &l.entries {
            let e = &doc.references[r];
            let head: String = doc.text[e.span.clone()].chars().take(50).collect();
            println!("  {:?} {head:?}", e.key);
        }
    }
}
