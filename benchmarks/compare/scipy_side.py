"""SciPy/NumPy side of benchmarks/compare-scipy.sh.

Generates the shared inputs (raw little-endian float64 files, fixed seeds) into a work folder, times each
workload the way a Python user would run it (best of --repeat runs, time.perf_counter), and prints one JSON
object with the timings and the results (so the .NET side can be checked for agreement on the same data).

Shapes: KS, Mann-Whitney and Cramer-von Mises on 1,000,000 x 1,000,000; PSI with 10 quantile bins on 1,000,000 x 1,000,000;
a batch of 100 columns x 100,000 rows, KS + PSI per column.
"""
import argparse
import json
import os
import time

import numpy as np
from scipy import stats


def psi_numpy(reference, current, bins=10, eps=1e-4):
    """The documented convention: R7 quantile cut points of the reference, duplicates collapsed, right-closed bins
    with open outer bins, zero proportions replaced by eps without renormalisation."""
    cuts = np.unique(np.quantile(reference, np.arange(1, bins) / bins))
    r = np.bincount(np.searchsorted(cuts, reference, side="left"), minlength=len(cuts) + 1) / len(reference)
    c = np.bincount(np.searchsorted(cuts, current, side="left"), minlength=len(cuts) + 1) / len(current)
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    return float(np.sum((c - r) * np.log(c / r)))


def best_of(repeat, fn):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)

    rng = np.random.default_rng(20261126)
    a = rng.normal(0.0, 1.0, 1_000_000)
    b = rng.normal(0.02, 1.05, 1_000_000)
    cols_ref = rng.normal(0.0, 1.0, (100, 100_000))
    cols_cur = rng.normal(0.01, 1.0, (100, 100_000)) + np.linspace(0, 0.2, 100)[:, None]
    for name, arr in [("a", a), ("b", b), ("cols_ref", cols_ref), ("cols_cur", cols_cur)]:
        arr.astype("<f8").tofile(os.path.join(args.work, name + ".f64"))

    out = {"scipy": __import__("scipy").__version__, "numpy": np.__version__, "timings": {}, "results": {}}
    t, r = best_of(args.repeat, lambda: stats.ks_2samp(a, b, method="asymp"))
    out["timings"]["ks_1m"] = t
    out["results"]["ks_1m"] = [float(r.statistic), float(r.pvalue)]
    t, r = best_of(args.repeat, lambda: stats.mannwhitneyu(a, b))
    out["timings"]["mwu_1m"] = t
    out["results"]["mwu_1m"] = [float(r.statistic), float(r.pvalue)]
    t, r = best_of(args.repeat, lambda: stats.cramervonmises_2samp(a, b))
    out["timings"]["cvm_1m"] = t
    out["results"]["cvm_1m"] = [float(r.statistic), float(r.pvalue)]
    t, r = best_of(args.repeat, lambda: psi_numpy(a, b))
    out["timings"]["psi_1m"] = t
    out["results"]["psi_1m"] = r

    def batch():
        res = []
        for i in range(100):
            ks = stats.ks_2samp(cols_ref[i], cols_cur[i], method="asymp")
            res.append((float(ks.statistic), float(ks.pvalue), psi_numpy(cols_ref[i], cols_cur[i])))
        return res

    t, r = best_of(args.repeat, batch)
    out["timings"]["batch_100x100k"] = t
    out["results"]["batch_100x100k"] = r[:3]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
