//! `--statistics`: instead of the findings, a count per rule, most frequent first, as ruff
//! prints it (`COUNT  RULE  SUMMARY`), or the same as a JSON array with `--format json`.
//! Nothing is printed for a run without findings in the table form; JSON prints `[]`.

use super::{End, Piece, Renderer};
use crate::diagnostic::FileReport;

pub struct Statistics {
    pub json: bool,
}

/// What a rule id is about: its summary, or the description of an engine id.
fn summary_of(id: &str) -> &'static str {
    if let Some(r) = crate::checks::find(id) {
        return r.summary;
    }
    crate::checks::BUILTIN_IDS
        .iter()
        .find(|(b, _)| *b == id)
        .map_or("", |(_, d)| d)
}

impl Renderer for Statistics {
    fn file(&self, _r: FileReport) -> Piece {
        Piece::default()
    }

    fn finish(&self, end: End) -> String {
        let mut rows: Vec<(&String, &usize)> = end.summary.by_rule.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if self.json {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(rule, n)| {
                    serde_json::json!({"rule": rule, "count": n, "summary": summary_of(rule)})
                })
                .collect();
            let mut out = serde_json::to_string_pretty(&v).unwrap_or_default();
            out.push('\n');
            return out;
        }
        let count_w = rows.iter().map(|(_, n)| n.to_string().len()).max();
        let rule_w = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        let mut out = String::new();
        for (rule, n) in &rows {
            out.push_str(&format!(
                "{n:>cw$}  {rule:<rule_w$}  {}\n",
                summary_of(rule),
                cw = count_w.unwrap_or(0)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::stream::render_all;

    #[test]
    fn counts_per_rule_most_frequent_first() {
        let reports = super::super::sample_reports();
        let table = render_all(&Statistics { json: false }, &reports);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3, "{table}");
        // the suppressed finding is not counted
        assert!(!table.contains("uncited-claim"), "{table}");
        assert!(lines[0].starts_with("1  malformed-citation   "), "{table}");
        let json: serde_json::Value =
            serde_json::from_str(&render_all(&Statistics { json: true }, &reports)).unwrap();
        assert_eq!(json[0]["rule"], "malformed-citation");
        assert_eq!(json[0]["count"], 1);
        assert_eq!(render_all(&Statistics { json: true }, &[]), "[]\n");
        assert_eq!(render_all(&Statistics { json: false }, &[]), "");
    }
}
