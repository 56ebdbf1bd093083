#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics calibration: IsotonicRegression, PlattScaling and CalibrationMetrics.

Oracle: Debian 12's python3-sklearn 1.2.1 (SciPy 1.10.1, NumPy 1.24.2).
  * Isotonic: sklearn.isotonic.IsotonicRegression(increasing=..., out_of_bounds="clip").fit(x, y, sample_weight)
    .predict(queries), plus its X_thresholds_ / y_thresholds_.
  * Platt: the contract is the exact optimum of the objective sklearn.calibration._sigmoid_calibration minimises
    (Platt's smoothed targets (N+ + 1)/(N+ + 2) and 1/(N- + 2)). scikit-learn stops its BFGS at gtol 1e-5, so its own
    (A, B) are off the optimum; here the optimum is solved tightly with SciPy's trust-region Newton ("trust-exact",
    exact gradient and Hessian, gtol 1e-13) and checked to have a gradient at rounding level. scikit-learn's own
    (A, B) are recorded alongside ("sklearn_a", "sklearn_b") to show the gap the contract closes.
  * Calibration metrics: Brier = sklearn.metrics.brier_score_loss; the reliability bins are
    sklearn.calibration.calibration_curve(strategy="uniform") (prob_true, prob_pred per non-empty bin) and the bin
    counts / ECE / MCE are computed directly in NumPy with the same bin assignment (searchsorted(linspace(0, 1, M+1)[1:-1])).

Run with /usr/bin/python3; writes calibration_reference.json next to this file.
"""
import json
import math
import os

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, xlogy
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import brier_score_loss

rng = np.random.default_rng(20260425)


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float)]


def isotonic_case(name, x, y, w=None, increasing=True, queries=None):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    model = IsotonicRegression(increasing=increasing, out_of_bounds="clip")
    model.fit(x, y, sample_weight=None if w is None else np.asarray(w, dtype=float))
    if queries is None:
        lo, hi = x.min(), x.max()
        span = hi - lo if hi > lo else 1.0
        queries = np.concatenate([
            np.linspace(lo - 0.2 * span, hi + 0.2 * span, 41),
            model.X_thresholds_,
            rng.uniform(lo, hi, 40),
        ])
    queries = np.asarray(queries, dtype=float)
    return {
        "name": name,
        "x": floats(x),
        "y": floats(y),
        "weights": None if w is None else floats(w),
        "increasing": increasing,
        "queries": floats(queries),
        "predictions": floats(model.predict(queries)),
        "x_thresholds": floats(model.X_thresholds_),
        "y_thresholds": floats(model.y_thresholds_),
        "x_min": float(model.X_min_),
        "x_max": float(model.X_max_),
    }


def platt_objective(scores, labels):
    positives = float(np.sum(labels))
    negatives = float(len(labels) - positives)
    t = np.where(labels, (positives + 1.0) / (positives + 2.0), 1.0 / (negatives + 2.0))

    def f(ab):
        p = expit(-(ab[0] * scores + ab[1]))
        return -(xlogy(t, p) + xlogy(1.0 - t, 1.0 - p)).sum()

    def g(ab):
        p = expit(-(ab[0] * scores + ab[1]))
        r = t - p
        return np.array([np.dot(r, scores), r.sum()])

    def h(ab):
        p = expit(-(ab[0] * scores + ab[1]))
        q = p * (1 - p)
        return np.array([[np.dot(q, scores * scores), np.dot(q, scores)], [np.dot(q, scores), q.sum()]])

    x0 = np.array([0.0, math.log((negatives + 1.0) / (positives + 1.0))])
    return f, g, h, x0


def platt_case(name, scores, labels, standardise=False):
    """standardise: solve in u = (s - c)/h (midpoint c, half-range h) and map back, A = A'/h, B = B' - A*c; the same
    optimum, for scores whose spread is tiny next to their size (the raw Hessian is then nearly singular)."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=bool)
    raw = scores
    if standardise:
        c = scores.min() / 2 + scores.max() / 2
        half_range = scores.max() / 2 - scores.min() / 2
        scores = (scores - c) / half_range
    f, g, h, x0 = platt_objective(scores, labels)
    result = minimize(f, x0, jac=g, hess=h, method="trust-exact", options={"gtol": 1e-13, "maxiter": 1000})
    ab = result.x
    # Polish with plain Newton steps until they stop changing (A, B): the tight optimum.
    for _ in range(20):
        step = np.linalg.solve(h(ab), g(ab))
        if np.all(np.abs(step) <= 1e-17 * (1 + np.abs(ab))):
            break
        ab = ab - step
    if standardise:
        scores = raw
        f, g, h, _ = platt_objective(scores, labels)
        ab = np.array([ab[0] / half_range, ab[1] - ab[0] / half_range * c])
    gradient = g(ab)
    scale = float(np.sum(np.abs(scores) + 1))
    assert np.all(np.abs(gradient) <= 1e-9 * scale), (name, gradient)
    sk_a, sk_b = _sigmoid_calibration(scores, labels.astype(float))
    queries = np.concatenate([np.linspace(scores.min() - 1, scores.max() + 1, 25), scores[:25]])
    return {
        "name": name,
        "scores": floats(scores),
        "labels": [bool(v) for v in labels],
        "a": float(ab[0]),
        "b": float(ab[1]),
        "objective": float(f(ab)),
        "gradient": floats(gradient),
        "sklearn_a": float(sk_a),
        "sklearn_b": float(sk_b),
        "sklearn_max_prediction_gap": float(np.max(np.abs(expit(-(sk_a * queries + sk_b)) - expit(-(ab[0] * queries + ab[1]))))),
        "queries": floats(queries),
        "predictions": floats(expit(-(ab[0] * queries + ab[1]))),
    }


def metrics_case(name, p, y, bins):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=bool)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(ids, minlength=bins)
    sums = np.bincount(ids, weights=p, minlength=bins)
    trues = np.bincount(ids, weights=y.astype(float), minlength=bins)
    nonzero = counts > 0
    gaps = np.abs(trues[nonzero] / counts[nonzero] - sums[nonzero] / counts[nonzero])
    ece = float(np.sum(counts[nonzero] / len(p) * gaps))
    mce = float(np.max(gaps))
    prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy="uniform")
    return {
        "name": name,
        "probabilities": floats(p),
        "labels": [bool(v) for v in y],
        "bins": bins,
        "brier": float(brier_score_loss(y, p)),
        "ece": ece,
        "mce": mce,
        "counts": [int(c) for c in counts],
        "prob_true": floats(prob_true),
        "prob_pred": floats(prob_pred),
    }


isotonic = []
x = rng.normal(size=60)
isotonic.append(isotonic_case("continuous_increasing", x, x + rng.normal(scale=0.8, size=60)))
isotonic.append(isotonic_case("continuous_decreasing", x, -x + rng.normal(scale=0.8, size=60), increasing=False))
xt = np.round(rng.uniform(0, 5, size=80), 1)
yt = np.sin(xt) + rng.normal(scale=0.4, size=80)
wt = rng.uniform(0, 3, size=80)
wt[::9] = 0.0
wt[4::13] = -1.0
isotonic.append(isotonic_case("ties_and_weights_with_zero_and_negative", xt, yt, wt))
isotonic.append(isotonic_case("ties_and_weights_decreasing", xt, -yt, wt, increasing=False))
scores = np.round(rng.beta(2, 3, size=400), 2)
outcomes = (rng.uniform(size=400) < scores).astype(float)
isotonic.append(isotonic_case("binary_outcomes_rounded_scores", scores, outcomes))
xn = np.array([1.0, 1.0 + 4e-16, 1.0 + 8e-16, 1.0 + 2e-15, 2.0, 2.0, 3.0, 3.0 + 1e-15, 4.0])
yn = np.array([3.0, 1.0, 2.0, 0.5, 0.0, 4.0, 1.0, 2.0, 5.0])
isotonic.append(isotonic_case("near_ties_within_resolution", xn, yn))
isotonic.append(isotonic_case("single_distinct_x", [2.0, 2.0, 2.0], [1.0, 0.0, 0.0], queries=[-1.0, 2.0, 5.0]))
isotonic.append(isotonic_case("already_monotone", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]))
isotonic.append(isotonic_case("all_violations", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]))
xl = rng.uniform(-3, 3, size=3000)
isotonic.append(isotonic_case("large_binary", xl, (rng.uniform(size=3000) < expit(1.7 * xl)).astype(float)))

platt = []
s = rng.normal(size=200)
platt.append(platt_case("logistic_scores", s, rng.uniform(size=200) < expit(2.0 * s - 0.5)))
p = rng.uniform(size=300)
platt.append(platt_case("probability_scores", p, rng.uniform(size=300) < p ** 2))
sep = np.concatenate([rng.uniform(-3, -0.5, 40), rng.uniform(0.5, 3, 35)])
platt.append(platt_case("separable", sep, np.arange(75) >= 40))
platt.append(platt_case("all_positive", rng.normal(size=30), np.ones(30, dtype=bool)))
margins = rng.normal(scale=40, size=500)
platt.append(platt_case("large_margins", margins, rng.uniform(size=500) < expit(margins / 25)))
big = rng.normal(size=5000)
platt.append(platt_case("large_sample", big, rng.uniform(size=5000) < expit(1.3 * big + 0.4)))
platt.append(platt_case("decreasing_relation", s, rng.uniform(size=200) < expit(-1.5 * s)))
# An overconfident model: every score within 1e-7 of 1 (own generator, so the cases above and below keep their data).
near_one_rng = np.random.default_rng(314)
u = near_one_rng.uniform(size=300)
platt.append(platt_case("near_one_scores", 1.0 - 1e-7 * u, near_one_rng.uniform(size=300) < expit(3.0 - 6.0 * u), standardise=True))
# Heavy right tail (log-normal scores, like a ratio or a latency): most standardised scores sit near −1, so the Hessian's
# off-diagonal term is large and only the exact Newton direction converges in a few iterations (own generator again).
lognormal_rng = np.random.default_rng(1)
z = lognormal_rng.normal(size=200)
platt.append(platt_case("lognormal_scores", np.exp(1.5 * z), lognormal_rng.uniform(size=200) < expit(1.2 * z)))

metrics = []
pm = rng.uniform(size=500)
metrics.append(metrics_case("uniform_10", pm, rng.uniform(size=500) < pm, 10))
pm2 = rng.beta(0.6, 3, size=700)
metrics.append(metrics_case("skewed_miscalibrated_15", pm2, rng.uniform(size=700) < np.sqrt(pm2), 15))
pm3 = np.round(rng.uniform(size=300), 1)  # many values exactly on the edges
metrics.append(metrics_case("on_edges_10", pm3, rng.uniform(size=300) < pm3, 10))
metrics.append(metrics_case("extremes_5", [0.0, 1.0, 0.0, 1.0, 0.2, 0.6], [False, True, True, False, False, True], 5))

out = {"isotonic": isotonic, "platt": platt, "metrics": metrics}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration_reference.json"), "w") as fh:
    json.dump(out, fh)
print("isotonic", len(isotonic), "platt", len(platt), "metrics", len(metrics))
for c in platt:
    print(c["name"], "sklearn gap", c["sklearn_max_prediction_gap"])
