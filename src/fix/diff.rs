//! A unified diff of two texts, line by line, for `--fix --dry-run`.

/// The unified diff (3 lines of context) that turns `old` into `new`, headed `a/PATH` and
/// `b/PATH`; empty when they are equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = lines_diff(&a, &b);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    const CONTEXT: usize = 3;
    // indices into `ops` of the changes, grouped into hunks
    let changed: Vec<usize> = (0..ops.len()).filter(|&i| ops[i].0 != Op::Same).collect();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= end + 2 * CONTEXT + 1 {
            k += 1;
            end = changed[k];
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let (mut a0, mut b0) = (0, 0);
        for op in &ops[..start] {
            match op.0 {
                Op::Same => {
                    a0 += 1;
                    b0 += 1;
                }
                Op::Del => a0 += 1,
                Op::Add => b0 += 1,
            }
        }
        let hunk = &ops[start..end];
        let alen = hunk.iter().filter(|o| o.0 != Op::Add).count();
        let blen = hunk.iter().filter(|o| o.0 != Op::Del).count();
        let from = |start: usize, len: usize| if len == 0 { start } else { start + 1 };
        out.push_str(&format!(
            "@@ -{},{alen} +{},{blen} @@\n",
            from(a0, alen),
            from(b0, blen)
        ));
        for (op, line) in hunk {
            let sign = match op {
                Op::Same => ' ',
                Op::Del => '-',
                Op::Add => '+',
            };
            out.push(sign);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
        k += 1;
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Same,
    Del,
    Add,
}

/// The edit script: common prefix and suffix kept, the middle by longest common subsequence
/// (a middle too large for that is replaced as a whole).
fn lines_diff<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<(Op, &str)> = a[..pre].iter().map(|l| (Op::Same, *l)).collect();
    if ma.len().saturating_mul(mb.len()) > 16_000_000 {
        ops.extend(ma.iter().map(|l| (Op::Del, *l)));
        ops.extend(mb.iter().map(|l| (Op::Add, *l)));
    } else {
        let (n, m) = (ma.len(), mb.len());
        // lcs[i][j]: the longest common subsequence of ma[i..] and mb[j..]
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push((Op::Same, ma[i]));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j]) {
                ops.push((Op::Add, mb[j]));
                j += 1;
            } else {
                ops.push((Op::Del, ma[i]));
                i += 1;
            }
        }
    }
    ops.extend(a[a.len() - suf..].iter().map(|l| (Op::Same, *l)));
    // deletions before additions within a change, as diff(1) prints them
    let mut i = 0;
    while i < ops.len() {
        if ops[i].0 == Op::Same {
            i += 1;
            continue;
        }
        let s = i;
        while i < ops.len() && ops[i].0 != Op::Same {
            i += 1;
        }
        ops[s..i].sort_by_key(|o| o.0 == Op::Add);
    }
    ops
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_changed_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(
            super::unified("x.md", old, new),
            "--- a/x.md\n+++ b/x.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
        assert_eq!(super::unified("x.md", old, old), "");
    }

    #[test]
    fn distant_changes_make_two_hunks_and_a_missing_newline_is_said() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old
            .replacen("2\n", "two\n", 1)
            .replacen("20\n", "twenty", 1);
        let d = super::unified("x", &old, &new);
        assert_eq!(d.matches("@@ -").count(), 2, "{d}");
        assert!(
            d.ends_with("+twenty\n\\ No newline at end of file\n"),
            "{d}"
        );
    }
}
