#!/usr/bin/env bash
# Scale cases of the bad-input suite (docs/bad-input.md), against the release binary: each
# must finish within its time limit and its peak memory (max RSS, from /usr/bin/time or
# /proc) must stay under its bound. Usage: CITELINT_BIN=target/release/citelint bash tests/hostile-scale.sh
set -euo pipefail
bin=$(realpath "${CITELINT_BIN:-target/release/citelint}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

python3 - <<'PY'
import json
# 200 MB of real text (not sparse): over the 32 MB cap, so not read
with open('big.md', 'w') as f:
    line = 'Salt raises blood pressure by 20% in adults [1]. ' * 20 + '\n'
    for _ in range((200 << 20) // len(line) + 1):
        f.write(line)
# one 10 MB line: 200,000 sentences, every 100th with an unresolved marker
s = ''.join('The cat sat on the mat in the garden today. ' if i % 100 else 'Salt raises blood pressure [9]. ' for i in range(230000))
open('line.md', 'w').write('# W\n\n' + s + '\n\n## References\n1. A. B.\n')
# 100,000-item list, each item cited
open('list.md', 'w').write('# L\n\n' + ''.join(f'- item {i} raises risk by 5% [1]\n' for i in range(100000)) + '\n## References\n1. A. B.\n')
# a CSL-JSON bibliography of 100,000 entries, named by front matter
json.dump([{"id": f"k{i}", "title": f"Title {i}"} for i in range(100000)], open('bib.json', 'w'))
open('bib.md', 'w').write('---\nbibliography: bib.json\n---\n# B\n\nSalt raises blood pressure [@k5].\n')
# hostile bibliographies (the outcomes are asserted in tests/bad_input.rs; here, the time)
cite = '---\nbibliography: {}\n---\n# B\n\nSalt raises blood pressure [@k1; @nowhere].\n'
with open('big.bib', 'w') as f:
    f.write('@string{jn = {Journal of Salt}}\n')
    for i in range(100000):
        f.write('@article{k%d,\n  title = {Salt and pressure, part %d},\n  journal = jn,\n  year = 2020\n}\n' % (i, i))
open('bigbib.md', 'w').write(cite.format('big.bib'))
open('braces.bib', 'w').write('@article{k1, title = ' + '{' * 50000 + 'x}\n')
open('braces.md', 'w').write(cite.format('braces.bib'))
a, b = ' # '.join(['b'] * 400), ' # '.join(['a'] * 400)
open('loop.bib', 'w').write('@string{a = %s}\n@string{b = %s}\n@article{k1, title = a}\n' % (a, b))
open('loop.md', 'w').write(cite.format('loop.bib'))
y = 'l0: &l0 [' + ', '.join(['"lol"'] * 9) + ']\n'
y += ''.join('l%d: &l%d [%s]\n' % (i, i, ', '.join(['*l%d' % (i - 1)] * 9)) for i in range(1, 10))
open('laughs.yaml', 'w').write(y + 'references:\n  - id: k1\n    title: *l9\n')
open('laughs.md', 'w').write(cite.format('laughs.yaml'))
PY

fail=0
# case file max-seconds max-RSS-MB expected-exit [format]
check() {
  local name=$1 file=$2 secs=$3 mb=$4 want=$5 format=${6:-json}
  local start end rc rss
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o rss.txt timeout "$secs" "$bin" check --format "$format" --today 2025-06-01 "$file" > out.json 2> err.txt
  rc=$?
  set -e
  end=$(date +%s.%N)
  rss=$(( $(tail -n 1 rss.txt) / 1024 ))
  printf '%-22s exit %s  %6.2fs  %5s MB\n' "$name" "$rc" "$(echo "$end - $start" | bc)" "$rss"
  if [ "$rc" != "$want" ]; then echo "  FAIL: exit $rc, wanted $want"; head -c 500 err.txt; fail=1; fi
  if [ "$rss" -gt "$mb" ]; then echo "  FAIL: max RSS ${rss} MB over ${mb} MB"; fail=1; fi
}
check "200 MB file"            big.md  20  100 1
grep -q "larger than 32 MB" out.json || { echo "  FAIL: no size finding"; fail=1; }
# 230,000 findings (uncited-claim flags most sentences): json builds a value tree of every
# finding (~7 KB each, ~1.7 GB here), json-lines and human stream them
check "10 MB line (json-lines)" line.md 60  400 1 json-lines
check "10 MB line (human)"     line.md 60  400 1 human
check "100,000-item list"      list.md 30  500 1
check "100,000-entry bib"      bib.md  10  500 1
check "100,000-entry .bib"     bigbib.md 5 500 1
check ".bib 50,000 braces deep" braces.md 5 200 1
check ".bib @string loop"       loop.md   5 200 1
check "CSL-YAML billion laughs" laughs.md 5 200 1
exit $fail
