#!/usr/bin/python3
"""Reference decisions and numbers for request-level (per-request routing) canary analysis, from statsmodels 0.13.5 /
SciPy 1.10.1 (Debian 12, /usr/bin/python3). They pin the documented request-level rules, which per-unit routing support
must leave unchanged:

- sample ratio: scipy.stats.chisquare([n_b, n_c], [T(1 - F), T F]); mismatch when p < 0.001 -> Hold.
- error rate, fixed sample: statsmodels proportions_ztest([e_c, e_b], [n_c, n_b]) (pooled, two-sided), or
  scipy.stats.fisher_exact when an arm expects fewer than 5 errors at the pooled rate.
- error rate, sequential: mSPRT with V = p(1-p)(1/n_b + 1/n_c) at the pooled rate, tau^2 = 0.005^2 (the default minimum
  detectable effect), p = min(previous, 1/Lambda, 1).
- decision: Hold on a mismatch; RollbackImmediately when the difference exceeds the tolerance and p < 0.05;
  MonitorClosely when it exceeds the tolerance only; otherwise ProceedToFullRollout (latency identical in both arms).
Run: /usr/bin/python3 request_level_reference.py > request_level_reference.json
"""
import json
import math

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

assert scipy.__version__ == "1.10.1", scipy.__version__
assert statsmodels.__version__.startswith("0.13.5"), statsmodels.__version__

rng = np.random.default_rng(20260601)
cases = []
specs = [
    # n_b, e_b, n_c, e_c, planned, mode, tolerance, previous p
    (20000, 200, 20000, 400, 0.5, "Sequential", 0.005, 1.0),
    (20000, 200, 20000, 400, 0.5, "FixedSample", 0.0001, 1.0),
    (20000, 200, 20000, 210, 0.5, "Sequential", 0.005, 1.0),
    (1000, 10, 1000, 17, 0.5, "FixedSample", 0.005, 1.0),
    (1000, 0, 1000, 3, 0.5, "FixedSample", 0.005, 1.0),
    (18000, 180, 2000, 200, 0.05, "FixedSample", 0.005, 1.0),
    (18950, 190, 1050, 10, 0.05, "Sequential", 0.005, 1.0),
    (200000, 2000, 200000, 2800, 0.5, "FixedSample", 0.005, 1.0),
    (2000, 20, 2000, 21, 0.5, "Sequential", 0.005, 0.02),
    (9000, 450, 1000, 80, 0.1, "Sequential", 0.005, 0.3),
]
for _ in range(20):
    planned = float(rng.choice([0.05, 0.1, 0.25, 0.5]))
    total = int(rng.integers(2500, 200000))
    n_c = int(rng.binomial(total, planned * float(rng.choice([1.0, 1.0, 1.0, 1.08]))))
    n_b = total - n_c
    base = float(rng.choice([0.001, 0.01, 0.05]))
    e_b = int(rng.binomial(n_b, base))
    e_c = int(rng.binomial(n_c, base + float(rng.choice([0.0, 0.002, 0.01]))))
    specs.append((n_b, e_b, n_c, e_c, planned, str(rng.choice(["Sequential", "FixedSample"])), 0.005, 1.0))

for n_b, e_b, n_c, e_c, planned, mode, tolerance, previous in specs:
    total = n_b + n_c
    chi2, p_srm = stats.chisquare([n_b, n_c], [total * (1 - planned), total * planned])
    z, p_z = proportions_ztest([e_c, e_b], [n_c, n_b])
    pooled = (e_b + e_c) / total
    difference = e_c / n_c - e_b / n_b
    if mode == "Sequential":
        test = "MixtureSequential"
        v = pooled * (1 - pooled) * (1 / n_b + 1 / n_c)
        tau2 = 0.005**2
        log_lambda = 0.5 * math.log(v / (v + tau2)) + tau2 * difference**2 / (2 * v * (v + tau2)) if v > 0 else 0.0
        p = min(previous, min(1.0, math.exp(-log_lambda)))
    elif min(pooled * n_b, pooled * n_c) < 5:
        test = "FisherExact"
        p = stats.fisher_exact([[e_c, n_c - e_c], [e_b, n_b - e_b]])[1]
    else:
        test = "TwoProportionZTest"
        p = p_z
    if p_srm < 0.001:
        decision = "Hold"
    elif difference > tolerance and p < 0.05:
        decision = "RollbackImmediately"
    elif difference > tolerance:
        decision = "MonitorClosely"
    else:
        decision = "ProceedToFullRollout"
    cases.append({"nb": n_b, "eb": e_b, "nc": n_c, "ec": e_c, "planned": planned, "mode": mode, "tolerance": tolerance,
                  "previous": previous, "chi2": float(chi2), "pSrm": float(p_srm), "z": float(z), "test": test,
                  "p": float(p), "decision": decision})

print(json.dumps(cases, indent=1))
