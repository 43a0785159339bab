# Shared by the headless-Chromium checks (demo-e2e.sh, report-e2e.sh): sourced, not run.
# find_chromium: sets CHROMIUM to the browser binary ($CHROMIUM, chromium, chromium-browser,
# google-chrome) or exits 2 with a message saying how to install it.
find_chromium() {
  if [ -n "${CHROMIUM:-}" ]; then
    command -v "$CHROMIUM" >/dev/null 2>&1 || { echo "CHROMIUM=$CHROMIUM is not an executable" >&2; exit 2; }
    return
  fi
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then CHROMIUM=$candidate; return; fi
  done
  echo "no Chromium found: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 2
}
