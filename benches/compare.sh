#!/usr/bin/env bash
# Compares masa with two other checkers of TOML against a JSON Schema, on the same files in one
# run (docs/performance.md, "Comparison"):
#
#   - masa check (release build): the full check, load + structure + model + rules;
#   - taplo check (@taplo/cli from npm): structure only, against schemas/arrangements.schema.json;
#   - check-jsonschema (PyPI): structure only, against the same schema.
#
# Workloads: the real Central Bedfordshire file, COUNT generated clean files of the sizes of real
# documents (14–38 KB, default 200), and one generated file of about 1 MB. Timing with hyperfine
# when it is installed (apt-get), else a loop reporting the median of RUNS runs.
#
# Usage: bash benches/compare.sh [COUNT]
# Environment: RUNS (default 5), WORK (scratch directory, default a new temporary one),
# TOOLS (where taplo and check-jsonschema are installed, default $WORK/tools; reuse it to skip
# the installs), CARGO_TARGET_DIR (default target/).
# Needs: cargo, node + npm, python3 with venv. Runs from a fresh clone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-200}"
runs="${RUNS:-5}"
work="${WORK:-$(mktemp -d)}"
tools="${TOOLS:-$work/tools}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$work" "$tools"

step() { printf '\n==> %s\n' "$*"; }

step "build masa (release) and the corpus generator"
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin masa --example gen_corpus
masa="$CARGO_TARGET_DIR/release/masa"
gen="$CARGO_TARGET_DIR/release/examples/gen_corpus"

step "files (in $work)"
# Every file's first line is `#:schema ../schemas/arrangements.schema.json`: put the schema
# where that points, so taplo's directive and the explicit --schema agree.
rm -rf "$work/schemas" "$work/real" "$work/many" "$work/big"
mkdir -p "$work/schemas" "$work/real"
cp "$root/schemas/arrangements.schema.json" "$work/schemas/"
schema="$work/schemas/arrangements.schema.json"
cp "$root/arrangements/central-bedfordshire.toml" "$work/real/"
"$gen" "$work/many" --realistic "$count" 1
"$gen" "$work/big" --size 1000000 3

step "tools: taplo from npm, check-jsonschema from PyPI, hyperfine from apt if possible"
if [ ! -x "$tools/node_modules/.bin/taplo" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" @taplo/cli
fi
taplo="$tools/node_modules/.bin/taplo"
if [ ! -x "$tools/venv/bin/check-jsonschema" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
fi
cjs="$tools/venv/bin/check-jsonschema"
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq hyperfine >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } \
    || echo "hyperfine not available: timing with a loop"
fi
echo "masa $("$masa" --version 2>/dev/null || echo '(version unknown)')"
echo "taplo $("$taplo" --version 2>&1 | head -1)"
echo "check-jsonschema $("$cjs" --version 2>&1 | head -1)"
command -v hyperfine >/dev/null 2>&1 && hyperfine --version

# The commands, run from $work so that no masa.toml or .taplo.toml of the repository applies.
cd "$work"
cmd_masa() { echo "$masa check --quiet --today 2026-11-22 --format json $* > /dev/null"; }
cmd_taplo() { echo "$taplo check --no-auto-config --schema file://$schema $* > /dev/null 2>&1"; }
cmd_cjs() { echo "$cjs --schemafile $schema $* > /dev/null"; }

step "sanity: every tool accepts the generated clean files"
for tool in masa taplo cjs; do
  if bash -c "$(cmd_$tool "$work/many/*.toml" "$work/big/*.toml")"; then
    echo "$tool: accepted"
  else
    echo "$tool: exit $? on the clean files (see the timings' notes)"
  fi
done

median_ms() { # command: prints the median wall time of $runs runs, in ms
  local times=()
  bash -c "$1" >/dev/null 2>&1 || true # warm-up
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    bash -c "$1" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m/1000}'
}

report="$work/compare.md"
: > "$report"
for workload in "real:$work/real/*.toml" "many:$work/many/*.toml" "big:$work/big/*.toml"; do
  name="${workload%%:*}"
  files="${workload#*:}"
  n=$(bash -c "ls $files" | wc -l)
  bytes=$(bash -c "cat $files" | wc -c)
  step "$name: $n file(s), $bytes bytes"
  echo "### $name: $n file(s), $bytes bytes" >> "$report"
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style basic --warmup 1 --runs "$runs" -i --export-json "$work/$name.json" \
      -n masa "$(cmd_masa "$files")" \
      -n taplo "$(cmd_taplo "$files")" \
      -n check-jsonschema "$(cmd_cjs "$files")"
    # Medians (hyperfine's own tables show means).
    python3 - "$work/$name.json" >> "$report" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
fastest = min(r["median"] for r in results)
print("| tool | median wall time (ms) | × fastest | user (ms) | runs |")
print("|---|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median'] * 1e3:.1f} | {r['median'] / fastest:.1f} | {r['user'] * 1e3:.0f} | {len(r['times'])} |")
PY
  else
    echo "| tool | median wall time (ms) |" >> "$report"
    echo "|---|---|" >> "$report"
    for tool in masa taplo cjs; do
      ms=$(median_ms "$(cmd_$tool "$files")")
      echo "$tool: $ms ms (median of $runs)"
      echo "| $tool | $ms |" >> "$report"
    done
  fi
  echo >> "$report"
done

step "summary ($report)"
cat "$report"
