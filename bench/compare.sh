#!/usr/bin/env bash
# Side-by-side timings: citelint against ripgrep (the floor: counting citation markers),
# rumdl, markdownlint-cli2 (MD052/MD053 only) and remark-lint (undefined references,
# unused definitions), on the same files, same machine. rumdl runs with --no-cache (it lints)
# and once more with its own cache (a repeat run over unchanged files: it lints nothing). Also peak memory, one-article
# start-up and 1 vs 2 threads. Needs: hyperfine, ripgrep (apt), python3 (venv), npm.
#
#   bench/compare.sh            # everything
#   RUNS=5 bench/compare.sh     # hyperfine runs per command (default 5)
#   SKIP_SLOW=1 ...             # skip markdownlint-cli2 and remark on the 100 MB corpus
#   ONE=FILE ...                # the single article timed for start-up (default: a 97 KB PDQ one)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/target/bench-tools
DATA=$ROOT/target/bench-data
PDQ=${PDQ:-/work/shared/corpus/pdq}
RUNS=${RUNS:-5}
mkdir -p "$TOOLS" "$DATA"

# --- tools, from their registries, into a cache dir --------------------------------------
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install -y hyperfine)"; exit 2; }
command -v rg >/dev/null || { echo "install ripgrep (apt-get install -y ripgrep)"; exit 2; }
if [ ! -x "$TOOLS/venv/bin/rumdl" ]; then
  python3 -m venv "$TOOLS/venv" && "$TOOLS/venv/bin/pip" install -q rumdl
fi
if [ ! -x "$TOOLS/node/node_modules/.bin/markdownlint-cli2" ]; then
  mkdir -p "$TOOLS/node" && (cd "$TOOLS/node" && npm init -y >/dev/null &&
    npm install --silent markdownlint-cli2 remark-cli remark-lint \
      remark-lint-no-undefined-references remark-lint-no-unused-definitions remark-gfm)
fi
RUMDL=$TOOLS/venv/bin/rumdl
MDL=$TOOLS/node/node_modules/.bin/markdownlint-cli2
REMARK=$TOOLS/node/node_modules/.bin/remark
# configs, kept outside the corpora: only the reference rules
cat > "$TOOLS/mdl.jsonc" <<'J'
{ "config": { "default": false, "MD052": true, "MD053": true } }
J
cat > "$TOOLS/node/.remarkrc.json" <<'J'
{ "plugins": ["remark-gfm", "remark-lint", "remark-lint-no-undefined-references", "remark-lint-no-unused-definitions"] }
J

# --- citelint and the corpora -------------------------------------------------------------
cargo build --release -q --bin citelint --example gen_corpus
CL=$ROOT/target/release/citelint
GEN=$ROOT/target/release/examples/gen_corpus
[ -d "$DATA/gen" ] || "$GEN" corpus "$DATA/gen" 10000 1250
[ -f "$DATA/article-5000.md" ] || "$GEN" article "$DATA/article-5000.md" 5000
if [ -n "${BIG:-}" ] && [ ! -f "$DATA/big/big-50mb.md" ]; then
  mkdir -p "$DATA/big"
  # one 50 MB file: generated articles back to back
  "$GEN" corpus "$DATA/big-parts" 4800 1250
  find "$DATA/big-parts" -name '*.md' | sort | xargs cat > "$DATA/big/big-50mb.md"
  rm -rf "$DATA/big-parts"
fi

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo
grep MemTotal /proc/meminfo
echo "load: $(uptime)"

RG_PATTERN='\[\^?[0-9@][^\]]*\]|<sup>[0-9]'
hf() { # name, runs, warm-ups, then commands
  local name=$1 runs=$2 warm=$3; shift 3
  echo "== $name (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  hyperfine -N -i -w "$warm" -r "$runs" --export-json "$DATA/$name.json" "$@" 2>&1 | grep -vE '^\s*$|Warning: Ignoring|non-zero exit'
}

# (a) PDQ
if [ -d "$PDQ" ]; then
  CIT=unresolved-citation,unused-reference,duplicate-reference,citation-order,malformed-citation
  hf pdq "$RUNS" 1 \
    -n citelint "$CL check $PDQ" \
    -n citelint-json "$CL check --format json $PDQ" \
    -n citelint-citation-rules "$CL check --select $CIT $PDQ" \
    -n citelint-citation+uncited "$CL check --select $CIT,uncited-claim $PDQ" \
    -n citelint-citation+evidence "$CL check --select $CIT,evidence-contradiction $PDQ" \
    -n ripgrep "rg -c $RG_PATTERN $PDQ" \
    -n rumdl "$RUMDL check --no-config --no-cache $PDQ" \
    -n rumdl-own-cache "$RUMDL check --no-config $PDQ" \
    -n markdownlint-cli2 "$MDL --config $TOOLS/mdl.jsonc $PDQ/*.md" \
    -n remark "$REMARK --rc-path $TOOLS/node/.remarkrc.json --quiet --no-stdout $PDQ"
  echo "== pdq threads (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  hyperfine -N -i -w 1 -r "$RUNS" --export-json "$DATA/threads.json" \
    -n 1-thread "env RAYON_NUM_THREADS=1 $CL check $PDQ" \
    -n 2-threads "env RAYON_NUM_THREADS=2 $CL check $PDQ" 2>&1 | grep -vE '^\s*$|Warning: Ignoring|non-zero exit'
fi

# (b) generated 10,000 articles
if [ -n "${SKIP_SLOW:-}" ]; then
  hf gen "$RUNS" 1 -n citelint "$CL check $DATA/gen" -n ripgrep "rg -c $RG_PATTERN $DATA/gen" \
    -n rumdl "$RUMDL check --no-config --no-cache $DATA/gen"
else
  hf gen 1 0 -n citelint "$CL check $DATA/gen" -n ripgrep "rg -c $RG_PATTERN $DATA/gen" \
    -n rumdl "$RUMDL check --no-config --no-cache $DATA/gen" \
    -n markdownlint-cli2 "$MDL --config $TOOLS/mdl.jsonc $DATA/gen/**/*.md" \
    -n remark "$REMARK --rc-path $TOOLS/node/.remarkrc.json --quiet --no-stdout $DATA/gen"
fi

# (c) one 5,000-word article (pre-commit)
hf article 30 3 -n citelint "$CL check $DATA/article-5000.md" \
  -n citelint-citation-rules "$CL check --select unresolved-citation,unused-reference,duplicate-reference,citation-order,malformed-citation $DATA/article-5000.md" \
  -n ripgrep "rg -c $RG_PATTERN $DATA/article-5000.md" \
  -n rumdl "$RUMDL check --no-config --no-cache $DATA/article-5000.md"

# (d) start-up: a three-line file, and one 97 KB PDQ article (an editor save; issue #21),
# all rules, JSON
printf '# Title\n\nStatins reduce heart attacks by 30%%.\n' > "$DATA/three-lines.md"
hf three-lines 40 3 -n citelint "$CL check --format json $DATA/three-lines.md" \
  -n rumdl "$RUMDL check --no-config --no-cache $DATA/three-lines.md"
ONE=${ONE:-$PDQ/about-cancer-treatment-side-effects-lymphedema-lymphedema-hp-pdq.md}
if [ -f "$ONE" ]; then
  hf pdq-article 40 3 -n citelint "$CL check --format json $ONE" \
    -n rumdl "$RUMDL check --no-config --no-cache $ONE"
fi

echo "== peak memory (max RSS, kB)"
# BIG=1 adds the 50 MB single file (slow: see BENCHMARKS.md)
for target in "$PDQ" "$DATA/gen" ${BIG:+"$DATA/big/big-50mb.md"} "$DATA/article-5000.md"; do
  [ -e "$target" ] || continue
  rss=$( { /usr/bin/time -f '%M' "$CL" check "$target" >/dev/null || true; } 2>&1 | tail -1)
  echo "$target: $rss"
done

echo "== ratios (mean wall time)"
python3 - "$DATA" <<'P'
import json, sys, os
d = sys.argv[1]
def means(name):
    p = os.path.join(d, name + ".json")
    if not os.path.exists(p): return {}
    return {r["command"]: r["mean"] for r in json.load(open(p))["results"]}
for name in ["pdq", "gen", "article", "three-lines", "pdq-article"]:
    m = means(name)
    if "citelint" not in m: continue
    c = m["citelint"]
    print(f"{name}: citelint {c*1000:.1f} ms; " + "; ".join(
        f"{k} {v*1000:.1f} ms ({v/c:.2f}x citelint's)" for k, v in m.items() if k != "citelint"))
t = means("threads")
if t: print(f"threads: 1 → 2 speed-up {t['1-thread']/t['2-threads']:.2f}x")
P
