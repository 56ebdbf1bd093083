#!/usr/bin/python3
"""Reference values for Fisher's exact test on 2 x 2 tables, from scipy.stats.fisher_exact (SciPy 1.10.1, Debian 12).

Each case is the table [[a, b], [c, d]] with the sample odds ratio and the p-value for alternative="two-sided",
"less" and "greater". The first eight are the canary's error tables [[e1, n1 - e1], [e2, n2 - e2]] that the
deployment tests used; the rest are the hard cases: large tables (hundreds of thousands of rows), exact ties in the
probability mass function (symmetric margins, where SciPy's 1e-14 relative slack decides which tables count as "as
likely"), zero cells, empty rows or columns (p = 1, odds ratio NaN) and random tables of every size.
Run with /usr/bin/python3; writes fisher_reference.json next to this file.
"""
import json
import math
import os

import numpy as np
from scipy import stats


def finite(x):
    x = float(x)
    return "nan" if math.isnan(x) else "inf" if math.isinf(x) else x


cases = []


def add(name, table):
    entry = {"name": name, "table": [list(map(int, table[0])), list(map(int, table[1]))]}
    for alternative in ("two-sided", "less", "greater"):
        odds, p = stats.fisher_exact(table, alternative=alternative)
        entry["p_" + alternative] = float(p)
        entry["odds_ratio"] = finite(odds)
    cases.append(entry)


for e1, n1, e2, n2 in [(0, 1000, 3, 1000), (1, 500, 6, 480), (2, 20000, 9, 1500), (5, 100, 5, 100), (0, 50, 0, 60),
                       (12, 3000, 1, 2500), (3, 10000, 4, 200), (7, 1200, 0, 1300)]:
    add(f"canary {e1}/{n1} vs {e2}/{n2}", [[e1, n1 - e1], [e2, n2 - e2]])

add("scipy docs whales", [[8, 2], [1, 5]])
add("pmf tie small", [[3, 7], [7, 3]])
add("pmf tie at the mode", [[5, 5], [5, 5]])
add("pmf tie large", [[400, 600], [600, 400]])
add("pmf tie lopsided margins", [[2, 8], [8, 2]])
add("pmf tie one-off", [[4, 6], [6, 4]])
add("zero diagonal", [[0, 10], [10, 0]])
add("zero off-diagonal", [[10, 0], [0, 10]])
add("zero column", [[0, 5], [0, 5]])
add("zero row", [[0, 0], [3, 4]])
add("all zero", [[0, 0], [0, 0]])
add("single", [[1, 0], [0, 0]])
add("one zero cell", [[0, 100], [3, 97]])
add("large balanced", [[5000, 95000], [5400, 94600]])
add("large significant", [[120000, 880000], [121500, 878500]])
add("large rare events", [[3, 400000], [25, 380000]])
add("large extreme", [[900, 100], [100, 900]])

rng = np.random.default_rng(20261127)
for i in range(60):
    scale = int(10 ** rng.uniform(0.5, 4.5))
    a, b, c, d = (int(v) for v in rng.integers(0, scale + 1, size=4))
    add(f"random {i}", [[a, b], [c, d]])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "fisher_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"cases": cases}, f, indent=0)
    f.write("\n")
