#!/usr/bin/python3
"""Reference values for McNemar's exact test and the paired-proportion difference interval.

Oracle: Debian 12 python3-scipy 1.10.1 and python3-statsmodels 0.13.5 (run with /usr/bin/python3).
  * statsmodels.stats.contingency_tables.mcnemar(table, exact=True): statistic = min(b, c), pvalue =
    min(1, 2 * binom.cdf(min(b, c), b + c, 0.5)) for the discordant cells b (only the first right) and c (only the
    second right).
  * scipy.stats.binomtest(min(b, c), b + c, 0.5) two-sided: the same p-value by SciPy's own route (summing the pmf
    of the outcomes no more likely than the observed one); recorded as a second, independent oracle.
  * The Wald interval of the difference of paired proportions (b - c)/n has variance (b + c - (b - c)^2 / n) / n^2
    (Agresti, Categorical Data Analysis, 10.1.2); the normal quantile is scipy.stats.norm.ppf.
Writes mcnemar_reference.json next to this file.
"""
import json
import os

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar

cases = []
# The first six are the pairs the performance gate's tests used; the rest reach into large and lopsided counts.
for (b, c) in [(10, 2), (0, 0), (5, 5), (30, 12), (1, 7), (250, 200), (0, 1), (1, 0), (0, 40), (3, 60), (500, 430),
               (12000, 11800), (40000, 39000), (100000, 99000), (7, 0), (1000, 1)]:
    table = [[50, b], [c, 50]]
    result = mcnemar(table, exact=True)
    if b + c > 0:
        binom_p = float(stats.binomtest(min(b, c), b + c, 0.5).pvalue)
    else:
        binom_p = 1.0
    cases.append({"b": b, "c": c, "statistic": float(result.statistic), "p": float(result.pvalue), "binomtest_p": binom_p})

intervals = []
for (b, c, n, level) in [(30, 12, 1000, 0.95), (0, 100, 1000, 0.95), (5, 5, 200, 0.9), (0, 0, 50, 0.95),
                         (120, 80, 5000, 0.99), (1, 0, 1, 0.95), (17, 3, 40, 0.8)]:
    d = (b - c) / n
    variance = (b + c - (b - c) ** 2 / n) / n ** 2
    half = stats.norm.ppf(1 - (1 - level) / 2) * np.sqrt(max(0.0, variance))
    intervals.append({"b": b, "c": c, "n": n, "confidence_level": level, "difference": d,
                      "lower": d - half, "upper": d + half})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "mcnemar_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"exact": cases, "difference_interval": intervals}, f, indent=1)
    f.write("\n")
