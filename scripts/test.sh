#!/usr/bin/env bash
# The project's test command, the same for a developer and for CI (.ci/run runs exactly this):
#
#   bash scripts/test.sh
#
# 1. installs what the tests need from Debian's packages (root; skipped when all are installed):
#    ICU, the Dutch word list, and for the end-to-end checks WordPress, PHP, MariaDB and Chromium;
# 2. runs the unit tests: swift test --disable-swift-testing;
# 3. runs the end-to-end checks, each on loopback and stopping what it started:
#    scripts/serve-e2e.sh (the service as a process, with a bounded schemathesis run),
#    scripts/wp-e2e.sh (the WordPress plugin in Debian's WordPress and headless Chromium),
#    scripts/demo-e2e.sh (the demo page) and scripts/report-e2e.sh (an HTML audit report).
#
# Artefacts (the block editor screenshot, the report and its screenshot, logs of a failed run) are
# left in .ci/artifacts/ (git-ignored). Exits non-zero when any step fails; every step runs.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS=$ROOT/.ci/artifacts
mkdir -p "$ARTIFACTS"
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(libicu-dev wdutch pkg-config
          wordpress php php-mysql mariadb-server chromium fonts-noto-color-emoji curl)

step() { printf '\n=== %s\n' "$*"; }
failures=()
run() {  # run NAME COMMAND...: runs it, remembers a failure, goes on
  local name=$1; shift
  step "$name"
  "$@" || failures+=("$name")
}

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if (( ${#missing[@]} > 0 )); then
  step "apt-get install ${missing[*]}"
  (( EUID == 0 )) || { echo "test.sh: missing packages (${missing[*]}); run as root or install them" >&2; exit 2; }
  # Installing mariadb-server or apache2 (a dependency of wordpress) must not start system services:
  # the end-to-end checks start their own, on loopback, and stop them again.
  made_policy=''
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get update -q && apt-get install -y -q "${missing[@]}"
  status=$?
  [[ -n $made_policy ]] && rm -f /usr/sbin/policy-rc.d
  (( status == 0 )) || { echo "test.sh: apt-get install failed" >&2; exit 2; }
fi

run "swift test" swift test --disable-swift-testing
step "swift build --product postwacht"
swift build --product postwacht || { echo "test.sh: the postwacht binary did not build; no end-to-end checks" >&2; exit 1; }
POSTWACHT=$(swift build --show-bin-path)/postwacht
export POSTWACHT ARTIFACTS

# schemathesis from PyPI, in a virtual environment of its own under .build (git-ignored).
SCHEMATHESIS_VERSION=4.32.5
venv=$ROOT/.build/e2e-venv
if [[ ! -x $venv/bin/schemathesis ]] || [[ $("$venv/bin/schemathesis" --version 2>/dev/null) != *"$SCHEMATHESIS_VERSION"* ]]; then
  step "pip install schemathesis==$SCHEMATHESIS_VERSION"
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION" || failures+=("pip install schemathesis")
fi
[[ -x $venv/bin/schemathesis ]] && export SCHEMATHESIS=$venv/bin/schemathesis

run "scripts/serve-e2e.sh" bash scripts/serve-e2e.sh
run "scripts/wp-e2e.sh" bash scripts/wp-e2e.sh

# The demo page against a service of its own.
demo_check() {
  local port pid status
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$POSTWACHT" serve --host 127.0.0.1 --port "$port" >"$ARTIFACTS/demo-serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
  POSTWACHT_URL=http://127.0.0.1:$port bash scripts/demo-e2e.sh
  status=$?
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  return "$status"
}
run "scripts/demo-e2e.sh" demo_check

# An HTML report of the fixture exports (exit 1 there means: findings, as expected).
report_check() {
  "$POSTWACHT" audit Fixtures/exports/ --report "$ARTIFACTS/report.html" >"$ARTIFACTS/audit.log" 2>&1
  local status=$?
  (( status <= 1 )) && [[ -s $ARTIFACTS/report.html ]] || { echo "postwacht audit exited $status:"; tail -n 5 "$ARTIFACTS/audit.log"; return 1; }
  bash scripts/report-e2e.sh "$ARTIFACTS/report.html"
}
run "scripts/report-e2e.sh" report_check

step "summary"
if (( ${#failures[@]} > 0 )); then
  printf 'test.sh: failed: %s\n' "${failures[*]}"
  exit 1
fi
printf 'test.sh: every step passed; artefacts in %s\n' "$ARTIFACTS"
