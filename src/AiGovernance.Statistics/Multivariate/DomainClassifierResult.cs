using MathNet.Numerics.Distributions;

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
    int CurrentRows)
{
    /// <summary>The one-sided p-value of "the AUC exceeds <paramref name="threshold"/>" from DeLong's normal approximation:
    /// Φ̄((AUC − threshold)/SE). With a standard error of 0 (perfect or no separation) it is 0 when the AUC exceeds the
    /// threshold and 1 otherwise.</summary>
    /// <param name="threshold">The AUC under the null hypothesis, e.g. 0.5 plus a margin; in [0, 1).</param>
    /// <returns>The p-value in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in [0, 1).</exception>
    public double PValueAbove(double threshold)
    {
        if (!(threshold is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be in [0, 1).");
        }

        if (!(StandardError > 0))
        {
            return Auc > threshold ? 0.0 : 1.0;
        }

        return Normal.CDF(0, 1, -(Auc - threshold) / StandardError);
    }
}
