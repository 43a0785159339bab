#!/usr/bin/env python3
"""Scores postwacht's conduct rules on labelled posts (development time only; the product never needs it).

    python3 scripts/eval/score.py Fixtures/conduct/dev/*.jsonl            # table + every mistake
    python3 scripts/eval/score.py --blind Fixtures/blind/b1.jsonl         # table only: never shows a post
    python3 scripts/eval/score.py --binary .build/release/postwacht --json FILE ...

Runs `postwacht check --input jsonl --format jsonl` on the posts and compares findings (severity
warning or error) with the labels in `expect`, per category:
- a labelled span is found when a finding of its category overlaps it (conduct spans are clauses,
  and two authors never cut a clause at the same word); each finding counts for one label at most;
- a finding that overlaps no label of its category is a false positive;
- `"match": "*"` (post-level) is found by any finding of its category in the post.
Only the conduct categories are scored; other findings (profanity, privacy) are ignored, because
the blind authors label conduct only.
"""
import argparse
import json
import os
import subprocess
import sys

CONDUCT = ["threat", "missing-disclaimer", "confidential", "private-contact", "befriending", "photo-channel", "discussion", "arguing", "quoting", "lesson-recording", "school-photo", "off-duty-photo"]


def scalar_span(text, match, occurrence):
    start = -1
    for _ in range(occurrence):
        start = text.find(match, start + 1)
        if start < 0:
            return None
    return (start, start + len(match))


def load(paths):
    posts = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                post = json.loads(line)
                labels = []
                for item in post.get("expect", []):
                    if item["category"] not in CONDUCT:
                        continue
                    if item["match"] == "*":
                        labels.append((item["category"], None))
                        continue
                    span = scalar_span(post["text"], item["match"], item.get("occurrence", 1))
                    if span is None:
                        sys.exit(f"{path}:{number}: '{item['match']}' is not in the text of {post['id']}")
                    labels.append((item["category"], span))
                post["_labels"] = labels
                post["_source"] = os.path.basename(path)
                posts.append(post)
    return posts


def run(binary, posts, extra):
    lines = []
    for post in posts:
        record = {k: v for k, v in post.items() if not k.startswith("_") and k not in ("expect", "note")}
        lines.append(json.dumps(record, ensure_ascii=False))
    result = subprocess.run([binary, "check", "--input", "jsonl", "--format", "jsonl", "--fail-on", "never", *extra],
                            input="\n".join(lines) + "\n", capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"postwacht failed ({result.returncode}): {result.stderr[:2000]}")
    found = {}
    for line in result.stdout.splitlines():
        if not line.strip() or line.startswith('{"clauses"'):
            continue
        record = json.loads(line)
        if "id" not in record:
            continue
        found[record["id"]] = [f for f in record.get("findings", []) if f["severity"] in ("warning", "error")]
    return found


def score(posts, found):
    tally = {c: [0, 0, 0] for c in CONDUCT}  # tp, fp, fn
    mistakes = []
    for post in posts:
        findings = [f for f in found.get(post["id"], []) if f["category"] in CONDUCT]
        used = set()
        for category, span in post["_labels"]:
            hit = None
            for index, finding in enumerate(findings):
                if index in used or finding["category"] != category:
                    continue
                if span is None or (finding["span"]["start"] < span[1] and span[0] < finding["span"]["end"]):
                    hit = index
                    break
            if hit is None:
                tally[category][2] += 1
                shown = "*" if span is None else post["text"][span[0]:span[1]]
                mistakes.append((post, f"missed {category}: '{shown}'"))
            else:
                used.add(hit)
                tally[category][0] += 1
        for index, finding in enumerate(findings):
            if index in used:
                continue
            # A second finding inside a label already found is not a new false positive.
            if any(c == finding["category"] and (s is None or (finding["span"]["start"] < s[1] and s[0] < finding["span"]["end"]))
                   for c, s in post["_labels"]):
                continue
            tally[finding["category"]][1] += 1
            mistakes.append((post, f"unexpected {finding['category']} ({finding['rule']}): '{finding['match']}'"))
    return tally, mistakes


def f1(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--binary", default=".build/release/postwacht")
    parser.add_argument("--blind", action="store_true", help="print the table only, never a post or a mistake")
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    parser.add_argument("--by-source", action="store_true", help="one table per input file as well")
    args, extra = parser.parse_known_args()
    posts = load(args.files)
    found = run(args.binary, posts, extra)
    groups = [("all", posts)]
    if args.by_source:
        for source in sorted({p["_source"] for p in posts}):
            groups.append((source, [p for p in posts if p["_source"] == source]))
    figures = {}
    for name, group in groups:
        tally, mistakes = score(group, found)
        print(f"{name}: {len(group)} posts, {sum(1 for p in group if not p['_labels'])} clean")
        print("| category | precision | recall | F1 | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|---:|")
        for category in CONDUCT:
            tp, fp, fn = tally[category]
            if tp + fp + fn == 0:
                continue
            precision, recall, f = f1(tp, fp, fn)
            print(f"| {category} | {precision:.3f} | {recall:.3f} | {f:.3f} | {tp} | {fp} | {fn} |")
            figures.setdefault(name, {})[category] = {"precision": round(precision, 3), "recall": round(recall, 3),
                                                      "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}
        if name == "all" and not args.blind:
            for post, what in mistakes:
                print(f"{post['id']} [{post.get('author_role', '?')}] {what}\n    {post['text'][:300]!r}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
