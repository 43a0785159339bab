#!/usr/bin/env bash
# End-to-end check of an HTML audit report (`postwacht audit --report`) in headless Chromium, without
# Node or Python: needs bash, coreutils, perl (Debian's perl-base) and Chromium.
#
#   scripts/report-e2e.sh REPORT.html
#
# On a clean Debian: apt-get install -y chromium fonts-noto-color-emoji
#
#   CHROMIUM        browser binary              (default: first of chromium, chromium-browser, google-chrome)
#   E2E_BUDGET_MS   --virtual-time-budget value (default 3000)
#
# Writes next to the report: REPORT.html.png (the screen), REPORT.html.print.png (the print layout at
# the width of an A4 page inside its margins) and REPORT.html.pdf (printed by Chromium). Asserts:
#   - the page rendered (body[data-rendered]) and did not report bad data (body[data-error]);
#   - the totals tile for findings (data-tile="findings") shows a number > 0;
#   - at least one <svg> chart has bars (<rect class="bar">);
#   - at least one <mark> (a highlighted finding) exists;
#   - with the print styles applied at A4 width (186 mm = 703 CSS px), nothing is wider than the page:
#     no table, cell or other element reaches past its right edge (no cut columns);
#   - the unreadable-records table (#errors), if the report has one, has its reason column ("Reden"),
#     every row has a reason, and that column is at least 120 px wide on the A4 page;
#   - the PDF Chromium prints is A4 (595 × 842 pt).
# Prints one PASS/FAIL line per check; exits 1 if any check failed, 2 on a usage or setup error.
set -u

usage() { printf 'usage: %s REPORT.html\n' "${0##*/}" >&2; exit 2; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 2; }

[[ $# -eq 1 ]] || usage
REPORT=$1
[[ -f $REPORT && -r $REPORT ]] || die "no readable report at $REPORT"
command -v perl >/dev/null 2>&1 || die "perl is needed (Debian: perl-base)"
BUDGET=${E2E_BUDGET_MS:-3000}

# shellcheck source=scripts/chromium-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/chromium-lib.sh"
find_chromium

ABS=$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")
url_of() { local path=${1//%/%25}; path=${path// /%20}; path=${path//#/%23}; path=${path//\?/%3F}; printf 'file://%s' "$path"; }  # a path is not a URL
URL=$(url_of "$ABS")
SHOT="$ABS.png" PRINT_SHOT="$ABS.print.png" PDF="$ABS.pdf"
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

# Chromium serializes most of the page on very few lines: drop <script> bodies (the embedded audit JSON
# may quote "<mark" in a post's text; Swift escapes "</" in it, so the first "</script>" really ends
# it), then split at tags so grep sees one tag per line.
tags_of() { perl -0pe 's{<script\b.*?</script>}{}gs' "$1" | sed 's/</\n</g'; }
attribute() { sed -nE "s/.* $1=\"([^\"]*)\".*/\\1/p" <<<"$2"; }

rm -f "$SHOT" "$PRINT_SHOT" "$PDF"
chrome --screenshot="$SHOT" --window-size=1200,1600 "$URL" >/dev/null
if [[ -s $SHOT ]]; then pass "screenshot written: $SHOT"; else fail "no screenshot written"; tail -n 20 "$WORK/chromium.log" >&2; fi

chrome --dump-dom "$URL" >"$WORK/dom.html"
if [[ ! -s $WORK/dom.html ]]; then
  fail "--dump-dom produced nothing"
  tail -n 20 "$WORK/chromium.log" >&2
  printf '%d passed, %d failed\n' "$passes" "$failures"
  exit 1
fi
tags_of "$WORK/dom.html" >"$WORK/tags.txt"

body=$(grep -m1 -E '^<body[ >]' "$WORK/tags.txt" || true)
if [[ $body == *'data-rendered="1"'* && $body != *'data-error='* ]]; then
  pass "report rendered"
else
  fail "report did not render: ${body:-no <body>} (placeholder not replaced, or bad JSON?)"
fi

tile=$(grep -m1 -E '^<[a-z]+ [^>]*data-tile="findings"' "$WORK/tags.txt" || true)
value=$(attribute data-value "$tile")
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

# ---- The print layout at A4 width ----
# A copy of the report with a probe appended: it applies the report's own @media print rules on screen
# (Chromium's command line cannot switch the media type), then measures every element against the page
# width and writes what it found into data- attributes on <body>, which --dump-dom shows.
A4_WIDTH_PX=703   # 210 mm less the report's 2 × 12 mm @page margins, at 96 CSS px per inch
cat >"$WORK/probe.js" <<'PROBE'
(function () {
  for (const sheet of document.styleSheets) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule.media && Array.from(rule.media).includes("print")) {
        for (const inner of Array.from(rule.cssRules)) sheet.insertRule(inner.cssText, sheet.cssRules.length);
      }
    }
  }
  const width = document.documentElement.clientWidth, b = document.body.dataset;
  const over = [];
  for (const e of document.querySelectorAll("main *")) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5 && !e.closest("svg")) over.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className ? "." + e.className.split(" ")[0] : ""));
  }
  b.probeWidth = String(width);
  b.probeScrollWidth = String(document.documentElement.scrollWidth);
  b.probeOverflow = over.slice(0, 12).join(" ");
  b.probeOverflowCount = String(over.length);
  const errors = document.getElementById("errors");
  if (errors) {
    const heads = Array.from(errors.querySelectorAll("th")).map((th) => th.textContent.trim());
    const rows = Array.from(errors.querySelectorAll("tbody tr"));
    const reasons = rows.map((tr) => tr.querySelector("td.reason"));
    b.probeErrorHeads = heads.join("|");
    b.probeErrorRows = String(rows.length);
    b.probeReasonsEmpty = String(reasons.filter((td) => !td || !td.textContent.trim()).length);
    b.probeReasonMinWidth = String(Math.round(Math.min(...reasons.filter(Boolean).map((td) => td.getBoundingClientRect().width))));
    b.probeReasonMaxRight = String(Math.round(Math.max(...reasons.filter(Boolean).map((td) => td.getBoundingClientRect().right))));
  }
  b.probed = "1";
})();
PROBE
PROBED="$WORK/print.html"
# Before the last </body>: the report's own script has run and built the page by then.
PROBE="$WORK/probe.js" perl -0pe 'BEGIN { local $/; open my $f, "<", $ENV{PROBE} or die; $probe = <$f>; } s{</body>(?!.*</body>)}{<script>$probe</script></body>}s' \
  "$ABS" >"$PROBED" 2>"$WORK/perl.log" || true
if [[ -s $PROBED ]] && grep -q 'probed = "1"' "$PROBED"; then
  chrome --screenshot="$PRINT_SHOT" --window-size=$A4_WIDTH_PX,1600 "$(url_of "$PROBED")" >/dev/null
  if [[ -s $PRINT_SHOT ]]; then pass "print-layout screenshot at A4 width written: $PRINT_SHOT"; else fail "no print-layout screenshot written"; fi
  chrome --dump-dom --window-size=$A4_WIDTH_PX,1600 "$(url_of "$PROBED")" >"$WORK/print-dom.html"
  tags_of "$WORK/print-dom.html" >"$WORK/print-tags.txt"
  pbody=$(grep -m1 -E '^<body[ >]' "$WORK/print-tags.txt" || true)
  if [[ $(attribute data-probed "$pbody") != 1 ]]; then
    fail "the print-layout probe did not run: ${pbody:-no <body>}"
  else
    width=$(attribute data-probe-width "$pbody") scroll=$(attribute data-probe-scroll-width "$pbody")
    count=$(attribute data-probe-overflow-count "$pbody") over=$(attribute data-probe-overflow "$pbody")
    if [[ $count == 0 && $scroll -le $width ]]; then
      pass "print layout fits A4: nothing wider than the page ($width px; document $scroll px)"
    else
      fail "print layout is wider than A4 ($width px): $count elements reach past the edge ($over); document $scroll px"
    fi
    heads=$(attribute data-probe-error-heads "$pbody")
    if [[ -z $heads ]]; then
      pass "no unreadable records in this report (no #errors table to check)"
    else
      rows=$(attribute data-probe-error-rows "$pbody") empty=$(attribute data-probe-reasons-empty "$pbody")
      min=$(attribute data-probe-reason-min-width "$pbody") right=$(attribute data-probe-reason-max-right "$pbody")
      if [[ "|$heads|" == *"|Reden|"* && $empty == 0 && $min -ge 120 && $right -le $width ]]; then
        pass "unreadable-records table: reason column shown on A4 ($rows rows, each with a reason; column ≥ $min px, ends at $right of $width px)"
      else
        fail "unreadable-records table: columns '$heads', $rows rows, $empty without a reason, reason column $min px wide ending at $right of $width px"
      fi
    fi
  fi
else
  fail "could not add the print-layout probe to a copy of the report (no </body>?)"
fi

# ---- The PDF Chromium prints: A4 paper ----
chrome --print-to-pdf="$PDF" --no-pdf-header-footer "$URL" >/dev/null
if [[ -s $PDF ]]; then
  # Chromium writes the page boxes uncompressed: "/MediaBox [0 0 595.91998 842.88]" for A4.
  box=$(grep -a -o -m1 '/MediaBox \[[^]]*\]' "$PDF" || true)
  pages=$(grep -a -c '/Type /Page$\|/Type /Page[^s]' "$PDF" || true)
  read -r _ _ _ w h <<<"${box//[\[\]]/ }"
  if [[ -n ${w:-} && ${w%%.*} -ge 594 && ${w%%.*} -le 596 && ${h%%.*} -ge 841 && ${h%%.*} -le 843 ]]; then
    pass "PDF printed on A4 ($w × $h pt, about $pages pages): $PDF"
  else
    fail "PDF is not A4: ${box:-no MediaBox found} in $PDF"
  fi
else
  fail "--print-to-pdf produced nothing"
  tail -n 20 "$WORK/chromium.log" >&2
fi

# Emoji need a colour-emoji font, or they print as boxes (not a failure of the report itself).
if command -v fc-list >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi 'Noto Color Emoji'; then
  printf 'NOTE: no colour-emoji font: emoji show as boxes (apt-get install -y fonts-noto-color-emoji)\n'
fi

printf '%d passed, %d failed\n' "$passes" "$failures"
[[ $failures -eq 0 ]]
