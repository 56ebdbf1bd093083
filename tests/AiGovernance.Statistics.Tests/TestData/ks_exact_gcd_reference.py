#!/usr/bin/python3
"""Reference value for an explicit exact two-sample KS test whose sizes multiply beyond int32 while their reduced
sizes do not, from Debian's SciPy 1.10.1.

SciPy keeps method='exact' when n1/g < int32.max / (n2/g) with g = gcd(n1, n2). For n1 = n2 = 50000, n1·n2 = 2.5e9 is
beyond int32 but (n1/g)·(n2/g) = 1, so the p-value is the exact one (the closed form for equal sizes).
The samples are the "weyl" sequences of ks_reference.py (value_i = shift + scale·((i·alpha + offset) % 1)), which the
C# test rebuilds bit for bit.

Run:  /usr/bin/python3 ks_exact_gcd_reference.py  (writes ks_exact_gcd_reference.json next to this script)
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats

assert scipy.__version__ == "1.10.1", scipy.__version__


def weyl(spec):
    i = np.arange(spec["n"], dtype=np.float64)
    return spec["shift"] + spec["scale"] * ((i * spec["alpha"] + spec["offset"]) % 1.0)


xs = dict(n=50000, alpha=0.6180339887498949, offset=0.1, scale=1.0, shift=0.0)
ys = dict(n=50000, alpha=0.41421356237309503, offset=0.3, scale=1.0, shift=0.01)
with warnings.catch_warnings():
    warnings.simplefilter("error")  # a switch to the asymptotic method would warn
    r = stats.ks_2samp(weyl(xs), weyl(ys), alternative="two-sided", method="exact")
out = {"scipy": scipy.__version__, "x_weyl": xs, "y_weyl": ys, "statistic": float(r.statistic), "pvalue": float(r.pvalue),
       "location": float(r.statistic_location), "sign": int(r.statistic_sign)}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_exact_gcd_reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(json.dumps(out))
