//! `citelint train`: fit the cite-worthiness model of `uncited-claim` on a folder of
//! well-cited articles. Each sentence the rule judges is an example; it is positive when it
//! carries a citation of its own. Sentences that carry none but that a citation in their
//! scope covers (a study's results after the cited study) are left out: whether their
//! writer thought them sourced is unknown.
//!
//! The fit is a logistic regression with L2 regularisation, minimised over all the examples
//! at once (limited-memory BFGS) to the one optimum of its convex loss: the same articles
//! always give the same file, and a few sentences more or less move the weights a little,
//! not (as a stochastic fit's shuffle would) all of them.
//! Features seen in fewer than `--min-count` sentences are not kept. Unless `--threshold`
//! is given, the threshold is chosen by holding out one file in five (in path order): the probability that maximises F0.5 there (precision counts twice as much as
//! recall), after which the model is fitted again on every file.

use std::path::PathBuf;

use rustc_hash::FxHashMap;

use crate::checks::claims::model::{self as claims_model, Model};
use crate::checks::claims::uncited_claim;
use crate::config::{CliOverrides, Config};
use crate::document::{Document, Format};

#[derive(clap::Args, Debug, Clone)]
pub struct TrainArgs {
    /// Folders or files of well-cited articles (Markdown, text, HTML)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Where to write the model (`-` for standard output)
    #[arg(long, short)]
    pub output: PathBuf,
    /// Report sentences at or above this probability (default: chosen on held-out files)
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Keep only features seen in at least this many sentences
    #[arg(long, default_value_t = 3)]
    pub min_count: usize,
    /// Keep only features seen in at least this share of the files (0 to 1): words of a
    /// few articles' topics say nothing about citing in general
    #[arg(long, default_value_t = 0.3)]
    pub min_files: f32,
    /// Most steps of the optimiser (it stops earlier once the loss no longer falls)
    #[arg(long, default_value_t = 500)]
    pub max_iterations: usize,
    /// L2 regularisation strength (on the mean loss per sentence)
    #[arg(long, default_value_t = 1e-4)]
    pub l2: f32,
}

/// One example: its feature ids and whether an editor cited it.
struct Example {
    features: Vec<u32>,
    positive: bool,
    file: usize,
}

/// The examples of every article under `paths`, with the feature names.
fn collect(
    paths: &[PathBuf],
    min_count: usize,
    min_files: f32,
) -> Result<(Vec<Example>, Vec<String>, usize), String> {
    let config = Config::default();
    let walked = crate::walk::walk(paths, &config.extensions(), false);
    if let Some(e) = walked.errors.first() {
        return Err(e.clone());
    }
    let mut files = walked.files;
    files.sort();
    if files.is_empty() {
        return Err("no articles found under the given paths".into());
    }
    // (features, cited, file index)
    type Raw = (Vec<String>, bool, usize);
    let mut raw: Vec<Raw> = Vec::new();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    let mut in_files: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    for (fi, path) in files.iter().enumerate() {
        let shown = crate::walk::display(path);
        let Some(format) = Format::from_path(path) else {
            continue;
        };
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let settings = config.settings_for(&shown, &CliOverrides::default());
        let doc = Document::parse(&shown, text, format, &settings.parse);
        let lexicons = settings.lexicons;
        for j in uncited_claim::judged(&doc, &lexicons, false) {
            if j.covered && !j.cited {
                continue;
            }
            let sentence = j.claim(&doc);
            let mut names: Vec<String> = Vec::new();
            claims_model::features(sentence, j.shape, |n, _| names.push(n.to_string()));
            names.sort();
            names.dedup();
            for n in &names {
                *counts.entry(n.clone()).or_default() += 1;
                let f = in_files.entry(n.clone()).or_insert((usize::MAX, 0));
                if f.0 != fi {
                    *f = (fi, f.1 + 1);
                }
            }
            raw.push((names, j.cited, fi));
        }
    }
    let need_files = (min_files * files.len() as f32).ceil() as usize;
    let mut vocab: Vec<String> = counts
        .into_iter()
        .filter(|(n, c)| *c >= min_count && in_files[n].1 >= need_files)
        .map(|(n, _)| n)
        .collect();
    vocab.sort();
    let ids: FxHashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let examples = raw
        .into_iter()
        .map(|(names, positive, file)| Example {
            features: names
                .iter()
                .filter_map(|n| ids.get(n.as_str()).copied())
                .collect(),
            positive,
            file,
        })
        .collect();
    Ok((examples, vocab, files.len()))
}

/// Fits weights (one per vocabulary entry) and a bias on the examples `use_it` admits:
/// the minimum of the mean log-loss plus `l2 / 2` times the squared weights (the bias is
/// not penalised), found by limited-memory BFGS with a backtracking line search.
fn fit(
    examples: &[Example],
    dims: usize,
    max_iterations: usize,
    l2: f32,
    use_it: impl Fn(&Example) -> bool,
) -> (Vec<f32>, f32) {
    let used: Vec<&Example> = examples.iter().filter(|e| use_it(e)).collect();
    let n = used.len().max(1) as f64;
    let l2 = f64::from(l2);
    // x = weights then bias; returns the loss and writes its gradient
    let loss = |x: &[f64], g: &mut [f64]| -> f64 {
        g.iter_mut().for_each(|v| *v = 0.0);
        let (w, b) = x.split_at(dims);
        let mut total = 0.0;
        for e in &used {
            let z = b[0] + e.features.iter().map(|&f| w[f as usize]).sum::<f64>();
            let y = if e.positive { 1.0 } else { 0.0 };
            // log(1 + e^z) - y z, computed without overflow
            total += z.max(0.0) + (-z.abs()).exp().ln_1p() - y * z;
            let d = 1.0 / (1.0 + (-z).exp()) - y;
            for &f in &e.features {
                g[f as usize] += d;
            }
            g[dims] += d;
        }
        let mut penalty = 0.0;
        for (gi, &wi) in g[..dims].iter_mut().zip(w) {
            *gi = *gi / n + l2 * wi;
            penalty += wi * wi;
        }
        g[dims] /= n;
        total / n + 0.5 * l2 * penalty
    };
    let x = lbfgs(loss, vec![0.0; dims + 1], max_iterations);
    let w = x[..dims].iter().map(|&v| v as f32).collect();
    (w, x[dims] as f32)
}

/// Minimises a smooth convex function from `x`: limited-memory BFGS (the last ten steps)
/// with a backtracking (Armijo) line search. Stops after `max_iterations` steps, or once a
/// step lowers the value by less than one part in 10^10.
fn lbfgs(
    f: impl Fn(&[f64], &mut [f64]) -> f64,
    mut x: Vec<f64>,
    max_iterations: usize,
) -> Vec<f64> {
    const MEMORY: usize = 10;
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p * q).sum::<f64>();
    let dims = x.len();
    let mut g = vec![0.0; dims];
    let mut fx = f(&x, &mut g);
    // (s = step taken, y = change of gradient, 1 / y·s)
    let mut history: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> =
        std::collections::VecDeque::new();
    let (mut x_new, mut g_new) = (vec![0.0; dims], vec![0.0; dims]);
    for _ in 0..max_iterations {
        // the search direction by the two-loop recursion
        let mut d: Vec<f64> = g.iter().map(|v| -v).collect();
        let mut alphas = Vec::with_capacity(history.len());
        for (s, y, rho) in history.iter().rev() {
            let a = rho * dot(s, &d);
            d.iter_mut().zip(y).for_each(|(di, yi)| *di -= a * yi);
            alphas.push(a);
        }
        let scale = history
            .back()
            .map_or(1.0 / dot(&g, &g).sqrt().max(1e-12), |(s, y, _)| {
                dot(s, y) / dot(y, y)
            });
        d.iter_mut().for_each(|di| *di *= scale);
        for ((s, y, rho), a) in history.iter().zip(alphas.iter().rev()) {
            let b = rho * dot(y, &d);
            d.iter_mut().zip(s).for_each(|(di, si)| *di += (a - b) * si);
        }
        let slope = dot(&g, &d);
        if slope >= 0.0 {
            break;
        }
        // backtrack until the value falls enough
        let mut step = 1.0;
        let mut fx_new;
        loop {
            x_new
                .iter_mut()
                .zip(&x)
                .zip(&d)
                .for_each(|((xn, xi), di)| *xn = xi + step * di);
            fx_new = f(&x_new, &mut g_new);
            if fx_new <= fx + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        // no step lowers the value any more (rounding): keep the point reached
        if fx_new > fx {
            break;
        }
        let s: Vec<f64> = x_new.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        let done = fx - fx_new <= 1e-10 * fx.abs().max(1.0);
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut g, &mut g_new);
        fx = fx_new;
        if done {
            break;
        }
        if sy > 1e-12 {
            if history.len() == MEMORY {
                history.pop_front();
            }
            history.push_back((s, y, 1.0 / sy));
        }
    }
    x
}

fn probability(e: &Example, w: &[f32], b: f32) -> f32 {
    claims_model::sigmoid(b + e.features.iter().map(|&f| w[f as usize]).sum::<f32>())
}

/// The probability threshold that maximises F0.5 over (probability, label) pairs: halfway
/// between the lowest probability that is still reported and the next one below it, so that
/// new sentences a little short of the training data's are still judged the same way.
fn best_threshold(mut scored: Vec<(f32, bool)>) -> f32 {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = scored.iter().filter(|s| s.1).count() as f32;
    let (mut tp, mut fp) = (0f32, 0f32);
    let (mut best, mut at) = (-1f32, 0usize);
    for (i, &(_, y)) in scored.iter().enumerate() {
        if y {
            tp += 1.0
        } else {
            fp += 1.0
        }
        let precision = tp / (tp + fp);
        let recall = if positives > 0.0 { tp / positives } else { 0.0 };
        let f = if precision + recall > 0.0 {
            1.25 * precision * recall / (0.25 * precision + recall)
        } else {
            0.0
        };
        if f > best {
            best = f;
            at = i;
        }
    }
    match scored.get(at + 1) {
        Some(next) => 0.5 * (scored[at].0 + next.0),
        None => scored.get(at).map_or(0.5, |s| s.0),
    }
}

/// One file in five, by position in path order, is held out to choose the threshold.
fn held_out(path_index: usize) -> bool {
    path_index.is_multiple_of(5)
}

/// Runs `citelint train`. Exit code: 0 written, 2 failed (message on stderr).
pub fn run(args: &TrainArgs) -> i32 {
    match train(args) {
        Ok(msg) => {
            eprintln!("{msg}");
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn train(args: &TrainArgs) -> Result<String, String> {
    if let Some(t) = args.threshold
        && !(0.0..=1.0).contains(&t)
    {
        return Err(format!("--threshold {t} is not a probability (0 to 1)"));
    }
    let (examples, vocab, files) = collect(&args.paths, args.min_count.max(1), args.min_files)?;
    let positives = examples.iter().filter(|e| e.positive).count();
    if positives == 0 || positives == examples.len() {
        return Err(format!(
            "{} sentences in {files} files, {positives} of them cited: training needs both cited and uncited sentences",
            examples.len()
        ));
    }
    let threshold = match args.threshold {
        Some(t) => t,
        None => {
            let (w, b) = fit(&examples, vocab.len(), args.max_iterations, args.l2, |e| {
                !held_out(e.file)
            });
            let scored: Vec<(f32, bool)> = examples
                .iter()
                .filter(|e| held_out(e.file))
                .map(|e| (probability(e, &w, b), e.positive))
                .collect();
            if scored.is_empty() {
                0.5
            } else {
                best_threshold(scored)
            }
        }
    };
    let (w, b) = fit(&examples, vocab.len(), args.max_iterations, args.l2, |_| {
        true
    });
    let mut weights: FxHashMap<Box<str>, f32> = FxHashMap::default();
    for (name, wt) in vocab.iter().zip(&w) {
        // four decimals are written; smaller weights change no decision
        if wt.abs() >= 0.005 {
            weights.insert(name.as_str().into(), *wt);
        }
    }
    let model = Model::from_weights(b, threshold, weights);
    let header = vec![
        "Cite-worthiness model for uncited-claim (logistic regression; see src/checks/claims/model.rs)."
            .to_string(),
        format!(
            "Fitted by `citelint train` on {files} files: {} sentences, {positives} cited; min-count {}, min-files {}, l2 {}, at most {} iterations.",
            examples.len(),
            args.min_count,
            args.min_files,
            args.l2,
            args.max_iterations
        ),
        "Written by `citelint train`; train again rather than edit by hand.".to_string(),
    ];
    let text = model.to_text(&header);
    if args.output.as_os_str() == "-" {
        print!("{text}");
    } else {
        write_atomically(&args.output, &text)?;
    }
    Ok(format!(
        "trained on {files} files ({} sentences, {positives} cited): {} features, threshold {threshold:.4}; wrote {}",
        examples.len(),
        model.len(),
        args.output.display()
    ))
}

/// Writes `text` to a temporary file beside `path`, then renames it into place.
fn write_atomically(path: &std::path::Path, text: &str) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::lbfgs;

    #[test]
    fn lbfgs_finds_the_minimum_of_an_ill_conditioned_bowl() {
        // (x - 3)^2 + 100 (y + 1)^2, from the origin
        let f = |x: &[f64], g: &mut [f64]| {
            g[0] = 2.0 * (x[0] - 3.0);
            g[1] = 200.0 * (x[1] + 1.0);
            (x[0] - 3.0).powi(2) + 100.0 * (x[1] + 1.0).powi(2)
        };
        let x = lbfgs(f, vec![0.0, 0.0], 100);
        assert!(
            (x[0] - 3.0).abs() < 1e-4 && (x[1] + 1.0).abs() < 1e-4,
            "{x:?}"
        );
        // one step allowed: not there yet
        let x = lbfgs(f, vec![0.0, 0.0], 1);
        assert!((x[0] - 3.0).abs() > 1e-2, "{x:?}");
    }
}
