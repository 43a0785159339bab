#!/usr/bin/env bash
# Writes the seed corpus for the libFuzzer target: each sample export of Fixtures/exports (and the
# regression inputs) as one file, prefixed with the byte that tells ImporterFuzzer its format.
#   bash Fuzz/make-corpus.sh            # → Fuzz/corpus/
set -euo pipefail
cd "$(dirname "$0")/.."
out=Fuzz/corpus
mkdir -p "$out"
# The index of each format in ExportFormat.allCases: jsonl csv facebook instagram twitter wordpress mastodon.
seed() { local index=$1 file=$2; { printf "\\$(printf '%03o' "$index")"; cat "$file"; } >"$out/$(basename "$(dirname "$file")")-$(basename "$file")"; }
for f in Fixtures/exports/jsonl/*.jsonl Fixtures/exports/broken/*.jsonl Fixtures/exports/regressions/encodings/*.jsonl; do seed 0 "$f"; done
for f in Fixtures/exports/csv/*.csv Fixtures/exports/broken/*.csv Fixtures/exports/regressions/*/*.csv; do seed 1 "$f"; done
for f in Fixtures/exports/facebook/*/*/*.json Fixtures/exports/broken/facebook-*.json; do seed 2 "$f"; done
for f in Fixtures/exports/instagram/*/*/*.json Fixtures/exports/broken/instagram-*.json; do seed 3 "$f"; done
for f in Fixtures/exports/twitter/data/*.js; do seed 4 "$f"; done
for f in Fixtures/exports/wordpress/*.xml Fixtures/exports/broken/*.xml Fixtures/exports/regressions/*/*.xml Fixtures/exports/regressions/*/*/*.xml; do seed 5 "$f"; done
for f in Fixtures/exports/mastodon/*.json Fixtures/exports/broken/outbox-*.json Fixtures/exports/regressions/invalid-byte-json/outbox.json; do seed 6 "$f"; done
echo "$(ls "$out" | wc -l) seed inputs in $out" >&2
