"""Reference values for the adaptive-milestone performance gate.

Run with Debian's python3 (numpy, scipy 1.10.1, statsmodels 0.13.5):
    python3 milestones_reference.py > milestones_reference.json

AUC and DeLong's variance are computed the slow, direct way (the O(m*n) kernel psi of DeLong, DeLong &
Clarke-Pearson 1988), independently of the midrank algorithm the C# code uses. (McNemar's test moved to
AiGovernance.Statistics with its reference values: tests/AiGovernance.Statistics.Tests/TestData/mcnemar_reference.py.)
"""
import json
import os
import sys

import numpy as np
from scipy import stats

# The direct O(m*n) DeLong kernel is AiGovernance.Statistics' reference implementation, beside its tests.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "AiGovernance.Statistics.Tests", "TestData"))
from delong_reference import delong  # noqa: E402


rng = np.random.default_rng(20261126)
auc_cases = []
for (n, shift, rounding) in [(40, 0.5, None), (200, 1.0, None), (500, 0.3, 1), (1000, 1.5, 2), (60, 0.0, 1)]:
    labels = (rng.random(n) < 0.4).astype(int)
    labels[:2] = [1, 0]
    labels[2:4] = [1, 0]
    raw = rng.normal(loc=shift * labels, scale=1.0)
    scores = 1 / (1 + np.exp(-raw))
    if rounding is not None:
        scores = np.round(scores, rounding)  # ties
    auc, var = delong(labels, scores)
    z = stats.norm.ppf(0.975)
    auc_cases.append({
        "labels": labels.tolist(),
        "scores": scores.tolist(),
        "auc": auc,
        "variance": var,
        "lower": max(0.0, auc - z * np.sqrt(var)),
        "upper": min(1.0, auc + z * np.sqrt(var)),
        # Cross-check: AUC is the Mann-Whitney U of positives over (m * n).
        "auc_from_u": stats.mannwhitneyu(scores[labels == 1], scores[labels == 0]).statistic / ((labels == 1).sum() * (labels == 0).sum()),
    })

print(json.dumps({"auc": auc_cases}, indent=1))
