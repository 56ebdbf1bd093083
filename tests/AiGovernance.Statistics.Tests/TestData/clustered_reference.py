#!/usr/bin/python3
"""Reference values for the clustered (unit-randomised) statistics: RatioMetric (delta method), ClusteredShareTest,
WeightedAllocationTest and MixtureSequentialTest.

Oracle: NumPy / SciPy 1.10.1 as packaged by Debian 12 (/usr/bin/python3). Each value is computed directly from the
published formula, independently of the C# code path:
  * RatioMetric: the three-term delta-method formula of Deng, Knoblich & Lu (KDD 2018, section 3),
    Var(X̄/Ȳ) = (1/n)(σx²/μy² − 2 μx σxy/μy³ + μx² σy²/μy⁴) with np.var/np.cov (ddof=1) — not the residual form
    the C# code uses.
  * ClusteredShareTest: D = Σf − πΣ(f+s), Ŝ = (B·Σt² − T²)/(B − 1) with t = f + s, z = D/√(π(1−π)Ŝ),
    p = 2·t.sf(|z|, B − 1).
  * WeightedAllocationTest: brute-force enumeration of all 2^J allocations for small J, np.convolve of
    [1−π, 0…, π] polynomials for larger J; two-sided p as scipy.stats.fisher_exact (pmf ≤ pmf_obs·(1 + 1e−7)).
  * MixtureSequentialTest: Λ = √(V/(V+τ²))·exp(τ²θ²/(2V(V+τ²))).
Writes clustered_reference.json next to this file. CI never runs this script; the tests read the JSON.
"""
import itertools
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

assert scipy.__version__ == "1.10.1", scipy.__version__
rng = np.random.default_rng(20260522)


def deng_variance(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    mx, my = x.mean(), y.mean()
    vx, vy = x.var(ddof=1), y.var(ddof=1)
    cxy = np.cov(x, y, ddof=1)[0, 1]
    return (vx / my**2 - 2 * mx * cxy / my**3 + mx**2 * vy / my**4) / n


def clustered(units, mean, sigma, rate, chronic, clusters):
    """Units with 1 + Poisson(lognormal) requests, hashed to clusters; per-request errors plus always-failing units."""
    lam = np.exp(np.log(mean - 1) - sigma**2 / 2 + sigma * rng.standard_normal(units))
    req = 1 + rng.poisson(lam)
    err = rng.binomial(req, rate)
    err = np.where(rng.random(units) < chronic, req, err)
    k = rng.integers(0, clusters, units)
    y = np.bincount(k, weights=req, minlength=clusters)
    x = np.bincount(k, weights=err, minlength=clusters)
    return x, y


ratio_cases = []
for name, (units, mean, sigma, rate, chronic, clusters) in {
    "small": (40, 3, 1.0, 0.1, 0.0, 8),
    "heavy_tailed_with_empty_clusters": (3000, 5, 1.5, 0.01, 0.01, 4096),
    "many_requests": (20000, 20, 1.5, 0.02, 0.0, 1024),
}.items():
    x, y = clustered(units, mean, sigma, rate, chronic, clusters)
    ratio_cases.append({"name": name, "x": x.astype(int).tolist(), "y": y.astype(int).tolist(), "ratio": float(x.sum() / y.sum()),
                        "variance": float(deng_variance(x, y))})

# Non-integer ratio metric (revenue per session) with negative numerators, to show the function is general.
x = np.round(rng.normal(3.0, 5.0, 50), 3)
y = rng.integers(1, 9, 50).astype(float)
ratio_cases.append({"name": "negative_numerators", "x": x.tolist(), "y": y.tolist(), "ratio": float(x.sum() / y.sum()),
                    "variance": float(deng_variance(x, y))})

two_sample = []
for name, (a, b) in {"unit_routed_regression": ((4000, 5, 1.5, 0.02, 0.0, 4096), (36000, 5, 1.5, 0.01, 0.0, 4096)),
                     "clustered_errors": ((2000, 5, 1.5, 0.01, 0.01, 4096), (18000, 5, 1.5, 0.01, 0.01, 4096))}.items():
    x1, y1 = clustered(*a)
    x2, y2 = clustered(*b)
    v1, v2 = deng_variance(x1, y1), deng_variance(x2, y2)
    d = x1.sum() / y1.sum() - x2.sum() / y2.sum()
    z = d / math.sqrt(v1 + v2)
    two_sample.append({"name": name, "x1": x1.astype(int).tolist(), "y1": y1.astype(int).tolist(),
                       "x2": x2.astype(int).tolist(), "y2": y2.astype(int).tolist(),
                       "difference": float(d), "variance": float(v1 + v2), "z": float(z),
                       "p_two_sided": float(2 * stats.norm.sf(abs(z))), "p_greater": float(stats.norm.sf(z)),
                       "p_less": float(stats.norm.cdf(z))})


def share_reference(first, second, planned):
    first = np.asarray(first, dtype=float)
    second = np.asarray(second, dtype=float)
    t = first + second
    b = len(t)
    total = t.sum()
    d = first.sum() - planned * total
    s = (b * (t**2).sum() - total**2) / (b - 1)
    z = d / math.sqrt(planned * (1 - planned) * s)
    return {"first": first.astype(int).tolist(), "second": second.astype(int).tolist(), "planned": planned,
            "observed": float(first.sum() / total), "z": float(z), "p": float(2 * stats.t.sf(abs(z), b - 1)),
            "clusters": int((t > 0).sum())}


share_cases = []
for name, (units, mean, sigma, actual, planned, clusters) in {
    "aa_heavy_tailed": (20000, 5, 1.5, 0.10, 0.10, 4096),
    "mismatch_14_vs_10": (20000, 5, 1.5, 0.14, 0.10, 4096),
    "few_clusters": (60, 4, 1.0, 0.5, 0.5, 16),
}.items():
    lam = np.exp(np.log(mean - 1) - sigma**2 / 2 + sigma * rng.standard_normal(units))
    req = 1 + rng.poisson(lam)
    arm = rng.random(units) < actual
    k = rng.integers(0, clusters, units)
    first = np.bincount(k[arm], weights=req[arm], minlength=clusters)
    second = np.bincount(k[~arm], weights=req[~arm], minlength=clusters)
    case = share_reference(first, second, planned)
    case["name"] = name
    share_cases.append(case)


def allocation_brute(first, second, p):
    weights = [w for w in first + second if w > 0]
    observed = sum(w for w in first if w > 0)
    pmf = {}
    for bits in itertools.product((0, 1), repeat=len(weights)):
        s = sum(w for w, b in zip(weights, bits) if b)
        pr = math.prod(p if b else 1 - p for b in bits)
        pmf[s] = pmf.get(s, 0.0) + pr
    cutoff = pmf.get(observed, 0.0) * (1 + 1e-7)
    return min(1.0, sum(v for v in pmf.values() if v <= cutoff))


def allocation_convolve(first, second, p):
    weights = [w for w in first + second if w > 0]
    observed = sum(w for w in first if w > 0)
    pmf = np.array([1.0])
    for w in weights:
        poly = np.zeros(w + 1)
        poly[0], poly[w] = 1 - p, p
        pmf = np.convolve(pmf, poly)
    cutoff = pmf[observed] * (1 + 1e-7)
    return float(min(1.0, pmf[pmf <= cutoff].sum()))


allocation_cases = []
for name, first, second, p in [
    ("fisher_like_0_vs_3_half", [1, 1, 1], [], 0.5),
    ("one_customer_fails_40_times", [40], [1, 2, 1, 1], 0.1),
    ("scattered_errors_tenth", [1, 1, 2], [1, 1, 1, 3, 1, 1, 2, 1, 1], 0.1),
    ("zeros_ignored", [0, 2, 0, 1], [0, 0, 5, 1], 0.25),
    ("all_in_first", [2, 3, 1, 1], [], 0.05),
]:
    allocation_cases.append({"name": name, "first": first, "second": second, "probability": p,
                             "p": allocation_brute(first, second, p), "method": "enumeration"})

first = rng.integers(1, 6, 30).tolist()
second = rng.integers(1, 6, 200).tolist()
allocation_cases.append({"name": "many_clusters", "first": first, "second": second, "probability": 0.1,
                         "p": allocation_convolve(first, second, 0.1), "method": "convolution"})
first = [1] * 12
second = [1] * 48 + [7, 9]
allocation_cases.append({"name": "candidate_heavy", "first": first, "second": second, "probability": 0.1,
                         "p": allocation_convolve(first, second, 0.1), "method": "convolution"})

msprt_cases = []
for theta, v, tau2 in [(0.01, 1.48e-6, 2.5e-5), (0.01, 1.48e-6, 1e-8), (0.0, 1e-4, 1e-4), (-0.02, 3e-4, 2.5e-5),
                       (0.05, 2.3e-4, 2.5e-5), (0.002, 1e-7, 1e-3)]:
    log_lambda = 0.5 * math.log(v / (v + tau2)) + tau2 * theta**2 / (2 * v * (v + tau2))
    msprt_cases.append({"estimate": theta, "variance": v, "tau2": tau2, "lambda": math.exp(log_lambda),
                        "p": min(1.0, math.exp(-log_lambda))})

out = {"scipy": scipy.__version__, "numpy": np.__version__, "ratio": ratio_cases, "ratio_two_sample": two_sample,
       "share": share_cases, "allocation": allocation_cases, "msprt": msprt_cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clustered_reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print("wrote", path)
