"""The evidence the product computes, L2-regularised logistic regression and precision/recall, shared
by the model scripts of scripts/models/ (development time only)."""
import json
import random
import subprocess

import numpy as np

L2 = 1.0


def evidence(binary, posts, rule="conduct.missing-disclaimer"):
    """`postwacht lexicon evidence --rule RULE` on the posts (their labels left out), by id."""
    lines = "\n".join(json.dumps({k: v for k, v in p.items() if k not in ("expect", "note")}, ensure_ascii=False) for p in posts)
    result = subprocess.run([binary, "lexicon", "evidence", "--rule", rule], input=lines + "\n",
                            capture_output=True, text=True, check=True)
    return {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}


def fit(x, y, l2=L2, steps=200):
    """Newton's method for L2-regularised logistic regression (the bias is not regularised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def f1(y, predicted):
    tp = int(((y == 1) & predicted).sum()); fp = int(((y == 0) & predicted).sum()); fn = int(((y == 1) & ~predicted).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def cross_validated(x, y, folds=5, seed=7):
    """The decision (log-odds > 0) for each row from a model fitted without its fold: the honest
    in-sample figure, the same folds every run."""
    order = list(range(len(y)))
    random.Random(seed).shuffle(order)
    predicted = np.zeros(len(y), dtype=bool)
    for fold in range(folds):
        test = order[fold::folds]
        held_out = set(test)
        train = [i for i in order if i not in held_out]
        predicted[test] = (x[test] @ fit(x[train], y[train])) > 0
    return predicted
