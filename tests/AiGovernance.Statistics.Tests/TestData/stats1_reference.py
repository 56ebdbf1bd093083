#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics phase 1 (Mann-Whitney, Hodges-Lehmann, linregress, chi-squared,
proportion z-tests, Wilson intervals, power analysis, multiple testing).

Oracle: Debian 12's python3-scipy 1.10.1 and python3-statsmodels 0.13.5. Run with /usr/bin/python3; writes
stats1_reference.json next to this file. CI never runs this script; the tests read the JSON.
"""
import json
import math
import os

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from scipy.stats._mannwhitneyu import _mwu_state, _tie_term
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_confint, proportion_effectsize, proportions_ztest

assert scipy.__version__ == "1.10.1", scipy.__version__
assert statsmodels.__version__.startswith("0.13.5"), statsmodels.__version__

rng = np.random.default_rng(20261126)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def nums(a):
    return [num(v) for v in np.ravel(a)]


# ---------------------------------------------------------------- Mann-Whitney U
def mwu_z(x, y, alternative, continuity):
    n1, n2 = len(x), len(y)
    ranks = stats.rankdata(np.concatenate([x, y]))
    u1 = ranks[:n1].sum() - n1 * (n1 + 1) / 2
    u2 = n1 * n2 - u1
    u = {"greater": u1, "less": u2, "two-sided": max(u1, u2)}[alternative]
    n = n1 + n2
    s = np.sqrt(n1 * n2 / 12 * ((n + 1) - _tie_term(ranks) / (n * (n - 1))))
    return (u - n1 * n2 / 2 - (0.5 if continuity else 0.0)) / s


def has_ties(x, y):
    xy = np.concatenate([x, y])
    return len(np.unique(xy)) < len(xy)


mwu_cases = []


def add_mwu(name, x, y, methods=("auto",), continuities=(True, False)):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    results = []
    for method in methods:
        for alternative in ("two-sided", "less", "greater"):
            for continuity in continuities:
                res = stats.mannwhitneyu(x, y, use_continuity=continuity, alternative=alternative, method=method)
                used = method
                if method == "auto":
                    used = "asymptotic" if (len(x) > 8 and len(y) > 8) or has_ties(x, y) else "exact"
                with np.errstate(divide="ignore", invalid="ignore"):
                    z = mwu_z(x, y, alternative, continuity) if used == "asymptotic" else float("nan")
                results.append({"alternative": alternative, "continuity": continuity, "method": method, "used": used,
                                "u": num(res.statistic), "p": num(res.pvalue), "z": num(z)})
                if used == "exact":
                    break  # the continuity correction does not affect the exact method
    mwu_cases.append({"name": name, "x": nums(x), "y": nums(y), "results": results})


add_mwu("tiny 1 vs 3", [2.5], [1.0, 3.0, 4.0], methods=("auto", "asymptotic"))
add_mwu("tiny 3 vs 1", [1.0, 3.0, 4.0], [0.5], methods=("auto", "asymptotic"))
add_mwu("small 4 vs 6", rng.normal(0, 1, 4).round(6), rng.normal(0.5, 1, 6).round(6), methods=("auto", "asymptotic"))
add_mwu("small 8 vs 8 shifted", rng.normal(1.5, 1, 8).round(6), rng.normal(0, 1, 8).round(6), methods=("auto", "asymptotic"))
add_mwu("exact 5 vs 20", rng.normal(0, 1, 5).round(6), rng.normal(0, 1, 20).round(6), methods=("auto",))
add_mwu("exact 8 vs 300 separated", rng.normal(10, 1, 8).round(6) + 100, rng.normal(0, 1, 300).round(6), methods=("auto",))
add_mwu("forced exact 30 vs 40", rng.normal(0.3, 1, 30).round(6), rng.normal(0, 1, 40).round(6), methods=("exact", "asymptotic"))
add_mwu("forced exact 12 vs 15 separated", rng.normal(5, 1, 12).round(6) + 10, rng.normal(0, 1, 15).round(6), methods=("exact", "asymptotic"))
add_mwu("ties small 4 vs 5", [1, 2, 2, 3], [2, 3, 3, 4, 5], methods=("auto", "exact"))
add_mwu("ties integers 40 vs 55", rng.integers(0, 6, 40), rng.integers(1, 7, 55), methods=("auto",))
add_mwu("unequal 9 vs 120", rng.exponential(1.0, 9).round(6), rng.exponential(1.3, 120).round(6), methods=("auto",))
add_mwu("moderate 60 vs 45", rng.normal(0, 1, 60).round(6), rng.normal(0.2, 1.2, 45).round(6), methods=("auto",))
add_mwu("large 12000 vs 10500", rng.normal(0, 1, 12000).round(5), rng.normal(0.03, 1, 10500).round(5), methods=("auto",))
add_mwu("large extreme 11000 vs 10001", rng.normal(0.45, 1, 11000).round(4), rng.normal(0, 1, 10001).round(4), methods=("auto",))
add_mwu("large ties 15000 vs 12000", rng.integers(0, 20, 15000), rng.integers(0, 20, 12000), methods=("auto",))
add_mwu("all identical", [3.0] * 5, [3.0] * 7, methods=("asymptotic",), continuities=(True,))

# ---------------------------------------------------------------- Hodges-Lehmann
hl_cases = []


def add_hl(name, x, y, conf):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n1, n2 = len(x), len(y)
    nm = n1 * n2
    d = np.sort(np.subtract.outer(x, y).ravel())
    estimate = float(np.median(d))
    alpha = 1 - conf
    if n1 < 50 and n2 < 50 and not has_ties(x, y):
        cdf = _mwu_state.cdf(np.arange(0, nm // 2 + 1), n1, n2)
        u = int(np.argmax(cdf >= alpha / 2)) if np.any(cdf >= alpha / 2) else nm // 2
        k = max(1, u)
        method = "exact"
    else:
        ranks = stats.rankdata(np.concatenate([x, y]))
        n = n1 + n2
        sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - _tie_term(ranks) / (n * (n - 1))))
        k = math.floor(nm / 2 - stats.norm.isf(alpha / 2) * sigma)
        k = min(max(k, 1), (nm + 1) // 2)
        method = "asymptotic"
    hl_cases.append({"name": name, "x": nums(x), "y": nums(y), "confidence": conf, "estimate": estimate,
                     "lower": float(d[k - 1]), "upper": float(d[nm - k]), "k": k, "method": method})


add_hl("tiny 1 vs 3", [2.5], [1.0, 3.0, 4.0], 0.95)
add_hl("small 6 vs 7", rng.normal(1, 1, 6).round(6), rng.normal(0, 1, 7).round(6), 0.95)
add_hl("small 10 vs 12 90%", rng.normal(0.5, 1, 10).round(6), rng.normal(0, 1, 12).round(6), 0.90)
add_hl("exact 40 vs 45", rng.normal(0.4, 1, 40).round(6), rng.normal(0, 1, 45).round(6), 0.95)
add_hl("asymptotic 80 vs 70", rng.normal(-0.3, 2, 80).round(6), rng.normal(0, 2, 70).round(6), 0.95)
add_hl("ties 30 vs 25", rng.integers(0, 8, 30), rng.integers(1, 9, 25), 0.99)
add_hl("large 3000 vs 2500", rng.normal(0.1, 1, 3000).round(6), rng.normal(0, 1, 2500).round(6), 0.95)
add_hl("large unequal 12000 vs 400", rng.lognormal(0, 1, 12000).round(6), rng.lognormal(0.1, 1, 400).round(6), 0.95)

# ---------------------------------------------------------------- linregress
lin_cases = []


def add_lin(name, x, y):
    res = stats.linregress(x if x is not None else np.arange(len(y), dtype=float), y)
    lin_cases.append({"name": name, "x": None if x is None else nums(x), "y": nums(y),
                      "slope": num(res.slope), "intercept": num(res.intercept), "r": num(res.rvalue),
                      "p": num(res.pvalue), "stderr": num(res.stderr), "intercept_stderr": num(res.intercept_stderr)})


xs = rng.uniform(0, 10, 50).round(6)
add_lin("noisy 50", xs, (2.0 + 0.3 * xs + rng.normal(0, 1, 50)).round(6))
add_lin("n = 2 rising", [1.0, 3.0], [2.0, 5.0])
add_lin("n = 2 flat", [1.0, 3.0], [2.0, 2.0])
add_lin("n = 3", [0.0, 1.0, 2.0], [1.0, 0.5, 2.5])
add_lin("index trend 30", None, (5 - 0.1 * np.arange(30) + rng.normal(0, 0.5, 30)).round(6))
add_lin("no trend 40", None, rng.normal(0, 1, 40).round(6))
add_lin("constant y", [1.0, 2.0, 3.0, 4.0], [7.0, 7.0, 7.0, 7.0])
xs = rng.uniform(-5, 5, 500).round(6)
add_lin("extreme p 500", xs, (1 + 0.65 * xs + rng.normal(0, 1.0, 500)).round(6))
xs = rng.uniform(0, 100, 20000).round(4)
add_lin("large 20000", xs, (3 - 0.002 * xs + rng.normal(0, 1, 20000)).round(5))

# ---------------------------------------------------------------- chi-squared
cont_cases = []


def add_cont(name, table):
    table = np.asarray(table, dtype=np.int64)
    for correction in (True, False):
        res = stats.chi2_contingency(table, correction=correction)
        cont_cases.append({"name": f"{name}/yates={correction}", "table": table.tolist(), "correction": correction,
                           "statistic": num(res[0]), "p": num(res[1]), "dof": int(res[2]),
                           "expected": [nums(row) for row in res[3]]})


add_cont("2x2", [[12, 5], [7, 15]])
add_cont("2x2 small diff", [[10, 10], [10, 11]])
add_cont("2x2 tiny", [[1, 0], [0, 2]])
add_cont("3x4", [[20, 15, 30, 8], [10, 25, 12, 14], [5, 9, 11, 30]])
add_cont("1x3", [[4, 5, 6]])
add_cont("2x3 large", [[12000, 8000, 5000], [10000, 9500, 6100]])
add_cont("2x2 extreme", [[27850, 22150], [22150, 27850]])

gof_cases = []


def add_gof(name, obs, exp):
    res = stats.chisquare(obs, exp) if exp is not None else stats.chisquare(obs)
    gof_cases.append({"name": name, "observed": nums(obs), "expected": None if exp is None else nums(exp),
                      "statistic": num(res.statistic), "p": num(res.pvalue)})


add_gof("uniform die", [16, 18, 16, 14, 12, 12], None)
add_gof("given expected", [16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8])
add_gof("sums within 1e-9", [10.0, 20.0, 30.0], [10.0, 20.0, 30.0 + 3e-8])
add_gof("extreme", [5000.0, 2000.0, 3000.0], [3333.0, 3333.0, 3334.0])
add_gof("two categories", [3.0, 7.0], [5.0, 5.0])

# ---------------------------------------------------------------- proportions
alt_map = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}
z2_cases = []
for s1, n1, s2, n2 in [(45, 100, 30, 100), (3, 10, 1, 12), (1, 1, 0, 3), (500, 10000, 430, 9500),
                       (5000, 10000, 3000, 10000), (0, 50, 0, 70), (20, 20, 15, 15), (0, 40, 3, 40)]:
    for alt in ("two-sided", "greater", "less"):
        with np.errstate(all="ignore"):
            z, p = proportions_ztest([s1, s2], [n1, n2], alternative=alt_map[alt])
        z2_cases.append({"s1": s1, "n1": n1, "s2": s2, "n2": n2, "alternative": alt, "z": num(z), "p": num(p),
                         "difference": num(s1 / n1 - s2 / n2)})

z1_cases = []
for s, n, p0 in [(45, 100, 0.5), (7, 20, 0.2), (9000, 10000, 0.85), (980, 1000, 0.5), (0, 30, 0.1), (30, 30, 0.9),
                 (0, 30, 0.0), (12, 40, 0.3)]:
    for alt in ("two-sided", "greater", "less"):
        with np.errstate(all="ignore"):
            z, p = proportions_ztest(s, n, value=p0, alternative=alt_map[alt])
        z1_cases.append({"s": s, "n": n, "p0": p0, "alternative": alt, "z": num(z), "p": num(p),
                         "difference": num(s / n - p0)})

wilson_cases = []
for s, n, conf in [(0, 10, 0.95), (10, 10, 0.95), (1, 1, 0.95), (3, 17, 0.95), (45, 100, 0.99), (450, 1000, 0.5),
                   (7, 123456, 0.95), (12345, 20000, 0.999), (0, 1, 0.8)]:
    lo, hi = proportion_confint(s, n, alpha=1 - conf, method="wilson")
    wilson_cases.append({"s": s, "n": n, "confidence": conf, "lower": num(lo), "upper": num(hi)})

# ---------------------------------------------------------------- power
power_cases, size_cases, mde_cases, h_cases = [], [], [], []
for p1, p2 in [(0.1, 0.12), (0.5, 0.4), (0.02, 0.03), (0.0, 1.0), (0.3, 0.3), (0.9, 0.95)]:
    h_cases.append({"p1": p1, "p2": p2, "h": num(proportion_effectsize(p1, p2))})

nip = NormalIndPower()
for base, expected, alpha, power, ratio, alt in [
        (0.10, 0.12, 0.05, 0.8, 1.0, "two-sided"), (0.10, 0.12, 0.05, 0.8, 1.0, "greater"),
        (0.10, 0.08, 0.05, 0.8, 1.0, "less"), (0.5, 0.6, 0.01, 0.9, 2.0, "two-sided"),
        (0.02, 0.025, 0.05, 0.8, 0.5, "two-sided"), (0.3, 0.5, 0.1, 0.95, 1.0, "greater"),
        (0.05, 0.5, 0.05, 0.8, 1.0, "two-sided")]:
    h = abs(proportion_effectsize(expected, base))
    sm_alt = "two-sided" if alt == "two-sided" else "larger"
    n_sm = nip.solve_power(effect_size=h, nobs1=None, alpha=alpha, power=power, ratio=ratio, alternative=sm_alt)
    f = lambda n: nip.power(h, n, alpha, ratio, sm_alt) - power
    n_exact = optimize.brentq(f, 1e-6, 1e9, xtol=1e-14, rtol=4 * np.finfo(float).eps, maxiter=500)
    size_cases.append({"baseline": base, "expected": expected, "alpha": alpha, "power": power, "ratio": ratio,
                       "alternative": alt, "n_statsmodels": num(n_sm), "n_exact": num(n_exact)})
    for n in (10.0, 250.5, 4000.0):
        power_cases.append({"baseline": base, "expected": expected, "n": n, "alpha": alpha, "ratio": ratio,
                            "alternative": alt, "power": num(nip.power(h, n, alpha, ratio, sm_alt))})

for n, alpha, power, ratio, alt in [(100.0, 0.05, 0.8, 1.0, "two-sided"), (100.0, 0.05, 0.8, 1.0, "greater"),
                                    (5000.0, 0.01, 0.9, 3.0, "two-sided"), (12.5, 0.1, 0.7, 0.5, "less")]:
    sm_alt = "two-sided" if alt == "two-sided" else "larger"
    h_sm = nip.solve_power(effect_size=None, nobs1=n, alpha=alpha, power=power, ratio=ratio, alternative=sm_alt)
    f = lambda h: nip.power(h, n, alpha, ratio, sm_alt) - power
    h_exact = optimize.brentq(f, 1e-9, 50, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
    mde_cases.append({"n": n, "alpha": alpha, "power": power, "ratio": ratio, "alternative": alt,
                      "h_statsmodels": num(h_sm), "h_exact": num(h_exact)})

# ---------------------------------------------------------------- multiple testing
mt_cases = []
method_map = {"Bonferroni": "bonferroni", "Holm": "holm", "BenjaminiHochberg": "fdr_bh"}
p_sets = {
    "mixed": [0.01, 0.04, 0.03, 0.005, 0.2, 0.9, 0.04],
    "single": [0.03],
    "ties and extremes": [1e-300, 0.5, 0.5, 1.0, 0.0, 0.02, 0.02, 0.75, 5e-324, 1e-200],
    "random 2000": list(rng.uniform(0, 1, 2000) ** 3),
    "large 12000 with ties": list(np.round(rng.uniform(0, 1, 12000) ** 4, 5)),
}
for set_name, ps in p_sets.items():
    adjusted = {method: nums(multipletests(ps, method=sm)[1]) for method, sm in method_map.items()}
    mt_cases.append({"name": set_name, "p": nums(ps), "adjusted": adjusted})

out = {
    "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
    "mannwhitney": mwu_cases, "hodges_lehmann": hl_cases, "linregress": lin_cases,
    "chi2_contingency": cont_cases, "chisquare": gof_cases, "ztest_two": z2_cases, "ztest_one": z1_cases,
    "wilson": wilson_cases, "cohens_h": h_cases, "sample_size": size_cases, "power": power_cases, "mde": mde_cases,
    "multipletests": mt_cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats1_reference.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, sum(len(v) for k, v in out.items() if isinstance(v, list)), "cases")
