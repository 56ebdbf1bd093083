namespace AiGovernance.Statistics;

/// <summary>Confidence-based performance estimates of a binary classifier on a window without labels: the expected
/// confusion matrix and the metrics built from it, each with the band its realised value is expected to fall in.</summary>
/// <param name="Count">Predictions in the window.</param>
/// <param name="PredictedPositives">How many the model predicted positive (known without labels).</param>
/// <param name="ConfidenceLevel">The bands' two-sided coverage.</param>
/// <param name="TruePositives">Expected true positives, Σ p over predicted positives.</param>
/// <param name="FalsePositives">Expected false positives, Σ (1 − p) over predicted positives.</param>
/// <param name="FalseNegatives">Expected false negatives, Σ p over predicted negatives.</param>
/// <param name="TrueNegatives">Expected true negatives, Σ (1 − p) over predicted negatives.</param>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="Precision">TP / (TP + FP); undefined without predicted positives.</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="Specificity">TN / (TN + FP).</param>
/// <param name="F1">2·TP / (2·TP + FP + FN).</param>
/// <param name="RocAuc">The expected ROC AUC: expected concordant pairs over expected positive–negative pairs.</param>
/// <param name="RocAucResolution">A bound on how far <paramref name="RocAuc"/> can be from the same formula evaluated
/// without binning (pairs within a bin are counted as ties).</param>
public sealed record BinaryPerformanceEstimate(
    long Count,
    long PredictedPositives,
    double ConfidenceLevel,
    BandedEstimate TruePositives,
    BandedEstimate FalsePositives,
    BandedEstimate FalseNegatives,
    BandedEstimate TrueNegatives,
    BandedEstimate Accuracy,
    BandedEstimate Precision,
    BandedEstimate Recall,
    BandedEstimate Specificity,
    BandedEstimate F1,
    BandedEstimate RocAuc,
    double RocAucResolution);
