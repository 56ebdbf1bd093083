"""Reference values for the override-analysis tests (SciPy 1.10.1, statsmodels 0.13.5; run with /usr/bin/python3).

Writes oversight_reference.json next to this script. The tests build review logs whose counts equal these tables.
"""
import json, os
from scipy.stats import chi2_contingency, linregress
from statsmodels.stats.proportion import proportion_confint

out = {}

def chi(name, table):
    stat, p, dof, _ = chi2_contingency(table)  # Yates applies when dof == 1 (SciPy default)
    out[name] = {"table": table, "statistic": stat, "pvalue": p, "dof": int(dof)}

# Three reviewers, 100 routed reviews each, 5 / 10 / 30 overrides.
chi("heterogeneity_three", [[5, 95], [10, 90], [30, 70]])
# Two reviewers, 100 each, 5 / 12 overrides (Yates-corrected, not significant).
chi("heterogeneity_two", [[5, 95], [12, 88]])

# Fatigue: 200 reviews in each hour 08..17 with these override counts.
hours = list(range(8, 18))
counts = [20, 19, 15, 16, 12, 11, 9, 8, 5, 4]
fit = linregress(hours, [c / 200 for c in counts])
out["fatigue"] = {"hours": hours, "overrides": counts, "reviews_per_hour": 200, "slope": fit.slope,
                  "intercept": fit.intercept, "r": fit.rvalue, "pvalue": fit.pvalue}

def wilson(name, k, n):
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    out[name] = {"events": k, "trials": n, "lower": lo, "upper": hi}

wilson("overall_low", 123, 10000)
wilson("audit_errors", 30, 200)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "oversight_reference.json"), "w") as f:
    json.dump(out, f, indent=2)
