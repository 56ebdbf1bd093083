using MathNet.Numerics.Distributions;

namespace AiGovernance.Statistics;

/// <summary>The AUC with DeLong's variance (<see cref="DeLong.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>).</summary>
/// <param name="Auc">The area under the ROC curve, in [0, 1] (ties between a positive and a negative count ½).</param>
/// <param name="Variance">DeLong's variance of <paramref name="Auc"/>; 0 when the classes are perfectly separated or every
/// score is tied.</param>
/// <param name="Positives">The number of positive examples.</param>
/// <param name="Negatives">The number of negative examples.</param>
public readonly record struct DeLongResult(double Auc, double Variance, int Positives, int Negatives)
{
    /// <summary>The standard error √<see cref="Variance"/>.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The normal (Wald) interval AUC ± z·SE, clipped to [0, 1].</summary>
    /// <param name="confidenceLevel">The confidence level in (0, 1).</param>
    /// <returns>[max(0, AUC − z·SE), min(1, AUC + z·SE)] with z = −Φ⁻¹((1 − level)/2) (finite for levels within 1e-16 of 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public Interval ConfidenceInterval(double confidenceLevel = 0.95)
    {
        ProportionGuard.ThrowIfNotOpenUnit(confidenceLevel);
        var half = -Normal.InvCDF(0, 1, (1 - confidenceLevel) / 2) * Math.Sqrt(Variance);
        return new Interval(Math.Max(0, Auc - half), Math.Min(1, Auc + half));
    }
}
