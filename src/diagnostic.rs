//! The diagnostic every rule produces and every renderer consumes.

use serde::Serialize;
use std::ops::Range;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
    /// One step less serious (an error becomes a warning, a warning information).
    pub fn milder(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A secondary location: the reference entry consulted, the contradicting source sentence.
/// `path` is set when the label points into another file (a bibliography).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
    pub path: Option<String>,
}

impl Label {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Label {
        Label {
            span,
            message: message.into(),
            path: None,
        }
    }
}

/// One finding: a rule, a primary byte span into the file as read, a message in the
/// article's own words, optional secondary labels and a help line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// Set when a suppression comment silenced the finding; holds the recorded reason.
    pub suppressed: Option<String>,
    /// The rule reports this finding one step below the rule's severity (a correction notice
    /// where a retraction would be an error).
    pub milder: bool,
}

impl Diagnostic {
    pub fn new(rule: &'static str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            suppressed: None,
            milder: false,
        }
    }
    pub fn label(mut self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label::new(span, message));
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

/// Everything found in one file, with the text needed to turn spans into lines and columns.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}
