//! Rule packs: TOML files named by `rule-packs` in citelint.toml that extend the built-in
//! lexicons. A pack has any of three tables, in the same shape as the built-in files:
//!
//! - `[claims]`, merged into `rules/claims.toml` (e.g. more `[[claims.group]]` cue groups);
//! - `[evidence]`, merged into `rules/evidence.toml` (e.g. more concept groups or triggers);
//! - `[assistant]`, merged into `rules/assistant.toml` (more `[[assistant.pattern]]`s).
//!
//! Arrays are appended, tables merged, scalars replaced. Packs are data: nothing in them runs.
//! Every pattern is compiled with a size limit, so a pattern that would compile to something
//! huge is rejected with an error naming the pack.

use crate::checks::claims::engine::ClaimLexicon;
use crate::checks::content::assistant_artifact::{self, AssistantLexicon};
use crate::checks::evidence::EvidenceLexicon;
use std::path::Path;
use std::sync::Arc;

/// The lexicons a run uses. `None` means the built-in one (compiled lazily, on first use);
/// a rule pack's merge is shared, and freed with the last config that holds it (the language
/// server reloads the config).
#[derive(Clone, Default)]
pub struct Lexicons {
    claims: Option<Arc<ClaimLexicon>>,
    evidence: Option<Arc<EvidenceLexicon>>,
    assistant: Option<Arc<AssistantLexicon>>,
    claims_model: Option<Arc<crate::checks::claims::model::Model>>,
    /// The retraction lists the config names (`retractions = [...]`): data the config loads
    /// once for every file, like a team's model.
    retractions: Option<Arc<crate::checks::sources::retractions::Retractions>>,
}

impl std::fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicons")
            .field("claims", &self.claims.is_some())
            .field("evidence", &self.evidence.is_some())
            .field("assistant", &self.assistant.is_some())
            .field("claims_model", &self.claims_model.is_some())
            .field("retractions", &self.retractions.as_ref().map(|r| r.len()))
            .finish()
    }
}

impl Lexicons {
    pub fn claims(&self) -> &ClaimLexicon {
        match &self.claims {
            Some(l) => l,
            None => ClaimLexicon::builtin(),
        }
    }
    pub fn evidence(&self) -> &EvidenceLexicon {
        match &self.evidence {
            Some(l) => l,
            None => EvidenceLexicon::builtin(),
        }
    }
    pub fn assistant(&self) -> &AssistantLexicon {
        match &self.assistant {
            Some(l) => l,
            None => assistant_artifact::builtin(),
        }
    }
    /// The cite-worthiness model of `uncited-claim`: built in, or a team's own.
    pub fn claims_model(&self) -> &crate::checks::claims::model::Model {
        match &self.claims_model {
            Some(m) => m,
            None => crate::checks::claims::model::Model::builtin(),
        }
    }
    /// The run's retraction lists (none unless the config names some).
    pub fn retractions(&self) -> Option<&crate::checks::sources::retractions::Retractions> {
        self.retractions.as_deref()
    }
    /// Use these retraction lists.
    pub fn set_retractions(&mut self, r: crate::checks::sources::retractions::Retractions) {
        self.retractions = Some(Arc::new(r));
    }
    /// Use a team's own model (`[rules.uncited-claim] model = "FILE"`).
    pub fn set_claims_model(&mut self, model: crate::checks::claims::model::Model) {
        self.claims_model = Some(Arc::new(model));
    }
}

fn merge(base: &mut toml::Table, add: &toml::Table) {
    for (k, v) in add {
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(a)) => merge(b, a),
            (Some(toml::Value::Array(b)), toml::Value::Array(a)) => b.extend(a.iter().cloned()),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

fn merged(builtin: &str, adds: &[&toml::Table]) -> Result<String, String> {
    let mut base: toml::Table = toml::from_str(builtin).map_err(|e| e.message().to_string())?;
    for a in adds {
        merge(&mut base, a);
    }
    toml::to_string(&base).map_err(|e| e.to_string())
}

/// A pack's text as a table: valid TOML holding only the tables a pack may have. The error
/// follows the pack's name (` is not valid TOML: …`, `: unknown table …`).
pub fn parse_pack(text: &str) -> Result<toml::Table, String> {
    let t: toml::Table =
        toml::from_str(text).map_err(|e| format!(" is not valid TOML: {}", e.message()))?;
    for k in t.keys() {
        if !matches!(k.as_str(), "claims" | "evidence" | "assistant") {
            return Err(format!(
                ": unknown table `{k}` (expected claims, evidence or assistant)"
            ));
        }
    }
    Ok(t)
}

/// Load rule packs (paths as written, resolved against `base`) on top of the built-ins.
/// The error names the pack and says what is wrong.
pub fn load(packs: &[String], base: &Path) -> Result<Lexicons, (usize, String)> {
    let mut tables: Vec<toml::Table> = Vec::new();
    for (i, p) in packs.iter().enumerate() {
        let path = base.join(p);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| (i, format!("cannot read rule pack `{p}`: {e}")))?;
        let t = parse_pack(&text).map_err(|e| (i, format!("rule pack `{p}`{e}")))?;
        tables.push(t);
    }
    let part = |name: &str| -> Vec<&toml::Table> {
        tables
            .iter()
            .filter_map(|t| t.get(name).and_then(|v| v.as_table()))
            .collect()
    };
    let which = |name: &str| {
        packs
            .iter()
            .zip(&tables)
            .filter(|(_, t)| t.contains_key(name))
            .map(|(p, _)| p.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lex = Lexicons::default();
    let claims = part("claims");
    if !claims.is_empty() {
        let src =
            merged(crate::checks::claims::engine::BUILTIN_TOML, &claims).map_err(|e| (0, e))?;
        let l = ClaimLexicon::from_toml(&src)
            .map_err(|e| (0, format!("rule pack {}: claims: {e}", which("claims"))))?;
        lex.claims = Some(Arc::new(l));
    }
    let evidence = part("evidence");
    if !evidence.is_empty() {
        let src =
            merged(crate::checks::evidence::BUILTIN_LEXICON, &evidence).map_err(|e| (0, e))?;
        let l = EvidenceLexicon::parse(&src).map_err(|e| {
            (
                0,
                format!("rule pack {}: evidence: {}", which("evidence"), e.0),
            )
        })?;
        lex.evidence = Some(Arc::new(l));
    }
    let assistant = part("assistant");
    if !assistant.is_empty() {
        let src = merged(assistant_artifact::BUILTIN, &assistant).map_err(|e| (0, e))?;
        let l = assistant_artifact::compile(&src).map_err(|e| {
            (
                0,
                format!("rule pack {}: assistant: {e}", which("assistant")),
            )
        })?;
        lex.assistant = Some(Arc::new(l));
    }
    Ok(lex)
}
