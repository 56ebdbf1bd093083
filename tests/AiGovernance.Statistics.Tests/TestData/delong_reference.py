#!/usr/bin/python3
"""Reference values for DeLong's AUC variance and interval.

The C# code computes DeLong's placement values from midranks (Sun & Xu 2014, O(N log N)). This script computes them
the slow, direct way with NumPy, from the O(m*n) kernel of DeLong, DeLong & Clarke-Pearson (1988):
    psi(x, y) = 1 if x > y, 1/2 if x == y, 0 otherwise, over positives x and negatives y;
    AUC = mean psi;  V10_i = mean_j psi(x_i, y_j);  V01_j = mean_i psi(x_i, y_j);
    S10 = sum (V10 - AUC)^2 / (m - 1);  S01 = sum (V01 - AUC)^2 / (n - 1);  Var = S10/m + S01/n;
    interval = [max(0, AUC - z*sqrt(Var)), min(1, AUC + z*sqrt(Var))], z = scipy.stats.norm.ppf(1 - (1 - level)/2).
AUC is cross-checked against scipy.stats.mannwhitneyu (U of the positives / (m*n)). SciPy 1.10.1, NumPy (Debian 12).
Run with /usr/bin/python3; writes delong_reference.json next to this file. The performance gate's
milestones_reference.py imports delong() from here.
"""
import json
import os

import numpy as np
from scipy import stats


def delong(labels, scores):
    x = scores[labels == 1]
    y = scores[labels == 0]
    m, n = len(x), len(y)
    psi = (x[:, None] > y[None, :]).astype(float) + 0.5 * (x[:, None] == y[None, :])
    auc = psi.mean()
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    s10 = ((v10 - auc) ** 2).sum() / (m - 1)
    s01 = ((v01 - auc) ** 2).sum() / (n - 1)
    return auc, s10 / m + s01 / n


if __name__ == "__main__":
    rng = np.random.default_rng(31)
    cases = []

    def add(name, labels, scores, level=0.95):
        labels = np.asarray(labels, dtype=int)
        scores = np.asarray(scores, dtype=float)
        auc, var = delong(labels, scores)
        z = stats.norm.ppf(1 - (1 - level) / 2)
        u = stats.mannwhitneyu(scores[labels == 1], scores[labels == 0]).statistic
        cases.append({
            "name": name,
            "labels": labels.tolist(),
            "scores": scores.tolist(),
            "confidence_level": level,
            "auc": auc,
            "variance": var,
            "lower": max(0.0, auc - z * np.sqrt(var)),
            "upper": min(1.0, auc + z * np.sqrt(var)),
            "auc_from_u": u / ((labels == 1).sum() * (labels == 0).sum()),
        })

    for (name, n, shift, rounding, prevalence, level) in [
            ("balanced-continuous", 300, 0.8, None, 0.5, 0.95),
            ("rare-positives", 2000, 1.2, None, 0.03, 0.95),
            ("coarse-ties", 500, 0.5, 1, 0.4, 0.9),
            ("heavy-ties", 800, 0.3, 0, 0.5, 0.99),
            ("no-signal", 400, 0.0, 2, 0.3, 0.95),
            ("inverted", 250, -1.0, None, 0.6, 0.8)]:
        labels = (rng.random(n) < prevalence).astype(int)
        labels[:4] = [1, 0, 1, 0]
        raw = rng.normal(loc=shift * labels, scale=1.0)
        scores = 1 / (1 + np.exp(-raw))
        if rounding is not None:
            scores = np.round(scores, rounding)
        add(name, labels, scores, level)

    # Edge cases: the smallest sample (two of each class), perfect separation (variance 0), every score tied.
    add("two-of-each", [1, 0, 1, 0], [0.9, 0.2, 0.4, 0.6])
    add("perfect-separation", [1, 1, 1, 0, 0, 0, 0], [0.9, 0.8, 0.7, 0.3, 0.2, 0.1, 0.0])
    add("all-tied", [1, 0, 1, 0, 0, 1], [0.5] * 6)
    # Scores outside [0, 1] are fine for AUC (only their order matters).
    add("raw-margins", [1, 0, 0, 1, 1, 0, 1, 0, 0, 0], [2.5, -1.0, 0.3, 0.3, 7.0, -3.5, 1.2, 1.2, 0.0, -0.2])

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "delong_reference.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f)
        f.write("\n")
