//! The command line (a contract: scripts and CI use it).

use crate::checks;
use crate::config::{CliOverrides, Config, ConfigError};
use crate::diagnostic::{FileReport, Severity};
use crate::document::Format;
use crate::render;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "citelint",
    version,
    about = "Claim–citation consistency for health and science articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// parsed once per run: the size of the `check` variant costs nothing
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint articles (Markdown, text, HTML) under PATHs (default: .)
    Check(CheckArgs),
    /// List the rules
    Rules,
    /// Print a rule's documentation
    Rule { id: String },
    /// Run the language server over stdio (for editors)
    Server,
    /// Fit the uncited-claim model on a folder of well-cited articles
    Train(crate::train::TrainArgs),
    /// Write a commented citelint.toml for a profile into the working directory (never
    /// overwrites one)
    Init {
        /// Profile: medical (default) or general
        #[arg(long, default_value = crate::profile::DEFAULT_PROFILE)]
        profile: String,
    },
    /// Print the JSON Schema of citelint.toml (for editors; also in citelint.schema.json)
    Schema,
    /// Print a shell completion script (e.g. `citelint completions bash > ~/.local/share/bash-completion/completions/citelint`)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    /// SARIF 2.1.0 (code scanning)
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// JUnit XML
    Junit,
    /// One JSON diagnostic object per line
    JsonLines,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

/// `--shard I/N`: shard `index` (1-based) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether the file shown as `path` belongs to this shard. The partition hashes the path
    /// (FNV-1a, `\\` read as `/`), so a file stays in its shard when others are added or
    /// removed, and the same on every platform.
    pub fn holds(&self, path: &str) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in path.bytes() {
            let b = if b == b'\\' { b'/' } else { b };
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h % self.count == self.index - 1
    }
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("`{s}` is not a shard: write I/N with 1 <= I <= N, e.g. 2/4");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let index: u64 = i.trim().parse().map_err(|_| bad())?;
    let count: u64 = n.trim().parse().map_err(|_| bad())?;
    if count == 0 || index == 0 || index > count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to lint
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Run only these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Skip these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Profile: medical (default) or general
    #[arg(long)]
    pub profile: Option<String>,
    /// Config file (default: citelint.toml found upward from the working directory)
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The date review staleness is judged against (YYYY-MM-DD; default: today)
    #[arg(long)]
    pub today: Option<String>,
    /// Colour in human output
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Do not honour .gitignore and other ignore files when walking folders
    #[arg(long)]
    pub no_ignore: bool,
    /// Lowest severity that makes the run fail (exit 1)
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Exit 0 even when there are findings (a run that fails still exits 2)
    #[arg(long)]
    pub exit_zero: bool,
    /// Report only findings on lines added or changed since this git ref (e.g. origin/main)
    #[arg(long, value_name = "REF")]
    pub diff: Option<String>,
    /// Report only findings not recorded in this baseline file
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and exit 0)
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Lint only shard I of N (1-based): a stable partition of the files by path, so that N CI
    /// jobs cover every file exactly once
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Lint standard input (`-`) as if it were the file PATH: its extension picks the format,
    /// its folder finds the config, findings carry PATH
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Write the report to FILE instead of standard output
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub output_file: Option<PathBuf>,
    /// Print a count of findings per rule instead of the findings (human or json format)
    #[arg(long, conflicts_with = "write_baseline")]
    pub statistics: bool,
    /// Apply safe fixes (renumber citations, merge duplicate entries, mend ranges), then
    /// report the findings that remain
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix: print the fixes as a unified diff and write nothing
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// With --fix: also apply unsafe fixes (remove uncited reference entries)
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Rules => {
            let mut out = String::new();
            for r in checks::RULES {
                out.push_str(&format!("{:<24} {:<10} {}\n", r.id, r.family, r.summary));
            }
            crate::run::print(&out)
        }
        Command::Rule { id } => match checks::find(&id) {
            Some(r) => crate::run::print(&format!("{}\n\n{}\n", r.doc(), fix_line(r.id))),
            None => {
                eprintln!("error: unknown rule `{id}`; `citelint rules` lists them");
                2
            }
        },
        Command::Check(args) => check(args),
        Command::Server => crate::server::run_stdio(),
        Command::Train(args) => crate::train::run(&args),
        Command::Init { profile } => init(&profile),
        Command::Schema => crate::run::print(&crate::schema::schema_text()),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "citelint", &mut out);
            crate::run::print(&String::from_utf8_lossy(&out))
        }
    }
}

fn unknown_profile(p: &str) -> i32 {
    eprintln!(
        "error: unknown profile `{p}`; the profiles are: {}",
        crate::profile::builtin()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    );
    2
}

/// `citelint init`: write `citelint.toml` here, unless one exists.
fn init(profile: &str) -> i32 {
    let Some(p) = crate::profile::get(profile) else {
        return unknown_profile(profile);
    };
    let path = Path::new(crate::config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let written = match file {
        Ok(mut f) => f.write_all(crate::schema::init_text(p).as_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; citelint init never overwrites a config (edit it, or remove it first)",
                crate::config::FILE_NAME
            );
            return 2;
        }
        Err(e) => Err(e),
    };
    match written {
        Ok(()) => {
            eprintln!(
                "wrote {} (profile {}): `citelint check` uses it in this folder and below",
                crate::config::FILE_NAME,
                p.name
            );
            0
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", crate::config::FILE_NAME);
            2
        }
    }
}

/// What `citelint rule ID` says about a rule's fix.
fn fix_line(id: &str) -> String {
    match crate::fix::fixability(id) {
        Some((crate::fix::Safety::Safe, what)) => {
            format!("**Fix (safe, applied by `--fix`):** {what}.")
        }
        Some((crate::fix::Safety::Unsafe, what)) => {
            format!("**Fix (unsafe, applied by `--fix --unsafe-fixes`):** {what}.")
        }
        None => "**Fix:** none; `--fix` leaves its findings to you.".to_string(),
    }
}

fn report_config_error(e: &ConfigError) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let out = render::human::render_error_at(
        &e.path,
        &e.text,
        &format!("invalid config: {}", e.message),
        e.span.clone(),
        color,
    );
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// What a run's start-up compiles.
struct Warm {
    claims: bool,
    evidence: bool,
    /// the evidence lexicon's word tables too
    evidence_tables: bool,
    assistant: bool,
    metadata: bool,
    any_file: bool,
}

impl Warm {
    /// Compile the claims and assistant lexicons on one thread, the rest on the other.
    fn run(&self, config: &Config) {
        if !self.any_file {
            return;
        }
        rayon::join(
            || {
                if self.claims {
                    // the run's own lexicon: the built-in one, or the rule packs' merge
                    config.lexicons.claims();
                }
                if self.assistant {
                    config.lexicons.assistant();
                }
            },
            || {
                if self.evidence {
                    let lexicon = config.lexicons.evidence();
                    // with its word tables, which the first sentence that denies something
                    // reads (this thread is idle while the first file is parsed), unless
                    // the run is one short file
                    if self.evidence_tables {
                        let _ = &lexicon.weights;
                    }
                }
                // the document layer's patterns (citations, dates, labels, identifiers) are
                // compiled when a file's text first needs one, so a file without that syntax
                // never pays for them
                if self.metadata {
                    crate::document::metadata::warm();
                }
            },
        );
    }
}

/// Standard input to lint, as the file `shown`.
struct StdinInput {
    shown: String,
    format: Format,
    /// where its config is looked for
    folder: PathBuf,
}

/// Whether this run reads standard input: `-` as the only path, or `--stdin-filename` with no
/// path. `Err`: a combination that cannot mean anything.
fn stdin_input(args: &CheckArgs) -> Result<Option<StdinInput>, String> {
    let dash = args.paths.iter().any(|p| p.as_os_str() == "-");
    if dash && args.paths.len() > 1 {
        return Err("`-` (standard input) cannot be combined with other paths".into());
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match &args.stdin_filename {
        Some(_) if !dash && !args.paths.is_empty() => Err(
            "--stdin-filename names standard input; give `-` as the only path (or no path)".into(),
        ),
        Some(name) => {
            let format = match Format::from_path(name) {
                Some(f) => f,
                None => {
                    eprintln!(
                        "note: `{}` is not a Markdown, text or HTML file name; reading standard input as Markdown",
                        name.display()
                    );
                    Format::Markdown
                }
            };
            let folder = cwd
                .join(name)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or(cwd);
            Ok(Some(StdinInput {
                shown: crate::walk::display(name),
                format,
                folder,
            }))
        }
        None if dash => {
            eprintln!(
                "note: reading standard input as Markdown; --stdin-filename PATH names it (its extension picks the format)"
            );
            Ok(Some(StdinInput {
                shown: "-".into(),
                format: Format::Markdown,
                folder: cwd,
            }))
        }
        None => Ok(None),
    }
}

/// Open the `--output-file`; `Err` is the message to report.
fn open_output(path: &Path) -> Result<std::fs::File, String> {
    if let Some(folder) = path.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(format!(
            "cannot write the report to {}: the folder {} does not exist",
            path.display(),
            folder.display()
        ));
    }
    std::fs::File::create(path)
        .map_err(|e| format!("cannot write the report to {}: {e}", path.display()))
}

/// The fixes of a `--fix` run, gathered from every thread.
#[derive(Default)]
struct FixRun {
    fixes: std::sync::atomic::AtomicUsize,
    files: std::sync::atomic::AtomicUsize,
    failed: std::sync::atomic::AtomicBool,
    diffs: std::sync::Mutex<Vec<(usize, String)>>,
}

impl FixRun {
    /// Say what was fixed in file `i` and what was not; its report of what remains.
    fn record(
        &self,
        i: usize,
        shown: &str,
        f: crate::fix::file::FileFix,
        dry_run: bool,
    ) -> FileReport {
        use std::sync::atomic::Ordering::Relaxed;
        for w in &f.warnings {
            eprintln!("warning: {shown}: {w}");
        }
        if let Some(e) = &f.error {
            eprintln!("error: {shown}: {e}");
            self.failed.store(true, Relaxed);
        }
        let n: usize = f.fixed.values().sum();
        if n > 0 || f.diff.is_some() {
            self.fixes.fetch_add(n, Relaxed);
            self.files.fetch_add(1, Relaxed);
            let what = f
                .fixed
                .iter()
                .map(|(rule, k)| format!("{k} {rule}"))
                .collect::<Vec<_>>()
                .join(", ");
            let verb = if dry_run { "would fix" } else { "fixed" };
            eprintln!("{verb} {shown}: {what}");
        }
        if let Some(d) = f.diff
            && let Ok(mut v) = self.diffs.lock()
        {
            v.push((i, d));
        }
        f.report
    }

    /// Print the diffs (a dry run) and the summary; 2 when a fixed file could not be written.
    fn finish(&self, dry_run: bool) -> i32 {
        use std::sync::atomic::Ordering::Relaxed;
        let mut diffs = match self.diffs.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(_) => Vec::new(),
        };
        diffs.sort_by_key(|d| d.0);
        let text: String = diffs.into_iter().map(|d| d.1).collect();
        let mut code = if text.is_empty() {
            0
        } else {
            crate::run::print(&text)
        };
        let (n, files) = (self.fixes.load(Relaxed), self.files.load(Relaxed));
        let s = |k: usize| if k == 1 { "" } else { "s" };
        eprintln!(
            "{} {n} finding{} in {files} file{}",
            if dry_run { "would fix" } else { "fixed" },
            s(n),
            s(files)
        );
        if self.failed.load(Relaxed) {
            code = 2;
        }
        code
    }
}

fn check(args: CheckArgs) -> i32 {
    let stdin = match stdin_input(&args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    if stdin.is_some() && args.fix {
        eprintln!("error: --fix rewrites files; it does not read standard input");
        return 2;
    }
    if args.statistics && !matches!(args.format, OutputFormat::Human | OutputFormat::Json) {
        eprintln!("error: --statistics prints a table (--format human) or JSON (--format json)");
        return 2;
    }
    let config = match &args.config {
        Some(p) => Config::load(p),
        None => match stdin
            .as_ref()
            .map(|s| Some(s.folder.clone()))
            .unwrap_or_else(|| std::env::current_dir().ok())
            .and_then(|d| crate::config::discover(&d))
        {
            Some(p) => Config::load(&p),
            None => Ok(Config::default()),
        },
    };
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            report_config_error(&e);
            return 2;
        }
    };
    let today = match &args.today {
        Some(t) => match t.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                eprintln!("error: --today takes a date as YYYY-MM-DD, not `{t}`");
                return 2;
            }
        },
        None => None,
    };
    for id in args.select.iter().flatten().chain(args.ignore.iter()) {
        if checks::find(id).is_none() {
            eprintln!("error: unknown rule `{id}`; `citelint rules` lists them");
            return 2;
        }
    }
    if let Some(p) = &args.profile
        && crate::profile::get(p).is_none()
    {
        return unknown_profile(p);
    }
    let known = match &args.baseline {
        Some(p) => match crate::baseline::read(p) {
            Ok(k) => Some(k),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        None => None,
    };
    let git_diff = match &args.diff {
        Some(reference) => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match crate::git_diff::GitDiff::open(&cwd, reference) {
                Ok(g) => Some(g),
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            }
        }
        None => None,
    };
    let cli = CliOverrides {
        profile: args.profile.clone(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        today,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut failed_run = false;
    // in the order of the report: by the path as shown
    let mut files: Vec<(String, PathBuf)> = match &stdin {
        Some(s) => vec![(s.shown.clone(), PathBuf::from(&s.shown))],
        None => {
            let walked = crate::walk::walk(&paths, &config.extensions(), args.no_ignore);
            failed_run = !walked.errors.is_empty();
            for s in &walked.skipped {
                eprintln!(
                    "note: skipping {}: not an article extension ({})",
                    s.display(),
                    config.extensions().join(", ")
                );
            }
            for e in &walked.errors {
                eprintln!("error: {e}");
            }
            walked
                .files
                .iter()
                .map(|p| (crate::walk::display(p), p.clone()))
                .collect()
        }
    };
    if let Some(shard) = args.shard {
        files.retain(|(shown, _)| shard.holds(shown));
    }
    files.sort();
    // Compiling the lexicons is most of a short run: the run's patterns are compiled on
    // both threads at once, beside the reading and parsing of the first files (a rule that
    // meets a lexicon still compiling waits for it).
    let first = files.first().map(|(s, _)| config.settings_for(s, &cli));
    let rules = first
        .iter()
        .flat_map(|s| s.rules.iter().map(|(r, _, _)| r.reads));
    let lexicon = |l: checks::Lexicon| rules.clone().any(|r| r.lexicons.contains(&l));
    let warm = Warm {
        claims: lexicon(checks::Lexicon::Claims),
        evidence: lexicon(checks::Lexicon::Evidence),
        // (a short file seldom denies anything: building them would only delay its end)
        evidence_tables: files.len() > 1
            || files
                .first()
                .is_none_or(|(_, p)| std::fs::metadata(p).map_or(true, |m| m.len() >= 16 << 10)),
        assistant: lexicon(checks::Lexicon::Assistant),
        metadata: rules.clone().any(|r| r.metadata),
        any_file: first.is_some(),
    };
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let changes = match &git_diff {
        Some(g) => {
            let shown: Vec<&str> = files.iter().map(|(s, _)| s.as_str()).collect();
            match g.changes(&shown) {
                Ok(c) => Some(c),
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            }
        }
        None => None,
    };
    let hidden = std::sync::atomic::AtomicUsize::new(0);
    let fixing = FixRun::default();
    let fix_opts = crate::fix::FixOptions {
        unsafe_fixes: args.unsafe_fixes,
    };
    // read, lint and filter one file (fixing it first under --fix)
    let lint = |i: usize| -> Result<FileReport, String> {
        let (shown, p) = &files[i];
        let format = match &stdin {
            Some(s) => s.format,
            None => Format::from_path(p).unwrap_or(Format::Text),
        };
        let settings = config.settings_for(shown, &cli);
        let mut r = match &stdin {
            Some(_) => crate::lint_reader(std::io::stdin().lock(), shown, format, &settings)
                .map_err(|e| format!("standard input ({e})"))?,
            None if args.fix => {
                let f = crate::fix::file::fix_file(
                    p,
                    shown,
                    format,
                    &settings,
                    fix_opts,
                    args.dry_run,
                )?;
                fixing.record(i, shown, f, args.dry_run)
            }
            None => crate::lint_file(p, shown, format, &settings)?,
        };
        if let Some(c) = &changes {
            crate::git_diff::filter_report(c, &mut r);
        }
        if let Some(known) = &known {
            let n = crate::baseline::filter(std::slice::from_mut(&mut r), known);
            hidden.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(r)
    };
    let report_hidden = |format: OutputFormat| {
        let n = hidden.load(std::sync::atomic::Ordering::Relaxed);
        if n > 0 && format == OutputFormat::Human {
            eprintln!(
                "{n} finding{} already in the baseline not shown",
                if n == 1 { "" } else { "s" }
            );
        }
    };

    let Some(path) = args.write_baseline.as_deref() else {
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                args.output_file.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        };
        let renderer: &dyn render::Renderer = match (args.statistics, args.format) {
            (true, f) => &render::statistics::Statistics {
                json: f == OutputFormat::Json,
            },
            (false, OutputFormat::Human) => &render::human::Human { color },
            (false, OutputFormat::Json) => &render::json::Json,
            (false, OutputFormat::JsonLines) => &render::json_lines::JsonLines,
            (false, OutputFormat::Github) => &render::github::Github,
            (false, OutputFormat::Sarif) => &render::sarif::Sarif,
            (false, OutputFormat::Junit) => &render::junit::Junit,
        };
        let out: Box<dyn Write + Send> = match (&args.output_file, args.dry_run) {
            (Some(p), _) => match open_output(p) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            },
            // a dry run prints the diff alone on standard output
            (None, true) => Box::new(std::io::sink()),
            (None, false) => Box::new(std::io::stdout()),
        };
        let out = std::io::BufWriter::with_capacity(1 << 16, out);
        // the lexicons compile while the first files are read and parsed (which need none
        // of them); a rule that meets one still compiling waits for it
        let (_, streamed) = rayon::join(
            || warm.run(&config),
            || crate::run::stream(files.len(), lint, renderer, threshold, out),
        );
        let outcome = match streamed {
            Ok(o) => o,
            Err(e) => return crate::run::write_error(&e),
        };
        report_hidden(args.format);
        if args.fix && fixing.finish(args.dry_run) != 0 {
            failed_run = true;
        }
        if failed_run || outcome.failed_files > 0 {
            return 2;
        }
        return if outcome.failing && !args.exit_zero {
            1
        } else {
            0
        };
    };

    warm.run(&config);
    let results: Vec<Result<FileReport, String>> =
        (0..files.len()).into_par_iter().map(lint).collect();
    let mut reports = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("error: cannot read {e}");
                failed_run = true;
            }
        }
    }
    report_hidden(args.format);
    match crate::baseline::write(path, &reports) {
        Ok(n) => {
            eprintln!(
                "wrote {n} finding{} to the baseline {}",
                if n == 1 { "" } else { "s" },
                path.display()
            );
            if failed_run { 2 } else { 0 }
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}
