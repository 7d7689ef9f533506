//! `citelint server`: a language server over stdio.
//!
//! Diagnostics for the in-memory text of every open article (full or incremental sync, in the
//! negotiated position encoding), `citelint.toml` discovered upward from each article and
//! re-read when it changes (a broken one is reported on the config file itself while the
//! articles are linted with defaults), a "disable this rule for this line" code action, the
//! fixes of `--fix` as quick fixes (one per finding, and "fix all"), and hover on citation
//! markers showing the reference they resolve to.
//!
//! [`Server`] is a plain state machine: messages in, messages out. [`serve`] drives it from
//! channels (stdio in production, `lsp_server::Connection::memory()` in tests); after each
//! message it drains whatever else is already queued before linting, so a burst of keystrokes
//! costs one lint.

pub mod position;
pub mod transport;
pub mod uri;

use crate::config::{self, CliOverrides, Config, ConfigError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format, LineIndex};
use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use position::Encoding;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

pub use transport::run_stdio;

/// Where `codeDescription.href` points: this followed by the rule id.
pub const RULE_DOCS_URL: &str = "https://citelint.dev/rules/";

/// The name diagnostics carry as their `source`.
pub const SOURCE: &str = "citelint";

struct OpenDoc {
    uri: lsp::Uri,
    /// The local file, for `file:` URIs.
    path: Option<PathBuf>,
    /// `None` for documents citelint does not lint (they are tracked, never checked).
    format: Option<Format>,
    version: i32,
    text: String,
    dirty: bool,
    /// The last lint: the parsed document (its text is `text` as of then) and the shown findings.
    analysis: Option<(Document, Vec<Diagnostic>)>,
    /// The config file the last lint used.
    config: Option<PathBuf>,
}

struct CachedConfig {
    stamp: Option<(SystemTime, u64)>,
    config: std::rc::Rc<Config>,
    error: Option<ConfigError>,
    /// Whether the config's URI currently has diagnostics published (to clear them later).
    published: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShuttingDown,
}

/// The language server's state.
pub struct Server {
    state: State,
    encoding: Encoding,
    root: Option<PathBuf>,
    watch_dynamically: bool,
    docs: HashMap<String, OpenDoc>,
    configs: HashMap<PathBuf, CachedConfig>,
    default_config: std::rc::Rc<Config>,
    out: Vec<Message>,
    next_id: i32,
    /// Fixes already computed for the text of an open document (editors ask for code actions
    /// at every cursor move).
    fixes: HashMap<String, FixCache>,
    /// Set once `exit` arrives: the process exit code.
    pub exit: Option<i32>,
}

impl Default for Server {
    fn default() -> Self {
        Server::new()
    }
}

fn stamp(p: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == config::FILE_NAME)
}

fn format_of(path: Option<&Path>, uri: &str, language_id: &str) -> Option<Format> {
    let by_path = path
        .and_then(Format::from_path)
        .or_else(|| Format::from_path(Path::new(uri.rsplit('/').next().unwrap_or(""))));
    by_path.or(match language_id {
        "markdown" | "md" | "mdx" | "pandoc" | "rmd" | "quarto" => Some(Format::Markdown),
        "html" => Some(Format::Html),
        "plaintext" | "text" | "txt" => Some(Format::Text),
        _ => None,
    })
}

impl Server {
    pub fn new() -> Server {
        Server {
            state: State::Uninitialized,
            encoding: Encoding::Utf16,
            root: None,
            watch_dynamically: false,
            docs: HashMap::new(),
            configs: HashMap::new(),
            default_config: std::rc::Rc::new(Config::default()),
            out: Vec::new(),
            next_id: 0,
            fixes: HashMap::new(),
            exit: None,
        }
    }

    /// The position encoding negotiated at `initialize`.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Messages produced so far (replies, diagnostics), oldest first.
    pub fn take_output(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.out)
    }

    fn reply_ok(&mut self, id: RequestId, result: impl serde::Serialize) {
        self.out.push(Response::new_ok(id, result).into());
    }

    fn reply_err(&mut self, id: RequestId, code: ErrorCode, msg: impl Into<String>) {
        self.out
            .push(Response::new_err(id, code as i32, msg.into()).into());
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        self.out
            .push(Notification::new(method.to_string(), params).into());
    }

    /// Handle one incoming message. Linting of changed documents waits for [`Server::flush`].
    pub fn handle(&mut self, msg: Message) {
        match msg {
            Message::Request(r) => self.on_request(r),
            Message::Notification(n) => self.on_notification(n),
            Message::Response(_) => {} // replies to client/registerCapability
        }
    }

    fn on_request(&mut self, r: Request) {
        match (self.state, r.method.as_str()) {
            (State::Uninitialized, "initialize") => {
                let result = self.initialize(&r.params);
                self.reply_ok(r.id, result);
                self.state = State::Running;
            }
            (State::Uninitialized, _) => {
                self.reply_err(r.id, ErrorCode::ServerNotInitialized, "not initialized")
            }
            (_, "initialize") => {
                self.reply_err(r.id, ErrorCode::InvalidRequest, "already initialized")
            }
            (State::ShuttingDown, _) => {
                self.reply_err(r.id, ErrorCode::InvalidRequest, "shutting down")
            }
            (State::Running, "shutdown") => {
                self.state = State::ShuttingDown;
                self.reply_ok(r.id, Value::Null);
            }
            (State::Running, "textDocument/hover") => {
                match serde_json::from_value::<lsp::HoverParams>(r.params) {
                    Ok(p) => {
                        let h = self.hover(&p);
                        self.reply_ok(r.id, h);
                    }
                    Err(e) => self.reply_err(r.id, ErrorCode::InvalidParams, e.to_string()),
                }
            }
            (State::Running, "textDocument/codeAction") => {
                match serde_json::from_value::<lsp::CodeActionParams>(r.params) {
                    Ok(p) => {
                        let a = self.code_actions(&p);
                        self.reply_ok(r.id, a);
                    }
                    Err(e) => self.reply_err(r.id, ErrorCode::InvalidParams, e.to_string()),
                }
            }
            (State::Running, m) => {
                let msg = format!("citelint does not handle `{m}`");
                self.reply_err(r.id, ErrorCode::MethodNotFound, msg)
            }
        }
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let caps = &params["capabilities"];
        let offered = |v: &Value| -> Vec<Encoding> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|e| e.as_str().and_then(Encoding::parse))
                        .collect()
                })
                .unwrap_or_default()
        };
        // the standard `general.positionEncodings`, else clangd's `offsetEncoding`
        // (Neovim before 0.9 offers only the latter)
        let standard = offered(&caps["general"]["positionEncodings"]);
        let legacy = offered(&caps["offsetEncoding"]);
        self.encoding = if standard.contains(&Encoding::Utf8) || legacy.contains(&Encoding::Utf8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.watch_dynamically = caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"]
            .as_bool()
            .unwrap_or(false);
        let root_uri = params["workspaceFolders"][0]["uri"]
            .as_str()
            .or(params["rootUri"].as_str());
        self.root = root_uri
            .and_then(uri::to_path)
            .or_else(|| params["rootPath"].as_str().map(PathBuf::from));
        let capabilities = lsp::ServerCapabilities {
            position_encoding: Some(lsp::PositionEncodingKind::new(self.encoding.as_str())),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                },
            )),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![
                        lsp::CodeActionKind::QUICKFIX,
                        lsp::CodeActionKind::SOURCE_FIX_ALL,
                    ]),
                    ..Default::default()
                },
            )),
            ..Default::default()
        };
        let mut result = json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "citelint", "version": env!("CARGO_PKG_VERSION")},
        });
        if !legacy.is_empty() && standard.is_empty() {
            result["offsetEncoding"] = json!(self.encoding.as_str());
        }
        result
    }

    fn on_notification(&mut self, n: Notification) {
        if n.method == "exit" {
            self.exit = Some(if self.state == State::ShuttingDown {
                0
            } else {
                1
            });
            return;
        }
        if self.state != State::Running {
            return;
        }
        match n.method.as_str() {
            "initialized" => self.register_watchers(),
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params) {
                    self.open(p.text_document);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                {
                    self.change(p);
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params) {
                    self.fixes.remove(p.text_document.uri.as_str());
                    if let Some(d) = self.docs.remove(p.text_document.uri.as_str())
                        && d.format.is_some()
                    {
                        self.publish(d.uri, Vec::new(), None);
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidSaveTextDocumentParams>(n.params)
                    && let Some(path) = uri::to_path(p.text_document.uri.as_str())
                    && is_config(&path)
                {
                    self.config_changed(&path);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidChangeWatchedFilesParams>(n.params)
                {
                    for c in p.changes {
                        if let Some(path) = uri::to_path(c.uri.as_str())
                            && is_config(&path)
                        {
                            self.config_changed(&path);
                        }
                    }
                }
            }
            _ => {} // $/cancelRequest, didChangeConfiguration, unknown: ignored
        }
    }

    fn register_watchers(&mut self) {
        if !self.watch_dynamically {
            return;
        }
        self.next_id += 1;
        let id = RequestId::from(format!("citelint-{}", self.next_id));
        let params = json!({"registrations": [{
            "id": "citelint-config-watch",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": {"watchers": [{"globPattern": format!("**/{}", config::FILE_NAME)}]},
        }]});
        self.out
            .push(Request::new(id, "client/registerCapability".to_string(), params).into());
    }

    fn open(&mut self, td: lsp::TextDocumentItem) {
        let path = uri::to_path(td.uri.as_str());
        let format = format_of(path.as_deref(), td.uri.as_str(), &td.language_id);
        let key = td.uri.as_str().to_string();
        self.docs.insert(
            key,
            OpenDoc {
                uri: td.uri,
                path,
                format,
                version: td.version,
                text: td.text,
                dirty: true,
                analysis: None,
                config: None,
            },
        );
    }

    fn change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let enc = self.encoding;
        // a change for a document never opened has nothing to apply to: ignored
        let Some(d) = self.docs.get_mut(p.text_document.uri.as_str()) else {
            return;
        };
        for c in &p.content_changes {
            position::apply_change(&mut d.text, c, enc);
        }
        d.version = p.text_document.version;
        d.dirty = true;
    }

    fn config_changed(&mut self, path: &Path) {
        self.fixes.clear();
        // keep `published` so a fixed config gets its diagnostics cleared
        if let Some(c) = self.configs.get_mut(path) {
            c.stamp = None;
        }
        for d in self.docs.values_mut() {
            d.dirty = true;
        }
    }

    /// The config for a file in `dir`: discovered upward (then from the workspace root),
    /// re-read when its modification time or size changed.
    fn config_for(&mut self, dir: Option<&Path>) -> (Option<PathBuf>, std::rc::Rc<Config>) {
        let found = dir
            .and_then(config::discover)
            .or_else(|| self.root.as_deref().and_then(config::discover));
        let Some(path) = found else {
            return (None, self.default_config.clone());
        };
        let now = stamp(&path);
        let fresh = self
            .configs
            .get(&path)
            .is_some_and(|c| c.stamp.is_some() && c.stamp == now);
        if !fresh {
            let (config, error) = match Config::load(&path) {
                Ok(c) => (std::rc::Rc::new(c), None),
                Err(e) => (self.default_config.clone(), Some(e)),
            };
            let published = self.configs.get(&path).is_some_and(|c| c.published);
            let mut entry = CachedConfig {
                stamp: now,
                config,
                error,
                published,
            };
            self.publish_config(&path, &mut entry);
            self.configs.insert(path.clone(), entry);
            for d in self.docs.values_mut() {
                if d.config.as_deref() == Some(&path) {
                    d.dirty = true;
                }
            }
        }
        let c = &self.configs[&path];
        (Some(path), c.config.clone())
    }

    fn publish_config(&mut self, path: &Path, entry: &mut CachedConfig) {
        let Some(u) = uri::from_path(path) else {
            return;
        };
        match &entry.error {
            Some(e) => {
                let lines = LineIndex::new(&e.text);
                let span = e.span.clone().unwrap_or(0..0);
                let range = lsp::Range::new(
                    position::position(&e.text, &lines, span.start, self.encoding),
                    position::position(&e.text, &lines, span.end, self.encoding),
                );
                let d = lsp::Diagnostic {
                    range,
                    severity: Some(lsp::DiagnosticSeverity::ERROR),
                    code: Some(lsp::NumberOrString::String("invalid-config".into())),
                    source: Some(SOURCE.into()),
                    message: format!(
                        "invalid config: {}; articles are linted with the defaults until it is fixed",
                        e.message
                    ),
                    ..Default::default()
                };
                self.publish(u, vec![d], None);
                entry.published = true;
            }
            None if entry.published => {
                self.publish(u, Vec::new(), None);
                entry.published = false;
            }
            None => {}
        }
    }

    fn publish(&mut self, uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        self.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }

    /// Lint every document changed since the last flush and publish its diagnostics.
    pub fn flush(&mut self) {
        // a config reload marks more documents dirty: go round until none is
        for _ in 0..3 {
            let dirty: Vec<String> = self
                .docs
                .iter()
                .filter(|(_, d)| d.dirty)
                .map(|(k, _)| k.clone())
                .collect();
            if dirty.is_empty() {
                return;
            }
            for k in dirty {
                self.lint(&k, true);
            }
        }
    }

    /// The settings an open document is linted with, its format, the path it is shown as, the
    /// config file that applies and the identity of the config read (it changes when the file
    /// is read again); `None` for a document citelint does not lint.
    #[allow(clippy::type_complexity)]
    fn settings_of(
        &mut self,
        key: &str,
    ) -> Option<(config::Settings, Format, String, Option<PathBuf>, usize)> {
        let d = self.docs.get(key)?;
        let format = d.format?;
        let dir = d
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let (cfg_path, cfg) = self.config_for(dir.as_deref());
        let d = self.docs.get(key)?;
        let shown = match &d.path {
            Some(p) => p.to_string_lossy().into_owned(),
            None => d.uri.as_str().rsplit('/').next().unwrap_or("").to_string(),
        };
        let mut settings = cfg.settings_for(&shown, &CliOverrides::default());
        settings.parse.read_files = d.path.is_some();
        let identity = std::rc::Rc::as_ptr(&cfg) as usize;
        Some((settings, format, shown, cfg_path, identity))
    }

    /// Re-lint one document if it changed; publish when `publish`.
    fn lint(&mut self, key: &str, publish: bool) {
        let Some(d) = self.docs.get(key) else { return };
        if !d.dirty {
            return;
        }
        if d.format.is_none() {
            if let Some(d) = self.docs.get_mut(key) {
                d.dirty = false;
            }
            return;
        }
        if d.text.len() as u64 > crate::MAX_FILE_BYTES {
            self.too_large(key, publish);
            return;
        }
        let Some((settings, format, shown, cfg_path, _)) = self.settings_of(key) else {
            return;
        };
        let Some(d) = self.docs.get_mut(key) else {
            return;
        };
        let doc = Document::parse(&shown, d.text.clone(), format, &settings.parse);
        let mut diags = crate::lint_document(&doc, &settings);
        diags.retain(|x| x.suppressed.is_none());
        d.dirty = false;
        d.config = cfg_path;
        let lsp_diags = if publish {
            let base = d.path.as_deref().and_then(Path::parent);
            let enc = self.encoding;
            diags
                .iter()
                .map(|x| to_lsp(&doc, x, &d.uri, base, enc))
                .collect()
        } else {
            Vec::new()
        };
        d.analysis = Some((doc, diags));
        if publish {
            let (u, v) = (d.uri.clone(), d.version);
            self.publish(u, lsp_diags, Some(v));
        }
    }

    /// A buffer over the size the command line reads (32 MB) is not linted, as a file of that
    /// size is not: one finding says so, and the editor stays responsive.
    fn too_large(&mut self, key: &str, publish: bool) {
        let Some(d) = self.docs.get_mut(key) else {
            return;
        };
        d.dirty = false;
        d.analysis = None;
        if !publish {
            return;
        }
        let diag = lsp::Diagnostic {
            range: lsp::Range::default(),
            severity: Some(lsp::DiagnosticSeverity::ERROR),
            code: Some(lsp::NumberOrString::String(
                crate::document::bibliography::PARSE_ERROR.into(),
            )),
            source: Some(SOURCE.into()),
            message: format!(
                "the document is larger than {} MB ({} bytes); not linted\nhelp: split the article",
                crate::MAX_FILE_BYTES >> 20,
                d.text.len()
            ),
            ..Default::default()
        };
        let (u, v) = (d.uri.clone(), d.version);
        self.publish(u, vec![diag], Some(v));
    }

    /// The analysis of an open document, brought up to date.
    fn analysis(&mut self, key: &str) -> Option<&(Document, Vec<Diagnostic>)> {
        if self.docs.get(key)?.dirty {
            self.lint(key, true);
        }
        self.docs.get(key)?.analysis.as_ref()
    }

    fn hover(&mut self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let enc = self.encoding;
        let key = p.text_document_position_params.text_document.uri.as_str();
        let (doc, _) = self.analysis(key)?;
        let at = position::offset(
            &doc.text,
            &doc.lines,
            p.text_document_position_params.position,
            enc,
        );
        let c = doc
            .citations
            .iter()
            .find(|c| c.span.start <= at && at < c.span.end)?;
        let mut md = format!("**citelint**: citation `{}`\n", &doc.text[c.span.clone()]);
        if c.targets.is_empty() {
            md.push_str("\nnames no reference\n");
        }
        let mut seen = BTreeSet::new();
        for t in &c.targets {
            if !seen.insert(t.key.clone()) {
                continue;
            }
            match t.resolved.and_then(|i| doc.references.get(i)) {
                Some(r) => {
                    let mut text = r.text.trim().to_string();
                    if text.chars().count() > 400 {
                        text = text.chars().take(400).collect::<String>() + "…";
                    }
                    let text = if text.is_empty() {
                        "(empty entry)".into()
                    } else {
                        text
                    };
                    md.push_str(&format!(
                        "\n- `{}` → reference `{}`: {}\n",
                        t.key, r.key, text
                    ));
                }
                None => md.push_str(&format!(
                    "\n- `{}` resolves to nothing: no reference `{}` in scope\n",
                    t.key, t.key
                )),
            }
        }
        let range = lsp::Range::new(
            position::position(&doc.text, &doc.lines, c.span.start, enc),
            position::position(&doc.text, &doc.lines, c.span.end, enc),
        );
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: md,
            }),
            range: Some(range),
        })
    }

    // lsp-types' `Uri` hashes by its string; clippy sees its lazily parsed parts as mutable
    #[allow(clippy::mutable_key_type)]
    fn code_actions(&mut self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let enc = self.encoding;
        let uri = p.text_document.uri.clone();
        let base = self.docs.get(uri.as_str()).and_then(|d| {
            d.path
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
        });
        let fixing = self.settings_of(uri.as_str());
        let mut cache = self.fixes.remove(uri.as_str()).unwrap_or_default();
        let Some((doc, diags)) = self.analysis(uri.as_str()) else {
            return Vec::new();
        };
        cache.for_text(&doc.text, fixing.as_ref().map_or(0, |f| f.4));
        let want = |k: &lsp::CodeActionKind| {
            k == &lsp::CodeActionKind::QUICKFIX || k.as_str() == "quickfix" || k.as_str().is_empty()
        };
        let fix_all_kind = |k: &lsp::CodeActionKind| {
            k.as_str() == "source" || k.as_str().starts_with("source.fixAll")
        };
        let (quick, fix_all_only) = match &p.context.only {
            Some(only) => (only.iter().any(want), only.iter().any(fix_all_kind)),
            None => (true, false),
        };
        if !quick && !fix_all_only {
            return Vec::new();
        }
        let first = p.range.start.line as usize;
        let last = p.range.end.line as usize;
        let eol = if doc.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let mut done = BTreeSet::new();
        let mut out = Vec::new();
        for d in diags {
            let line = doc.lines.line_of(d.span.start);
            let end_line = doc.lines.line_of(d.span.end.max(d.span.start + 1) - 1);
            if !quick || end_line < first || line > last || !done.insert((d.rule, line)) {
                continue;
            }
            if let Some((settings, format, shown, _, _)) = &fixing
                && let Some(action) =
                    quick_fix(doc, d, settings, *format, shown, &uri, enc, &mut cache)
            {
                let mut action = action;
                action.diagnostics = Some(vec![to_lsp(doc, d, &uri, base.as_deref(), enc)]);
                out.push(lsp::CodeActionOrCommand::CodeAction(action));
            }
            let start = doc.lines.line_start(line);
            let indent: String = doc.text[start..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let at = lsp::Position::new(line as u32, 0);
            let edit = lsp::TextEdit {
                range: lsp::Range::new(at, at),
                new_text: format!(
                    "{indent}<!-- citelint-disable-next-line {} -- reason: -->{eol}",
                    d.rule
                ),
            };
            let mut changes = HashMap::new();
            changes.insert(uri.clone(), vec![edit]);
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("Disable {} for this line", d.rule),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(doc, d, &uri, base.as_deref(), enc)]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }),
                ..Default::default()
            }));
        }
        // "Fix all": every safe fix of the document, when there is one
        if let Some((settings, format, shown, _, _)) = &fixing
            && diags.iter().any(|d| {
                crate::fix::fixability(d.rule).is_some_and(|f| f.0 == crate::fix::Safety::Safe)
            })
        {
            let fixed = cache.get(("", 0, 0), &doc.text, || {
                crate::fix::fix_text(shown, &doc.text, *format, settings, Default::default()).text
            });
            if let Some(fixed) = fixed {
                let kind = if fix_all_only && !quick {
                    lsp::CodeActionKind::SOURCE_FIX_ALL
                } else {
                    lsp::CodeActionKind::QUICKFIX
                };
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: "Fix all citelint problems".into(),
                    kind: Some(kind),
                    edit: Some(workspace_edit(&uri, doc, &fixed, enc)),
                    ..Default::default()
                }));
            }
        }
        self.fixes.insert(uri.as_str().to_string(), cache);
        out
    }
}

/// Fixed texts computed for one text of a document: by rule and finding span (a quick fix),
/// or `("", 0, 0)` for "fix all"; `None` when the fix changes nothing.
#[derive(Default)]
struct FixCache {
    text: u64,
    fixed: HashMap<(&'static str, usize, usize), Option<String>>,
}

impl FixCache {
    /// Forget what was computed for another text, or with another config.
    fn for_text(&mut self, text: &str, config: usize) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        config.hash(&mut h);
        let h = h.finish();
        if h != self.text {
            self.text = h;
            self.fixed.clear();
        }
    }

    /// The fixed text for `key`, computed once: `None` when it equals `text`.
    fn get(
        &mut self,
        key: (&'static str, usize, usize),
        text: &str,
        fix: impl FnOnce() -> String,
    ) -> Option<String> {
        self.fixed
            .entry(key)
            .or_insert_with(|| Some(fix()).filter(|new| new != text))
            .clone()
    }
}

/// The quick fix of one finding, when its rule has a fix that changes the text.
#[allow(clippy::too_many_arguments)]
fn quick_fix(
    doc: &Document,
    d: &Diagnostic,
    settings: &config::Settings,
    format: Format,
    shown: &str,
    uri: &lsp::Uri,
    enc: Encoding,
    cache: &mut FixCache,
) -> Option<lsp::CodeAction> {
    let (safety, _) = crate::fix::fixability(d.rule)?;
    let opts = crate::fix::FixOptions {
        unsafe_fixes: safety == crate::fix::Safety::Unsafe,
    };
    let fixed = cache.get((d.rule, d.span.start, d.span.end), &doc.text, || {
        crate::fix::fix_one(
            shown,
            &doc.text,
            format,
            settings,
            opts,
            d.rule,
            d.span.clone(),
        )
        .text
    })?;
    let what = match d.rule {
        "citation-order" => "renumber the citations in order of first appearance",
        "duplicate-reference" => "merge the duplicate entries",
        "malformed-citation" => "mend the marker",
        _ => "remove the unused entry (unsafe)",
    };
    Some(lsp::CodeAction {
        title: format!("Fix {}: {what}", d.rule),
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        is_preferred: Some(safety == crate::fix::Safety::Safe),
        edit: Some(workspace_edit(uri, doc, &fixed, enc)),
        ..Default::default()
    })
}

/// The edit that turns the document's text into `new`: one replacement of the part that
/// differs.
// lsp-types' `Uri` hashes by its string; clippy sees its lazily parsed parts as mutable
#[allow(clippy::mutable_key_type)]
fn workspace_edit(uri: &lsp::Uri, doc: &Document, new: &str, enc: Encoding) -> lsp::WorkspaceEdit {
    let old = doc.text.as_str();
    let mut pre = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(pre) || !new.is_char_boundary(pre) {
        pre -= 1;
    }
    let room = old.len().min(new.len()) - pre;
    let mut suf = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suf) || !new.is_char_boundary(new.len() - suf) {
        suf -= 1;
    }
    let range = lsp::Range::new(
        position::position(old, &doc.lines, pre, enc),
        position::position(old, &doc.lines, old.len() - suf, enc),
    );
    let edit = lsp::TextEdit {
        range,
        new_text: new[pre..new.len() - suf].to_string(),
    };
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), vec![edit]);
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// A citelint finding as an LSP diagnostic.
pub fn to_lsp(
    doc: &Document,
    d: &Diagnostic,
    doc_uri: &lsp::Uri,
    base: Option<&Path>,
    enc: Encoding,
) -> lsp::Diagnostic {
    let range = |text: &str, lines: &LineIndex, span: &std::ops::Range<usize>| {
        lsp::Range::new(
            position::position(text, lines, span.start, enc),
            position::position(text, lines, span.end, enc),
        )
    };
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|l| {
            let location = match &l.path {
                None => lsp::Location::new(doc_uri.clone(), range(&doc.text, &doc.lines, &l.span)),
                Some(p) => {
                    let p = Path::new(p);
                    let p = match base {
                        Some(b) if p.is_relative() && !p.exists() => b.join(p),
                        _ => p.to_path_buf(),
                    };
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    let lines = LineIndex::new(&text);
                    lsp::Location::new(uri::from_path(&p)?, range(&text, &lines, &l.span))
                }
            };
            Some(lsp::DiagnosticRelatedInformation {
                location,
                message: l.message.clone(),
            })
        })
        .collect();
    let message = match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    lsp::Diagnostic {
        range: range(&doc.text, &doc.lines, &d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        code_description: lsp::Uri::from_str(&format!("{RULE_DOCS_URL}{}", d.rule))
            .ok()
            .map(|href| lsp::CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// Run the server loop over channels until `exit` or the input closes; returns the exit code.
pub fn serve(receiver: &Receiver<Message>, sender: &Sender<Message>) -> i32 {
    let mut server = Server::new();
    loop {
        let Ok(first) = receiver.recv() else {
            // input closed without `exit`
            return if server.state == State::ShuttingDown {
                0
            } else {
                1
            };
        };
        server.handle(first);
        while server.exit.is_none()
            && let Ok(m) = receiver.try_recv()
        {
            server.handle(m);
        }
        if server.exit.is_none() {
            server.flush();
        }
        for m in server.take_output() {
            if sender.send(m).is_err() {
                return 1;
            }
        }
        if let Some(code) = server.exit {
            return code;
        }
    }
}
