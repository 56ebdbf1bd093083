#!/usr/bin/python3
"""Reference values for the multivariate drift numerics: maximum mean discrepancy (direct O(n^2) NumPy), PCA
reconstruction error (NumPy eigh), ridge logistic regression (scikit-learn 1.2, Debian) and DeLong's AUC variance
(direct O(mn) NumPy).

Run:  /usr/bin/python3 multivariate_reference.py  (writes multivariate_reference.json next to this script)
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

assert sklearn.__version__.startswith("1.2"), sklearn.__version__

rng = np.random.default_rng(20261126)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def nums(a):
    return [num(v) for v in np.ravel(a)]


def sqdist(a, b):
    """All pairwise squared distances from differences (no |a|^2 + |b|^2 - 2ab)."""
    return ((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2)


def median_bandwidth(x, y):
    z = np.vstack([x, y])
    d = sqdist(z, z)
    iu = np.triu_indices(len(z), 1)
    med = np.median(d[iu])
    return math.sqrt(med / 2)


def mmd_unbiased(x, y, sigma):
    g = 1.0 / (2 * sigma * sigma)
    kxx = np.exp(-g * sqdist(x, x))
    kyy = np.exp(-g * sqdist(y, y))
    kxy = np.exp(-g * sqdist(x, y))
    m, n = len(x), len(y)
    return ((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
            - 2 * kxy.mean())


def mmd_linear(x, y, sigma):
    g = 1.0 / (2 * sigma * sigma)
    k = lambda a, b: np.exp(-g * ((a - b) ** 2).sum(axis=1))  # noqa: E731
    pairs = min(len(x), len(y)) // 2
    x1, x2 = x[0:2 * pairs:2], x[1:2 * pairs:2]
    y1, y2 = y[0:2 * pairs:2], y[1:2 * pairs:2]
    h = k(x1, x2) + k(y1, y2) - k(x1, y2) - k(x2, y1)
    return float(h.mean()), float(h.std(ddof=1))


mmd = []


def add_mmd(name, x, y, bandwidths, dtype="float64"):
    x = np.asarray(x, dtype=dtype)
    y = np.asarray(y, dtype=dtype)
    xd, yd = x.astype(np.float64), y.astype(np.float64)
    med = median_bandwidth(xd, yd)
    cases = []
    for bw in list(bandwidths) + [None]:
        sigma = med if bw is None else bw
        mean, sd = mmd_linear(xd, yd, sigma)
        cases.append({"bandwidth": "median" if bw is None else bw, "sigma": sigma,
                      "unbiased": mmd_unbiased(xd, yd, sigma), "linear": mean, "linearSd": sd})
    mmd.append({"name": name, "dtype": dtype, "dimension": x.shape[1], "x": nums(x), "y": nums(y),
                "medianSigma": med, "cases": cases})


add_mmd("normal 30 vs 25, d = 3", np.round(rng.normal(size=(30, 3)), 6), np.round(rng.normal(0.3, 1.0, size=(25, 3)), 6),
        [0.5, 1.0, 3.0])
add_mmd("same law 40 vs 40, d = 5", np.round(rng.normal(size=(40, 5)), 6), np.round(rng.normal(size=(40, 5)), 6), [1.0])
add_mmd("odd count of pairs 7 vs 6, d = 1", np.round(rng.normal(size=(7, 1)), 6), np.round(rng.normal(2, 1, size=(6, 1)), 6),
        [0.7])
add_mmd("embeddings float32 24 vs 20, d = 16", rng.normal(size=(24, 16)).astype(np.float32),
        rng.normal(0.1, 1.0, size=(20, 16)).astype(np.float32), [2.0], dtype="float32")

# ------------------------------------------------------------------------------------------- PCA reconstruction
pca = []


def add_pca(name, reference, window, explained):
    reference = np.asarray(reference, dtype=np.float64)
    window = np.asarray(window, dtype=np.float64)
    mean = reference.mean(axis=0)
    sd = reference.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = (reference - mean) / sd
    cov = z.T @ z / len(z)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    ratio = np.cumsum(values) / values.sum()
    k = int(np.searchsorted(ratio, explained - 1e-12) + 1)
    v = vectors[:, :k]
    zw = (window - mean) / sd
    errors = np.linalg.norm(zw - zw @ v @ v.T, axis=1)
    pca.append({"name": name, "columns": reference.shape[1], "explained": explained, "reference": nums(reference),
                "window": nums(window), "components": k, "ratio": num(ratio[k - 1]), "variances": nums(values),
                "errors": nums(errors), "meanError": num(errors.mean())})


corr = np.array([[1, 0.8, 0, 0], [0.8, 1, 0, 0], [0, 0, 1, 0.3], [0, 0, 0.3, 1]])
ref = rng.multivariate_normal([10, -5, 0, 100], corr * np.outer([1, 2, 0.5, 30], [1, 2, 0.5, 30]), size=60)
win = rng.multivariate_normal([10, -5, 0, 100], np.diag([1, 4, 0.25, 900]), size=20)
add_pca("4 correlated columns, 65 %", np.round(ref, 6), np.round(win, 6), 0.65)
add_pca("4 correlated columns, 95 % (dropped-axes path)", np.round(ref, 6), np.round(win, 6), 0.95)
const = np.column_stack([rng.normal(size=30), np.full(30, 3.0), rng.normal(size=30)])
add_pca("a constant column", np.round(const, 6), np.round(np.column_stack([rng.normal(size=5), np.full(5, 4.0), rng.normal(size=5)]), 6), 0.9)

# ------------------------------------------------------------------------------------------- ridge logistic regression
logistic = []


def add_logistic(name, features, labels, penalty):
    features = np.asarray(features, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.float64)
    model = LogisticRegression(C=1.0 / penalty, tol=1e-12, max_iter=100000, solver="lbfgs")
    model.fit(features, labels)
    sk = np.concatenate([model.intercept_, model.coef_[0]])
    # scikit-learn's lbfgs stops about 1e-5 short of the optimum even at tol=1e-12; the contract is the exact optimum,
    # so polish its answer with Newton steps in NumPy until the gradient vanishes.
    design = np.column_stack([np.ones(len(features)), features])
    ridge = np.diag([0.0] + [penalty] * features.shape[1])
    beta = sk.copy()
    for _ in range(50):
        mu = 1 / (1 + np.exp(-(design @ beta)))
        gradient = design.T @ (labels - mu) - ridge @ beta
        hessian = design.T @ (design * (mu * (1 - mu))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if np.abs(step).max() < 1e-15:
            break
    logistic.append({"name": name, "columns": features.shape[1], "features": nums(features), "labels": nums(labels),
                     "penalty": penalty, "coefficients": nums(beta), "sklearn": nums(sk)})


f = np.round(rng.normal(size=(80, 3)), 6)
lab = (f @ [1.5, -0.5, 0.0] + rng.normal(size=80) > 0).astype(float)
add_logistic("3 features, overlapping classes", f, lab, 1.0)
add_logistic("3 features, strong penalty", f, lab, 25.0)
sep = np.round(np.vstack([rng.normal(-2, 0.5, size=(20, 2)), rng.normal(2, 0.5, size=(20, 2))]), 6)
add_logistic("separable classes (finite only thanks to the penalty)", sep, [0] * 20 + [1] * 20, 0.5)

# ------------------------------------------------------------------------------------------- DeLong
delong = []


def add_delong(name, positives, negatives):
    p = np.asarray(positives, dtype=np.float64)
    q = np.asarray(negatives, dtype=np.float64)
    psi = (p[:, None] > q[None, :]).astype(float) + 0.5 * (p[:, None] == q[None, :])
    auc = psi.mean()
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    var = v10.var(ddof=1) / len(p) + v01.var(ddof=1) / len(q)
    delong.append({"name": name, "positives": nums(p), "negatives": nums(q), "auc": num(auc), "variance": num(var)})


add_delong("continuous", np.round(rng.normal(0.8, 1, size=35), 6), np.round(rng.normal(0, 1, size=40), 6))
add_delong("ties", rng.integers(0, 5, size=30), rng.integers(0, 4, size=25))
add_delong("perfect separation", [5.0, 6.0, 7.0], [1.0, 2.0, 3.0, 4.0])

out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "mmd": mmd, "pca": pca, "logistic": logistic,
       "delong": delong}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "multivariate_reference.json"), "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
print("mmd", len(mmd), "pca", len(pca), "logistic", len(logistic), "delong", len(delong))
