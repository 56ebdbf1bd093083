#!/usr/bin/env python3
"""What a data platform team would otherwise write: read both CSVs with pandas, then per column a two-sample test
(KS for numeric columns, chi-squared on the 2 x k count table for categorical ones) and PSI (10 quantile bins of the
reference for numeric columns, one bin per category for categorical ones, epsilon 1e-4), and print a JSON summary.

Usage: pandas_side.py REFERENCE.csv CURRENT.csv

Plain, idiomatic pandas + SciPy (Debian's python3-pandas and python3-scipy): the comparison script a team would write
in an afternoon, not a tuned one. It prints {"columns": N, "drifted": [...], "seconds": wall time} to stdout.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

EPSILON = 1e-4
BINS = 10


def psi(reference_share, current_share):
    r = np.where(reference_share == 0, EPSILON, reference_share)
    c = np.where(current_share == 0, EPSILON, current_share)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric(reference, current):
    reference = reference.dropna().to_numpy()
    current = current.dropna().to_numpy()
    ks = stats.ks_2samp(reference, current)
    cuts = np.unique(np.quantile(reference, np.linspace(0, 1, BINS + 1)[1:-1]))
    edges = np.concatenate(([-np.inf], cuts, [np.inf]))
    r = np.histogram(reference, edges)[0] / len(reference)
    c = np.histogram(current, edges)[0] / len(current)
    return ks.pvalue, psi(r, c)


def categorical(reference, current):
    r = reference.value_counts()
    c = current.value_counts()
    table = pd.concat([r, c], axis=1).fillna(0).to_numpy().T
    chi = stats.chi2_contingency(table)
    return chi[1], psi(table[0] / table[0].sum(), table[1] / table[1].sum())


def main():
    start = time.perf_counter()
    reference = pd.read_csv(sys.argv[1])
    current = pd.read_csv(sys.argv[2])
    drifted = []
    for name in reference.columns:
        if pd.api.types.is_numeric_dtype(reference[name]):
            p, index = numeric(reference[name], current[name])
        else:
            p, index = categorical(reference[name], current[name])
        if p < 0.05 or index >= 0.2:
            drifted.append(name)
    print(json.dumps({"columns": len(reference.columns), "drifted": drifted, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
