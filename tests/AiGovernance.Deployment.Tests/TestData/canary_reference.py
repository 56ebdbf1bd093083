"""Reference values for the canary statistics, from SciPy 1.10.1 / NumPy (Debian 12 /usr/bin/python3).

- Mann-Whitney U on histogram buckets: every value is replaced by its bucket's representative (the same log-linear
  layout as LatencyHistogramSnapshot: exact below 256 ticks, 128 sub-buckets per power of two above, midpoint), then
  scipy.stats.mannwhitneyu(x, y, alternative, method="asymptotic", use_continuity=True) on the expanded values.
- Hodges-Lehmann shift: numpy.median of all differences y_j - x_i of the representatives, in milliseconds.
- Fisher's exact test moved to AiGovernance.Statistics with its reference values
  (tests/AiGovernance.Statistics.Tests/TestData/fisher_reference.py, which keeps these eight tables).
Run: /usr/bin/python3 canary_reference.py > canary_reference.json
"""
import json
import numpy as np
from scipy import stats


def representative(ticks):
    v = min(int(ticks), (1 << 40) - 1)
    if v < 256:
        return float(v)
    shift = v.bit_length() - 1 - 7
    lower = (v >> shift) << shift
    return float(lower + (1 << shift) // 2)


rng = np.random.default_rng(20261126)
cases = []
specs = [
    ("small-exact", 40, 55, lambda n: rng.integers(0, 200, n), lambda n: rng.integers(20, 230, n)),
    ("ties-heavy", 300, 250, lambda n: rng.integers(0, 12, n), lambda n: rng.integers(2, 14, n)),
    ("lognormal-ms", 2000, 1500, lambda n: rng.lognormal(np.log(40e4), 0.6, n), lambda n: rng.lognormal(np.log(46e4), 0.6, n)),
    ("same-distribution", 1000, 1000, lambda n: rng.lognormal(np.log(8e4), 1.0, n), lambda n: rng.lognormal(np.log(8e4), 1.0, n)),
    ("candidate-faster", 800, 900, lambda n: rng.gamma(3.0, 1e5, n), lambda n: rng.gamma(3.0, 0.8e5, n)),
]
for name, n1, n2, fx, fy in specs:
    x_ticks = [int(t) for t in fx(n1)]
    y_ticks = [int(t) for t in fy(n2)]
    xr = np.array([representative(t) for t in x_ticks])
    yr = np.array([representative(t) for t in y_ticks])
    case = {"name": name, "x": x_ticks, "y": y_ticks}
    for alt in ("two-sided", "greater", "less"):
        r = stats.mannwhitneyu(xr, yr, alternative=alt, method="asymptotic", use_continuity=True)
        case["u_" + alt] = float(r.statistic)
        case["p_" + alt] = float(r.pvalue)
    case["hodges_lehmann_ms"] = float(np.median(np.subtract.outer(yr, xr))) / 1e4
    cases.append(case)

print(json.dumps({"mannWhitney": cases}))
