#!/usr/bin/env bash
# Integration checks with real third-party tools from PyPI, run by .ci/run:
#   1. check-jsonschema (an independent JSON Schema implementation) accepts every arrangements/
#      file against the committed schema, so the schema means what masa means;
#   2. the Python wheel (maturin, `bindings = "bin"`) builds, installs into a clean virtual
#      environment and runs there with no Rust toolchain on PATH;
#   3. the TOML editors' own checkers, taplo (npm) and tombi (PyPI), accept every arrangements/
#      file with the schema (and refuse a file with an unknown key);
#   4. the real pre-commit tool runs masa's hooks against a scratch repository holding a good and
#      a bad arrangement file: the good one passes, the bad one fails with masa's message. That
#      includes the hook that needs no Rust (`language: python` installing the wheel), run with
#      cargo and rustc off PATH.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n==> %s\n' "$*"; }

step "tools from PyPI: pre-commit, check-jsonschema, maturin"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit check-jsonschema 'maturin>=1.5,<2'
export PATH="$work/venv/bin:$PATH"
pre-commit --version
check-jsonschema --version
maturin --version
# A PATH with Python and the usual system tools but no Rust toolchain: what a business manager's
# machine has. Commands run with it prove that the wheel needs no compiler.
no_rust_path="/usr/local/bin:/usr/bin:/bin"
for tool in cargo rustc; do
  if PATH="$no_rust_path" command -v "$tool" >/dev/null; then
    echo "$tool is on $no_rust_path: the no-Rust checks below would prove nothing"; exit 1
  fi
done

step "check-jsonschema: every arrangements/ file against schemas/arrangements.schema.json"
mapfile -t files < <(find "$root/arrangements" -name '*.toml' | sort)
check-jsonschema --schemafile "$root/schemas/arrangements.schema.json" "${files[@]}"
# And it can fail: a file with an unknown key is refused.
printf 'schema_version = 1\n[partnership]\nname = "X"\nnmae = "typo"\n' > "$work/bad-schema.toml"
if check-jsonschema --schemafile "$root/schemas/arrangements.schema.json" "$work/bad-schema.toml" >/dev/null 2>&1; then
  echo "check-jsonschema accepted a file with an unknown key"; exit 1
fi

step "wheel: maturin builds masa's wheel; a clean virtual environment runs it without Rust"
started=$SECONDS
# The dev profile reuses the debug build that `cargo test` made (only masa itself is linked
# again): this proves the wheel is built and installed right, not how fast masa is. --strip
# keeps the debug build's wheel small. A release wheel is `maturin build --release`.
maturin build --quiet --profile dev --strip --manifest-path "$root/Cargo.toml" --out "$work/wheels"
wheel=$(find "$work/wheels" -name 'masa_safeguarding-*.whl' | head -1)
[ -n "$wheel" ] || { echo "maturin built no wheel"; ls -l "$work/wheels"; exit 1; }
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"
python3 -m venv "$work/wheel-venv"
"$work/wheel-venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel"
masa_bin="$work/wheel-venv/bin/masa"
[ -x "$masa_bin" ] || { echo "the wheel put no masa in the venv's bin/"; exit 1; }
(cd "$work" && PATH="$work/wheel-venv/bin:$no_rust_path" masa --version) | tee "$work/version.txt"
grep -Eq '^masa [0-9]+\.[0-9]+\.[0-9]+' "$work/version.txt" || { echo "unexpected --version"; exit 1; }
# The main job from the wheel: the bundled files hold real defects, so exit 1 is what a working
# masa says of them; 2 would mean it could not run.
set +e
(cd "$root" && PATH="$work/wheel-venv/bin:$no_rust_path" masa check --format json) > "$work/wheel-report.json"
code=$?
set -e
if [ "$code" -ne 1 ]; then
  echo "masa from the wheel: exit $code on the bundled arrangements (expected 1: they hold real defects)"; exit 1
fi
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); s=r['summary']; assert s['files'] > 0 and s['errors'] > 0, s; print('masa from the wheel checked', s)" "$work/wheel-report.json"
echo "wheel: built, installed and run in $((SECONDS - started)) s"

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

for hook in masa-system masa masa-python; do
  started=$SECONDS
  if [ "$hook" = masa-system ]; then
    export PATH="$root/target/debug:$PATH"   # the binary just built
  fi
  if [ "$hook" = masa-python ]; then
    # pre-commit pip-installs the repository: pip runs maturin's PEP 517 backend, which runs
    # cargo and packs the wheel, all as for a user. For speed only, maturin is asked for the
    # dev profile (MATURIN_PEP517_ARGS) in this checkout's target directory, so that the
    # dependencies `cargo test` compiled are reused and only masa itself is built again.
    export MATURIN_PEP517_ARGS="--profile dev --strip" CARGO_TARGET_DIR="$root/target"
  fi
  if ! run_hook "$hook" arrangements/good.toml; then
    cat "$work/out.txt"; echo "hook $hook failed on a good file"; exit 1
  fi
  if run_hook "$hook" arrangements/bad.toml; then
    cat "$work/out.txt"; echo "hook $hook passed a bad file"; exit 1
  fi
  grep -q "unknown key" "$work/out.txt" || { cat "$work/out.txt"; echo "hook $hook did not show masa's message"; exit 1; }
  echo "hook $hook: good file passes, bad file fails with masa's message ($((SECONDS - started)) s)"
done
unset MATURIN_PEP517_ARGS CARGO_TARGET_DIR

step "pre-commit without Rust: a language: python hook that installs the wheel"
# What README.md tells a partnership with no Rust toolchain to write: a local hook whose
# environment pip fills from the wheel (a path or an address; `masa-safeguarding==VERSION` once
# the wheel is on a package index). Run with cargo and rustc off PATH, so nothing is compiled.
started=$SECONDS
cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: local
    hooks:
      - id: masa
        name: masa (safeguarding arrangements)
        entry: masa check
        language: python
        additional_dependencies: ["$wheel"]
        files: ^arrangements/.*\.toml\$
YAML
git -C "$repo" add .pre-commit-config.yaml
run_local() { # file
  (cd "$repo" && PATH="$work/venv/bin:$no_rust_path" pre-commit run masa --files "$1" --color never) > "$work/out.txt" 2>&1
}
if ! run_local arrangements/good.toml; then
  cat "$work/out.txt"; echo "the no-Rust hook failed on a good file"; exit 1
fi
if run_local arrangements/bad.toml; then
  cat "$work/out.txt"; echo "the no-Rust hook passed a bad file"; exit 1
fi
grep -q "unknown key" "$work/out.txt" || { cat "$work/out.txt"; echo "the no-Rust hook did not show masa's message"; exit 1; }
echo "no-Rust hook: good file passes, bad file fails with masa's message ($((SECONDS - started)) s)"
