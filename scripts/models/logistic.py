"""L2-regularised logistic regression and precision/recall, shared by the model scripts of
scripts/models/ (development time only)."""
import numpy as np

L2 = 1.0


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
