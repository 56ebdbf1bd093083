#!/usr/bin/python3
"""Reference values for the distribution-shape tests: two-sample Cramer-von Mises, k-sample Anderson-Darling, energy
distance and Epps-Singleton, from Debian's SciPy 1.10.1.

Run:  /usr/bin/python3 shape_reference.py  (writes shape_reference.json next to this script)

Small samples are stored verbatim. Large samples are "weyl" sequences, value_i = shift + scale * frac or
shift + scale * floor(frac * levels) with frac = (i * alpha + offset) % 1, which the C# tests rebuild bit for bit
(only IEEE multiply, add, fmod and floor are involved); "normal" large samples pass such a sequence through
scipy.special.ndtri, which the tests do not need because those cases store the values (they are at most a few thousand).
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import stats

assert scipy.__version__ == "1.10.1", scipy.__version__

rng = np.random.default_rng(20261126)


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


def sample(values=None, spec=None):
    """A sample as stored: verbatim values, or a weyl spec plus the values rebuilt from it."""
    if spec is not None:
        return {"weyl": spec}, weyl(spec)
    arr = np.asarray(values, dtype=np.float64)
    return {"values": [num(v) for v in arr]}, arr


def rounded(a, digits=6):
    return np.round(np.asarray(a, dtype=np.float64), digits)


# ------------------------------------------------------------------------------------------- Cramer-von Mises
cvm = []


def add_cvm(name, x=None, y=None, xspec=None, yspec=None, methods=("auto", "exact", "asymptotic")):
    xs, xa = sample(x, xspec)
    ys, ya = sample(y, yspec)
    results = []
    for method in methods:
        r = stats.cramervonmises_2samp(xa, ya, method=method)
        used = method if method != "auto" else ("asymptotic" if max(len(xa), len(ya)) > 20 else "exact")
        results.append({"method": method, "used": used, "statistic": num(r.statistic), "pvalue": num(r.pvalue)})
    cvm.append({"name": name, "x": xs, "y": ys, "results": results})


add_cvm("2 vs 2", [1.0, 3.0], [2.0, 4.0])
add_cvm("2 vs 3 separated", [0.1, 0.2], [5.0, 6.0, 7.0])
add_cvm("3 vs 5", [0.3, 1.2, 2.2], [0.1, 0.2, 1.0, 1.5, 3.0])
add_cvm("identical 4 vs 4", [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0])
add_cvm("all tied 3 vs 4", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0, 2.0])
add_cvm("ties 6 vs 7", [1, 2, 2, 3, 3, 3], [2, 3, 3, 4, 4, 5, 5])
add_cvm("ties 12 vs 9", rng.integers(0, 4, 12), rng.integers(1, 5, 9))
add_cvm("normal 7 vs 6", rounded(rng.normal(size=7)), rounded(rng.standard_t(2, size=6)))
add_cvm("normal 10 vs 10 shifted", rounded(rng.normal(size=10)), rounded(rng.normal(1.0, size=10)))
add_cvm("normal 20 vs 20", rounded(rng.normal(size=20)), rounded(rng.normal(0.3, size=20)))
add_cvm("normal 20 vs 13", rounded(rng.normal(size=20)), rounded(rng.normal(0.5, 2.0, size=13)))
add_cvm("normal 21 vs 20 (auto asymptotic)", rounded(rng.normal(size=21)), rounded(rng.normal(size=20)))
add_cvm("normal 25 vs 25 exact", rounded(rng.normal(size=25)), rounded(rng.normal(0.6, size=25)))
add_cvm("normal 15 vs 40 exact", rounded(rng.normal(size=15)), rounded(rng.normal(0.2, size=40)))
add_cvm("ties 18 vs 22 exact", rng.integers(0, 6, 18), rng.integers(0, 6, 22))
add_cvm("normal 100 vs 70", rounded(rng.normal(size=100)), rounded(rng.normal(size=70)), methods=("auto", "asymptotic"))
add_cvm("normal 300 vs 200 shifted", rounded(rng.normal(size=300)), rounded(rng.normal(0.25, size=200)),
        methods=("auto", "asymptotic"))
add_cvm("far apart 50 vs 50 (p floored at 0)", rounded(rng.normal(size=50)), rounded(rng.normal(4.0, size=50)),
        methods=("auto",))
add_cvm("ties 400 vs 500", rng.integers(0, 10, 400), rng.integers(0, 10, 500), methods=("auto",))
add_cvm("weyl 20000 vs 15000", xspec={"n": 20000, "alpha": 0.6180339887498949, "offset": 0.1, "scale": 3.0, "shift": -1.5},
        yspec={"n": 15000, "alpha": 0.41421356237309515, "offset": 0.3, "scale": 3.0, "shift": -1.48}, methods=("auto",))
add_cvm("weyl tied 30000 vs 25000",
        xspec={"n": 30000, "alpha": 0.7320508075688772, "offset": 0.05, "scale": 0.5, "shift": 0.0, "levels": 40},
        yspec={"n": 25000, "alpha": 0.2360679774997898, "offset": 0.6, "scale": 0.5, "shift": 0.1, "levels": 40},
        methods=("auto",))
add_cvm("weyl 100000 vs 100000 identical law",
        xspec={"n": 100000, "alpha": 0.6180339887498949, "offset": 0.0, "scale": 1.0, "shift": 0.0},
        yspec={"n": 100000, "alpha": 0.41421356237309515, "offset": 0.5, "scale": 1.0, "shift": 0.0}, methods=("auto",))

# The asymptotic limiting CDF on its own, across its range (the p-value is 1 - cdf, floored at 0).
cvm_inf = []
from scipy.stats._hypotests import _cdf_cvm_inf  # noqa: E402

for v in [0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4613, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]:
    cvm_inf.append({"x": v, "cdf": num(_cdf_cvm_inf(v))})

# ------------------------------------------------------------------------------------------- Anderson-Darling
ad = []


def add_ad(name, samples, midranks=(True, False)):
    stored = [[num(v) for v in np.asarray(s, dtype=np.float64)] for s in samples]
    results = []
    for midrank in midranks:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = stats.anderson_ksamp([np.asarray(s, dtype=np.float64) for s in samples], midrank=midrank)
        results.append({
            "midrank": midrank,
            "statistic": num(r.statistic),
            "pvalue": num(r.significance_level),
            "critical": [num(v) for v in r.critical_values],
        })
    ad.append({"name": name, "samples": stored, "results": results})


add_ad("2 x 2 (N = 4)", [[1.0, 3.0], [2.0, 4.0]])
add_ad("3 and 1 (N = 4)", [[0.5, 1.5, 2.5], [1.0]])
add_ad("2 samples of 10", rounded(rng.normal(size=(2, 10))))
add_ad("2 samples shifted", [rounded(rng.normal(size=30)), rounded(rng.normal(1.0, size=25))])
add_ad("far apart (p floored at 0.001)", [rounded(rng.normal(size=40)), rounded(rng.normal(5.0, size=40))])
add_ad("same law (p capped at 0.25)", [np.linspace(0, 1, 30), np.linspace(0.01, 0.99, 31)])
add_ad("3 samples", [rounded(rng.normal(size=15)), rounded(rng.normal(size=22)), rounded(rng.normal(0.7, size=18))])
add_ad("5 samples", [rounded(rng.normal(0.1 * k, size=12 + 3 * k)) for k in range(5)])
add_ad("ties 2 samples", [rng.integers(0, 5, 40), rng.integers(1, 6, 35)])
add_ad("ties 4 samples", [rng.integers(0, 4, 25 + k) for k in range(4)])
add_ad("two distinct values", [[0, 0, 1, 1, 1], [0, 1, 1, 1, 1, 1, 1]])
add_ad("scipy docstring example", [rounded(rng.normal(size=50)), rounded(rng.normal(loc=0.5, size=30))])
add_ad("large 2 x 3000", [rounded(rng.normal(size=3000)), rounded(rng.normal(0.05, size=2500))])
add_ad("large ties 3 x 2000", [rng.integers(0, 30, 2000), rng.integers(0, 30, 1800), rng.integers(1, 31, 2200)])

# ------------------------------------------------------------------------------------------- Energy distance
energy = []


def add_energy(name, x=None, y=None, xspec=None, yspec=None):
    xs, xa = sample(x, xspec)
    ys, ya = sample(y, yspec)
    energy.append({"name": name, "x": xs, "y": ys, "distance": num(stats.energy_distance(xa, ya))})


add_energy("1 vs 1", [0.0], [2.0])
add_energy("identical", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
add_energy("docstring unweighted", [0.7, 7.4, 2.4, 6.8], [1.4, 8.0])
add_energy("ties", [1, 1, 2, 2, 2, 3], [2, 2, 3, 3, 4])
add_energy("normal 50 vs 80", rounded(rng.normal(size=50)), rounded(rng.normal(0.3, 1.2, size=80)))
add_energy("one far value", [0.0, 0.1, 0.2], [0.0, 0.1, 1000.0])
add_energy("tiny scale", rounded(rng.normal(size=30)) * 1e-9, rounded(rng.normal(size=40)) * 1e-9)
add_energy("weyl 200000 vs 150000", xspec={"n": 200000, "alpha": 0.6180339887498949, "offset": 0.2, "scale": 10.0,
                                            "shift": -5.0},
           yspec={"n": 150000, "alpha": 0.41421356237309515, "offset": 0.7, "scale": 10.5, "shift": -5.0})
add_energy("weyl tied 50000 vs 60000",
           xspec={"n": 50000, "alpha": 0.7320508075688772, "offset": 0.05, "scale": 1.0, "shift": 0.0, "levels": 25},
           yspec={"n": 60000, "alpha": 0.2360679774997898, "offset": 0.6, "scale": 1.0, "shift": 1.0, "levels": 25})

# ------------------------------------------------------------------------------------------- Epps-Singleton
es = []


def add_es(name, x, y):
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = stats.epps_singleton_2samp(xa, ya)
    deficient = any("full rank" in str(w.message) for w in caught)
    es.append({"name": name, "x": [num(v) for v in xa], "y": [num(v) for v in ya], "statistic": num(r.statistic),
               "pvalue": num(r.pvalue), "rankDeficient": deficient})


add_es("5 vs 5", [0.1, 0.9, 1.7, 2.2, 3.4], [0.5, 1.1, 2.8, 3.3, 4.9])
add_es("scipy docstring sizes", rounded(rng.normal(size=20)), rounded(rng.normal(0.5, 1.0, size=12)))
add_es("24 vs 30 (correction)", rounded(rng.normal(size=24)), rounded(rng.normal(size=30)))
add_es("25 vs 25 (no correction)", rounded(rng.normal(size=25)), rounded(rng.normal(0.4, size=25)))
add_es("scale change 100 vs 120", rounded(rng.normal(size=100)), rounded(rng.normal(0, 2.0, size=120)))
add_es("ties", rng.integers(0, 8, 60), rng.integers(1, 9, 70))
add_es("large 2000 vs 1500", rounded(rng.normal(size=2000)), rounded(rng.standard_t(5, size=1500)))
add_es("far apart", rounded(rng.normal(size=40)), rounded(rng.normal(6.0, size=45)))
add_es("two distinct values (rank 1)", [0, 0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 1, 1, 0, 0])
add_es("three distinct values (rank 2)", [0, 0, 1, 1, 2, 0, 1], [0, 1, 1, 2, 1, 1, 0, 2])

out = {
    "scipy": scipy.__version__,
    "cramervonmises": cvm,
    "cvm_inf": cvm_inf,
    "anderson": ad,
    "energy": energy,
    "epps": es,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shape_reference.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("cvm", len(cvm), "ad", len(ad), "energy", len(energy), "es", len(es))
