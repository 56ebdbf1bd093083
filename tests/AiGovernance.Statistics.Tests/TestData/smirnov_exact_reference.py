"""Exact values of the one-sided Smirnov survival function P(D+_n >= x) for large n, to check the fast series path.

P = x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v), every term positive. Evaluated with
mpmath at 40 significant digits (x is the exact binary double), summing only the terms within e^-150 of the largest
(found with float64 log-terms), which changes the sum by far less than 1e-40. Compare: scipy.special.smirnov.
Run: /usr/bin/python3 smirnov_exact_reference.py > smirnov_exact_reference.json
"""
import json
import math

import mpmath
import numpy as np
from scipy import special
from scipy.special import gammaln

mpmath.mp.dps = 40

PAIRS = [
    (1024, 0.05), (1500, 0.2), (3000, 0.33183703465785497), (10000, 0.015), (20000, 0.5), (50000, 0.0067),
    (50000, 0.01), (50000, 0.0174), (50000, 0.07876667983245496), (123457, 0.009), (400000, 0.003),
    (500000, 0.016971999999999987), (999999, 0.0025),
]


def exact(n, x):
    last = math.floor(n * (1 - x))
    v = np.arange(1, last + 1, dtype=np.float64)
    log_terms = gammaln(n + 1) - gammaln(v + 1) - gammaln(n - v + 1) + (v - 1) * np.log(x + v / n) + (n - v) * np.log1p(-x - v / n)
    keep = np.nonzero(log_terms >= log_terms.max() - 150)[0]
    lo, hi = int(v[keep.min()]), int(v[keep.max()])
    xm = mpmath.mpf(x)
    total = (1 - xm) ** n / xm  # v = 0
    c = mpmath.binomial(n, lo)
    for k in range(lo, hi + 1):
        if k > lo:
            c = c * (n - k + 1) / k
        u = xm + mpmath.mpf(k) / n
        total += c * u ** (k - 1) * (1 - u) ** (n - k)
    return xm * total


rows = []
for n, x in PAIRS:
    p = exact(n, x)
    rows.append({"n": n, "x": x, "sf": mpmath.nstr(p, 25, min_fixed=1, max_fixed=0), "scipy": float(special.smirnov(n, x))})
print(json.dumps({"mpmath": mpmath.__version__, "dps": mpmath.mp.dps, "smirnov_exact": rows}, indent=1))
