#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics fairness metrics.

Fairlearn is not installed in the oracle environment, so its definitions are implemented here in NumPy, following
the Fairlearn documentation (fairlearn.metrics, v0.10):
  * selection_rate            = mean(y_pred == 1)
  * true_positive_rate        = TP / (TP + FN);   false_positive_rate = FP / (FP + TN)
  * demographic_parity_difference = max_g selection_rate_g - min_g selection_rate_g   (method="between_groups")
  * demographic_parity_ratio      = min_g selection_rate_g / max_g selection_rate_g
  * equalized_odds_difference     = max(TPR difference, FPR difference)
  * equalized_odds_ratio          = min(TPR ratio, FPR ratio)
  * equal_opportunity_difference  = TPR difference;  equal_opportunity_ratio = TPR ratio
Where a group has no actual positives (negatives) its TPR (FPR) is undefined: Fairlearn reports 0 there (scikit-learn's
normalised confusion matrix); AiGovernance reports NaN and leaves the group out of the min/max, which is what this script
does (pandas-style skipna). Disparate impact = selection_rate_g / selection_rate_reference, the reference being the group
with the highest selection rate. The independence p-value is scipy.stats.chi2_contingency on the groups x {selected,
not selected} table (SciPy 1.10.1); Wilson intervals from statsmodels 0.13.5 proportion_confint(method="wilson").

Run with /usr/bin/python3; writes fairness_reference.json next to this file.
"""
import json
import math
import os

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

rng = np.random.default_rng(5)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def rate(num_, den):
    return num_ / den if den > 0 else float("nan")


def wilson(num_, den):
    if den == 0:
        return ["nan", "nan"]
    lo, hi = proportion_confint(num_, den, alpha=0.05, method="wilson")
    # AiGovernance pins the bounds at 0 successes / all successes to exactly 0 / 1 (rounding residue < 1e-16).
    return [0.0 if num_ == 0 else num(lo), 1.0 if num_ == den else num(hi)]


def group_stats(t, p):
    tp = int(np.sum(t & p)); fp = int(np.sum(~t & p)); fn = int(np.sum(t & ~p)); tn = int(np.sum(~t & ~p))
    n = tp + fp + fn + tn
    return {
        "count": n, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "selection_rate": num(rate(tp + fp, n)), "selection_rate_interval": wilson(tp + fp, n),
        "tpr": num(rate(tp, tp + fn)), "tpr_interval": wilson(tp, tp + fn),
        "fpr": num(rate(fp, fp + tn)), "fpr_interval": wilson(fp, fp + tn),
        "accuracy": num(rate(tp + tn, n)), "accuracy_interval": wilson(tp + tn, n),
        "precision": num(rate(tp, tp + fp)), "precision_interval": wilson(tp, tp + fp),
    }


def diff_ratio(values):
    v = np.array([x for x in values if not math.isnan(x)])
    if len(v) < 2:
        return float("nan"), float("nan")
    mx, mn = v.max(), v.min()
    return mx - mn, (1.0 if mx == mn else mn / mx)


def nanmax(a, b):
    return b if math.isnan(a) else a if math.isnan(b) else max(a, b)


def nanmin(a, b):
    return b if math.isnan(a) else a if math.isnan(b) else min(a, b)


cases = []


def add(name, y_true, y_pred, columns):
    y_true = np.asarray(y_true, dtype=bool)
    y_pred = np.asarray(y_pred, dtype=bool)
    keys = np.array([" & ".join(parts) for parts in zip(*columns)])
    names = sorted(set(keys.tolist()))
    groups = {g: group_stats(y_true[keys == g], y_pred[keys == g]) for g in names}
    sr = [groups[g]["selection_rate"] for g in names]
    tpr = [float(groups[g]["tpr"]) if groups[g]["tpr"] != "nan" else float("nan") for g in names]
    fpr = [float(groups[g]["fpr"]) if groups[g]["fpr"] != "nan" else float("nan") for g in names]
    dpd, dpr = diff_ratio(sr)
    td, tr = diff_ratio(tpr)
    fd, fr = diff_ratio(fpr)
    ref = names[int(np.argmax(sr))]
    ref_rate = groups[ref]["selection_rate"]
    impact = {g: (groups[g]["selection_rate"] / ref_rate if ref_rate > 0 else 1.0) for g in names}
    di = min(impact[g] for g in names if g != ref)
    table = np.array([[groups[g]["tp"] + groups[g]["fp"], groups[g]["fn"] + groups[g]["tn"]] for g in names])
    p = stats.chi2_contingency(table)[1]
    cases.append({
        "name": name, "y_true": y_true.astype(int).tolist(), "y_pred": y_pred.astype(int).tolist(),
        "columns": [list(c) for c in columns], "groups": groups, "overall": group_stats(y_true, y_pred),
        "demographic_parity_difference": num(dpd), "demographic_parity_ratio": num(dpr),
        "equalized_odds_difference": num(nanmax(td, fd)), "equalized_odds_ratio": num(nanmin(tr, fr)),
        "equal_opportunity_difference": num(td), "equal_opportunity_ratio": num(tr),
        "reference_group": ref, "disparate_impact_ratios": {g: num(v) for g, v in impact.items()},
        "disparate_impact_ratio": num(di), "selection_independence_p": num(p),
    })


def synthetic(sizes, base_rates, selection_bias, label_names):
    y_true, y_pred, groups = [], [], []
    for n, base, bias, label in zip(sizes, base_rates, selection_bias, label_names):
        t = rng.random(n) < base
        score = 0.6 * t + rng.normal(0, 0.35, n) + bias
        y_true += t.tolist(); y_pred += (score > 0.5).tolist(); groups += [label] * n
    return y_true, y_pred, groups


t, p, g = synthetic([250, 150], [0.4, 0.3], [0.0, -0.15], ["A", "B"])
add("two groups", t, p, [g])
t, p, g = synthetic([300, 120, 20], [0.5, 0.35, 0.3], [0.05, -0.1, 0.0], ["north", "south", "islands"])
add("three groups with a small one", t, p, [g])
t, p, g = synthetic([200, 100], [0.45, 0.0], [0.0, 0.1], ["x", "y"])
add("group without positives", t, p, [g])
t, p, g = synthetic([500, 400, 300, 250], [0.3, 0.32, 0.28, 0.35], [0.0, -0.05, 0.05, -0.2], ["a", "b", "c", "d"])
sex = ["female" if rng.random() < 0.5 else "male" for _ in g]
add("intersectional", t, p, [g, sex])
y_true = [True] * 40 + [False] * 60 + [True] * 30 + [False] * 70
y_pred = [True] * 30 + [False] * 10 + [True] * 10 + [False] * 50 + [False] * 100
add("one group never selected", y_true, y_pred, [["p"] * 100 + ["q"] * 100])
t, p, g = synthetic([8000, 6000, 4000, 2500], [0.2, 0.25, 0.22, 0.3], [0.0, 0.02, -0.08, -0.03], ["g1", "g2", "g3", "g4"])
add("large four groups", t, p, [g])

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fairness_reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump({"cases": cases}, f, separators=(",", ":"))
print(path, len(cases), "cases")
