using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Gates.Milestones;

/// <summary>How a performance gate decides.</summary>
public sealed class PerformanceGateOptions
{
    /// <summary>The metric judged.</summary>
    /// <value>The default value is <see cref="PerformanceMetric.F1"/>.</value>
    [EnumDataType(typeof(PerformanceMetric))]
    public PerformanceMetric Metric { get; set; } = PerformanceMetric.F1;

    /// <summary>The threshold the metric must clear: in (0, 1) for a classification metric; for an error metric (MAE,
    /// RMSE) a positive, finite value the error must stay at or below, in the target's units.</summary>
    /// <value>The default value is 0.85 (an F1 of 0.85, a typical release bar for a classifier).</value>
    /// <remarks>The upper bound that depends on <see cref="Metric"/> is checked by the gate's custom validator.</remarks>
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

    /// <summary>The random seed of the bootstrap, so an evaluation is reproducible.</summary>
    /// <value>The default value is 20261126.</value>
    public int Seed { get; set; } = 20261126;

    /// <summary>Groups smaller than this are reported but cannot pass on their own: their verdict is at best inconclusive.</summary>
    /// <value>The default value is 30.</value>
    [Range(1, int.MaxValue)]
    public int MinimumGroupSize { get; set; } = 30;
}
