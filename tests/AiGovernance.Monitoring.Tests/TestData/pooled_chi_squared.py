#!/usr/bin/env python3
"""Reference values for DataDriftDetectorTests' pooled chi-squared (issue #21 defect 6).

The table is what Cochran's rule leaves of a categorical column: categories A and B kept, the 50 reference ids seen once
each pooled into one "rare" cell, the 100 current ids the reference never saw pooled into one "unseen" cell.
Writes pooled_chi_squared.json beside this script (scipy.stats.chi2_contingency, Yates only when df = 1, as SciPy).
"""
import json
import os

from scipy.stats import chi2_contingency

table = [[300, 150, 50, 0], [200, 150, 0, 100]]
statistic, p, dof, _ = chi2_contingency(table)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pooled_chi_squared.json"), "w") as f:
    json.dump({"table": table, "statistic": statistic, "pvalue": p, "dof": dof}, f, indent=2)
    f.write("\n")
