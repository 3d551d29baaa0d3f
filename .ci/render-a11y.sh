#!/usr/bin/env bash
# The rendered arrangements are accessible (WCAG 2.2 A/AA, checked by axe-core in headless
# Chromium) and valid HTML (html-validate). Renders every bundled arrangement, then checks each
# page. Needs the Debian `chromium` package (installed here when missing, as root) and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "render-a11y: Chromium is not installed (Debian: apt-get install chromium)"; exit 1
  fi
fi

out="$(mktemp -d)"
cargo build --quiet
masa="${CARGO_TARGET_DIR:-target}/debug/masa"
# Every bundled arrangement, and a file of hostile values (escaped, the page stays valid).
for file in $(find arrangements -name '*.toml' | sort) tests/render-hostile.toml; do
  name="$(basename "$file" .toml)"
  # The bundled files have findings, so the warning on stderr is expected; exit 0 is rendered.
  for findings in "" --with-findings; do
    if ! "$masa" render "$file" --today 2026-12-01 $findings --output "$out/$name$findings.html" 2>"$out/stderr"; then
      cat "$out/stderr"; echo "render-a11y: masa render $file $findings failed"; exit 1
    fi
  done
done
rm -f "$out/stderr"

cd .ci/render-a11y
npm ci --no-audit --no-fund --silent
npx --no-install html-validate --config .htmlvalidate.json "$out"/*.html
echo "html-validate: $(ls "$out"/*.html | wc -l) page(s) valid"
node axe.mjs "$out"/*.html
