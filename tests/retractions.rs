//! Retraction lists named by the config: found relative to it, read once per run; a list that
//! is missing or malformed is one error naming the file and the line, and the run exits 2.

use assert_cmd::cargo::cargo_bin_cmd;

const ARTICLE: &str = "# Ginger\n\nGinger lowered nausea [1].\n\n## References\n\n1. Roe P. Ginger and nausea. Example J. 2019. doi:10.5555/ginger.1\n";

fn run(config: &str, lists: &[(&str, &str)]) -> (i32, String, String) {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("citelint.toml"), config).unwrap();
    std::fs::create_dir(t.path().join("data")).unwrap();
    for (name, text) in lists {
        std::fs::write(t.path().join(name), text).unwrap();
    }
    std::fs::create_dir(t.path().join("articles")).unwrap();
    std::fs::write(t.path().join("articles/a.md"), ARTICLE).unwrap();
    let out = cargo_bin_cmd!("citelint")
        .current_dir(t.path().join("articles"))
        .args([
            "check",
            "--select",
            "retracted-reference",
            "--format",
            "json",
            "a.md",
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn a_listed_doi_is_reported_from_a_list_beside_the_config() {
    let (code, out, err) = run(
        "retractions = [\"data/rw.csv\"]\n",
        &[(
            "data/rw.csv",
            "OriginalPaperDOI,RetractionNature,RetractionDate,Reason\n10.5555/GINGER.1,Retraction,2/3/2022 0:00,;+Misconduct;\n",
        )],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("\"retracted-reference\"") && out.contains("2/3/2022"),
        "{out}"
    );
    assert!(
        out.contains("\"severity\": \"error\"") || out.contains("\"severity\":\"error\""),
        "{out}"
    );
}

#[test]
fn a_missing_or_malformed_list_is_one_error_naming_file_and_line() {
    let (code, _, err) = run("retractions = [\"data/none.csv\"]\n", &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("data/none.csv") && err.contains("no such file"),
        "{err}"
    );
    let (code, _, err) = run(
        "retractions = [\"data/extra.list\"]\n",
        &[(
            "data/extra.list",
            "10.5555/one\n10.5555/two\nsee the notice\n",
        )],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("data/extra.list") && err.contains("line 3"),
        "{err}"
    );
    assert_eq!(err.matches("error").count(), 1, "{err}");
    let (code, _, err) = run("retractions = [\"data\"]\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("is a folder"), "{err}");
    let (code, _, err) = run(
        "retractions = [\"data/rw.csv\"]\n",
        &[("data/rw.csv", "OriginalPaperDOI\u{0}\n")],
    );
    assert_eq!(code, 2);
    assert!(err.contains("binary") && err.contains("line 1"), "{err}");
}

/// A Retraction Watch CSV with a 10 MB cell: on one line (a 10 MB reason) the list is read and
/// the finding quotes at most 200 characters of it; a quoted cell that runs over lines past
/// 1 MB is one error naming the line it starts on.
#[test]
fn a_csv_with_a_10_mb_cell() {
    let header = "OriginalPaperDOI,RetractionNature,RetractionDate,Reason\n";
    let long = format!(
        "{header}10.5555/ginger.1,Retraction,2/3/2022 0:00,\";+{};\"\n",
        "Misconduct ".repeat(1 << 20)
    );
    assert!(long.len() > 10 << 20);
    let (code, out, err) = run(
        "retractions = [\"data/rw.csv\"]\n",
        &[("data/rw.csv", &long)],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("\"retracted-reference\""),
        "{}",
        &out[..out.len().min(500)]
    );
    assert!(out.len() < 10_000, "the output holds {} bytes", out.len());

    let lines = format!(
        "{header}10.5555/other,Retraction,1/1/2020,\"{}\"\n",
        "a reason\n".repeat(10 << 20 >> 3)
    );
    let (code, _, err) = run(
        "retractions = [\"data/rw.csv\"]\n",
        &[("data/rw.csv", &lines)],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("data/rw.csv") && err.contains("line 2") && err.contains("longer than 1 MB"),
        "{err}"
    );
}

/// A list line whose character straddles where a `doi.org/` prefix would end
/// (`10.5555њne`) once made the reader panic on a byte index; now it is a line that is not a
/// DOI, one error naming the line.
#[test]
fn a_character_across_the_prefix_length_is_no_panic() {
    let (code, _, err) = run(
        "retractions = [\"data/rw.txt\"]\n",
        &[("data/rw.txt", "10.5555/one\n10.5555њne\n")],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("data/rw.txt") && err.contains("line 2") && err.contains("is not a DOI"),
        "{err}"
    );
}
