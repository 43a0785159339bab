#!/usr/bin/env python3
"""Fit the weights of conduct.arguing (development time only; the product reads the result).

    python3 scripts/models/train_arguing.py --binary .build/debug/postwacht           # write Lexicons/nl/models/arguing.tsv
    python3 scripts/models/train_arguing.py --binary .build/debug/postwacht --check   # print figures, write nothing

The evidence of every staff comment and reply of the sets labelled for arguing (Fixtures/blind/b4,
b5 and b6: written blind, each used here only after its first run was recorded) is computed by the
product itself (`postwacht lexicon evidence --rule conduct.arguing`); a logistic regression with L2
learns label = the post expects conduct.arguing. 5-fold cross-validation gives the honest in-sample
figure, printed and written into the weights file's header; the weights are then fitted on all.
The rule uses the model only where no arguing construction matched, so the figure that matters is
the next blind set's first run.
"""
import argparse
import json
import os

import numpy as np

from logistic import L2, cross_validated, evidence, f1, fit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Lexicons", "nl", "models", "arguing.tsv")
SETS = ["b4.jsonl", "b5.jsonl", "b6.jsonl"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "postwacht"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    posts = []
    for name in SETS:
        for line in open(os.path.join(ROOT, "Fixtures", "blind", name), encoding="utf-8"):
            if line.strip():
                post = json.loads(line)
                post["id"] = f"{name}:{post['id']}"
                posts.append(post)
    # The posts the rule reads: staff comments and replies to someone other than a colleague or the school.
    replies = [p for p in posts if p.get("author_role") == "staff" and p.get("kind") in ("comment", "reply")
               and p.get("reply_to_role") not in ("staff", "school")]
    rows = evidence(args.binary, replies, "conduct.arguing")
    features = sorted(next(iter(rows.values()))["features"])
    x = np.array([[1.0] + [rows[p["id"]]["features"][f] for f in features] for p in replies])
    y = np.array([1.0 if any(e["category"] == "arguing" for e in p["expect"]) else 0.0 for p in replies])
    cv = f1(y, cross_validated(x, y))
    w = fit(x, y)
    fitted = f1(y, (x @ w) > 0)
    print(f"{len(replies)} staff comments and replies ({int(y.sum())} argue)")
    print(f"5-fold cross-validated P {cv[0]:.3f} R {cv[1]:.3f} F1 {cv[2]:.3f}; fitted on all: P {fitted[0]:.3f} R {fitted[1]:.3f} F1 {fitted[2]:.3f}")
    for name, weight in zip(["bias"] + features, w):
        print(f"  {name:22} {weight:+.3f}")
    if args.check:
        return
    header = f"""# postwacht: weights of the evidence conduct.arguing weighs (a logistic model).
#
# What: a staff comment or reply to a parent or pupil (or to someone unknown) in which no arguing
#   construction matched is reported when bias + Σ weight × feature > 0. Features are counts capped
#   at 3 (length: √(words+1)/4); see ArguingEvidence.Feature in
#   Sources/PostwachtCore/Rules/Conduct/Discussion/ArguingEvidence.swift for what each counts.
# Source: fitted by scripts/models/train_arguing.py (L2-regularised logistic regression, λ = {L2}) on
#   the {len(y)} staff comments and replies of Fixtures/blind/{", ".join(SETS)} (written blind from
#   the protocols; each used only after its first run was recorded), {int(y.sum())} of them arguing.
#   5-fold cross-validated: P {cv[0]:.3f} R {cv[1]:.3f} F1 {cv[2]:.3f}; the next blind set measures it honestly.
# Licence: CC BY 4.0, postwacht authors (weights and training data).
# Date: 2026-12-07
#
# Format: UTF-8, tab-separated, `#` starts a comment line. Columns: feature<TAB>weight
"""
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write(header + "".join(f"{name}\t{weight:.4f}\n" for name, weight in zip(["bias"] + features, w)))
    print(f"written: {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
