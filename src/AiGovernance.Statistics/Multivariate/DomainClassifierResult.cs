namespace AiGovernance.Statistics;

/// <summary>The outcome of a <see cref="DomainClassifier"/> test.</summary>
/// <param name="Auc">The cross-validated area under the ROC curve for telling current rows (positive) from reference rows;
/// 0.5 when the two are indistinguishable.</param>
/// <param name="StandardError">DeLong's standard error of <see cref="Auc"/>.</param>
/// <param name="Lower">The lower end of the DeLong interval, clipped to [0, 1].</param>
/// <param name="Upper">The upper end of the DeLong interval, clipped to [0, 1].</param>
/// <param name="ConfidenceLevel">The interval's confidence level.</param>
/// <param name="FeatureImportance">One share per input column, summing to 1 (all 0 when every coefficient is 0): how much
/// of the final model's absolute standardised coefficients belongs to that column (a product of two columns counts half
/// for each).</param>
/// <param name="Folds">The number of cross-validation folds.</param>
/// <param name="ReferenceRows">Reference rows used (fewer than given when a seeded sample replaced them).</param>
/// <param name="CurrentRows">Current rows used.</param>
public sealed record DomainClassifierResult(
    double Auc,
    double StandardError,
    double Lower,
    double Upper,
    double ConfidenceLevel,
    IReadOnlyList<double> FeatureImportance,
    int Folds,
    int ReferenceRows,
    int CurrentRows);
