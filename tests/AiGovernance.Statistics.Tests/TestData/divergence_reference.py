"""Reference values for Jensen-Shannon, Kullback-Leibler and Wasserstein-1 (SciPy 1.10.1, Debian 12 /usr/bin/python3).

Run: /usr/bin/python3 divergence_reference.py  (writes divergence_reference.json next to this file).
Hellinger and total variation have no SciPy function; they are computed here with NumPy from their definitions
(on SciPy-normalised vectors) as a second, independent implementation.
"""
import json
import os

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy, wasserstein_distance

rng = np.random.default_rng(20261126)


def num(x):
    x = float(x)
    if np.isnan(x):
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


vector_cases = []


def add_vectors(name, p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    pn, qn = p / p.sum(), q / q.sum()
    case = {
        "name": name,
        "p": p.tolist(),
        "q": q.tolist(),
        "js_distance_e": num(jensenshannon(p, q)),
        "js_distance_2": num(jensenshannon(p, q, base=2)),
        "kl_pq_e": num(entropy(p, q)),
        "kl_pq_2": num(entropy(p, q, base=2)),
        "hellinger": num(np.sqrt(0.5 * np.sum((np.sqrt(pn) - np.sqrt(qn)) ** 2))),
        "total_variation": num(0.5 * np.sum(np.abs(pn - qn))),
    }
    vector_cases.append(case)


add_vectors("scipy_doc_example", [1.0, 0.0, 0.0], [0.0, 1.0, 0.0])
add_vectors("scipy_doc_example_2", [1.0, 0.0], [0.5, 0.5])
add_vectors("identical", [0.2, 0.3, 0.5], [0.2, 0.3, 0.5])
add_vectors("unnormalised_counts", [10, 20, 30, 40], [25, 25, 25, 25])
add_vectors("unnormalised_scaled_copy", [1, 2, 3], [100, 200, 300])
add_vectors("zeros_in_both", [0.0, 0.5, 0.5, 0.0], [0.25, 0.0, 0.5, 0.25])
add_vectors("zero_only_in_q", [0.1, 0.2, 0.7], [0.0, 0.5, 0.5])
add_vectors("tiny_difference", [0.25, 0.25, 0.25, 0.25], [0.25 + 1e-6, 0.25 - 1e-6, 0.25, 0.25])
add_vectors("disjoint_supports", [3, 1, 0, 0], [0, 0, 2, 5])
for i in range(8):
    k = int(rng.integers(2, 25))
    p = rng.gamma(0.7, size=k)
    q = rng.gamma(0.7, size=k)
    p[rng.random(k) < 0.2] = 0.0
    q[rng.random(k) < 0.2] = 0.0
    if p.sum() == 0:
        p[0] = 1.0
    if q.sum() == 0:
        q[-1] = 1.0
    add_vectors(f"random_{i}_k{k}", p, q)

sample_cases = []


def add_samples(name, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    sample_cases.append({
        "name": name,
        "x": x.tolist(),
        "y": y.tolist(),
        "wasserstein": num(wasserstein_distance(x, y)),
        "wasserstein_normalized": num(wasserstein_distance(x, y) / max(np.std(x), 0.001)),
    })


add_samples("scipy_doc_example", [0, 1, 3], [5, 6, 8])
add_samples("scipy_doc_example_2", [0, 1], [0, 1, 2, 3])
add_samples("identical", [1.5, 2.5, 2.5, 9.0], [9.0, 2.5, 1.5, 2.5])
add_samples("single_values", [3.0], [-4.5])
add_samples("ties_and_negatives", [-2, -2, -1, 0, 0, 0, 5], [-3, -1, -1, 0, 4, 4])
add_samples("constant_reference", [2.0, 2.0, 2.0], [2.0, 2.5, 3.0])
add_samples("normal_shifted", rng.normal(0, 1, 300), rng.normal(0.4, 1.2, 250))
add_samples("lognormal_vs_normal", rng.lognormal(0, 0.5, 400), rng.normal(1.1, 0.6, 180))
add_samples("integers", rng.integers(0, 6, 200), rng.integers(1, 7, 150))
add_samples("large_offset", 1e6 + rng.normal(0, 1, 100), 1e6 + rng.normal(0.1, 1, 120))

out = {
    "generator": f"scipy {scipy.__version__}, numpy {np.__version__}",
    "vectors": vector_cases,
    "samples": sample_cases,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "divergence_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
