#!/usr/bin/env bash
# End-to-end test of examples/wordpress/postwacht-prepublish in a real WordPress: Debian's wordpress,
# php and mariadb-server, with `postwacht serve`, all on loopback, and the block editor in headless
# Chromium.
#
#   scripts/wp-e2e.sh            (after: apt-get install wordpress php php-mysql mariadb-server chromium curl)
#
#   POSTWACHT      the postwacht binary            (default .build/debug/postwacht)
#   ARTIFACTS      where the screenshot and, on failure, the logs go (default .ci/artifacts)
#
# It starts MariaDB (a Unix socket in a temporary folder, no TCP), PHP's built-in web server on
# 127.0.0.1 and `postwacht serve` on 127.0.0.1, installs WordPress into the new database, activates the
# plugin and saves its settings through its own settings form, then checks the scenarios below. It
# stops everything it started by PID, also when a check fails. WordPress's Debian config reads
# /etc/wordpress/config-127.0.0.1.php: the script writes it and removes it again (and refuses to run if
# one is there that it did not write).
#
# Prints one PASS/FAIL line per check and "N passed, N failed"; exits 1 if any failed, 2 on a setup error.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
POSTWACHT=${POSTWACHT:-$ROOT/.build/debug/postwacht}
ARTIFACTS=${ARTIFACTS:-$ROOT/.ci/artifacts}
PLUGIN=$ROOT/examples/wordpress/postwacht-prepublish
HELPER=$ROOT/scripts/wp-e2e/helper.php
WP_CONFIG=/etc/wordpress/config-127.0.0.1.php
MARKER='// written by postwacht scripts/wp-e2e.sh'

setup_error() { printf 'wp-e2e: %s\n' "$*" >&2; exit 2; }

for tool in php mariadbd mariadb-install-db mariadb curl python3; do
  command -v "$tool" >/dev/null 2>&1 || setup_error "$tool is missing: apt-get install -y wordpress php php-mysql mariadb-server curl python3"
done
[[ -f /usr/share/wordpress/wp-load.php ]] || setup_error "Debian's wordpress is missing: apt-get install -y wordpress"
[[ -x $POSTWACHT ]] || setup_error "no postwacht binary at $POSTWACHT (swift build, or set POSTWACHT)"
if [[ -e $WP_CONFIG ]] && ! grep -qF "$MARKER" "$WP_CONFIG"; then
  setup_error "$WP_CONFIG exists and was not written by this script: move it away first"
fi

WORK=$(mktemp -d /tmp/wp-e2e.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$ARTIFACTS"
PIDS=()           # every process this script started, stopped on exit
PHP_PID='' DB_PID='' SERVE_PID=''

# Stops a process and the children it forked (PHP_CLI_SERVER_WORKERS makes php -S fork workers that
# outlive their parent when only the parent is signalled), by PID, waiting for each.
stop_pid() {
  local pid=$1 child
  [[ -n $pid ]] || return 0
  local children
  children=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
  for child in $children; do stop_pid "$child"; done
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [[ -f $WP_CONFIG ]] && grep -qF "$MARKER" "$WP_CONFIG"; then rm -f "$WP_CONFIG"; fi
  if (( status != 0 )); then
    mkdir -p "$ARTIFACTS/wp-e2e-logs"
    cp "$WORK"/*.log "$ARTIFACTS/wp-e2e-logs/" 2>/dev/null || true
    printf 'wp-e2e: logs kept in %s\n' "$ARTIFACTS/wp-e2e-logs" >&2
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WP_PORT=$(free_port)
SERVE_PORT=$(free_port)
SITE=http://127.0.0.1:$WP_PORT
SERVICE=http://127.0.0.1:$SERVE_PORT
export WP_E2E_HOST=127.0.0.1:$WP_PORT WP_E2E_CONTENT=$WORK/wp-content
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
printf '%s\n' "$TOKEN" >"$WORK/token"

wait_for() {  # wait_for DESCRIPTION COMMAND...: up to 30 s
  local what=$1; shift
  for _ in $(seq 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  setup_error "$what did not come up (logs: $WORK)"
}

# --- MariaDB: its own data folder and socket, no TCP port ---------------------------------------
mariadb-install-db --no-defaults --user=root --datadir="$WORK/db" --auth-root-authentication-method=socket >"$WORK/mariadb-install.log" 2>&1 \
  || setup_error "mariadb-install-db failed: $(tail -n 3 "$WORK/mariadb-install.log")"
mariadbd --no-defaults --user=root --datadir="$WORK/db" --socket="$WORK/mysql.sock" --skip-networking \
  --pid-file="$WORK/mariadb.pid" --log-error="$WORK/mariadb.log" --innodb-buffer-pool-size=64M &
DB_PID=$!; PIDS+=("$DB_PID")
wait_for MariaDB mariadb --no-defaults --socket="$WORK/mysql.sock" -uroot -e 'SELECT 1'
mariadb --no-defaults --socket="$WORK/mysql.sock" -uroot -e \
  "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'e2e-db'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# --- WordPress: Debian's code, this run's wp-content and config ---------------------------------
mkdir -p "$WORK/wp-content/plugins" "$WORK/wp-content/themes" "$WORK/wp-content/uploads"
ln -s "$PLUGIN" "$WORK/wp-content/plugins/postwacht-prepublish"
for theme in /usr/share/wordpress/wp-content/themes/*/; do ln -s "${theme%/}" "$WORK/wp-content/themes/"; done
ln -s /usr/share/wordpress/wp-content/languages "$WORK/wp-content/languages"
salts=$(python3 -c 'import secrets
for k in ["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"]:
    print(f"define(\"{k}\", \"{secrets.token_hex(32)}\");")')
cat >"$WP_CONFIG" <<EOF
<?php
$MARKER
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'e2e-db');
define('DB_HOST', 'localhost:$WORK/mysql.sock');
define('WP_HOME', '$SITE');
define('WP_SITEURL', '$SITE');
define('WP_CONTENT_DIR', '$WORK/wp-content');
define('WP_CONTENT_URL', '$SITE/wp-content');
// Application passwords need HTTPS, or this:
define('WP_ENVIRONMENT_TYPE', 'local');
// The test runs the scheduled-post event itself (helper.php cron-publish).
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', '$WORK/wp-debug.log');
define('WP_DEBUG_DISPLAY', false);
$salts
EOF

helper() { php "$HELPER" "$@" 2>>"$WORK/helper.log"; }
# json FILE EXPRESSION: a value from a JSON file (d is the document); empty when absent.
json() { python3 - "$1" "$2" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    v = eval(sys.argv[2], {"d": d})
except Exception:
    v = None
print("" if v is None else (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v))
EOF
}

helper install "postwacht e2e" "$PASSWORD" >/dev/null || setup_error "WordPress did not install: $(tail -n 5 "$WORK/helper.log")"
helper option WPLANG nl_NL >/dev/null
helper activate >/dev/null || setup_error "the plugin did not activate: $(tail -n 5 "$WORK/helper.log")"
helper hide-welcome admin >/dev/null

PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$WP_PORT" -t /usr/share/wordpress "$ROOT/scripts/wp-e2e/router.php" >"$WORK/php-server.log" 2>&1 &
PHP_PID=$!; PIDS+=("$PHP_PID")
wait_for "PHP's web server" curl -fsS -o /dev/null "$SITE/wp-login.php"

start_service() {  # start_service [serve options]: postwacht serve on SERVE_PORT
  "$POSTWACHT" serve --host 127.0.0.1 --port "$SERVE_PORT" "$@" >>"$WORK/postwacht-serve.log" 2>&1 &
  SERVE_PID=$!; PIDS+=("$SERVE_PID")
  wait_for "postwacht serve" curl -fsS -o /dev/null "$SERVICE/healthz"
}
stop_service() { stop_pid "$SERVE_PID"; SERVE_PID=''; }

start_service --token-file "$WORK/token"

# --- Checks --------------------------------------------------------------------------------------
passed=0 failed=0
check() {  # check NAME TEST...: PASS when the test command succeeds
  local name=$1; shift
  if "$@"; then printf 'PASS %s\n' "$name"; passed=$((passed + 1))
  else printf 'FAIL %s\n' "$name"; failed=$((failed + 1)); [[ -n ${DETAIL:-} ]] && printf '  %s\n' "$DETAIL"; fi
  DETAIL=''
}
is() { [[ $1 == "$2" ]] || { DETAIL="got '$1', want '$2'"; return 1; }; }
has() { [[ $1 == *"$2"* ]] || { DETAIL="'${1:0:300}' lacks '$2'"; return 1; }; }
lacks() { [[ $1 != *"$2"* ]] || { DETAIL="'${1:0:300}' contains '$2'"; return 1; }; }
all() { local t; for t in "$@"; do eval "$t" || return 1; done; }

# Logged-in browser session for the admin forms (cookie jar), as a school's administrator would.
JAR=$WORK/cookies.txt
login() {
  curl -sS -c "$JAR" -b "$JAR" -o /dev/null "$SITE/wp-login.php"
  curl -sS -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code}' \
    --data-urlencode "log=admin" --data-urlencode "pwd=$PASSWORD" -d 'wp-submit=Log+In&testcookie=1' "$SITE/wp-login.php"
}
is_redirect() { [[ $(login) == 302 ]]; }
check "admin logs in through wp-login.php" is_redirect

# Settings through the plugin's own form: URL, token and the school's pack (listed from the service).
# Before it is set up, the plugin points at the default address, where nothing answers here.
page=$(curl -sS -b "$JAR" "$SITE/wp-admin/options-general.php?page=postwacht")
check "settings page, service not reachable yet: says so, and takes the pack id as text" all \
  'has "$page" "data-status=\"critical\""' 'has "$page" "type=\"text\" class=\"regular-text code\" id=\"postwacht_policy\""'
nonce=$(grep -o 'name="_wpnonce" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
curl -sS -b "$JAR" -c "$JAR" -o /dev/null \
  -d "option_page=postwacht&action=update&_wpnonce=$nonce&_wp_http_referer=%2Fwp-admin%2Foptions-general.php%3Fpage%3Dpostwacht" \
  --data-urlencode "postwacht_settings[url]=$SERVICE" --data-urlencode "postwacht_settings[token]=$TOKEN" \
  -d 'postwacht_settings[policy]=regenboog&postwacht_settings[role]=school&postwacht_settings[timeout]=3&postwacht_settings[fail_mode]=closed' \
  "$SITE/wp-admin/options.php"
page=$(curl -sS -b "$JAR" "$SITE/wp-admin/options-general.php?page=postwacht")
check "settings form saved: the page says the service answers under regenboog" has "$page" 'data-status="good"'
check "settings page lists the service's packs with their schools" has "$page" '<option value="regenboog" selected='"'"'selected'"'"'>GBS De Regenboog'
helper site-health >"$WORK/health.json"
check "Site Health: the postwacht test is good" is "$(json "$WORK/health.json" 'd["status"]')" good

APP=$(helper app-password redactie | python3 -c 'import json,sys; print(json.load(sys.stdin)["password"])')
rest() {  # rest METHOD ROUTE [JSON]: body in $WORK/rest.json, prints the HTTP status
  curl -sS -o "$WORK/rest.json" -w '%{http_code}' -u "redactie:$APP" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data-binary "$3"} "$SITE/?rest_route=$2"
}
post_field() { helper get "$1" >"$WORK/post.json"; json "$WORK/post.json" "$2"; }

CURSE='Wat een k4nkerschool is dit.'
code=$(rest POST /wp/v2/posts '{"title":"Sportdag","content":"<!-- wp:paragraph --><p>Hoera, de sportdag was geweldig!</p><!-- /wp:paragraph -->","status":"publish"}')
check "REST: a clean post is published (201)" is "$code" 201
check "REST: the answer carries postwacht.verdict ok" is "$(json "$WORK/rest.json" 'd["postwacht"]["verdict"]')" ok

code=$(rest POST /wp/v2/posts "{\"title\":\"Nieuws\",\"content\":\"<p>$CURSE</p>\",\"status\":\"publish\"}")
id=$(json "$WORK/rest.json" 'd["data"]["post_id"]')
check "REST: a curse is refused with 422 postwacht_blocked" all 'is "$code" 422' 'is "$(json "$WORK/rest.json" "d[\"code\"]")" postwacht_blocked'
check "REST: the message is Dutch (site language nl_NL) and names the finding" has "$(json "$WORK/rest.json" 'd["message"]')" 'schuttingtaal'
check "REST: the held post is a draft with its content kept" all 'is "$(post_field "$id" "d[\"status\"]")" draft' 'has "$(post_field "$id" "d[\"content\"]")" k4nkerschool'
check "REST: stored findings are masked" all 'is "$(post_field "$id" "d[\"postwacht\"][\"verdict\"]")" block' 'lacks "$(post_field "$id" "d[\"postwacht\"][\"findings\"]")" k4nkerschool'
check "REST: the finding quotes the school's own protocol (regenboog) only" \
  is "$(json "$WORK/rest.json" '",".join(sorted({c["policy"] for f in d["data"]["findings"] for c in f["clauses"]}))')" regenboog

code=$(rest POST /wp/v2/posts '{"title":"Gymtas kwijt","content":"<p>Wie heeft de blauwe gymtas meegenomen? Bel me op 06-52459151.</p>","status":"publish"}')
check "REST: a phone number is published with a warning (201)" is "$code" 201
check "REST: the warning is in the answer (postwacht.verdict warn, privacy.phone, masked)" all \
  'is "$(json "$WORK/rest.json" "d[\"postwacht\"][\"verdict\"]")" warn' \
  'has "$(json "$WORK/rest.json" "[f[\"rule\"] for f in d[\"postwacht\"][\"findings\"]]")" privacy.phone' \
  'lacks "$(json "$WORK/rest.json" "d[\"postwacht\"][\"findings\"]")" 52459151'

code=$(rest POST /wp/v2/posts '{"title":"Verkeersexamen","content":"<!-- wp:image --><figure class=\"wp-block-image\"><img src=\"https://school.example/foto.jpg\" alt=\"\"/></figure><!-- /wp:image --><!-- wp:paragraph --><p>Onze leerling Sanne de Vries heeft haar verkeersdiploma gehaald!</p><!-- /wp:paragraph -->","status":"publish"}')
check "REST: a pupil's name beside an image is blocked (privacy.name-with-photo)" all 'is "$code" 422' \
  'has "$(json "$WORK/rest.json" "[f[\"rule\"] for f in d[\"data\"][\"findings\"]]")" privacy.name-with-photo'

helper insert redactie "{\"post_title\":\"Mededeling\",\"post_content\":\"<p>$CURSE</p>\",\"post_status\":\"publish\"}" >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
check "wp_insert_post(): a curse stays a draft, content kept" all 'is "$(post_field "$id" "d[\"status\"]")" draft' 'has "$(post_field "$id" "d[\"content\"]")" k4nkerschool'
check "wp_insert_post(): the author is told on the next admin page (masked)" all \
  'has "$(helper notices redactie)" "cannot go live"' 'lacks "$(helper notices redactie)" k4nkerschool'

helper insert redactie "{\"post_title\":\"Concept\",\"post_content\":\"<p>$CURSE</p>\",\"post_status\":\"draft\"}" >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
helper publish redactie "$id" >/dev/null
check "wp_publish_post(): a draft with a curse does not go live" all 'is "$(post_field "$id" "d[\"status\"]")" draft' \
  'is "$(post_field "$id" "d[\"postwacht\"][\"verdict\"]")" block' 'has "$(post_field "$id" "d[\"content\"]")" k4nkerschool'
helper insert redactie '{"post_title":"Concept","post_content":"<p>De schoolfotograaf komt dinsdag.</p>","post_status":"draft"}' >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
helper publish redactie "$id" >/dev/null
check "wp_publish_post(): a clean draft goes live" is "$(post_field "$id" "d[\"status\"]")" publish

future=$(date -u -d '+1 day' '+%Y-%m-%d %H:%M:%S')
helper insert redactie "{\"post_title\":\"Later\",\"post_content\":\"<p>$CURSE</p>\",\"post_status\":\"future\",\"post_date_gmt\":\"$future\"}" >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
check "scheduling a post with a curse keeps it a draft" is "$(post_field "$id" "d[\"status\"]")" draft

# Fail open: a post scheduled while the service is down is not checked then, but when cron publishes it.
helper settings '{"fail_mode":"open"}' >/dev/null
stop_service
helper insert redactie "{\"post_title\":\"Later\",\"post_content\":\"<p>$CURSE</p>\",\"post_status\":\"future\",\"post_date_gmt\":\"$future\"}" >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
check "fail open, service down: the scheduled post stays scheduled, marked unchecked" all \
  'is "$(post_field "$id" "d[\"status\"]")" future' 'is "$(post_field "$id" "d[\"postwacht\"][\"verdict\"]")" unchecked'
code=$(rest POST /wp/v2/posts '{"title":"Open","content":"<p>Morgen is de school dicht.</p>","status":"publish"}')
check "fail open, service down: REST publishes and says so in the answer" all 'is "$code" 201' \
  'is "$(json "$WORK/rest.json" "d[\"postwacht\"][\"verdict\"]")" unchecked' 'has "$(json "$WORK/rest.json" "d[\"postwacht\"][\"note\"]")" "without a check"'
helper site-health >"$WORK/health.json"
check "Site Health: critical while the service is down" is "$(json "$WORK/health.json" 'd["status"]')" critical
start_service --token-file "$WORK/token"
helper cron-publish "$id" >/dev/null
check "cron: the scheduled post with a curse is checked when due and kept a draft" all \
  'is "$(post_field "$id" "d[\"status\"]")" draft' 'is "$(post_field "$id" "d[\"postwacht\"][\"verdict\"]")" block'
check "cron: its author is told on the next admin page" has "$(helper notices redactie)" "was not published"

helper settings '{"fail_mode":"closed"}' >/dev/null
stop_service
code=$(rest POST /wp/v2/posts '{"title":"Dicht","content":"<p>Morgen is de school dicht.</p>","status":"publish"}')
id=$(json "$WORK/rest.json" 'd["data"]["post_id"]')
check "fail closed, service down: REST answers 503 postwacht_unavailable and keeps a draft" all 'is "$code" 503' \
  'is "$(json "$WORK/rest.json" "d[\"code\"]")" postwacht_unavailable' 'is "$(post_field "$id" "d[\"status\"]")" draft'
start_service --token-file "$WORK/token"

# A wrong or missing token is a configuration error: held even in fail-open mode.
helper settings '{"fail_mode":"open","token":"not-the-token"}' >/dev/null
code=$(rest POST /wp/v2/posts '{"title":"Token","content":"<p>Morgen is de school dicht.</p>","status":"publish"}')
id=$(json "$WORK/rest.json" 'd["data"]["post_id"]')
check "wrong token, fail open: held (503 postwacht_misconfigured), not published unchecked" all 'is "$code" 503' \
  'is "$(json "$WORK/rest.json" "d[\"code\"]")" postwacht_misconfigured' 'has "$(json "$WORK/rest.json" "d[\"message\"]")" auth.invalid-token' \
  'is "$(post_field "$id" "d[\"status\"]")" draft'
helper settings '{"token_clear":"1"}' >/dev/null
code=$(rest POST /wp/v2/posts '{"title":"Token","content":"<p>Morgen is de school dicht.</p>","status":"publish"}')
check "missing token, fail open: held too (auth.required)" all 'is "$code" 503' 'has "$(json "$WORK/rest.json" "d[\"message\"]")" auth.required'
helper settings "{\"token\":\"$TOKEN\",\"fail_mode\":\"closed\"}" >/dev/null

# XML-RPC: a held post is a fault, not a post id.
xml="<?xml version=\"1.0\"?><methodCall><methodName>wp.newPost</methodName><params><param><value><int>1</int></value></param><param><value><string>redactie</string></value></param><param><value><string>$APP</string></value></param><param><value><struct><member><name>post_title</name><value><string>XML-RPC</string></value></member><member><name>post_content</name><value><string>$CURSE</string></value></member><member><name>post_status</name><value><string>publish</string></value></member></struct></value></param></params></methodCall>"
answer=$(curl -sS -H 'Content-Type: text/xml' --data-binary "$xml" "$SITE/xmlrpc.php")
check "XML-RPC wp.newPost: a curse is answered with a fault naming the reason" all 'has "$answer" faultCode' 'has "$answer" "cannot go live"'

# Quick Edit (admin-ajax inline-save, as the posts list sends it): the redrawn row says why.
helper insert admin "{\"post_title\":\"Snel\",\"post_content\":\"<p>$CURSE</p>\",\"post_status\":\"draft\"}" >"$WORK/insert.json"
id=$(json "$WORK/insert.json" 'd["id"]')
inline_nonce=$(curl -sS -b "$JAR" "$SITE/wp-admin/edit.php" | grep -o 'id="_inline_edit" name="_inline_edit" value="[^"]*"' | sed 's/.*value="//; s/"$//')
row=$(curl -sS -b "$JAR" "$SITE/wp-admin/admin-ajax.php" -d "action=inline-save&post_type=post&screen=edit-post&post_view=list&post_ID=$id&_inline_edit=$inline_nonce" \
  --data-urlencode 'post_title=Snel' -d '_status=publish')
check "Quick Edit: the post stays a draft and its row says why at once" all 'is "$(post_field "$id" "d[\"status\"]")" draft' \
  'has "$row" "data-verdict=\"block\""' 'has "$row" "cannot go live"' 'lacks "$row" k4nkerschool'

# English site: English messages.
helper option WPLANG '' >/dev/null
code=$(rest POST /wp/v2/posts "{\"title\":\"News\",\"content\":\"<p>$CURSE</p>\",\"status\":\"publish\"}")
check "site language en_US: the service answers in English" lacks "$(json "$WORK/rest.json" 'd["message"]')" schuttingtaal
helper option WPLANG nl_NL >/dev/null

# The block editor: the pre-publish panel in headless Chromium.
code=$(rest POST /wp/v2/posts "{\"title\":\"Schoolreis\",\"content\":\"<!-- wp:paragraph --><p>De schoolreis was leuk. $CURSE</p><!-- /wp:paragraph -->\",\"status\":\"draft\"}")
id=$(json "$WORK/rest.json" 'd["id"]')
python3 "$ROOT/scripts/wp-e2e/gutenberg.py" --site "$SITE" --user=admin --password="$PASSWORD" --post="$id" \
  --screenshot "$ARTIFACTS/gutenberg-panel.png" >"$WORK/gutenberg.out" 2>"$WORK/gutenberg.log"
browser_status=$?
cat "$WORK/gutenberg.out"
passed=$((passed + $(grep -c '^PASS' "$WORK/gutenberg.out")))
failed=$((failed + $(grep -c '^FAIL' "$WORK/gutenberg.out")))
if (( browser_status != 0 )) && ! grep -q '^FAIL' "$WORK/gutenberg.out"; then
  printf 'FAIL block editor check did not run: %s\n' "$(tail -n 3 "$WORK/gutenberg.log")"; failed=$((failed + 1))
fi

# The plugin's own log lines are status codes; anything PHP itself says about the plugin is a bug.
if [[ -s $WORK/wp-debug.log ]] && grep -E 'PHP (Warning|Notice|Deprecated|Fatal error|Parse error)' "$WORK/wp-debug.log" | grep -q 'postwacht'; then
  printf 'FAIL PHP reports problems in the plugin:\n'; grep -E 'PHP (Warning|Notice|Deprecated|Fatal)' "$WORK/wp-debug.log" | grep 'postwacht' | head -n 5
  failed=$((failed + 1))
else
  printf 'PASS no PHP warnings or notices from the plugin\n'; passed=$((passed + 1))
fi

printf 'wp-e2e: %d passed, %d failed\n' "$passed" "$failed"
(( failed == 0 ))
