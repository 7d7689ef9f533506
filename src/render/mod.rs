//! Renderers: one module per output format. Each takes the sorted reports.

pub mod human;
pub mod json;

use crate::diagnostic::{Diagnostic, FileReport, Severity};

/// Counts shared by the renderers' summaries.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    pub by_rule: std::collections::BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            if d.suppressed.is_some() {
                s.suppressed += 1;
                continue;
            }
            s.diagnostics += 1;
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            *s.by_rule.entry(d.rule.to_string()).or_default() += 1;
        }
        s
    }
}

/// The diagnostics a renderer shows: everything not suppressed.
pub fn shown(r: &FileReport) -> impl Iterator<Item = &Diagnostic> {
    r.diagnostics.iter().filter(|d| d.suppressed.is_none())
}
