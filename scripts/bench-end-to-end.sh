#!/usr/bin/env bash
# What users feel (issue 19): cold start of `postwacht check`, end-to-end throughput of `check` on
# one core and of `audit` on all cores, output bytes per input byte, peak memory. Whole processes,
# release build, on a generated PII-dense export (postwacht-bench export). Prints figures; it never
# fails on a slow figure. docs/performance.md holds its latest output.
#   scripts/bench-end-to-end.sh [export-megabytes]     (default: 32)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-32}
tmp=${TMPDIR:-/tmp}
export_file=$tmp/postwacht-e2e-export-$megabytes.jsonl
out=$tmp/postwacht-e2e-out.jsonl
swift build -c release --product postwacht >/dev/null 2>&1
swift build -c release --product postwacht-bench >/dev/null 2>&1
bin=.build/release/postwacht
[ -s "$export_file" ] || .build/release/postwacht-bench export "$megabytes" "$export_file" >/dev/null
input_bytes=$(stat -c %s "$export_file")
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d); export $((input_bytes / 1000000)) MB, $(wc -l <"$export_file") posts"

median_ms() { # median wall time of 21 runs of the command in "$@"
  for _ in $(seq 21); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | sort -n | sed -n 11p | awk '{printf "%.1f", $1 / 1000}'
}
draft() { echo "Bel juf Sanne op 06-12345678 als je vragen hebt." | "$bin" check --fail-on never; }
echo "cold start, echo draft | postwacht check: $(median_ms draft) ms median of 21 (postwacht --help: $(median_ms "$bin" --help) ms)"

seconds() { /usr/bin/time -o "$tmp/postwacht-e2e-time" -f "%e %M" "$@" >"$out" 2>/dev/null || true; tail -1 "$tmp/postwacht-e2e-time"; }
report() { # label, "seconds rss-kB" [, output file]
  read -r secs rss <<<"$2"
  local written=${3:-$out}
  echo "$1: $(awk -v b="$input_bytes" -v s="$secs" 'BEGIN {printf "%.1f", b / 1e6 / s}') MB/s, output $(awk -v o="$(stat -c %s "$written")" -v b="$input_bytes" 'BEGIN {printf "%.2f", o / b}') x input, peak RSS $((rss / 1024)) MB"
}
report "check --input jsonl, one core, schools from each post's org" \
  "$(seconds taskset -c 0 "$bin" check --input jsonl --format jsonl --fail-on never "$export_file")"
report "check --input jsonl, one core, --policy konot" \
  "$(seconds taskset -c 0 "$bin" check --input jsonl --format jsonl --fail-on never --policy konot "$export_file")"
report "audit --format jsonl, all cores" \
  "$(seconds "$bin" audit "$export_file" --format jsonl --fail-on never --output "$out.audit")" "$out.audit"
engine=$(.build/release/postwacht-bench 16 pipeline parallel | awk '/MB\/s/ {for (i = 1; i <= NF; i++) if ($i == "MB/s") printf "%s%s MB/s", sep, $(i - 1); sep = ", "}')
echo "engine alone (postwacht-bench 16, one core then all cores): $engine"
