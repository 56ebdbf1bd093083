namespace AiGovernance.Statistics;

/// <summary>Confidence-based performance estimates of a multiclass classifier on a window without labels, one-vs-rest:
/// accuracy and the macro averages of precision, recall, specificity, F1 and ROC AUC, each with its band, plus every
/// class's own binary estimates and the expected confusion matrix.</summary>
/// <param name="Count">Predictions in the window.</param>
/// <param name="ClassCount">The number of classes.</param>
/// <param name="ConfidenceLevel">The bands' two-sided coverage.</param>
/// <param name="Accuracy">Expected share of correct predictions, Σ p_(predicted class) / n.</param>
/// <param name="MacroPrecision">Mean over classes of expected TPₖ / predictedₖ (0 for a class never predicted).</param>
/// <param name="MacroRecall">Mean over classes of expected TPₖ / expected actualₖ.</param>
/// <param name="MacroSpecificity">Mean over classes of expected TNₖ / expected non-k.</param>
/// <param name="MacroF1">Mean over classes of 2·TPₖ / (predictedₖ + expected actualₖ).</param>
/// <param name="MacroRocAuc">Mean over classes of the one-vs-rest expected ROC AUC; its band is conservative (see
/// <see cref="MulticlassConfidenceBasedPerformance"/>).</param>
/// <param name="PerClass">Class k's one-vs-rest binary estimates (class k positive, predicted positive when k was the
/// predicted class), at index k.</param>
/// <param name="ExpectedConfusion">Expected counts, row-major by predicted class then actual class: predicted j, actual
/// k at j·<paramref name="ClassCount"/> + k.</param>
public sealed record MulticlassPerformanceEstimate(
    long Count,
    int ClassCount,
    double ConfidenceLevel,
    BandedEstimate Accuracy,
    BandedEstimate MacroPrecision,
    BandedEstimate MacroRecall,
    BandedEstimate MacroSpecificity,
    BandedEstimate MacroF1,
    BandedEstimate MacroRocAuc,
    IReadOnlyList<BinaryPerformanceEstimate> PerClass,
    IReadOnlyList<double> ExpectedConfusion);
