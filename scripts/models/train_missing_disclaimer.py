#!/usr/bin/env python3
"""Fit the weights of conduct.missing-disclaimer (development time only; the product reads the result).

    python3 scripts/models/train_missing_disclaimer.py                 # write Lexicons/nl/models/missing-disclaimer.tsv
    python3 scripts/models/train_missing_disclaimer.py --check         # print figures, write nothing

The evidence of every staff post of the development corpus (Fixtures/conduct/dev/*.jsonl, written blind
by helpers that never saw the rules) is computed by the product itself (`postwacht lexicon evidence`);
the posts the model decides (about school, no disclaimer found) train a logistic regression with L2,
label = the post expects conduct.missing-disclaimer. 5-fold cross-validation gives the honest figure,
printed and written into the weights file's header; the weights are then fitted on all posts.
"""
import argparse
import glob
import json
import math
import os
import sys

import numpy as np

from logistic import L2, cross_validated, evidence, f1, fit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Lexicons", "nl", "models", "missing-disclaimer.tsv")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "postwacht"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    posts = []
    # The development corpus and the earlier labelled fixtures; never a blind set (Fixtures/blind, holdout).
    for path in sorted(glob.glob(os.path.join(ROOT, "Fixtures", "conduct", "dev", "*.jsonl")) + glob.glob(os.path.join(ROOT, "Fixtures", "posts", "*.jsonl"))):
        posts += [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    staff = [p for p in posts if p.get("author_role") == "staff"]
    rows = evidence(args.binary, staff)
    features = None
    x, y, ids = [], [], []
    for post in staff:
        row = rows[post["id"]]
        if features is None:
            features = sorted(row["features"])
        if row["features"]["topic"] + row["features"]["people"] <= 0 or row["disclaimer"] is not None:
            continue
        x.append([1.0] + [row["features"][name] for name in features])
        y.append(1.0 if any(e["category"] == "missing-disclaimer" for e in post["expect"]) else 0.0)
        ids.append(post["id"])
    x, y = np.array(x), np.array(y)
    cv = f1(y, cross_validated(x, y))
    w = fit(x, y)
    fitted = f1(y, (x @ w) > 0)
    print(f"{len(staff)} staff posts, {len(y)} decided by the model ({int(y.sum())} expect a disclaimer)")
    print(f"5-fold cross-validated P {cv[0]:.3f} R {cv[1]:.3f} F1 {cv[2]:.3f}; fitted on all: P {fitted[0]:.3f} R {fitted[1]:.3f} F1 {fitted[2]:.3f}")
    for name, weight in zip(["bias"] + features, w):
        print(f"  {name:18} {weight:+.3f}")
    if args.check:
        return
    header = f"""# postwacht: weights of the evidence conduct.missing-disclaimer weighs (a logistic model).
#
# What: a staff post about school (a school or education word, or a person by role) without a disclaimer is reported when
#   bias + Σ weight × feature > 0. Features are counts capped at 3 (length: √(words+1)/4); see
#   DisclaimerEvidence.Feature in Sources/PostwachtCore/Rules/Conduct/Disclaimer/ for what each counts.
# Source: fitted by scripts/models/train_missing_disclaimer.py (L2-regularised logistic regression,
#   λ = {L2}) on the {len(y)} staff posts about school without a disclaimer among the {len(posts)} posts of
#   Fixtures/conduct/dev/*.jsonl (written blind by five helpers from the protocols and a category
#   description, never from the rules) and Fixtures/posts/*.jsonl (the earlier labelled fixtures);
#   {int(y.sum())} of them expect the finding. The blind sets (Fixtures/blind, Fixtures/holdout) are never used. 5-fold cross-validated:
#   P {cv[0]:.3f} R {cv[1]:.3f} F1 {cv[2]:.3f} (the frozen blind sets in Fixtures/blind/ measure it honestly).
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
