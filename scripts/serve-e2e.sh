#!/usr/bin/env bash
# End-to-end checks of `postwacht serve` as a process, on loopback: what unit tests cannot see.
#
#   scripts/serve-e2e.sh
#
#   POSTWACHT      the postwacht binary                       (default .build/debug/postwacht)
#   SCHEMATHESIS   a schemathesis binary; without one that check is skipped (scripts/test.sh installs it)
#
# Checks:
#   - a second server on the same port exits 2 saying the port is in use;
#   - 200 connections sending their headers slowly (slowloris) are all closed after --idle-timeout;
#   - after 16 parallel 1 MiB posts, resident memory goes back close to where it was before;
#   - a school's own pack from --policy-dir (Fixtures/custom-school, a made-up school) is served:
#     /v1/policies lists it, /v1/rules?policy= gives its rules, a check with its org (or an alias)
#     cites its clauses;
#   - schemathesis (bounded) finds no difference between the OpenAPI document and the service.
# Stops the server it started by PID, also when a check fails. Prints PASS/FAIL lines and
# "N passed, N failed"; exits 1 if any check failed, 2 on a setup error.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
POSTWACHT=${POSTWACHT:-$ROOT/.build/debug/postwacht}
[[ -x $POSTWACHT ]] || { echo "serve-e2e: no postwacht binary at $POSTWACHT (swift build, or set POSTWACHT)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "serve-e2e: python3 is missing" >&2; exit 2; }

WORK=$(mktemp -d /tmp/serve-e2e.XXXXXX)
SERVE_PID=''
cleanup() {
  local status=$?
  if [[ -n $SERVE_PID ]]; then kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null; fi
  (( status == 0 )) || { echo "serve-e2e: server log:" >&2; tail -n 20 "$WORK/serve.log" >&2; }
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$TOKEN" >"$WORK/token"
"$POSTWACHT" serve --host 127.0.0.1 --port "$PORT" --token-file "$WORK/token" --idle-timeout 2 \
  --max-concurrent-checks 16 --policy-dir "$ROOT/Fixtures/custom-school" >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "serve-e2e: the server did not start" >&2; exit 2; }

passed=0 failed=0
report() {  # report NAME STATUS DETAIL
  if [[ $2 == 0 ]]; then printf 'PASS %s\n' "$1"; passed=$((passed + 1))
  else printf 'FAIL %s\n  %s\n' "$1" "$3"; failed=$((failed + 1)); fi
}

# A second server on the same port.
second=$("$POSTWACHT" serve --host 127.0.0.1 --port "$PORT" 2>&1 >/dev/null); status=$?
[[ $status == 2 && $second == *"port $PORT is already in use"* ]]
report "a port in use: exit 2 and says so" $? "exit $status: $second"

# Slowloris: 200 connections, one header line a second each, for at most 15 s.
out=$(python3 - "$PORT" <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
connections = []
for _ in range(200):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\n")
    connections.append(s)
open_ones, started = set(range(200)), time.time()
while open_ones and time.time() - started < 15:
    time.sleep(1)
    for index in list(open_ones):
        try:
            connections[index].sendall(b"X-Slow: 1\r\n")
        except OSError:
            open_ones.discard(index)
print(f"{200 - len(open_ones)} of 200 closed after {time.time() - started:.0f} s")
sys.exit(0 if not open_ones else 1)
EOF
); status=$?
report "slowloris: $out" $status "$out (--idle-timeout 2)"

# A school's own pack (--policy-dir): listed, its rules, its clauses cited for its org and an alias.
auth=(-H "Authorization: Bearer $TOKEN")
policies=$(curl -fsS "${auth[@]}" "http://127.0.0.1:$PORT/v1/policies")
[[ $policies == *'"klimop"'* && $policies == *'OBS De Klimop'* ]]
report "--policy-dir: /v1/policies lists the school's own pack" $? "$policies"
rules=$(curl -fsS "${auth[@]}" "http://127.0.0.1:$PORT/v1/rules?policy=klimop")
[[ $rules == *'profanity.curse'* && $rules == *'klimop/1.1'* ]]
report "--policy-dir: /v1/rules?policy=klimop gives its rules and clauses" $? "$rules"
answer=$(curl -fsS "${auth[@]}" -d '{"text": "Wat een kutschool is dit geworden.", "author_role": "parent", "org": "Klimopschool"}' \
  "http://127.0.0.1:$PORT/v1/check")
[[ $answer == *'"verdict":"block"'* && $answer == *'klimop/1.1'* && $answer == *'OBS De Klimop'* ]]
report "--policy-dir: a check for the school's alias cites its clause" $? "$answer"

# Memory: resident set before, at the peak of 16 parallel 1 MiB posts, and two seconds after.
rss() { awk '/^VmRSS/ {print $2}' "/proc/$SERVE_PID/status"; }
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -d '{"text":"Hoera!"}' "http://127.0.0.1:$PORT/v1/check"
before=$(rss)
codes=$(python3 - "$PORT" "$TOKEN" <<'EOF'
import json, random, sys, threading, urllib.request
port, token = sys.argv[1], sys.argv[2]
random.seed(7)
words = ("Hoera de sportdag was geweldig en de kinderen van groep 5 hebben genoten van het mooie weer "
         "juf Anna bel 06-12345678 wat een kutdag").split()
text = " ".join(random.choice(words) for _ in range(190_000))[:1_000_000]
body = json.dumps({"text": text}).encode()
codes = []
def post():
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/check", data=body,
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            codes.append(response.status)
    except urllib.error.HTTPError as error:
        codes.append(error.code)
threads = [threading.Thread(target=post) for _ in range(16)]
[t.start() for t in threads]
[t.join() for t in threads]
print(" ".join(str(c) for c in sorted(set(codes))))
EOF
)
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVE_PID/status")
sleep 2
after=$(rss)
summary="RSS before ${before} kB, peak ${peak} kB, after ${after} kB (statuses: $codes)"
# Back close to the start: at most a quarter of what the peak added stays.
(( after <= before + (peak - before) / 4 ))
report "memory after 16 parallel 1 MiB posts: $summary" $? "$summary"

# The OpenAPI document against the service (bounded: a fixed number of examples per operation).
if [[ -n ${SCHEMATHESIS:-} && -x ${SCHEMATHESIS:-} ]]; then
  # In the temporary folder: schemathesis leaves a .schemathesis/ cache where it runs.
  (cd "$WORK" && "$SCHEMATHESIS" run "http://127.0.0.1:$PORT/openapi.yaml" --checks all --max-examples 60 --workers 2 \
    --header "Authorization: Bearer $TOKEN" --seed 1 >"$WORK/schemathesis.log" 2>&1)
  status=$?
  report "schemathesis: the service answers as openapi.yaml says ($(grep -Eo '[0-9]+ generated, [0-9]+ passed' "$WORK/schemathesis.log" | head -1))" \
    $status "$(grep -A12 'FAILURES' "$WORK/schemathesis.log" | head -n 20)"
else
  printf 'skip schemathesis: SCHEMATHESIS not set (scripts/test.sh installs it)\n'
fi

printf 'serve-e2e: %d passed, %d failed\n' "$passed" "$failed"
(( failed == 0 ))
