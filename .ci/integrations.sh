#!/usr/bin/env bash
# Integration checks with real third-party tools from PyPI, run by .ci/run:
#   1. check-jsonschema (an independent JSON Schema implementation) accepts every arrangements/
#      file against the committed schema, so the schema means what masa means;
#   2. the TOML editors' own checkers, taplo (npm) and tombi (PyPI), accept every arrangements/
#      file with the schema (and refuse a file with an unknown key);
#   3. the real pre-commit tool runs masa's hooks against a scratch repository holding a good and
#      a bad arrangement file: the good one passes, the bad one fails with masa's message.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n==> %s\n' "$*"; }

step "tools from PyPI: pre-commit, check-jsonschema"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit check-jsonschema
export PATH="$work/venv/bin:$PATH"
pre-commit --version
check-jsonschema --version

step "check-jsonschema: every arrangements/ file against schemas/arrangements.schema.json"
mapfile -t files < <(find "$root/arrangements" -name '*.toml' | sort)
check-jsonschema --schemafile "$root/schemas/arrangements.schema.json" "${files[@]}"
# And it can fail: a file with an unknown key is refused.
printf 'schema_version = 1\n[partnership]\nname = "X"\nnmae = "typo"\n' > "$work/bad-schema.toml"
if check-jsonschema --schemafile "$root/schemas/arrangements.schema.json" "$work/bad-schema.toml" >/dev/null 2>&1; then
  echo "check-jsonschema accepted a file with an unknown key"; exit 1
fi

step "editors: taplo (Even Better TOML) and tombi read every arrangements/ file with the schema"
# taplo from npm (@taplo/cli), run with the schema named explicitly and without the project's
# .taplo.toml, so the check means the same wherever it runs.
npm install --silent --no-audit --no-fund --prefix "$work/npm" @taplo/cli >/dev/null
taplo="$work/npm/node_modules/.bin/taplo"
"$taplo" --version || true   # prints its version, but exits 1
schema_url="file://$root/schemas/arrangements.schema.json"
for f in "${files[@]}"; do
  "$taplo" check --no-auto-config --schema "$schema_url" "$f" >/dev/null 2>"$work/taplo.txt" \
    || { cat "$work/taplo.txt"; echo "taplo refused $f"; exit 1; }
done
if "$taplo" check --no-auto-config --schema "$schema_url" "$work/bad-schema.toml" >/dev/null 2>&1; then
  echo "taplo accepted a file with an unknown key"; exit 1
fi
echo "taplo: ${#files[@]} files valid; a file with an unknown key refused"
# tombi from PyPI, offline, through each file's own `#:schema` line (as an editor reads it):
# dates must be read as dates (the schema's `format: date`), not refused as not strings.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check tombi
tombi --version
(cd "$root" && tombi lint --offline "${files[@]}")
printf '#:schema %s\nschema_version = 1\n[partnership]\nname = "X"\nnmae = "typo"\n' \
  "$root/schemas/arrangements.schema.json" > "$work/bad-tombi.toml"
if tombi lint --offline "$work/bad-tombi.toml" >/dev/null 2>&1; then
  echo "tombi accepted a file with an unknown key"; exit 1
fi
echo "tombi: ${#files[@]} files valid; a file with an unknown key refused"
# A `masa init` starter, in a directory with no schema of its own: both editors find the schema
# through the file's own `#:schema` line (taplo fails on a line that does not resolve, tombi warns)
# and accept the starter.
cargo build --quiet --manifest-path "$root/Cargo.toml"
mkdir -p "$work/starter"
(cd "$work/starter" && "$root/target/debug/masa" init --area Northmoor >/dev/null)
starter="$work/starter/arrangements/northmoor.toml"
"$taplo" check --no-auto-config "$starter" >/dev/null 2>"$work/taplo.txt" \
  || { cat "$work/taplo.txt"; echo "taplo refused the masa init starter"; exit 1; }
tombi lint --offline --error-on-warnings "$starter"
echo "masa init: the starter's #:schema line resolves, and taplo and tombi accept it"

step "pre-commit: masa's hooks on a scratch repository"
cargo build --quiet --manifest-path "$root/Cargo.toml"
repo="$work/partnership"
mkdir -p "$repo/arrangements"
git -C "$repo" init --quiet
cp "$root/arrangements/example/northmoor.toml" "$repo/arrangements/good.toml"
cp "$root/tests/fixtures/three-problems.toml" "$repo/arrangements/bad.toml"
sed -i 's#^\#:schema .*##' "$repo/arrangements/good.toml"
git -C "$repo" add .
export PRE_COMMIT_HOME="$work/pre-commit-home"
# The `masa` hook runs `cargo install` (a release build). This test proves the hook works, not
# how fast masa is, so build it unoptimised: minutes less on a two-core CI machine.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256

run_hook() { # hook-id file
  (cd "$repo" && pre-commit try-repo "$root" "$1" --files "$2" --color never) > "$work/out.txt" 2>&1
}

for hook in masa-system masa; do
  if [ "$hook" = masa-system ]; then
    export PATH="$root/target/debug:$PATH"   # the binary just built
  fi
  if ! run_hook "$hook" arrangements/good.toml; then
    cat "$work/out.txt"; echo "hook $hook failed on a good file"; exit 1
  fi
  if run_hook "$hook" arrangements/bad.toml; then
    cat "$work/out.txt"; echo "hook $hook passed a bad file"; exit 1
  fi
  grep -q "unknown key" "$work/out.txt" || { cat "$work/out.txt"; echo "hook $hook did not show masa's message"; exit 1; }
  echo "hook $hook: good file passes, bad file fails with masa's message"
done
