#!/usr/bin/python3
"""Reference values for the Kolmogorov-Smirnov tests, from Debian's SciPy 1.10.1.

Run:  /usr/bin/python3 ks_reference.py  (writes ks_reference.json next to this script)

Large samples are not stored; they are "weyl" sequences, value_i = shift + scale * floor_or_not((i*alpha + offset) % 1),
which the C# tests rebuild bit-for-bit (only IEEE multiply, add, fmod and floor are involved).
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import special, stats

assert scipy.__version__ == "1.10.1", scipy.__version__

ALTS = ["two-sided", "less", "greater"]


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def weyl(spec):
    i = np.arange(spec["n"], dtype=np.float64)
    frac = (i * spec["alpha"] + spec["offset"]) % 1.0
    if spec.get("levels"):
        frac = np.floor(frac * spec["levels"])
    return spec["shift"] + spec["scale"] * frac


def run_2samp(x, y, alternative, method):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = stats.ks_2samp(x, y, alternative=alternative, method=method)
    fell_back = any("Switching to" in str(w.message) or "unsuccessful" in str(w.message) for w in caught)
    if method == "asymp":
        used = "asymptotic"
    elif method == "auto" and max(len(x), len(y)) > 10000:
        used = "asymptotic"
    else:
        used = "asymptotic" if fell_back else "exact"
    return r, used


two_sample = []
datasets = {}


def add_2samp(name, x, y, alternatives=ALTS, methods=("auto", "exact", "asymp"), xspec=None, yspec=None):
    for alt in alternatives:
        for method in methods:
            r, used = run_2samp(x, y, alt, method)
            case = {"name": name, "alternative": alt, "method": method}
            if name not in datasets:
                data = {}
                if xspec is None:
                    data["x"] = [num(v) for v in x]
                else:
                    data["x_weyl"] = xspec
                if yspec is None:
                    data["y"] = [num(v) for v in y]
                else:
                    data["y_weyl"] = yspec
                datasets[name] = data
            case.update(statistic=num(r.statistic), pvalue=num(r.pvalue), location=num(r.statistic_location),
                        sign=int(r.statistic_sign), method_used=used)
            two_sample.append(case)


rng = np.random.RandomState(20240601)
# Tiny samples.
add_2samp("1 vs 3", [0.5], [0.1, 0.7, 2.0])
add_2samp("1 vs 3 separated", [5.0], [0.1, 0.7, 2.0])
add_2samp("3 vs 1", [0.1, 0.7, 2.0], [0.5])
add_2samp("1 vs 1", [1.0], [2.0], methods=("auto", "exact"))
add_2samp("2 vs 2", [1.0, 3.0], [2.0, 4.0])
add_2samp("3 vs 5", [0.3, 1.2, 2.2], [0.1, 0.2, 1.0, 1.5, 3.0])
add_2samp("identical 4 vs 4", [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0])
# Equal sizes.
for n, shift in [(10, 0.5), (50, 0.3), (200, 0.2), (1000, 0.05)]:
    add_2samp(f"n=m={n}", np.round(rng.normal(0, 1, n), 6), np.round(rng.normal(shift, 1, n), 6))
# Unequal sizes with gcd > 1 and coprime.
for n, m, shift in [(40, 60, 0.4), (100, 150, 0.3), (300, 450, 0.15), (37, 53, 0.5), (101, 151, 0.25),
                    (250, 331, 0.2), (7, 200, 0.8), (1000, 1500, 0.08), (2, 9, 1.0)]:
    add_2samp(f"{n} vs {m}", np.round(rng.normal(0, 1, n), 6), np.round(rng.normal(shift, 1.2, m), 6))
# Ties: integer-valued data.
add_2samp("ties 80 vs 120", rng.poisson(3.0, 80).astype(float), rng.poisson(3.5, 120).astype(float))
add_2samp("ties 30 vs 30", rng.poisson(2.0, 30).astype(float), rng.poisson(2.0, 30).astype(float))
add_2samp("ties binary 25 vs 40", rng.binomial(1, 0.3, 25).astype(float), rng.binomial(1, 0.6, 40).astype(float))
# Minimal statistic with n = m (the closed form's probability can leave [0, 1] and fall back).
add_2samp("n=m=5 interleaved (exact sum rounds above 1: falls back)", np.arange(5) * 2.0 + 1.0, np.arange(5) * 2.0 + 2.0)
add_2samp("n=m=20 interleaved", np.arange(20) * 2.0, np.arange(20) * 2.0 + 1.0)
add_2samp("n=m=60 interleaved", np.arange(60) * 2.0, np.arange(60) * 2.0 + 1.0)
# Extreme p-values: well separated samples.
add_2samp("separated 300 vs 400", np.round(rng.normal(0, 1, 300), 6), np.round(rng.normal(20, 1, 400), 6))
add_2samp("separated 500 vs 500", np.round(rng.normal(0, 1, 500), 6), np.round(rng.normal(20, 1, 500), 6))
add_2samp("separated reversed 400 vs 350", np.round(rng.normal(20, 1, 400), 6), np.round(rng.normal(0, 1, 350), 6))
add_2samp("mostly separated 200 vs 260", np.round(rng.normal(0, 1, 200), 6), np.round(rng.normal(3.5, 1, 260), 6))
# One-sided exact with C(n+m, n) overflowing a double: SciPy falls back to the asymptotic formula.
add_2samp("overflow 600 vs 700", np.round(rng.normal(0, 1, 600), 6), np.round(rng.normal(0.1, 1, 700), 6),
          methods=("auto", "exact"))
# Large samples (> 10 000): auto uses the asymptotic method.
big = [
    ("weyl 12000 vs 15000", dict(n=12000, alpha=0.6180339887498949, offset=0.1, scale=1.0, shift=0.0),
     dict(n=15000, alpha=0.41421356237309503, offset=0.3, scale=1.0, shift=0.01)),
    ("weyl 10001 vs 500", dict(n=10001, alpha=0.7320508075688772, offset=0.0, scale=2.0, shift=0.0),
     dict(n=500, alpha=0.2360679774997898, offset=0.5, scale=2.0, shift=0.1)),
    ("weyl ties 20000 vs 11000", dict(n=20000, alpha=0.6180339887498949, offset=0.2, scale=1.0, shift=0.0, levels=10),
     dict(n=11000, alpha=0.41421356237309503, offset=0.7, scale=1.0, shift=0.0, levels=12)),
    ("weyl separated 12000 vs 12000", dict(n=12000, alpha=0.6180339887498949, offset=0.1, scale=1.0, shift=0.0),
     dict(n=12000, alpha=0.41421356237309503, offset=0.3, scale=1.0, shift=0.2)),
]
for name, xs, ys in big:
    add_2samp(name, weyl(xs), weyl(ys), methods=("auto", "asymp"), xspec=xs, yspec=ys)
# Explicit exact with lcm(n, m) beyond int32: SciPy switches to asymptotic.
xs = dict(n=50000, alpha=0.6180339887498949, offset=0.1, scale=1.0, shift=0.0)
ys = dict(n=50001, alpha=0.41421356237309503, offset=0.3, scale=1.0, shift=0.005)
add_2samp("lcm overflow 50000 vs 50001", weyl(xs), weyl(ys), methods=("exact",), xspec=xs, yspec=ys)
# Explicit exact on a large sample that SciPy can do exactly.
xs = dict(n=12000, alpha=0.6180339887498949, offset=0.1, scale=1.0, shift=0.0)
ys = dict(n=9000, alpha=0.41421356237309503, offset=0.3, scale=1.0, shift=0.02)
add_2samp("exact 12000 vs 9000", weyl(xs), weyl(ys), alternatives=("two-sided",), methods=("exact",), xspec=xs, yspec=ys)

# kstwo.sf over all regimes of Simard & L'Ecuyer's switch.
kstwo = []
targets = [0.01, 0.1, 0.3, 0.5, 0.7, 0.754, 0.76, 1.0, 1.5, 2.0, 2.1, 2.3, 3.0, 4.0, 4.1, 6.0, 10.0, 18.0, 30.0,
           60.0, 100.0, 200.0, 300.0, 369.0, 371.0]
for n in [1, 2, 3, 4, 5, 7, 10, 20, 50, 100, 139, 140, 141, 200, 500, 1000, 5000, 20000, 100000, 100001, 400000,
          2000000]:
    ds = set()
    for target in targets:
        d = math.sqrt(target / n)
        if d < 1:
            ds.add(d)
    for t in [0.3, 0.5, 0.6, 0.75, 0.9, 1.0, 1.2, n - 1.0, n - 0.5]:
        if 0 < t < n:
            ds.add(t / n)
    for d in [0.5, 0.55, 0.7, 0.9, 0.99, 1.0, 0.0]:
        ds.add(d)
    for x in [1.4]:  # the n*d^1.5 = 1.4 switch
        ds.add((x / n) ** (2.0 / 3.0))
    for d in sorted(ds):
        kstwo.append([n, num(d), num(stats.kstwo.sf(d, n))])

smirnov = []
for n in [1, 2, 5, 10, 11, 30, 100, 1012, 1013, 5000, 100000, 1000001]:
    for d in [0.0, 1e-4, 0.001, 0.01, 0.05, 0.5 / math.sqrt(n), 1.0 / n, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1 - 1.0 / n,
              0.999, 1.0]:
        if 0 <= d <= 1:
            smirnov.append([n, num(d), num(special.smirnov(n, d))])

kolmogorov = [[num(x), num(special.kolmogorov(x))] for x in
              [0.0, 0.03, 0.05, 0.1, 0.3, 0.5, 0.8, 0.82, 0.83, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0, 27.0]]

one_sample = []
for n, loc, scale in [(1, 0.0, 1.0), (5, 0.3, 1.0), (20, 0.0, 1.0), (100, 0.5, 1.0), (150, 0.0, 1.3), (1000, 0.1, 1.0),
                      (5000, 0.02, 1.0), (400, 3.0, 1.0)]:
    x = np.round(rng.normal(0.0, 1.0, n) + loc, 6)
    for alt in ALTS:
        for method in ["auto", "exact", "asymp"]:
            r = stats.ks_1samp(x, stats.norm.cdf, alternative=alt, method=method)
            datasets.setdefault(f"norm n={n} shift={loc}", {"x": [num(v) for v in x]})
            one_sample.append({"name": f"norm n={n} shift={loc}", "alternative": alt,
                               "method": method, "statistic": num(r.statistic), "pvalue": num(r.pvalue),
                               "location": num(r.statistic_location), "sign": int(r.statistic_sign)})

out = {"scipy": scipy.__version__, "datasets": datasets, "two_sample": two_sample, "kstwo_sf": kstwo, "smirnov_sf": smirnov,
       "kolmogorov_sf": kolmogorov, "one_sample": one_sample}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"{len(two_sample)} two-sample cases, {len(kstwo)} kstwo, {len(smirnov)} smirnov, {len(kolmogorov)} kolmogorov, "
      f"{len(one_sample)} one-sample cases -> {path}")
