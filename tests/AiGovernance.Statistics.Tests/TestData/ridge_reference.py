#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics RidgeRegression and RegressionError.

Oracle: Debian 12's python3-sklearn 1.2.1, SciPy 1.10.1, NumPy 1.24.2.
  * Ridge: features standardised with their population standard deviation (StandardScaler), constant columns dropped;
    the penalty is the argmin over the grid n*10^k, k = -6, -5.75, ..., 3 of GCV(lam) = (RSS/n) / (1 - df/n)^2 with
    df = 1 + trace of the ridge hat matrix, each evaluated directly (explicit hat matrix, no eigen shortcut); the fit
    at that penalty is sklearn.linear_model.Ridge(alpha=lam, fit_intercept=True, solver="cholesky", tol=1e-12) on the
    standardised features, mapped back to the original scale.
  * FittedValueVariance: sum_i w_i^2 r_i^2 with the explicit weights w_i = 1/n + z_q' (Zc'Zc + lam I)^-1 z_i of each
    training target in the fitted value at query q and r_i the Ridge residuals (HC0 sandwich).
  * RegressionError: MAE = mean |e| with scipy.stats.t.interval(level, n - 1, loc=mean, scale=sem(|e|)); RMSE from the
    same interval on e^2, square-rooted with the lower bound clipped at 0; its standard error by the delta method,
    d sqrt(m)/dm = 1/(2 sqrt(m)): sem(e^2) / (2 RMSE).

Run with /usr/bin/python3; writes ridge_reference.json next to this file.
"""
import json
import os

import numpy as np
from scipy import stats
from sklearn.linear_model import Ridge

rng = np.random.default_rng(99)


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def gcv_direct(z, y, lam):
    n, p = z.shape
    zc = z - z.mean(axis=0)
    yc = y - y.mean()
    h = zc @ np.linalg.solve(zc.T @ zc + lam * np.eye(p), zc.T)
    resid = yc - h @ yc
    df = 1 + np.trace(h)
    return (resid @ resid / n) / (1 - df / n) ** 2, df


def ridge_case(name, x, targets, queries):
    n, p = x.shape
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    keep = sd > 1e-12 * np.maximum(1, np.abs(mean))
    z = (x[:, keep] - mean[keep]) / sd[keep]
    grid = n * 10.0 ** (-6 + 0.25 * np.arange(37))
    fits = []
    for y in targets:
        scores = [gcv_direct(z, y, lam) for lam in grid]
        best = int(np.argmin([s[0] for s in scores]))
        lam = grid[best]
        model = Ridge(alpha=lam, fit_intercept=True, solver="cholesky", tol=1e-12).fit(z, y)
        coef = np.zeros(p)
        coef[keep] = model.coef_ / sd[keep]
        intercept = model.intercept_ - coef @ mean
        # HC0 variance of a fitted value: sum_i w_i^2 r_i^2, w_i = 1/n + zq' M z_i, M = (Zc'Zc + lam I)^-1, by explicit weights.
        zc = z - z.mean(axis=0)
        m = np.linalg.inv(zc.T @ zc + lam * np.eye(zc.shape[1]))
        resid = y - model.predict(z)
        zq = (queries[:, keep] - mean[keep]) / sd[keep]
        weights = 1.0 / n + zq @ m @ zc.T
        variances = (weights ** 2) @ (resid ** 2)
        fits.append({
            "variances": floats(variances),
            "penalty": float(lam),
            "gcv": float(scores[best][0]),
            "df": float(scores[best][1]),
            "coefficients": floats(coef),
            "intercept": float(intercept),
            "predictions": floats(queries @ coef + intercept),
        })
    return {"name": name, "rows": n, "features": p, "x": floats(x), "targets": [floats(y) for y in targets],
            "queries": floats(queries), "fits": fits}


def error_case(name, actual, predicted, level):
    e = np.asarray(actual) - np.asarray(predicted)
    a = np.abs(e)
    lo, hi = stats.t.interval(level, len(a) - 1, loc=a.mean(), scale=stats.sem(a))
    s = e * e
    slo, shi = stats.t.interval(level, len(s) - 1, loc=s.mean(), scale=stats.sem(s))
    return {"name": name, "actual": floats(actual), "predicted": floats(predicted), "level": level,
            "mae": float(a.mean()), "mae_lower": float(max(0.0, lo)), "mae_upper": float(hi), "mae_se": float(stats.sem(a)),
            "rmse": float(np.sqrt(s.mean())), "rmse_lower": float(np.sqrt(max(0.0, slo))), "rmse_upper": float(np.sqrt(shi)),
            "rmse_se": float(stats.sem(s) / (2 * np.sqrt(s.mean())))}


ridge = []
x = rng.normal(size=(200, 4))
ridge.append(ridge_case("four_features_two_targets", x,
                        [1.5 * x[:, 0] - 0.5 * x[:, 2] + rng.normal(scale=0.7, size=200),
                         np.abs(x[:, 1]) + rng.normal(scale=0.3, size=200)],
                        rng.normal(size=(10, 4))))
xc = np.column_stack([rng.uniform(0, 100, 150), np.full(150, 3.0), rng.integers(0, 2, 150).astype(float)])
ridge.append(ridge_case("constant_column_and_indicator", xc, [0.02 * xc[:, 0] + 0.4 * xc[:, 2] + rng.normal(size=150)],
                        np.column_stack([rng.uniform(0, 100, 6), np.full(6, 3.0), np.ones(6)])))
xn = rng.normal(size=(60, 12))
ridge.append(ridge_case("noise_only_heavy_penalty", xn, [rng.normal(size=60)], rng.normal(size=(5, 12))))
xw = rng.normal(size=(80, 3))
xw = np.column_stack([xw, xw[:, 0] + 1e-3 * rng.normal(size=80)])
ridge.append(ridge_case("nearly_collinear", xw, [xw[:, 0] + rng.normal(scale=0.5, size=80)], rng.normal(size=(5, 4))))

errors = []
actual = rng.normal(size=300)
errors.append(error_case("normal_errors", actual, actual + rng.normal(scale=0.4, size=300), 0.95))
errors.append(error_case("heavy_tails_90", actual, actual + rng.standard_t(3, size=300), 0.90))
errors.append(error_case("tiny_sample_99", [1.0, 2.0, 4.0], [1.5, 1.0, 4.2], 0.99))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ridge_reference.json"), "w") as fh:
    json.dump({"ridge": ridge, "errors": errors}, fh)
for c in ridge:
    print(c["name"], [round(f["penalty"] / c["rows"], 6) for f in c["fits"]], [round(f["df"], 3) for f in c["fits"]])
