#!/usr/bin/env bash
# End-to-end check of an HTML audit report (`postwacht audit`) in headless Chromium, without Node.
#
#   scripts/report-e2e.sh REPORT.html
#
#   CHROMIUM        browser binary              (default: first of chromium, chromium-browser, google-chrome)
#   E2E_BUDGET_MS   --virtual-time-budget value (default 3000)
#
# Writes a screenshot next to the report (REPORT.html.png), dumps the rendered DOM and asserts:
#   - the page rendered (body[data-rendered]) and did not report bad data (body[data-error]);
#   - the totals tile for findings (data-tile="findings") shows a number > 0;
#   - at least one <svg> chart has bars (<rect class="bar">);
#   - at least one <mark> (a highlighted finding) exists.
# Prints one PASS/FAIL line per check; exits 1 if any check failed, 2 on a usage or setup error.
set -u

usage() { printf 'usage: %s REPORT.html\n' "${0##*/}" >&2; exit 2; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 2; }

[[ $# -eq 1 ]] || usage
REPORT=$1
[[ -f $REPORT && -r $REPORT ]] || die "no readable report at $REPORT"
BUDGET=${E2E_BUDGET_MS:-3000}

# shellcheck source=scripts/chromium-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/chromium-lib.sh"
find_chromium

ABS=$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")
ENC=${ABS//%/%25}; ENC=${ENC// /%20}; ENC=${ENC//#/%23}; ENC=${ENC//\?/%3F}   # a path is not a URL
URL="file://$ENC"
SHOT="$ABS.png"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A private profile directory keeps runs independent of each other and of any running browser.
chrome() {
  "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/profile" \
    --virtual-time-budget="$BUDGET" "$@" 2>>"$WORK/chromium.log"
}

passes=0 failures=0
pass() { printf 'PASS: %s\n' "$*"; passes=$((passes + 1)); }
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

rm -f "$SHOT"
chrome --screenshot="$SHOT" --window-size=1200,1600 "$URL" >/dev/null
if [[ -s $SHOT ]]; then pass "screenshot written: $SHOT"; else fail "no screenshot written"; tail -n 20 "$WORK/chromium.log" >&2; fi

chrome --dump-dom "$URL" >"$WORK/dom.html"
if [[ ! -s $WORK/dom.html ]]; then
  fail "--dump-dom produced nothing"
  tail -n 20 "$WORK/chromium.log" >&2
  printf '%d passed, %d failed\n' "$passes" "$failures"
  exit 1
fi
# Drop <script> bodies (the embedded audit JSON may quote "<mark" in a post's text; Swift escapes "</" in
# it, so the first "</script>" really ends it), then split at tags so grep sees one tag per line
# (Chromium serializes most of the page on very few lines).
perl -0pe 's{<script\b.*?</script>}{}gs' "$WORK/dom.html" | sed 's/</\n</g' >"$WORK/tags.txt"

body=$(grep -m1 -E '^<body[ >]' "$WORK/tags.txt" || true)
if [[ $body == *'data-rendered="1"'* && $body != *'data-error='* ]]; then
  pass "report rendered"
else
  fail "report did not render: ${body:-no <body>} (placeholder not replaced, or bad JSON?)"
fi

tile=$(grep -m1 -E '^<[a-z]+ [^>]*data-tile="findings"' "$WORK/tags.txt" || true)
value=$(sed -nE 's/.*data-value="([0-9]+)".*/\1/p' <<<"$tile")
if [[ -n $value && $value -gt 0 ]]; then
  pass "findings tile shows $value"
else
  fail "findings tile missing or not > 0: ${tile:-no element with data-tile=\"findings\"}"
fi

svgs=$(grep -c -E '^<svg[ >]' "$WORK/tags.txt")
bars=$(grep -c -E '^<rect [^>]*class="bar"' "$WORK/tags.txt")
if [[ $svgs -gt 0 && $bars -gt 0 ]]; then
  pass "charts: $svgs <svg>, $bars bars (<rect>)"
else
  fail "charts: $svgs <svg>, $bars bars (<rect class=\"bar\">): expected at least one of each"
fi

marks=$(grep -c -E '^<mark[ >]' "$WORK/tags.txt")
if [[ $marks -gt 0 ]]; then pass "$marks highlighted findings (<mark>)"; else fail "no <mark> in the report"; fi

printf '%d passed, %d failed\n' "$passes" "$failures"
[[ $failures -eq 0 ]]
