#!/usr/bin/python3
"""Reference values for AiGovernance.Statistics.MulticlassClassificationMetrics (realised one-vs-rest macro metrics).

Oracle: Debian 12's python3-sklearn 1.2.1 (NumPy 1.24.2):
  accuracy_score; precision_score / recall_score / f1_score (average="macro", labels=range(K), zero_division=0);
  roc_auc_score(y, scores, multi_class="ovr", average="macro", labels=range(K)); confusion_matrix (transposed to
  predicted-by-actual). Macro specificity has no scikit-learn function: it is computed from that confusion matrix
  as the mean over classes of TN_k / (TN_k + FP_k).
Scores are softmax rows with all but the last class rounded to 3 decimals (ties, as real scores have; the last
class takes the rest so rows sum to 1), and one case with a never-predicted class.

Run with /usr/bin/python3; writes multiclass_metrics_reference.json next to this file.
"""
import json
import os

import numpy as np
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score, recall_score,
                             roc_auc_score)

rng = np.random.default_rng(20261206)


def case(name, k, n, never_predicted=None):
    logits = rng.normal(size=(n, k)) * 1.5
    scores = np.exp(logits)
    scores = scores / scores.sum(axis=1, keepdims=True)
    scores[:, :-1] = np.round(scores[:, :-1], 3)
    scores[:, -1] = np.maximum(0.0, 1 - scores[:, :-1].sum(axis=1))
    y = np.array([rng.choice(k, p=row / row.sum()) for row in scores])
    pred = scores.argmax(axis=1)
    if never_predicted is not None:
        pred[pred == never_predicted] = (never_predicted + 1) % k
    labels = list(range(k))
    cm = confusion_matrix(y, pred, labels=labels)  # rows actual, columns predicted
    fp = cm.sum(axis=0) - np.diag(cm)
    tn = cm.sum() - cm.sum(axis=0) - cm.sum(axis=1) + np.diag(cm)
    spec = np.where(tn + fp > 0, tn / np.maximum(tn + fp, 1), 0.0)
    return {
        "name": name,
        "k": k,
        "scores": [float(v) for v in scores.ravel()],
        "predicted": [int(v) for v in pred],
        "labels": [int(v) for v in y],
        "accuracy": float(accuracy_score(y, pred)),
        "precision": float(precision_score(y, pred, average="macro", labels=labels, zero_division=0)),
        "recall": float(recall_score(y, pred, average="macro", labels=labels, zero_division=0)),
        "f1": float(f1_score(y, pred, average="macro", labels=labels, zero_division=0)),
        "specificity": float(spec.mean()),
        "auc": float(roc_auc_score(y, scores, multi_class="ovr", average="macro", labels=labels)),
        "confusion": [int(v) for v in cm.T.ravel()],
    }


cases = [
    case("three classes, 400 predictions", 3, 400),
    case("five classes, 1000 predictions", 5, 1000),
    case("four classes, class 2 never predicted", 4, 300, never_predicted=2),
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "multiclass_metrics_reference.json"), "w") as f:
    json.dump({"generator": "multiclass_metrics_reference.py", "cases": cases}, f)
