#!/usr/bin/env bash
# End-to-end check of the demo page (GET /) in headless Chromium, without Node.
#
# Assumes a running service:  postwacht serve  (default http://127.0.0.1:8787)
#   POSTWACHT_URL   service base URL            (default http://127.0.0.1:8787)
#   CHROMIUM        browser binary              (default: first of chromium, chromium-browser, google-chrome)
#   E2E_BUDGET_MS   --virtual-time-budget value (default 5000)
#
# For each case the page is opened as /?text=…&role=… (the demo pre-fills the form and checks at
# once), the DOM is dumped, and we assert: body[data-checked] >= 1, #verdict[data-verdict], and the
# exact list of <mark> texts in #highlights, which proves the UTF-16 offsets land on the right
# characters after emoji (astral characters and ZWJ sequences).
set -u

BASE=${POSTWACHT_URL:-http://127.0.0.1:8787}
BASE=${BASE%/}
BUDGET=${E2E_BUDGET_MS:-5000}

die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/chromium-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/chromium-lib.sh"
find_chromium

# Percent-encodes every byte outside the unreserved set, so UTF-8 (emoji, ZWJ) survives intact.
urlencode() {
  local LC_ALL=C s=$1 out='' c i
  for (( i = 0; i < ${#s}; i++ )); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) printf -v c '%02X' "'$c"; out+="%${c: -2}" ;;   # last 2 digits: guards against sign-extended bytes
    esac
  done
  printf '%s' "$out"
}

# Undoes the entity escaping of DOM serialisation in text content.
unescape_html() { sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&nbsp;/ /g; s/&amp;/\&/g'; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Is the service there at all? (curl is optional: without it Chromium's result tells.)
if command -v curl >/dev/null 2>&1; then
  curl -fsS -m 5 "$BASE/healthz" >/dev/null 2>&1 || die "service not reachable at $BASE/healthz (start: postwacht serve)"
fi

# name | text | extra query | expected verdict | expected <mark> texts, in order, separated by ';' (empty: none)
#   [| markup the page must contain]
CASES=(
  'other-clause|Wat een k4nkerschool|role=parent&policy=regenboog|block|k4nkerschool|<details class="more-clauses"><summary class="hint">1 andere bepaling</summary>'
  'emoji-curse|😀👩‍👩‍👧 wat een k4nkerschool|role=parent|block|k4nkerschool'
  'clean|Hoera, de sportdag was geweldig!|role=parent|ok|'
  'photo-name|Trotse moeder hier! 🥹 Onze zoon Berat (groep 8) heeft zijn verkeersdiploma gehaald 📸|role=parent&photo=1|block|Berat'
  'phone|Wie heeft er na de gymles per ongeluk de blauwe gymtas van mijn zoon meegenomen? Er zit een naamlabel in. Graag even een berichtje naar 06-52459151 🙏|role=parent|warn|06-52459151'
)

passed=0
failed=0
for case in "${CASES[@]}"; do
  IFS='|' read -r name text query want_verdict want_marks want_markup <<<"$case"
  url="$BASE/?text=$(urlencode "$text")&$query"
  dom="$WORK/$name.html"
  # The Debian wrapper prints harmless noise on stderr; keep it for the failure message only.
  if ! timeout 90 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$WORK/profile" --virtual-time-budget="$BUDGET" \
        --dump-dom "$url" >"$dom" 2>"$WORK/$name.err"; then
    printf 'FAIL %s: chromium exited non-zero; stderr:\n' "$name" >&2
    tail -n 5 "$WORK/$name.err" >&2
    failed=$((failed + 1)); continue
  fi
  flat=$(tr '\n' ' ' <"$dom")    # one line: a title may hold newlines

  problems=()
  checked=$(grep -o '<body[^>]*data-checked="[0-9]*"' <<<"$flat" | sed 's/.*data-checked="\([0-9]*\)"/\1/')
  if [[ -z $checked || $checked -lt 1 ]]; then
    err=$(grep -o '<body[^>]*data-error="[^"]*"' <<<"$flat" | sed 's/.*data-error="\([^"]*\)"/\1/')
    status=$(grep -o '<span id="status"[^>]*>[^<]*' <<<"$flat" | sed 's/.*>//' | unescape_html)
    problems+=("no completed check (data-checked='${checked}', data-error='${err}', status='${status}')")
  fi
  verdict=$(grep -o '<[a-z]* id="verdict"[^>]*>' <<<"$flat" | grep -o 'data-verdict="[^"]*"' | sed 's/data-verdict="\(.*\)"/\1/')
  [[ $verdict == "$want_verdict" ]] || problems+=("verdict '$verdict', want '$want_verdict'")

  # Marks live only inside #highlights; the text after the last '>' of each <mark …> is its content.
  marks=$(grep -o '<mark [^<]*</mark>' <<<"$flat" | sed 's/.*>\([^>]*\)<\/mark>$/\1/' | unescape_html | paste -sd ';' -)
  [[ $marks == "$want_marks" ]] || problems+=("marks '$marks', want '$want_marks'")
  [[ -z ${want_markup:-} || $flat == *"$want_markup"* ]] || problems+=("the page lacks $want_markup")

  if (( ${#problems[@]} == 0 )); then
    printf 'PASS %s: verdict=%s marks=[%s] checked=%s\n' "$name" "$verdict" "$marks" "$checked"
    passed=$((passed + 1))
  else
    for p in "${problems[@]}"; do printf 'FAIL %s: %s\n' "$name" "$p" >&2; done
    printf '  url: %s\n' "$url" >&2
    failed=$((failed + 1))
  fi
done

printf '%d passed, %d failed\n' "$passed" "$failed"
(( failed == 0 )) || exit 1
