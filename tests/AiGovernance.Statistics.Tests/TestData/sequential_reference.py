#!/usr/bin/python3
"""Reference values for the mixture sequential probability ratio test (SequentialProportionTest).

There is no SciPy/statsmodels mSPRT, so this script evaluates the documented definition (Johari, Pekelis & Walsh 2017,
normal mixture over the difference of two proportions) independently, in extended precision (mpmath, 50 digits):
    theta = e_c/n_c - e_b/n_b;  pooled = (e_b + e_c)/(n_b + n_c);  V = pooled (1 - pooled) (1/n_b + 1/n_c);
    Lambda = sqrt(V / (V + tau2)) * exp(tau2 theta^2 / (2 V (V + tau2)))    (Lambda = 1 when V = 0);
    always-valid p after each look = min(previous p, 1/Lambda), starting from 1.
Cases: single looks over a grid of counts and mixing variances (including pooled rates of 0 and 1, unequal arms and
a Lambda large enough to send p to about 1e-200), and look sequences of cumulative counts.
Run with /usr/bin/python3 (Debian 12: python3-mpmath); writes sequential_reference.json next to this file.
"""
import json
import os

import mpmath
import numpy as np

mpmath.mp.dps = 50


def likelihood_ratio(eb, nb, ec, nc, tau2):
    eb, nb, ec, nc, tau2 = (mpmath.mpf(v) for v in (eb, nb, ec, nc, tau2))
    pooled = (eb + ec) / (nb + nc)
    v = pooled * (1 - pooled) * (1 / nb + 1 / nc)
    if v == 0:
        return mpmath.mpf(1)
    theta = ec / nc - eb / nb
    return mpmath.sqrt(v / (v + tau2)) * mpmath.exp(tau2 * theta ** 2 / (2 * v * (v + tau2)))


single = []
for (eb, nb, ec, nc, tau2) in [(10, 1000, 30, 1000, 1e-4), (10, 1000, 10, 1000, 1e-4), (0, 1000, 0, 1000, 1e-4),
                               (1000, 1000, 500, 500, 1e-4), (50, 10000, 61, 10000, 2.5e-5), (5, 200, 40, 900, 1e-3),
                               (200, 100000, 420, 100000, 1e-5), (3, 50, 0, 40, 0.01), (12000, 400000, 12900, 400000, 4e-6),
                               (100, 1000, 300, 1000, 1e-2), (1, 1, 0, 1, 1.0), (70, 5000, 65, 5000, 1e-6)]:
    lam = likelihood_ratio(eb, nb, ec, nc, tau2)
    single.append({"errors_baseline": eb, "trials_baseline": nb, "errors_candidate": ec, "trials_candidate": nc,
                   "mixture_variance": tau2, "likelihood_ratio": float(lam), "p": float(min(mpmath.mpf(1), 1 / lam))})

rng = np.random.default_rng(11)
sequences = []
for (rate_b, rate_c, per_look, looks, tau2) in [(0.05, 0.05, 400, 30, 2.5e-5), (0.01, 0.02, 1000, 25, 2.5e-5),
                                               (0.2, 0.17, 200, 20, 1e-3)]:
    eb = ec = n = 0
    p = mpmath.mpf(1)
    path = []
    for _ in range(looks):
        eb += int(rng.binomial(per_look, rate_b))
        ec += int(rng.binomial(per_look, rate_c))
        n += per_look
        p = min(p, 1 / likelihood_ratio(eb, n, ec, n, tau2))
        path.append({"errors_baseline": eb, "errors_candidate": ec, "trials": n, "p": float(p)})
    sequences.append({"mixture_variance": tau2, "looks": path})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sequential_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"single": single, "sequences": sequences}, f, indent=0)
    f.write("\n")
