"""Reference PSI values from a NumPy implementation of the convention documented in /work/shared/STATISTICS.md.

Run: /usr/bin/python3 psi_reference.py  (writes psi_reference.json next to this file). NumPy 1.24.2 (Debian 12).

Convention: cut points fitted on the reference only -- quantile: np.quantile(ref, k/b, method="linear") (R type 7),
k = 1..b-1; equal width: min + k*(max-min)/b -- duplicates collapsed (a cut point is kept only if it is greater than
the previous kept one); bins right-closed (c[k-1], c[k]] with open outer bins (np.searchsorted(..., side="left"));
proportions count/total; a zero proportion on either side replaced by epsilon without renormalisation;
PSI = sum((c - r) * ln(c / r)). Categorical: one bin per category over the union, ordinal order.
"""
import json
import os

import numpy as np

rng = np.random.default_rng(4242)


def fit(ref, bins, strategy):
    if strategy == "Quantile":
        cuts = np.quantile(ref, np.arange(1, bins) / bins, method="linear")
    else:
        lo, hi = float(np.min(ref)), float(np.max(ref))
        cuts = np.array([lo + k * (hi - lo) / bins for k in range(1, bins)])
    kept = [cuts[0]]
    for c in cuts[1:]:
        if c > kept[-1]:
            kept.append(c)
    return np.array(kept)


def counts(x, cuts):
    return np.bincount(np.searchsorted(cuts, x, side="left"), minlength=len(cuts) + 1)


def psi_from_counts(rc, cc, eps):
    r = rc / rc.sum()
    c = cc / cc.sum()
    r = np.where(r == 0, eps, r)
    c = np.where(c == 0, eps, c)
    contributions = (c - r) * np.log(c / r)
    return float(np.sum(contributions)), contributions


cases = []


def add(name, ref, cur, bins=10, strategy="Quantile", eps=1e-4):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    cuts = fit(ref, bins, strategy)
    rc, cc = counts(ref, cuts), counts(cur, cuts)
    psi, contributions = psi_from_counts(rc, cc, eps)
    cases.append({
        "name": name,
        "reference": ref.tolist(),
        "current": cur.tolist(),
        "bins": bins,
        "binning": strategy,
        "epsilon": eps,
        "cut_points": cuts.tolist(),
        "reference_counts": rc.tolist(),
        "current_counts": cc.tolist(),
        "contributions": contributions.tolist(),
        "psi": psi,
    })


ref = rng.normal(0, 1, 500)
add("normal_identical", ref, ref.copy())
add("normal_shift_quantile", ref, rng.normal(0.3, 1, 400))
add("normal_shift_equal_width", ref, rng.normal(0.3, 1, 400), strategy="EqualWidth")
add("normal_scale_quantile_20_bins", ref, rng.normal(0, 1.5, 300), bins=20)
add("outside_reference_range_quantile", rng.uniform(0, 1, 300), rng.uniform(0.5, 2.0, 300))
add("outside_reference_range_equal_width", rng.uniform(0, 1, 300), rng.uniform(-1.0, 0.5, 300), strategy="EqualWidth")
add("far_outside_empty_bins", rng.normal(0, 1, 200), rng.normal(10, 1, 200), bins=5)
add("discrete_collapsed_quantile", rng.integers(0, 4, 400), rng.integers(0, 5, 300))
add("discrete_heavy_ties_quantile", np.concatenate([np.zeros(300), rng.integers(1, 3, 50)]), rng.integers(0, 3, 200))
add("discrete_collapsed_equal_width", rng.integers(0, 3, 200), rng.integers(0, 3, 150), bins=10, strategy="EqualWidth")
add("constant_reference", np.full(50, 7.0), np.array([6.0, 7.0, 7.0, 8.0, 9.0]), bins=4)
add("constant_reference_equal_width", np.full(40, -3.0), np.array([-4.0, -3.0, -2.0]), bins=10, strategy="EqualWidth")
add("epsilon_1e-3", rng.exponential(1.0, 300), rng.exponential(1.6, 300), eps=1e-3)
add("small_samples_two_bins", [1.0, 2.0, 3.0], [2.5, 3.5], bins=2)
add("lognormal_many_bins", rng.lognormal(0, 1, 600), rng.lognormal(0.2, 1, 600), bins=50)

categorical = []


def add_categorical(name, ref, cur, eps=1e-4):
    cats = sorted(set(ref) | set(cur))  # Python sorts str by code point = ordinal for BMP strings
    rc = np.array([ref.count(c) for c in cats])
    cc = np.array([cur.count(c) for c in cats])
    psi, contributions = psi_from_counts(rc, cc, eps)
    categorical.append({
        "name": name, "reference": ref, "current": cur, "epsilon": eps, "categories": cats,
        "reference_counts": rc.tolist(), "current_counts": cc.tolist(),
        "contributions": contributions.tolist(), "psi": psi,
    })


labels = ["a", "b", "c", "d", "B"]
add_categorical("categories_shift", list(rng.choice(labels[:4], 300, p=[0.4, 0.3, 0.2, 0.1])),
                list(rng.choice(labels[:4], 200, p=[0.25, 0.25, 0.25, 0.25])))
add_categorical("new_and_vanished_categories", ["x"] * 10 + ["y"] * 5, ["y"] * 4 + ["z"] * 6)
add_categorical("case_sensitive", list(rng.choice(labels, 100)), list(rng.choice(labels, 80)), eps=1e-3)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "psi_reference.json"), "w") as f:
    json.dump({"generator": f"numpy {np.__version__}", "numeric": cases, "categorical": categorical}, f, indent=1)
