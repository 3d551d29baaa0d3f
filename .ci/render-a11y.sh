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
find arrangements -name '*.toml' | sort | while read -r file; do
  name="$(basename "$file" .toml)"
  # Exit 0 is rendered; the bundled files have findings, so warnings on stderr are expected.
  ./target/debug/masa render "$file" --today 2026-12-01 --output "$out/$name.html" 2>/dev/null
  ./target/debug/masa render "$file" --today 2026-12-01 --with-findings --output "$out/$name-with-findings.html" 2>/dev/null
done
ls "$out"/*.html >/dev/null

cd .ci/render-a11y
npm ci --no-audit --no-fund --silent
npx --no-install html-validate --config .htmlvalidate.json "$out"/*.html
echo "html-validate: $(ls "$out"/*.html | wc -l) page(s) valid"
node axe.mjs "$out"/*.html
