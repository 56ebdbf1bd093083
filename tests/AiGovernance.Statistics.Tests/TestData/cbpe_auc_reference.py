#!/usr/bin/python3
"""Reference values for the ROC AUC estimate of AiGovernance.Statistics.ConfidenceBasedPerformance and its band, worked
pairwise in exact rational arithmetic (independently of the C# code's per-cell sums).

Each outcome y_k is an independent Bernoulli(p_k). With c_ij = 1 when p_i > p_j (no ties here):
  U(y) = sum_{i != j} y_i (1 - y_j) c_ij     (concordant positive-negative pairs)
  D(y) = sum_{i != j} y_i (1 - y_j)          (all positive-negative pairs)
  AUC  = E[U] / E[D] = U(p) / D(p)           (independence: E[y_i (1 - y_j)] = p_i (1 - p_j) for i != j)
First-order delta method: Var(AUC) ~ Var(U - AUC * D) / E[D]^2 ~ sum_k v_k g_k^2 / E[D]^2, v_k = p_k (1 - p_k),
g_k = d/dy_k (U - AUC * D) at y = p. U and D have no y_k^2 term, so f(p + e_k / 2) - f(p - e_k / 2) is g_k exactly:
the gradient is taken by that difference of the pairwise sums, not by a formula.
The C# estimator evaluates g_k per histogram cell at the cell's mean probability; with one prediction per cell (the
bin count below separates every probability) it must agree to rounding.
Pure Python (fractions); run with /usr/bin/python3; writes cbpe_auc_reference.json next to this file.
"""
import json
import math
import os
import random
from fractions import Fraction


def pairwise(p, y):
    n = len(p)
    u = d = Fraction(0)
    for i in range(n):
        for j in range(n):
            if i != j:
                w = y[i] * (1 - y[j])
                d += w
                if p[i] > p[j]:
                    u += w
    return u, d


def reference(probabilities):
    p = [Fraction(x) for x in probabilities]  # the doubles exactly
    u, d = pairwise(p, p)
    auc = u / d
    variance = Fraction(0)
    for k in range(len(p)):
        up = list(p)
        down = list(p)
        up[k] += Fraction(1, 2)
        down[k] -= Fraction(1, 2)
        u1, d1 = pairwise(p, up)
        u0, d0 = pairwise(p, down)
        g = (u1 - auc * d1) - (u0 - auc * d0)
        variance += p[k] * (1 - p[k]) * g * g
    return float(auc), math.sqrt(variance) / float(d)


def case(name, probabilities, threshold, bins):
    cells = {int(x * bins) for x in probabilities}
    assert len(cells) == len(probabilities), "every prediction must have its own bin"
    auc, se = reference(probabilities)
    return {"name": name, "probabilities": probabilities, "threshold": threshold, "bins": bins, "auc": auc, "se": se}


gen = random.Random(20260401)
cases = [
    case("twelve by hand", [0.05, 0.12, 0.23, 0.31, 0.38, 0.47, 0.55, 0.62, 0.71, 0.78, 0.86, 0.94], 0.5, 100),
    case("skewed", [0.02, 0.03, 0.04, 0.06, 0.09, 0.15, 0.2, 0.35, 0.9], 0.3, 100),
    case("sixty seeded", [gen.random() for _ in range(60)], 0.4, 1_000_000),
]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cbpe_auc_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"cases": cases}, f)
    f.write("\n")
