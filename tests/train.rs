//! `citelint train` on a small generated house corpus, and the model it writes named in
//! `citelint.toml`.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;

/// A house whose editors always cite what the national registry recorded and never cite what
/// their own clinic does. Both kinds of sentence state a figure, so the lexicon reads both as
/// claims: only a model of this house tells them apart.
fn write_house(dir: &Path, articles: usize) {
    let places = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick"];
    for a in 0..articles {
        let mut text = format!("# Report {a}\n\n");
        let mut refs = Vec::new();
        for p in 0..4 {
            let n = 10 + (a * 7 + p * 3) % 80;
            let place = places[(a + p) % places.len()];
            refs.push(format!("Registry report {a}-{p}. National registry. 2024."));
            text.push_str(&format!(
                "The national registry recorded {n}% more admissions for asthma in {place} [{}]. \
                 Our clinic nurses answer {}% of calls within one working day.\n\n",
                refs.len(),
                100 - n
            ));
        }
        text.push_str("## References\n\n");
        for (i, r) in refs.iter().enumerate() {
            text.push_str(&format!("{}. {r}\n", i + 1));
        }
        std::fs::write(dir.join(format!("report-{a:02}.md")), text).unwrap();
    }
}

fn train(corpus: &Path, out: &Path) -> (i32, String) {
    let o = cargo_bin_cmd!("citelint")
        .args(["train"])
        .arg(corpus)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_house_model_learns_what_the_house_cites() {
    let t = tempfile::tempdir().unwrap();
    let corpus = t.path().join("house");
    std::fs::create_dir(&corpus).unwrap();
    write_house(&corpus, 30);
    let model = t.path().join("house-model.tsv");
    let (code, err) = train(&corpus, &model);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("trained on 30 files (240 sentences, 120 cited)"),
        "{err}"
    );
    let text = std::fs::read_to_string(&model).unwrap();
    // the house's cue is a positive weight, its uncited habit a negative one
    let weight = |name: &str| -> f32 {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}\t")))
            .unwrap_or_else(|| panic!("no {name} in the model"))
            .parse()
            .unwrap()
    };
    assert!(weight("w:registry") > 0.2, "{text}");
    assert!(weight("w:nurses") < -0.2, "{text}");
    // the same articles give the same file
    let again = t.path().join("again.tsv");
    assert_eq!(train(&corpus, &again).0, 0);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);

    // an article of the house: one uncited sentence of each kind, the rest cited
    let site = t.path().join("site");
    std::fs::create_dir(&site).unwrap();
    std::fs::write(
        site.join("citelint.toml"),
        "[rules.uncited-claim]\nmodel = \"../house-model.tsv\"\n",
    )
    .unwrap();
    std::fs::write(
        site.join("new.md"),
        "# New report\n\n\
         The national registry recorded 31% more admissions for asthma in Hythe. \
         Our clinic nurses answer 64% of calls within one working day.\n\n\
         The national registry recorded 12% more admissions for asthma in Galway [1]. \
         The national registry recorded 25% more admissions for asthma in Inver [2].\n\n\
         ## References\n\n1. Registry report. 2024.\n2. Registry report. 2025.\n",
    )
    .unwrap();
    let o = cargo_bin_cmd!("citelint")
        .current_dir(&site)
        .args([
            "check",
            "--select",
            "uncited-claim",
            "--format",
            "json",
            "new.md",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stderr)));
    let found: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (s, e) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            std::fs::read_to_string(site.join("new.md")).unwrap()[s..e].to_string()
        })
        .collect();
    assert_eq!(
        found,
        ["The national registry recorded 31% more admissions for asthma in Hythe."],
        "{v}"
    );
}

#[test]
fn training_needs_cited_and_uncited_sentences() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("a.md"),
        "# A\n\nEvery sentence here has a source of its own [1].\n\n## References\n\n1. A. 2020.\n",
    )
    .unwrap();
    let (code, err) = train(t.path(), &t.path().join("m.tsv"));
    assert_eq!(code, 2);
    assert!(
        err.contains("training needs both cited and uncited sentences"),
        "{err}"
    );
    assert!(!t.path().join("m.tsv").exists());
    let (code, err) = train(&t.path().join("missing"), &t.path().join("m.tsv"));
    assert_eq!(code, 2);
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn a_broken_model_or_threshold_is_a_config_error_with_a_span() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.md"), "# A\n\nText.\n").unwrap();
    std::fs::write(t.path().join("bad.tsv"), "bias\tzero\n").unwrap();
    let run = |config: &str| {
        std::fs::write(t.path().join("citelint.toml"), config).unwrap();
        let o = cargo_bin_cmd!("citelint")
            .current_dir(t.path())
            .args(["check", "--color", "never", "a.md"])
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, err) = run("[rules.uncited-claim]\nmodel = \"bad.tsv\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("model `bad.tsv` is not a citelint model: line 1: `zero` is not a number"),
        "{err}"
    );
    assert!(err.contains("citelint.toml:2:1"), "{err}");
    let (code, err) = run("[rules.uncited-claim]\nmodel = \"none.tsv\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read model `none.tsv`"), "{err}");
    let (code, err) = run("[rules.uncited-claim]\nthreshold = 1.5\n");
    assert_eq!(code, 2);
    assert!(err.contains("not a probability"), "{err}");
}
