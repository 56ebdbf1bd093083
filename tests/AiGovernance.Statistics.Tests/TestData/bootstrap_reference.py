#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics.Bootstrap, re-implementing its documented definition independently.

The C# remarks define every draw, so the intervals can be recomputed exactly:
  * SplitMix64 (Steele, Lea & Flood 2014): state += 0x9E3779B97F4A7C15 (mod 2^64); z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; output z ^ (z >> 31).
    The seed (a signed 64-bit integer) is the initial state taken as unsigned.
  * Bounded draw in [0, n) (Lemire 2019): m = x * n (128-bit); while low64(m) < (2^64 - n) mod n: redraw; return high64(m).
  * A resample of n examples held as cell counts c_0, c_1, ... with running ends e_k: each of n draws u counts the first
    cell k with u < e_k. Cells TP, FP, FN, TN; for a pair of classifiers 16 cells (first outcome major).
    Resample b uses the b-th block of n draws of one stream.
  * Statistics: scikit-learn's accuracy, precision, recall, F1 for the positive class; NaN when a denominator is 0.
  * The interval: resamples with a NaN statistic are left out; numpy.quantile(defined, [a/2, 1 - a/2]) with the default
    linear method (R type 7), a = 1 - level.
NumPy from Debian 12; run with /usr/bin/python3; writes bootstrap_reference.json next to this file.
"""
import json
import math
import os

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def bounded(self, n):
        m = self.next() * n
        low = m & MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                m = self.next() * n
                low = m & MASK
        return m >> 64


def resample(rng, cells):
    ends = np.cumsum(cells).tolist()
    n = ends[-1]
    drawn = [0] * len(cells)
    for _ in range(n):
        u = rng.bounded(n)
        k = 0
        while u >= ends[k]:
            k += 1
        drawn[k] += 1
    return drawn


def div(a, b):
    return a / b if b != 0 else math.nan


METRICS = {
    "accuracy": lambda tp, fp, fn, tn: div(tp + tn, tp + fp + fn + tn),
    "precision": lambda tp, fp, fn, tn: div(tp, tp + fp),
    "recall": lambda tp, fp, fn, tn: div(tp, tp + fn),
    "f1": lambda tp, fp, fn, tn: div(2 * tp, 2 * tp + fp + fn),
}


def percentile(values, level):
    defined = np.array([v for v in values if not math.isnan(v)], dtype=float)
    if len(defined) == 0:
        return math.nan, math.nan, 0
    alpha = 1 - level
    lower, upper = np.quantile(defined, [alpha / 2, 1 - alpha / 2])
    return float(lower), float(upper), len(defined)


def finite(x):
    return "nan" if math.isnan(x) else x


single = []
for (counts, metric, resamples, seed, level) in [
        ((80, 20, 40, 60), "f1", 500, 1, 0.95),
        ((48, 12, 30, 210), "f1", 400, 20261126, 0.9),
        ((5, 1, 2, 40), "precision", 400, 7, 0.9),
        ((1, 0, 0, 9), "recall", 300, 3, 0.95),          # a third of the resamples draw no positive: NaN, left out
        ((300, 40, 25, 635), "accuracy", 250, -5, 0.99),  # a negative seed is its two's-complement state
        ((0, 3, 0, 4), "precision", 200, 11, 0.95),       # TP = 0 in every resample: interval [0, 0] or NaN
        ((0, 0, 0, 12), "f1", 100, 42, 0.95),             # F1 never defined: NaN interval, 0 defined
        ((37, 5, 9, 14), "f1", 300, (1 << 62) + 7, 0.8)]:
    rng = SplitMix64(seed)
    values = []
    first = None
    for b in range(resamples):
        drawn = resample(rng, list(counts))
        if first is None:
            first = drawn
        values.append(METRICS[metric](*drawn))
    lower, upper, defined = percentile(values, level)
    single.append({"counts": list(counts), "metric": metric, "resamples": resamples, "seed": seed,
                   "confidence_level": level, "first_resample": first, "lower": finite(lower),
                   "upper": finite(upper), "defined": defined})


def cell(actual, predicted):
    return 0 if actual and predicted else 1 if predicted else 2 if actual else 3


gen = np.random.default_rng(2026)
paired = []
for (n, metric, resamples, seed, level, agree) in [
        (120, "f1", 400, 20261126, 0.95, 0.85),
        (200, "precision", 300, 9, 0.9, 0.7),
        (60, "recall", 500, 123456789, 0.95, 0.9),
        (150, "accuracy", 250, -1, 0.99, 0.8),
        (40, "f1", 300, 5, 0.95, 1.0)]:               # identical models: every difference is 0
    y = gen.random(n) < 0.4
    first = np.where(gen.random(n) < 0.85, y, ~y)
    second = np.where(gen.random(n) < agree, first, ~first)
    cells = [0] * 16
    for t, a, b in zip(y, first, second):
        cells[cell(t, a) * 4 + cell(t, b)] += 1
    rng = SplitMix64(seed)
    values = []
    for _ in range(resamples):
        d = resample(rng, cells)
        a = [sum(d[0:4]), sum(d[4:8]), sum(d[8:12]), sum(d[12:16])]
        b = [d[0] + d[4] + d[8] + d[12], d[1] + d[5] + d[9] + d[13], d[2] + d[6] + d[10] + d[14],
             d[3] + d[7] + d[11] + d[15]]
        values.append(METRICS[metric](*a) - METRICS[metric](*b))
    lower, upper, defined = percentile(values, level)
    paired.append({"y_true": [int(v) for v in y], "first": [int(v) for v in first], "second": [int(v) for v in second],
                   "metric": metric, "resamples": resamples, "seed": seed, "confidence_level": level,
                   "lower": finite(lower), "upper": finite(upper), "defined": defined})

percentiles = []
for (size, level, nan_share) in [(1, 0.95, 0.0), (2, 0.9, 0.0), (999, 0.95, 0.0), (1000, 0.95, 0.1), (37, 0.5, 0.3)]:
    values = gen.normal(size=size)
    values[gen.random(size) < nan_share] = math.nan
    lower, upper, defined = percentile(values.tolist(), level)
    percentiles.append({"values": [finite(v) for v in values.tolist()], "confidence_level": level,
                        "lower": finite(lower), "upper": finite(upper)})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "bootstrap_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"single": single, "paired": paired, "percentile": percentiles}, f)
    f.write("\n")
