#!/usr/bin/env bash
# Validate citelint's SARIF output with two independent consumers:
#   1. Microsoft's SARIF Multitool (`Sarif.Multitool validate`, from the npm registry): the log
#      must have no error- and no warning-level validation results (notes are listed, allowed);
#   2. Microsoft's sarif-tools (`sarif summary`, from PyPI): its error/warning/note counts must
#      equal citelint's own counts (its JSON output, suppressed findings included, as SARIF
#      keeps them with `suppressions`).
# Only package registries are contacted (npm, PyPI); tools are cached in $CITELINT_TOOL_CACHE
# (default: target/gate-tools). Run from anywhere: tests/sarif-validate.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CITELINT_TOOL_CACHE:-$ROOT/target/gate-tools}
MULTITOOL_VERSION=5.7.0
SARIF_TOOLS_VERSION=3.0.5
mkdir -p "$CACHE"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { echo "sarif-validate: FAIL: $*" >&2; exit 1; }

# --- the binary ---------------------------------------------------------------------------
BIN=${CITELINT_BIN:-$ROOT/target/release/citelint}
if [ -z "${CITELINT_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
fi
[ -x "$BIN" ] || fail "no citelint binary at $BIN"

# --- the tools ----------------------------------------------------------------------------
MT="$CACHE/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -e "$MT" ]; then
  echo "installing @microsoft/sarif-multitool-linux@$MULTITOOL_VERSION (npm) into $CACHE/npm"
  mkdir -p "$CACHE/npm"
  npm install --prefix "$CACHE/npm" --no-audit --no-fund --silent \
    "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" >/dev/null
fi
chmod u+x "$MT" # its postinstall does this, but npm may skip install scripts
VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/sarif" ]; then
  echo "installing sarif-tools==$SARIF_TOOLS_VERSION (PyPI) into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "sarif-tools==$SARIF_TOOLS_VERSION"
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# --- citelint on the fixture tree (relative paths, as in CI) -----------------------------
cd "$ROOT"
set +e
"$BIN" check tests/gate-fixtures --today 2025-06-01 --format sarif >"$WORK/citelint.sarif"
rc=$?
"$BIN" check tests/gate-fixtures --today 2025-06-01 --format json >"$WORK/citelint.json"
set -e
[ "$rc" = 1 ] || fail "expected exit 1 (findings) from citelint, got $rc"

# --- consumer 1: SARIF Multitool ----------------------------------------------------------
"$MT" validate "$WORK/citelint.sarif" --output "$WORK/validation.sarif" \
  --log ForceOverwrite --level "Error;Warning;Note" >"$WORK/multitool.log" 2>&1 \
  || { cat "$WORK/multitool.log"; fail "the Multitool did not run"; }
[ -s "$WORK/validation.sarif" ] || fail "the Multitool wrote no validation log"
python3 - "$WORK/validation.sarif" <<'PY' || fail "the Multitool reported errors or warnings"
import collections, json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
ok = all(i.get("executionSuccessful", True) for i in run.get("invocations", []))
rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
counts = collections.Counter()
bad = 0
for r in run.get("results", []):
    level = r.get("level", "warning")
    counts[(level, r["ruleId"])] += 1
    if level in ("error", "warning"):
        bad += 1
        msg = r["message"]
        text = rules.get(r["ruleId"], {}).get("messageStrings", {}).get(msg.get("id", ""), {}).get("text", "")
        print(f"  {level} {r['ruleId']}: {text} {msg.get('arguments', '')}")
for (level, rid), n in sorted(counts.items()):
    name = rules.get(rid, {}).get("name", "")
    print(f"  Multitool {level:7} {rid} {name}: {n}")
print(f"Multitool: {bad} errors/warnings, {sum(counts.values()) - bad} notes")
sys.exit(0 if ok and bad == 0 else 1)
PY

# --- consumer 2: sarif-tools, counts against citelint's own -------------------------------
"$VENV/bin/sarif" summary "$WORK/citelint.sarif" >"$WORK/summary.txt"
python3 - "$WORK/summary.txt" "$WORK/citelint.json" "$WORK/citelint.sarif" <<'PY' || fail "counts differ"
import collections, json, re, sys
summary = open(sys.argv[1]).read()
got = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(error|warning|note): (\d+)", summary, re.M)}
j = json.load(open(sys.argv[2]))
level = {"error": "error", "warning": "warning", "info": "note"}
want = collections.Counter(level[d["severity"]] for d in j["diagnostics"] + j["suppressed"])
want = {k: want.get(k, 0) for k in ("error", "warning", "note")}
sarif = json.load(open(sys.argv[3]))
results = sarif["runs"][0]["results"]
suppressed = sum(1 for r in results if r.get("suppressions"))
print(f"sarif-tools: {got}; citelint json: {want}; suppressed {suppressed} (json {len(j['suppressed'])})")
assert sum(want.values()) > 0, "the fixture tree should have findings"
assert got == want, f"sarif summary {got} != citelint {want}"
assert suppressed == len(j["suppressed"]) > 0, "suppressed findings must carry suppressions"
PY
echo "sarif-validate: OK"
