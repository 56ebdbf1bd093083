using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Gates.Milestones;

/// <summary>How a performance gate decides.</summary>
public sealed class PerformanceGateOptions
{
    /// <summary>The metric judged.</summary>
    /// <value>The default value is <see cref="PerformanceMetric.F1"/>.</value>
    public PerformanceMetric Metric { get; set; } = PerformanceMetric.F1;

    /// <summary>The threshold the metric must clear: in (0, 1) for a classification metric; for an error metric (MAE,
    /// RMSE) a positive value the error must stay at or below, in the target's units.</summary>
    /// <value>The default value is 0.85 (the seed's F1 example).</value>
    [Range(double.Epsilon, double.MaxValue)]
    public double Threshold { get; set; } = 0.85;

    /// <summary>The two-sided confidence level of the interval.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Bootstrap resamples for F1 and for paired comparisons.</summary>
    /// <value>The default value is 2000.</value>
    [Range(200, 100_000)]
    public int BootstrapResamples { get; set; } = 2000;

    /// <summary>The seed of the bootstrap, so an evaluation is reproducible.</summary>
    /// <value>The default value is 20261126.</value>
    public int Seed { get; set; } = 20261126;

    /// <summary>Groups smaller than this are reported but cannot pass on their own: their verdict is at best inconclusive.</summary>
    /// <value>The default value is 30.</value>
    [Range(1, int.MaxValue)]
    public int MinimumGroupSize { get; set; } = 30;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property's.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Metric))
        {
            throw new ArgumentOutOfRangeException(nameof(Metric), Metric, "Unknown metric.");
        }

        var errorMetric = Metric is PerformanceMetric.MeanAbsoluteError or PerformanceMetric.RootMeanSquaredError;
        if (errorMetric ? !(Threshold > 0 && double.IsFinite(Threshold)) : !(Threshold > 0 && Threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, errorMetric
                ? "An error metric's threshold must be positive and finite."
                : "The threshold must lie strictly between 0 and 1.");
        }

        if (!(ConfidenceLevel >= 0.5 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must lie in [0.5, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BootstrapResamples, 200, nameof(BootstrapResamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumGroupSize, 1, nameof(MinimumGroupSize));
    }
}
