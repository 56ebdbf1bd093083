#!/usr/bin/python3
"""Reference values for HistogramRankTest: rank statistics of two histograms over shared buckets.

Each case gives the bucket values (strictly increasing) and the two histograms' counts per bucket. The expected
values come from the expanded data, numpy.repeat(values, counts), so that every value in a bucket is a tie:
  * scipy.stats.mannwhitneyu(x, y, alternative, method="asymptotic", use_continuity=c) for the three alternatives,
    with and without the continuity correction (SciPy 1.10.1, Debian 12);
  * the Hodges-Lehmann shift: numpy.median(numpy.subtract.outer(y, x)), the median of every difference y_j - x_i.
Bucket values include non-integers, negatives and values closer together than 1e-9, so the shift's search cannot
rely on integer spacing. Run with /usr/bin/python3; writes histogram_rank_reference.json next to this file.
"""
import json
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(4242)
cases = []


def add(name, values, x, y):
    values = np.asarray(values, dtype=float)
    x = np.asarray(x, dtype=int)
    y = np.asarray(y, dtype=int)
    xe = np.repeat(values, x)
    ye = np.repeat(values, y)
    case = {"name": name, "values": values.tolist(), "x": x.tolist(), "y": y.tolist()}
    for continuity in (True, False):
        suffix = "" if continuity else "_no_continuity"
        for alt in ("two-sided", "greater", "less"):
            r = stats.mannwhitneyu(xe, ye, alternative=alt, method="asymptotic", use_continuity=continuity)
            case["u_" + alt + suffix] = float(r.statistic)
            case["p_" + alt + suffix] = float(r.pvalue)
    case["hodges_lehmann"] = float(np.median(np.subtract.outer(ye, xe)))
    cases.append(case)


# Latency-like: 60 buckets of growing width, lognormal traffic, candidate a little slower.
edges = np.cumsum(rng.uniform(0.5, 3.0, size=60))
def counts_from(samples, bucket_values):
    index = np.clip(np.searchsorted(bucket_values, samples), 0, len(bucket_values) - 1)
    return np.bincount(index, minlength=len(bucket_values))
add("latency-like shift", edges, counts_from(rng.lognormal(3.0, 0.4, 1500), edges), counts_from(rng.lognormal(3.08, 0.4, 1200), edges))
add("same distribution", edges, counts_from(rng.lognormal(3.0, 0.5, 2000), edges), counts_from(rng.lognormal(3.0, 0.5, 1800), edges))
add("candidate faster", edges, counts_from(rng.gamma(4.0, 4.0, 900), edges), counts_from(rng.gamma(4.0, 3.4, 1000), edges))
# Few buckets, heavy ties, many empty buckets.
values = np.array([-2.5, -1.0, 0.0, 0.25, 0.5, 3.0, 7.75, 12.0])
add("heavy ties with empty buckets", values, [40, 0, 120, 0, 33, 0, 5, 0], [10, 0, 80, 15, 60, 0, 22, 3])
add("disjoint supports", values, [10, 20, 5, 0, 0, 0, 0, 0], [0, 0, 0, 0, 7, 9, 11, 2])
add("single value each", values, [1, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1])
# Values 1e-12 apart around 1: the shift's search must go below the 1e-9 that integer ticks allow.
tight = 1.0 + np.arange(12) * 1e-12
add("values closer than 1e-9", tight, rng.integers(0, 30, 12), rng.integers(0, 30, 12))
# Odd and even numbers of pairs (the median of an even count averages the two middle differences).
add("odd pair count", [1.0, 2.0, 4.0], [1, 1, 1], [0, 2, 1])
add("even pair count", [1.0, 2.0, 4.0, 8.0], [1, 1, 0, 0], [0, 1, 0, 1])
for i in range(6):
    k = int(rng.integers(3, 40))
    vals = np.sort(rng.choice(np.arange(-500, 500) / 7.0, size=k, replace=False))
    add(f"random {i}", vals, rng.integers(0, int(rng.integers(2, 60)), k), rng.integers(0, int(rng.integers(2, 60)), k))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "histogram_rank_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"cases": cases}, f, indent=0)
    f.write("\n")
